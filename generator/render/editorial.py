"""Pages for editors, generated from the data and the models on every build: never hand-kept.

- `redactie/index.md`: the coverage page — what is missing, unknown, unlinked or overdue.
- `redactie/velden.md`: every field of every record kind with its Dutch explanation,
  taken from the model docstrings (the same text editors see in their editor).
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel

from ..catalog import Catalog, Entry
from ..characters import INVISIBLE, char_name
from ..model import (
    KIND_LABELS,
    KINDS,
    MAX_ABBREVIATION,
    MAX_BODY,
    MAX_ITEMS,
    MAX_KEYWORDS,
    MAX_TEXT,
    MAX_TITLE,
    MAX_URL,
    Region,
    Route,
    Source,
    Unknown,
    field_example,
)
from ..model.fields import ALLOWED_TAGS, TEXT_KINDS
from ..model.walk import iter_models, iter_values
from ..validate import TRANSLATABLE_KINDS, translation, translation_status
from . import dialect
from .text import escape, format_date

REVIEW_AFTER = timedelta(days=365)
"""A record not checked for a year is due for review."""
OLD_SOURCE_AFTER = timedelta(days=3 * 365)
"""A changing fact (a number, an address, an organisation) resting only on sources older than this needs a newer one."""
CHANGING_KINDS = frozenset({"contact", "netwerk", "regio", "wet"})
"""Kinds whose facts change over time: laws are amended, organisations move and merge, numbers change."""


@dataclass(frozen=True)
class Gap:
    """One thing an editor could fill in or check."""

    entry: Entry
    field: str
    line: int
    text: str


def iter_unknowns(value: Any) -> Iterator[tuple[tuple[Any, ...], Unknown]]:
    """Every fact recorded as unknown inside a record, with its location."""
    return iter_values(value, Unknown)


def source_age(value: str, today: date) -> timedelta:
    """How old a source date (YYYY, YYYY-MM or YYYY-MM-DD) is at least: a year counts from its last day."""
    year, _, rest = value.partition("-")
    month, _, day = rest.partition("-")
    if not month:
        end = date(int(year), 12, 31)
    elif not day:
        end = date(int(year), int(month), 28)
    else:
        end = date(int(year), int(month), int(day))
    return today - end


def _dotted(loc: tuple[Any, ...]) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


def find_gaps(catalog: Catalog, today: date) -> dict[str, list[Gap]]:
    """The editors' to-do list, grouped by kind of gap."""
    gaps: dict[str, list[Gap]] = {"ret": [], "unchecked": [], "overdue": [], "old": [], "unknown": [], "unlinked": []}
    for entry in sorted(catalog.entries.values(), key=lambda e: e.path):
        record = entry.record
        if isinstance(record, Region):
            ret = record.ret
            if all(isinstance(v, Unknown) for v in (ret.website, ret.email, ret.phone)):
                gaps["ret"].append(Gap(entry, "ret", entry.line("ret"), "geen website, e-mail of telefoon"))
        if record.reviewed is None:
            gaps["unchecked"].append(Gap(entry, "reviewed", 1, "nog nooit met de bronnen vergeleken"))
        elif today - record.reviewed > REVIEW_AFTER:
            gaps["overdue"].append(
                Gap(entry, "reviewed", entry.line("reviewed"), f"laatst gecontroleerd op {record.reviewed.isoformat()}")
            )
        if entry.kind in CHANGING_KINDS:
            dated = [s.date for s in record.sources if s.date]
            if dated and source_age(max(dated), today) > OLD_SOURCE_AFTER:
                gaps["old"].append(
                    Gap(
                        entry,
                        "sources",
                        entry.line("sources"),
                        f"nieuwste bron van {max(dated)}; {len(dated)} bronnen met datum",
                    )
                )
        for loc, unknown in iter_unknowns(record):
            gaps["unknown"].append(Gap(entry, _dotted(loc), entry.line(*loc), unknown.unknown))
        for i, source in enumerate(record.sources):
            if source.url is None:
                gaps["unlinked"].append(Gap(entry, f"sources[{i}]", entry.line("sources", i), source.title))
    return gaps


_md = escape


