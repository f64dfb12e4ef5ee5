"""Browsing for professionals (issue 17, item 6) in Chromium: the facet filters of the lessons and
the documents, the grouped lists without JavaScript, and the route diagram at phone width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import new_page
from tests.browser.test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser

_VISIBLE = """(root) => {
  const list = document.getElementById(root);
  const shown = [...list.querySelectorAll('li')].filter(li => li.offsetParent !== null);
  const headings = [...list.querySelectorAll('h2, h3')].filter(h => h.offsetParent !== null).map(h => h.id);
  return {items: shown.map(li => li.querySelector('[data-rw-item]').getAttribute('data-rw-item')), headings};
}"""


def test_lesson_filters_narrow_the_grouped_lists(page, site_url: str, axe_source: str):
    page.goto(site_url + "/les/", wait_until="load")
    everything = page.evaluate(_VISIBLE, "rw-lessen")
    assert len(everything["items"]) == 68
    page.select_option("#rw-lessen-niveau", "stelsel")
    stelsel = page.evaluate(_VISIBLE, "rw-lessen")
    assert 0 < len(stelsel["items"]) < 68
    assert all("niveau:stelsel" in item.split() for item in stelsel["items"])
    assert all(h.startswith("stelsel") for h in stelsel["headings"]), stelsel["headings"]
    page.select_option("#rw-lessen-soort", "succesfactor")
    both = page.evaluate(_VISIBLE, "rw-lessen")
    assert all({"niveau:stelsel", "soort:succesfactor"} <= set(item.split()) for item in both["items"])
    assert both["headings"] == ["stelsel", "stelsel-succesfactor"] or not both["items"]
    status = page.locator("#rw-lessen").locator("xpath=preceding::p[@role='status'][1]").inner_text()
    assert status == f"{len(both['items'])} van de 68 gevonden"
    # Back to all: every lesson and heading again.
    page.select_option("#rw-lessen-niveau", "")
    page.select_option("#rw-lessen-soort", "")
    assert len(page.evaluate(_VISIBLE, "rw-lessen")["items"]) == 68
    violations = run_axe(page, axe_source)
    assert not violations, f"axe-core on /les/:\n{describe(violations)}"


def test_resource_filters_by_audience(page, site_url: str, axe_source: str):
    page.goto(site_url + "/hulpmiddel/", wait_until="load")
    total = len(page.evaluate(_VISIBLE, "rw-hulpmiddelen")["items"])
    page.select_option("#rw-hulpmiddelen-voor", "ouder")
    parents = page.evaluate(_VISIBLE, "rw-hulpmiddelen")["items"]
    assert 0 < len(parents) < total
    assert all("voor:ouder" in item.split() for item in parents)
    violations = run_axe(page, axe_source)
    assert not violations, f"axe-core on /hulpmiddel/ (filtered):\n{describe(violations)}"


def test_without_javascript_the_grouped_lists_and_no_filters(browser: Any, site_url: str):
    with new_page(browser, java_script_enabled=False) as page:
        page.goto(site_url + "/les/", wait_until="load")
        assert page.locator("select").count() == 0
        headings = page.locator("#rw-lessen h2").all_inner_texts()
        assert [h.strip() for h in headings] == ["Gezin", "Professional", "Organisatie", "Stelsel"]
        assert page.locator("#rw-lessen li").count() == 68
        page.locator("article a[href='#stelsel']").click()
        assert page.url.endswith("#stelsel")


def test_route_diagram_fits_a_phone_and_keeps_its_text_alternative(
    phone, site_url: str, built_site: Path, axe_source: str
):
    route = sorted(p.parent.name for p in (built_site / "route").glob("*/index.html"))[0]
    phone.goto(f"{site_url}/route/{route}/", wait_until="load")
    svg = phone.locator("div.rw-diagram > svg.rw-diagram-svg")
    assert svg.count() == 1
    assert svg.get_attribute("role") == "img"
    box = svg.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    # Text in the drawing stays readable: at least 12 CSS pixels at phone width.
    size = phone.evaluate(
        "() => { const t = document.querySelector('.rw-diagram svg text:nth-of-type(2)');"
        " return t.getBoundingClientRect().height; }"
    )
    assert size >= 12, size
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    # The nested list under it is the text alternative, with a link to every step.
    assert phone.locator("#overzicht ~ ul a").count() >= 3
    violations = run_axe(phone, axe_source)
    assert not violations, f"axe-core on /route/{route}/ (phone):\n{describe(violations)}"
