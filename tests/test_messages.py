"""Messages point at the right place: once per field, always with the field, on the line that is wrong."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from generator.load import load_catalog
from generator.model import KINDS
from generator.problems import DataError, Problem
from tests.conftest import MINI_DATA, SOURCE, run_cli

HERE = Path(__file__).parent / "bad_inputs"

ROUTE = (
    textwrap.dedent(
        """\
    title: Proefroute
    audience: [ouder]
    summary: Een korte route.
    start: leeftijd
    nodes:
      leeftijd:
        question:
          text: Hoe oud is de jongere?
          answers:
            - text: Jonger dan 18 jaar
              next: jeugdhulp
      jeugdhulp:
        outcome:
          title: Jeugdhulp via de gemeente
          summary: Een of twee zinnen.
          body: |
            Eerste regel van de uitleg.

            Tweede alinea van de uitleg.
          laws: [wet/jeugdwet]
          measures: [begrip/ots]
          decides: De gemeente beslist.
          next_steps: [Bel de gemeente.]
          ask: [contact/veilig-thuis]
          sources:
            - title: Jeugdwet
              url: https://wetten.overheid.nl/BWBR0034925
              consulted: 2026-01-15
    """
    )
    + SOURCE
)


def problems_of(root: Path) -> list[Problem]:
    with pytest.raises(DataError) as info:
        load_catalog(root / "data", root)
    return info.value.problems


def test_the_route_fixture_is_valid(scratch):
    root = scratch({"data/route/proef.yaml": ROUTE}, data_only=True)
    assert load_catalog(root / "data", root).get("route", "proef") is not None


def test_dedented_line_in_a_body_block_is_reported_on_that_line(scratch):
    theme = MINI_DATA["data/thema/wetten.yaml"]
    lines = theme.splitlines(keepends=True)
    wrong = lines.index("  Over wetten.\n")
    lines[wrong] = "Over wetten.\n"  # the editor forgot the two spaces
    root = scratch({"data/thema/wetten.yaml": "".join(lines)}, data_only=True)
    assert [str(p) for p in problems_of(root)] == [
        f"data/thema/wetten.yaml:{wrong + 1}: body: YAML-fout: deze regel hoort bij de tekst van 'body' "
        "(regel 6) maar springt minder ver in; zet er evenveel spaties voor als de regels erboven"
    ]


def test_dedented_line_in_a_nested_block_names_the_whole_field(scratch):
    lines = ROUTE.splitlines(keepends=True)
    wrong = lines.index("        Tweede alinea van de uitleg.\n")
    lines[wrong] = "      Tweede alinea van de uitleg.\n"
    root = scratch({"data/route/proef.yaml": "".join(lines)}, data_only=True)
    (problem,) = problems_of(root)
    assert (problem.line, problem.field) == (wrong + 1, "nodes.jeugdhulp.outcome.body")
    assert "springt minder ver in" in problem.message


def test_dedented_line_under_a_list_item(scratch):
    # A block inside a list item: the path carries the item's position.
    text = ROUTE.replace(
        "        - title: Jeugdwet\n",
        "        - title: Jeugdwet\n          note: |\n            Een notitie\n          over twee regels.\n",
    )
    root = scratch({"data/route/proef.yaml": text}, data_only=True)
    (problem,) = problems_of(root)
    wrong = text.splitlines().index("          over twee regels.") + 1
    assert (problem.line, problem.field) == (wrong, "nodes.jeugdhulp.outcome.sources[0].note")


def test_an_impossible_date_deep_in_a_record_names_its_field(scratch):
    text = ROUTE.replace("      consulted: 2026-01-15\n    \n", "").replace(
        "          consulted: 2026-01-15", "          consulted: 2026-02-30"
    )
    root = scratch({"data/route/proef.yaml": text}, data_only=True)
    (problem,) = problems_of(root)
    assert problem.field == "nodes.jeugdhulp.outcome.sources[0].consulted"
    assert problem.message.startswith("'2026-02-30' is geen bestaande datum")
    assert problem.line == text.splitlines().index("          consulted: 2026-02-30") + 1


def test_a_duplicate_key_inside_a_group_names_the_group(scratch):
    region = MINI_DATA["data/regio/groningen.yaml"].replace(
        "  email: ret@example.nl\n", "  email: ret@example.nl\n  email: info@example.nl\n"
    )
    root = scratch({"data/regio/groningen.yaml": region}, data_only=True)
    assert [str(p) for p in problems_of(root)] == [
        "data/regio/groningen.yaml:17: ret: 'email' staat twee keer in dezelfde groep (eerst op regel 16)"
    ]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_placeholder_is_reported_once_per_field(scratch, kind):
    root = scratch(data_only=True)
    assert run_cli("nieuw", kind, "proef", cwd=root).returncode == 0
    found = problems_of(root)
    fields = [p.field for p in found]
    assert len(fields) == len(set(fields)), [str(p) for p in found]
    assert all(p.field for p in found), [str(p) for p in found if not p.field]


def _cases() -> list[dict[str, str]]:
    return yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["file"])
def test_no_broken_file_gets_two_messages_for_one_field(scratch, case):
    root = scratch(data_only=True)
    target = root / case["target"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((HERE / "files" / case["file"]).read_bytes())
    found = problems_of(root)
    named = [(p.path, p.field) for p in found if p.field]
    assert len(named) == len(set(named)), [str(p) for p in found]
