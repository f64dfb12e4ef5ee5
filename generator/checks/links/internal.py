"""Internal links and anchors of a built site, each broken one traced back to its source line.

`check_site` reads every HTML page of a built site and checks that each link to a page or
asset of the site resolves to a file, and that each `#anchor` exists on its target page
(also on other pages). MkDocs validates the links written in Markdown; this check also
sees raw HTML links, links the theme writes and links MkDocs leaves as they are.

`trace` turns each broken link into a `Problem` an editor can act on: the YAML record (file,
line, field) or the Markdown file and line the link is written in. It also places MkDocs's
own link warnings, which name generated pages (les/x.md) that exist in no folder, at
their YAML line. Nothing here imports MkDocs; the caller says where each page came from.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ...catalog import Catalog
from ...output.cache import ResultCache, code_digest, digest
from ...output.manifest import LinkWarning
from ...problems import Problem
from ...yamlfile import LineDict, LineList
from .scan import ScannedPage, line_at, scan_html

_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


# --------------------------------------------------------------------------- the built site


@dataclass(frozen=True)
class BrokenLink:
    """A link on a built page that leads nowhere."""

    page: str
    """The HTML file, relative to the site folder (regio/groningen/index.html)."""
    url: str
    """The link exactly as it stands in the HTML."""
    reason: str
    """Why it is broken, in Dutch."""
    html_line: int
    target_page: str | None = None
    """For a missing anchor: the HTML file that lacks it."""
    fragment: str = ""
    """For a missing anchor: the anchor, as written."""


@dataclass
class SiteCheck:
    """The outcome of `check_site`."""

    broken: list[BrokenLink]
    pages: int
    links: int


def _site_files(root: Path) -> set[str]:
    files: set[str] = set()
    for folder, _dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        files.update(prefix + name for name in names)
    return files


def _resolve(base_dir: str, path: str) -> str | None:
    """The site path a relative URL path points at, or None when it leaves the site."""
    normal = posixpath.normpath(posixpath.join(base_dir, path) if base_dir else path)
    if normal == ".":
        return ""
    if normal == ".." or normal.startswith("../"):
        return None
    return normal + "/" if path.endswith("/") else normal


def _served_file(files: set[str], path: str) -> str | None:
    """The file a site path is served from (a folder serves its index.html)."""
    if path == "" or path.endswith("/"):
        candidate = path + "index.html"
        return candidate if candidate in files else None
    if path in files:
        return path
    candidate = path + "/index.html"
    return candidate if candidate in files else None


def _shown_page(page: str) -> str:
    """How a built page is named for editors: regio/groningen/ rather than regio/groningen/index.html."""
    if page == "index.html":
        return "de startpagina"
    return page[: -len("index.html")] if page.endswith("/index.html") else page


def check_site(site_dir: Path, *, site_url: str | None = None, cache: ResultCache | None = None) -> SiteCheck:
    """Every broken internal link and anchor of the site built in `site_dir`.

    `cache` keeps each page's anchors by the digest of its HTML, and each page's broken links by its
    HTML and the site's files and anchors.

    `site_url` (from mkdocs.yml) lets absolute links into the site itself be checked, as
    MkDocs writes them on 404.html; without it, 404.html is skipped.
    """
    files = _site_files(site_dir)
    base_url, base_path = _split_site_url(site_url)
    pages = sorted(f for f in files if f.endswith(".html"))
    texts: dict[str, str] = {}
    text_keys: dict[str, str] = {}
    scanned: dict[str, ScannedPage] = {}
    ids: dict[str, set[str]] = {}
    for page in pages:
        texts[page] = (site_dir / page).read_text(encoding="utf-8", errors="replace")
        if cache is None:
            scanned[page] = scan_html(texts[page])
            ids[page] = scanned[page].ids
        else:
            text_keys[page] = digest(texts[page])
            ids[page] = _ids(texts[page], text_keys[page], cache, scanned, page)

    # A page's outcome depends on its own HTML and on what exists in the whole site (files and
    # anchors): with the cache, a page is checked again only when either changed. An edited
    # summary changes a few pages and no file or anchor, so the other pages are not checked again.
    site_index = (
        digest(
            code_digest(__name__),
            base_url or "",
            base_path,
            *sorted(files),
            *(f"{page}\0{' '.join(sorted(ids[page]))}" for page in pages),
        )
        if cache is not None
        else ""
    )
    broken: list[BrokenLink] = []
    links = 0
    for page in pages:
        if page == "404.html" and base_url is None:
            continue
        key = digest(site_index, page, text_keys[page]) if cache is not None else ""
        hit = cache.get("linkcheck", key) if cache is not None else None
        if hit is not None:
            links += int(hit[0])
            broken += [BrokenLink(*item) for item in hit[1]]
            continue
        found: list[BrokenLink] = []
        base_dir = page.rpartition("/")[0]
        if page not in scanned:
            scanned[page] = scan_html(texts[page])
        for link in scanned[page].links:
            problem = _check_link(files, ids, page, base_dir, link.url, base_url, base_path)
            if problem is not None:
                reason, target_page, fragment = problem
                line = line_at(texts[page], link.offset)
                found.append(BrokenLink(page, link.url, reason, line, target_page, fragment))
        links += len(scanned[page].links)
        broken += found
        if cache is not None:
            stored = [[b.page, b.url, b.reason, b.html_line, b.target_page, b.fragment] for b in found]
            cache.put("linkcheck", key, [len(scanned[page].links), stored])
    return SiteCheck(broken, len(pages), links)


def _ids(text: str, text_key: str, cache: ResultCache, scanned: dict[str, ScannedPage], page: str) -> set[str]:
    """The anchors of a page, by the digest of its HTML. Its links are read only when its outcome is
    not cached (after an edit, a few pages), so only the anchors of every page are kept."""
    key = digest(code_digest("generator.checks.links.scan"), text_key)
    hit = cache.get("ids", key)
    if hit is not None:
        return set(hit)
    scanned[page] = scan_html(text)
    cache.put("ids", key, sorted(scanned[page].ids))
    return scanned[page].ids


def _split_site_url(site_url: str | None) -> tuple[str | None, str]:
    if not site_url:
        return None, "/"
    parts = urlsplit(site_url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}", path


def _check_link(
    files: set[str],
    ids: dict[str, set[str]],
    page: str,
    base_dir: str,
    url: str,
    base_url: str | None,
    base_path: str,
) -> tuple[str, str | None, str] | None:
    """(reason, page lacking the anchor, anchor) when the link is broken; None when it works or leads elsewhere."""
    if not url or url.startswith("//"):
        return None
    if _SCHEME_RE.match(url):
        # Absolute URLs into the site itself (MkDocs writes them on 404.html and in canonical links).
        if base_url is None or not (url + "/").startswith(base_url + "/"):
            return None
        url = url[len(base_url) :] or "/"
    path, _, fragment = url.partition("#")
    path = path.partition("?")[0]
    target: str | None
    if path.startswith("/"):
        if not path.startswith(base_path) and path + "/" != base_path:
            return f"{path} ligt buiten de site, die begint bij {base_path}", None, ""
        target = _resolve("", unquote(path[len(base_path) :]))
    elif path:
        target = _resolve(base_dir, unquote(path))
        if target is None:
            return "de link wijst naar een plek buiten de site", None, ""
    else:
        target = None  # an anchor on the same page
    served = page if target is None else _served_file(files, target)
    if served is None:
        assert target is not None
        what = "het bestand" if posixpath.splitext(target.rstrip("/"))[1] else "de pagina"
        return f"{what} {target or '/'} bestaat niet", None, ""
    if not fragment or not served.endswith(".html"):
        return None
    anchor = unquote(fragment)
    present = ids.get(served, set())
    if anchor in present or fragment in present:
        return None
    return _missing_anchor(served, fragment, present, same_page=served == page), served, fragment


def _missing_anchor(page: str, fragment: str, present: Iterable[str], *, same_page: bool) -> str:
    where = "deze pagina" if same_page else f"de pagina {_shown_page(page)}"
    # Material's own ids (__drawer, __nav_2) are never what an editor meant.
    candidates = [i for i in present if not i.startswith("__")]
    guess = difflib.get_close_matches(unquote(fragment), candidates, n=1, cutoff=0.6)
    hint = f"; bedoel je '#{guess[0]}'?" if guess else ""
    return f"{where} heeft geen anker '#{fragment}'{hint}"


# --------------------------------------------------------------------------- back to the source


@dataclass(frozen=True)
class Source:
    """Where a page's content is written: a YAML record or a Markdown file."""

    path: str
    """Relative to the project root, with forward slashes (data/les/x.yaml, docs/over.md)."""
    data: LineDict | None = None
    """The parsed record, to name the field a line belongs to; None for Markdown."""


