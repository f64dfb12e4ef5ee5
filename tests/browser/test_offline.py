"""The offline copy (`make offline`, the pull request's preview) opened from disk in Chromium.

Built once by the real command line, unzipped as an editor would, and opened as file://: links
open pages (never a folder listing), the search answers, the Content-Security-Policy holds and no
request leaves the disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.browser.conftest import DESKTOP, new_page, search
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAME = "routewijzer-offline"


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m generator offline`, then its zip unpacked elsewhere; the unpacked folder."""
    out = tmp_path_factory.mktemp("offline-build") / NAME
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ROUTEWIJZER_REPO_URL": "https://github.com/example/routewijzer"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "offline", "--out", str(out), "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    archive = out.with_name(f"{NAME}.zip")
    unpacked = tmp_path_factory.mktemp("offline-unzipped")
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert all(n.startswith(f"{NAME}/") for n in names), "one top folder"
        assert len(names) == sum(1 for p in out.rglob("*") if p.is_file())
        zipped.extractall(unpacked)
    return unpacked / NAME


def test_every_link_between_pages_opens_a_file(offline_copy: Path):
    """From disk a link to a folder shows its listing: every internal link must name a file."""
    # 404.html is the web server's page (site-absolute links); from disk it is never shown.
    pages = sorted(p for p in offline_copy.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 100
    checked = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "link", "script"]):
            target = element.get("href") or element.get("src")
            if not isinstance(target, str) or not target or target.startswith("#"):
                continue
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            resolved = (page.parent / unquote(parts.path)).resolve()
            where = f"{page.relative_to(offline_copy)}: {target}"
            assert resolved.is_file(), f"{where} does not open a file"
            checked += 1
    assert checked > 1000


