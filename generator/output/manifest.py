"""What a build tells the checks: which data file each generated page comes from, and the engine's link warnings.

The engine writes the manifest beside the built pages (`MANIFEST_PATH`), so the link check
traces a broken link to its YAML line without rendering the site again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST_PATH = "routewijzer-pagina-s.json"
"""Where in the built site the page → source manifest is written."""


@dataclass(frozen=True)
class LinkWarning:
    """A link problem the engine found while building, taken apart."""

    message: str
    page: str
    """The docs path of the page (les/x.md); for generated pages, no such file exists."""
    url: str
    """The link as written in the Markdown."""
    reason: str
    """What is wrong, in Dutch."""
    target: str | None = None
    """For a missing anchor: the docs path of the page that lacks it."""
    anchor: str | None = None


def manifest_json(pages: dict[str, str]) -> str:
    """The manifest: docs path of each generated page → the data file it comes from, sorted."""
    return json.dumps(dict(sorted(pages.items())), ensure_ascii=False, indent=1) + "\n"


def read_manifest(site_dir: Path) -> dict[str, str]:
    """The manifest of a built site; empty when the build wrote none."""
    path = site_dir / MANIFEST_PATH
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


@dataclass(frozen=True)
class SiteConfig:
    """The few settings of the site configuration the checks need."""

    root: Path
    docs_dir: Path
    site_url: str | None
    templates: Path | None
