"""Pages' Markdown rendered on a second core while MkDocs renders the others (large builds).

MkDocs renders every page's Markdown in one process, one page after another, before it renders
any template; at 2,000 records that was about half of a clean build, with the second core idle.
So at the first page the build forks (`output.policy_pool.in_background`): the copy renders pages
from the last one backwards while MkDocs renders from the first one forwards. Two counters in
shared memory say how far each has come; each side claims a page under their lock before it
renders it, so no page is rendered twice and none is left out. When MkDocs reaches the first page
the copy claimed, the copy finishes the page it is on and hands over everything it rendered, as
`rendered.py`'s data: the HTML, table of contents, title, anchors, links and log messages, which
are logged here again (strict mode counts them as before).

A page the copy rendered is used only for the very Markdown it was rendered from: should this
process's Markdown differ (a plugin that changes a page differently a second time), or rendering
have failed there, the page is rendered here, where its error is reported as always. A plugin
with its own `on_pre_page` hook (which the copy does not run) turns this off, as do small sites,
one core, `ROUTEWIJZER_PARALLEL=0` and any moment a fork is not safe (`mkdocs serve`'s threads).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page

from ...output.policy_pool import forks_now, in_background, use_worker
from .rendered import LogCapture, page_data, replay

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

After = Callable[[Page, "MkDocsConfig", "Files"], Any]
"""Work for the copy after a page is rendered (the plugin's own `on_page_content`, search entries);
what it returns, picklable, is the page's `extra` here."""

Results = dict[str, tuple[str, dict[str, Any], Any]]
"""Per page (src_uri): the digest of the Markdown it was rendered from, `rendered.py`'s data and
what `After` returned for it (None when it logged anything: then this process does that work)."""

HERE, THERE = 0, 1
"""The shared counters: the page after the last one this process claimed; the copy's lowest claim."""


def text_digest(text: str | None) -> str:
    return hashlib.blake2b((text or "").encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Prerender:
    """The second process of one build and the pages it rendered."""

    def __init__(self, order: dict[str, int], claims: Any, wait: Callable[[], Results]) -> None:
        self._order = order
        self._claims = claims
        self._wait: Callable[[], Results] | None = wait
        self._results: Results = {}
        self._used: dict[str, Any] = {}
        self.used = 0
        """How many pages came from the copy (for tests and benchmarks)."""

    @classmethod
    def start(
        cls,
        config: MkDocsConfig,
        files: Files,
        *,
        own_plugin: object,
        skip: Callable[[Page, MkDocsConfig, Files], bool] | None = None,
        after: After | None = None,
    ) -> Prerender | None:
        """Fork the copy, or None where it would not pay or not be safe. `skip`: pages the copy
        leaves alone after reading them (the build cache has them); `after`: see `After`."""
        pages = list(files.documentation_pages())
        if not use_worker(len(pages)) or not forks_now():
            return None
        others = [
            hook for hook in config.plugins.events["pre_page"] if getattr(hook, "__self__", None) is not own_plugin
        ]
        if others:
            return None
        # The copy owns the last page from the start, so it always has one to do.
        claims = multiprocessing.get_context("fork").Array("q", [0, len(pages) - 1], lock=True)
        order = {file.src_uri: index for index, file in enumerate(pages)}
        wait = in_background(lambda: _render_backwards(pages, config, files, claims, skip, after))
        return cls(order, claims, wait)

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """`Page.render`: with the copy's result for this page, or here."""
        src_uri = page.file.src_uri
        index = self._order.get(src_uri)
        if index is None:  # a page that appeared after the fork
            Page.render(page, config, files)
            return
        if self._wait is not None:
            with self._claims.get_lock():
                here = index < self._claims[THERE]
                if here:
                    self._claims[HERE] = max(self._claims[HERE], index + 1)
            if here:
                Page.render(page, config, files)
                return
            self._collect()
        found = self._results.get(src_uri)
        if found is not None and found[0] == text_digest(page.markdown):
            replay(page, files, found[1])
            self._used[src_uri] = found[2]
            self.used += 1
        else:
            Page.render(page, config, files)

    def _collect(self) -> None:
        if self._wait is None:
            return
        with self._claims.get_lock():
            self._claims[HERE] = len(self._order)  # the copy claims nothing more
        wait, self._wait = self._wait, None
        self._results = wait()

    def extra(self, src_uri: str) -> Any:
        """What `After` returned for a page whose rendering came from the copy; else None."""
        return self._used.get(src_uri)

    def close(self) -> list[Any]:
        """After the last page (or a failed build): the copy has ended; returns the pages' extras."""
        self._collect()
        self._results = {}
        extras = [extra for extra in self._used.values() if extra is not None]
        self._used = {}
        return extras


def _render_backwards(
    pages: list[File],
    config: MkDocsConfig,
    files: Files,
    claims: Any,
    skip: Callable[[Page, MkDocsConfig, Files], bool] | None,
    after: After | None,
) -> Results:
    """In the copy: render pages from the last one down to where this process has come."""
    capture = _collect_logging()
    results: Results = {}
    for index in range(len(pages) - 1, -1, -1):
        with claims.get_lock():
            if index < claims[HERE]:
                break
            claims[THERE] = index  # the last page: claimed before the fork (`Prerender.start`)
        file = pages[index]
        page = file.page if file.page is not None else Page(None, file, config)
        config._current_page = page
        capture.records = []
        try:
            # What MkDocs does before it renders (commands/build.py, _populate_page).
            page.read_source(config)
            assert page.markdown is not None
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            if skip is not None and skip(page, config, files):
                continue
            Page.render(page, config, files)
            data = page_data(page, list(capture.records))
            logged = len(capture.records)
            extra = after(page, config, files) if after is not None else None
            if len(capture.records) != logged:
                extra = None  # its messages belong to the build's own process, which does that work
        except Exception:  # rendered again in the build's own process, which reports the error
            continue
        finally:
            config._current_page = None
        results[file.src_uri] = (text_digest(page.markdown), data, extra)
    return results


def _collect_logging() -> LogCapture:
    """In the copy: every message is collected for the build's own process to log, none printed."""
    capture = LogCapture()
    root = logging.getLogger()
    for name in ("mkdocs",):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.propagate = True
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(capture)
    return capture