class SourceIndex:
    """Which source file each page comes from, and where in that file a link is written."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._by_page: dict[str, Source] = {}
        self._lines: dict[str, list[str]] = {}
        self.templates: list[str] = []
        """Theme overrides (docs/overrides/...) to search for links that no page source holds."""

    def add_page(self, src_uri: str, source: Source) -> None:
        """Register the source of a page by its path in the docs tree (les/x.md)."""
        self._by_page[src_uri] = source

    def add_docs(self, docs_dir: Path, *, templates: Path | None = None) -> None:
        """Register every Markdown file under `docs_dir`, and the theme overrides in `templates`."""
        for path in sorted(docs_dir.rglob("*.md")):
            if templates is not None and path.is_relative_to(templates):
                continue
            self.add_page(path.relative_to(docs_dir).as_posix(), Source(_project_path(path, self.root)))
        if templates is not None and templates.is_dir():
            self.templates += [_project_path(p, self.root) for p in sorted(templates.rglob("*.html"))]

    def page_of(self, html_page: str) -> str | None:
        """The docs path of a built page (regio/x/index.html ← regio/x.md or regio/x/index.md)."""
        return next((c for c in _page_sources(html_page) if c in self._by_page), None)

    def source(self, src_uri: str) -> Source | None:
        return self._by_page.get(src_uri)

    def lines(self, path: str) -> list[str]:
        if path not in self._lines:
            try:
                text = (self.root / path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._lines[path] = text.splitlines()
        return self._lines[path]

    def locate(self, source: Source, needles: Iterable[str]) -> tuple[int, str] | None:
        """(line, field) of the first needle written in the source, trying the needles in order."""
        lines = self.lines(source.path)
        for needle in needles:
            if not needle:
                continue
            for number, text in enumerate(lines, start=1):
                if needle in text:
                    return number, field_at(source.data, number) if source.data is not None else ""
        return None


def _project_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _page_sources(page: str) -> Iterator[str]:
    stem = page[: -len(".html")] if page.endswith(".html") else page
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        if folder:
            yield folder[:-1] + ".md"
        yield folder + "index.md"
        yield folder + "README.md"
    else:
        yield stem + ".md"


def field_at(data: LineDict | LineList, line: int) -> str:
    """The dotted field (body, sources[0].url) whose value is written on `line`."""
    parts: list[Any] = []
    node: Any = data
    while isinstance(node, (LineDict, LineList)):
        if isinstance(node, LineDict):
            keys = [k for k, at in node.lines.items() if at <= line]
            if not keys:
                break
            key: Any = max(keys, key=node.lines.__getitem__)
        else:
            indexes = [i for i, at in enumerate(node.lines) if at <= line]
            if not indexes:
                break
            key = max(indexes)
        parts.append(key)
        node = node[key]
    return dotted(parts)


def dotted(loc: Iterable[Any]) -> str:
    """('sources', 0, 'url') → sources[0].url, the way the loader names fields."""
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


def _needles(url: str) -> list[str]:
    """Ways a link in the HTML may be written in its source, most specific first."""
    path, _, fragment = url.partition("#")
    out = [url, unquote(url), url.replace("&", "&amp;")]
    if fragment:
        # MkDocs rewrites 'x.md#a' to '../x/#a': the anchor is what the editor wrote literally.
        out += [f"#{fragment}", f"#{unquote(fragment)}"]
    plain = path
    while plain.startswith(("./", "../")):
        plain = plain.partition("/")[2]
    if plain.strip("/"):
        out.append(plain)
    return list(dict.fromkeys(out))


@dataclass
class Traced:
    """Broken links and MkDocs link warnings, placed at their source lines."""

    problems: list[Problem]
    placed_warnings: list[str]
    """The MkDocs warnings that are part of `problems` (callers need not show them again)."""


def trace(
    broken: Iterable[BrokenLink],
    sources: SourceIndex,
    *,
    warnings: Iterable[LinkWarning] = (),
    site_label: str = "site",
) -> Traced:
    """One Problem per broken link, at the file and line where an editor wrote it.

    A MkDocs warning about the same link is folded into its Problem (its text is how the
    editor wrote the link). A link that no page source holds comes from the theme or the
    navigation: it is reported once, at the template that holds it or at the first built
    page, with the number of pages it is on.
    """
    pending = list(warnings)
    placed: list[str] = []
    problems: set[Problem] = set()
    unplaced: dict[tuple[str, str], list[BrokenLink]] = {}
    for link in broken:
        src_uri = sources.page_of(link.page)
        source = sources.source(src_uri) if src_uri else None
        warning = next((w for w in pending if _same_link(w, link, src_uri, sources)), None)
        written = link.url
        needles = _needles(link.url)
        reason = link.reason
        if warning is not None:
            pending.remove(warning)
            placed.append(warning.message)
            written = warning.url
            needles = [warning.url, *needles]
            suggestion = re.search(r" Did you mean '([^']*)'\?", warning.message)
            if suggestion and "bedoel je" not in reason:
                reason += f"; bedoel je '{suggestion.group(1)}'?"
        found = sources.locate(source, needles) if source is not None else None
        if source is None or found is None:
            unplaced.setdefault((link.url, link.reason), []).append(link)
            continue
        line, field_name = found
        problems.add(Problem(source.path, line, field_name, f"link naar '{written}' werkt niet: {reason}"))

    for warning in pending:
        source = sources.source(warning.page)
        found = sources.locate(source, [warning.url]) if source is not None else None
        if source is None or found is None:
            continue  # shown as MkDocs wrote it
        placed.append(warning.message)
        verb = "werkt niet" if warning.target is not None or "bestaat niet" in warning.reason else "klopt niet"
        problems.add(Problem(source.path, found[0], found[1], f"link naar '{warning.url}' {verb}: {warning.reason}"))

    for (url, reason), links in unplaced.items():
        pages = len({link.page for link in links})
        message = f"link naar '{url}' werkt niet: {reason}" + (f" (op {pages} pagina's)" if pages > 1 else "")
        template = next(
            ((path, hit[0]) for path in sources.templates if (hit := sources.locate(Source(path), _needles(url)))),
            None,
        )
        if template is not None:
            problems.add(Problem(template[0], template[1], "", message))
        else:
            problems.add(Problem(f"{site_label}/{links[0].page}", links[0].html_line, "", message))
    return Traced(sorted(problems), placed)


def _same_link(warning: LinkWarning, link: BrokenLink, src_uri: str | None, sources: SourceIndex) -> bool:
    if warning.page != src_uri:
        return False
    if warning.url == link.url:
        return True
    # MkDocs rewrote 'x.md#a' into '../x/#a'; the same anchor on the same target page is the same link.
    return (
        warning.anchor is not None
        and link.target_page is not None
        and warning.anchor == link.fragment
        and warning.target == sources.page_of(link.target_page)
    )


def index_sources(
    root: Path, catalog: Catalog, manifest: dict[str, str], docs_dir: Path, *, templates: Path | None = None
) -> SourceIndex:
    """Sources of every page: the generated pages' YAML records (from the build's manifest), then docs/."""
    index = SourceIndex(root)
    records = {entry.path: entry.data for entry in catalog.entries.values()}
    for page, source in manifest.items():
        index.add_page(page, Source(source, records.get(source)))
    index.add_docs(docs_dir, templates=templates)
    return index
