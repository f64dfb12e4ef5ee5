"""Routewijzer: sourced YAML about Dutch youth care → validated records → Markdown pages → MkDocs.

The public names of the pipeline's stages; everything else is internal.
"""

from __future__ import annotations

from .loader import Catalog, DataError, Entry, Problem, load_catalog
from .model import KINDS, Record, Unknown
from .pages import NavItem, Page, SiteRenderer, render_site

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
