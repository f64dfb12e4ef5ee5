"""The MkDocs + Material engine: the only package that imports mkdocs or knows Material.

- `plugin`: the `routewijzer` MkDocs plugin that wires the core's pages into a MkDocs build;
- `build`: an atomic build (a failed build leaves the previous site untouched), and `mkdocs serve`;
- `warnings`: MkDocs's link warnings, taken apart into engine-neutral `LinkWarning`s;
- `config`: the settings of mkdocs.yml the checks need.
"""

from __future__ import annotations

from .build import build_into, build_site, serve
from .config import read_site_config
from .warnings import WarningCollector, parse_mkdocs_warning

__all__ = ["WarningCollector", "build_into", "build_site", "parse_mkdocs_warning", "read_site_config", "serve"]
