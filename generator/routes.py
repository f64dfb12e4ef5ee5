"""Decision routes: from a young person's need, question by question, to the law, the measure and the contact.

A route is a record like any other (`data/route/<id>.yaml`, the common `Record` fields) with
a `start` question and `nodes`: every node is either a question whose answers lead to
further nodes, or an outcome that names the laws, the measures, who decides, what to do
next, whom to ask and the sources. Everything an outcome points at is a "kind/id"
reference to an existing record, so a route never restates a legal fact in its own words
without a record and a source behind it.

This module holds the three stages of the route kind:

- model: `Route` and its parts (strict pydantic, Dutch field docstrings for the editors);
- checks: `check_route` / `check_routes` turn dead ends, unreachable steps, cycles, missing
  sources and broken references into `Problem`s at the exact line of the offending key;
- pages: `render_route_pages` renders one static page per step, so a route works without
  JavaScript and every step can be bookmarked, printed and shared.

Import order. `generator.model` imports this module at its end, and this module adds the
"route" kind to `KINDS`, `KIND_LABELS` and `KIND_FIELD_EXAMPLES` itself, at its end; that
works whichever of the two is imported first. The loader and the renderer call into this module, so their
helpers (`Problem`, `Page`, …) are imported inside the functions that use them.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator

from .model import (
    AUDIENCE_LABELS,
    KIND_FIELD_EXAMPLES,
    KIND_LABELS,
    KINDS,
    SLUG_RE,
    Contact,
    InlineMarkdown,
    Law,
    Markdown,
    Record,
    Ref,
    Source,
    StrictModel,
    Term,
    Text,
    Title,
    Unknown,
)
from .text import escape

if TYPE_CHECKING:
    from .loader import Catalog, Entry, Problem
    from .pages import Page

KIND = "route"
"""Folder name under data/ and URL segment of the route pages."""
LABELS = ("Route", "Routes")
"""Singular and plural Dutch labels of the kind (KIND_LABELS)."""
RESERVED_IDS = frozenset({"index"})
"""`route/index.md` lists the routes, and `route/<id>/index.md` would share the URL of `route/<id>.md`."""

_REF_RE = re.compile(r"^([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)$")


def _check_record_ref(value: str) -> str:
    if not _REF_RE.match(value):
        raise ValueError(
            f"'{value}' is geen verwijzing; schrijf soort/id, zoals wet/jeugdwet of contact/wijkteam-of-jeugdteam"
        )
    return value


RecordRef = Annotated[
    str,
    AfterValidator(_check_record_ref),
    WithJsonSchema({"type": "string", "pattern": _REF_RE.pattern, "examples": ["wet/jeugdwet"]}),
]
"""A reference to a record as 'kind/id', like `Record.related`."""

_AT_LEAST_ONE = Field(json_schema_extra={"minItems": 1})
"""Editors see 'at least one' in their editor; `check_route` rejects an empty list with a Dutch message."""


# --------------------------------------------------------------------------- model


class Answer(StrictModel):
    """Een antwoord dat de bezoeker kan kiezen."""

    text: Title
    """Het antwoord in gewone woorden, zoals de bezoeker het kiest. Voorbeeld: 'Jonger dan 18 jaar'."""
    next: Ref
    """Id van de stap die op dit antwoord volgt: een andere vraag of een uitkomst onder 'nodes'."""
    hint: Text | None = None
    """Korte uitleg bij het antwoord, als die helpt om te kiezen. Voorbeeld: 'bijvoorbeeld autisme of ADHD'."""


class Question(StrictModel):
    """Een vraag in een route. De bezoeker kiest een van de antwoorden."""

    text: Title
    """De vraag, kort en in gewone woorden (B1). Voorbeeld: 'Hoe oud is de jongere?'"""
    help: InlineMarkdown | None = None
    """Uitleg bij de vraag, als die helpt om een antwoord te kiezen."""
    answers: Annotated[list[Answer], _AT_LEAST_ONE]
    """De antwoorden; minstens één. Elk antwoord wijst met 'next' naar de volgende stap."""


class Outcome(StrictModel):
    """Een uitkomst van een route: wat past er, wie beslist, wat doe je nu en wie kun je het vragen."""

    title: Title
    """De uitkomst in een paar woorden. Voorbeeld: 'Jeugdhulp via de gemeente (Jeugdwet)'."""
    summary: Text
    """Wat deze uitkomst betekent, in één of twee zinnen (B1)."""
    body: Markdown | None = None
    """Meer uitleg in Markdown, in eigen woorden en alleen met feiten uit de bronnen."""
    laws: list[RecordRef] = Field(default_factory=list)
    """De wetten of regelingen die hier passen, als 'wet/<id>'. Laat leeg als de uitkomst niet over een wet gaat."""
    measures: list[RecordRef] = Field(default_factory=list)
    """Maatregelen of vormen van hulp, als begrip uit de woordenlijst: 'begrip/<id>'. Noemt een van de wetten de maatregel, dan toont de pagina ook wie erover beslist."""
    decides: Text
    """Wie beslist, in gewone woorden, en alleen wat de wetten, de begrippen en de bronnen zeggen."""
    next_steps: Annotated[list[Text], Field(min_length=1)]
    """Wat je nu kunt doen, in volgorde; elk punt één zin."""
    ask: Annotated[list[RecordRef], _AT_LEAST_ONE]
    """Wie je het kunt vragen; minstens één: 'contact/<id>', 'netwerk/<id>', 'regio/<id>' of de pagina 'regio/gemeenten' (Vind je regio, met het RET van elke regio)."""
    see_also: list[RecordRef] = Field(default_factory=list)
    """Verder lezen: lessen, begrippen, hulpmiddelen of een andere route, als 'soort/id'."""
    sources: Annotated[list[Source], _AT_LEAST_ONE]
    """De bronnen waar deze uitkomst op rust; minstens één."""


class Node(StrictModel):
    """Een stap in een route: een vraag of een uitkomst."""

    question: Question | None = None
    """Vul dit in als de stap een vraag is."""
    outcome: Outcome | None = None
    """Vul dit in als de stap een uitkomst is (het einde van de route)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Node:
        if (self.question is None) == (self.outcome is None):
            both = "allebei" if self.question is not None else "geen van beide"
            raise ValueError(f"een stap is een vraag ('question:') of een uitkomst ('outcome:'); hier staat {both}")
        return self


