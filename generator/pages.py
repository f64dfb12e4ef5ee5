"""Render a validated catalog into Markdown pages and a navigation outline.

Pure functions: catalog in, (path, Markdown) pairs out. No file access, no MkDocs.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .editorial import render_coverage, render_field_reference
from .history import Change, render_history
from .loader import Catalog, Entry, iter_references
from .model import (
    AUDIENCE_LABELS,
    KIND_LABELS,
    KINDS,
    Contact,
    Law,
    Lesson,
    Network,
    Record,
    Region,
    Resource,
    Source,
    Term,
    Theme,
    Unknown,
)
from .routes import iter_route_references, render_route_pages
from .search import page_meta
from .text import MONTHS, escape, format_date

KIND_ORDER = ("thema", "route", "wet", "regio", "netwerk", "les", "hulpmiddel", "begrip", "contact")
KIND_INTROS = {
    "route": "Een route helpt je stap voor stap verder. Je beantwoordt een paar vragen en ziet welke wet, "
    "welke hulp en welk contact bij je situatie passen. Een route is geen juridisch advies: op elke uitkomst "
    "staat bij wie je met je vraag terechtkunt.",
    "thema": "De Routewijzer heeft zes hoofdstukken. Elk hoofdstuk legt uit waar het over gaat, "
    "waarom het ertoe doet voor de jongere en wat je zelf kunt doen.",
    "wet": "Welke wet geldt, welke maatregel past en wie beslist? Hier staat per wet of regeling "
    "voor wie die is, wat die mogelijk maakt en hoe je hulp aanvraagt.",
    "regio": "Nederland heeft 42 jeugdregio's. In elke regio werken gemeenten samen aan jeugdhulp. "
    "Elke regio heeft een regionaal expertteam (RET) en hoort bij een bovenregionaal expertisenetwerk (BEN).",
    "netwerk": "Acht bovenregionale expertisenetwerken jeugd (BEN's) helpen regio's en hun expertteams "
    "als de hulp voor een jongere met complexe problemen vastloopt.",
    "les": "Wat leren we van casusevaluaties? Knooppunten laten zien waar hulp vastliep, "
    "succesfactoren wat hielp, aanbevelingen wat anders kan.",
    "hulpmiddel": "Documenten, rapporten, websites en hulpmiddelen om verder te lezen.",
    "begrip": "Woorden en afkortingen uit de jeugdzorg, uitgelegd in gewone taal.",
    "contact": "Bij wie kun je terecht met een vraag, een zorg of een klacht?",
}
LEVEL_LABELS = {"gezin": "Gezin", "professional": "Professional", "organisatie": "Organisatie", "stelsel": "Stelsel"}
LESSON_KIND_LABELS = {"knooppunt": "Knooppunt", "succesfactor": "Succesfactor", "aanbeveling": "Aanbeveling"}
RESOURCE_KIND_LABELS = {
    "document": "Document",
    "rapport": "Rapport",
    "website": "Website",
    "hulpmiddel": "Hulpmiddel",
    "video": "Video",
    "artikel": "Artikel",
    "wettekst": "Wettekst",
}


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its Markdown and the data file it comes from."""

    path: str
    markdown: str
    title: str
    source: str | None = None
    """The YAML file behind the page (for the edit button), or None for generated overviews."""


@dataclass
class NavItem:
    title: str
    path: str
    children: list[NavItem] = field(default_factory=list)


# --------------------------------------------------------------------------- small helpers


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


def _unknown(value: Unknown) -> str:
    return f"*Niet bekend.* {escape(value.unknown)}"


def _fact(value: Any, fmt: Callable[[Any], str] = lambda v: escape(str(v))) -> str:
    if value is None:
        return "—"
    if isinstance(value, Unknown):
        return _unknown(value)
    return fmt(value)


def _url(value: str) -> str:
    shown = value.split("://", 1)[-1].rstrip("/")
    return f"[{escape(shown)}]({value})"


def _email(value: str) -> str:
    return f"[{escape(value)}](mailto:{value})"


def _phone(value: str) -> str:
    digits = "".join(c for c in value if c.isdigit() or c == "+")
    return f"[{escape(value)}](tel:{digits})"


