"""MkDocs adapter: wires load → render into a MkDocs build, and nothing more.

Events used:
- on_startup: remember whether we are serving (for the watch list).
- on_config: load and validate all data once per build; stop the build with every problem
  listed if the data is wrong; expand nav entries that point at a generated section index.
- on_files: add the rendered pages as virtual files (File.generated), each with an edit
  link to its own YAML file. Nothing is written into docs/.
- on_page_markdown: append the glossary's abbreviations (Markdown `abbr`), so every
  abbreviation on every page explains itself; mark the page for the theme's "Direct hulp" block
  and "Snel weg" button (`page.meta.rw_help`, `page.meta.rw_exit`, from `render.wayfind`).
- on_page_context: the page's other language (English ↔ Dutch), for the language switch and hreflang.
- on_page_content: sanitize the page's HTML (generator/sanitize.py: Markdown attribute lists can
  still turn data into markup), then make abbreviations focusable, so the explanation also
  shows on focus, and put the renderer's own drawings (route diagrams) in their placeholders.
- on_post_page / on_post_template: the page's final HTML (after the theme and every plugin) through
  the one page policy (`sanitize_page`); the theme's own scripts are kept by hash or path.
- on_post_build: write the page → source manifest (`generator.output.manifest`); Material's search
  index through the content policy (`sanitize_search_index`).
- on_page_markdown (also): the page's title and description from its front matter, HTML-escaped for
  the theme (Material writes `page.meta.description` into an attribute as it is); the page's
  `update_date` (sitemap `lastmod`) becomes its record's reviewed date, or a hand-written page's last
  commit, or nothing.
- on_page_context: the head of the page (docs/overrides/partials/rw-head.html): Open Graph and
  Twitter card values and the page's schema.org JSON-LD (`generator.render.structured`).
- on_pre_page / on_nav / on_env: reuse the Markdown, template and page-policy results of pages whose
  inputs did not change since the last build (`cache.py`; `make check` and `make serve`).
- on_serve: watch data/ so `mkdocs serve` rebuilds when a record changes; put the preview's error
  page and live reload (generator/output/serve.py) around the server, and report every rebuild to it.

While serving, bad data does not stop the build: on_config keeps the problems for the error page
and the build goes on without pages (on_files), so the server starts and keeps answering; the
browser shows every problem until the data is fixed.

The form-based editor (docs/editor.md) is added in on_files as well: its configuration
`redactie/bewerken/config.yml`, generated from the models (`generator.output.cms`), and the
Decap CMS bundle from `.cache/editor/` (`generator.output.editor_bundle`). Without the bundle
the editor's folder is left out of the site, with one message.
"""

from __future__ import annotations

import functools
import html
import logging
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ...catalog import Catalog, Entry
from ...load import load_catalog, load_history, load_last_changes
from ...model import REGISTRY, Unknown
from ...output.atomic import stop_like_ctrl_c
from ...output.cache import DEFAULT_CACHE_DIR, ResultCache, cache_enabled
from ...output.cms import EDITOR_PATH, editor_config, editor_config_yaml, key_order
from ...output.collector import fewer_collections
from ...output.csp import inline_script_hashes, meta_policy, site_policy
from ...output.dates import build_date
from ...output.editor_bundle import bundle_files
from ...output.figures import insert_figures
from ...output.manifest import MANIFEST_PATH, manifest_json
from ...output.opendata import open_data_files
from ...output.policy_pool import PagePolicyPool, use_worker
from ...output.robots import ROBOTS_PATH, robots_txt
from ...output.sanitize import sanitize_html, sanitize_page, sanitize_search_index
from ...output.serve import ServeState, serve_with_errors
from ...problems import DataError, Problem
from ...render.english import alternates, english_abbreviations, written_translations
from ...render.frame import NavItem, with_page_head
from ...render.frame import Page as GeneratedPage
from ...render.opendata import Licence, licence_from, render_open_data_page
from ...render.search import search_terms_json, written_page_keywords
from ...render.site import AbbreviationDefinitions, SiteRenderer
from ...render.structured import LANGUAGE, page_graph, script_text
from ...render.wayfind import MUNICIPALITIES_PATH, Marks, help_lines, municipalities_json, page_marks, written_marks
from .cache import BuildCache, list_theme_files_once, search_entries, wrap_search
from .offline import OFFLINE_FLAG
from .prerender import Built, Prebuild, Prerender, hooks_only_from, text_digest, with_built_pages
from .rendered import replay_log
from .serving import poll_every
from .warnings import WarningCollector, parse_mkdocs_warning

