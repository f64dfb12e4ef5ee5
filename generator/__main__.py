"""Command line: `python -m generator <command>`; see `python -m generator --help`."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
