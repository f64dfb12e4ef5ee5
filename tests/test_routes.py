"""Decision routes: the model, every check at its exact line, the static pages, and the real routes walked end to end."""

from __future__ import annotations

import json
import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import jsonschema
import pytest

from generator.catalog import Catalog, Entry
from generator.load import load_catalog, load_entry
from generator.model import KIND_LABELS, KINDS, PAGE_REFS, Answer, Node, Outcome, Question, Route
from generator.problems import DataError
from generator.render.routes import DISCLAIMER_TITLE, render_mermaid, render_route_pages
from generator.validate import check_route, check_routes, iter_route_references
from generator.yamlfile import parse_yaml
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden_routes"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
REAL_ROUTES = ("welke-wet-past", "dreigende-uithuisplaatsing", "vastgelopen-casus")

# Line numbers in the assertions below refer to this text; every mutation keeps them in place.
ROUTE = """\
title: Testroute
audience: [ouder]
summary: Een route om te testen.
start: leeftijd
nodes:
  leeftijd:
    question:
      text: Hoe oud is de jongere?
      answers:
        - text: Jonger dan 18 jaar
          next: hulp
        - text: 18 jaar of ouder
          next: ots
          hint: tot 23 jaar
  ots:
    question:
      text: Is er een ondertoezichtstelling?
      answers:
        - text: Ja
          next: hulp
  hulp:
    outcome:
      title: Hulp via de gemeente
      summary: De gemeente regelt jeugdhulp.
      laws: [wet/jeugdwet]
      measures: [begrip/ots]
      decides: De gemeente.
      next_steps: [Bel het wijkteam.]
      ask: [contact/veilig-thuis, regio/gemeenten]
      see_also: [les/volgen]
      sources:
        - title: Testbron
          url: https://www.example.nl/bron
sources:
  - title: Testbron
    url: https://www.example.nl/bron
    consulted: 2026-01-15
reviewed: 2026-01-15
"""
PATH = "data/route/test.yaml"
ANSWERS_OF_OTS = "      answers:\n        - text: Ja\n          next: hulp\n"


@pytest.fixture
def mini(scratch) -> tuple[Path, Catalog]:
    """The scratch data set (a valid record of every kind) and its catalog, without any route."""
    root = scratch(data_only=True)
    return root, load_catalog(root / "data", root)


@pytest.fixture
def make_route(mini) -> Callable[..., Entry]:
    """Write ROUTE with (old, new) replacements to data/route/test.yaml and load it with the model only."""
    root, _ = mini

    def make(*changes: tuple[str, str], text: str = ROUTE) -> Entry:
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new)
        path = root / PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return load_entry("route", path, root)

    return make


def problems(entry: Entry, catalog: Catalog | None = None, **kwargs: object) -> list[str]:
    return sorted(str(p) for p in check_route(entry, catalog, **kwargs))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the model


def test_route_kind_is_registered():
    assert KINDS["route"] is Route
    assert KIND_LABELS["route"] == ("Route", "Routes")


def test_the_registry_is_complete_on_import_of_the_model_alone():
    code = "from generator.model import KINDS, Route; assert KINDS['route'] is Route"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_every_field_has_a_dutch_docstring():
    for model in (Route, Node, Question, Answer, Outcome):
        for name, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{name} has no docstring"
            # One line: the field reference page shows it in a Markdown table row.
            assert "\n" not in info.description, f"{model.__name__}.{name}: docstring spans lines"


