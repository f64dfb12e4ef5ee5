"""The page policy's worker process (generator/output/policy_pool.py): same outcome as in one process,
and never left behind when the process that started it is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.output.policy_pool import PARALLEL_ENV, PagePolicyPool, use_worker
from tests.conftest import ROOT

PAGE = "<!doctype html><html><head><title>x</title></head><body><p>{}</p></body></html>"


def test_pages_the_policy_changes_are_rewritten_and_reported(tmp_path: Path):
    pool = PagePolicyPool()
    try:
        clean, hostile = tmp_path / "clean.html", tmp_path / "hostile.html"
        for target, body in ((clean, "tekst"), (hostile, '<img src=x onerror="alert(1)">tekst')):
            target.write_text(PAGE.format(body), encoding="utf-8")
            pool.submit(target, target.name, target.read_text(encoding="utf-8"), frozenset(), key=None)
        outcome = {checked.name: checked for checked in pool.collect()}
    finally:
        pool.close()
    assert outcome["clean.html"].cleaned is None and not outcome["clean.html"].removed
    assert outcome["hostile.html"].removed
    assert "onerror" not in hostile.read_text(encoding="utf-8")
    assert clean.read_text(encoding="utf-8") == PAGE.format("tekst")


@pytest.mark.parametrize("parallel", ["0", "1"])
def test_background_work_returns_its_result_or_raises_its_error(parallel):
    """`make check` scores readability in a forked copy while it checks links; forced off, in line.
    Run in a fresh process: a fork needs a process without other threads, which pytest's is not."""
    script = (
        "import os\n"
        "from generator.output.policy_pool import in_background\n"
        "here = os.getpid()\n"
        "print('forked' if in_background(os.getpid)() != here else 'in line')\n"
        "def fails():\n"
        "    raise ValueError('kapot')\n"
        "try:\n"
        "    in_background(fails)()\n"
        "except ValueError as exc:\n"
        "    print('raised', exc)\n"
    )
    env = {**os.environ, PARALLEL_ENV: parallel, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["forked" if parallel == "1" else "in line", "raised kapot"]


def test_the_setting_decides_and_small_sites_stay_in_one_process(monkeypatch):
    monkeypatch.setenv(PARALLEL_ENV, "0")
    assert not use_worker(10_000)
    monkeypatch.setenv(PARALLEL_ENV, "1")
    assert use_worker(1)
    monkeypatch.delenv(PARALLEL_ENV)
    assert not use_worker(5)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_the_worker_leaves_when_its_parent_is_killed(tmp_path: Path):
    """`mkdocs serve` stopped with SIGTERM never closes its pool: the worker must not stay behind."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from generator.output.policy_pool import PagePolicyPool\n"
        "pool = PagePolicyPool()\n"
        "target = Path(sys.argv[1])\n"
        "target.write_text('<p>x</p>')\n"
        "pool.submit(target, 'x', '<p>x</p>', frozenset(), key=None)\n"
        "pool.collect()\n"
        "print(*pool._executor._processes, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "page.html")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    with parent.stdout:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert workers and all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "the worker outlived its parent"
