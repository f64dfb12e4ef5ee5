"""The engine-independent path: the whole site as plain Markdown files and an engine-neutral navigation.

`python -m generator export DIR` writes

- `DIR/docs/<page.path>`: every generated page, its Markdown as `SiteRenderer` makes it (front
  matter first where the page has some), with the `abbr` definitions of the abbreviations it uses
  appended, as the MkDocs plugin does while building;
- `DIR/docs/…`: everything under docs/ copied byte for byte: the hand-written pages, the assets,
  and the theme and host files (docs/overrides/, docs/_headers), so nothing is lost;
- `DIR/docs/assets/javascripts/workers/rw-search.json`: the search terms the search worker ranks with;
- `DIR/docs/assets/javascripts/rw-gemeenten.json`: municipality → region, for the home page's region field;
- `DIR/nav.yaml`: the navigation of mkdocs.yml as a YAML list of {title, path, children}, with the
  generated sections expanded as the plugin expands them;
- `DIR/manifest.json`: which data file each generated page comes from.

It imports nothing from generator.engine and reads mkdocs.yml with PyYAML, not MkDocs: any engine
(or none) can take it from here. Everything is written into a folder beside DIR that replaces DIR
only when complete, so a failed export never leaves half a folder. See docs/engine.md.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from ..catalog import Catalog
from ..load import load_history
from ..render.english import PREFIX as ENGLISH_PREFIX
from ..render.english import english_abbreviations as english_abbreviations_of
from ..render.frame import NavItem, Page, with_page_head
from ..render.opendata import Licence, licence_from, render_open_data_page
from ..render.search import search_terms_json, written_page_keywords
from ..render.site import AbbreviationDefinitions, SiteRenderer
from ..render.wayfind import MUNICIPALITIES_PATH, municipalities_json
from .atomic import uninterrupted
from .dates import build_date
from .manifest import manifest_json
from .opendata import open_data_files
from .robots import ROBOTS_PATH, robots_txt

DOCS_DIR = "docs"
"""The Markdown tree inside the export folder."""
NAV_FILE = "nav.yaml"
MANIFEST_FILE = "manifest.json"
SEARCH_TERMS_PATH = "assets/javascripts/workers/rw-search.json"
"""Beside docs/assets/javascripts/workers/rw-search.js, which fetches it (the MkDocs plugin writes the same file)."""
NAV_EXPAND_MAX = 12
"""The plugin's default for `nav_expand_max`, used when mkdocs.yml does not set it."""

_NAV_HEADER = """\
# Routewijzer navigation, engine-neutral (written by `python -m generator export`; see docs/engine.md).
# Each item: title (null: the page's own title), path (the page it opens, relative to docs/;
# for a section its index page, or null) and children (items, in order).
"""


class ExportError(Exception):
    """A reason not to export, in Dutch; nothing has been written."""


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    generated: int
    """Generated pages written."""
    copied: int
    """Files copied from docs/."""


class _ConfigLoader(yaml.SafeLoader):
    """PyYAML's safe loader that reads a tag it does not know (MkDocs' `!ENV`, `!relative`,
    `!!python/name:`) as the plain data under it: only `nav:` and the plugin options are used."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    assert isinstance(node, yaml.MappingNode)
    return loader.construct_mapping(node, deep=True)


_ConfigLoader.add_multi_constructor("", _untagged)


def read_site_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, without MkDocs."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{config_file}: kan het bestand niet lezen ({exc.strerror})") from exc
    try:
        config = yaml.load(text, Loader=_ConfigLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ExportError(f"{config_file}: geen geldige YAML ({exc})") from exc
    if not isinstance(config, dict):
        raise ExportError(f"{config_file}: verwacht instellingen (sleutel: waarde)")
    return config


def nav_expand_max(config: dict[str, Any]) -> int:
    """The routewijzer plugin's `nav_expand_max` in mkdocs.yml, or its default."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("routewijzer"), dict):
            value = plugin["routewijzer"].get("nav_expand_max", NAV_EXPAND_MAX)
            if isinstance(value, int):
                return value
    return NAV_EXPAND_MAX


