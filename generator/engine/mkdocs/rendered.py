"""A page's Markdown rendering as plain data: taken from MkDocs' `Page.render` and given back.

`Page.render` sets five things on a page (its HTML, table of contents, the title found in it, its
anchors and its links to anchors elsewhere) and logs what it finds wrong (strict mode counts those
messages). `render_to_data` runs it and returns all of that as plain, picklable, JSON-able data;
`replay` puts it on a page and logs the same messages again. The build cache (cache.py) stores
this data between builds; the second process (prerender.py) hands it over within one build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

Render = Callable[[Page, "MkDocsConfig", "Files"], None]
"""A function with `Page.render`'s effect on the page it is given."""


def toc_data(items: Any) -> list[Any]:
    return [[item.title, item.id, item.level, toc_data(item.children)] for item in items]


def _toc_from(data: list[Any]) -> list[AnchorLink]:
    links = []
    for title, id_, level, children in data:
        link = AnchorLink(title, id_, level)
        link.children = _toc_from(children)
        links.append(link)
    return links


class LogCapture(logging.Handler):
    """Keeps each message as [logger name, level, text], for `replay`."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[list[Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.name, record.levelno, record.getMessage()])


@contextmanager
def captured(logger_name: str = "mkdocs") -> Iterator[LogCapture]:
    """What is logged to `logger_name` (and the loggers below it) meanwhile, besides its handlers."""
    handler = LogCapture()
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def render_to_data(page: Page, config: MkDocsConfig, files: Files, render: Render = Page.render) -> dict[str, Any]:
    """Render the page (its `markdown` as set) and return what `replay` needs to do it again."""
    with captured() as capture:
        render(page, config, files)
    return page_data(page, capture.records)


def page_data(page: Page, log: list[list[Any]]) -> dict[str, Any]:
    """What rendering set on `page`, and the messages `log` (name, level, text) it logged."""
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": toc_data(page.toc),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
        "log": log,
    }


def replay(page: Page, files: Files, data: dict[str, Any]) -> None:
    """Set on `page` what rendering it set, and log its messages again (strict mode counts them)."""
    replay_log(data["log"])
    page.content = data["content"]
    toc = _toc_from(data["toc"])
    if toc:
        toc[0].active = True  # type: ignore[attr-defined]  # as mkdocs.structure.toc.get_toc does
    page.toc = TableOfContents(toc)
    page._title_from_render = data["title"]
    page.present_anchor_ids = set(data["anchors"])
    if data["links"] is not None:
        links = {}
        for src_uri, anchors in data["links"].items():
            target = files.get_file_from_path(src_uri)
            assert target is not None  # rendered against this very file list
            links[target] = dict(anchors)
        page.links_to_anchors = links


def replay_log(records: list[list[Any]]) -> None:
    """Log messages a `LogCapture` kept (in this process or a copy of it) again, as they were."""
    for name, level, message in records:
        logging.getLogger(name).log(level, message)