def test_valid_route_has_no_problems(mini, make_route):
    _, catalog = mini
    entry = make_route()
    assert isinstance(entry.record, Route)
    assert problems(entry, catalog) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            [
                (
                    "  ots:\n    question:\n      text: Is er een ondertoezichtstelling?\n" + ANSWERS_OF_OTS,
                    "  ots: {}\n" + "\n" * 5,
                )
            ],
            "data/route/test.yaml:15: nodes.ots: een stap is een vraag ('question:') of een uitkomst ('outcome:'); "
            "hier staat geen van beide",
        ),
        (
            [
                (
                    "    outcome:\n      title: Hulp",
                    "    question: {text: x, answers: []}\n    outcome:\n      title: Hulp",
                )
            ],
            "data/route/test.yaml:21: nodes.hulp: een stap is een vraag ('question:') of een uitkomst ('outcome:'); "
            "hier staat allebei",
        ),
        (
            [("laws: [wet/jeugdwet]", "laws: [wet:jeugdwet]")],
            "data/route/test.yaml:25: nodes.hulp.outcome.laws[0]: 'wet:jeugdwet' is geen verwijzing; schrijf soort/id, "
            "zoals wet/jeugdwet of contact/wijkteam-of-jeugdteam",
        ),
        (
            [("start: leeftijd", "start: Leeftijd")],
            "data/route/test.yaml:4: start: 'Leeftijd' is geen geldige id: gebruik kleine letters, cijfers en streepjes "
            "(zoals gooi-en-vechtstreek)",
        ),
    ],
)
def test_model_rejects_malformed_steps(make_route, changes, expected):
    with pytest.raises(DataError) as info:
        make_route(*changes)
    assert str(info.value.problems[0]) == expected