class Route(Record):
    """Een beslisroute: vraag voor vraag van de hulpvraag naar de wet, de maatregel en het contact."""

    start: Ref
    """Id van de eerste vraag onder 'nodes'."""
    nodes: Annotated[dict[str, Node], Field(min_length=1)]
    """Alle stappen van de route, elk onder een eigen id (kleine letters, cijfers en streepjes). De id is ook het webadres van de stap: route/<route>/<id>/."""

    def edges(self) -> Iterator[tuple[str, int, str]]:
        """(question id, answer index, next id) for every answer, in file order."""
        for node_id, node in self.nodes.items():
            if node.question is not None:
                for i, answer in enumerate(node.question.answers):
                    yield node_id, i, answer.next


# --------------------------------------------------------------------------- references


def _ref_fields(outcome: Outcome) -> Iterator[tuple[str, list[str]]]:
    yield "laws", outcome.laws
    yield "measures", outcome.measures
    yield "ask", outcome.ask
    yield "see_also", outcome.see_also


_ALLOWED_KINDS: dict[str, tuple[frozenset[str] | None, str]] = {
    "laws": (frozenset({"wet"}), "alleen wetten, als wet/<id>"),
    "measures": (frozenset({"begrip"}), "alleen begrippen uit de woordenlijst, als begrip/<id>"),
    "ask": (
        frozenset({"contact", "netwerk", "regio"}),
        "alleen contacten (contact/<id>), netwerken (netwerk/<id>), regio's (regio/<id>) of regio/gemeenten",
    ),
    "see_also": (None, "alle soorten records"),
}
"""Field → (kinds it may point at, or None for any; how to say that in Dutch)."""

