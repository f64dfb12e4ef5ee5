"""Internal links and anchors of a built site, each broken one traced back to its source line.

`check_site` reads every HTML page of a built site and checks that each link to a page or
asset of the site resolves to a file, and that each `#anchor` exists on its target page
(also on other pages). MkDocs validates links written in Markdown; this check also sees
raw HTML links, links the theme writes and links MkDocs leaves as they are.

`trace` turns each broken link into a `Problem` an editor can act on: the YAML record (file,
line, field) or the Markdown file and line the link was written in. Nothing here imports
MkDocs; the caller passes the pages and where they came from.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..loader import LineDict, LineList, Problem
from .scan import line_at, scan_html

_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_SKIPPED_FILES = ("404.html",)
"""MkDocs's 404 page links with absolute URLs to wherever the site is served; checked only with site_url."""


# --------------------------------------------------------------------------- the built site


@dataclass(frozen=True)
class BrokenLink:
    """A link on a built page that leads nowhere."""

    page: str
    """The HTML file, relative to the site folder (regio/groningen/index.html)."""
    url: str
    """The link exactly as it stands in the HTML."""
    target: str
    """What the link points at, as shown to editors (regio/x/ or regio/x/#anker)."""
    reason: str
    """Why it is broken, in Dutch."""
    html_line: int
    target_page: str | None = None
    """For a missing anchor: the HTML file that lacks it."""
    fragment: str = ""


@dataclass
class _Site:
    root: Path
    files: set[str] = field(default_factory=set)
    ids: dict[str, set[str]] = field(default_factory=dict)


def _site_files(root: Path) -> set[str]:
    files: set[str] = set()
    for folder, _dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        files.update(prefix + name for name in names)
    return files


def _page_dir(page: str) -> str:
    return page.rpartition("/")[0]


def _resolve(base_dir: str, path: str) -> str | None:
    """The site-relative path a relative URL path points at, or None when it leaves the site."""
    joined = posixpath.join(base_dir, path) if base_dir else path
    normal = posixpath.normpath(joined)
    if normal == ".":
        normal = ""
    if normal.startswith("../") or normal == "..":
        return None
    if path.endswith("/") and normal:
        normal += "/"
    return normal


def _target_file(site: _Site, path: str) -> str | None:
    """The file a site path is served from (a folder serves its index.html)."""
    if path == "" or path.endswith("/"):
        candidate = path + "index.html"
        return candidate if candidate in site.files else None
    if path in site.files:
        return path
    candidate = path + "/index.html"
    return candidate if candidate in site.files else None


def _shown(path: str) -> str:
    """How a site path is shown to editors: regio/groningen/ rather than regio/groningen/index.html."""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path or "de startpagina"


def check_site(site_dir: Path, *, site_url: str | None = None) -> list[BrokenLink]:
    """Every broken internal link and anchor of the site built in `site_dir`, in page order."""
    site = _Site(site_dir)
    site.files = _site_files(site_dir)
    base_url, base_path = _split_site_url(site_url)
    pages = sorted(f for f in site.files if f.endswith(".html"))
    scanned = {}
    texts = {}
    for page in pages:
        text = (site_dir / page).read_text(encoding="utf-8", errors="replace")
        texts[page] = text
        result = scan_html(text)
        scanned[page] = result
        site.ids[page] = result.ids

    broken: list[BrokenLink] = []
    for page in pages:
        if page in _SKIPPED_FILES and base_url is None:
            continue
        base_dir = _page_dir(page)
        for link in scanned[page].links:
            reason_target = _check_link(site, page, base_dir, link.url, base_url, base_path)
            if reason_target is not None:
                target, reason = reason_target
                broken.append(BrokenLink(page, link.url, target, reason, line_at(texts[page], link.offset)))
    return broken


def _split_site_url(site_url: str | None) -> tuple[str | None, str]:
    if not site_url:
        return None, "/"
    parts = urlsplit(site_url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}", path


def _check_link(
    site: _Site, page: str, base_dir: str, url: str, base_url: str | None, base_path: str
) -> tuple[str, str] | None:
    """(target, reason) when the link is broken; None when it works or is not internal."""
    if not url or url.startswith("//"):
        return None
    if _SCHEME_RE.match(url):
        # Absolute URLs into the site itself (MkDocs writes them on 404.html and in canonical links).
        if base_url is None or not url.startswith(base_url + "/"):
            return None
        url = url[len(base_url) :]
    path, _, fragment = url.partition("#")
    path = path.partition("?")[0]
    if path.startswith("/"):
        if not path.startswith(base_path):
            return path, f"{path} ligt buiten de site (die begint bij {base_path})"
        target_path: str | None = _resolve("", unquote(path[len(base_path) :]))
    elif path:
        target_path = _resolve(base_dir, unquote(path))
    else:
        target_path = None  # a link to an anchor on the same page
    if path and target_path is None:
        return path, "de link wijst naar een plek buiten de site"
    target_file = page if target_path is None else _target_file(site, target_path)
    if target_file is None:
        assert target_path is not None
        hint = _closest(target_path, _page_paths(site))
        what = "de pagina" if not posixpath.splitext(target_path.rstrip("/"))[1] else "het bestand"
        return target_path, f"{what} {target_path or '/'} bestaat niet{hint}"
    if not fragment or not target_file.endswith(".html"):
        return None
    anchor = unquote(fragment)
    ids = site.ids.get(target_file, set())
    if anchor in ids or fragment in ids:
        return None
    hint = _closest(anchor, ids, prefix="#")
    shown = _shown(target_file) + "#" + fragment
    if target_path is None:
        return shown, f"deze pagina heeft geen anker '#{fragment}'{hint}"
    return shown, f"de pagina {_shown(target_file)} heeft geen anker '#{fragment}'{hint}"


