"""Browsing for professionals (issue 17, item 6): the grouped lesson and resource overviews with
their filter markers, the route diagrams (static SVG) and how a diagram gets past the sanitizers."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET

import pytest

from generator.catalog import Catalog
from generator.load import load_catalog
from generator.model import Lesson, Resource, Route
from generator.output.figures import insert_figures
from generator.output.sanitize import sanitize_html, sanitize_page
from generator.render.diagram import render_route_svg, step_order, wrap
from generator.render.dialect import figure
from generator.render.facets import LESSON_KIND_TITLES, LEVEL_TITLES, RESOURCE_KIND_TITLES
from generator.render.routes import render_route_pages
from generator.render.site import SiteRenderer
from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "data", ROOT)


@pytest.fixture(scope="module")
def renderer(catalog: Catalog) -> SiteRenderer:
    return SiteRenderer(catalog)


def _sections(markdown: str) -> list[tuple[str, str, str]]:
    """(h2, h3, list item) for every list item under the overview's grouped lists."""
    out: list[tuple[str, str, str]] = []
    h2 = h3 = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            h2, h3 = line[3:].split(" {")[0], ""
        elif line.startswith("### "):
            h3 = line[4:].split(" {")[0]
        elif line.startswith("- ") and h2:
            out.append((h2, h3, line))
    return out


def _marker(line: str) -> set[str]:
    found = re.search(r'data-rw-item="([^"]*)"', line)
    assert found, line
    return set(html.unescape(found.group(1)).split())


def test_every_lesson_is_listed_once_under_its_level_and_kind(catalog: Catalog, renderer: SiteRenderer):
    page = renderer.render_index("les")
    items = _sections(page.markdown)
    lessons = catalog.of_kind("les")
    assert len(items) == len(lessons) == 68
    for entry in lessons:
        lesson = entry.record
        assert isinstance(lesson, Lesson)
        (found,) = [item for item in items if f"]({entry.id}.md)" in item[2]]
        assert found[:2] == (LEVEL_TITLES[lesson.level], LESSON_KIND_TITLES[lesson.kind]), entry.id
        assert _marker(found[2]) == {
            f"niveau:{lesson.level}",
            f"soort:{lesson.kind}",
            *(f"thema:{t}" for t in lesson.themes),
        }
    # Levels in the guide's order, from the family out to the system.
    levels = [h2 for h2, _, _ in items]
    assert sorted(set(levels), key=levels.index) == [t for t in LEVEL_TITLES.values() if t in levels]


def test_every_resource_is_listed_under_its_kind_with_its_audience(catalog: Catalog, renderer: SiteRenderer):
    page = renderer.render_index("hulpmiddel")
    items = _sections(page.markdown)
    resources = catalog.of_kind("hulpmiddel")
    assert len(items) == len(resources) > 0
    for entry in resources:
        resource = entry.record
        assert isinstance(resource, Resource)
        (found,) = [item for item in items if f"]({entry.id}.md)" in item[2]]
        assert found[0] == RESOURCE_KIND_TITLES[resource.kind]
        assert {f"voor:{a}" for a in resource.audience} | {f"soort:{resource.kind}"} <= _marker(found[2])
        assert "*(voor " in found[2], "the audience is readable without JavaScript"


def test_the_filter_holder_lists_only_values_that_occur(renderer: SiteRenderer, catalog: Catalog):
    markdown = renderer.render_index("les").markdown
    spec = json.loads(html.unescape(re.search(r'data-rw-facets-spec="([^"]*)"', markdown).group(1)))  # type: ignore[union-attr]
    facets = {f["key"]: [value for value, _ in f["options"]] for f in spec}
    assert list(facets) == ["niveau", "soort", "thema"]
    used_themes = {t for e in catalog.of_kind("les") for t in e.record.themes}  # type: ignore[attr-defined]
    assert set(facets["thema"]) == used_themes
    assert set(facets["niveau"]) == {e.record.level for e in catalog.of_kind("les")}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- route diagrams


def _routes(catalog: Catalog) -> list[tuple[str, Route]]:
    routes = [(e.id, e.record) for e in catalog.of_kind("route")]
    assert routes
    return routes  # type: ignore[return-value]


