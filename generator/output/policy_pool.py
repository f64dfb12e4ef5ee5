"""The page policy (`sanitize_page`) in a second process, beside the engine that renders the pages.

Every built page goes through the one page policy, the last line of defence against hostile data.
On a site of a few hundred pages that is a few seconds of work, which the engine's rendering
(one process, one core) would otherwise wait for page by page. With two or more cores the pages
are handed to one worker process as they are written; the engine writes each page as rendered and
goes on, and before the build ends every page the policy changed is written again, cleaned. A
build that ends with a page not checked does not exist: `collect` waits for every page, and a
worker that fails fails the build.

Small sites (every test project) are checked in the engine's own process: starting a worker costs
more than it saves there. `ROUTEWIJZER_PARALLEL=0` never starts one, `=1` always does.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .sanitize import sanitize_page

T = TypeVar("T")

PARALLEL_ENV = "ROUTEWIJZER_PARALLEL"
MIN_PAGES = 200
"""From this many pages on, a worker process pays for its start (measured: about 0.3 s of CPU)."""


def use_worker(pages: int) -> bool:
    """Whether a build of `pages` pages checks them in a worker process."""
    setting = os.environ.get(PARALLEL_ENV, "").strip()
    if setting == "0":
        return False
    if setting == "1":
        return True
    return pages >= MIN_PAGES and (os.cpu_count() or 1) >= 2


def _context() -> multiprocessing.context.BaseContext:
    """How the worker starts. "fork" where it is safe: a copy of this process, nothing imported again
    and no script run again. Not where other threads run (`mkdocs serve`): a forked copy can hang on
    a lock another thread held, so there a fresh interpreter is started ("spawn"), which imports the
    policy's modules (and the main module, which must then guard its work with `__name__`)."""
    if _forkable():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def in_background(job: Callable[[], T]) -> Callable[[], T]:
    """Start `job` in a forked copy of this process and return a function that waits for its result.

    For independent work after a build (`make check` scores readability while it checks links).
    Where no worker would be used, or a fork is not safe (other threads running, no fork on this
    system), `job` runs here and now. What `job` raises is raised by the waiting function; its
    result must be picklable."""
    if not forks_now():
        result = job()
        return lambda: result
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            outcome: tuple[bool, Any] = (True, job())
        except BaseException as exc:  # handed to the parent, which raises it
            outcome = (False, exc)
        try:
            send.send(outcome)
        except Exception as exc:  # an exception that cannot be pickled: its text still arrives
            send.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))

    process = context.Process(target=child, name="routewijzer-background", daemon=True)
    process.start()
    send.close()

    def wait() -> T:
        try:
            ok, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"het achtergrondproces stopte onverwacht (code {process.exitcode})") from None
        finally:
            process.join()
            receive.close()
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    return wait


def forks_now() -> bool:
    """Whether `in_background` would start its job in a second process now (not run it here)."""
    return use_worker(MIN_PAGES) and _forkable()


def _forkable() -> bool:
    """A fork without exec is safe here: a system that has it (not macOS, where system libraries may
    not survive one) and no other thread running."""
    return (
        sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    )


def _watch_parent(parent: int) -> None:
    """In the worker: leave as soon as the process that started it is gone (killed, not shut down:
    a `mkdocs serve` stopped with SIGTERM never closes its pool, and a worker would wait forever).
    Ctrl-C is for the parent, which stops the worker itself; the worker ignores it (no traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # a forked worker inherits the server's handlers (engine/mkdocs/serving.py)
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="routewijzer-parent-watch", daemon=True).start()


def _check(document: str, inline_hashes: frozenset[str]) -> tuple[str | None, list[str]]:
    """In the worker: the cleaned page (None when the policy changed nothing) and what was removed."""
    cleaned, removed = sanitize_page(document, inline_hashes)
    return (None if cleaned == document else cleaned), removed


@dataclass(frozen=True)
class Checked:
    """One page after the policy: where it was written, its name for messages, and the outcome."""

    target: Path
    name: str
    key: str | None
    cleaned: str | None
    removed: list[str]


class PagePolicyPool:
    """One worker process for the page policy; kept between the builds of one `mkdocs serve`."""

    def __init__(self) -> None:
        self._executor = ProcessPoolExecutor(
            max_workers=1, mp_context=_context(), initializer=_watch_parent, initargs=(os.getpid(),)
        )
        self._pending: list[tuple[Path, str, str | None, Future[tuple[str | None, list[str]]]]] = []

    def submit(self, target: Path, name: str, document: str, inline_hashes: frozenset[str], key: str | None) -> None:
        """Check the page written (or about to be written) at `target`; `key` is its cache key, if any."""
        self._pending.append((target, name, key, self._executor.submit(_check, document, inline_hashes)))

    def collect(self) -> list[Checked]:
        """Wait for every page handed in, write the pages the policy changed, and return all outcomes.

        Raises whatever the worker raised (the build then fails, as it would in one process).
        """
        pending, self._pending = self._pending, []
        checked = []
        for target, name, key, future in pending:
            cleaned, removed = future.result()
            if cleaned is not None:
                # Inside the build's own folder, which replaces the site only when the build succeeds.
                target.write_bytes(cleaned.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes
            checked.append(Checked(target, name, key, cleaned, removed))
        return checked

    def discard(self) -> None:
        """A failed build: forget what is still waiting."""
        for *_, future in self._pending:
            future.cancel()
        self._pending = []

    def close(self, *, wait: bool = False) -> None:
        """Stop the worker. `wait`: until it and the pool's threads are gone (after a one-off build,
        so that the process may fork again: `in_background`)."""
        self.discard()
        self._executor.shutdown(wait=wait, cancel_futures=True)


__all__ = ["MIN_PAGES", "PARALLEL_ENV", "Checked", "PagePolicyPool", "forks_now", "in_background", "use_worker"]
