"""Read the links and anchor ids out of one HTML page, fast.

MkDocs writes well-formed HTML: in text, `<` is always escaped, so every literal `<` starts
a tag, a comment, or the raw content of a `<script>`/`<style>`. One regular expression
therefore finds the tags that matter, skips comments and script bodies, and leaves the
rest of the page (text, SVG paths) to the regex engine instead of Python. That is what
makes the internal check an order of magnitude faster than a tree-building parser.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

LINK_ATTRS: dict[str, str] = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "track": "src",
    "embed": "src",
}
"""The attribute of each tag that points at another page or asset."""

_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_TOKEN_RE = re.compile(
    r"<!--.*?-->"
    # raw-text elements: their content may hold a literal '<' and is never markup
    rf"|<(?P<raw>script|style|textarea|title)\b(?P<raw_attrs>{_ATTRS})>.*?</(?P=raw)\s*>"
    # only the tags that carry an attribute we need; all others are skipped by the regex engine
    rf"|<(?P<tag>[a-zA-Z][a-zA-Z0-9:-]*)(?=\s{_ATTRS}?\b(?:id|name|href|src)\s*=)(?P<attrs>{_ATTRS})>",
    re.DOTALL | re.IGNORECASE,
)
_ATTR_RE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


@dataclass(frozen=True)
class Link:
    """One reference from a page to a URL, with the offset of its tag in the page."""

    tag: str
    url: str
    offset: int


@dataclass
class ScannedPage:
    links: list[Link]
    ids: set[str]


def _attributes(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(text):
        name = match.group(1).lower()
        value = match.group(2)
        if value is None:
            value = match.group(3)
        if value is None:
            value = match.group(4) or ""
        attrs.setdefault(name, html.unescape(value) if "&" in value else value)
    return attrs


def scan_html(text: str) -> ScannedPage:
    """The links (tag, URL, offset) and the anchor ids of one HTML document."""
    links: list[Link] = []
    ids: set[str] = set()
    for match in _TOKEN_RE.finditer(text):
        tag = match.group("tag")
        if tag is not None:
            attr_text = match.group("attrs")
        elif match.group("raw") is not None:
            tag = match.group("raw")
            attr_text = match.group("raw_attrs")
            if "=" not in attr_text:
                continue
        else:
            continue  # a comment
        tag = tag.lower()
        attrs = _attributes(attr_text)
        if "id" in attrs:
            ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            ids.add(attrs["name"])
        wanted = LINK_ATTRS.get(tag)
        if wanted is not None and wanted in attrs:
            links.append(Link(tag, attrs[wanted].strip(), match.start()))
    return ScannedPage(links, ids)


def line_at(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
