"""Privacy gate: loading any page type, and searching, makes no request to another host and sets no cookie."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import PAGE_TYPES, PageType, resolve_page, search


def record_requests(page: Any) -> list[str]:
    """Every URL the page asks for from now on, including workers, prefetches and failed requests."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.context.on("request", lambda request: urls.append(request.url))
    return urls


def foreign(urls: list[str], site_url: str) -> list[str]:
    own = urlsplit(site_url).netloc
    return sorted(
        {u for u in urls if urlsplit(u).scheme not in {"data", "blob", "about"} and urlsplit(u).netloc != own}
    )


@pytest.mark.browser
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_page_requests_stay_on_the_site(page, site_url: str, built_site: Path, page_type: PageType):
    urls = record_requests(page)
    path = resolve_page(built_site, page_type)
    page.goto(site_url + path, wait_until="networkidle")
    assert len(urls) > 1, "no requests were recorded; the listener is not working"
    assert not foreign(urls, site_url), f"{path} loads from other hosts: {foreign(urls, site_url)}"
    assert page.context.cookies() == [], f"{path} sets cookies: {page.context.cookies()}"
    assert page.evaluate("document.cookie") == ""


@pytest.mark.browser
def test_search_requests_stay_on_the_site_and_nothing_is_stored(page, site_url: str):
    urls = record_requests(page)
    page.goto(site_url + "/", wait_until="networkidle")
    assert search(page, "pleegzorg")
    page.wait_for_load_state("networkidle")
    assert any("search_index.json" in u for u in urls), "the search index was never requested"
    assert not foreign(urls, site_url), f"search loads from other hosts: {foreign(urls, site_url)}"
    # docs/privacy.md promises that nothing is kept in the browser, not even the last search.
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert page.context.cookies() == []
    stored = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
    assert stored == [[], []], f"the site stores {stored} in the browser"


def test_every_page_asks_for_no_referrer(built_site: Path):
    """Following a link must not tell the other site which page (say, about child abuse) was read.
    docs/_headers sends Referrer-Policy on Netlify and Cloudflare Pages; the meta tag works on any host."""
    missing = [
        page.relative_to(built_site).as_posix()
        for page in built_site.rglob("*.html")
        if '<meta name="referrer" content="no-referrer">' not in page.read_text(encoding="utf-8")
    ]
    assert not missing, f"{len(missing)} pages lack the no-referrer meta tag, e.g. {missing[:5]}"


@pytest.mark.browser
def test_phone_layout_requests_stay_on_the_site(phone, site_url: str):
    urls = record_requests(phone)
    phone.goto(site_url + "/regio/gooi-en-vechtstreek/", wait_until="networkidle")
    phone.locator("label.md-header__button[for='__drawer']").click()  # open the navigation drawer
    phone.wait_for_load_state("networkidle")
    assert not foreign(urls, site_url), f"the phone layout loads from other hosts: {foreign(urls, site_url)}"
