"""The pages of a large build done by two processes, one from each end (two or more cores).

MkDocs works through a build's pages on one core, twice: first it renders every page's Markdown,
then every page's template (with the plugins' hooks around both). At 2,000 records these two
loops were nearly all of a clean build, with the second core idle but for the page policy's
worker. So at the start of each loop the build forks (`output.policy_pool.in_background`): the
copy does pages from the last one backwards while MkDocs does them from the first one forwards.
Two counters in shared memory say how far each has come; each side claims a page under their
lock before it starts on it, so no page is done twice and none is left out. When MkDocs reaches
the first page the copy claimed, the copy finishes the page it is on and hands over what it made.

- Markdown (`Prerender`, from the first page's `on_pre_page`): `rendered.py`'s data for each page
  (HTML, table of contents, title, anchors, links, log messages), used only for the very Markdown
  it was made from; plus whatever the plugin asks for after rendering (`After`).
- Templates (`Prebuild`, from the plugin's `on_env`): each page exactly as MkDocs' own
  `_build_page` makes it in the copy (its hooks, the theme, the page policy), the messages logged
  meanwhile, the page's search entries and what the build cache read and stored there; this
  process then writes the page as MkDocs always does.

Messages the copy logged are logged here again (strict mode counts them as before). A page the
copy could not do is done here, where its error is reported as always. Not used for small sites,
on one core, with `ROUTEWIJZER_PARALLEL=0`, where a fork is not safe (`mkdocs serve`'s threads),
or when another plugin hooks into the steps the copy takes over (see each `start`).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import mkdocs.utils
from mkdocs.commands.build import _build_page
from mkdocs.structure.pages import Page

from ...output.policy_pool import forks_now, in_background, use_worker
from .rendered import LogCapture, page_data, replay

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.plugins.routewijzer")

HERE, THERE = 0, 1
"""The shared counters: the page after the last one this process claimed; the copy's lowest claim."""

After = Callable[[Page, "MkDocsConfig", "Files"], Any]
"""Work for the copy after it rendered a page's Markdown (the plugin's own `on_page_content`,
search entries); what it returns, picklable, is the page's `extra` here."""


