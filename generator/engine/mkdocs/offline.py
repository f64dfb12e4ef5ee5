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
- `OfflineDataPlugin` (registered here, offline builds only) does the same for the home page's
  region finder: the municipality list (rw-gemeenten.json) also as `rw-gemeenten.js`, with each
  region's URL as this build has it (`regio/x.html`); partials/rw-home.html loads that script
  when `extra.rw_offline` is set, and rw-home.js then reads it instead of fetching.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.config.base import Config
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ...render.wayfind import MUNICIPALITIES_PATH, MUNICIPALITIES_SCRIPT, municipalities_script

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
    config.plugins["routewijzer/offline-data"] = OfflineDataPlugin()


def directory_path(src_uri: str) -> str:
    """'index.md' → '', 'regio/index.md' → 'regio/', 'regio/x.md' → 'regio/x/' (how the data names pages)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/"


class OfflineDataConfig(Config):  # type: ignore[no-untyped-call]
    """No options: the plugin is registered by `make_offline`, never in mkdocs.yml."""


class OfflineDataPlugin(BasePlugin[OfflineDataConfig]):  # type: ignore[no-untyped-call]
    """The offline copy's data scripts for pages opened from disk (see the module docstring)."""

    # After every other plugin's on_files: the routewijzer plugin has added the JSON by then.
    @event_priority(-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        source = files.get_file_from_path(MUNICIPALITIES_PATH)
        if source is None:
            return None
        urls = {directory_path(f.src_uri): f.url for f in files.documentation_pages()}

        def url_of(path: str) -> str:
            if path not in urls:
                raise PluginError(f"{MUNICIPALITIES_PATH}: de pagina {path} bestaat niet in deze build")
            return urls[path]

        script = municipalities_script(source.content_string, url_of)
        files.append(File.generated(config, MUNICIPALITIES_SCRIPT, content=script))
        return files