def _review_age(catalog: Catalog, today: date, link: typing.Callable[[Entry], str]) -> list[str]:
    """Records by how long ago they were checked: the oldest and the never-checked first."""
    groups: dict[str, list[Entry]] = {}
    labels = (
        ("nooit", "nog nooit"),
        ("jaar", "meer dan een jaar geleden"),
        ("half", "tussen een half jaar en een jaar geleden"),
        ("recent", "in het afgelopen half jaar"),
    )
    for entry in catalog.entries.values():
        reviewed = entry.record.reviewed
        if reviewed is None:
            key = "nooit"
        elif today - reviewed > REVIEW_AFTER:
            key = "jaar"
        elif today - reviewed > REVIEW_AFTER / 2:
            key = "half"
        else:
            key = "recent"
        groups.setdefault(key, []).append(entry)
    out = [
        dialect.heading(2, "Controle per record", anchor="controle"),
        "",
        "Hoe lang geleden de records zijn gecontroleerd, per soort.",
        "",
    ]
    out += ["| Gecontroleerd | " + " | ".join(KIND_LABELS[k][1] for k in KINDS) + " | Totaal |"]
    out += ["|---" * (len(KINDS) + 2) + "|"]
    for key, label in labels:
        entries = groups.get(key, [])
        counts = [sum(1 for e in entries if e.kind == k) for k in KINDS]
        out.append(f"| {label} | " + " | ".join(str(n) for n in counts) + f" | {len(entries)} |")
    out.append("")
    checked = sorted(
        (e for e in catalog.entries.values() if e.record.reviewed is not None),
        key=lambda e: (e.record.reviewed, e.path),
    )
    if checked:
        out += ["De tien records die het langst geleden zijn gecontroleerd:", ""]
        out += [
            f"- {link(e)}: {e.record.reviewed.isoformat()} (`{e.path}`)"  # type: ignore[union-attr]
            for e in checked[:10]
        ]
        out.append("")
    return out


def render_coverage(catalog: Catalog, today: date, link: typing.Callable[[Entry], str]) -> str:
    """Markdown of the coverage page. `link(entry)` gives a Markdown link to the record's page."""
    gaps = find_gaps(catalog, today)
    regions = catalog.of_kind("regio")
    counts = {kind: len(catalog.of_kind(kind)) for kind in KINDS}
    out = [
        "# Wat ontbreekt er nog?",
        "",
        "Deze pagina wordt bij elke bouw van de site opnieuw gemaakt uit de data. "
        "Ze laat zien waar redacteuren kunnen helpen: gegevens die nog onbekend zijn, "
        "bronnen zonder link en records die opnieuw gecontroleerd moeten worden. "
        "Hoe je een record aanpast, staat in CONTRIBUTING.md in de broncode.",
        "",
        "## In cijfers",
        "",
        "| Soort | Aantal |",
        "|---|---|",
        *(f"| {KIND_LABELS[kind][1]} | {n} |" for kind, n in counts.items()),
        "",
        f"- Regio's zonder contactgegevens van het RET: **{len(gaps['ret'])} van {len(regions)}**",
        f"- Feiten die als onbekend zijn vastgelegd: **{len(gaps['unknown'])}**",
        f"- Bronnen zonder link: **{len(gaps['unlinked'])}**",
        f"- Records die nog nooit met hun bronnen zijn vergeleken: **{len(gaps['unchecked'])}**",
        f"- Records die langer dan een jaar niet zijn gecontroleerd: **{len(gaps['overdue'])}**",
        f"- Veranderlijke feiten die alleen op bronnen van meer dan drie jaar oud rusten: **{len(gaps['old'])}**",
        "",
        *_review_age(catalog, today, link),
    ]
    sections = (
        (
            "ret",
            "Regio's zonder contactgegevens van het RET",
            "Elke regio heeft een RET, maar van deze regio's kennen we geen website, e-mailadres of telefoonnummer.",
        ),
        (
            "unchecked",
            "Nog nooit gecontroleerd",
            "Deze records hebben geen datum van controle: niemand heeft hun feiten al met de bronnen vergeleken. "
            "Kijk de bronnen na, zet bij elke nagekeken bron 'consulted' en daarna 'reviewed' op het record.",
        ),
        (
            "old",
            "Feiten op oude bronnen",
            "Contacten, organisaties, regio's en wetten veranderen. Bij deze records is de nieuwste bron met een "
            "datum meer dan drie jaar oud. Zoek een nieuwere bron, het liefst van de organisatie of overheid zelf.",
        ),
        (
            "overdue",
            "Opnieuw controleren",
            f"Deze records zijn langer dan {REVIEW_AFTER.days} dagen niet gecontroleerd.",
        ),
        (
            "unknown",
            "Onbekende feiten",
            "Deze feiten staan als onbekend in de data, met de plek waar ze te vinden zouden zijn.",
        ),
        (
            "unlinked",
            "Bronnen zonder link",
            "Deze bronnen hebben geen webadres. Staat de bron ergens online, voeg dan de link toe.",
        ),
    )
    for key, title, intro in sections:
        out += [f"## {title}", "", intro, ""]
        if not gaps[key]:
            out += ["Niets: alles is ingevuld.", ""]
        elif key == "unlinked":
            # The same offline source (a CBS table, the Routewijzer PDF) backs many records: one row per source.
            by_title: dict[str, list[Gap]] = {}
            for gap in gaps[key]:
                by_title.setdefault(gap.text, []).append(gap)
            out += ["| Bron | Aantal records | Bijvoorbeeld |", "|---|---|---|"]
            for text, group in sorted(by_title.items(), key=lambda item: (-len(item[1]), item[0])):
                first = group[0]
                out.append(f"| {_md(text)} | {len(group)} | {link(first.entry)} (`{first.entry.path}:{first.line}`) |")
            out.append("")
        else:
            out += ["| Pagina | Bestand en regel | Veld | Toelichting |", "|---|---|---|---|"]
            for gap in gaps[key]:
                out.append(f"| {link(gap.entry)} | `{gap.entry.path}:{gap.line}` | `{gap.field}` | {_md(gap.text)} |")
            out.append("")
    out += _translations(catalog, link)
    return "\n".join(out).rstrip() + "\n"