def _deflist(rows: Iterable[tuple[str, str]]) -> str:
    out = []
    for label, value in rows:
        out.append(f"{label}\n:   {value}\n")
    return "\n".join(out)


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _audience(record: Record) -> str:
    return ", ".join(AUDIENCE_LABELS[a] for a in record.audience)


def _source_line(source: Source) -> str:
    """A source as a visitor sees it: title (linked), publisher, date. Notes are for editors."""
    title = escape(source.title)
    parts = [f"[{title}]({source.url})" if source.url else title]
    if source.publisher:
        parts.append(escape(source.publisher))
    if source.date:
        parts.append(source.date)
    return ", ".join(parts)


def _editor_source_line(source: Source) -> str:
    line = _source_line(source)
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
    return f'<p class="rw-reviewed" data-search-exclude>{text}</p>'


def render_sources(record: Record, sources: list[Source], kind: str, editors: Iterable[str] = ()) -> str:
    """The sources section: the list for visitors, a collapsed part for editors, and the review line.

    Editors' material (notes, derivations, data copies, where an unknown fact may be found) stays
    out of a parent's reading path but on the page, for the people who keep it true.
    """
    public = [s for s in sources if not s.for_editors]
    out = ["## Bronnen { data-search-exclude }", ""]
    if public:
        out += [_bullets(_source_line(s) for s in public), ""]
    else:
        out += ["De bronnen van deze pagina zijn gegevensbestanden; ze staan hieronder bij *Voor redacteuren*.", ""]
    notes = [*editors, *(_editor_source_line(s) for s in sources if s.for_editors or s.note or s.consulted)]
    if notes:
        out += [
            '<details class="rw-editors" data-search-exclude markdown>',
            "<summary>Voor redacteuren</summary>",
            "",
            _bullets(notes),
            "",
            "</details>",
            "",
        ]
    out.append(review_line(record, sources, kind))
    return "\n".join(out)


def _demote(markdown: str, below: int = 1) -> str:
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


# --------------------------------------------------------------------------- the renderer