PAGE_REFS: dict[str, tuple[str, str]] = {
    "regio/gemeenten": (
        "regio/gemeenten.md",
        "Zoek je gemeente. Op de pagina van je jeugdregio staan het regionaal expertteam (RET), het "
        "expertisenetwerk (BEN) en de zorgkantoorregio.",
    ),
    "regio/index": ("regio/index.md", "Alle jeugdregio's, met hun regionaal expertteam (RET)."),
    "netwerk/index": ("netwerk/index.md", "De acht bovenregionale expertisenetwerken (BEN's)."),
    "contact/index": ("contact/index.md", "Organisaties en hulplijnen waar je terechtkunt."),
}
"""References to generated overview pages that are not records: ref → (page path, one-line description)."""


def _page_title(ref: str) -> str:
    return "Vind je regio" if ref == "regio/gemeenten" else KIND_LABELS[ref.partition("/")[0]][1]


def iter_route_references(entry: Entry) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Yield (loc, kind, id) for every record a route's steps point at (overview pages excluded)."""
    route = entry.record
    if not isinstance(route, Route):
        return
    for node_id, node in route.nodes.items():
        if node.outcome is None:
            continue
        for field_name, refs in _ref_fields(node.outcome):
            for i, ref in enumerate(refs):
                if ref not in PAGE_REFS:
                    kind, _, id_ = ref.partition("/")
                    yield ("nodes", node_id, "outcome", field_name, i), kind, id_


# --------------------------------------------------------------------------- checks


def _dotted(loc: tuple[Any, ...]) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


def _hint(value: str, candidates: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, list(candidates), n=1)
    return f"; bedoel je '{guess[0]}'?" if guess else ""


def check_route(
    entry: Entry, catalog: Catalog | None = None, *, broken: frozenset[str] | set[str] = frozenset()
) -> list[Problem]:
    """Everything wrong with one route that its model cannot see, each at the line of the offending key.

    Dead ends, unknown or unreachable steps, cycles, outcomes without sources or without
    anyone to ask, and (with a catalog) references to records that do not exist or do not
    fit the field. `broken` names records whose file exists but failed to load: their own
    problems are reported already, so references to them are not reported again.
    """
    from .loader import Problem

    route = entry.record
    assert isinstance(route, Route), f"{entry.path} is geen route"
    problems: list[Problem] = []

    def report(loc: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(entry.path, entry.line(*loc), _dotted(loc), message))

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
        report(("start",), f"de eerste stap '{route.start}' staat niet onder 'nodes'{_hint(route.start, route.nodes)}")
    elif start.question is None:
        report(("start",), f"een route begint met een vraag, maar '{route.start}' is een uitkomst")

    for node_id, node in route.nodes.items():
        here = ("nodes", node_id)
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
                f"doodlopend antwoord: stap '{target}' staat niet onder 'nodes'{_hint(target, route.nodes)}",
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
        problems += _reference_problems(entry, catalog, broken, Problem)
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


def _reference_problems(entry: Entry, catalog: Catalog, broken: Iterable[str], problem: type[Problem]) -> list[Problem]:
    route = entry.record
    assert isinstance(route, Route)
    broken = set(broken)
    problems = []
    for node_id, node in route.nodes.items():
        if node.outcome is None:
            continue
        for field_name, refs in _ref_fields(node.outcome):
            kinds, allowed = _ALLOWED_KINDS[field_name]
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
                    message = f"verwijst naar '{ref}', maar data/{kind}/{id_}.yaml bestaat niet{_hint(id_, candidates)}"
                if message:
                    problems.append(problem(entry.path, entry.line(*loc), _dotted(loc), message))
    return problems


def check_routes(catalog: Catalog, broken: frozenset[str] | set[str] = frozenset()) -> list[Problem]:
    """`check_route` for every route in the catalog (the loader calls this after loading all records)."""
    problems = []
    for entry in catalog.of_kind(KIND):
        problems += check_route(entry, catalog, broken=broken)
    return problems


# --------------------------------------------------------------------------- pages


def route_path(route_id: str) -> str:
    """The route's overview, which is also its first question."""
    return f"{KIND}/{route_id}.md"


def node_path(route_id: str, node_id: str) -> str:
    """Every other step: `route/<route>/<step>.md`, next to the overview's folder URL."""
    return f"{KIND}/{route_id}/{node_id}.md"


DISCLAIMER_TITLE = "Dit is geen juridisch advies"