def _translations(catalog: Catalog, link: typing.Callable[[Entry], str]) -> list[str]:
    """Missing and outdated English translations (`en:`), for the coverage page.

    Missing: a glossary term, contact or route for parents or young people without `en:`.
    Outdated: the Dutch record was reviewed after its translation (`reviewed` later than
    `en.reviewed`): a review is when the Dutch facts are compared and changed, so the English
    may no longer say the same. Route steps without a translation open in Dutch; they are counted.
    """
    missing, outdated, routes = [], [], []
    for kind in TRANSLATABLE_KINDS:
        for entry in catalog.of_kind(kind):
            status, dutch_date = translation_status(entry)
            if status == "missing" and {"ouder", "jongere"} & set(entry.record.audience):
                missing.append(f"| {link(entry)} | `{entry.path}` |")
            elif status == "outdated" and dutch_date is not None:
                english = translation(entry)
                assert english is not None
                outdated.append(
                    f"| {link(entry)} | `{entry.path}:{entry.line('en', 'reviewed')}` | "
                    f"{format_date(english.reviewed)} | {format_date(dutch_date)} |"
                )
            route = entry.record
            if isinstance(route, Route) and route.en is not None:
                routes.append(f"| {link(entry)} | {len(route.en.nodes)} van {len(route.nodes)} |")
    out = [
        "## Engelse vertalingen",
        "",
        "Begrippen, contacten en routes voor ouders en jongeren kunnen een Engelse vertaling hebben "
        "(`en:` in hetzelfde bestand). Een record zonder vertaling heeft geen Engelse pagina; een link "
        'ernaartoe op een Engelse pagina zegt "(in Dutch)".',
        "",
        "### Nog niet vertaald",
        "",
    ]
    out += (["| Pagina | Bestand |", "|---|---|", *missing] if missing else ["Niets: alles is vertaald."]) + [""]
    out += [
        "### Vertaling verouderd",
        "",
        "Het Nederlandse record is later gecontroleerd (`reviewed`) dan de vertaling (`en.reviewed`). "
        "Vergelijk de Engelse tekst met de Nederlandse en zet daarna `en.reviewed` op de datum van vandaag.",
        "",
    ]
    out += (
        [
            "| Pagina | Bestand en regel | Vertaling nagekeken | Nederlands gecontroleerd |",
            "|---|---|---|---|",
            *outdated,
        ]
        if outdated
        else ["Niets: elke vertaling is bij."]
    ) + [""]
    if routes:
        out += ["### Vertaalde stappen per route", "", "| Route | Stappen in het Engels |", "|---|---|", *routes, ""]
    return out


# --------------------------------------------------------------------------- field reference


def _n(value: int) -> str:
    """1.000: a Dutch thousands separator."""
    return f"{value:,}".replace(",", ".")


def _text_kind(metadata: Iterable[Any]) -> str | None:
    kinds = TEXT_KINDS
    for meta in metadata:
        func = getattr(meta, "func", None)
        if func in kinds:
            return kinds[func]
    return None


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _text_kind(args[1:]) or _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in args if a is not type(None)]
        if "onbekend" in names:
            return f"{' of '.join(n for n in names if n != 'onbekend')}, of onbekend"
        return " of ".join(names)
    if origin is list:
        return f"lijst van {_type_name(args[0])}" if args else "lijst"
    if origin is dict:
        return f"per id een {_type_name(args[1])}" if args else "groep"
    if origin is typing.Literal:
        return "een van: " + ", ".join(f"`{a}`" for a in args)
    if annotation is Unknown:
        return "onbekend"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"groep ({annotation.__name__})"
    return {str: "tekst", int: "getal", bool: "true/false", date: "datum (JJJJ-MM-DD)"}.get(annotation, "tekst")