def neutral_nav(entries: list[Any], sections: list[NavItem]) -> list[dict[str, Any]]:
    """mkdocs.yml's `nav:` as {title, path, children} items, generated sections expanded.

    As in the site (Material's navigation.indexes), a section whose first entry is a bare path
    opens that page; an entry `Title: kind/index.md` that points at a generated section with
    records listed (`SiteRenderer.nav`) becomes that section, as the MkDocs plugin's `_expand` does.
    """
    by_path = {section.path: section for section in sections}
    return [_nav_node(entry, by_path) for entry in entries]


def _item(title: str | None, path: str | None, children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"title": title, "path": path, "children": children or []}


def _from_nav_item(item: NavItem) -> dict[str, Any]:
    return _item(item.title, item.path, [_from_nav_item(child) for child in item.children])


def _nav_node(entry: Any, sections: dict[str, NavItem]) -> dict[str, Any]:
    if isinstance(entry, str):
        return _item(None, entry)
    if isinstance(entry, dict) and len(entry) == 1:
        ((title, value),) = entry.items()
        if isinstance(value, str):
            section = sections.get(value)
            return _item(str(title), value, [_from_nav_item(c) for c in section.children] if section else [])
        if isinstance(value, list):
            index = value[0] if value and isinstance(value[0], str) else None
            rest = value[1:] if index is not None else value
            return _item(str(title), index, [_nav_node(v, sections) for v in rest])
    raise ExportError(f"mkdocs.yml: nav: onbekende vorm van een onderdeel: {entry!r}")


