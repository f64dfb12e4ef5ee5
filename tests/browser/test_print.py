"""Printing a page: only the content, external link addresses shown, facts kept together."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

PATH = "/contact/veilig-thuis/"
HIDDEN_ON_PAPER = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-search",
    ".md-footer",
    ".md-content__button",
    ".rw-crumbs",
]


def display(page: Any, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("el => getComputedStyle(el).display"))


def test_print_stylesheet_is_linked(built_site: Path):
    html = (built_site / PATH.strip("/") / "index.html").read_text(encoding="utf-8")
    assert 'href="../../assets/print.css"' in html, "add assets/print.css to extra_css in mkdocs.yml"


@pytest.mark.browser
def test_print_shows_only_the_content(page, site_url: str):
    page.goto(site_url + PATH, wait_until="load")
    page.emulate_media(media="print")
    for selector in HIDDEN_ON_PAPER:
        assert page.locator(selector).count(), f"{selector} is not on the page; update the test"
        assert display(page, selector) == "none", f"{selector} is printed"
    assert display(page, "article") != "none"
    page.emulate_media(media="screen")
    assert display(page, ".md-header") != "none", "print styles leak onto the screen"


@pytest.mark.browser
def test_print_shows_external_link_addresses(page, site_url: str):
    page.goto(site_url + PATH, wait_until="load")
    page.emulate_media(media="print")
    after = """el => getComputedStyle(el, '::after').content"""
    external = page.locator("article a[href^='https://']").first
    href = external.get_attribute("href")
    assert href in external.evaluate(after)
    internal = page.locator("article a[href^='../']").first
    assert internal.evaluate(after) in {"none", "normal", ""}, "internal links get no address"


@pytest.mark.browser
def test_print_keeps_definition_lists_together(page, site_url: str):
    page.goto(site_url + PATH, wait_until="load")
    page.emulate_media(media="print")
    assert page.locator("article dl").first.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
    assert page.locator("article dt").first.evaluate("el => getComputedStyle(el).breakAfter") == "avoid"


@pytest.mark.browser
def test_page_prints_to_pdf(page, site_url: str):
    page.goto(site_url + PATH, wait_until="load")
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
