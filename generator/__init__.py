"""Routewijzer: sourced YAML about Dutch youth care → validated records → Markdown pages → a site.

Stages, each importing only the ones before it (a test over the import graph enforces it):
problems, characters, yamlfile → model → catalog → validate → load → render → output →
engine (only `engine/mkdocs` imports MkDocs or knows Material), checks, editor → cli.
This module re-exports the public names of the pipeline; everything else is internal.
"""

from __future__ import annotations

import sys as _sys

if _sys.argv[:1] == ["-m"]:  # `python -m generator` is loading its modules (runpy sets argv[0] later)
    import os as _os
    import signal as _signal

    def _interrupted(signum: int, frame: object) -> None:
        """Ctrl-C while the modules load: nothing is written yet, so one line and out."""
        where = ""
        if "build" in _sys.argv:
            args = _sys.argv
            site = args[args.index("--site-dir") + 1] if "--site-dir" in args[:-1] else "site"
            where = f" De vorige versie in {site.rstrip('/').rsplit('/', 1)[-1]}/ is niet aangeraakt."
        _sys.stderr.write(f"Afgebroken met Ctrl-C.{where}\n")
        _os._exit(130)

    _signal.signal(_signal.SIGINT, _interrupted)

from .catalog import Catalog, Entry
from .load import load_catalog
from .model import KINDS, Record, Unknown
from .problems import DataError, Problem
from .render.frame import NavItem, Page
from .render.site import SiteRenderer, render_site

__all__ = [
    "KINDS",
    "Catalog",
    "DataError",
    "Entry",
    "NavItem",
    "Page",
    "Problem",
    "Record",
    "SiteRenderer",
    "Unknown",
    "load_catalog",
    "render_site",
]