class SiteRenderer:
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
        return pages

    def render_print(self) -> Page:
        """The whole Routewijzer on one page, to print or save as PDF (as the original PDF was)."""
        path = "afdrukken/index.md"
        latest = max((e.record.reviewed for e in self.catalog.entries.values() if e.record.reviewed), default=None)
        out = [
            "---\nsearch:\n  exclude: true\n---\n",
            "# De Routewijzer om af te drukken",
            "",
            "Alle hoofdstukken, wetten, netwerken, regio's, lessen, contacten en begrippen op één pagina. "
            "Kies in je browser *Afdrukken* of *Opslaan als PDF*. Op de site staat bij elk onderdeel ook "
            "waar de informatie vandaan komt en wanneer die is gecontroleerd."
            + (f" Laatste controle van de inhoud: {format_date(latest)}." if latest else ""),
            "",
        ]
        for entry in self.catalog.of_kind("thema"):
            theme = entry.record
            assert isinstance(theme, Theme)
            out += [f"## {escape(theme.title)}", "", f"*{escape(theme.subtitle)}*", "", escape(theme.summary), ""]
            if theme.body:
                out += [_demote(theme.body, below=2), ""]
        out += ["## Wetten en regels", ""]
        for entry in self.catalog.of_kind("wet"):
            out += [f"### {escape(entry.record.title)}", "", escape(entry.record.summary), ""]
            facts = self._facts_wet(entry, path).replace("\n## ", "\n#### ").replace("\n### ", "\n##### ")
            out += [facts, ""]
        out += ["## Expertisenetwerken (BEN)", ""]
        for entry in self.catalog.of_kind("netwerk"):
            out += [f"### {escape(entry.record.title)}", "", escape(entry.record.summary), ""]
            out += [self._facts_netwerk(entry, path).replace("\n## ", "\n#### "), ""]
        out += ["## Jeugdregio's en hun regionaal expertteam", ""]
        out += ["| Jeugdregio | Gemeenten | Expertisenetwerk | Contact RET |", "|---|---|---|---|"]
        for entry in self.catalog.of_kind("regio"):
            region = entry.record
            assert isinstance(region, Region)
            network = self.catalog.get("netwerk", region.network)
            contact = [
                fmt(v)
                for v, fmt in ((region.ret.website, _url), (region.ret.email, _email), (region.ret.phone, _phone))
                if not isinstance(v, Unknown)
            ]
            out.append(
                f"| {link(path, page_path('regio', entry.id), region.title)} | {len(region.municipalities)} | "
                f"{escape(str(network.record.short_name)) if network and isinstance(network.record, Network) else ''} | "
                f"{' · '.join(contact) or 'niet bekend'} |"
            )
        out += ["", "## Lessen uit casuïstiek", ""]
        for level, label in LEVEL_LABELS.items():
            lessons = [e for e in self.catalog.of_kind("les") if getattr(e.record, "level", None) == level]
            if lessons:
                out += [f"### {label}", ""]
                for e in lessons:
                    kind = LESSON_KIND_LABELS[getattr(e.record, "kind", "knooppunt")].lower()
                    out.append(f"- **{escape(e.record.title)}** ({kind}): {escape(e.record.summary)}")
                out.append("")
        out += ["## Hulp en contact", ""]
        for entry in self.catalog.of_kind("contact"):
            out += [
                f"### {escape(entry.record.title)}",
                "",
                escape(entry.record.summary),
                "",
                self._facts_contact(entry, path),
                "",
            ]
        out += ["## Begrippen", ""]
        for entry in self.catalog.of_kind("begrip"):
            term = entry.record
            assert isinstance(term, Term)
            label = escape(term.title) + (f" ({escape(term.abbreviation)})" if term.abbreviation else "")
            out.append(f"- **{label}**: {escape(term.definition)}")
        return Page(path, "\n".join(out).rstrip() + "\n", "De Routewijzer om af te drukken")

    def render_history(self) -> Page:
        """'Wat is er veranderd': recent changes to data/, linking to the pages they changed."""
        path = "veranderd.md"
        page_for = {e.path: (page_path(e.kind, e.id), e.record.title) for e in self.catalog.entries.values()}
        markdown = render_history(self.history, page_for, lambda target, text: link(path, target, text))
        return Page(path, "---\nsearch:\n  exclude: true\n---\n\n" + markdown, "Wat is er veranderd?")

    def render_municipalities(self) -> Page:
        """ "Vind je regio": every municipality, old names included, A–Z; works without JavaScript."""
        path = "regio/gemeenten.md"
        rows: list[tuple[str, str, Entry]] = []
        for entry in self.catalog.of_kind("regio"):
            region = entry.record
            assert isinstance(region, Region)
            for m in region.municipalities:
                rows.append((m.name, "", entry))
                rows.extend((old, f"nu {m.name}", entry) for old in m.former_names)
                rows.extend((other, f"officieel {m.name}", entry) for other in m.other_names)
        by_letter: dict[str, list[tuple[str, str, Entry]]] = defaultdict(list)
        for row in rows:
            by_letter[_initial(row[0])].append(row)
        letters = sorted(by_letter)
        out = [
            LIST_FRONT_MATTER,
            "# Vind je regio",
            "",
            "Zoek je gemeente in de lijst. Achter elke gemeente staat de jeugdregio. Op de pagina van de regio "
            "vind je het regionaal expertteam (RET) en het expertisenetwerk (BEN). Gemeenten die zijn "
            "samengegaan, staan er ook onder hun oude naam in.",
            "",
            '<div class="rw-filter" data-rw-filter="rw-az"></div>',
            "",
            "Snel naar: " + " · ".join(f"[{letter}](#{letter.lower()})" for letter in letters),
            "",
            '<div id="rw-az" markdown>',
            "",
        ]
        for letter in letters:
            out += [f"## {letter} {{ #{letter.lower()} }}", ""]
            for name, now, entry in sorted(by_letter[letter], key=lambda r: (_sort_name(r[0]), r[1])):
                target = link(path, page_path("regio", entry.id), entry.record.title)
                label = f"{escape(name)} ({escape(now)})" if now else escape(name)
                out.append(f"- {label}: {target}")
            out.append("")
        out += ["</div>", ""]
        return Page(path, "\n".join(out), "Vind je regio")

    def render_audience(self, audience: str) -> Page:
        """Everything written for one audience, by kind: a browsing facet that needs no JavaScript."""
        title, slug, intro = AUDIENCE_PAGES[audience]
        path = f"voor/{slug}.md"
        out = [LIST_FRONT_MATTER, f"# {title}", "", intro, ""]
        for kind in KIND_ORDER:
            if kind == "regio":
                continue  # 42 regions: the A–Z page is the way in
            entries = [e for e in self.catalog.of_kind(kind) if audience in e.record.audience]
            if entries:
                out += [f"## {KIND_LABELS[kind][1]}", ""]
                out += [self._summary_line(e, path) for e in entries]
                out.append("")
        out += [
            "## Jeugdregio's",
            "",
            f"Zoek je gemeente op de pagina {link(path, 'regio/gemeenten.md', 'Vind je regio')}.",
            "",
        ]
        return Page(path, "\n".join(out).rstrip() + "\n", title)

    def editorial_pages(self) -> list[Page]:
        """The coverage page and the field reference for editors."""
        path = "redactie/index.md"

        def link_to(entry: Entry) -> str:
            return link(path, page_path(entry.kind, entry.id), entry.record.title)

        coverage = render_coverage(self.catalog, self.today, link_to)
        hidden = "---\nsearch:\n  exclude: true\n---\n\n"  # for editors; not a search answer for visitors
        return [
            Page(path, hidden + coverage, "Wat ontbreekt er nog?"),
            Page("redactie/velden.md", hidden + render_field_reference(), "Velden per soort record"),
        ]

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

    def render_record(self, entry: Entry) -> Page:
        record = entry.record
        path = page_path(entry.kind, entry.id)
        renderer = getattr(self, f"_facts_{entry.kind}")
        meta = page_meta(entry)
        front = ["---", f"search:\n  boost: {meta['search']['boost']}", "tags:"]
        front += [f"  - {json.dumps(tag, ensure_ascii=False)}" for tag in meta["tags"]]
        crumbs = f'<nav class="rw-crumbs" aria-label="Kruimelpad" data-search-exclude markdown>[Routewijzer](../index.md) › [{KIND_LABELS[entry.kind][1]}](index.md)</nav>'
        parts = [*front, "---", "", crumbs, "", f"# {escape(record.title)}", "", escape(record.summary), ""]
        parts.append(
            f'<p class="rw-meta" data-search-exclude>{KIND_LABELS[entry.kind][0]} · voor {_audience(record)}</p>'
        )
        parts.append("")
        facts = renderer(entry, path)
        if facts:
            parts += [facts, ""]
        if record.body:
            parts += [_demote(record.body), ""]
        extra = getattr(self, f"_after_{entry.kind}", None)
        if extra:
            parts += [extra(entry, path), ""]
        related = self._related(entry, path)
        if related:
            parts += ["## Zie ook { data-search-exclude }", "", related, ""]
        editors: list[str] = getattr(self, f"_editors_{entry.kind}", lambda _entry: [])(entry)
        parts.append(render_sources(record, record.sources, entry.kind, editors))
        # Keywords are not on the page: the search worker reads them from rw-search.json, so a
        # result shows the page's own words, never a list of search phrases.
        return Page(path, "\n".join(parts).rstrip() + "\n", record.title, entry.path)

    def _facts_thema(self, entry: Entry, path: str) -> str:
        record = entry.record
        assert isinstance(record, Theme)
        return f"*{escape(record.subtitle[0].upper() + record.subtitle[1:])}*"

    def _after_thema(self, entry: Entry, path: str) -> str:
        groups = defaultdict(list)
        for other in self.incoming.get(entry.key, []):
            groups[other.kind].append(other)
        out = []
        for kind in KIND_ORDER:
            if groups.get(kind):
                out += [f"## {KIND_LABELS[kind][1]} bij dit thema", ""]
                out += [self._summary_line(e, path) for e in groups[kind]]
                out.append("")
        return "\n".join(out).rstrip()

    def _facts_wet(self, entry: Entry, path: str) -> str:
        law = entry.record
        assert isinstance(law, Law)
        rows = [
            ("Afkorting", escape(law.abbreviation)),
            ("Officiële naam", escape(law.official_title)),
            ("Geldt sinds", _fact(law.in_force, format_date)),
            ("Voor wie", escape(law.for_whom)),
            ("Leeftijd", escape(law.ages)),
            ("Wie beslist", escape(law.who_decides)),
            ("Hoe vraag je het aan?", escape(law.how_to_apply)),
            ("Officiële tekst", f"[{law.bwbr} op wetten.overheid.nl]({law.url})"),
        ]
        out = [_deflist(rows)]
        if law.measures:
            out += ["## Maatregelen en voorzieningen", ""]
            for measure in law.measures:
                out += [f"### {escape(measure.name)}", "", escape(measure.summary), ""]
                mrows = [("Wie beslist", escape(measure.decides))]
                if measure.ages:
                    mrows.append(("Leeftijd", escape(measure.ages)))
                if measure.legal_basis:
                    mrows.append(("Wettelijke basis", escape(measure.legal_basis)))
                if measure.term and (term := self.catalog.get("begrip", measure.term)):
                    mrows.append(("Uitleg", link(path, page_path("begrip", term.id), term.record.title)))
                out += [_deflist(mrows), ""]
        return "\n".join(out).rstrip()

    def _facts_regio(self, entry: Entry, path: str) -> str:
        region = entry.record
        assert isinstance(region, Region)
        network = self.catalog.get("netwerk", region.network)
        assert network is not None  # references are checked by the loader
        ben = link(path, page_path("netwerk", network.id), network.record.title)
        short_ben = link(path, page_path("netwerk", network.id), nav_title(network))
        ret = region.ret
        reach = [
            fmt(value)
            for value, fmt in (
                (ret.email, _email),
                (ret.phone, _phone),
                (ret.website, lambda url: f"[de website van het team]({url})"),
            )
            if not isinstance(value, Unknown)
        ]
        # One sentence to act on first; the facts follow. Who may ask the team: see contact/regionaal-expertteam.
        if reach:
            first = (
                f"**Loopt de hulp voor je kind vast?** Neem contact op met het regionaal expertteam: {' · '.join(reach)}. "
                "Je kunt ook je wijkteam of jeugdteam vragen dat voor je te doen."
            )
        else:
            first = (
                "**Loopt de hulp voor je kind vast?** Bel of mail je gemeente. Vraag naar het wijkteam of "
                "jeugdteam. Zij kunnen het expertteam van de regio om hulp vragen. Je gemeente staat hieronder."
            )
        out = [first, "", f"## Gemeenten ({len(region.municipalities)})", ""]
        for m in sorted(region.municipalities, key=lambda m: m.name.casefold()):
            name = escape(m.name)
            if m.website is not None and not isinstance(m.website, Unknown):
                name = f"[{name}]({m.website})"
            line = name
            if m.other_names:
                line += f" (ook: {escape(', '.join(m.other_names))})"
            if m.former_names:
                line += f" (vroeger ook: {escape(', '.join(m.former_names))})"
            if not m.certain:
                line += " — *niet zeker*"
            if m.note:
                line += f". {escape(m.note)}"
            out.append(f"- {line}")
        out += ["", "## Regionaal expertteam (RET)", ""]
        out.append(
            "Past de gewone hulp niet bij een jongere? En loopt het daardoor vast? "
            "Dan denkt het regionaal expertteam mee. Samen zoeken jullie hulp die wel past."
        )
        ret_rows = [
            (label, fmt(value))
            for label, value, fmt in (
                ("Naam", ret.name, lambda v: escape(str(v))),
                ("Website", ret.website, _url),
                ("E-mail", ret.email, _email),
                ("Telefoon", ret.phone, _phone),
            )
            if not isinstance(value, Unknown)
        ]
        if ret_rows:
            out += ["", _deflist(ret_rows)]
        if ret.note:
            out += ["", escape(ret.note)]
        if not reach:
            out += [
                "",
                "We weten nog niet hoe je dit team zelf bereikt. "
                f"Vraag het aan je gemeente of aan het netwerk {short_ben}.",
            ]
        care = region.care_office_regions
        rows = [
            ("CBS-code", region.cbs_code),
            *([("Ook genoemd", escape(", ".join(region.other_names)))] if region.other_names else []),
            ("Provincie", escape(", ".join(region.provinces))),
            ("Expertisenetwerk (BEN)", ben),
            ("Hoe we dat weten", escape(region.network_basis)),
            ("Zorgkantoorregio (Wlz)", _fact(care, lambda v: escape(", ".join(v)))),
        ]
        out += ["", "## Over deze regio", "", _deflist(rows)]
        return "\n".join(out)

    def _editors_regio(self, entry: Entry) -> list[str]:
        """Where the unknown facts of a region may be found: for editors, not in a parent's reading path."""
        region = entry.record
        assert isinstance(region, Region)
        lines = []
        facts: tuple[tuple[str, object], ...] = (
            ("Naam RET", region.ret.name),
            ("Website RET", region.ret.website),
            ("E-mail RET", region.ret.email),
            ("Telefoon RET", region.ret.phone),
        )
        for label, value in facts:
            if isinstance(value, Unknown):
                lines.append(f"{label} onbekend: {escape(value.unknown)}")
        for m in region.municipalities:
            site: object = m.website
            if isinstance(site, Unknown):
                lines.append(f"Website van {escape(m.name)} onbekend: {escape(site.unknown)}")
        return lines

    def _facts_netwerk(self, entry: Entry, path: str) -> str:
        network = entry.record
        assert isinstance(network, Network)
        rows = [
            ("Korte naam", escape(network.short_name)),
            ("Provincie", escape(", ".join(network.provinces))),
            ("Coördinerende gemeente", _fact(network.coordinating_municipality)),
            ("Website", _fact(network.website, _url)),
        ]
        out = [_deflist(rows), "", "## Wat biedt het netwerk?", "", _bullets(escape(o) for o in network.offers)]
        regions = [e for e in self.incoming.get(entry.key, []) if e.kind == "regio"]
        if regions:
            out += ["", f"## Jeugdregio's bij dit netwerk ({len(regions)})", ""]
            out += [f"- {link(path, page_path('regio', r.id), r.record.title)}" for r in regions]
        return "\n".join(out)

    def _facts_hulpmiddel(self, entry: Entry, path: str) -> str:
        res = entry.record
        assert isinstance(res, Resource)
        return _deflist(
            [
                ("Soort", RESOURCE_KIND_LABELS[res.kind]),
                ("Uitgever", _fact(res.publisher)),
                ("Jaar", _fact(res.year)),
                ("Vindplaats", _fact(res.url, _url)),
            ]
        )

    def _facts_les(self, entry: Entry, path: str) -> str:
        lesson = entry.record
        assert isinstance(lesson, Lesson)
        return _deflist([("Soort", LESSON_KIND_LABELS[lesson.kind]), ("Niveau", LEVEL_LABELS[lesson.level])])

    def _facts_begrip(self, entry: Entry, path: str) -> str:
        term = entry.record
        assert isinstance(term, Term)
        rows = [("Betekenis", escape(term.definition))]
        if term.abbreviation:
            rows.insert(0, ("Afkorting", escape(term.abbreviation)))
        if term.synonyms:
            rows.append(("Ook genoemd", escape(", ".join(term.synonyms))))
        return _deflist(rows)

    def _facts_contact(self, entry: Entry, path: str) -> str:
        contact = entry.record
        assert isinstance(contact, Contact)
        rows = [("Hier kun je terecht voor", "<br> ".join(escape(h) for h in contact.helps_with))]
        for label, value, fmt in (
            ("Telefoon", contact.phone, _phone),
            ("Website", contact.website, _url),
            ("E-mail", contact.email, _email),
        ):
            if value is not None:
                rows.append((label, _fact(value, fmt)))
        if contact.hours:
            rows.append(("Bereikbaar", escape(contact.hours)))
        if contact.cost:
            rows.append(("Kosten", escape(contact.cost)))
        return _deflist(rows)

    # ---- related records

    def _summary_line(self, entry: Entry, from_path: str) -> str:
        target = page_path(entry.kind, entry.id)
        return f"- {link(from_path, target, entry.record.title)}: {escape(entry.record.summary)}"

    def _related(self, entry: Entry, path: str) -> str:
        shown: list[Entry] = []
        for _loc, kind, id_ in iter_references(entry):
            other = self.catalog.get(kind, id_)
            # a region's network is already shown in its facts
            if other and other not in shown and not (entry.kind == "regio" and kind == "netwerk"):
                shown.append(other)
        if entry.kind not in {"thema", "netwerk"}:
            for other in self.incoming.get(entry.key, []):
                if other not in shown:
                    shown.append(other)
        return "\n".join(
            f"- {KIND_LABELS[o.kind][0]}: {link(path, page_path(o.kind, o.id), o.record.title)}" for o in shown
        )

    # ---- index pages

    def render_index(self, kind: str) -> Page:
        path = f"{kind}/index.md"
        title = KIND_LABELS[kind][1]
        entries = self.catalog.of_kind(kind)
        # Overviews list every record's summary; the record itself is the better search answer.
        parts = [LIST_FRONT_MATTER, f"# {title}", "", KIND_INTROS[kind], ""]
        if not entries:
            parts.append("Hier staat nog niets.")
        elif kind == "regio":
            parts += self._region_table(entries, path)
        elif kind == "begrip":
            parts += self._glossary(entries, path)
        else:
            parts += [self._summary_line(e, path) for e in entries]
        return Page(path, "\n".join(parts).rstrip() + "\n", title)

    def _region_table(self, entries: list[Entry], path: str) -> list[str]:
        rows = ["| Jeugdregio | CBS-code | Provincie | Gemeenten | Contact RET bekend |", "|---|---|---|---|---|"]
        for e in sorted(entries, key=lambda e: e.record.title.casefold()):
            region = e.record
            assert isinstance(region, Region)
            known = [not isinstance(v, Unknown) for v in (region.ret.website, region.ret.email, region.ret.phone)]
            rows.append(
                f"| {link(path, page_path('regio', e.id), region.title)} | {region.cbs_code} | "
                f"{escape(', '.join(region.provinces))} | {len(region.municipalities)} | "
                f"{'ja' if any(known) else 'nee'} |"
            )
        return rows

    def _glossary(self, entries: list[Entry], path: str) -> list[str]:
        by_letter: dict[str, list[Entry]] = defaultdict(list)
        for e in entries:
            by_letter[_initial(e.record.title)].append(e)
        out = ["Snel naar: " + " · ".join(f"[{letter}](#{letter.lower()})" for letter in sorted(by_letter)), ""]
        for letter in sorted(by_letter):
            out += [f"## {letter} {{ #{letter.lower()} }}", ""]
            for e in sorted(by_letter[letter], key=lambda e: e.record.title.casefold()):
                term = e.record
                assert isinstance(term, Term)
                label = term.title + (f" ({term.abbreviation})" if term.abbreviation else "")
                out.append(f"- {link(path, page_path('begrip', e.id), label)}: {escape(term.definition)}")
            out.append("")
        return out


