"""Rendering: golden Markdown for sample records, escaping, and the navigation outline."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from generator.load import Change, FileChange, load_catalog
from generator.render.frame import relative
from generator.render.site import SiteRenderer
from generator.render.text import escape, format_date
from tests.conftest import MINI_DATA

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture
def renderer(scratch) -> SiteRenderer:
    root = scratch(data_only=True)
    # A fixed date keeps the coverage page (records overdue for review) stable over time.
    return SiteRenderer(load_catalog(root / "data", root), today=date(2026, 11, 24), history=HISTORY)


HISTORY = [
    Change(
        "b" * 40,
        "2026-11-23",
        [
            FileChange("M", "data/contact/veilig-thuis.yaml", "Veilig Thuis", ("phone",)),
            FileChange("M", "data/regio/groningen.yaml", "Groningen", ("ret.email", "sources", "reviewed")),
            FileChange("A", "data/begrip/ots.yaml", "Ondertoezichtstelling", ()),
            FileChange("D", "data/les/oud.yaml", "Een oude les", ()),
        ],
    ),
    Change("a" * 40, "2026-11-20", [FileChange("M", "data/wet/jeugdwet.yaml", "Jeugdwet", ("summary", "measures"))]),
]
"""A fixed history for the golden 'Wat is er veranderd?' page (tests/golden/veranderd.md)."""


def test_golden_pages(renderer: SiteRenderer):
    pages = renderer.pages()
    assert len({p.path for p in pages}) == len(pages)
    for page in pages:
        golden = GOLDEN / (page.path.replace("/", "__"))
        if UPDATE:
            golden.write_text(page.markdown, encoding="utf-8")
        assert golden.exists(), f"no golden file for {page.path}; run UPDATE_GOLDEN=1 pytest {__file__}"
        assert page.markdown == golden.read_text(encoding="utf-8"), f"{page.path} differs from {golden.name}"
    assert {g.name for g in GOLDEN.iterdir()} == {p.path.replace("/", "__") for p in pages}


def test_record_pages_know_their_yaml_source(renderer: SiteRenderer):
    sources = {p.path: p.source for p in renderer.pages()}
    assert sources["regio/groningen.md"] == "data/regio/groningen.yaml"
    assert sources["regio/index.md"] is None


def test_nav_lists_small_collections_only(renderer: SiteRenderer):
    nav = {item.path: item for item in renderer.nav(max_expanded=1)}
    assert [c.path for c in nav["regio/index.md"].children] == ["regio/groningen.md"]
    assert [c.path for c in nav["begrip/index.md"].children] == ["begrip/ots.md"]
    assert renderer.nav(max_expanded=0)[0].children == []


def test_escape_neutralises_markup():
    assert escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape("a *b* [c](d) `e` | f") == "a \\*b\\* \\[c\\](d) \\`e\\` \\| f"


def test_helpers():
    assert format_date(date(2026, 3, 1)) == "1 maart 2026"
    assert relative("regio/a.md", "regio/b.md") == "b.md"
    assert relative("regio/a.md", "netwerk/b.md") == "../netwerk/b.md"
    assert relative("index.md", "regio/b.md") == "regio/b.md"


def test_coverage_page_shows_real_gaps(scratch):
    root = scratch(
        {
            "data/contact/veilig-thuis.yaml": MINI_DATA["data/contact/veilig-thuis.yaml"].replace(
                "url: https://www.example.nl/bron", "note: Alleen op papier."
            )
        },
        data_only=True,
    )
    renderer = SiteRenderer(load_catalog(root / "data", root), today=date(2030, 1, 1))
    coverage = next(p for p in renderer.pages() if p.path == "redactie/index.md").markdown
    assert "Records die langer dan een jaar niet zijn gecontroleerd: **8**" in coverage
    assert (
        "| Testbron | 1 | [Veilig Thuis](../contact/veilig-thuis.md) (`data/contact/veilig-thuis.yaml:7`) |" in coverage
    )
    assert "`data/regio/groningen.yaml:17` | `ret.phone` | Niet gevonden in een bron. |" in coverage
