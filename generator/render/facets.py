"""Browsing long overviews by facet: the lessons by level and kind, the documents and tools by
kind and audience, both also by theme.

Without JavaScript the overview is a set of grouped lists (headings per group, a "Snel naar"
line); with it, docs/assets/javascripts/rw-filter.js turns the empty holder above the lists into
one select box per facet and hides the items (and the group headings left empty) that do not
match. Each item carries its facet values in an empty, hidden marker element, so the script
needs no knowledge of the groups; the holder carries the facets' labels and options.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..catalog import Catalog, Entry
from ..model import AUDIENCE_LABELS, Lesson, Resource
from . import dialect
from .frame import link, page_path
from .text import escape

LEVEL_TITLES = {
    "gezin": "Gezin",
    "professional": "Professional",
    "organisatie": "Organisatie",
    "stelsel": "Stelsel",
}
"""Level → heading, in the original guide's order (from the family out to the system)."""

LESSON_KIND_TITLES = {
    "knooppunt": "Knooppunten",
    "succesfactor": "Succesfactoren",
    "aanbeveling": "Aanbevelingen",
}
"""Lesson kind → heading (plural)."""

RESOURCE_KIND_TITLES = {
    "document": "Documenten",
    "rapport": "Rapporten",
    "hulpmiddel": "Hulpmiddelen",
    "website": "Websites",
    "artikel": "Artikelen",
    "video": "Video's",
    "wettekst": "Wetteksten",
}
"""Resource kind → heading (plural), in the order the overview lists them."""

AUDIENCE_TITLES = {"professional": "Professionals", "ouder": "Ouders", "jongere": "Jongeren"}
"""Audience → option label."""


@dataclass(frozen=True)
class Facet:
    """One way to filter: its key in the item markers, the select box's label and its options."""

    key: str
    label: str
    options: Sequence[tuple[str, str]]
    """(value, label) pairs, in the order the select box shows them."""


def facet_holder(list_id: str, facets: Sequence[Facet]) -> str:
    """The empty element rw-filter.js fills with one select box per facet (nothing without JavaScript)."""
    spec = [{"key": f.key, "label": f.label, "options": [list(o) for o in f.options]} for f in facets]
    return dialect.block(
        "div",
        "",
        attributes=(
            f'class="rw-facets" data-rw-facets="{list_id}" '
            f'data-rw-facets-spec="{html.escape(json.dumps(spec, ensure_ascii=False))}"'
        ),
        search_exclude=True,
    )


def item_marker(values: Sequence[tuple[str, str]]) -> str:
    """The hidden, empty marker of one list item: its facet values as `key:value` tokens."""
    tokens = " ".join(f"{key}:{value}" for key, value in values)
    return dialect.block("span", "", attributes=f'class="rw-facet-item" hidden data-rw-item="{html.escape(tokens)}"')


def _theme_facet(catalog: Catalog, entries: Sequence[Entry]) -> Facet:
    used = {t for e in entries for t in getattr(e.record, "themes", [])}
    options = [(t.id, t.record.title) for t in catalog.of_kind("thema") if t.id in used]
    return Facet("thema", "Thema", options)


def _item(entry: Entry, path: str, values: list[tuple[str, str]], extra: str = "") -> str:
    target = link(path, page_path(entry.kind, entry.id), entry.record.title)
    themes = [("thema", t) for t in getattr(entry.record, "themes", [])]
    return f"- {target}: {escape(entry.record.summary)}{extra} {item_marker(values + themes)}"


def _quick_links(groups: Sequence[tuple[str, str]]) -> str:
    return "Snel naar: " + " · ".join(f"[{title}](#{anchor})" for anchor, title in groups)


def render_lessons(catalog: Catalog, entries: Sequence[Entry], path: str) -> list[str]:
    """The lessons grouped by level, then by kind within each level; filters by level, kind and theme."""
    lessons = [(e, e.record) for e in entries if isinstance(e.record, Lesson)]
    levels = [lv for lv in LEVEL_TITLES if any(r.level == lv for _, r in lessons)]
    out = [
        "De lessen staan per niveau: het gezin, de professional, de organisatie en het stelsel. "
        "Per niveau eerst de knooppunten, dan de succesfactoren en de aanbevelingen.",
        "",
        facet_holder(
            "rw-lessen",
            [
                Facet("niveau", "Niveau", [(lv, LEVEL_TITLES[lv]) for lv in levels]),
                Facet("soort", "Soort les", list(LESSON_KIND_TITLES.items())),
                _theme_facet(catalog, entries),
            ],
        ),
        "",
        _quick_links([(lv, LEVEL_TITLES[lv]) for lv in levels]),
        "",
        dialect.open_block("div", attributes='id="rw-lessen"'),
        "",
    ]
    for level in levels:
        out += [dialect.heading(2, LEVEL_TITLES[level], anchor=level), ""]
        for kind, kind_title in LESSON_KIND_TITLES.items():
            group = sorted(
                (e for e, r in lessons if r.level == level and r.kind == kind), key=lambda e: e.record.title.casefold()
            )
            if not group:
                continue
            out += [dialect.heading(3, kind_title, anchor=f"{level}-{kind}"), ""]
            out += [_item(e, path, [("niveau", level), ("soort", kind)]) for e in group]
            out.append("")
    out += ["</div>", ""]
    return out


def render_resources(catalog: Catalog, entries: Sequence[Entry], path: str) -> list[str]:
    """Documents and tools grouped by kind, each with its audience; filters by kind, audience and theme."""
    resources = [(e, e.record) for e in entries if isinstance(e.record, Resource)]
    kinds = [k for k in RESOURCE_KIND_TITLES if any(r.kind == k for _, r in resources)]
    audiences = [a for a in AUDIENCE_TITLES if any(a in r.audience for _, r in resources)]

    def for_whom(record: Resource) -> str:
        return " *(voor " + ", ".join(AUDIENCE_LABELS[a] for a in record.audience) + ")*"

    out = [
        facet_holder(
            "rw-hulpmiddelen",
            [
                Facet("soort", "Soort", [(k, RESOURCE_KIND_TITLES[k]) for k in kinds]),
                Facet("voor", "Voor wie", [(a, AUDIENCE_TITLES[a]) for a in audiences]),
                _theme_facet(catalog, entries),
            ],
        ),
        "",
        _quick_links([(k, RESOURCE_KIND_TITLES[k]) for k in kinds]),
        "",
        dialect.open_block("div", attributes='id="rw-hulpmiddelen"'),
        "",
    ]
    for kind in kinds:
        group = sorted((e for e, r in resources if r.kind == kind), key=lambda e: e.record.title.casefold())
        out += [dialect.heading(2, RESOURCE_KIND_TITLES[kind], anchor=kind), ""]
        for e in group:
            record = e.record
            assert isinstance(record, Resource)
            values = [("soort", kind)] + [("voor", a) for a in record.audience]
            out.append(_item(e, path, values, for_whom(record)))
        out.append("")
    out += ["</div>", ""]
    return out


BROWSERS: dict[str, Callable[[Catalog, Sequence[Entry], str], list[str]]] = {
    "les": render_lessons,
    "hulpmiddel": render_resources,
}
"""Record kinds whose overview is browsed by facet, and the function that renders it."""