def render_mermaid(route: Route) -> str:
    """The route as a Mermaid flowchart (questions as boxes, outcomes as rounded boxes)."""
    ids = {node_id: f"n{i}" for i, node_id in enumerate(route.nodes)}

    def label(text: str) -> str:
        return '"' + text.replace('"', "#quot;") + '"'

    lines = ["flowchart TD"]
    for node_id, node in route.nodes.items():
        if node.question is not None:
            lines.append(f"    {ids[node_id]}[{label(node.question.text)}]")
        elif node.outcome is not None:
            lines.append(f"    {ids[node_id]}([{label(node.outcome.title)}])")
    for node_id, i, target in route.edges():
        if target in ids:
            text = route.nodes[node_id].question.answers[i].text  # type: ignore[union-attr]
            lines.append(f"    {ids[node_id]} -->|{label(text)}| {ids[target]}")
    return "\n".join(lines)


@dataclass(frozen=True)
class _PageKit:
    """The helpers of generator.pages that route pages share with record pages (same links, sources, phones)."""

    page: type[Page]
    link: Callable[[str, str, str], str]
    page_path: Callable[[str, str], str]
    sources: Callable[..., str]
    demote: Callable[[str], str]
    phone: Callable[[str], str]

    @classmethod
    def load(cls) -> _PageKit:
        # Imported here, not at the top: pages.py imports this module (see the module docstring).
        from .pages import Page, _demote, _phone, link, page_path, render_sources

        return cls(Page, link, page_path, render_sources, _demote, _phone)