# --------------------------------------------------------------------------- check_route


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            [(ANSWERS_OF_OTS, "      answers: []\n\n\n")],
            [
                "data/route/test.yaml:18: nodes.ots.question.answers: doodlopende vraag: er staat geen antwoord onder; "
                "geef minstens één antwoord met 'text' en 'next'"
            ],
            id="question-without-answers",
        ),
        pytest.param(
            [(ANSWERS_OF_OTS, ANSWERS_OF_OTS.replace("hulp", "hupl"))],
            [
                "data/route/test.yaml:20: nodes.ots.question.answers[0].next: doodlopend antwoord: "
                "stap 'hupl' staat niet onder 'nodes'; bedoel je 'hulp'?"
            ],
            id="answer-to-missing-step",
        ),
        pytest.param(
            [("          next: ots\n", "          next: hulp\n")],
            [
                "data/route/test.yaml:15: nodes.ots: stap 'ots' is niet te bereiken vanaf de eerste vraag 'leeftijd'; "
                "laat een antwoord ernaar verwijzen of haal de stap weg"
            ],
            id="unreachable",
        ),
        pytest.param(
            [(ANSWERS_OF_OTS, ANSWERS_OF_OTS.replace("hulp", "leeftijd"))],
            [
                "data/route/test.yaml:20: nodes.ots.question.answers[0].next: dit antwoord leidt terug naar een eerdere "
                "stap (leeftijd → ots → leeftijd); een route mag niet rondlopen, anders kom je nooit bij een uitkomst"
            ],
            id="cycle",
        ),
        pytest.param(
            [(ANSWERS_OF_OTS, ANSWERS_OF_OTS.replace("hulp", "ots"))],
            [
                "data/route/test.yaml:20: nodes.ots.question.answers[0].next: dit antwoord leidt terug naar een eerdere "
                "stap (ots → ots); een route mag niet rondlopen, anders kom je nooit bij een uitkomst"
            ],
            id="self-loop",
        ),
        pytest.param(
            [
                (
                    "      sources:\n        - title: Testbron\n          url: https://www.example.nl/bron\nsources:",
                    "      sources: []\n\n\nsources:",
                )
            ],
            [
                "data/route/test.yaml:31: nodes.hulp.outcome.sources: deze uitkomst heeft geen bron; zet onder "
                "'sources' minstens één bron waar de feiten op rusten"
            ],
            id="outcome-without-sources",
        ),
        pytest.param(
            [("ask: [contact/veilig-thuis, regio/gemeenten]", "ask: []")],
            [
                "data/route/test.yaml:29: nodes.hulp.outcome.ask: deze uitkomst zegt niet wie je het kunt vragen; "
                "zet onder 'ask' minstens één contact, zoals contact/wijkteam-of-jeugdteam"
            ],
            id="outcome-without-anyone-to-ask",
        ),
        pytest.param(
            [("start: leeftijd", "start: leeftijt")],
            [
                "data/route/test.yaml:4: start: de eerste stap 'leeftijt' staat niet onder 'nodes'; bedoel je 'leeftijd'?"
            ],
            id="missing-start",
        ),
        pytest.param(
            [("start: leeftijd", "start: hulp")],
            [
                "data/route/test.yaml:15: nodes.ots: stap 'ots' is niet te bereiken vanaf de eerste vraag 'hulp'; "
                "laat een antwoord ernaar verwijzen of haal de stap weg",
                "data/route/test.yaml:4: start: een route begint met een vraag, maar 'hulp' is een uitkomst",
                "data/route/test.yaml:6: nodes.leeftijd: stap 'leeftijd' is niet te bereiken vanaf de eerste vraag "
                "'hulp'; laat een antwoord ernaar verwijzen of haal de stap weg",
            ],
            id="start-is-an-outcome",
        ),
        pytest.param(
            [("  ots:\n", "  index:\n"), ("          next: ots\n", "          next: index\n")],
            ["data/route/test.yaml:15: nodes.index: de id 'index' is gereserveerd; kies een andere id voor deze stap"],
            id="reserved-step-id",
        ),
        pytest.param(
            [("  ots:\n", "  Ots:\n")],
            [
                "data/route/test.yaml:13: nodes.leeftijd.question.answers[1].next: doodlopend antwoord: stap 'ots' "
                "staat niet onder 'nodes'; bedoel je 'Ots'?",
                "data/route/test.yaml:15: nodes.Ots: de id 'Ots' is ook het webadres: gebruik kleine letters, cijfers "
                "en streepjes",
                "data/route/test.yaml:15: nodes.Ots: stap 'Ots' is niet te bereiken vanaf de eerste vraag 'leeftijd'; "
                "laat een antwoord ernaar verwijzen of haal de stap weg",
            ],
            id="step-id-is-not-a-slug",
        ),
    ],
)
def test_structure_problems_at_their_line(mini, make_route, changes, expected):
    _, catalog = mini
    assert problems(make_route(*changes), catalog) == sorted(expected)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "laws: [wet/jeugdwet]",
            "laws: [wet/jeugdwett]",
            "data/route/test.yaml:25: nodes.hulp.outcome.laws[0]: verwijst naar 'wet/jeugdwett', maar "
            "data/wet/jeugdwett.yaml bestaat niet; bedoel je 'jeugdwet'?",
        ),
        (
            "ask: [contact/veilig-thuis, regio/gemeenten]",
            "ask: [contact/veilig-thuis, regio/gemeentes]",
            "data/route/test.yaml:29: nodes.hulp.outcome.ask[1]: verwijst naar 'regio/gemeentes', maar "
            "data/regio/gemeentes.yaml bestaat niet",
        ),
        (
            "laws: [wet/jeugdwet]",
            "laws: [begrip/ots]",
            "data/route/test.yaml:25: nodes.hulp.outcome.laws[0]: 'begrip/ots' hoort niet onder 'laws': "
            "daar staan alleen wetten, als wet/<id>",
        ),
        (
            "measures: [begrip/ots]",
            "measures: [regio/gemeenten]",
            "data/route/test.yaml:26: nodes.hulp.outcome.measures[0]: 'regio/gemeenten' hoort niet onder 'measures': "
            "daar staan alleen begrippen uit de woordenlijst, als begrip/<id>",
        ),
        (
            "ask: [contact/veilig-thuis, regio/gemeenten]",
            "ask: [contact/veilig-thuis, les/volgen]",
            "data/route/test.yaml:29: nodes.hulp.outcome.ask[1]: 'les/volgen' hoort niet onder 'ask': daar staan "
            "alleen contacten (contact/<id>), netwerken (netwerk/<id>), regio's (regio/<id>) of regio/gemeenten",
        ),
        (
            "see_also: [les/volgen]",
            "see_also: [boek/volgen]",
            f"data/route/test.yaml:30: nodes.hulp.outcome.see_also[0]: onbekende soort 'boek' in 'boek/volgen'; "
            f"kies uit {', '.join(sorted(KINDS))}",
        ),
    ],
)
def test_reference_problems_at_their_line(mini, make_route, old, new, expected):
    _, catalog = mini
    entry = make_route((old, new))
    assert problems(entry, catalog) == [expected]
    assert problems(entry) == [], "without a catalog only the structure is checked"


