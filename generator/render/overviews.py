"""Overview pages: each kind's index, the A–Z of municipalities, the audience pages, the print page,
the changelog and the editors' pages."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..catalog import Entry
from ..load import Change
from ..model import (
    KIND_BY_FOLDER,
    KIND_LABELS,
    KIND_ORDER,
    Network,
    Region,
    Term,
    Theme,
    Unknown,
)
from . import dialect
from .editorial import render_coverage, render_field_reference
from .facets import BROWSERS
from .frame import (
    Page,
    demote,
    email_link,
    initial,
    link,
    page_path,
    phone_link,
    sort_name,
    summary_line,
    url_link,
)
from .history import render_history
from .records import LESSON_KIND_LABELS, LEVEL_LABELS, RecordPages
from .text import escape, format_date

OFFLINE_COPY = [
    "## Zonder internet",
    "",
    "Je kunt de hele Routewijzer ook zonder internet gebruiken: als een map met bestanden op je eigen "
    "computer. Alle pagina's staan erin en zoeken werkt ook. Zo doe je dat:",
    "",
    "1. Vraag het bestand *routewijzer-offline.zip* aan de redactie van de Routewijzer. "
    "Wie de broncode heeft, maakt het zelf met `make offline`.",
    "2. Pak het zipbestand uit.",
    "3. Open in de map *routewijzer-offline* het bestand *index.html*.",
    "",
    "Een kopie verandert niet mee als de site verandert. Vraag daarom af en toe een nieuwe.",
]
"""The print page's last section: how to get the offline copy (`make offline`, generator/cli.py)."""


class OverviewPages(RecordPages):
    """Pages that list records; they build on the record pages' facts (the print page shows them all)."""

    today: date
    history: list[Change] | None

    def render_print(self) -> Page:
        """The whole Routewijzer on one page, to print or save as PDF (as the original PDF was)."""
        path = "afdrukken/index.md"
        latest = max((e.record.reviewed for e in self.catalog.entries.values() if e.record.reviewed), default=None)
        out = [
            dialect.front_matter(exclude=True) + "\n",
            "# De Routewijzer om af te drukken",
            "",
            "Alle hoofdstukken, wetten, netwerken, regio's, lessen, contacten en begrippen op één pagina. "
            "Kies in je browser *Afdrukken* of *Opslaan als PDF*. Op de site staat bij elk onderdeel ook "
            "waar de informatie vandaan komt en wanneer die is gecontroleerd."
            + (f" Laatste controle van de inhoud: {format_date(latest)}." if latest else "")
            + " Geen internet? Lees onderaan hoe je [de hele Routewijzer als bestanden](#zonder-internet) krijgt.",
            "",
        ]
        for entry in self.catalog.of_kind("thema"):
            theme = entry.record
            assert isinstance(theme, Theme)
            out += [f"## {escape(theme.title)}", "", f"*{escape(theme.subtitle)}*", "", escape(theme.summary), ""]
            if theme.body:
                out += [demote(theme.body, below=2), ""]
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
                for v, fmt in (
                    (region.ret.website, url_link),
                    (region.ret.email, email_link),
                    (region.ret.phone, phone_link),
                )
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
        out += ["", *OFFLINE_COPY]
        return Page(path, "\n".join(out).rstrip() + "\n", "De Routewijzer om af te drukken")

    def render_history(self) -> Page:
        """'Wat is er veranderd': recent changes to data/, linking to the pages they changed."""
        path = "veranderd.md"
        page_for = {e.path: (page_path(e.kind, e.id), e.record.title) for e in self.catalog.entries.values()}
        markdown = render_history(self.history, page_for, lambda target, text: link(path, target, text))
        return Page(path, dialect.front_matter(exclude=True) + "\n\n" + markdown, "Wat is er veranderd?")

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
            by_letter[initial(row[0])].append(row)
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
            dialect.open_block("div", attributes='id="rw-az"'),
            "",
        ]
        for letter in letters:
            out += [dialect.heading(2, letter, anchor=letter.lower()), ""]
            for name, now, entry in sorted(by_letter[letter], key=lambda r: (sort_name(r[0]), r[1])):
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
                out += [summary_line(e, path) for e in entries]
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
        hidden = dialect.front_matter(exclude=True) + "\n\n"  # for editors; not a search answer for visitors
        return [
            Page(path, hidden + coverage, "Wat ontbreekt er nog?"),
            Page("redactie/velden.md", hidden + render_field_reference(), "Velden per soort record"),
        ]

    def render_index(self, kind: str) -> Page:
        path = f"{kind}/index.md"
        title = KIND_LABELS[kind][1]
        entries = self.catalog.of_kind(kind)
        # Overviews list every record's summary; the record itself is the better search answer.
        parts = [LIST_FRONT_MATTER, f"# {title}", "", KIND_BY_FOLDER[kind].intro, ""]
        if not entries:
            parts.append("Hier staat nog niets.")
        elif kind == "regio":
            parts += self._region_table(entries, path)
        elif kind == "begrip":
            parts += self._glossary(entries, path)
        elif kind in BROWSERS:
            parts += BROWSERS[kind](self.catalog, entries, path)
        else:
            parts += [summary_line(e, path) for e in entries]
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
            by_letter[initial(e.record.title)].append(e)
        out = ["Snel naar: " + " · ".join(f"[{letter}](#{letter.lower()})" for letter in sorted(by_letter)), ""]
        for letter in sorted(by_letter):
            out += [dialect.heading(2, letter, anchor=letter.lower()), ""]
            for e in sorted(by_letter[letter], key=lambda e: e.record.title.casefold()):
                term = e.record
                assert isinstance(term, Term)
                label = term.title + (f" ({term.abbreviation})" if term.abbreviation else "")
                out.append(f"- {link(path, page_path('begrip', e.id), label)}: {escape(term.definition)}")
            out.append("")
        return out


LIST_FRONT_MATTER = dialect.front_matter(boost=0.3) + "\n"
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
