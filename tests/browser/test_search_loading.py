"""The search index (about 1 MB) loads when a visitor is about to search, not on every page view."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import search


def record_requests(page: Any) -> list[str]:
    """Every URL the page (and its workers) asks for from now on, once each time it is asked."""
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    return urls


def _index_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if u.split("?")[0].endswith("/search/search_index.json")]


@pytest.mark.browser
def test_reading_a_page_does_not_download_the_search_index(page, site_url: str):
    urls = record_requests(page)
    page.goto(site_url + "/begrip/ondertoezichtstelling/", wait_until="networkidle")
    page.mouse.wheel(0, 800)  # reading: scrolling is not searching
    page.wait_for_timeout(500)
    assert any(u.endswith("/begrip/ondertoezichtstelling/") for u in urls), "the listener recorded nothing"
    assert _index_requests(urls) == []


@pytest.mark.browser
def test_the_index_loads_once_the_visitor_searches(page, site_url: str):
    urls = record_requests(page)
    page.goto(site_url + "/", wait_until="networkidle")
    assert _index_requests(urls) == []
    titles = search(page, "ondertoezichtstelling")
    assert len(_index_requests(urls)) == 1
    assert any("Ondertoezichtstelling" in t for t in titles[:3]), titles


@pytest.mark.browser
def test_pointing_at_the_search_box_starts_the_download(page, site_url: str):
    urls = record_requests(page)
    page.goto(site_url + "/", wait_until="networkidle")
    page.locator(".md-search__form, label[for='__search']").locator("visible=true").first.hover()
    page.wait_for_timeout(300)
    assert len(_index_requests(urls)) == 1


@pytest.mark.browser
def test_a_shared_search_link_searches_at_once(page, site_url: str):
    page.goto(site_url + "/?q=ondertoezichtstelling")
    first = page.locator(".md-search-result__list > li h1, .md-search-result__list > li h2").first
    first.wait_for(state="visible", timeout=15_000)
    assert "Ondertoezichtstelling" in first.inner_text()
