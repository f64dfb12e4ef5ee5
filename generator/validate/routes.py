"""Routes without dead ends: unknown or unreachable steps, cycles, outcomes without sources or without
anyone to ask, references to records that do not exist or are of the wrong kind. Each problem at the
exact line of the offending key."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..catalog import Catalog, Entry
from ..model import ALLOWED_KINDS, KINDS, PAGE_REFS, RESERVED_IDS, SLUG_RE, Route, ref_fields
from ..problems import Problem, did_you_mean, dotted

MAX_ANSWER_WORDS = 20
"""An answer is read beside the others at a glance (B1): a short line, not a paragraph."""
MAX_STEP_SENTENCES = 3
"""A next step is one thing to do; three sentences at most."""
_SENTENCE_END = re.compile(r"[.?!] ")


def check_route(
    entry: Entry, catalog: Catalog | None = None, *, broken: frozenset[str] | set[str] = frozenset()
) -> list[Problem]:
    """Everything wrong with one route that its model cannot see, each at the line of the offending key.

    Dead ends, unknown or unreachable steps, cycles, outcomes without sources or without
    anyone to ask, and (with a catalog) references to records that do not exist or do not
    fit the field. `broken` names records whose file exists but failed to load: their own
    problems are reported already, so references to them are not reported again.
    """
    route = entry.record
    assert isinstance(route, Route), f"{entry.path} is geen route"
    problems: list[Problem] = []

    def report(loc: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(entry.path, entry.line(*loc), dotted(loc), message))

    if entry.id in RESERVED_IDS:
        report(
            (), f"de id '{entry.id}' is gereserveerd voor het overzicht van alle routes; kies een andere bestandsnaam"
        )
    for node_id in route.nodes:
        if not SLUG_RE.match(node_id):
            report(
                ("nodes", node_id),
                f"de id '{node_id}' is ook het webadres: gebruik kleine letters, cijfers en streepjes",
            )
        elif node_id in RESERVED_IDS:
            report(("nodes", node_id), f"de id '{node_id}' is gereserveerd; kies een andere id voor deze stap")

    start = route.nodes.get(route.start)
    if start is None:
        report(
            ("start",),
            f"de eerste stap '{route.start}' staat niet onder 'nodes'{did_you_mean(route.start, route.nodes)}",
        )
    elif start.question is None:
        report(("start",), f"een route begint met een vraag, maar '{route.start}' is een uitkomst")

    for node_id, node in route.nodes.items():
        here = ("nodes", node_id)
        for i, answer in enumerate(node.question.answers if node.question else []):
            words = len(answer.text.split())
            if words > MAX_ANSWER_WORDS:
                report(
                    (*here, "question", "answers", i, "text"),
                    f"dit antwoord is {words} woorden lang; hoogstens {MAX_ANSWER_WORDS}, zodat je de antwoorden "
                    "in één blik vergelijkt. Zet de uitleg in 'hint' van het antwoord",
                )
        for i, step in enumerate(node.outcome.next_steps if node.outcome else []):
            sentences = len(_SENTENCE_END.split(step))
            if sentences > MAX_STEP_SENTENCES:
                report(
                    (*here, "outcome", "next_steps", i),
                    f"deze stap heeft {sentences} zinnen; hoogstens {MAX_STEP_SENTENCES}. Maak er meer stappen van, "
                    "of zet de uitleg in 'body'",
                )
        if node.question is not None and not node.question.answers:
            report(
                (*here, "question", "answers"),
                "doodlopende vraag: er staat geen antwoord onder; geef minstens één antwoord met 'text' en 'next'",
            )
        if node.outcome is not None:
            if not node.outcome.sources:
                report(
                    (*here, "outcome", "sources"),
                    "deze uitkomst heeft geen bron; zet onder 'sources' minstens één bron waar de feiten op rusten",
                )
            if not node.outcome.ask:
                report(
                    (*here, "outcome", "ask"),
                    "deze uitkomst zegt niet wie je het kunt vragen; zet onder 'ask' minstens één contact, "
                    "zoals contact/wijkteam-of-jeugdteam",
                )
    for node_id, i, target in route.edges():
        if target not in route.nodes:
            report(
                ("nodes", node_id, "question", "answers", i, "next"),
                f"doodlopend antwoord: stap '{target}' staat niet onder 'nodes'{did_you_mean(target, route.nodes)}",
            )

    if start is not None:
        reachable = _reachable(route)
        for node_id in route.nodes:
            if node_id not in reachable:
                report(
                    ("nodes", node_id),
                    f"stap '{node_id}' is niet te bereiken vanaf de eerste vraag '{route.start}'; "
                    "laat een antwoord ernaar verwijzen of haal de stap weg",
                )
        for node_id, i, cycle in _cycles(route):
            report(
                ("nodes", node_id, "question", "answers", i, "next"),
                f"dit antwoord leidt terug naar een eerdere stap ({' → '.join(cycle)}); "
                "een route mag niet rondlopen, anders kom je nooit bij een uitkomst",
            )

    if catalog is not None:
        problems += _reference_problems(entry, catalog, broken)
    return problems


def _reachable(route: Route) -> set[str]:
    seen = {route.start}
    todo = [route.start]
    while todo:
        node = route.nodes.get(todo.pop())
        if node is not None and node.question is not None:
            for answer in node.question.answers:
                if answer.next in route.nodes and answer.next not in seen:
                    seen.add(answer.next)
                    todo.append(answer.next)
    return seen


def _cycles(route: Route) -> Iterator[tuple[str, int, list[str]]]:
    """(question id, answer index, the cycle's steps) for every answer that leads back onto its own path."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node_id: str) -> Iterator[tuple[str, int, list[str]]]:
        path.append(node_id)
        question = route.nodes[node_id].question
        for i, answer in enumerate(question.answers if question else []):
            if answer.next in path:
                yield node_id, i, [*path[path.index(answer.next) :], answer.next]
            elif answer.next in route.nodes and answer.next not in done:
                yield from visit(answer.next)
        path.pop()
        done.add(node_id)

    if route.start in route.nodes:
        yield from visit(route.start)


def _reference_problems(entry: Entry, catalog: Catalog, broken: Iterable[str]) -> list[Problem]:
    route = entry.record
    assert isinstance(route, Route)
    broken = set(broken)
    problems = []
    for node_id, node in route.nodes.items():
        if node.outcome is None:
            continue
        for field_name, refs in ref_fields(node.outcome):
            kinds, allowed = ALLOWED_KINDS[field_name]
            for i, ref in enumerate(refs):
                loc = ("nodes", node_id, "outcome", field_name, i)
                kind, _, id_ = ref.partition("/")
                message = None
                if kinds is not None and kind not in kinds:
                    message = f"'{ref}' hoort niet onder '{field_name}': daar staan {allowed}"
                elif ref in PAGE_REFS or ref in broken:
                    continue
                elif kind not in KINDS:
                    message = f"onbekende soort '{kind}' in '{ref}'; kies uit {', '.join(sorted(KINDS))}"
                elif catalog.get(kind, id_) is None:
                    candidates = [e.id for e in catalog.of_kind(kind)]
                    message = f"verwijst naar '{ref}', maar data/{kind}/{id_}.yaml bestaat niet{did_you_mean(id_, candidates)}"
                if message:
                    problems.append(Problem(entry.path, entry.line(*loc), dotted(loc), message))
    return problems


def check_routes(catalog: Catalog, broken: frozenset[str] | set[str] = frozenset()) -> list[Problem]:
    """`check_route` for every route in the catalog (the loader calls this after loading all records)."""
    problems = []
    for entry in catalog.of_kind("route"):
        problems += check_route(entry, catalog, broken=broken)
    return problems