def test_search_worker_data_and_index_are_scripts(offline_copy: Path):
    index = (offline_copy / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = {")
    data = (offline_copy / "assets/javascripts/workers/rw-search-data.js").read_text(encoding="utf-8")
    assert data.startswith("self.RW_SEARCH_TERMS = {")
    html = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/rw-file-worker.js" in html
    assert "unpkg" not in html and "iframe-worker/shim" not in html


def _watch(page: Any) -> tuple[list[str], list[str]]:
    """Console errors (CSP violations among them) and every request that is not a file of the copy."""
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:", "about:")) else None)
    return errors, outside


def test_from_disk_links_open_pages_and_search_answers(browser: Any, offline_copy: Path):
    with new_page(browser, viewport=DESKTOP) as page:
        errors, outside = _watch(page)
        page.goto((offline_copy / "index.html").as_uri())
        assert page.locator("h1").first.inner_text().strip()

        # A link in the home page's text, and one in a page's navigation (the home page hides it):
        # each opens a page, not a folder listing.
        for start, selector in (
            ("index.html", "article a[href$='.html']:not([hreflang])"),
            (
                "wet/jeugdwet.html",
                "nav.md-nav--primary a.md-nav__link[href$='.html']:not(.md-nav__link--active):visible",
            ),
        ):
            page.goto((offline_copy / start).as_uri())
            link = page.locator(selector).first
            href = link.get_attribute("href")
            link.click()
            page.wait_for_load_state()
            assert page.url.endswith(".html") and not page.url.endswith(start), f"{href} opened {page.url}"
            assert page.locator("article h1").count() == 1, f"{href} opened no page"
            assert "Index of" not in page.content()

        page.goto((offline_copy / "regio" / "achterhoek.html").as_uri())
        titles = search(page, "veilig thuis")
        assert titles and titles[0] == "Veilig Thuis", titles
        # The site's own ranking data is there too: an abbreviation finds its term.
        titles = search(page, "ots")
        assert titles and titles[0] == "Ondertoezichtstelling", titles
        result = page.locator(".md-search-result__list > li a").first
        result.click()
        page.wait_for_load_state()
        assert page.url.startswith("file:") and ".html" in page.url
        assert page.locator("article h1").count() == 1

        assert errors == [], errors
        assert outside == [], outside


def test_the_pull_request_preview_is_the_offline_copy():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [s.get("run") for s in steps]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert "make offline" in runs and runs.index("make offline") < steps.index(upload)
    assert upload["with"]["path"].rstrip("/") == NAME


@pytest.mark.parametrize(
    ("start", "query", "message", "first_page", "heading"),
    [
        (
            "regio/achterhoek.html",
            "mijn hond blaft de hele nacht",
            "Hier hebben we geen goed antwoord op",
            "contact/index.html",
            "Hulp en contact",
        ),
        (
            "en/parents.html",
            "my dog barks all night",
            "We do not have a good answer to this",
            "en/contact/index.html",
            "Help and contacts",
        ),
    ],
)
def test_from_disk_the_no_answer_links_open_pages(
    browser: Any, offline_copy: Path, start: str, query: str, message: str, first_page: str, heading: str
):
    """The "no good answer" group links pages as they are on disk (ouders.html, en/parents.html,
    contact/index.html), each to a heading that is there; in the page's language."""
    with new_page(browser, viewport=DESKTOP) as page:
        errors, outside = _watch(page)
        page.goto((offline_copy / start).as_uri())
        titles = search(page, query)
        assert titles[0] == message, titles[:4]
        item = page.locator(".md-search-result__list > li.md-search-result__item").first
        hrefs = [a.get_attribute("href") or "" for a in item.locator("a").all()]
        assert len(hrefs) >= 4, hrefs
        for href in hrefs:
            parts = urlsplit(href)
            assert parts.scheme == "file", href
            target = Path(unquote(parts.path))
            assert target.is_file(), f"{href} opens no file"
            if parts.fragment:
                html = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                assert html.find(id=parts.fragment) is not None, f"{href}: no such heading"
        item.locator("a").first.click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path.endswith(first_page), page.url
        assert page.locator("h1").first.inner_text().strip() == heading
        assert errors == [], errors
        assert outside == [], outside


def test_from_disk_the_region_finder_answers_while_typing(browser: Any, offline_copy: Path):
    """The home page's "Vind je regio" from file://: no fetch (the list comes as a script), the
    answer links the region's file, Enter opens it; without JavaScript the form opens the A–Z."""
    from generator.load import load_catalog

    catalog = load_catalog(ROOT / "data", ROOT)
    region = next(
        e
        for e in catalog.of_kind("regio")
        if any(m.name == "Hilversum" for m in e.record.municipalities)  # type: ignore[attr-defined]
    )
    with new_page(browser, viewport=DESKTOP) as page:
        errors, outside = _watch(page)
        page.goto((offline_copy / "index.html").as_uri())
        page.locator("#rw-region-q").type("Hilver", delay=20)
        answer = page.locator("[data-rw-region] a").first
        answer.wait_for(state="visible")
        assert answer.inner_text() == region.record.title
        assert answer.get_attribute("href") == (offline_copy / "regio" / f"{region.id}.html").as_uri()
        assert "Hilversum hoort bij jeugdregio" in page.locator("[data-rw-region]").inner_text()
        page.press("#rw-region-q", "Enter")
        page.wait_for_load_state()
        assert urlsplit(page.url).path.endswith(f"regio/{region.id}.html"), page.url
        assert page.locator("article h1").first.inner_text().strip() == region.record.title
        assert errors == [], errors
        assert outside == [], outside
    with new_page(browser, java_script_enabled=False) as page:
        page.goto((offline_copy / "index.html").as_uri())
        page.fill("#rw-region-q", "Hilversum")
        page.press("#rw-region-q", "Enter")
        page.wait_for_load_state()
        assert urlsplit(page.url).path.endswith("regio/gemeenten.html"), page.url
        assert page.locator("#rw-az").get_by_text("Hilversum").count() >= 1