def render_field_reference() -> str:
    """Markdown listing every field of every record kind, from the model docstrings."""
    out = [
        "# Velden per soort record",
        "",
        "Deze pagina wordt gemaakt uit dezelfde beschrijvingen die je editor toont bij elk veld. "
        "Verplichte velden zijn **vet**.",
        "",
    ]
    out += _limits()
    shared = (Source, Unknown)
    for kind, model in KINDS.items():
        out += [
            dialect.heading(2, f"{KIND_LABELS[kind][1]} (`data/{kind}/`)", anchor=kind),
            "",
            _md((model.__doc__ or "").strip()),
            "",
        ]
        for sub in iter_models(model, set(shared)):
            if sub is not model:
                out += [dialect.heading(3, f"Groep {sub.__name__}", anchor=f"{kind}-{sub.__name__.lower()}"), ""]
                out += [_md((sub.__doc__ or "").strip()), ""]
            out += _field_table(sub)
    out += [dialect.heading(2, "Gedeelde groepen", anchor="gedeeld"), ""]
    for sub in shared:
        out += [dialect.heading(3, sub.__name__, anchor=sub.__name__.lower()), "", _md((sub.__doc__ or "").strip()), ""]
        out += _field_table(sub)
    return "\n".join(out).rstrip() + "\n"


def _limits() -> list[str]:
    """The limits every record is checked against, from the model's constants."""

    n = _n
    invisible = ", ".join(f"{char_name(c)}" for c in INVISIBLE)
    return [
        dialect.heading(2, "Grenzen en tekens", anchor="grenzen"),
        "",
        "Elk record wordt hierop gecontroleerd; `make check` noemt het bestand, de regel en het veld.",
        "",
        f"- **Gewone tekst** (titels, namen, samenvattingen, uitleg, zoekwoorden) staat op de pagina precies "
        f"zoals je hem schrijft: geen HTML, geen Markdown, geen opmaakblokken. Titels, namen en zoekwoorden hebben "
        f"hoogstens {n(MAX_TITLE)} tekens, afkortingen {n(MAX_ABBREVIATION)}, andere tekst op één "
        f"regel {n(MAX_TEXT)}.",
        f"- **Markdown op één regel** (de uitleg bij een vraag in een route): nadruk en links, geen koppen, lijsten, "
        f"kaders of tabellen; hoogstens {n(MAX_TEXT)} tekens.",
        f"- **Markdown met alinea's** (`body`): koppen, lijsten en links; HTML alleen "
        f"{', '.join(f'<{t}>' for t in sorted(ALLOWED_TAGS))}, zonder attributen als onclick of style; geen "
        f"afbeeldingen en geen javascript:- of data:-links; hoogstens {n(MAX_BODY)} tekens.",
        "- **Eén regel** betekent: geen regelovergang of tab, en niet beginnen met een kop (#), kader (!!! of ???), "
        "opsomming (-, * of 1.), citaat (>), codeblok (```), tabel (|), definitie (*[…]: of […]:) of scheidingslijn; "
        "nergens een HTML-commentaar (<!--).",
        f"- **Lijsten** hebben hoogstens {MAX_ITEMS} waarden (ook de stappen van een route); `keywords` en "
        f"`synonyms` hoogstens {MAX_KEYWORDS}.",
        f"- **Webadressen** hebben hoogstens {n(MAX_URL)} tekens; een id hoogstens 100.",
        "- **Onzichtbare tekens** zijn nergens toegestaan: stuurtekens (U+0000–U+001F, U+007F–U+009F; in Markdown met "
        f"alinea's wel een regelovergang en een tab) en {invisible}.",
        "- **Getallen** zijn gewone getallen; `.nan` en `.inf` zijn geen getal.",
        "- **Bestanden**: elk bestand in `data/` is een record (`data/<soort>/<id>.yaml`) of wordt als fout gemeld: "
        f"ook verborgen bestanden (met een punt vooraan), andere extensies, mappen op de verkeerde plek en bestanden "
        f"die niet te lezen zijn. Een bestand is hoogstens {_model_file_limit()} kB.",
        "- **Zoeken**: de zoekfunctie leest hoogstens 200 tekens en 32 woorden van een zoekvraag.",
        "",
    ]


def _model_file_limit() -> str:
    from ..load import MAX_FILE_BYTES

    return f"{MAX_FILE_BYTES // 1000:,}".replace(",", ".")


def _field_table(model: type[BaseModel]) -> list[str]:
    rows = ["| Veld | Soort waarde | Uitleg | Voorbeeld |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        label = f"**`{name}`**" if info.is_required() else f"`{name}`"
        example = field_example(model, name)
        # A code span shows the text as written (no escapes); only a pipe or backtick could break it.
        text = json.dumps(example, ensure_ascii=False).replace("|", "/").replace("`", "'")
        shown = "" if example is None else f"`{text}`"
        kind = _text_kind(info.metadata) or _type_name(info.annotation)
        rows.append(f"| {label} | {kind} | {_md(info.description or '')} | {shown} |")
    return [*rows, ""]
