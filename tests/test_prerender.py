"""Markdown rendered by a second process (generator/engine/mkdocs/prerender.py): the same site, the
same warnings (strict mode still fails, each message once), and the build cache still used.

Each build runs in a fresh process, as `python -m generator build` does: a fork needs a process
without other threads, which pytest's is not. The harness below waits, before the first page is
rendered, until the second process has claimed every page from a chosen one to the last, so the
test knows which pages it renders; and prints how many pages the build took from it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.output.cache import CACHE_ENV, DEFAULT_CACHE_DIR
from generator.output.policy_pool import PARALLEL_ENV
from tests.conftest import ROOT
from tests.test_reproducible import assert_identical

HARNESS = """
import os, sys, time
from generator.cli import main
from generator.engine.mkdocs import prerender

start, replay = prerender.Halves.start.__func__, prerender.replay
close_rendering, close_building = prerender.Prerender.close, prerender.Prebuild.close
used, built, claimed, replayed, searched = [], [], [], [], []

def start_and_wait(cls, pages, job):
    if os.environ.get("RW_TEST_COPY_DIES"):
        job = lambda file: os._exit(3)
    made = start(cls, pages, job)
    first = os.environ.get("RW_TEST_FROM")
    if made is not None and first and not os.environ.get("RW_TEST_COPY_DIES"):
        index, deadline = made._order[first], time.monotonic() + 60
        claimed.append(len(made._order) - index)
        while made._claims[prerender.THERE] > index and time.monotonic() < deadline:
            time.sleep(0.005)
    return made

def replay_and_note(page, files, data):
    replayed.append(page.file.src_uri)
    replay(page, files, data)

def close_and_count(self):
    used.append(self.used)
    extras = close_rendering(self)
    searched.extend(extra for extra in extras if extra.get("search"))
    return extras

def close_and_count_built(self):
    close_building(self)
    built.append(self.used)

prerender.Halves.start = classmethod(start_and_wait)
prerender.replay = replay_and_note
prerender.Prerender.close = close_and_count
prerender.Prebuild.close = close_and_count_built
code = main(["build", "-q", "--site-dir", sys.argv[1]])
print("built", sum(built), "used", sum(used), "searched", len(searched), "claimed", *claimed, "replayed", *replayed)
sys.exit(code)
"""


def build(
    project: Path, site: str, *, parallel: bool | None, cache: bool = False, first: str = "", dies: bool = False
) -> tuple[int, int, str, str]:
    """Build `project` into `site`: exit code, pages taken from the second process, stderr, stdout.
    With `first`, every page from that one to the last must have come from there. `parallel`: None
    leaves the choice to the build (a second process from 200 pages on, with two or more cores)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SOURCE_DATE_EPOCH": "1767225600",
        "ROUTEWIJZER_REPO_URL": "https://github.com/example/routewijzer",
        PARALLEL_ENV: "" if parallel is None else "1" if parallel else "0",
        CACHE_ENV: "1" if cache else "0",
        "RW_TEST_FROM": first,
        "RW_TEST_COPY_DIES": "1" if dies else "",
    }
    result = subprocess.run(
        [sys.executable, "-c", HARNESS, site], cwd=project, capture_output=True, text=True, env=env, timeout=300
    )
    words = result.stdout.split()
    used = int(words[words.index("used") + 1]) if "used" in words else -1
    if first and parallel and not cache and not dies and "claimed" in words:
        # The chosen page and every one after it came from the second process: their Markdown
        # (replayed here) and, when the build got that far, their whole page.
        rendering = int(words[words.index("claimed") + 1])
        assert first in words[words.index("replayed") :] and used >= rendering > 0, result.stdout
        if result.returncode == 0:
            building = int(words[words.index("claimed") + 2])
            assert int(words[words.index("built") + 1]) >= building > 0, result.stdout
    return result.returncode, used, result.stderr, result.stdout


@pytest.fixture
def project(scratch) -> Path:
    pages = {
        f"docs/pagina-{n}.md": f"# Pagina {n}\n\n## Kop {n}\n\nTekst {n}, zie [start](index.md).\n" for n in range(8)
    }
    return scratch({**pages, "docs/index.md": "# Start\n\nWelkom.\n"})


def test_the_second_process_renders_pages_and_the_site_is_the_same(project: Path):
    code, used, stderr, stdout = build(project, "serial", parallel=False)
    assert code == 0, stderr
    code, used, stderr, stdout = build(project, "parallel", parallel=True, first="pagina-0.md")
    assert code == 0, stderr
    # Every page from pagina-0.md on (the hand-written ones, then every generated one) came from there,
    # with its search entries.
    assert used >= 8, used
    assert f"searched {used} " in stdout
    assert_identical(project / "serial", project / "parallel")


def test_a_warning_found_by_the_second_process_fails_the_strict_build_once(project: Path):
    (project / "docs/pagina-5.md").write_text("# Pagina 5\n\nZie [weg](bestaat-niet.md).\n", encoding="utf-8")
    code, _, serial, _ = build(project, "site", parallel=False)
    assert code != 0
    code, used, stderr, _stdout = build(project, "site", parallel=True, first="pagina-5.md")
    assert code != 0
    assert used > 0
    assert stderr.count("bestaat-niet.md") == serial.count("bestaat-niet.md") >= 1, stderr
    assert not (project / "site").exists()


def cached(root: Path, space: str) -> int:
    folder = root / DEFAULT_CACHE_DIR / space
    return len(list(folder.glob("*.z"))) if folder.is_dir() else 0


def test_pages_the_cache_holds_are_not_rendered_again_and_the_site_is_the_same(project: Path):
    code, used, stderr, _ = build(project, "first", parallel=True, cache=True, first="pagina-0.md")
    assert code == 0, stderr
    assert used >= 8
    code, used, stderr, _stdout = build(project, "second", parallel=True, cache=True, first="pagina-0.md")
    assert code == 0, stderr
    assert used == 0  # every page's Markdown was in the cache; the second process left them alone
    assert_identical(project / "first", project / "second")
    # What the copy read from the cache was kept, and what it stored is there: nothing to redo.
    counts = {space: cached(project, space) for space in ("markdown", "template", "page", "search")}
    assert min(counts.values()) > 0
    code, _, stderr, _ = build(project, "third", parallel=True, cache=True, first="pagina-0.md")
    assert code == 0, stderr
    assert {space: cached(project, space) for space in counts} == counts
    assert_identical(project / "first", project / "third")
    code, _, stderr, _ = build(project, "clean", parallel=False)
    assert code == 0, stderr
    assert_identical(project / "clean", project / "second")


def test_a_copy_that_dies_leaves_its_pages_to_the_build(project: Path):
    code, _, stderr, _ = build(project, "serial", parallel=False)
    assert code == 0, stderr
    code, used, stderr, stdout = build(project, "parallel", parallel=True, first="pagina-0.md", dies=True)
    assert code == 0, stderr
    assert used == 0 and "built 0 " in stdout, stdout
    assert_identical(project / "serial", project / "parallel")


@pytest.mark.parametrize("parallel", [False, None])
def test_no_second_process_when_turned_off_or_small(project: Path, parallel):
    code, used, stderr, _stdout = build(project, "site", parallel=parallel, first="pagina-0.md")
    assert code == 0, stderr
    assert used == 0