def test_a_step_comes_after_every_question_that_leads_to_it(catalog: Catalog):
    for _id, route in _routes(catalog):
        order = step_order(route)
        assert order[0] == route.start and sorted(order) == sorted(route.nodes)
        for source, _i, target in route.edges():
            assert order.index(source) < order.index(target), (source, target)


def test_the_diagram_draws_every_step_and_every_answer(catalog: Catalog):
    for route_id, route in _routes(catalog):
        svg = ET.fromstring(render_route_svg(route, route_id))  # well-formed XML
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and desc is not None
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert route.title in (title.text or "")
        assert len(svg.findall(f"{SVG}rect")) == len(route.nodes)
        texts = [t.text or "" for t in svg.iter(f"{SVG}text")]
        number = {n: i + 1 for i, n in enumerate(step_order(route))}
        joined = " ".join(texts)
        for node_id, n in number.items():
            node = route.nodes[node_id]
            label = "Vraag" if node.question else "Uitkomst"
            assert f"{n} · {label}" in texts
        for source, i, target in route.edges():
            answer = route.nodes[source].question.answers[i]  # type: ignore[union-attr]
            # Wrapped over several lines, one text element each, in order.
            assert f"{' '.join(answer.text.split())} → {number[target]}" in joined, (route_id, answer.text)
        # One arrowhead per distinct (question, target) pair.
        heads = [p for p in svg.iter(f"{SVG}path") if p.get("d", "").endswith("Z")]
        assert len(heads) == len({(s, t) for s, _i, t in route.edges()})
        # Nothing the CSP forbids or the page policy drops.
        assert not any(el.get("style") for el in svg.iter())
        assert int(svg.get("width", "0")) <= 360


def test_text_in_the_diagram_is_escaped(mini_route_page):
    svg = dict(mini_route_page.figures)["route-test"]
    assert "Ja &amp; meer &lt; 5 &gt; 3 → 3" in svg
    assert "Ja & meer < 5 > 3 → 3" in "".join(ET.fromstring(svg).itertext())


@pytest.fixture
def mini_route_page(scratch):
    from tests.test_routes import PATH, ROUTE

    root = scratch(data_only=True)
    path = root / PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ROUTE.replace("text: Ja\n", "text: 'Ja & meer < 5 > 3'\n"), encoding="utf-8")
    catalog = load_catalog(root / "data", root)
    (entry,) = catalog.of_kind("route")
    return render_route_pages(entry, catalog)[0]


def test_wrap_keeps_every_word_and_respects_the_width():
    text = "De jongere heeft een verstandelijke handicap en krijgt zorg waar hij of zijn vertegenwoordiger"
    lines = wrap(text, 140)
    assert " ".join(lines) == text
    assert all(len(line) <= 20 for line in lines if " " in line)


# --------------------------------------------------------------------------- past the sanitizers


def test_the_diagram_survives_the_page_policy_and_nothing_else_does(catalog: Catalog):
    route_id, route = _routes(catalog)[0]
    svg = render_route_svg(route, route_id)
    content = sanitize_html(f"<p>Intro</p>\n{figure('route-x')}\n<p>Lijst</p>")
    assert figure("route-x") in content, "the placeholder passes the content policy"
    page = insert_figures(content, [("route-x", svg)])
    assert svg in page
    document = f"<html><head><title>t</title></head><body><article>{page}</article></body></html>"
    cleaned, removed = sanitize_page(document, [])
    assert removed == [] and cleaned == document, "the page policy keeps the diagram byte for byte"
    # The content policy still removes any SVG that data could smuggle in.
    assert "<svg" not in sanitize_html(f"<p>x</p>{svg}")
    # And the page policy keeps shapes and text only: no handler, link, use or script inside an SVG.
    hostile = (
        '<svg viewBox="0 0 1 1" onload="alert(1)"><a href="javascript:alert(1)"><text>x</text></a>'
        '<use href="#y"></use><script>alert(1)</script><rect style="fill:red" onclick="alert(1)"></rect></svg>'
    )
    cleaned, removed = sanitize_page(f"<html><head></head><body>{hostile}</body></html>", [])
    assert removed
    for bad in ("onload", "onclick", "javascript:", "<use", "<script", "style="):
        assert bad not in cleaned, bad


def test_a_placeholder_without_a_drawing_stays_empty():
    html_ = f"<p>a</p>{figure('route-y')}"
    assert insert_figures(html_, [("route-x", "<svg></svg>")]) == html_
    assert insert_figures(html_, []) == html_