def text_digest(text: str | None) -> str:
    return hashlib.blake2b((text or "").encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def hooks_only_from(config: MkDocsConfig, events: tuple[str, ...], owners: tuple[object, ...]) -> bool:
    """Whether every plugin hook for `events` belongs to one of `owners`."""
    return all(
        any(getattr(hook, "__self__", None) is owner for owner in owners)
        for event in events
        for hook in config.plugins.events[event]
    )


class Halves:
    """The copy of one loop over the pages, and what it made, by page (src_uri)."""

    def __init__(self, order: dict[str, int], claims: Any, wait: Callable[[], dict[str, Any]]) -> None:
        self._order = order
        self._claims = claims
        self._wait: Callable[[], dict[str, Any]] | None = wait
        self._results: dict[str, Any] = {}

    @classmethod
    def start(cls, pages: list[File], job: Callable[[File], Any]) -> Halves | None:
        """Fork the copy, which calls `job` for pages from the last one backwards (a result of None:
        nothing to hand over; an exception: the page is done here). None where a copy would not pay
        or not be safe."""
        if not use_worker(len(pages)) or not forks_now():
            return None
        # The copy owns the last page from the start, so it always has one to do.
        claims = multiprocessing.get_context("fork").Array("q", [0, len(pages) - 1], lock=True)
        order = {file.src_uri: index for index, file in enumerate(pages)}
        return cls(order, claims, in_background(lambda: _backwards(pages, claims, job)))

    def theirs(self, src_uri: str) -> bool:
        """Whether the copy has done (or is doing) this page; if not, this process claims it now."""
        index = self._order.get(src_uri)
        if index is None:  # a page that appeared after the fork
            return False
        if self._wait is not None:
            with self._claims.get_lock():
                here = index < self._claims[THERE]
                if here:
                    self._claims[HERE] = max(self._claims[HERE], index + 1)
            if here:
                return False
            self.close()
        return bool(index >= self._claims[THERE])

    def result(self, src_uri: str) -> Any:
        """What the copy made of this page, or None."""
        return self._results.get(src_uri)

    def close(self) -> None:
        """The copy claims nothing more; wait for it to end and take what it made."""
        if self._wait is None:
            return
        with self._claims.get_lock():
            self._claims[HERE] = len(self._order)
        wait, self._wait = self._wait, None
        try:
            self._results = wait()
        except Exception as exc:  # the copy died (killed, out of memory): this process does its pages
            log.info(f"Het tweede bouwproces stopte onverwacht ({exc}); deze build doet die pagina's zelf.")
            self._results = {}


def _backwards(pages: list[File], claims: Any, job: Callable[[File], Any]) -> dict[str, Any]:
    """In the copy: `job` for the pages from the last one down to where the other process has come."""
    results: dict[str, Any] = {}
    for index in range(len(pages) - 1, -1, -1):
        with claims.get_lock():
            if index < claims[HERE]:
                break
            claims[THERE] = index  # the last page: claimed before the fork (`Halves.start`)
        try:
            result = job(pages[index])
        except Exception:  # done again in the build's own process, which reports the error
            continue
        if result is not None:
            results[pages[index].src_uri] = result
    return results


def collect_logging() -> LogCapture:
    """In a copy: every message is collected for the build's own process to log, none printed."""
    capture = LogCapture()
    root, mkdocs_log = logging.getLogger(), logging.getLogger("mkdocs")
    for handler in list(mkdocs_log.handlers):
        mkdocs_log.removeHandler(handler)
    mkdocs_log.propagate = True  # to the capture below, once
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(capture)
    return capture


class Prerender:
    """Markdown: the copy renders pages (after `on_page_markdown`, as MkDocs does) from the end."""

    def __init__(self, halves: Halves) -> None:
        self._halves = halves
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
        """At the first page. `skip`: pages the copy leaves alone after reading them (the build
        cache has them); `after`: see `After`. Not with another plugin's `on_pre_page` (which the
        copy does not run)."""
        if not hooks_only_from(config, ("pre_page",), (own_plugin,)):
            return None
        capture: list[LogCapture] = []

        def job(file: File) -> tuple[str, dict[str, Any], Any] | None:
            if not capture:
                capture.append(collect_logging())
            records = capture[0].records = []
            page = file.page if file.page is not None else Page(None, file, config)
            config._current_page = page
            try:
                # What MkDocs does before it renders (commands/build.py, _populate_page).
                page.read_source(config)
                assert page.markdown is not None
                page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
                if skip is not None and skip(page, config, files):
                    return None
                Page.render(page, config, files)
                data = page_data(page, list(records))
                logged = len(records)
                extra = after(page, config, files) if after is not None else None
                if len(records) != logged:
                    extra = None  # its messages belong to the build's own process, which does that work
            finally:
                config._current_page = None
            return text_digest(page.markdown), data, extra

        halves = Halves.start(list(files.documentation_pages()), job)
        return cls(halves) if halves is not None else None

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """`Page.render`: with the copy's result for this page, or here."""
        src_uri = page.file.src_uri
        found = self._halves.result(src_uri) if self._halves.theirs(src_uri) else None
        if found is not None and found[0] == text_digest(page.markdown):
            replay(page, files, found[1])
            self._used[src_uri] = found[2]
            self.used += 1
        else:
            Page.render(page, config, files)

    def extra(self, src_uri: str) -> Any:
        """What `After` returned for a page whose rendering came from the copy; else None."""
        return self._used.get(src_uri)

    def close(self) -> list[Any]:
        """After the last page (or a failed build): the copy has ended; returns the pages' extras."""
        self._halves.close()
        extras = [extra for extra in self._used.values() if extra is not None]
        self._used = {}
        return extras


class Built:
    """One page as the copy built it."""

    def __init__(self, output: str, log: list[list[Any]], entries: list[Any] | None, journal: list[Any]) -> None:
        self.output = output
        self.log = log
        self.entries = entries
        self.journal = journal
        self.page: Page | None = None
        """Here: the page object it is for, once MkDocs reached it."""


class Prebuild:
    """Templates: the copy builds pages (MkDocs' `_build_page`, without writing them) from the end."""

    def __init__(self, halves: Halves) -> None:
        self._halves = halves
        self.used = 0
        """How many pages came from the copy (for tests and benchmarks)."""

    @classmethod
    def start(
        cls,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        env: jinja2.Environment,
        *,
        owners: tuple[object, ...],
        in_copy: Callable[[], None],
        search_entries: Any = None,
        store: Any = None,
    ) -> Prebuild | None:
        """At the end of `on_env`, with the environment MkDocs renders with. `owners`: the plugins
        whose hooks may run around a page's template (the copy runs them for its pages; any other
        plugin's hook turns this off); `in_copy`: called first in the copy (its plugin works alone
        there); `search_entries`: Material's list of search entries; `store`: the build cache's."""
        if not hooks_only_from(config, ("env", "nav", "page_context", "template_context", "post_page"), owners):
            return None
        pages = list(files.documentation_pages())
        state: dict[str, Any] = {}

        def job(file: File) -> Built | None:
            if not state:
                in_copy()
                state["capture"] = collect_logging()
                state["journal"] = store.keep_a_journal() if store is not None else []

                def keep_output(content: bytes, output_path: str) -> None:
                    state["written"] = content

                mkdocs.utils.write_file = keep_output  # the copy writes no file: this process does
            capture, journal = state["capture"], state["journal"]
            capture.records, state["written"] = [], None
            del journal[:]
            before = len(search_entries) if search_entries is not None else 0
            assert file.page is not None
            _build_page(file.page, config, pages, nav, env)
            entries = None
            if search_entries is not None:
                entries = search_entries[before:]
                del search_entries[before:]
            if state["written"] is None:  # an empty page, which MkDocs skips: done here
                return None
            output = state["written"].decode("utf-8")
            return Built(output, list(capture.records), entries, list(journal))

        halves = Halves.start(pages, job)
        return cls(halves) if halves is not None else None

    def take(self, src_uri: str) -> Built | None:
        """The page as the copy built it (when it did), at the start of its `on_page_context`."""
        built = self._halves.result(src_uri) if self._halves.theirs(src_uri) else None
        if built is not None:
            self.used += 1
        return built

    def close(self) -> None:
        self._halves.close()


class _BuiltOrRendered:
    """A page template whose `render` gives the page the copy built, when it built the current one."""

    def __init__(self, template: jinja2.Template, built: Callable[[], Built | None]) -> None:
        self._template = template
        self._built = built

    def render(self, *args: Any, **kwargs: Any) -> str:
        built = self._built()
        if built is not None:
            return built.output
        return self._template.render(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


def with_built_pages(env: jinja2.Environment, built: Callable[[], Built | None]) -> jinja2.Environment:
    """The environment whose page templates give `built()`'s output instead of rendering, when it
    is a page (`built` says which page MkDocs is on: the plugin's `on_page_context` knows)."""
    get_template = env.get_template

    def get_template_or_built(name: Any, parent: str | None = None, globals: Any = None) -> Any:
        template = get_template(name, parent, globals)
        if parent is not None or globals is not None or not isinstance(name, str):
            return template  # an {% extends %} or {% include %} inside a template
        return _BuiltOrRendered(template, built)

    env.get_template = get_template_or_built  # type: ignore[method-assign]
    return env
