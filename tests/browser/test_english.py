"""The English pages in headless Chromium: axe-core finds no WCAG 2.1 A/AA violation on any of them,
the language switch keeps the topic both ways, and an English question typed into the search box of
an English page finds the English page first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import search
from tests.browser.test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser


def english_pages(site: Path) -> list[str]:
    return sorted(f"/{p.parent.relative_to(site).as_posix()}/" for p in (site / "en").rglob("index.html"))


def test_every_english_page_passes_axe(page: Any, site_url: str, built_site: Path, axe_source: str):
    paths = english_pages(built_site)
    assert len(paths) >= 30, paths
    failures = []
    for path in paths:
        page.goto(site_url + path, wait_until="load")
        assert page.evaluate("document.documentElement.lang") == "en", path
        violations = run_axe(page, axe_source)
        if violations:
            failures.append(f"{path}:\n{describe(violations)}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("start", "other"),
    [
        ("/begrip/ondertoezichtstelling/", "/en/begrip/ondertoezichtstelling/"),
        ("/contact/veilig-thuis/", "/en/contact/veilig-thuis/"),
        ("/route/dreigende-uithuisplaatsing/ouder-voorkomen/", "/en/route/dreigende-uithuisplaatsing/ouder-voorkomen/"),
        ("/ouders/", "/en/parents/"),
    ],
)
def test_switching_language_keeps_the_topic(page: Any, site_url: str, start: str, other: str):
    page.goto(site_url + start, wait_until="load")
    page.get_by_role("link", name="Read this page in English").click()
    page.wait_for_load_state("load")
    assert page.url == site_url + other
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("link", name="Lees deze pagina in het Nederlands").click()
    page.wait_for_load_state("load")
    assert page.url == site_url + start
    assert page.evaluate("document.documentElement.lang") == "nl"


def test_english_question_in_the_search_box(page: Any, site_url: str):
    page.goto(site_url + "/en/", wait_until="load")
    titles = search(page, "who can I call if my child is in danger at home")
    assert titles, "no results"
    assert any(word in titles[0] for word in ("112", "Veilig Thuis", "Danger")), titles[:3]
