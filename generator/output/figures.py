"""Drawings the renderer built (route diagrams, `Page.figures`) put into a page's sanitized HTML.

The content policy (`sanitize.sanitize_html`) removes every SVG from page content, because data
could otherwise smuggle markup in. A drawing the renderer built itself, with every text escaped,
goes in after that pass, in place of its placeholder (`render.dialect.figure`); the page policy
(`sanitize.PAGE_TAGS`, `SVG_TAGS`) then keeps exactly the SVG elements and attributes such a
drawing uses, and nothing that can run script or load anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PLACEHOLDER = re.compile(r'<div class="rw-diagram" data-rw-figure="([a-z0-9-]+)"></div>')


def insert_figures(html: str, figures: Iterable[tuple[str, str]]) -> str:
    """`html` with each placeholder replaced by its drawing, wrapped in its placeholder's element.

    A placeholder without a drawing stays empty; a drawing without a placeholder is not shown."""
    drawings = dict(figures)

    def put(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in drawings:
            return match.group(0)
        return f'<div class="rw-diagram" data-rw-figure="{key}">{drawings[key]}</div>'

    return _PLACEHOLDER.sub(put, html) if drawings else html
