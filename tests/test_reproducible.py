"""Reproducible builds: the same input gives a byte-identical site.

The build date is an input too, by the reproducible-builds convention: SOURCE_DATE_EPOCH. So a
second build may run on another day (the clock is moved three years on for it) but gets the same
SOURCE_DATE_EPOCH; nothing in the site may then depend on the real clock.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
THREE_YEARS = str(3 * 365 * 86_400)

_SITECUSTOMIZE = """\
# Test helper: move this process's clock on by FAKE_CLOCK_SHIFT seconds. date.today() reads
# time.time(), so everything that asks for 'today' gets the shifted date.
import os
import time

_shift = float(os.environ.get("FAKE_CLOCK_SHIFT", "0"))
_real_time = time.time
time.time = lambda: _real_time() + _shift
"""


def file_digests(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def build(project: Path, site: str, *, clock_shift: str = "0", tmp: Path) -> Path:
    """`python -m generator build` with a fixed SOURCE_DATE_EPOCH and, optionally, a moved clock."""
    helper = tmp / "fake-clock"
    helper.mkdir(exist_ok=True)
    (helper / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": f"{helper}{os.pathsep}{ROOT}",
        "ROUTEWIJZER_REPO_URL": "https://github.com/example/routewijzer",
        "SOURCE_DATE_EPOCH": EPOCH,
        "FAKE_CLOCK_SHIFT": clock_shift,
    }
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "-q", "--site-dir", site],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return project / site


def assert_identical(first: Path, second: Path) -> None:
    a, b = file_digests(first), file_digests(second)
    assert a.keys() == b.keys(), f"different files: {sorted(a.keys() ^ b.keys())[:20]}"
    differ = sorted(name for name in a if a[name] != b[name])
    assert not differ, f"{len(differ)} files differ between two builds of the same input: {differ[:20]}"


def real_project(tmp: Path) -> Path:
    project = tmp / "real"
    for name in ("mkdocs.yml", "data", "docs"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        else:
            project.mkdir(exist_ok=True)
            shutil.copy2(src, project / name)
    return project


def test_fake_clock_moves_today(tmp_path: Path):
    """The helper really moves date.today(); otherwise the tests below prove nothing."""
    helper = tmp_path / "fake-clock"
    helper.mkdir()
    (helper / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    code = "import datetime; print(datetime.date.today().year - datetime.datetime.now().year)"
    env = {**os.environ, "PYTHONPATH": str(helper), "FAKE_CLOCK_SHIFT": THREE_YEARS}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() in {"2", "3"}


def test_scratch_builds_are_identical(scratch, tmp_path: Path):
    project = scratch()
    assert_identical(build(project, "site-a", tmp=tmp_path), build(project, "site-b", tmp=tmp_path))


def test_scratch_builds_on_another_day_are_identical(scratch, tmp_path: Path):
    project = scratch()
    first = build(project, "site-a", tmp=tmp_path)
    assert_identical(first, build(project, "site-b", clock_shift=THREE_YEARS, tmp=tmp_path))


@pytest.mark.slow
def test_real_builds_are_identical(tmp_path: Path):
    project = real_project(tmp_path)
    assert_identical(build(project, "site-a", tmp=tmp_path), build(project, "site-b", tmp=tmp_path))


@pytest.mark.slow
def test_real_builds_on_another_day_are_identical(tmp_path: Path):
    project = real_project(tmp_path)
    first = build(project, "site-a", tmp=tmp_path)
    assert_identical(first, build(project, "site-b", clock_shift=THREE_YEARS, tmp=tmp_path))


def test_sitemap_dates_are_reviewed_dates_not_the_build_date(scratch, tmp_path: Path):
    """MkDocs would write the build date into sitemap.xml; the plugin writes each record's reviewed
    date instead (the scratch records: 2026-01-15) and no date for a page without one."""
    site = build(scratch(), "site", tmp=tmp_path)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2026-01-15</lastmod>" in sitemap, textwrap.shorten(sitemap, 400)
    assert "<lastmod>2026-01-01</lastmod>" not in sitemap, textwrap.shorten(sitemap, 400)
    # The open data carry the build date (SOURCE_DATE_EPOCH), as their `built`.
    assert '"built": "2026-01-01"' in (site / "data" / "regio.json").read_text(encoding="utf-8")
