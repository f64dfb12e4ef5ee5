"""`mkdocs serve` rebuilds when a YAML record changes, and survives a broken record."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINI_DATA, REGION_PATH, ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: str, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and needle in body:
            return True
        time.sleep(0.3)
    return False


def start_serve(
    root: Path, port: int, *, strict: bool = False, extra_env: dict[str, str] | None = None, **popen: Any
) -> subprocess.Popen[str]:
    """`make serve`'s command (`python -m generator serve`, which becomes `mkdocs serve`) for the
    project at `root` on 127.0.0.1:`port`, its output (text) on stdout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", *([] if strict else ["--no-strict"]), "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )


def test_serve_reloads_when_data_changes(scratch, tmp_path_factory):
    root: Path = scratch()
    memory = tmp_path_factory.mktemp("memory")  # stands in for /dev/shm (output/scratch.py)
    port = free_port()
    server = start_serve(root, port, extra_env={"ROUTEWIJZER_SCRATCH": str(memory)})
    url = f"http://127.0.0.1:{port}/regio/groningen/"
    try:
        assert wait_for(url, "De jeugdregio Groningen."), "the site was not served"
        # Every rebuild writes into the scratch folder, not into the usual temporary folder.
        assert [p.parent.name for p in memory.glob("mkdocs_*/regio/groningen/index.html")], list(memory.iterdir())
        region = root / REGION_PATH
        region.write_text(MINI_DATA[REGION_PATH].replace("De jeugdregio Groningen.", "Nieuwe samenvatting."))
        assert wait_for(url, "Nieuwe samenvatting."), "the edit did not show after the rebuild"
        # A broken edit keeps the server up; fixing it shows the fix.
        region.write_text(MINI_DATA[REGION_PATH].replace("cbs_code: JZ01", "cbs_code: fout"))
        time.sleep(3)
        assert server.poll() is None, "the server stopped on a data error"
        region.write_text(MINI_DATA[REGION_PATH].replace("De jeugdregio Groningen.", "Weer goed."))
        assert wait_for(url, "Weer goed."), "the fix did not show"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "data/regio/groningen.yaml:4: cbs_code: 'fout' heeft niet de goede vorm" in output
    # Stopped with SIGTERM, as with Ctrl-C: its build folder (in memory) is gone, no traceback.
    assert not list(memory.glob("mkdocs_*")), list(memory.iterdir())
    assert "Traceback" not in output


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_stopped_serve_leaves_no_process_no_traceback_and_no_build_folder(scratch, tmp_path_factory, stop):
    """Ctrl-C (SIGINT), a process manager (SIGTERM) or a closed terminal (SIGHUP) reach the whole
    group: the server and its page policy worker (forced on here; the real site has one) stop within
    seconds, the editor sees no Python traceback, and the build folder in memory is removed."""
    import signal

    root: Path = scratch()
    memory = tmp_path_factory.mktemp("memory")
    port = free_port()
    server = start_serve(
        root,
        port,
        extra_env={"ROUTEWIJZER_PARALLEL": "1", "ROUTEWIJZER_SCRATCH": str(memory)},
        start_new_session=True,  # its own process group, as a terminal gives it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal gives it
    )
    url = f"http://127.0.0.1:{port}/regio/groningen/"
    try:
        assert wait_for(url, "De jeugdregio Groningen."), "the site was not served"
        (root / REGION_PATH).write_text(MINI_DATA[REGION_PATH].replace("De jeugdregio Groningen.", "Bewerkt."))
        assert wait_for(url, "Bewerkt."), "the edit did not show after the rebuild"
        group = os.getpgid(server.pid)
        os.killpg(group, getattr(signal, stop))
        output, _ = server.communicate(timeout=20)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.communicate()
    assert "Traceback" not in output, output[-2000:]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            break  # nothing left in the group
        time.sleep(0.2)
    else:
        raise AssertionError("a process of the server's group is still running")
    assert not list(memory.glob("mkdocs_*")), list(memory.iterdir())


def test_the_server_polls_the_same_paths_more_often(tmp_path: Path):
    """MkDocs polls every 0.5 s; `make serve` makes the observer again with 0.2 s before it starts,
    keeping every path MkDocs watched (engine/mkdocs/serving.py)."""
    from mkdocs.livereload import LiveReloadServer

    from generator.engine.mkdocs.serving import POLL_INTERVAL_S, poll_every

    for name in ("docs", "data"):
        (tmp_path / name).mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path))
    server.watch(str(tmp_path / "docs"))
    server.watch(str(tmp_path / "docs"))  # counted twice, as MkDocs counts repeated watches
    server.watch(str(tmp_path / "mkdocs.yml"))  # a file: watchdog watches its folder, not below it
    before = {(e.watch.path, e.watch.is_recursive) for e in server.observer.emitters}
    assert server.observer.timeout == 0.5

    poll_every(server, [str(tmp_path / "docs"), str(tmp_path / "mkdocs.yml")])
    server.watch(str(tmp_path / "data"))
    assert server.observer.timeout == POLL_INTERVAL_S
    after = {(e.watch.path, e.watch.is_recursive) for e in server.observer.emitters}
    assert after == before | {(str(tmp_path / "data"), True)}
    assert {e.timeout for e in server.observer.emitters} == {POLL_INTERVAL_S}
    server.unwatch(str(tmp_path / "docs"))  # the second watch of docs/ still holds
    assert str(tmp_path / "docs") in {e.watch.path for e in server.observer.emitters}
    server.unwatch(str(tmp_path / "mkdocs.yml"))  # still known by its own path
    assert (str(tmp_path), False) not in {(e.watch.path, e.watch.is_recursive) for e in server.observer.emitters}
    server.server_close()


def test_an_unknown_watch_leaves_the_observer_as_it_is(tmp_path: Path):
    """With `--watch-theme` MkDocs watches more than the docs and the configuration: hands off."""
    from mkdocs.livereload import LiveReloadServer

    from generator.engine.mkdocs.serving import poll_every

    for name in ("docs", "theme"):
        (tmp_path / name).mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path))
    server.watch(str(tmp_path / "docs"))
    server.watch(str(tmp_path / "theme"))
    observer = server.observer
    poll_every(server, [str(tmp_path / "docs")])
    assert server.observer is observer and observer.timeout == 0.5
    server.server_close()
