"""The open data page (/data/): what can be downloaded, in which form, under which licence.

The files themselves are made by `generator.output.opendata`; this module names them, so the page
and the files cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog
from ..model import KIND_LABELS, KIND_ORDER
from . import dialect
from .frame import Page
from .text import escape

DATA_DIR = "data"
"""URL folder of the downloads and of the page that lists them."""

PAGE_PATH = f"{DATA_DIR}.md"
"""The page /data/. Not data/index.md: with Material's section indexes, an index.md inside another
section would be taken for a section index and left out of the sidebar."""

CSV_KINDS = ("regio", "contact", "wet", "begrip")
"""The kinds that are flat enough for one table: regions (one row per municipality), contacts, laws, glossary."""

CATALOGUE = f"{DATA_DIR}/catalogus.jsonld"
"""The DCAT-AP-NL 3.0 catalogue of the datasets, for open data portals to harvest."""


@dataclass(frozen=True)
class Licence:
    """The one licence of every download (mkdocs.yml `extra: open_data_licence:`; default CC0 1.0)."""

    name: str
    url: str


DEFAULT_LICENCE = Licence("CC0 1.0 Universeel (publiek domein)", "https://creativecommons.org/publicdomain/zero/1.0/")


def licence_from(extra: object) -> Licence:
    """The licence from mkdocs.yml's `extra:` (`open_data_licence: {name, url}`), else CC0 1.0.

    Raises ValueError with a Dutch message when the setting is there but incomplete.
    """
    setting = extra.get("open_data_licence") if isinstance(extra, dict) else None
    if setting is None:
        return DEFAULT_LICENCE
    if not (isinstance(setting, dict) and isinstance(setting.get("name"), str) and isinstance(setting.get("url"), str)):
        raise ValueError("mkdocs.yml: extra.open_data_licence: geef de naam (name) en het adres (url) van de licentie")
    return Licence(setting["name"], setting["url"])


def json_path(kind: str) -> str:
    return f"{DATA_DIR}/{kind}.json"


def schema_path(kind: str) -> str:
    return f"{DATA_DIR}/{kind}.schema.json"


def csv_path(kind: str) -> str:
    return f"{DATA_DIR}/{kind}.csv"


def render_open_data_page(catalog: Catalog, licence: Licence) -> Page:
    """The page /data/: every download with its schema, how to use it, and the licence (once)."""
    path = PAGE_PATH
    title = "Open data"
    out = [
        dialect.front_matter(boost=0.5),
        "",
        f"# {title}",
        "",
        "Alle gegevens van de Routewijzer zijn vrij te gebruiken: de jeugdregio's met hun gemeenten, "
        "de contacten, de wetten, de begrippen en de rest. Je hoeft de site niet over te nemen: "
        "download de gegevens zelf. Ze worden bij elke nieuwe versie van de site opnieuw gemaakt.",
        "",
        "## Licentie",
        "",
        f"Je mag alles gebruiken, ook zonder naamsvermelding: [{escape(licence.name)}]({licence.url}).",
        "",
        "## Bestanden",
        "",
        "| Gegevens | Aantal | JSON | Schema | CSV |",
        "|---|---|---|---|---|",
    ]
    for kind in KIND_ORDER:
        count = len(catalog.of_kind(kind))
        csv = f"[{kind}.csv]({csv_path(kind)})" if kind in CSV_KINDS else "—"
        out.append(
            f"| {KIND_LABELS[kind][1]} | {count} | [{kind}.json]({json_path(kind)}) | "
            f"[{kind}.schema.json]({schema_path(kind)}) | {csv} |"
        )
    out += [
        "",
        "Elk JSON-bestand noemt zijn soort, een versie (verandert alleen als de gegevens veranderen), de "
        "bouwdatum, de licentie en het schema, en daarna de records (`records`). Elk record heeft zijn `id` "
        "en het adres van zijn pagina (`page_url`). Een feit dat we niet weten, staat er zo in: "
        '`{"unknown": "waarom niet en waar je het kunt vinden"}`. In een CSV-bestand is die cel leeg.',
        "",
        "In `regio.csv` staat elke gemeente op een eigen regel, met de jeugdregio waar ze bij hoort.",
        "",
        "## Voor open-dataportalen",
        "",
        f"De catalogus [catalogus.jsonld]({CATALOGUE}) beschrijft alle datasets volgens DCAT-AP-NL 3.0, "
        "zodat een portaal ze kan ophalen.",
        "",
    ]
    return Page(
        path,
        "\n".join(out),
        title,
        description="Download alle gegevens van de Routewijzer als JSON of CSV, met schema en vrije licentie: "
        "jeugdregio's en hun gemeenten, contacten, wetten en begrippen.",
    )