class _RouteRenderer:
    """Renders the pages of one route; `catalog` resolves the records its outcomes point at."""

    def __init__(self, entry: Entry, catalog: Catalog, *, mermaid: bool) -> None:
        self.pages = _PageKit.load()
        self.entry = entry
        self.catalog = catalog
        self.mermaid = mermaid
        route = entry.record
        assert isinstance(route, Route)
        self.route = route
        self.audience = ", ".join(AUDIENCE_LABELS[a] for a in route.audience)
        self.incoming: dict[str, list[tuple[str, int]]] = {}
        for node_id, i, target in route.edges():
            self.incoming.setdefault(target, []).append((node_id, i))

    # ---- shared parts

    def path_of(self, node_id: str) -> str:
        return route_path(self.entry.id) if node_id == self.route.start else node_path(self.entry.id, node_id)

    def node_title(self, node_id: str) -> str:
        node = self.route.nodes[node_id]
        return node.question.text if node.question is not None else node.outcome.title  # type: ignore[union-attr]

    def link(self, from_path: str, to_path: str, text: str) -> str:
        return self.pages.link(from_path, to_path, text)

    def front(self, boost: float) -> list[str]:
        tags = [LABELS[0], *(f"voor {AUDIENCE_LABELS[a]}" for a in self.route.audience)]
        return [
            "---",
            f"search:\n  boost: {boost}",
            "tags:",
            *(f"  - {json.dumps(t, ensure_ascii=False)}" for t in tags),
            "---",
            "",
        ]

    def crumbs(self, path: str, *, with_route: bool) -> str:
        parts = [
            self.link(path, "index.md", "Routewijzer"),
            self.link(path, f"{KIND}/index.md", LABELS[1]),
        ]
        if with_route:
            parts.append(self.link(path, route_path(self.entry.id), self.route.title))
        trail = " › ".join(parts)
        return f'<nav class="rw-crumbs" aria-label="Kruimelpad" data-search-exclude markdown>{trail}</nav>'

    def meta(self, label: str) -> str:
        return f'<p class="rw-meta" data-search-exclude>{label} · voor {self.audience}</p>'

    def ref_link(self, from_path: str, ref: str) -> tuple[str, Record | None]:
        """A link to a referenced record or overview page, and the record (None for a page)."""
        if ref in PAGE_REFS:
            return self.link(from_path, PAGE_REFS[ref][0], _page_title(ref)), None
        kind, _, id_ = ref.partition("/")
        target = self.catalog.get(kind, id_)
        assert target is not None, f"{ref} is not checked"  # check_route rejects unknown references
        return self.link(from_path, self.pages.page_path(kind, id_), target.record.title), target.record

    def answers(self, from_path: str, node_id: str) -> list[str]:
        question = self.route.nodes[node_id].question
        assert question is not None
        out = []
        for answer in question.answers:
            line = f"- {self.link(from_path, self.path_of(answer.next), answer.text)}"
            if answer.hint:
                line += f" ({escape(answer.hint)})"
            out.append(line)
        return out

    def restart(self, path: str) -> str:
        start = self.link(path, route_path(self.entry.id) + "#begin", "Opnieuw beginnen")
        overview = self.link(path, route_path(self.entry.id) + "#overzicht", "De hele route in één overzicht")
        return f"{start} · {overview}"

    def came_from(self, path: str, node_id: str) -> list[str]:
        lines = []
        for question_id, i in self.incoming.get(node_id, []):
            question = self.route.nodes[question_id].question
            assert question is not None
            target = self.path_of(question_id) + ("#begin" if question_id == self.route.start else "")
            asked = self.link(path, target, question.text)
            lines.append(f"- Bij de vraag {asked} koos je: *{escape(question.answers[i].text)}*")
        return lines

    # ---- the overview (first question) and the outline

    def overview(self) -> Page:
        route, path = self.route, route_path(self.entry.id)
        start = route.nodes[route.start].question
        assert start is not None
        out = [*self.front(1.2), self.crumbs(path, with_route=False), "", f"# {escape(route.title)}", ""]
        out += [escape(route.summary), "", self.meta(LABELS[0]), ""]
        if route.body:
            out += [self.pages.demote(route.body), ""]
        out += [
            '!!! info "Zo werkt deze route"',
            "",
            "    Je beantwoordt een paar vragen. Elke vraag en elke uitkomst heeft een eigen pagina, die je kunt "
            "bewaren, printen of delen. De route helpt je op weg, maar is geen juridisch advies. Op elke uitkomst "
            "staat bij wie je terechtkunt met je vraag.",
            "",
            "## Begin hier { #begin }",
            "",
            f"**{escape(start.text)}**",
            "",
        ]
        if start.help:
            out += [self.pages.demote(start.help), ""]
        out += [*self.answers(path, route.start), ""]
        out += ["## De hele route in één overzicht { #overzicht }", ""]
        out += ["Alle vragen en uitkomsten op een rij. Klik op een stap om die pagina te openen.", ""]
        out += [*self.outline(path), ""]
        if self.mermaid:
            out += ["```mermaid", render_mermaid(route), "```", ""]
        related = [self.ref_link(path, ref)[0] for ref in route.related]
        if related:
            out += ["## Zie ook { data-search-exclude }", "", *(f"- {r}" for r in related), ""]
        out.append(self.pages.sources(route, route.sources, "route"))
        return self.pages.page(path, "\n".join(out).rstrip() + "\n", route.title, self.entry.path)

    def outline(self, path: str) -> list[str]:
        """The route as a nested list: the diagram that needs no JavaScript, prints, and reads aloud."""
        shown: set[str] = set()
        lines: list[str] = []

        def step(node_id: str) -> str:
            node = self.route.nodes[node_id]
            kind = "Vraag" if node.question is not None else "Uitkomst"
            target = self.path_of(node_id) + ("#begin" if node_id == self.route.start else "")
            return f"**{kind}:** {self.link(path, target, self.node_title(node_id))}"

        def walk(node_id: str, depth: int) -> None:
            shown.add(node_id)
            question = self.route.nodes[node_id].question
            for answer in question.answers if question else []:
                again = answer.next in shown
                suffix = " (zie hierboven)" if again else ""
                lines.append(f"{'    ' * depth}- *{escape(answer.text)}* → {step(answer.next)}{suffix}")
                if not again:
                    walk(answer.next, depth + 1)

        lines.append(f"- {step(self.route.start)}")
        walk(self.route.start, 1)
        return lines

    # ---- questions and outcomes

    def question_page(self, node_id: str) -> Page:
        question = self.route.nodes[node_id].question
        assert question is not None
        path = node_path(self.entry.id, node_id)
        out = [*self.front(0.5), self.crumbs(path, with_route=True), "", f"# {escape(question.text)}", ""]
        out += [self.meta(f"Vraag uit de route ‘{escape(self.route.title)}’"), ""]
        if question.help:
            out += [self.pages.demote(question.help), ""]
        out += ["Kies wat het best past:", "", *self.answers(path, node_id), ""]
        came = self.came_from(path, node_id)
        if came:
            out += ["## Hoe kwam je hier?", "", *came, ""]
        out += [self.restart(path), ""]
        return self.pages.page(path, "\n".join(out).rstrip() + "\n", question.text, self.entry.path)

    def outcome_page(self, node_id: str) -> Page:
        outcome = self.route.nodes[node_id].outcome
        assert outcome is not None
        path = node_path(self.entry.id, node_id)
        out = [*self.front(1.1), self.crumbs(path, with_route=True), "", f"# {escape(outcome.title)}", ""]
        out += [escape(outcome.summary), "", self.meta(f"Uitkomst van de route ‘{escape(self.route.title)}’"), ""]
        out += self.disclaimer(path, outcome)
        if outcome.body:
            out += [self.pages.demote(outcome.body), ""]
        if outcome.laws:
            out += ["## Welke wet of regeling past?", ""]
            for ref in outcome.laws:
                text, record = self.ref_link(path, ref)
                out.append(f"- **{text}**: {escape(record.summary)}" if record else f"- {text}")
            out.append("")
        if outcome.measures:
            out += ["## Welke maatregel of hulp?", "", *self.measures(path, outcome), ""]
        out += ["## Wie beslist?", "", escape(outcome.decides), ""]
        out += ["## Wat kun je nu doen?", "", *(f"{i}. {escape(s)}" for i, s in enumerate(outcome.next_steps, 1)), ""]
        out += ["## Wie kun je het vragen?", "", *(self.contact_line(path, ref) for ref in outcome.ask), ""]
        if outcome.see_also:
            out += ["## Lees verder", ""]
            for ref in outcome.see_also:
                text, _ = self.ref_link(path, ref)
                kind = ref.partition("/")[0]
                label = "Pagina" if ref in PAGE_REFS else KIND_LABELS.get(kind, LABELS)[0]
                out.append(f"- {label}: {text}")
            out.append("")
        came = self.came_from(path, node_id)
        if came:
            out += ["## Hoe kwam je hier?", "", *came, ""]
        out += [self.restart(path), ""]
        out.append(self.pages.sources(self.route, outcome.sources, "route"))
        return self.pages.page(path, "\n".join(out).rstrip() + "\n", outcome.title, self.entry.path)

    def disclaimer(self, path: str, outcome: Outcome) -> list[str]:
        who = [self.ref_link(path, ref)[0] for ref in outcome.ask]
        whom = who[0] if len(who) == 1 else f"{', '.join(who[:-1])} of {who[-1]}"
        return [
            f'!!! warning "{DISCLAIMER_TITLE}"',
            "",
            "    Deze route helpt je op weg, maar is geen juridisch advies. Of een wet of maatregel bij jouw "
            "situatie past, hangt af van de details. Twijfel je? Vraag het dan na bij " + whom + ".",
            "",
        ]

    def measures(self, path: str, outcome: Outcome) -> list[str]:
        """Each measure with its glossary definition and, where one of the outcome's laws names it, who decides."""
        laws: list[tuple[str, Law]] = []
        for ref in outcome.laws:
            law_entry = self.catalog.get("wet", ref.partition("/")[2])
            if law_entry is not None and isinstance(law_entry.record, Law):
                laws.append((law_entry.id, law_entry.record))
        lines = []
        for ref in outcome.measures:
            text, record = self.ref_link(path, ref)
            line = f"- **{text}**"
            if isinstance(record, Term):
                line += f": {escape(record.definition)}"
            term_id = ref.partition("/")[2]
            for law_id, law in laws:
                for measure in law.measures:
                    if measure.term == term_id:
                        decides = measure.decides.rstrip(".")
                        source = self.link(path, self.pages.page_path("wet", law_id), law.title)
                        line += f" Wie beslist: {escape(decides)} (volgens {source})."
            lines.append(line)
        return lines

    def contact_line(self, path: str, ref: str) -> str:
        text, record = self.ref_link(path, ref)
        if record is None:
            return f"- **{text}**: {escape(PAGE_REFS[ref][1])}"
        line = f"- **{text}**: {escape(record.summary)}"
        if isinstance(record, Contact) and record.phone is not None and not isinstance(record.phone, Unknown):
            line += f" Telefoon: {self.pages.phone(record.phone)}."
        return line


