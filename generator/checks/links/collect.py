"""Every external URL in the data (and the hand-written docs), with the file, line and field it is written in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...catalog import Catalog
from ...yamlfile import LineDict, LineList
from .internal import dotted

_URL_RE = re.compile(r"""https?://[^\s<>"'`\[\]{}|\\^]+""")
_TRAILING = ".,;:!?*_~"


@dataclass(frozen=True, order=True)
class UrlUse:
    """One place where a URL is written."""

    path: str
    """The source file relative to the project (data/regio/x.yaml, docs/over.md)."""
    line: int
    field: str
    """The dotted field in a record (sources[0].url, body); empty for Markdown files."""
    url: str


def find_urls(text: str) -> Iterator[tuple[int, str]]:
    """(offset, URL) of every http(s) URL in a text: plain, in a Markdown link or in angle brackets."""
    for match in _URL_RE.finditer(text):
        url = match.group(0)
        # Punctuation after a URL ends the sentence; a ')' closes a Markdown link unless the URL opened one.
        while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
            url = url[:-1]
        if "://" in url and url.split("://", 1)[1]:
            yield match.start(), url


def collect_urls(catalog: Catalog, root: Path, docs_dir: Path | None = None) -> list[UrlUse]:
    """Every URL in every record, at the line it is written on; then those in docs/*.md."""
    uses: list[UrlUse] = []
    for entry in catalog.entries.values():
        try:
            lines = (root / entry.path).read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        for loc, value in _strings(entry.data, ()):
            key_line = entry.line(*loc)
            for _offset, url in find_urls(value):
                uses.append(UrlUse(entry.path, _line_of(lines, url, key_line), dotted(loc), url))
    if docs_dir is not None and docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*.md")):
            rel = path.resolve().relative_to(root.resolve()).as_posix()
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                uses.extend(UrlUse(rel, number, "", url) for _offset, url in find_urls(text))
    return sorted(set(uses))


def _strings(node: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, LineDict):
        for key, value in node.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(node, LineList):
        for index, value in enumerate(node):
            yield from _strings(value, (*loc, index))
    elif isinstance(node, str):
        yield loc, node


def _line_of(lines: list[str], url: str, key_line: int) -> int:
    """The line of a URL inside a value that starts on `key_line` (a block of Markdown spans many lines)."""
    for number in range(key_line, len(lines) + 1):
        if url in lines[number - 1]:
            return number
    return key_line
