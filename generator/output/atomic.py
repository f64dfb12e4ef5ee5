"""Writing a whole output at once: a finished folder is swapped in, and Ctrl-C cannot cut the swap in half."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Ignore Ctrl-C (SIGINT) during the block: swapping a finished folder in, or cleaning up, takes
    a moment and must not be cut in half. A Ctrl-C then comes too late to stop anything."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def stop_like_ctrl_c() -> None:
    """From here on SIGTERM (a process manager, a runner) and SIGHUP (a closed terminal) stop this
    process as Ctrl-C does: with KeyboardInterrupt, so a build or check removes its temporary
    folder (in memory, output/scratch.py) instead of leaving it behind. The exception names the
    signal. Only in the main thread, where Python can take signals."""
    if threading.current_thread() is not threading.main_thread():
        return

    def interrupt(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    for name in ("SIGTERM", "SIGHUP"):  # Windows has no SIGHUP
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), interrupt)
