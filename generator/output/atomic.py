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
