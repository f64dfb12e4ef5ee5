"""Findable from outside (issue 16), in headless Chromium: a shared link to a region page shows its
own title and summary (the tags a link preview reads, and the image they point at); the 404 page's
search works; the new pages (open data, 404) pass axe-core."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.browser.test_accessibility import describe, run_axe
from tests.conftest import ROOT

REGION = "gooi-en-vechtstreek"


@pytest.mark.browser
def test_region_page_preview_shows_its_own_title_and_summary(page, site_url: str, built_site: Path):
    record = yaml.safe_load((ROOT / "data" / "regio" / f"{REGION}.yaml").read_text(encoding="utf-8"))
    page.goto(f"{site_url}/regio/{REGION}/", wait_until="load")
    tags = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]
            .map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))"""
    )
    assert tags["og:title"] == record["title"]
    assert tags["og:description"] == record["summary"]
    assert tags["twitter:title"] == record["title"]
    assert tags["twitter:description"] == record["summary"]
    assert tags["description"] == record["summary"]
    assert tags["og:site_name"] == "Routewijzer"
    assert tags["og:locale"] == "nl_NL"
    assert page.title() == f"{record['title']} - Routewijzer"
    assert page.evaluate("document.documentElement.lang") == "nl"
    # The structured data is data the page carries, readable as JSON, about this region.
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["mainEntity"]["name"] == record["title"]
    assert len(data["mainEntity"]["containsPlace"]) == len(record["municipalities"])
    # The preview image is a file of the site itself (served here from the same build).
    image = page.request.get(site_url + urlsplit(tags["og:image"]).path)
    assert image.ok and image.headers["content-type"] == "image/png"
    assert len(image.body()) > 1000


@pytest.mark.browser
def test_404_search_form_opens_the_sites_search(page, site_url: str):
    """The 404 page's own form (no script of ours: it sets ?q=) opens the site's search with results."""
    page.goto(f"{site_url}/404.html", wait_until="load")
    page.fill("#rw-404-q", "jeugdwet")
    page.click(".rw-404-search button")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    assert page.evaluate("new URL(location.href).searchParams.get('q')") == "jeugdwet"
    assert page.evaluate("document.querySelector('[data-md-component=search-query]').value") == "jeugdwet"
    titles = page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
    assert any("Jeugdwet" in t for t in titles), titles[:5]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/data/", "/404.html"])
def test_new_pages_pass_axe(page, site_url: str, axe_source: str, path: str):
    page.goto(site_url + path, wait_until="load")
    violations = run_axe(page, axe_source)
    assert not violations, f"axe-core on {path}:\n{describe(violations)}"
