"""The offline copy: the whole site built to open from disk (file://), for the pull request's
preview and for professionals without a connection (`make offline`, `python -m generator offline`).

Material's offline plugin does most of it: pages as files (`use_directory_urls: false`, so a link
opens `regio/x.html`, not a folder listing) and the search index also as a script
(`search/search_index.js`), which a page can load from disk where it cannot fetch JSON. Two things
are Routewijzer's own:

- The plugin would add the iframe-worker shim from a CDN (the site makes no request to another
  host, and that shim writes inline scripts, which the Content-Security-Policy forbids); instead
  `extra.polyfills` lists docs/assets/javascripts/rw-file-worker.js, which runs the search worker
  in a frame from external files only. The routewijzer plugin drops any polyfill from another host.
- The routewijzer plugin writes the search worker's data also as a script (`rw-search-data.js`,
  see `plugin.SEARCH_TERMS_SCRIPT`), because the worker cannot fetch rw-search.json from disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import ConfigurationError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

FILE_WORKER = "assets/javascripts/rw-file-worker.js"
"""The search worker for file:// (docs/assets/javascripts/rw-file-worker.js)."""
OFFLINE_FLAG = "rw_offline"
"""`config.extra[OFFLINE_FLAG]` is True in an offline build (the plugin writes rw-search-data.js then)."""


def make_offline(config: MkDocsConfig) -> None:
    """Turn a loaded configuration into the offline copy's (before the build starts)."""
    from material.plugins.offline.plugin import OfflinePlugin

    config.use_directory_urls = False
    config.extra["polyfills"] = [FILE_WORKER]
    config.extra[OFFLINE_FLAG] = True
    plugin = OfflinePlugin()
    errors, _ = plugin.load_config({}, config.config_file_path)
    if errors:
        raise ConfigurationError(f"Material's offline plugin: {errors}")
    config.plugins["material/offline"] = plugin
