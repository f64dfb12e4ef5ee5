"""Every engine-specific Markdown construct, in one place.

The renderers write plain Markdown through these helpers. What they produce is understood
by MkDocs with Material and the extensions in mkdocs.yml (attr_list, md_in_html, def_list,
admonition, abbr, front matter `search:` and `tags:`); `docs/engine.md` lists which of them
another engine (Zensical) keeps. Moving to an engine with another dialect means changing
this module, not the renderers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable


def front_matter(*, boost: float | None = None, exclude: bool = False, tags: Iterable[str] | None = None) -> str:
    """The page's front matter: search weight (or left out of the search) and result labels."""
    lines = ["---"]
    if exclude:
        lines.append("search:\n  exclude: true")
    elif boost is not None:
        lines.append(f"search:\n  boost: {boost}")
    if tags is not None:
        lines.append("tags:")
        lines += [f"  - {json.dumps(tag, ensure_ascii=False)}" for tag in tags]
    lines.append("---")
    return "\n".join(lines)


def heading(level: int, text: str, *, anchor: str | None = None, search_exclude: bool = False) -> str:
    """A heading with an explicit id and/or kept out of the search index (attribute list)."""
    attributes = [f"#{anchor}"] if anchor else []
    if search_exclude:
        attributes.append("data-search-exclude")
    suffix = f" {{ {' '.join(attributes)} }}" if attributes else ""
    return f"{'#' * level} {text}{suffix}"


def block(
    tag: str,
    content: str,
    *,
    attributes: str = "",
    search_exclude: bool = False,
    markdown: bool = False,
) -> str:
    """An HTML element around content; with `markdown`, the content is Markdown (md_in_html)."""
    flags = (" data-search-exclude" if search_exclude else "") + (" markdown" if markdown else "")
    space = " " if attributes else ""
    return f"<{tag}{space}{attributes}{flags}>{content}</{tag}>"


def open_block(tag: str, *, attributes: str = "", search_exclude: bool = False) -> str:
    """The opening tag of an element whose Markdown content follows on the next lines (md_in_html)."""
    flags = (" data-search-exclude" if search_exclude else "") + " markdown"
    space = " " if attributes else ""
    return f"<{tag}{space}{attributes}{flags}>"


def details(summary: str, body: str, *, attributes: str = "", search_exclude: bool = False) -> list[str]:
    """A collapsed part: the summary shows, the Markdown body opens on request."""
    return [
        open_block("details", attributes=attributes, search_exclude=search_exclude),
        f"<summary>{summary}</summary>",
        "",
        body,
        "",
        "</details>",
    ]


def definition_list(rows: Iterable[tuple[str, str]]) -> str:
    """Label and value pairs (def_list)."""
    return "\n".join(f"{label}\n:   {value}\n" for label, value in rows)


def admonition(kind: str, title: str, text: str) -> list[str]:
    """A titled box (admonition) of kind note, info, warning, ...; `text` is one paragraph."""
    return [f'!!! {kind} "{title}"', "", f"    {text}", ""]


def mermaid(diagram: str) -> list[str]:
    """A diagram block, for an engine that serves mermaid.js itself."""
    return ["```mermaid", diagram, "```"]


def figure(key: str) -> str:
    """The placeholder the engine replaces with a page's drawing (`Page.figures`) after sanitizing."""
    return f'<div class="rw-diagram" data-rw-figure="{key}"></div>'


def abbreviation(abbr: str, explanation: str) -> str:
    """The definition that makes every occurrence of `abbr` on a page explain itself (abbr)."""
    return f"*[{abbr}]: {explanation}"
