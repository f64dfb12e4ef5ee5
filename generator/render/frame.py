"""The parts every page shares: where it goes, links between pages, facts, the sources and the review line."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..catalog import Entry
from ..model import AUDIENCE_LABELS, Network, Record, Source, Unknown
from . import dialect
from .text import MONTHS, escape, format_date


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its Markdown and the data file it comes from."""

    path: str
    markdown: str
    title: str
    source: str | None = None
    """The YAML file behind the page (for the edit button), or None for generated overviews."""
    figures: tuple[tuple[str, str], ...] = ()
    """(key, SVG) drawings built and escaped by the renderer (route diagrams). The Markdown holds a
    placeholder per key (`dialect.figure`); the engine puts the drawing in its place after it has
    sanitized the page content, whose policy allows no SVG. An engine that cannot do that shows
    nothing there: the text alternative next to each drawing carries the same content."""


@dataclass
class NavItem:
    title: str
    path: str
    children: list[NavItem] = field(default_factory=list)


def page_path(kind: str, id_: str) -> str:
    return f"{kind}/{id_}.md"


def relative(from_path: str, to_path: str) -> str:
    """Relative link between two generated pages (a hot path: thousands of calls per build)."""
    from_dir, _, _ = from_path.rpartition("/")
    to_dir, _, name = to_path.rpartition("/")
    if from_dir == to_dir:
        return name
    return posixpath.relpath(to_path, from_dir or ".")


def link(from_path: str, to_path: str, text: str) -> str:
    return f"[{escape(text)}]({relative(from_path, to_path)})"


def unknown_fact(value: Unknown) -> str:
    return f"*Niet bekend.* {escape(value.unknown)}"


def fact(value: Any, fmt: Callable[[Any], str] = lambda v: escape(str(v))) -> str:
    if value is None:
        return "—"
    if isinstance(value, Unknown):
        return unknown_fact(value)
    return fmt(value)


def url_link(value: str) -> str:
    shown = value.split("://", 1)[-1].rstrip("/")
    return f"[{escape(shown)}]({value})"


def email_link(value: str) -> str:
    return f"[{escape(value)}](mailto:{value})"


def phone_link(value: str) -> str:
    digits = "".join(c for c in value if c.isdigit() or c == "+")
    return f"[{escape(value)}](tel:{digits})"


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def audience_labels(record: Record) -> str:
    return ", ".join(AUDIENCE_LABELS[a] for a in record.audience)


def source_line(source: Source) -> str:
    """A source as a visitor sees it: title (linked), publisher, date. Notes are for editors."""
    title = escape(source.title)
    parts = [f"[{title}]({source.url})" if source.url else title]
    if source.publisher:
        parts.append(escape(source.publisher))
    if source.date:
        parts.append(source.date)
    return ", ".join(parts)


def editor_source_line(source: Source) -> str:
    line = source_line(source)
    if source.consulted:
        line += f"; nagekeken op {format_date(source.consulted)}"
    if source.note:
        line += f". {escape(source.note)}"
    return line


CHANGING_KINDS = frozenset({"contact", "netwerk", "regio"})
"""Kinds whose facts (numbers, addresses, organisations) change: their pages name their oldest source."""


def format_source_date(value: str) -> str:
    """'2019' → 2019, '2019-09' → september 2019, '2019-09-04' → 4 september 2019."""
    year, _, rest = value.partition("-")
    if not rest:
        return year
    month, _, day = rest.partition("-")
    if not day:
        return f"{MONTHS[int(month) - 1]} {year}"
    return format_date(date(int(year), int(month), int(day)))


def review_line(record: Record, sources: list[Source], kind: str) -> str:
    """What a visitor may trust: when the facts were checked, against how many sources, how old they are."""
    if record.reviewed is None:
        text = (
            "Nog niet gecontroleerd: een redacteur heeft de feiten op deze pagina nog niet met de bronnen vergeleken."
        )
    else:
        checked = sum(1 for s in sources if s.consulted is not None)
        text = f"Gecontroleerd op {format_date(record.reviewed)}"
        if checked:
            text += f" aan de hand van {checked} {'bron' if checked == 1 else 'bronnen'}"
        text += "."
    dated = sorted(s.date for s in sources if s.date)
    if kind in CHANGING_KINDS and dated:
        text += f" De oudste bron is van {format_source_date(dated[0])}."
    return dialect.block("p", text, attributes='class="rw-reviewed"', search_exclude=True)


def render_sources(record: Record, sources: list[Source], kind: str, editors: Iterable[str] = ()) -> str:
    """The sources section: the list for visitors, a collapsed part for editors, and the review line.

    Editors' material (notes, derivations, data copies, where an unknown fact may be found) stays
    out of a parent's reading path but on the page, for the people who keep it true.
    """
    public = [s for s in sources if not s.for_editors]
    out = [dialect.heading(2, "Bronnen", search_exclude=True), ""]
    if public:
        out += [bullets(source_line(s) for s in public), ""]
    else:
        out += ["De bronnen van deze pagina zijn gegevensbestanden; ze staan hieronder bij *Voor redacteuren*.", ""]
    notes = [*editors, *(editor_source_line(s) for s in sources if s.for_editors or s.note or s.consulted)]
    if notes:
        out += [
            *dialect.details("Voor redacteuren", bullets(notes), attributes='class="rw-editors"', search_exclude=True),
            "",
        ]
    out.append(review_line(record, sources, kind))
    return "\n".join(out)


def demote(markdown: str, below: int = 1) -> str:
    """Shift body headings so none is above level `below` + 1 (the page title is the only h1)."""
    headings = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", markdown, re.M)]
    shift = max(0, below + 1 - min(headings)) if headings else 0
    out = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and shift and re.match(r"#{1,6} ", line):
            line = "#" * shift + line
        out.append("######" + line.lstrip("#") if line.startswith("#######") else line)
    return "\n".join(out)


def summary_line(entry: Entry, from_path: str) -> str:
    """A list item: the record's title as a link, and its summary."""
    target = page_path(entry.kind, entry.id)
    return f"- {link(from_path, target, entry.record.title)}: {escape(entry.record.summary)}"


def crumbs(trail: str) -> str:
    """The breadcrumb trail above a page's title (Markdown links inside)."""
    return dialect.block(
        "nav", trail, attributes='class="rw-crumbs" aria-label="Kruimelpad"', search_exclude=True, markdown=True
    )


def meta_line(text: str) -> str:
    """The small line under a page's summary: kind and audience."""
    return dialect.block("p", text, attributes='class="rw-meta"', search_exclude=True)


def sort_name(name: str) -> str:
    """'s-Hertogenbosch sorts under H, as people look for it."""
    return name.removeprefix("'s-").removeprefix("’s-").casefold()


def nav_title(entry: Entry) -> str:
    """The label in the sidebar: short where the full title would wrap over three lines.

    HTML-escaped: the theme writes navigation titles into the page as they are, and MkDocs uses
    them as the page's title (header, `<title>`, search index), which are HTML too.
    """
    record = entry.record
    return html.escape(str(record.short_name) if isinstance(record, Network) else record.title, quote=False)


def initial(title: str) -> str:
    for char in sort_name(title).upper():
        if char.isalpha():
            return {"É": "E", "Ë": "E", "Ï": "I", "Ö": "O", "Ü": "U"}.get(char, char)
    return "#"
