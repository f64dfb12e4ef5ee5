"""Wayfinding in headless Chromium (issue 17): the "Snel weg" quick exit (click, Escape three times,
phone width, the page hidden at once, Back does not return, a plain link without JavaScript), the
home page's question field and region finder, and axe-core on the new pages.

The exit's neutral site (extra.rw_exit_url in mkdocs.yml) is never reached: every request to
another host is answered inside the browser by a local stand-in page or refused, so nothing leaves
127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator.load import load_catalog
from tests.browser.conftest import new_page
from tests.browser.test_accessibility import describe, run_axe
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

YOUNG_PAGE = "/voor/jongeren/"
NEUTRAL = "<!doctype html><html lang='nl'><title>Neutraal</title><h1>Neutrale site</h1></html>"


def stand_in_for_other_hosts(page: Any, site_url: str, held: list[Any] | None = None) -> None:
    """Answer the exit's target locally (or hold it in `held`); refuse anything else off the site."""
    own = urlsplit(site_url).netloc

    def handle(route: Any) -> None:
        url = urlsplit(route.request.url)
        if url.netloc == own:
            route.continue_()
        elif route.request.is_navigation_request():
            if held is not None:
                held.append(route)
            else:
                route.fulfill(status=200, content_type="text/html", body=NEUTRAL)
        else:
            route.abort()

    page.context.route("**/*", handle)


def exit_target(page: Any) -> str:
    target = page.get_attribute("a[data-rw-exit]", "href")
    assert target and target.startswith("http"), target
    return str(target)


def open_after_home(page: Any, site_url: str, path: str) -> None:
    """A visitor came from the home page to `path`: two entries in the tab's history."""
    page.goto(site_url + "/", wait_until="load")
    page.goto(site_url + path, wait_until="load")


def test_quick_exit_by_click_leaves_no_way_back(page, site_url: str):
    stand_in_for_other_hosts(page, site_url)
    open_after_home(page, site_url, YOUNG_PAGE)
    target = exit_target(page)
    page.click("a[data-rw-exit]")
    page.wait_for_url(target)
    assert page.title() == "Neutraal"
    page.go_back(wait_until="load")
    # The young people's page was replaced in the history: Back skips it.
    assert page.url == site_url + "/"
    assert page.url != site_url + YOUNG_PAGE


def test_quick_exit_by_escape_three_times_on_a_phone(phone, site_url: str):
    stand_in_for_other_hosts(phone, site_url)
    open_after_home(phone, site_url, "/contact/veilig-thuis/")
    target = exit_target(phone)
    # On a phone the button is in view without scrolling.
    box = phone.locator("a[data-rw-exit]").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844 and box["x"] + box["width"] <= 390, box
    phone.keyboard.press("Escape")
    phone.keyboard.press("Escape")
    phone.wait_for_timeout(300)
    assert phone.url == site_url + "/contact/veilig-thuis/", "two presses must not leave the page"
    phone.keyboard.press("Escape")
    phone.wait_for_url(target)
    phone.go_back(wait_until="load")
    assert phone.url == site_url + "/"


def test_quick_exit_hides_the_page_before_the_other_site_answers(page, site_url: str):
    held: list[Any] = []
    seen: list[dict[str, Any]] = []
    stand_in_for_other_hosts(page, site_url, held)
    # While a navigation is pending the page cannot be asked anything, so it reports itself the
    # moment the exit starts (a class on <html>), and the neutral site is held until then.
    page.expose_function("rwReport", lambda state: seen.append(state))
    page.goto(site_url + YOUNG_PAGE, wait_until="load")
    assert page.locator("h1").first.is_visible()
    page.evaluate(
        """() => new MutationObserver(() => {
             if (!document.documentElement.classList.contains('rw-leaving')) return;
             const h1 = document.querySelector('h1');
             rwReport({body: getComputedStyle(document.body).display, h1: h1.checkVisibility(),
                       title: document.title});
           }).observe(document.documentElement, {attributes: true, attributeFilter: ['class']})"""
    )
    page.click("a[data-rw-exit]", no_wait_after=True)
    for _ in range(100):
        if seen and held:
            break
        page.wait_for_timeout(100)
    assert held, "the exit did not navigate"
    assert seen == [{"body": "none", "h1": False, "title": ""}]
    held[0].fulfill(status=200, content_type="text/html", body=NEUTRAL)
    page.wait_for_url(exit_target_of(held[0]))


