"""Search that admits it has no answer (issue 17, item 5), in Chromium on the built site.

The worker puts a first result item that says "Hier hebben we geen goed antwoord op" (on English
pages: "We do not have a good answer to this", linking the English pages) and links
to help when the best page is weak (RwRank.answers; threshold measured in
tests/search/test_search.py); for a good query the first item is the answer itself.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import search

MESSAGE = "Hier hebben we geen goed antwoord op"


def _first_item(page: Any) -> Any:
    return page.locator(".md-search-result__list > li.md-search-result__item").first


@pytest.mark.browser
def test_an_unanswerable_query_gets_the_message_first_with_help_links(page, site_url: str):
    page.goto(site_url + "/", wait_until="networkidle")
    titles = search(page, "mijn hond blaft de hele nacht")
    assert titles[0] == MESSAGE, titles[:4]
    hrefs = [a.get_attribute("href") for a in _first_item(page).locator("a").all()]
    paths = [h.split("?")[0].split("#")[0].replace(site_url, "") for h in hrefs]
    assert "/contact/" in paths and "/begrip/" in paths and "/ouders/" in paths, hrefs
    # The pages that were found still follow, below the message.
    assert len(titles) > len(hrefs)
    # And the message's link works: it opens the help contacts.
    _first_item(page).locator("a").first.click()
    page.wait_for_url("**/contact/**")
    assert page.locator("h1").first.inner_text().strip() == "Hulp en contact"


@pytest.mark.browser
def test_a_good_query_shows_its_answer_first_without_the_message(phone, site_url: str):
    phone.goto(site_url + "/", wait_until="networkidle")
    titles = search(phone, "ondertoezichtstelling")
    assert MESSAGE not in titles
    assert "Ondertoezichtstelling" in titles[0], titles[:3]


@pytest.mark.browser
def test_on_an_english_page_the_message_is_english_and_links_english_pages(page, site_url: str):
    page.goto(site_url + "/en/parents/", wait_until="networkidle")
    titles = search(page, "my dog barks all night")
    assert titles[0] == "We do not have a good answer to this", titles[:4]
    assert MESSAGE not in titles
    hrefs = [a.get_attribute("href") for a in _first_item(page).locator("a").all()]
    paths = [h.split("?")[0].split("#")[0].replace(site_url, "") for h in hrefs]
    assert {"/en/contact/", "/en/parents/", "/en/young-people/", "/en/begrip/"} <= set(paths), hrefs
    assert all(p.startswith("/en/") for p in paths), hrefs
    _first_item(page).locator("a").first.click()
    page.wait_for_url("**/en/contact/**")
    assert page.locator("h1").first.inner_text().strip() == "Help and contacts"
