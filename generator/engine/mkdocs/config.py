"""The settings of mkdocs.yml the checks need, read as MkDocs reads them (!ENV included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from ...output.manifest import SiteConfig


def read_site_config(config_file: Path) -> SiteConfig:
    with config_file.open(encoding="utf-8") as stream:
        config: dict[str, Any] = yaml_load(stream) or {}
    root = config_file.resolve().parent
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    site_url = config.get("site_url")
    return SiteConfig(
        root=root,
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        site_url=str(site_url) if site_url else None,
        templates=root / str(custom_dir) if custom_dir else None,
    )
