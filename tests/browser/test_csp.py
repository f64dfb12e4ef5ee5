"""The Content-Security-Policy in docs/_headers (Netlify / Cloudflare Pages format) keeps the site working.

The policy travels with the pages as a `<meta http-equiv>` tag (GitHub Pages sends no `_headers`),
so the built site is served here WITHOUT any header: the meta policy alone must hold. Chromium
must report no CSP violation on any page type, search (a worker that loads its index) must still
find results, and an inline script the policy does not allow must be blocked by the meta tag.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.output.csp import meta_policy, parse_headers
from tests.browser.conftest import PAGE_TYPES, PageType, new_page, resolve_page, search, serve_directory
from tests.conftest import ROOT

HEADERS_FILE = ROOT / "docs" / "_headers"


def site_headers(site: Path) -> dict[str, str]:
    """The headers for every path, from the `_headers` file MkDocs copied into the built site."""
    published = site / "_headers"
    assert published.exists(), "docs/_headers was not copied into the built site"
    return parse_headers(published.read_text(encoding="utf-8"))["/*"]


def test_headers_file_is_published_unchanged(built_site: Path):
    assert (built_site / "_headers").read_bytes() == HEADERS_FILE.read_bytes()
    headers = site_headers(built_site)
    assert headers["Referrer-Policy"] == "no-referrer"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


def test_every_inline_script_is_allowed_by_hash(built_site: Path):
    """Names the hash to add when Material (or a template) changes an inline script."""
    policy = site_headers(built_site)["Content-Security-Policy"]
    allowed = set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", policy))
    missing: dict[str, str] = {}
    for page in built_site.rglob("*.html"):
        for script in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            # Data blocks (Material's __config, the page's JSON-LD) are never run: the policy does not apply.
            if script.get("src") or script.get("type") in {"application/json", "application/ld+json"}:
                continue
            body = script.string or ""
            digest = "sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            if digest not in allowed:
                missing.setdefault(digest, f"{page.relative_to(built_site)}: {body[:80]}")
    assert not missing, "add to script-src in docs/_headers:\n" + "\n".join(f"'{h}'  ({w})" for h, w in missing.items())


# --------------------------------------------------------------------------- in the browser

_RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});
"""


@pytest.fixture(scope="module")
def csp_url(built_site: Path) -> Any:
    """The site served without headers: only the meta policy in every page applies."""
    with serve_directory(built_site) as url:
        yield url


_MESSAGES: dict[int, list[str]] = {}


@pytest.fixture
def csp_page(browser: Any) -> Any:
    """A page that records CSP violation events, CSP console messages and script errors."""
    with new_page(browser) as page:
        page.add_init_script(_RECORD_VIOLATIONS)
        messages = _MESSAGES.setdefault(id(page), [])
        page.on("console", lambda msg: messages.append(msg.text) if "Content Security Policy" in msg.text else None)
        page.on("pageerror", lambda error: messages.append(f"page error: {error}"))
        yield page
        _MESSAGES.pop(id(page), None)


def violations(page: Any) -> list[str]:
    return list(page.evaluate("window.__csp")) + _MESSAGES.get(id(page), [])


@pytest.mark.browser
def test_only_the_meta_policy_is_in_force(csp_page: Any, csp_url: str, built_site: Path):
    response = csp_page.goto(csp_url + "/", wait_until="load")
    assert "content-security-policy" not in response.headers
    meta = csp_page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert meta == meta_policy(site_headers(built_site)["Content-Security-Policy"])


@pytest.mark.browser
def test_meta_policy_blocks_an_inline_script(csp_page: Any, built_site: Path, tmp_path: Path):
    """The meta tag is not decoration: a script it does not allow by hash does not run."""
    site = tmp_path / "site"
    page = built_site / "begrip" / "index.html"
    (site / "begrip").mkdir(parents=True)
    html = page.read_text(encoding="utf-8")
    (site / "begrip" / "index.html").write_text(
        html.replace("</body>", "<script>window.__ran = true</script></body>"), encoding="utf-8"
    )
    with serve_directory(site) as url:
        csp_page.goto(url + "/begrip/", wait_until="load")
        assert csp_page.evaluate("window.__ran === undefined")
        assert any("script-src" in v for v in violations(csp_page)), violations(csp_page)


@pytest.mark.browser
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_no_csp_violations(csp_page: Any, csp_url: str, built_site: Path, page_type: PageType):
    path = resolve_page(built_site, page_type)
    csp_page.goto(csp_url + path, wait_until="networkidle")
    assert not violations(csp_page), f"{path} under the CSP: {violations(csp_page)}"


@pytest.mark.browser
def test_search_works_under_the_policy(csp_page: Any, csp_url: str):
    csp_page.goto(csp_url + "/", wait_until="load")
    titles = search(csp_page, "ondertoezichtstelling")
    assert titles, "search found nothing under the CSP"
    assert not violations(csp_page), f"search under the CSP: {violations(csp_page)}"
    # Enter in the search box opens the first result: no form submission may be blocked.
    with csp_page.expect_navigation(wait_until="load"):
        csp_page.keyboard.press("Enter")
    assert csp_page.url != csp_url + "/", "Enter did not open a result"
    assert not violations(csp_page), f"opening a result under the CSP: {violations(csp_page)}"


@pytest.mark.browser
def test_region_filter_works_under_the_policy(csp_page: Any, csp_url: str, built_site: Path):
    """The A–Z page's filter box is Routewijzer's own script: it must run under the policy too."""
    path = resolve_page(built_site, next(t for t in PAGE_TYPES if t.name == "a-z"))
    csp_page.goto(csp_url + path, wait_until="load")
    field = csp_page.locator("[data-rw-filter] input")
    field.fill("Hilversum")
    visible = csp_page.locator("li:visible", has_text="Hilversum")
    assert visible.count() >= 1
    assert not violations(csp_page), f"{path} under the CSP: {violations(csp_page)}"
