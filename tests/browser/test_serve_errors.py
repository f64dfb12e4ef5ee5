"""`make serve` with broken data: the open page turns into the Dutch error list, and back when fixed.

Runs the real `mkdocs serve --strict` (as `make serve` does) on a free 127.0.0.1 port over a copy
of the project's data/, docs/ and mkdocs.yml, and watches one page in headless Chromium without
ever navigating it: the reloads are the page's own (generator/output/serve.py).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, new_page
from tests.conftest import ROOT
from tests.test_serve import free_port, start_serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REGION = "data/regio/achterhoek.yaml"
LESSON_DIR = "data/les"


def _wait_until_served(url: str, server: subprocess.Popen[str], timeout: float) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped:\n{server.communicate()[0]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} was not served within {timeout:.0f} s")


@pytest.fixture(scope="module")
def served_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """`mkdocs serve --strict` over a copy of the project; yields the copy and the base URL."""
    root = tmp_path_factory.mktemp("serve")
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    port = free_port()
    site_env = {"ROUTEWIJZER_REPO_URL": "", "ROUTEWIJZER_SITE_URL": f"http://127.0.0.1:{port}/"}
    server = start_serve(root, port, strict=True, extra_env=site_env)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_served(f"{url}/regio/achterhoek/", server, timeout=300)
        yield root, url
    finally:
        server.terminate()
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def _error_items(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#rw-serve-fout li").all_inner_texts()]


def test_broken_data_shows_the_dutch_error_list_and_the_fix_brings_the_site_back(browser, served_copy):
    root, url = served_copy
    region = root / REGION
    good_region = region.read_text(encoding="utf-8")
    lesson = sorted((root / LESSON_DIR).glob("*.yaml"))[0]
    good_lesson = lesson.read_text(encoding="utf-8")
    assert "\ncbs_code: " in good_region

    with new_page(browser, viewport=DESKTOP) as page:
        page.goto(f"{url}/regio/achterhoek/")
        page.locator("h1").first.wait_for()
        title = page.locator("h1").first.inner_text()
        page.evaluate("window.rwNoNavigation = true")  # gone after any reload

        # Two broken files: a wrong value and a YAML syntax error.
        lines = good_region.splitlines(keepends=True)
        line_no = next(i for i, line in enumerate(lines, start=1) if line.startswith("cbs_code: "))
        lines[line_no - 1] = "cbs_code: fout\n"
        region.write_text("".join(lines), encoding="utf-8")
        lesson.write_text(good_lesson + "\n: [\n", encoding="utf-8")
        broken_at = time.monotonic()

        page.locator("#rw-serve-fout").wait_for(timeout=60_000)
        shown_after = time.monotonic() - broken_at
        assert page.evaluate("window.rwNoNavigation") is None, "the page should have reloaded itself"
        heading = page.locator("h1").inner_text()
        assert heading == "2 fouten in de data: de site is niet gebouwd"
        items = _error_items(page)
        assert len(items) == 2, items
        region_item = next(i for i in items if REGION in i)
        assert f"regel {line_no}, veld cbs_code" in region_item
        assert "'fout' heeft niet de goede vorm" in region_item
        assert f"Wat te doen: Open {REGION} en ga naar regel {line_no}" in region_item
        lesson_path = lesson.relative_to(root).as_posix()
        assert any(lesson_path in i and "regel" in i for i in items), items
        print(f"error list shown {shown_after:.1f} s after the data broke")

        # Any other page answers at once with the same list: no request waits.
        other = page.context.new_page()
        started = time.monotonic()
        other.goto(f"{url}/wet/jeugdwet/", timeout=10_000)
        assert time.monotonic() - started < 5
        assert len(_error_items(other)) == 2
        other.close()

        # Fixed: the same tab turns back into the site by itself.
        page.evaluate("window.rwNoNavigation = true")
        region.write_text(good_region, encoding="utf-8")
        lesson.write_text(good_lesson, encoding="utf-8")
        page.locator("#rw-serve-fout").wait_for(state="detached", timeout=300_000)
        page.locator("h1").first.wait_for()
        assert page.locator("h1").first.inner_text() == title
        assert page.evaluate("window.rwNoNavigation") is None