SHARE_IMAGE = "assets/images/routewijzer-delen.png"
"""The link-preview image (docs/assets/images/, drawn by scripts/make_share_image.py): 1200 × 630."""

SEARCH_TERMS_PATH = "assets/javascripts/workers/rw-search.json"
"""Beside docs/assets/javascripts/workers/rw-search.js, which fetches it."""
SEARCH_TERMS_SCRIPT = "assets/javascripts/workers/rw-search-data.js"
"""The same data as a script, for the offline copy: from disk the worker cannot fetch JSON."""

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.plugins.routewijzer")


class RoutewijzerConfig(base.Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    """Turn the plugin off (for a plain MkDocs build of docs/ only)."""
    data_dir = c.Type(str, default="data")
    """Folder with the YAML records, relative to mkdocs.yml."""
    nav_expand_max = c.Type(int, default=12)
    """A section lists its records in the sidebar only up to this many; larger collections show their index page."""
    cache_dir = c.Type(str, default=DEFAULT_CACHE_DIR)
    """Folder for the build cache, relative to mkdocs.yml ('' keeps it in memory only); ROUTEWIJZER_CACHE=0 turns it off."""


class RoutewijzerPlugin(BasePlugin[RoutewijzerConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.is_serve = False
        self.catalog: Catalog | None = None
        self.renderer: SiteRenderer | None = None
        self.abbreviations: AbbreviationDefinitions | None = None
        self.english_abbreviations: AbbreviationDefinitions | None = None
        self.alternates: dict[str, dict[str, str]] = {}
        self.root = Path.cwd()
        self.inline_hashes: frozenset[str] = frozenset()
        self.manifest: dict[str, str] = {}
        self.generated: dict[str, GeneratedPage] = {}
        self.urls: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.heads: dict[str, tuple[str, str]] = {}
        self.last_changes: dict[str, date] = {}
        self.by_source: dict[str, Entry] = {}
        self.marks: dict[str, Marks] = {}
        self.figures: dict[str, tuple[tuple[str, str], ...]] = {}
        self.data_problems: list[Problem] = []
        """Under `mkdocs serve`: the data problems of the current build (shown in the browser)."""
        self.serve_state = ServeState()
        self.cache: BuildCache | None = None
        self.policy_pool: PagePolicyPool | None = None
        """The page policy's worker process for this build (large sites on two or more cores)."""
        self._worker: PagePolicyPool | None = None
        self.nav: Navigation | None = None
        self.prerender: Prerender | None = None
        """The second process rendering pages' Markdown in this build (large sites, two or more cores)."""
        self._prerender_due = False
        self._restore_collector: Callable[[], None] | None = None
        """Undoes `fewer_collections` (one-off builds, from the navigation to the end)."""
        self.prebuild: Prebuild | None = None
        """The second process building pages (templates) in this build."""
        self._from_copy: Built | None = None
        """The page being built, when the copy built it (from `on_page_context` to `on_post_page`)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"
        if self.is_serve:
            stop_like_ctrl_c()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).resolve().parent
        data_dir = self.root / self.config.data_dir
        self.data_problems = []
        try:
            self.catalog = load_catalog(data_dir, self.root)
        except DataError as exc:
            count = len(exc.problems)
            if self.is_serve:
                return self._serve_without_data(config, exc.problems)
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError(
                f"{count} {'fout' if count == 1 else 'fouten'} in de data gevonden; de site is niet gebouwd."
            ) from None
        list_theme_files_once(config.theme)
        if cache_enabled():
            if self.cache is None:  # one per process: `mkdocs serve` keeps its plugin between rebuilds
                folder = self.root / self.config.cache_dir if self.config.cache_dir else None
                self.cache = BuildCache(ResultCache(folder))
            self.cache.begin()
        else:
            self.cache = None
        self.renderer = SiteRenderer(
            self.catalog, today=build_date(), history=load_history(self.root, self.config.data_dir)
        )
        self.abbreviations = AbbreviationDefinitions(self.catalog)
        self.english_abbreviations = AbbreviationDefinitions(self.catalog, english_abbreviations(self.catalog))
        self.by_source = {entry.path: entry for entry in self.catalog.entries.values()}
        # The 404 page (docs/overrides/404.html) offers the help contacts, with the phone numbers the data knows.
        config.extra["rw_contacts"] = [
            {
                "title": entry.record.title,
                "path": f"contact/{entry.id}/",
                "phone": str(phone)
                if (phone := getattr(entry.record, "phone", None)) and not isinstance(phone, Unknown)
                else "",
            }
            for entry in self.catalog.of_kind("contact")
        ]
        docs_rel = Path(config.docs_dir).resolve().relative_to(self.root).as_posix()
        self.last_changes = load_last_changes(self.root, docs_rel)
        # The "Direct hulp" block's lines (docs/overrides/partials/rw-help.html), from the contact records.
        config.extra["rw_help"] = help_lines(self.catalog)
        config.extra["rw_help_en"] = help_lines(self.catalog, english=True)
        # One source for the policy: docs/_headers; every page carries it as a meta tag too
        # (docs/overrides/main.html), for hosts such as GitHub Pages that do not read _headers.
        headers = site_policy(Path(config.docs_dir) / "_headers")
        policy = headers.get("Content-Security-Policy", "")
        config.extra["rw_csp"] = meta_policy(policy) if policy else None
        config.extra["rw_referrer"] = headers.get("Referrer-Policy", "no-referrer")
        self.inline_hashes = inline_script_hashes(policy)
        if not config.repo_url:
            config.repo_url = _github_remote(self.root)
        if not config.repo_url:
            # Without a repository there is nowhere to edit; say so once instead of a broken button.
            log.info("Geen repo_url (ROUTEWIJZER_REPO_URL of een GitHub-remote): geen bewerkknoppen.")
            config.edit_uri = None
            config.edit_uri_template = None
        if config.nav:
            sections = {item.path: item for item in self.renderer.nav(self.config.nav_expand_max)}
            config.nav = [_expand(entry, sections) for entry in config.nav]
        return config

    def _serve_without_data(self, config: MkDocsConfig, problems: list[Problem]) -> MkDocsConfig:
        """Serving with bad data: report it, and let the build go on without pages (see on_files)."""
        # Printed, not logged: a logged error would make the strict build fail, and a failed
        # build leaves the server without an answer to give.
        for problem in problems:
            print(f"FOUT: {problem}", file=sys.stderr)
        count = len(problems)
        print(
            f"{count} {'fout' if count == 1 else 'fouten'} in de data gevonden; de browser toont ze ook.",
            file=sys.stderr,
        )
        self.data_problems = problems
        self.catalog = self.renderer = self.abbreviations = None
        config.nav = None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        if self.data_problems:
            # The server shows the error page instead of any page; build nothing it could show.
            return Files([])
        if self.renderer is None:
            return None
        docs_rel = Path(config.docs_dir).resolve().relative_to(self.root).as_posix()
        back = "/".join(".." for _ in docs_rel.split("/"))
        # One look-up table: Files rebuilds its own index after every append.
        existing = {file.src_uri for file in files}
        self.manifest = {}
        self.generated = {}
        self.figures = {}
        licence = _licence(config)
        pages = [*self.renderer.pages(), with_page_head(render_open_data_page(self.renderer.catalog, licence))]
        self.marks = page_marks(self.renderer.catalog, pages)
        for page in pages:
            self.generated[page.path] = page
            if page.source:
                self.manifest[page.path] = page.source
            if page.figures:
                self.figures[page.path] = page.figures
            if page.path in existing:
                raise PluginError(f"{docs_rel}/{page.path} bestaat al; die pagina wordt uit data/ gemaakt")
            file = File.generated(config, page.path, content=page.markdown)
            # The edit button opens the YAML record, not the generated Markdown.
            file.edit_uri = f"{back}/{page.source}" if page.source else None
            files.append(file)
        # What the search worker ranks with, generated from the data and the hand-written pages'
        # front matter keywords.
        written = [
            (file.url, f"{docs_rel}/{file.src_uri}", file.content_string)
            for file in files.documentation_pages()
            if not file.generated_by
        ]
        try:
            keywords = written_page_keywords(written)
            translated = written_translations(
                (file.src_uri, f"{docs_rel}/{file.src_uri}", file.content_string)
                for file in files.documentation_pages()
                if not file.generated_by
            )
        except ValueError as exc:
            raise PluginError(str(exc)) from exc
        keywords.update(self.renderer.english.search_keywords())
        # Which page is which page's other language: the language switch and hreflang (on_page_context).
        self.alternates = {}
        for src, (lang, other) in alternates(self.renderer.english.pairs(), translated).items():
            target = files.get_file_from_path(other)
            if target is None:
                raise PluginError(f"{docs_rel}/{src}: translation_of: de pagina {other} bestaat niet")
            # The home page's URL is "./"; joined to site_url it must be the site's root.
            self.alternates[src] = {"lang": lang, "url": "" if target.url == "./" else target.url}
        terms = search_terms_json(self.renderer.catalog, keywords)
        files.append(File.generated(config, SEARCH_TERMS_PATH, content=terms))
        if config.extra.get(OFFLINE_FLAG):
            files.append(File.generated(config, SEARCH_TERMS_SCRIPT, content=f"self.RW_SEARCH_TERMS = {terms};\n"))
        self.urls = {file.src_uri: file.url for file in files.documentation_pages()}
        self.titles = {path: page.title for path, page in self.generated.items()}
        self.titles["index.md"] = config.site_name
        self.heads = {}
        # Open data: every record kind as JSON with its schema, the flat ones as CSV, the DCAT catalogue.
        downloads = open_data_files(
            self.renderer.catalog,
            url_of=lambda path: self._absolute(config, path),
            site_name=config.site_name,
            licence=licence,
            built=build_date(),
            contact_page="over.md" if "over.md" in self.urls else "index.md",
            store=self.cache.store if self.cache is not None else None,
        )
        if config.site_url:
            downloads[ROBOTS_PATH] = robots_txt(config.site_url)
        for path, text in downloads.items():
            if path in existing:
                raise PluginError(f"{docs_rel}/{path} bestaat al; dat bestand wordt uit data/ gemaakt")
            files.append(File.generated(config, path, content=text))
        files.append(File.generated(config, MUNICIPALITIES_PATH, content=municipalities_json(self.renderer.catalog)))
        self._add_editor(files, config)
        return files

    def _absolute(self, config: MkDocsConfig, path: str) -> str:
        """The absolute URL of a page (its .md path) or another file of the site."""
        site_url = config.site_url or "/"
        return urljoin(site_url, self.urls[path] if path.endswith(".md") else path)

    def _add_editor(self, files: Files, config: MkDocsConfig) -> None:
        """The editor at redactie/bewerken/: its generated config.yml and the pinned bundle."""
        if not any(f.src_uri == f"{EDITOR_PATH}/index.html" for f in files):
            return  # a site without the editor's page (docs/redactie/bewerken/index.html)
        bundle = bundle_files(self.root)
        offline = bool(config.extra.get(OFFLINE_FLAG))  # a copy on disk has no GitHub login and no proxy
        if offline or not bundle:
            for file in [f for f in files if f.src_uri.startswith(f"{EDITOR_PATH}/")]:
                files.remove(file)
            if not offline:
                log.info("De redactie-editor is niet gebouwd: de bundel ontbreekt in .cache/editor/ (make install).")
            return
        catalog = self.renderer.catalog if self.renderer else Catalog()
        orders = {kind.folder: key_order(kind, (e.data for e in catalog.of_kind(kind.folder))) for kind in REGISTRY}
        editor = editor_config(
            repo_url=config.repo_url,
            site_url=config.site_url,
            # The GitHub login needs an OAuth service the administrator runs (CONTRIBUTING.md).
            auth_base_url=os.environ.get("ROUTEWIJZER_EDITOR_AUTH_URL") or None,
            key_orders=orders,
        )
        files.append(File.generated(config, f"{EDITOR_PATH}/config.yml", content=editor_config_yaml(editor)))
        for name, path in sorted(bundle.items()):
            files.append(File.generated(config, f"{EDITOR_PATH}/{name}", abs_src_path=str(path)))

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        # Material's offline plugin adds a shim from a CDN; the site makes no request to another
        # host (the offline copy has its own, engine/mkdocs/offline.py).
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [p for p in polyfills if "//" not in str(p)]

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.nav = nav
        self.policy_pool = None
        self._end_prerender()
        self._prerender_due = self.config.enabled and not self.is_serve
        if self.config.enabled and not self.is_serve and self._restore_collector is None:
            self._restore_collector = fewer_collections()
        if self.config.enabled and use_worker(len(files.documentation_pages())):
            if self._worker is None:  # one per process: `mkdocs serve` keeps it between rebuilds
                self._worker = PagePolicyPool()
            self.policy_pool = self._worker
        return None

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page | None:
        if not self.config.enabled:
            return None
        if self._prerender_due:
            # The first page: from here on MkDocs renders pages' Markdown, and a copy of this process
            # renders them from the other end (engine/mkdocs/prerender.py).
            self._prerender_due = False
            self.prerender = Prerender.start(
                config,
                files,
                own_plugin=self,
                skip=self.cache.has_markdown if self.cache is not None else None,
                after=self._after_render,
            )
        render = self.prerender.render if self.prerender is not None else Page.render
        # MkDocs calls page.render(config, files) next; this page's call looks in the cache first.
        if self.cache is not None:
            page.render = functools.partial(self.cache.render, page, render=render)  # type: ignore[method-assign]
        elif self.prerender is not None:
            page.render = functools.partial(render, page)  # type: ignore[method-assign]
        return None

    def _after_render(self, page: Page, config: MkDocsConfig, files: Files) -> dict[str, Any]:
        """In the second process, after it rendered a page: this plugin's `on_page_content`, and,
        when no other plugin changes the content, the page's search entries (prerender.py)."""
        content = page.content or ""
        extra: dict[str, Any] = {"in": text_digest(content), "out": self._page_content(content, page)}
        if hooks_only_from(config, ("page_content",), (self,)):
            page.content = extra["out"]
            extra["search"] = search_entries(config, page)
        return extra

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        if not self.config.enabled:
            return None
        # Search entries the second process made, by their key (engine/mkdocs/cache.py, wrap_search).
        made = dict(extra["search"] for extra in self._end_prerender() if extra.get("search"))
        # Theme partials name pages by their directory-style path ('snel-weg/'); `rw_page` turns that
        # into the page's real URL, which is 'snel-weg.html' in the offline copy (pages as files).
        env.filters["rw_page"] = page_filter({_directory_path(f.src_uri): f.url for f in files.documentation_pages()})
        if self.cache is None or self.nav is None:
            entries = wrap_search(config, made.get if made else None, first=self._entries_from_copy)
        else:
            self.cache.begin_templates(config, self.nav, files)
            entries = self.cache.wrap_search(config, also=made, first=self._entries_from_copy)
            env = self.cache.wrap(env)
        env = with_built_pages(env, lambda: self._from_copy)
        if not self.is_serve and self.nav is not None:
            # From here on MkDocs builds pages from the first one, and a copy of this process builds
            # them from the last one (engine/mkdocs/prerender.py).
            search = config.plugins.get("material/search") or config.plugins.get("search")
            self.prebuild = Prebuild.start(
                config,
                files,
                self.nav,
                env,
                owners=(self, search) if search is not None else (self,),
                in_copy=self._alone_in_copy,
                search_entries=entries,
                store=self.cache.store if self.cache is not None else None,
            )
        return env

    def _alone_in_copy(self) -> None:
        """In the copy that builds pages (prerender.py): this plugin checks its pages itself."""
        self.policy_pool = None
        self.prebuild = None
        self._from_copy = None

    def _entries_from_copy(self, page: Page) -> list[Any] | None:
        built = self._from_copy
        return built.entries if built is not None and built.page is page else None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.abbreviations is None or self.english_abbreviations is None:
            return None
        self._head_from_meta(page)
        marks = self.marks.get(page.file.src_uri) if page.file.generated_by else written_marks(page.meta)
        page.meta["rw_help"] = bool(marks and marks.help)
        page.meta["rw_exit"] = bool(marks and marks.exit)
        # English pages explain abbreviations in English (only those with a translated term).
        english = page.meta.get("lang") == "en"
        block = (self.english_abbreviations if english else self.abbreviations).for_markdown(markdown)
        return f"{markdown}\n\n{block}\n" if block else None

    def _head_from_meta(self, page: Page) -> None:
        """Title and description from the front matter (kept as text), escaped for the theme; the sitemap date."""
        src = page.file.src_uri
        title, description = page.meta.get("title"), page.meta.get("description")
        if isinstance(title, str) or isinstance(description, str):
            self.heads[src] = (str(title or ""), str(description or ""))
        # Material writes both into the page as they are (title after striptags, description in an attribute).
        if isinstance(title, str):
            page.meta["title"] = html.escape(title)
        if isinstance(description, str):
            page.meta["description"] = html.escape(description)
        # sitemap.xml: the day the facts were checked, not the build day; nothing when unknown.
        generated = self.generated.get(src)
        if generated is not None:
            entry = self.by_source.get(generated.source) if generated.source else None
            reviewed = entry.record.reviewed if entry else None
            page.update_date = reviewed.isoformat() if reviewed else ""
        else:
            changed = self.last_changes.get(src)
            page.update_date = changed.isoformat() if changed else ""

    @event_priority(100)  # before Material's search, which takes the entries of a page the copy built
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if not self.config.enabled or self.catalog is None:
            return None
        src = page.file.src_uri
        built = self.prebuild.take(src) if self.prebuild is not None else None
        if built is not None:
            built.page = page
            self._from_copy = built
            return None  # the copy built the whole page: nothing here is rendered
        # The theme's language switch (partials/rw-language.html) and hreflang links (rw-hreflang.html).
        other = self.alternates.get(src)
        if other is not None:
            page.meta["rw_alternate"] = other
        site_url = config.site_url or "/"

        def url_of(path: str) -> str:
            return self._absolute(config, path)

        title, description = self.heads.get(src, ("", ""))
        if page.is_homepage or not title:
            title = config.site_name if page.is_homepage else html.unescape(str(page.title or config.site_name))
        description = description or config.site_description or ""
        generated = self.generated.get(src)
        entry = self.by_source.get(generated.source) if generated and generated.source else None
        modified = page.update_date
        graph = page_graph(
            path=src,
            title=title,
            description=description,
            titles={**self.titles, src: title},
            url_of=url_of,
            site_name=config.site_name,
            modified=date.fromisoformat(modified) if modified else None,
            entry=entry,
            language="en-GB" if page.meta.get("lang") == "en" else LANGUAGE,
        )
        context["rw_head"] = {
            "title": title,
            "description": description,
            "url": url_of(src),
            "image": urljoin(site_url, SHARE_IMAGE),
            "jsonld": script_text(graph),
        }
        return context

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        extra = self.prerender.extra(page.file.src_uri) if self.prerender is not None else None
        if extra is not None and extra["in"] == text_digest(html):
            return str(extra["out"])  # made by the second process from this very HTML
        return self._page_content(html, page)

    def _page_content(self, html: str, page: Page) -> str:
        # The last line of defence against hostile data: only what page content legitimately uses.
        html = sanitize_html(html)
        # An explained abbreviation must also explain itself to keyboard users: make it focusable.
        html = html.replace("<abbr title=", '<abbr tabindex="0" title=')
        # Drawings the renderer built and escaped itself, after the content policy (which allows no SVG).
        return insert_figures(html, self.figures.get(page.file.src_uri, ()))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        built, self._from_copy = self._from_copy, None
        if built is not None:
            # Built and checked in the copy: its messages and what it read from and put in the cache.
            replay_log(built.log)
            if self.cache is not None:
                self.cache.store.adopt(built.journal)
            return output
        if self.policy_pool is not None:
            return self._final_later(output, page.file.src_uri, Path(page.file.abs_dest_path))
        return self._final(output, page.file.src_uri)

    def _final_later(self, output: str, name: str, target: Path) -> str:
        """The page policy in the worker process: the page is written as rendered now, and written
        again, cleaned, before the build ends if the policy changes it (see output/policy_pool.py)."""
        assert self.policy_pool is not None
        key = None
        if self.cache is not None:
            key = self.cache.page_key(output, self.inline_hashes)
            hit = self.cache.cached_page(key, output)
            if hit is not None:
                self._report_removed(name, hit[1])
                return hit[0]
        self.policy_pool.submit(target, name, output, self.inline_hashes, key)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or not template_name.endswith(".html"):
            return None
        return self._final(output_content, template_name)

    def _final(self, output: str, name: str) -> str:
        """The last line of defence, after the theme: the whole page through the one page policy."""
        if self.cache is not None:
            cleaned, removed = self.cache.sanitize_page(output, self.inline_hashes)
        else:
            cleaned, removed = sanitize_page(output, self.inline_hashes)
        self._report_removed(name, removed)
        return cleaned

    @staticmethod
    def _report_removed(name: str, removed: list[str]) -> None:
        for item in removed:
            log.info(f"{name}: verwijderd uit de uiteindelijke pagina: {item}")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._end_prebuild()
        if self.policy_pool is not None:
            # Before anything reads the pages back: every page checked, and the changed ones rewritten.
            for checked in self.policy_pool.collect():
                self._report_removed(checked.name, checked.removed)
                if self.cache is not None and checked.key is not None:
                    self.cache.keep_page(checked.key, checked.cleaned, checked.removed)
        # Which data file each generated page comes from, for the link check (it never re-renders).
        (Path(config.site_dir) / MANIFEST_PATH).write_text(manifest_json(self.manifest), encoding="utf-8")
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            text, changed = sanitize_search_index(index.read_text(encoding="utf-8"))
            if changed:
                log.info(f"search/search_index.json: {changed} titels of teksten opgeschoond")
                index.write_text(text, encoding="utf-8")
        if self.cache is not None:
            self.cache.finish()
        self._collect_as_usual()

    def _end_prebuild(self) -> None:
        if self.prebuild is not None:
            self.prebuild.close()
            self.prebuild = None
        self._from_copy = None

    def _end_prerender(self) -> list[dict[str, Any]]:
        """The second process has ended; what it made after rendering pages this build used."""
        if self.prerender is None:
            return []
        extras = self.prerender.close()
        self.prerender = None
        return extras

    def _collect_as_usual(self) -> None:
        if self._restore_collector is not None:
            self._restore_collector()
            self._restore_collector = None

    def on_build_error(self, *, error: Exception) -> None:
        self._end_prerender()
        self._end_prebuild()
        self._collect_as_usual()
        if self.policy_pool is not None:
            self.policy_pool.discard()

    def on_shutdown(self) -> None:
        if self._worker is not None:
            self._worker.close(wait=not self.is_serve)
            self._worker = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if not self.config.enabled:
            return server
        poll_every(server, [config.docs_dir, config.config_file_path])
        server.watch(str(self.root / self.config.data_dir))
        # The first build has just finished (it never fails on bad data while serving).
        self.serve_state.finished(self.data_problems)
        app = server.get_app()
        if app is not None:
            server.set_app(serve_with_errors(app, self.serve_state))
        server.builder = self._reported(server.builder)
        return server

    def _reported(self, build: Any) -> Any:
        """The server's rebuild, reporting its outcome to the error page instead of raising."""

        def rebuild(*args: Any, **kwargs: Any) -> None:
            collector = WarningCollector()
            # Not the server's own request log, which speaks of requests, not of the build.
            collector.addFilter(lambda record: not record.name.startswith("mkdocs.livereload"))
            notes: list[str] = []
            try:
                with collector.attached():
                    build(*args, **kwargs)
            except Exception as exc:  # any failed build must reach the browser, never hang it
                notes = [self._describe_warning(m) for m in collector.messages] or [str(exc) or type(exc).__name__]
                notes.append("De bouw is afgebroken; de terminal toont de volledige meldingen.")
                log.error(f"De site is niet gebouwd: {exc}")
            finally:
                self.serve_state.finished(self.data_problems, notes)

        return rebuild

    def _describe_warning(self, message: str) -> str:
        """A build warning for the error page: link warnings in Dutch at their source file."""
        found = parse_mkdocs_warning(message)
        if found is None:
            return message.strip()
        source = self.manifest.get(found.page, f"docs/{found.page}")
        return f"{source}: link '{found.url}': {found.reason}"


def _expand(entry: Any, sections: dict[str, NavItem]) -> Any:
    """Replace a nav entry that points at a generated section index by the section."""
    if isinstance(entry, dict) and len(entry) == 1:
        ((title, value),) = entry.items()
        if isinstance(value, str) and value in sections and sections[value].children:
            section = sections[value]
            return {title: [value, *({child.title: child.path} for child in section.children)]}
        if isinstance(value, list):
            return {title: [_expand(v, sections) for v in value]}
    return entry


def _github_remote(root: Path) -> str | None:
    """The https URL of the checkout's GitHub remote, so edit buttons work without configuration."""
    try:
        url = subprocess.run(
            ["git", "remote", "get-url", "origin"], cwd=root, capture_output=True, text=True, timeout=5, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    if url.startswith("git@github.com:"):
        url = "https://github.com/" + url.removeprefix("git@github.com:")
    if url.startswith("https://github.com/"):
        return url.removesuffix(".git")
    return None


def _licence(config: MkDocsConfig) -> Licence:
    """The open data licence (generator.render.opendata.licence_from)."""
    try:
        return licence_from(config.extra)
    except ValueError as exc:
        raise PluginError(str(exc)) from exc


def page_filter(pages: dict[str, str]) -> Callable[..., str]:
    """The `rw_page` filter: a page's directory-style path to its real URL in this build.

    It takes the render context only so that Jinja cannot fold `{{ 'snel-weg/' | rw_page }}` into a
    constant when it compiles a template: compiled templates are cached on disk by their source
    alone, and a folded URL from one build (the offline copy's 'snel-weg.html') came back in another.
    """

    @jinja2.pass_context
    def rw_page(context: Any, path: Any) -> str:
        return pages.get(str(path), str(path))

    return rw_page


def _directory_path(src_uri: str) -> str:
    """'index.md' → '', 'contact/index.md' → 'contact/', 'snel-weg.md' → 'snel-weg/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/"