def test_references_to_broken_records_are_not_reported_twice(mini, make_route):
    _, catalog = mini
    entry = make_route(("laws: [wet/jeugdwet]", "laws: [wet/kapot]"))
    assert problems(entry, catalog, broken={"wet/kapot"}) == []


def test_route_id_index_is_reserved(mini):
    root, catalog = mini
    path = root / "data/route/index.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROUTE, encoding="utf-8")
    entry = load_entry("route", path, root)
    assert problems(entry, catalog) == [
        "data/route/index.yaml:1: de id 'index' is gereserveerd voor het overzicht van alle routes; "
        "kies een andere bestandsnaam"
    ]


def test_load_catalog_reports_route_problems(scratch):
    """Through load_catalog once the loader calls check_routes; through check_routes before that."""
    bad = ROUTE.replace(ANSWERS_OF_OTS, ANSWERS_OF_OTS.replace("hulp", "leeftijd")).replace(
        "laws: [wet/jeugdwet]", "laws: [wet/jeugdwett]"
    )
    root = scratch({PATH: bad}, data_only=True)
    try:
        found = [str(p) for p in check_routes(load_catalog(root / "data", root))]
    except DataError as exc:
        found = [str(p) for p in exc.problems]
    assert [line.split(":", 3)[:2] for line in sorted(found)] == [
        ["data/route/test.yaml", "20"],
        ["data/route/test.yaml", "25"],
    ]


def test_iter_route_references_skips_overview_pages(make_route):
    entry = make_route()
    refs = list(iter_route_references(entry))
    assert [(kind, id_) for _loc, kind, id_ in refs] == [
        ("wet", "jeugdwet"),
        ("begrip", "ots"),
        ("contact", "veilig-thuis"),
        ("les", "volgen"),
    ]
    assert [entry.line(*loc) for loc, _kind, _id in refs] == [25, 26, 29, 30]


# --------------------------------------------------------------------------- pages


def test_golden_route_pages(mini, make_route):
    _, catalog = mini
    pages = render_route_pages(make_route(), catalog)
    assert [p.path for p in pages] == ["route/test.md", "route/test/ots.md", "route/test/hulp.md"]
    assert {p.source for p in pages} == {PATH}
    GOLDEN.mkdir(exist_ok=True)
    expected = set()
    for page in pages:
        # The page's Markdown, and each drawing the engine puts in its placeholder (the route diagram).
        for name, text in (
            (page.path.replace("/", "__"), page.markdown),
            *((f"{page.path.replace('/', '__')}.{key}.svg", svg + "\n") for key, svg in page.figures),
        ):
            golden = GOLDEN / name
            expected.add(name)
            if UPDATE:
                golden.write_text(text, encoding="utf-8")
            assert golden.exists(), f"no golden file {name}; run UPDATE_GOLDEN=1 pytest {__file__}"
            assert text == golden.read_text(encoding="utf-8"), f"{page.path} differs from {golden.name}"
    assert [key for p in pages for key, _ in p.figures] == ["route-test"], "only the overview has a diagram"
    assert {g.name for g in GOLDEN.iterdir()} == expected