def nav_yaml(nav: list[dict[str, Any]]) -> str:
    body = yaml.safe_dump(nav, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return _NAV_HEADER + body


def page_url(path: str) -> str:
    """The URL path of a docs page with directory URLs: index.md → '', a/b.md → a/b/, a/index.md → a/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def _site_url(config: dict[str, Any]) -> str:
    """mkdocs.yml's site_url; `!ENV [NAME, default]` reads as a list here: the environment, else the default."""
    value = config.get("site_url")
    if isinstance(value, list) and value:
        names, default = value[:-1], value[-1]
        value = next((os.environ[n] for n in names if isinstance(n, str) and os.environ.get(n)), default)
    return str(value or "/")


def _open_data(catalog: Catalog, config: dict[str, Any], licence: Licence, written: set[str]) -> dict[str, str]:
    """The downloads as the plugin writes them (generator.output.opendata), and robots.txt."""
    site_url = _site_url(config)

    def url_of(path: str) -> str:
        return urljoin(site_url, page_url(path) if path.endswith(".md") else path)

    files = open_data_files(
        catalog,
        url_of=url_of,
        site_name=str(config.get("site_name") or ""),
        licence=licence,
        built=build_date(),
        contact_page="over.md" if "over.md" in written else "index.md",
    )
    if site_url.startswith(("http://", "https://")):
        files[ROBOTS_PATH] = robots_txt(site_url)
    for path in files:
        if path in written:
            raise ExportError(f"{DOCS_DIR}/{path} bestaat al; dat bestand wordt uit data/ gemaakt")
    return files


def _docs_files(docs_dir: Path) -> list[Path]:
    return sorted(p for p in docs_dir.rglob("*") if p.is_file())


def _check_target(out_dir: Path, docs_dir: Path, data_dir: Path) -> None:
    """Refuse a target whose replacement would delete sources or someone's folder."""
    for source in (docs_dir, data_dir):
        if source == out_dir or source.is_relative_to(out_dir):
            raise ExportError(f"{out_dir} bevat {source}; kies een andere map voor de export")
    if out_dir.is_relative_to(docs_dir):
        raise ExportError(f"{out_dir} ligt in {docs_dir}; kies een map buiten {docs_dir.name}/")
    if out_dir.exists():
        if not out_dir.is_dir():
            raise ExportError(f"{out_dir} bestaat al en is geen map")
        is_export = (out_dir / NAV_FILE).is_file() and (out_dir / MANIFEST_FILE).is_file()
        if any(out_dir.iterdir()) and not is_export:
            raise ExportError(f"{out_dir} bestaat al en is geen eerdere export; kies een lege of nieuwe map")


def export_site(
    catalog: Catalog,
    out_dir: Path,
    *,
    docs_dir: Path,
    config_file: Path,
    data_dir: Path,
    root: Path,
) -> ExportResult:
    """Write the export into a fresh folder beside `out_dir`, then swap it in (see the module docstring)."""
    out_dir, docs_dir, data_dir, root = out_dir.resolve(), docs_dir.resolve(), data_dir.resolve(), root.resolve()
    if not docs_dir.is_dir():
        raise ExportError(f"{docs_dir}: de map met handgeschreven pagina's bestaat niet")
    _check_target(out_dir, docs_dir, data_dir)
    config = read_site_config(config_file)
    data_rel = data_dir.relative_to(root).as_posix() if data_dir.is_relative_to(root) else data_dir.as_posix()
    renderer = SiteRenderer(catalog, today=build_date(), history=load_history(root, data_rel))
    abbreviations = AbbreviationDefinitions(catalog)
    english_abbreviations = AbbreviationDefinitions(catalog, english_abbreviations_of(catalog))
    try:
        licence = licence_from(config.get("extra"))
    except ValueError as exc:
        raise ExportError(str(exc)) from exc
    pages = [*renderer.pages(), with_page_head(render_open_data_page(catalog, licence))]
    written = _docs_files(docs_dir)
    written_paths = {p.relative_to(docs_dir).as_posix() for p in written}
    for page in pages:
        if page.path in written_paths:
            raise ExportError(f"{DOCS_DIR}/{page.path} bestaat al; die pagina wordt uit data/ gemaakt")
    for generated in (SEARCH_TERMS_PATH, MUNICIPALITIES_PATH):
        if generated in written_paths:
            raise ExportError(f"{DOCS_DIR}/{generated} bestaat al; dat bestand wordt uit data/ gemaakt")
    nav_entries = config.get("nav") or []
    if not isinstance(nav_entries, list):
        raise ExportError(f"{config_file}: nav: verwacht een lijst")
    nav = neutral_nav(nav_entries, renderer.nav(nav_expand_max(config)))
    try:
        keywords = written_page_keywords(
            (
                page_url(path.relative_to(docs_dir).as_posix()),
                f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}",
                path.read_text(encoding="utf-8"),
            )
            for path in written
            if path.suffix == ".md"
        )
    except ValueError as exc:
        raise ExportError(str(exc)) from exc
    keywords.update(renderer.english.search_keywords())  # as the plugin does: the English pages' keywords

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        _write_tree(tmp, docs_dir, written, pages, abbreviations, english_abbreviations)
        _write(tmp / DOCS_DIR / SEARCH_TERMS_PATH, search_terms_json(catalog, keywords))
        for path, text in _open_data(catalog, config, licence, written_paths).items():
            _write(tmp / DOCS_DIR / path, text)
        _write(tmp / DOCS_DIR / MUNICIPALITIES_PATH, municipalities_json(catalog))
        _write(tmp / NAV_FILE, nav_yaml(nav))
        _write(tmp / MANIFEST_FILE, manifest_json({page.path: page.source for page in pages if page.source}))
        with uninterrupted():  # Ctrl-C now would leave two half-swapped folders
            old = None
            if out_dir.exists():
                old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
                out_dir.rename(old)
            try:
                tmp.rename(out_dir)
            except OSError:
                if old is not None:
                    old.rename(out_dir)  # put the previous export back
                raise
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise ExportError(
            f"{exc.filename or out_dir}: kan niet schrijven ({exc.strerror}); er is niets veranderd"
        ) from exc
    finally:
        if tmp.exists():
            with uninterrupted():
                shutil.rmtree(tmp, ignore_errors=True)
    return ExportResult(out_dir, len(pages), len(written))


def _write_tree(
    tmp: Path,
    docs_dir: Path,
    written: list[Path],
    pages: list[Page],
    abbreviations: AbbreviationDefinitions,
    english: AbbreviationDefinitions,
) -> None:
    docs = tmp / DOCS_DIR
    for path in written:
        target = docs / path.relative_to(docs_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for page in pages:
        # English pages explain abbreviations in English, as the plugin's on_page_markdown does.
        block = (english if page.path.startswith(ENGLISH_PREFIX) else abbreviations).for_markdown(page.markdown)
        _write(docs / page.path, f"{page.markdown}\n\n{block}\n" if block else page.markdown)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
