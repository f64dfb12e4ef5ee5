"""`make serve` (`mkdocs serve`): it notices a saved file sooner, and it cleans up however it is stopped.

MkDocs' live-reload server makes its watchdog `PollingObserver` with 0.5 s between polls before
any plugin runs, so a saved record waited 0.25 s on average (0.5 s at most) before its rebuild
started: an eighth of the editor's two-second budget from save to browser. Before the server
starts, its observer is made again with a shorter interval, watching the same paths. A poll lists
the watched folders and reads each file's status: about 400 files, a few milliseconds, so polling
five times a second costs about one percent of a core.

MkDocs removes its build folder (in memory when there is room: output/scratch.py) only when it
stops on Ctrl-C. Stopped with SIGTERM (a test, a process manager) or SIGHUP (a closed terminal),
it left 35 MB behind every time. Those signals now stop it the way Ctrl-C does
(`output.atomic.stop_like_ctrl_c`, from the plugin's `on_startup`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

POLL_INTERVAL_S = 0.2


def _watch_of(path: str) -> tuple[str, bool]:
    """How watchdog watches `path`: a folder with everything below it, a file through its folder."""
    path = os.path.abspath(path)  # noqa: PTH100  (as MkDocs and watchdog spell it, symlinks kept)
    return (path, True) if Path(path).is_dir() else (str(Path(path).parent), False)


def poll_every(server: LiveReloadServer, watched: Iterable[str], seconds: float = POLL_INTERVAL_S) -> None:
    """Give the server's observer, not yet started, `seconds` between polls.

    `watched`: the paths MkDocs watched before the plugins' `on_serve` (the docs folder and the
    configuration file). When the observer watches anything else (`--watch-theme`), or is not
    MkDocs' polling observer, it is left as it is."""
    from watchdog.observers.polling import PollingObserver

    paths = [os.path.abspath(path) for path in watched]  # noqa: PTH100  (MkDocs' own spelling)
    observer = server.observer
    if observer.is_alive() or type(observer) is not PollingObserver or observer.timeout == seconds:
        return
    if {(e.watch.path, e.watch.is_recursive) for e in observer.emitters} != {_watch_of(p) for p in paths}:
        return
    counts = []
    for path in paths:
        count = 0
        while True:  # MkDocs counts its watches of a path; take them all off the old observer
            try:
                server.unwatch(path)
            except KeyError:
                break
            count += 1
        counts.append(count)
    server.observer = PollingObserver(timeout=seconds)
    for path, count in zip(paths, counts, strict=True):
        for _ in range(max(count, 1)):
            server.watch(path)


__all__ = ["POLL_INTERVAL_S", "poll_every"]