def test_text_from_the_data_is_escaped(mini, make_route):
    _, catalog = mini
    entry = make_route(("text: Ja\n", "text: Ja *echt* [x](javascript:y)\n"))
    question = next(p for p in render_route_pages(entry, catalog) if p.path == "route/test/ots.md")
    assert "[Ja \\*echt\\* \\[x\\](javascript:y)](hulp.md)" in question.markdown


def test_mermaid_is_optional(mini, make_route):
    _, catalog = mini
    entry = make_route(("text: Ja\n", 'text: Ja "zeker"\n'))
    assert "```mermaid" not in render_route_pages(entry, catalog)[0].markdown
    overview = render_route_pages(entry, catalog, mermaid=True)[0].markdown
    assert overview.count("```mermaid") == 1
    assert isinstance(entry.record, Route)
    assert render_mermaid(entry.record).splitlines() == [
        "flowchart TD",
        '    n0["Hoe oud is de jongere?"]',
        '    n1["Is er een ondertoezichtstelling?"]',
        '    n2(["Hulp via de gemeente"])',
        '    n0 -->|"Jonger dan 18 jaar"| n2',
        '    n0 -->|"18 jaar of ouder"| n1',
        '    n1 -->|"Ja #quot;zeker#quot;"| n2',
    ]


# --------------------------------------------------------------------------- the real routes


@pytest.fixture(scope="module")
def real() -> Catalog:
    return load_catalog(ROOT / "data", ROOT)


def test_real_routes_exist_and_pass_every_check(real: Catalog):
    assert {e.id for e in real.of_kind("route")} >= set(REAL_ROUTES)
    assert check_routes(real) == []


def _paths(route: Route, node_id: str, trail: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every path from `node_id` to an outcome, walked independently of the module's own graph code."""
    trail = (*trail, node_id)
    assert len(trail) <= len(route.nodes), f"a path repeats a step: {trail}"
    node = route.nodes[node_id]
    if node.outcome is not None:
        yield trail
        return
    assert node.question is not None and node.question.answers, f"dead end at {node_id}"
    for answer in node.question.answers:
        yield from _paths(route, answer.next, trail)


@pytest.mark.parametrize("route_id", REAL_ROUTES)
def test_every_path_of_a_real_route_ends_at_a_sourced_outcome(real: Catalog, route_id: str):
    entry = real.get("route", route_id)
    assert entry is not None
    route = entry.record
    assert isinstance(route, Route)
    paths = list(_paths(route, route.start))
    assert len(paths) >= 4
    assert {step for path in paths for step in path} == set(route.nodes), "every step lies on some path"
    for path in paths:
        outcome = route.nodes[path[-1]].outcome
        assert outcome is not None
        assert outcome.sources, f"{route_id}: {path} ends without sources"
        assert outcome.ask, f"{route_id}: {path} ends without anyone to ask"
        assert outcome.next_steps


_LINK = re.compile(r"\]\(([^)\s]+?\.md)(#[\w-]+)?\)")


@pytest.mark.parametrize("route_id", REAL_ROUTES)
def test_a_real_route_works_as_linked_static_pages(real: Catalog, route_id: str):
    """Click through the rendered pages from the overview: every answer leads to a page, every end to an outcome page."""
    entry = real.get("route", route_id)
    assert entry is not None
    pages = {p.path: p.markdown for p in render_route_pages(entry, real)}
    records = {f"{e.kind}/{e.id}.md" for e in real.entries.values()}
    overview_pages = {path for path, _ in PAGE_REFS.values()} | {"index.md", "route/index.md"}

    def answer_links(path: str) -> list[str]:
        markdown = pages[path]
        if path == f"route/{route_id}.md":
            markdown = markdown.split("## Begin hier", 1)[1].split("\n## ", 1)[0]
        elif "\nKies wat het best past:\n" in markdown:
            markdown = markdown.split("\nKies wat het best past:\n", 1)[1].split("\n## ", 1)[0]
        else:
            return []
        return [
            posixpath.normpath(posixpath.join(posixpath.dirname(path), m.group(1))) for m in _LINK.finditer(markdown)
        ]

    seen: set[str] = set()
    todo = [f"route/{route_id}.md"]
    outcomes = 0
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        targets = answer_links(path)
        if targets:
            todo += targets
            continue
        outcomes += 1
        markdown = pages[path]
        assert f'!!! warning "{DISCLAIMER_TITLE}"' in markdown, f"{path} has no disclaimer"
        disclaimer = markdown.split(DISCLAIMER_TITLE, 1)[1].split("\n\n", 2)[1]
        assert "geen juridisch advies" in disclaimer
        assert _LINK.search(disclaimer), f"{path}: the disclaimer names nobody to ask"
        for heading in ("## Wie beslist?", "## Wat kun je nu doen?", "## Wie kun je het vragen?", "## Bronnen"):
            assert heading in markdown, f"{path} lacks {heading}"
    assert seen == set(pages), f"pages no answer leads to: {set(pages) - seen}"
    assert outcomes == sum(1 for n in entry.record.nodes.values() if n.outcome is not None)  # type: ignore[attr-defined]
    for path, markdown in pages.items():
        for match in _LINK.finditer(markdown):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), match.group(1)))
            assert target in pages or target in records or target in overview_pages, (
                f"{path} links to {target}, which is no page"
            )