LIST_FRONT_MATTER = "---\nsearch:\n  boost: 0.3\n---\n"
"""Front matter of overview pages: found by search, but after the records they list."""

AUDIENCE_PAGES = {
    "ouder": (
        "Alles voor ouders",
        "ouders",
        "Alle pagina's die we voor ouders hebben geschreven, op een rij.",
    ),
    "jongere": (
        "Alles voor jongeren",
        "jongeren",
        "Alle pagina's die we voor jongeren hebben geschreven, op een rij.",
    ),
    "professional": (
        "Alles voor professionals",
        "professionals",
        "Alle pagina's voor jeugdbeschermers en hun samenwerkingspartners, op een rij.",
    ),
}
"""audience → (title, URL slug under voor/, intro)."""


def _sort_name(name: str) -> str:
    """'s-Hertogenbosch sorts under H, as people look for it."""
    return name.removeprefix("'s-").removeprefix("’s-").casefold()


def nav_title(entry: Entry) -> str:
    """The label in the sidebar: short where the full title would wrap over three lines.

    HTML-escaped: the theme writes navigation titles into the page as they are, and MkDocs uses
    them as the page's title (header, `<title>`, search index), which are HTML too.
    """
    record = entry.record
    return html.escape(str(record.short_name) if isinstance(record, Network) else record.title, quote=False)


def _initial(title: str) -> str:
    for char in _sort_name(title).upper():
        if char.isalpha():
            return {"É": "E", "Ë": "E", "Ï": "I", "Ö": "O", "Ü": "U"}.get(char, char)
    return "#"


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

    def __init__(self, catalog: Catalog) -> None:
        self.lines = {
            abbr: f"*[{abbr}]: {' '.join(text.replace(']', ')').replace('[', '(').split())}"
            for abbr, text in abbreviations(catalog).items()
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


__all__ = ["KINDS", "AbbreviationDefinitions", "NavItem", "Page", "SiteRenderer", "format_date", "render_site"]