def render_route_pages(entry: Entry, catalog: Catalog, *, mermaid: bool = False) -> list[Page]:
    """Every page of one route: the overview (which asks the first question) and one page per other step.

    With `mermaid=True` the overview also carries a ```mermaid block of the route, for a site
    that serves mermaid.js itself; the nested list stays, for readers without JavaScript.
    """
    renderer = _RouteRenderer(entry, catalog, mermaid=mermaid)
    out = [renderer.overview()]
    for node_id, node in renderer.route.nodes.items():
        if node_id == renderer.route.start:
            continue
        out.append(renderer.question_page(node_id) if node.question is not None else renderer.outcome_page(node_id))
    return out


# --------------------------------------------------------------------------- registration

_OUTCOME_EXAMPLE: dict[str, Any] = {
    "title": "Jeugdhulp via de gemeente (Jeugdwet)",
    "summary": "Voor hulp bij opgroeien en opvoeden van kinderen onder de 18 geldt de Jeugdwet.",
    "laws": ["wet/jeugdwet"],
    "decides": "De gemeente beslist over jeugdhulp.",
    "next_steps": ["Neem contact op met het wijkteam of jeugdteam van je gemeente."],
    "ask": ["contact/wijkteam-of-jeugdteam"],
    "sources": [{"title": "Jeugdwet (wettekst)", "url": "https://wetten.overheid.nl/BWBR0034925"}],
}
_QUESTION_EXAMPLE: dict[str, Any] = {
    "text": "Hoe oud is de jongere?",
    "answers": [{"text": "Jonger dan 18 jaar", "next": "jeugdhulp"}],
}
FIELD_EXAMPLES: dict[tuple[str, str], Any] = {
    ("Route", "title"): "Welke wet of regeling past bij deze hulpvraag?",
    ("Route", "summary"): "Beantwoord een paar vragen. Je ziet welke wet past, wie beslist en bij wie je terechtkunt.",
    ("Route", "start"): "leeftijd",
    ("Route", "nodes"): {"leeftijd": {"question": _QUESTION_EXAMPLE}, "jeugdhulp": {"outcome": _OUTCOME_EXAMPLE}},
    ("Node", "question"): _QUESTION_EXAMPLE,
    ("Node", "outcome"): _OUTCOME_EXAMPLE,
    ("Question", "text"): "Hoe oud is de jongere?",
    ("Question", "help"): "Past er meer dan één antwoord? Kies dan het eerste dat past.",
    ("Question", "answers"): _QUESTION_EXAMPLE["answers"],
    ("Answer", "text"): "Jonger dan 18 jaar",
    ("Answer", "next"): "onder-18",
    ("Answer", "hint"): "tot 23 jaar kan jeugdhulp soms doorlopen",
    ("Outcome", "title"): _OUTCOME_EXAMPLE["title"],
    ("Outcome", "summary"): _OUTCOME_EXAMPLE["summary"],
    ("Outcome", "laws"): ["wet/jeugdwet"],
    ("Outcome", "measures"): ["begrip/ondertoezichtstelling"],
    ("Outcome", "decides"): _OUTCOME_EXAMPLE["decides"],
    ("Outcome", "next_steps"): _OUTCOME_EXAMPLE["next_steps"],
    ("Outcome", "ask"): ["contact/wijkteam-of-jeugdteam", "regio/gemeenten"],
    ("Outcome", "see_also"): ["les/plaatsingsladder", "route/vastgelopen-casus"],
}
"""Examples for the route models' fields (JSON Schema `examples`, field reference page), by (model, field)."""


# Added here rather than in model.py's literals because Route builds on Record: see the module docstring.
KINDS.setdefault(KIND, Route)
KIND_LABELS.setdefault(KIND, LABELS)
for _key, _example in FIELD_EXAMPLES.items():
    KIND_FIELD_EXAMPLES.setdefault(_key, _example)
