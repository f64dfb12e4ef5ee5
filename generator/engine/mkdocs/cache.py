"""Reuse MkDocs's per-page work across builds when its inputs are the same (`make check`, `make serve`).

Profiling `python -m generator check` on the real data showed most of the time in three per-page
steps that are pure functions of their inputs: Python-Markdown (`Page.render`), the theme's Jinja
templates and the final page policy (`sanitize_page`). An edit changes a few pages; the rest come
out exactly as before. So each step's result is filed in a `ResultCache` under a digest of
everything it reads, and looked up instead of recomputed:

- Markdown (`cached_render`, installed per page in `on_pre_page`): the page's Markdown after every
  `on_page_markdown`, its file and URL, every file of the site with its URL (links resolve
  against them), the Markdown and validation settings, the package versions and the log level.
  Stored: the HTML, the table of contents, the title found in it, its anchors, its links to
  anchors elsewhere (MkDocs validates those after all pages, from these), and every message MkDocs
  logged while rendering, which a hit logs again (strict mode counts them as before).
- Templates (`CachingEnvironment`, wrapped around the theme's environment in `on_env`): the
  template, the whole configuration, the theme's template files, the navigation with every title
  and URL, the page (content, table of contents, meta, title, URLs, neighbours) and every other
  value in the template context. A context value that cannot be written down exactly (an object
  from another plugin) turns the cache off for that page.
- The page policy: the final document itself (`cached_sanitize_page`).

A cached build writes byte-identical files to a clean one (tests/test_build_cache.py). Not cached,
because they cannot be keyed exactly: Markdown extensions that read files themselves
(`pymdownx.snippets`) turn the Markdown cache off.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.bccache
import markdown
import mkdocs
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme

from ...output.cache import ResultCache, code_digest, digest
from ...output.sanitize import sanitize_page
from .rendered import Render, render_to_data, replay, toc_data

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

VERSION = "1"
"""Bump when what a cached value means changes."""

_FILE_READING_EXTENSIONS = frozenset({"pymdownx.snippets", "markdown_include.include", "mdx_include"})
_PAGE_LOG = logging.getLogger("mkdocs.structure.pages")
_STANDARD_CONTEXT = frozenset(
    {"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "build_date_utc", "config", "page"}
)


@functools.cache
def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = [VERSION, code_digest(__name__), sys.version, mkdocs.__version__, markdown.__version__, jinja2.__version__]
    for name in ("mkdocs-material", "pymdown-extensions", "nh3"):
        try:
            found.append(version(name))
        except PackageNotFoundError:
            found.append("-")
    return "|".join(found)


def canonical(value: Any) -> str:
    """A text that is equal for equal settings in every process: sets sorted, themes taken apart.

    Anything else falls back to `repr`; an object whose repr holds its address only makes every
    build a miss, never a wrong hit.
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return repr(value)
    if isinstance(value, Mapping):
        items = sorted((canonical(k), canonical(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, (set, frozenset)):
        return "set(" + ", ".join(sorted(canonical(v) for v in value)) + ")"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(canonical(v) for v in value) + "]"
    if isinstance(value, Theme):
        return "Theme" + canonical(
            {"name": value.name, "dirs": value.dirs, "static": value.static_templates, "vars": dict(value.items())}
        )
    return repr(value)


def config_digest(config: MkDocsConfig) -> str:
    """Every setting, the plugins' own settings included (the plugin objects themselves are not data)."""
    skip = {"plugins", "site_dir", "strict", "watch", "dev_addr", "config_file_path"}
    parts = [f"{key}={canonical(config[key])}" for key in sorted(config) if key not in skip]
    parts += [f"plugin {name}={canonical(dict(plugin.config))}" for name, plugin in config.plugins.items()]
    return digest(*parts)


def _is_installed(folder: Path) -> bool:
    """A theme folder of an installed package (fixed per version), not one of the project's own."""
    return "site-packages" in folder.parts or "dist-packages" in folder.parts


def theme_digest(config: MkDocsConfig) -> tuple[str, bool]:
    """The theme's template files (packaged themes by version) and whether any template reads the build date."""
    parts: list[str] = []
    uses_date = False
    for folder in config.theme.dirs:
        root = Path(folder)
        packaged = _is_installed(root)
        parts.append(f"dir {root.as_posix()} {'packaged' if packaged else ''}")
        if packaged:
            uses_date = uses_date or _packaged_uses_date(str(root))
            continue  # fixed per installed version, which is part of the digest
        for rel in _files_under(str(root)):
            text = (root / rel).read_bytes()
            uses_date = uses_date or b"build_date_utc" in text
            parts.append(rel)
            parts.append(text.decode("utf-8", "replace"))
    return digest(_versions(), *parts), uses_date


@functools.cache
def _packaged_templates(folder: str) -> tuple[str, ...]:
    """Every file of an installed theme folder, as Jinja names it (read once per process)."""
    return tuple(jinja2.FileSystemLoader(folder).list_templates())


def list_theme_files_once(theme: Any) -> None:
    """MkDocs lists every file of every theme folder at each build, to find the theme's static files;
    Material's folder holds thousands of icons, and this was a fifth of a rebuild under `make serve`.
    An installed theme does not change while the process runs, so its list is read once; the
    project's own theme folder (docs/overrides) is read every time. Same names, same order."""
    get_env = theme.get_env

    def env_with_cached_listing() -> jinja2.Environment:
        env: jinja2.Environment = get_env()
        loader = env.loader
        if not isinstance(loader, jinja2.FileSystemLoader):
            return env

        def list_templates() -> list[str]:
            found: set[str] = set()
            for folder in loader.searchpath:
                root = Path(folder)
                if _is_installed(root):
                    found.update(_packaged_templates(str(folder)))
                else:
                    found.update(jinja2.FileSystemLoader(folder).list_templates())
            return sorted(found)

        loader.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = env_with_cached_listing


def _files_under(root: str, *, skip_icons: bool = False) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(root):
        if skip_icons:
            dirs[:] = [d for d in dirs if d != ".icons"]
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        found += [name if rel == "." else f"{rel}/{name}" for name in names]
    return sorted(found)


@functools.cache
def _packaged_uses_date(root: str) -> bool:
    """Whether an installed theme's templates read the build date (read once per process)."""
    return any(
        b"build_date_utc" in Path(root, rel).read_bytes()
        for rel in _files_under(root, skip_icons=True)
        if rel.endswith((".html", ".xml"))
    )


def _nav_data(items: Any) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            out.append(["S", item.title, _nav_data(item.children)])
        elif isinstance(item, Link):
            out.append(["L", item.title, item.url])
        elif isinstance(item, Page):
            # The theme's navigation also reads other pages' front matter (NAV_META: icon, status, subtitle).
            out.append(["P", item.title, item.url, item.file.src_uri, _meta_text(_nav_meta(item.meta))])
        else:
            out.append(["?", repr(item)])
    return out


def _search_index(config: MkDocsConfig) -> tuple[Any, str] | None:
    """Material's search index of this build and a digest of its settings, or None without one."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if plugin is None or index is None:
        return None
    if getattr(index, "add_entry_from_context", None) is None or not isinstance(getattr(index, "entries", None), list):
        return None
    return index, digest(_versions(), canonical(dict(plugin.config)))


def _search_key(settings: str, page: Page) -> str | None:
    """Everything Material's search reads of a page; None when its front matter cannot be written down."""
    try:
        meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=_plain)
    except TypeError:
        return None
    return digest(
        settings,
        page.url,
        str(page.title),
        meta,
        page.content or "",
        json.dumps(toc_data(page.toc), ensure_ascii=False),
    )


def search_entries(config: MkDocsConfig, page: Page) -> tuple[str, list[Any]] | None:
    """The page's search entries as Material's search would add them now, with their key (`wrap_search`)."""
    found = _search_index(config)
    if found is None:
        return None
    index, settings = found
    key = _search_key(settings, page)
    if key is None:
        return None
    before = len(index.entries)
    index.add_entry_from_context(page)
    entries = index.entries[before:]
    del index.entries[before:]
    return key, entries


def wrap_search(
    config: MkDocsConfig,
    lookup: Callable[[str], list[Any] | None] | None,
    keep: Callable[[str, list[Any]], None] | None = None,
    first: Callable[[Page], list[Any] | None] | None = None,
) -> list[Any] | None:
    """Let Material's search take a page's entries from `first` (by page: a page the second
    process built, prerender.py) or `lookup` (by `search_entries`' key) when they have them; the
    entries it makes itself go to `keep`. Returns Material's list of entries (None: no search)."""
    found = _search_index(config)
    if found is None:
        return None
    index, settings = found
    add, entries = index.add_entry_from_context, index.entries

    def add_or_reuse(page: Page) -> None:
        given = first(page) if first is not None else None
        if given is not None:
            entries.extend(given)
            return
        key = _search_key(settings, page) if lookup is not None or keep is not None else None
        if key is None:  # nothing to look up or keep by key
            add(page)
            return
        hit = lookup(key) if lookup is not None else None
        if hit is not None:
            entries.extend(hit)
            return
        before = len(entries)
        add(page)
        if keep is not None:
            keep(key, entries[before:])

    index.add_entry_from_context = add_or_reuse
    return entries  # type: ignore[no-any-return]


class BuildCache:
    """The caches of one plugin instance: one per `mkdocs serve` process, one per `make check`."""

    def __init__(self, store: ResultCache) -> None:
        self.store = store
        folder = store.folder / "jinja" if store.folder is not None else None
        self.bytecode: jinja2.BytecodeCache = _MemoryBytecodeCache(folder)
        self._files: tuple[int, str] | None = None
        self._markdown_settings: str | None = None
        self._template_globals: str | None = None
        self._uses_date = False

    def begin(self) -> None:
        """A new build: the files, settings and navigation are read again."""
        self._files = None
        self._markdown_settings = None
        self._template_globals = None

    def finish(self) -> None:
        self.store.finish(("markdown", "template", "page", "search"))

    # ---- Markdown

    def _markdown_key(self, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self._files is None or self._files[0] != id(files):
            listed = sorted(f"{f.src_uri}\0{f.dest_uri}\0{f.url}\0{f.inclusion.name}" for f in files)
            self._files = (id(files), digest(*listed))
        if self._markdown_settings is None:
            extensions = [e if isinstance(e, str) else type(e).__module__ for e in config["markdown_extensions"]]
            if _FILE_READING_EXTENSIONS & set(extensions):
                self._markdown_settings = ""
            else:
                self._markdown_settings = digest(
                    _versions(),
                    canonical(config["markdown_extensions"]),
                    canonical(config["mdx_configs"]),
                    canonical(config["validation"]),
                    canonical(config["use_directory_urls"]),
                    canonical(config["docs_dir"]),
                    canonical(config["site_url"]),
                )
        if not self._markdown_settings or page.markdown is None:
            return None
        level = str(_PAGE_LOG.getEffectiveLevel())
        return digest(self._markdown_settings, self._files[1], level, page.file.src_uri, page.file.url, page.markdown)

    def render(self, page: Page, config: MkDocsConfig, files: Files, render: Render = Page.render) -> None:
        """`render` (`Page.render`), or its stored result when the same Markdown was rendered against the same site."""
        key = self._markdown_key(page, config, files)
        if key is not None:
            hit = self.store.get("markdown", key)
            if hit is not None:
                replay(page, files, hit)
                return
        data = render_to_data(page, config, files, render)
        if key is not None:
            self.store.put("markdown", key, data)

    def has_markdown(self, page: Page, config: MkDocsConfig, files: Files) -> bool:
        """Whether `render` would find this page's rendering stored (its `markdown` as set)."""
        key = self._markdown_key(page, config, files)
        return key is not None and self.store.get("markdown", key) is not None

    # ---- templates

    def begin_templates(self, config: MkDocsConfig, nav: Navigation, files: Files) -> None:
        """Everything every page's template reads besides the page: after all pages are rendered."""
        theme, self._uses_date = theme_digest(config)
        # Of the other pages, a template shows only what the navigation shows: their address, title
        # and the front-matter fields in NAV_META. Not all of their front matter: then one edited
        # summary (a page's description) would render every page again.
        pages = [
            f"{f.url}\0{f.page.title if f.page else ''}\0{_meta_text(_nav_meta(f.page.meta)) if f.page else ''}"
            for f in files.documentation_pages()
        ]
        self._template_globals = digest(
            theme,
            config_digest(config),
            json.dumps(_nav_data(nav.items), ensure_ascii=False),
            "date" if self._uses_date else "",
            *pages,
        )

    def template_key(self, name: str, context: dict[str, Any]) -> str | None:
        page = context.get("page")
        if self._template_globals is None or not isinstance(page, Page):
            return None
        parts = [self._template_globals, name]
        for key in sorted(context):
            if key in {"nav", "pages", "config", "page"}:
                continue
            if key == "build_date_utc" and not self._uses_date:
                continue
            try:
                parts.append(f"{key}={json.dumps(context[key], sort_keys=True, ensure_ascii=False, default=_plain)}")
            except TypeError:
                return None  # a value that cannot be written down exactly: do not cache this page
        try:
            meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=_plain)
        except TypeError:
            return None

        def neighbour(other: Any) -> str:
            return "" if other is None else f"{other.url}\0{other.title}"

        parts += [
            page.file.src_uri,
            page.url,
            str(page.canonical_url),
            str(page.abs_url),
            str(page.edit_url),
            str(page.title),
            str(page.is_homepage),
            meta,
            page.content or "",
            json.dumps(toc_data(page.toc), ensure_ascii=False),
            neighbour(page.previous_page),
            neighbour(page.next_page),
            "\0".join(f"{a.title}" for a in page.ancestors),
        ]
        return digest(*parts)

    def wrap(self, env: jinja2.Environment) -> jinja2.Environment:
        """The theme's environment, whose page templates look up their output before rendering.

        MkDocs makes a new environment for every build, which compiles every template again; the
        compiled templates are kept by Jinja's own bytecode cache, keyed by each template's source.
        """
        if env.bytecode_cache is None:
            env.bytecode_cache = self.bytecode
        get_template = env.get_template
        cache = self

        def cached_get_template(name: Any, parent: str | None = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            if parent is not None or globals is not None or not isinstance(name, str):
                return template  # an {% extends %} or {% include %} inside a template
            return _CachedTemplate(template, name, cache)

        env.get_template = cached_get_template  # type: ignore[method-assign]
        return env

    # ---- Material's search index

    def wrap_search(
        self,
        config: MkDocsConfig,
        also: Mapping[str, list[Any]] | None = None,
        first: Callable[[Page], list[Any] | None] | None = None,
    ) -> list[Any] | None:
        """Material's search plugin indexes each page by parsing its HTML; reuse its entries for the
        same page: stored ones, or `also` (entries the second process made, prerender.py)."""

        def lookup(key: str) -> list[Any] | None:
            hit = self.store.get("search", key)
            if isinstance(hit, list):
                return hit
            made = also.get(key) if also is not None else None
            if made is not None:
                self.store.put("search", key, made)
            return made

        return wrap_search(config, lookup, lambda key, entries: self.store.put("search", key, entries), first)

    # ---- the page policy

    def page_key(self, document: str, inline_hashes: frozenset[str]) -> str:
        return digest(code_digest(sanitize_page.__module__), "\0".join(sorted(inline_hashes)), document)

    def cached_page(self, key: str, document: str) -> tuple[str, list[str]] | None:
        """The page policy's stored outcome for this page, or None."""
        hit = self.store.get("page", key)
        if hit is None:
            return None
        return (document if hit[0] is None else hit[0]), list(hit[1])

    def keep_page(self, key: str, cleaned: str | None, removed: list[str]) -> None:
        """Store an outcome; an unchanged page is stored as None (no second copy of every page)."""
        self.store.put("page", key, [cleaned, removed])

    def sanitize_page(self, document: str, inline_hashes: frozenset[str]) -> tuple[str, list[str]]:
        key = self.page_key(document, inline_hashes)
        hit = self.cached_page(key, document)
        if hit is not None:
            return hit
        cleaned, removed = sanitize_page(document, inline_hashes)
        self.keep_page(key, None if cleaned == document else cleaned, removed)
        return cleaned, removed


NAV_META = ("icon", "status", "subtitle")
"""The front-matter fields of other pages that the theme's templates read (Material's navigation:
`nav_item.meta.icon`, `.status`, `.subtitle`). tests/test_build_cache.py reads every template for
`<something>.meta.<field>` about a page other than the current one and fails on a field not listed."""


def _nav_meta(meta: Any) -> Any:
    if not isinstance(meta, dict):
        return meta
    return {key: meta[key] for key in NAV_META if key in meta}


def _meta_text(meta: Any) -> str:
    try:
        return json.dumps(meta, sort_keys=True, ensure_ascii=False, default=_plain)
    except TypeError:
        return f"unkeyable {os.urandom(16).hex()}"  # never equal to anything: a miss, never a wrong hit


def _plain(value: Any) -> Any:
    """JSON for the few non-JSON values of a context or page meta that can be written down exactly."""
    import datetime

    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    raise TypeError(type(value).__name__)


def _environment_digest(env: jinja2.Environment) -> str:
    """What compiled template code depends on besides its source: the versions and the plugin's code
    (constant filters are folded in at compile time), how each filter and test is called (with or
    without the render context), and the settings that change the generated code."""
    from jinja2.utils import _PassArg

    def callables(table: dict[str, Any]) -> list[str]:
        return [f"{name}:{_PassArg.from_obj(func)}" for name, func in sorted(table.items())]

    settings = [repr(env.autoescape), str(env.optimized), str(env.finalize is not None), str(env.is_async)]
    settings += [*sorted(env.extensions), env.block_start_string, env.variable_start_string, env.comment_start_string]
    plugin = code_digest("generator.engine.mkdocs.plugin")
    return digest(_versions(), plugin, *callables(env.filters), "|", *callables(env.tests), "|", *settings)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled templates in memory (one `mkdocs serve`) and, if given a folder, on disk.

    Jinja checks each entry against its template's source checksum, so a changed template is compiled again.
    """

    def __init__(self, folder: Path | None) -> None:
        self._env: jinja2.Environment | None = None
        self._env_digest = ""
        self.memory: dict[str, bytes] = {}
        self.disk = jinja2.FileSystemBytecodeCache(str(folder)) if folder is not None else None
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                self.disk = None

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        """Jinja files compiled code under the template's name and checks its source; the code also
        depends on the environment (how each filter is called, constants folded by filters of the
        plugin's code), so that is part of the key too."""
        if self._env is not environment:  # one environment per build: its digest once
            self._env, self._env_digest = environment, _environment_digest(environment)[:16]
        key = f"{self.get_cache_key(name, filename)}-{self._env_digest}"
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.memory.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.memory[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            try:
                self.disk.dump_bytecode(bucket)
            except OSError:
                self.disk = None


class _CachedTemplate:
    """A page template whose `render` looks up its output first; everything else is the template's."""

    def __init__(self, template: jinja2.Template, name: str, cache: BuildCache) -> None:
        self._template = template
        self._name = name
        self._cache = cache

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = args[0] if len(args) == 1 and not kwargs and isinstance(args[0], dict) else None
        key = self._cache.template_key(self._name, context) if context is not None else None
        if key is not None:
            hit = self._cache.store.get("template", key)
            if isinstance(hit, str):
                return hit
        output: str = self._template.render(*args, **kwargs)
        if key is not None:
            self._cache.store.put("template", key, output)
        return output

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


__all__ = ["BuildCache", "config_digest", "theme_digest"]
