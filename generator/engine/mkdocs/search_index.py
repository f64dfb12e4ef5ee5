"""Material's search entries: reused from the build cache, or made in the page policy's worker.

Material's search plugin indexes each page by parsing its HTML on MkDocs' one thread: about a
tenth of a large clean build. A page's entries depend only on its address, title, front matter,
content and table of contents, and on the plugin's settings. So:

- with the build cache, a page whose inputs did not change reuses its entries ("search" space);
- with a page policy worker (output/policy_pool.py, large sites on two or more cores), a page's
  entries are made in that worker while MkDocs renders the next page, and put back in their
  place, in page order, just before Material writes `search/search_index.json`;
- otherwise Material indexes the page itself, as without this module.

The index is the same byte for byte either way (tests/test_build_cache.py builds with and without
the worker and the cache and compares every file).
"""

from __future__ import annotations

import json
from concurrent.futures import Future
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from ...output.cache import ResultCache, digest
from .cache import canonical, engine_versions, plain_value, toc_data, toc_from

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from ...output.policy_pool import PagePolicyPool


@dataclass
class _Later:
    """The place of a page's entries in the index while the worker makes them."""

    entries: Future[list[dict[str, Any]]]
    key: str | None


def index_page(
    settings: dict[str, Any], url: str, title: str | None, meta: dict[str, Any], content: str, toc: list[Any]
) -> list[dict[str, Any]]:
    """In the worker: the entries Material's search index makes for one page."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(**settings)
    index.add_entry_from_context(SimpleNamespace(url=url, title=title, meta=meta, content=content, toc=toc_from(toc)))
    return list(index.entries)


def index_search(config: MkDocsConfig, *, store: ResultCache | None, pool: PagePolicyPool | None) -> None:
    """Take over this build's search indexing (see the module docstring); nothing when neither helps."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    add = getattr(index, "add_entry_from_context", None)
    generate = getattr(index, "generate_search_index", None)
    entries = getattr(index, "entries", None)
    if plugin is None or index is None or add is None or generate is None or not isinstance(entries, list):
        return
    if store is None and pool is None:
        return
    settings = dict(plugin.config)
    settings_key = digest(engine_versions(), canonical(settings))

    def add_entry_from_context(page: Page) -> None:
        key = None
        toc = toc_data(page.toc)
        if store is not None:
            try:
                meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=plain_value)
            except TypeError:
                meta = None
            if meta is not None:
                key = digest(
                    settings_key,
                    page.url,
                    str(page.title),
                    meta,
                    page.content or "",
                    json.dumps(toc, ensure_ascii=False),
                )
                hit = store.get("search", key)
                if isinstance(hit, list):
                    entries.extend(hit)
                    return
        if pool is not None:
            made = pool.run(index_page, settings, page.url, page.title, page.meta, page.content or "", toc)
            entries.append(_Later(made, key))
            return
        before = len(entries)
        add(page)
        if store is not None and key is not None:
            store.put("search", key, entries[before:])

    def generate_search_index(*args: Any, **kwargs: Any) -> Any:
        if any(isinstance(entry, _Later) for entry in entries):
            ready: list[Any] = []
            for entry in entries:
                if not isinstance(entry, _Later):
                    ready.append(entry)
                    continue
                made = entry.entries.result()  # raises what the worker raised: the build fails
                if store is not None and entry.key is not None:
                    store.put("search", entry.key, made)
                ready.extend(made)
            entries[:] = ready
        return generate(*args, **kwargs)

    index.add_entry_from_context = add_entry_from_context
    index.generate_search_index = generate_search_index


__all__ = ["index_page", "index_search"]