def exit_target_of(route: Any) -> str:
    return str(route.request.url)


def test_quick_exit_is_a_plain_link_without_javascript(browser, site_url: str):
    with new_page(browser, java_script_enabled=False) as page:
        stand_in_for_other_hosts(page, site_url)
        page.goto(site_url + YOUNG_PAGE, wait_until="load")
        target = exit_target(page)
        page.click("a[data-rw-exit]")
        page.wait_for_url(target)
        assert page.title() == "Neutraal"


def test_quick_exit_is_absent_where_no_one_needs_to_hide(page, site_url: str):
    page.goto(site_url + "/professionals/", wait_until="load")
    assert page.locator("a[data-rw-exit]").count() == 0
    assert page.locator("aside.rw-help").count() == 0


def test_help_block_in_the_same_place_on_parents_and_young_peoples_pages(page, site_url: str):
    positions = []
    for path in ("/", "/ouders/", YOUNG_PAGE, "/begrip/uithuisplaatsing/"):
        page.goto(site_url + path, wait_until="load")
        block = page.locator("aside.rw-help")
        assert block.count() == 1, path
        # Before the page's own title, right under the header, on every page.
        order = page.evaluate(
            "() => document.querySelector('aside.rw-help').compareDocumentPosition(document.querySelector('h1'))"
        )
        assert order & 4, f"{path}: the help block is not before the title"
        positions.append(block.bounding_box()["y"])
    assert max(positions) - min(positions) < 60, positions


def test_home_question_field_opens_the_search_with_the_question(page, site_url: str):
    page.goto(site_url + "/", wait_until="load")
    page.fill("#rw-ask-q", "ik word 18 en dan stopt mijn hulp")
    page.press("#rw-ask-q", "Enter")
    page.wait_for_url("**/zoeken/?q=*")
    field = page.locator("input.md-search__input")
    assert field.input_value() == "ik word 18 en dan stopt mijn hulp"
    first = page.locator(".md-search-result__list > li").first
    first.wait_for(state="visible", timeout=15_000)


def test_home_example_question_is_a_search_link(page, site_url: str):
    page.goto(site_url + "/", wait_until="load")
    link = page.locator(".rw-examples a").first
    question = link.inner_text()
    link.click()
    page.wait_for_url("**/zoeken/?q=*")
    assert page.locator("input.md-search__input").input_value() == question


def test_home_region_field_shows_the_region_while_typing(phone, site_url: str):
    catalog = load_catalog(ROOT / "data", ROOT)
    region = next(
        e
        for e in catalog.of_kind("regio")
        if any(m.name == "Hilversum" for m in e.record.municipalities)  # type: ignore[attr-defined]
    )
    phone.goto(site_url + "/", wait_until="load")
    phone.locator("#rw-region-q").type("Hilver", delay=20)
    answer = phone.locator("[data-rw-region] a").first
    answer.wait_for(state="visible")
    assert answer.inner_text() == region.record.title
    assert answer.get_attribute("href") == f"{site_url}/regio/{region.id}/"
    phone.press("#rw-region-q", "Enter")
    phone.wait_for_url(f"**/regio/{region.id}/")


def test_home_region_form_without_javascript_opens_the_a_to_z(browser, site_url: str):
    with new_page(browser, java_script_enabled=False) as page:
        page.goto(site_url + "/", wait_until="load")
        page.fill("#rw-region-q", "Hilversum")
        page.press("#rw-region-q", "Enter")
        page.wait_for_url("**/regio/gemeenten/?gemeente=Hilversum")
        assert page.locator("#rw-az").get_by_text("Hilversum").count() >= 1


@pytest.mark.parametrize("path", ["/", YOUNG_PAGE, "/snel-weg/", "/zoeken/", "/ouders/"])
def test_axe_on_wayfinding_pages(page, phone, site_url: str, built_site: Path, axe_source: str, path: str):
    for view in (page, phone):
        view.goto(site_url + path, wait_until="load")
        violations = run_axe(view, axe_source)
        assert not violations, f"axe-core on {path}:\n{describe(violations)}"


def test_axe_with_the_region_answer_shown(page, site_url: str, axe_source: str):
    page.goto(site_url + "/", wait_until="load")
    page.locator("#rw-region-q").type("Hilversum", delay=10)
    page.locator("[data-rw-region] a").first.wait_for(state="visible")
    violations = run_axe(page, axe_source)
    assert not violations, f"axe-core with the region answer:\n{describe(violations)}"
