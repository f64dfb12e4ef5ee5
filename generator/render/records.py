"""Record pages: the frame every record shares, then each kind's facts (`_facts_<kind>`) and related records.

Adding a record kind: its model in generator/model, one `Kind` in the registry, and a
`_facts_<kind>` method here.
"""

from __future__ import annotations

from collections import defaultdict

from ..catalog import Catalog, Entry
from ..model import (
    KIND_LABELS,
    KIND_ORDER,
    Contact,
    Law,
    Lesson,
    Network,
    Region,
    Resource,
    Term,
    Theme,
    Unknown,
)
from ..validate import iter_references
from . import dialect
from .dialect import definition_list
from .frame import (
    Page,
    audience_labels,
    bullets,
    crumbs,
    demote,
    email_link,
    fact,
    link,
    meta_line,
    nav_title,
    page_path,
    phone_link,
    render_sources,
    summary_line,
    url_link,
)
from .search import page_meta
from .text import escape, format_date

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


class RecordPages:
    """One page per record. `SiteRenderer` provides the catalog and the index of incoming references."""

    catalog: Catalog
    incoming: dict[str, list[Entry]]

    def render_record(self, entry: Entry) -> Page:
        record = entry.record
        path = page_path(entry.kind, entry.id)
        renderer = getattr(self, f"_facts_{entry.kind}")
        meta = page_meta(entry)
        front = dialect.front_matter(boost=meta["search"]["boost"], tags=meta["tags"])
        trail = crumbs(f"[Routewijzer](../index.md) › [{KIND_LABELS[entry.kind][1]}](index.md)")
        parts = [front, "", trail, "", f"# {escape(record.title)}", "", escape(record.summary), ""]
        parts.append(meta_line(f"{KIND_LABELS[entry.kind][0]} · voor {audience_labels(record)}"))
        parts.append("")
        facts = renderer(entry, path)
        if facts:
            parts += [facts, ""]
        if record.body:
            parts += [demote(record.body), ""]
        extra = getattr(self, f"_after_{entry.kind}", None)
        if extra:
            parts += [extra(entry, path), ""]
        related = self._related(entry, path)
        if related:
            parts += [dialect.heading(2, "Zie ook", search_exclude=True), "", related, ""]
        editors: list[str] = getattr(self, f"_editors_{entry.kind}", lambda _entry: [])(entry)
        parts.append(render_sources(record, record.sources, entry.kind, editors))
        # Keywords are not on the page: the search worker reads them from rw-search.json, so a
        # result shows the page's own words, never a list of search phrases.
        return Page(path, "\n".join(parts).rstrip() + "\n", record.title, entry.path, description=record.summary)

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
                out += [summary_line(e, path) for e in groups[kind]]
                out.append("")
        return "\n".join(out).rstrip()

    def _facts_wet(self, entry: Entry, path: str) -> str:
        law = entry.record
        assert isinstance(law, Law)
        rows = [
            ("Afkorting", escape(law.abbreviation)),
            ("Officiële naam", escape(law.official_title)),
            ("Geldt sinds", fact(law.in_force, format_date)),
            ("Voor wie", escape(law.for_whom)),
            ("Leeftijd", escape(law.ages)),
            ("Wie beslist", escape(law.who_decides)),
            ("Hoe vraag je het aan?", escape(law.how_to_apply)),
            ("Officiële tekst", f"[{law.bwbr} op wetten.overheid.nl]({law.url})"),
        ]
        out = [definition_list(rows)]
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
                out += [definition_list(mrows), ""]
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
                (ret.email, email_link),
                (ret.phone, phone_link),
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
                ("Website", ret.website, url_link),
                ("E-mail", ret.email, email_link),
                ("Telefoon", ret.phone, phone_link),
            )
            if not isinstance(value, Unknown)
        ]
        if ret_rows:
            out += ["", definition_list(ret_rows)]
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
            ("Zorgkantoorregio (Wlz)", fact(care, lambda v: escape(", ".join(v)))),
        ]
        out += ["", "## Over deze regio", "", definition_list(rows)]
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
            ("Coördinerende gemeente", fact(network.coordinating_municipality)),
            ("Website", fact(network.website, url_link)),
        ]
        out = [definition_list(rows), "", "## Wat biedt het netwerk?", "", bullets(escape(o) for o in network.offers)]
        regions = [e for e in self.incoming.get(entry.key, []) if e.kind == "regio"]
        if regions:
            out += ["", f"## Jeugdregio's bij dit netwerk ({len(regions)})", ""]
            out += [f"- {link(path, page_path('regio', r.id), r.record.title)}" for r in regions]
        return "\n".join(out)

    def _facts_hulpmiddel(self, entry: Entry, path: str) -> str:
        res = entry.record
        assert isinstance(res, Resource)
        return definition_list(
            [
                ("Soort", RESOURCE_KIND_LABELS[res.kind]),
                ("Uitgever", fact(res.publisher)),
                ("Jaar", fact(res.year)),
                ("Vindplaats", fact(res.url, url_link)),
            ]
        )

    def _facts_les(self, entry: Entry, path: str) -> str:
        lesson = entry.record
        assert isinstance(lesson, Lesson)
        return definition_list([("Soort", LESSON_KIND_LABELS[lesson.kind]), ("Niveau", LEVEL_LABELS[lesson.level])])

    def _facts_begrip(self, entry: Entry, path: str) -> str:
        term = entry.record
        assert isinstance(term, Term)
        rows = [("Betekenis", escape(term.definition))]
        if term.abbreviation:
            rows.insert(0, ("Afkorting", escape(term.abbreviation)))
        if term.synonyms:
            rows.append(("Ook genoemd", escape(", ".join(term.synonyms))))
        return definition_list(rows)

    def _facts_contact(self, entry: Entry, path: str) -> str:
        contact = entry.record
        assert isinstance(contact, Contact)
        rows = [("Hier kun je terecht voor", "<br> ".join(escape(h) for h in contact.helps_with))]
        for label, value, fmt in (
            ("Telefoon", contact.phone, phone_link),
            ("Website", contact.website, url_link),
            ("E-mail", contact.email, email_link),
        ):
            if value is not None:
                rows.append((label, fact(value, fmt)))
        if contact.hours:
            rows.append(("Bereikbaar", escape(contact.hours)))
        if contact.cost:
            rows.append(("Kosten", escape(contact.cost)))
        return definition_list(rows)

    # ---- related records

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
