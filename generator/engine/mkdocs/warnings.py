"""MkDocs's own link warnings, taken apart into the engine-neutral `LinkWarning` (the texts are fixed in MkDocs 1.6)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from ...output.manifest import LinkWarning

_MKDOCS_LINK_RE = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains (?P<kind>an unrecognized relative link|an absolute link|a link) "
    r"'(?P<url>[^']*)'(?P<rest>.*)$",
    re.DOTALL,
)
_SUGGESTION_RE = re.compile(r" Did you mean '([^']*)'\?")
_NO_TARGET_RE = re.compile(r"but the target(?: '([^']*)')? is not found among documentation files")
_NO_ANCHOR_RE = re.compile(r"but the doc '([^']*)' does not contain an anchor '#([^']*)'")
_NO_ANCHOR_HERE = "but there is no such anchor on this page"


def parse_mkdocs_warning(message: str) -> LinkWarning | None:
    """Take apart MkDocs's link warnings (the texts are fixed in MkDocs 1.6); None for any other warning."""
    match = _MKDOCS_LINK_RE.match(message.strip())
    if match is None:
        return None
    page, kind, url, rest = match.group("page", "kind", "url", "rest")
    suggestion = _SUGGESTION_RE.search(rest)
    hint = f"; bedoel je '{suggestion.group(1)}'?" if suggestion else ""
    if kind == "an absolute link":
        reason = f"een link die met '/' begint werkt niet als de site in een submap staat; schrijf een relatieve link naar het .md-bestand{hint}"
        return LinkWarning(message, page, url, reason)
    if kind == "an unrecognized relative link":
        reason = f"MkDocs herkent deze link niet; schrijf een link naar een pagina als pad naar het .md-bestand{hint}"
        return LinkWarning(message, page, url, reason)
    if no_target := _NO_TARGET_RE.search(rest):
        target = no_target.group(1) or url
        return LinkWarning(message, page, url, f"{target} bestaat niet{hint}")
    if no_anchor := _NO_ANCHOR_RE.search(rest):
        target, anchor = no_anchor.groups()
        reason = f"de pagina {target} heeft geen anker '#{anchor}'"
        return LinkWarning(message, page, url, reason, target, anchor)
    if _NO_ANCHOR_HERE in rest:
        anchor = url.partition("#")[2]
        return LinkWarning(message, page, url, f"deze pagina heeft geen anker '#{anchor}'", page, anchor)
    return None


class WarningCollector(logging.Handler):
    """Keeps the text of every MkDocs warning, to place link warnings at their source line."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    @contextmanager
    def attached(self) -> Iterator[WarningCollector]:
        """Collect MkDocs's warnings while the block runs."""
        logger = logging.getLogger("mkdocs")
        logger.addHandler(self)
        try:
            yield self
        finally:
            logger.removeHandler(self)

    def link_warnings(self) -> list[LinkWarning]:
        return [w for m in self.messages if (w := parse_mkdocs_warning(m)) is not None]