def _as_json(path: Path) -> dict[str, object]:
    """What a YAML language server sees: the parsed file with dates as the text the editor typed."""
    return json.loads(json.dumps(parse_yaml(path.read_bytes()), default=str))


def test_real_routes_pass_the_json_schema_editors_see():
    validator = jsonschema.Draft202012Validator(Route.model_json_schema(mode="validation"))
    files = sorted((ROOT / "data" / "route").glob("*.yaml"))
    assert len(files) >= len(REAL_ROUTES)
    for path in files:
        assert [e.message for e in validator.iter_errors(_as_json(path))] == [], path.name
    data = _as_json(files[0])
    data["nodes"][data["start"]]["question"]["answers"] = []  # type: ignore[index]
    assert not validator.is_valid(data), "the schema tells editors a question needs an answer"


def test_real_route_text_stays_short():
    """Answers and steps stay short enough to scan (B1): a rule of the loader, so `make check` applies it too."""
    assert load_catalog(ROOT / "data", ROOT).of_kind("route")  # the real routes pass check_route


def test_long_answers_and_steps_are_reported(tmp_path):
    from tests.conftest import MINI_DATA, write_files
    from tests.test_messages import ROUTE

    long_answer = " ".join(["woord"] * 21)
    text = ROUTE.replace("- text: Jonger dan 18 jaar", f"- text: {long_answer}").replace(
        "next_steps: [Bel de gemeente.]", "next_steps: [Bel de gemeente. Vraag naar het team. Schrijf het op. Wacht.]"
    )
    write_files(tmp_path, {**MINI_DATA, "data/route/proef.yaml": text})
    with pytest.raises(DataError) as info:
        load_catalog(tmp_path / "data", tmp_path)
    lines = text.splitlines()
    assert [str(p) for p in info.value.problems] == [
        f"data/route/proef.yaml:{lines.index('        - text: ' + long_answer) + 1}: "
        "nodes.leeftijd.question.answers[0].text: dit antwoord is 21 woorden lang; hoogstens 20, zodat je de "
        "antwoorden in één blik vergelijkt. Zet de uitleg in 'hint' van het antwoord",
        f"data/route/proef.yaml:{next(i for i, line in enumerate(lines) if 'next_steps' in line) + 1}: "
        "nodes.jeugdhulp.outcome.next_steps[0]: deze stap heeft 4 zinnen; hoogstens 3. Maak er meer stappen van, "
        "of zet de uitleg in 'body'",
    ]
