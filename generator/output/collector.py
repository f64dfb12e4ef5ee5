"""Fewer garbage collections while a one-off build renders its pages.

Python's cyclic garbage collector runs after every 700 new container objects, and its fuller runs
walk every object the process holds. A build holds many that live until it ends (the catalog,
every page's text, the navigation) and makes millions that live for a moment (Markdown trees,
template contexts). Before the pages are rendered, what exists is moved out of the collector's
sight (`gc.freeze`) and it runs less often; the forked copies (engine/mkdocs/prerender.py, the
page policy's worker) inherit this, and, since the collector no longer writes to the frozen
objects, they share more of this process's memory. Not under `mkdocs serve`: what each rebuild
froze would stay until the server stops.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

THRESHOLDS = (20_000, 10, 10)
"""Python's default is (700, 10, 10): a young collection after 700 new objects instead of 20,000."""


def fewer_collections() -> Callable[[], None]:
    """Freeze what exists and collect less often; returns the function that undoes both."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)

    def restore() -> None:
        gc.set_threshold(*before)
        gc.unfreeze()

    return restore
