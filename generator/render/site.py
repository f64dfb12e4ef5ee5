"""The orchestrator: a validated catalog in, every generated page and the navigation out, and a manifest
of which data file each page comes from. Pure: no file access, no engine."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from ..catalog import Catalog, Entry
from ..load import Change
from ..model import (
    KIND_LABELS,
    KIND_ORDER,
    Law,
    Term,
)
from ..validate import iter_references, iter_route_references
from . import dialect
from .english import EnglishPages
from .frame import (
    NavItem,
    Page,
    distinct_descriptions,
    nav_title,
    page_path,
    with_page_head,
)
from .overviews import AUDIENCE_PAGES, OverviewPages
from .routes import render_route_pages


class SiteRenderer(OverviewPages):
    """Turns a catalog into pages. One instance per build; derived indexes are computed once."""

    def __init__(self, catalog: Catalog, *, today: date | None = None, history: list[Change] | None = None) -> None:
        self.catalog = catalog
        self.today = today or date.today()
        self.history = history
        self.incoming: dict[str, list[Entry]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for entry in catalog.entries.values():
            for _loc, kind, id_ in (*iter_references(entry), *iter_route_references(entry)):
                target = f"{kind}/{id_}"
                if (target, entry.key) not in seen:
                    seen.add((target, entry.key))
                    self.incoming[target].append(entry)
        for refs in self.incoming.values():
            refs.sort(key=lambda e: (KIND_ORDER.index(e.kind), e.record.title.casefold()))
        self.english = EnglishPages(catalog)

    # ---- public API

    def pages(self) -> list[Page]:
        pages = [self.render_index(kind) for kind in KIND_ORDER]
        for kind in KIND_ORDER:
            for entry in self.catalog.of_kind(kind):
                # A route is many pages: its overview (the first question) and one page per step.
                pages += render_route_pages(entry, self.catalog) if kind == "route" else [self.render_record(entry)]
        pages += self.editorial_pages()
        pages.append(self.render_municipalities())
        pages.append(self.render_history())
        pages.append(self.render_print())
        pages += [self.render_audience(audience) for audience in AUDIENCE_PAGES]
        pages += self.english.pages()
        return [with_page_head(page) for page in distinct_descriptions(pages)]

    def nav(self, max_expanded: int = 12) -> list[NavItem]:
        """One section per kind; small collections list their records, large ones only the index."""
        items = []
        for kind in KIND_ORDER:
            entries = self.catalog.of_kind(kind)
            children = []
            if len(entries) <= max_expanded:
                children = [NavItem(nav_title(e), page_path(kind, e.id)) for e in entries]
                if kind != "thema":  # themes keep the Routewijzer's chapter order
                    children.sort(key=lambda item: item.title.casefold())
            items.append(NavItem(KIND_LABELS[kind][1], f"{kind}/index.md", children))
        return items

    # ---- record pages

    def manifest(self) -> dict[str, str]:
        """Which data file each generated page comes from (page path → data/<kind>/<id>.yaml)."""
        return {page.path: page.source for page in self.pages() if page.source}


def abbreviations(catalog: Catalog) -> dict[str, str]:
    """Abbreviation → plain explanation, from the glossary and the laws."""
    found: dict[str, str] = {}
    for entry in catalog.of_kind("wet"):
        law = entry.record
        assert isinstance(law, Law)
        if law.abbreviation != law.title and " " not in law.abbreviation:
            found[law.abbreviation] = law.title
    for entry in catalog.of_kind("begrip"):
        term = entry.record
        assert isinstance(term, Term)
        if term.abbreviation:
            found[term.abbreviation] = f"{term.title}: {term.definition}"
    return found


class AbbreviationDefinitions:
    """Markdown `abbr` definitions for the abbreviations a page actually uses.

    Appending all of them to every page would make the abbr extension scan each page for
    every abbreviation (most of the build's Markdown time); one combined pattern finds the
    few a page needs.
    """

    def __init__(self, catalog: Catalog, found: dict[str, str] | None = None) -> None:
        """`found`: abbreviation → explanation; by default the Dutch ones of the catalog."""
        self.lines = {
            abbr: dialect.abbreviation(abbr, " ".join(text.replace("]", ")").replace("[", "(").split()))
            for abbr, text in (abbreviations(catalog) if found is None else found).items()
        }
        names = sorted(self.lines, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None

    def for_markdown(self, markdown: str) -> str:
        if self.pattern is None:
            return ""
        used = sorted(set(self.pattern.findall(markdown)))
        return "\n".join(self.lines[abbr] for abbr in used)


def render_site(catalog: Catalog) -> list[Page]:
    """All generated pages for a catalog."""
    return SiteRenderer(catalog).pages()