def _page_paths(site: _Site) -> list[str]:
    return [_shown(f) for f in site.ids]


def _closest(value: str, options: Iterable[str], prefix: str = "") -> str:
    candidates = [o for o in options if not o.startswith("__")]  # Material's own toggles
    guess = difflib.get_close_matches(value, candidates, n=1, cutoff=0.75)
    return f"; bedoel je '{prefix}{guess[0]}'?" if guess else ""


# --------------------------------------------------------------------------- back to the source


@dataclass(frozen=True)
class Source:
    """Where a page's content is written: a YAML record or a Markdown file."""

    path: str
    """Relative to the project root, with forward slashes (data/les/x.yaml, docs/over.md)."""
    data: LineDict | None = None
    """The parsed record, to name the field a line belongs to; None for Markdown."""


class SourceIndex:
    """Which source file each built page comes from, and where in it a link is written."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._by_page: dict[str, Source] = {}
        self._lines: dict[str, list[str]] = {}
        self.templates: list[str] = []
        """Theme override files (docs/overrides/...) to search for links that no page source holds."""

    def add_page(self, src_uri: str, source: Source) -> None:
        """Register the source of a page, by its path in the docs tree (les/x.md)."""
        self._by_page[src_uri] = source

    def add_docs(self, docs_dir: Path, *, exclude: Iterable[Path] = ()) -> None:
        """Register every Markdown file under `docs_dir` (hand-written pages) and theme overrides."""
        excluded = [e.resolve() for e in exclude]
        for path in sorted(docs_dir.rglob("*")):
            if not path.is_file():
                continue
            rel = _project_path(path, self.root)
            resolved = path.resolve()
            if any(resolved.is_relative_to(e) for e in excluded):
                if path.suffix == ".html":
                    self.templates.append(rel)
                continue
            if path.suffix == ".md":
                self.add_page(path.relative_to(docs_dir).as_posix(), Source(rel))

    def for_html(self, page: str) -> Source | None:
        """The source of a built HTML page (regio/x/index.html ← regio/x.md or regio/x/index.md)."""
        for candidate in _page_sources(page):
            if candidate in self._by_page:
                return self._by_page[candidate]
        return None

    def for_page(self, src_uri: str) -> Source | None:
        """The source of a page by its docs path, as MkDocs names it in warnings (les/x.md)."""
        return self._by_page.get(src_uri)

    def lines(self, path: str) -> list[str]:
        if path not in self._lines:
            try:
                text = (self.root / path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._lines[path] = text.splitlines()
        return self._lines[path]

    def locate(self, source: Source, needles: Iterable[str]) -> tuple[int, str, str] | None:
        """(line, field, needle) of the first needle written in the source, trying needles in order."""
        lines = self.lines(source.path)
        for needle in needles:
            if not needle:
                continue
            for number, text in enumerate(lines, start=1):
                if needle in text:
                    return number, field_at(source.data, number) if source.data is not None else "", needle
        return None


def _project_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _page_sources(page: str) -> Iterator[str]:
    stem = page[: -len(".html")]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        if folder:
            yield folder.rstrip("/") + ".md"
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
            key: Any = max(keys, key=lambda k: node.lines[k])
        else:
            indexes = [i for i, at in enumerate(node.lines) if at <= line]
            if not indexes:
                break
            key = max(indexes)
        parts.append(key)
        node = node[key]
    return dotted(parts)


def dotted(loc: Iterable[Any]) -> str:
    """('sources', 0, 'url') → sources[0].url, as the loader writes fields."""
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


def _needles(url: str) -> list[str]:
    """Ways a link in the HTML may have been written in its source, most specific first."""
    path, _, fragment = url.partition("#")
    plain = path
    while plain.startswith(("./", "../")):
        plain = plain.partition("/")[2]
    out = [url, unquote(url), url.replace("&", "&amp;")]
    if fragment:
        # MkDocs rewrites 'x.md#a' to '../x/#a': the anchor is what the editor wrote literally.
        out += [f"#{fragment}", f"#{unquote(fragment)}"]
    if plain and plain not in {"", "/"}:
        out.append(plain)
    return list(dict.fromkeys(out))


def trace(broken: Iterable[BrokenLink], sources: SourceIndex, *, site_label: str = "site") -> list[Problem]:
    """One Problem per broken link, at the file and line where an editor wrote it.

    A link that no page source holds comes from the theme or the navigation: it is reported
    once, at the template that holds it or at the first built page, with the number of pages.
    """
    problems: dict[Problem, int] = {}
    unplaced: dict[tuple[str, str], list[BrokenLink]] = defaultdict(list)
    for link in broken:
        source = sources.for_html(link.page)
        found = sources.locate(source, _needles(link.url)) if source is not None else None
        if source is None or found is None:
            unplaced[(link.url, link.reason)].append(link)
            continue
        line, field_name, _needle = found
        problem = Problem(source.path, line, field_name, f"link naar '{link.url}' werkt niet: {link.reason}")
        problems[problem] = problems.get(problem, 0) + 1
    for (url, reason), links in unplaced.items():
        template = next(
            (
                (path, hit[0])
                for path in sources.templates
                if (hit := sources.locate(Source(path), _needles(url))) is not None
            ),
            None,
        )
        first = links[0]
        pages = len({link.page for link in links})
        where = f" (op {pages} pagina's)" if pages > 1 else ""
        message = f"link naar '{url}' werkt niet: {reason}{where}"
        if template is not None:
            problems[Problem(template[0], template[1], "", message)] = 1
        else:
            problems[Problem(f"{site_label}/{first.page}", first.html_line, "", message)] = 1
    return sorted(problems)
