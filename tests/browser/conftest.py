"""Shared browser fixtures: the real site served on loopback and one headless Chromium per worker.

- `built_site`: the real data built once per session (reuses `real_site` from tests/conftest.py).
- `site_url`: a threaded http.server on 127.0.0.1 with an ephemeral port serving `built_site`.
- `browser`: Playwright (sync API) driving Debian's Chromium at /usr/bin/chromium, headless,
  with the flags that keep it off the network (see /work/.library/env/machines/python.md).
- `page` / `phone`: a fresh browser context per test (desktop and phone viewport).

`serve_directory()` is public so other tests (CSP, XSS, benchmarks) can serve another folder
or add response headers. Nothing here downloads a browser: `make test` installs Debian's
chromium when it is missing; axe-core comes from the PyPI package axe-playwright-python
(requirements.lock pins it), so the tests need no npm.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import shutil
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("ROUTEWIJZER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class PageType:
    """One page of each kind of page the site has; `path` is relative to the site root."""

    name: str
    path: str
    first_child: bool = False
    """Visit the first page under `path` instead (records come and go; any one shows the layout)."""


PAGE_TYPES = [
    PageType("home", "/"),
    PageType("theme", "/thema/wet-en-regelgeving/"),
    PageType("law", "/wet/jeugdwet/"),
    PageType("region", "/regio/gooi-en-vechtstreek/"),
    PageType("network", "/netwerk/ben-noord-holland/"),
    PageType("lesson", "/les/", first_child=True),
    PageType("glossary", "/begrip/"),
    PageType("a-z", "/regio/gemeenten/"),  # "Vind je regio" (issue 4); skipped while it does not exist
    PageType("parents", "/ouders/"),
    PageType("route", "/route/", first_child=True),  # skipped while there are no routes
]
"""The page types every browser gate visits. Search results are a separate case."""


def pytest_configure(config: pytest.Config) -> None:
    # Registered here so the package works on its own; pyproject.toml lists it too.
    config.addinivalue_line("markers", "browser: runs headless Chromium against the built site")


# --------------------------------------------------------------------------- serving


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; `extra_headers` are added to every response (for the CSP test)."""

    extra_headers: Mapping[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops connections it no longer needs (a page navigated away); that is
        # not an error worth a traceback on stderr.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_directory(root: Path, headers: Mapping[str, str] | None = None) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at an ephemeral port; yields the base URL without trailing slash."""
    handler = type("_Handler", (_QuietHandler,), {"extra_headers": dict(headers or {})})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def built_site(real_site: Path) -> Path:
    """The real site, built once per session (per xdist worker)."""
    return real_site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_directory(built_site) as url:
        yield url


def first_child(site: Path, folder: str) -> str | None:
    """The URL path of the alphabetically first page directly under `folder`, if any."""
    children = sorted(p.parent.name for p in (site / folder.strip("/")).glob("*/index.html"))
    return f"{folder}{children[0]}/" if children else None


def resolve_page(site: Path, page_type: PageType) -> str:
    """The URL path to visit for a page type; every page type exists, so a missing one fails."""
    if page_type.first_child:
        found = first_child(site, page_type.path)
        if found is None:
            pytest.fail(f"the built site has no page under {page_type.path}")
        return found
    if not (site / page_type.path.strip("/") / "index.html").exists():
        pytest.fail(f"{page_type.path} is missing from the built site")
    return page_type.path


# --------------------------------------------------------------------------- browser


def launch_options() -> dict[str, Any]:
    """Options for `playwright.chromium.launch`, shared with the benchmarks."""
    return {"executable_path": CHROMIUM, "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium per worker; tests get their own context (cookies, storage)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make test` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**launch_options())
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def new_page(browser: Any, **context_options: Any) -> Iterator[Any]:
    """A page in a fresh context; the context is closed afterwards."""
    context = browser.new_context(**context_options)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A desktop-sized page in a fresh context."""
    with new_page(browser, viewport=DESKTOP) as desktop:
        yield desktop


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A phone-sized page (touch, mobile user agent) in a fresh context."""
    with new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2) as mobile:
        yield mobile


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's source, as the PyPI package axe-playwright-python ships it (requirements.lock pins it)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("axe-playwright-python is missing: run `make install` (make test does)")
    return (Path(spec.submodule_search_locations[0]) / "axe.min.js").read_text(encoding="utf-8")


def search(page: Any, query: str) -> list[str]:
    """Type `query` into Material's search box like a visitor and return the result titles."""
    page.keyboard.press("/")  # Material's shortcut; falls back to clicking the label below
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator("label.md-search__icon, label[for='__search']").first.click()
    field.fill("")
    field.type(query, delay=20)
    results = page.locator(".md-search-result__list > li")
    results.first.wait_for(state="visible", timeout=15_000)
    # Material answers every keystroke; wait until the list for the whole query has settled
    # (the same titles twice, 300 ms apart) instead of reading the answer to "jeugd".
    selector = ".md-search-result__list > li h1, .md-search-result__list > li h2"
    previous: list[str] = []
    for _ in range(50):
        page.wait_for_timeout(300)
        current = page.locator(selector).all_inner_texts()
        if current and current == previous:
            break
        previous = current
    return [
        t.strip()
        for t in page.locator(".md-search-result__list > li h1, .md-search-result__list > li h2").all_inner_texts()
    ]
