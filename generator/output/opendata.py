"""The open data downloads built with the site: every record kind as JSON with its JSON Schema, the
flat kinds also as CSV, and a DCAT-AP-NL 3.0 catalogue (`data/catalogus.jsonld`) for portals.

Pure and reproducible: the same catalog, site URL, licence and build date give the same bytes.
The file names come from `generator.render.opendata`, which also writes the page that lists them.

A download (`data/<kind>.json`):

    {"kind": "regio", "title": "Jeugdregio's", "version": "<12 hex>", "built": "2026-12-06",
     "licence": "https://creativecommons.org/publicdomain/zero/1.0/", "schema": "<url of regio.schema.json>",
     "records": [{"id": "achterhoek", "page_url": "<its page>", "title": …, …}, …]}

`version` is a hash of the records: it changes exactly when the data changes.
"""

from __future__ import annotations

import copy
import csv
import functools
import hashlib
import io
import json
import pkgutil
import sys
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from ..catalog import Catalog, Entry
from ..model import KIND_BY_FOLDER, KIND_LABELS, KIND_ORDER, KINDS, Contact, Law, Region, Term, Unknown
from ..render.opendata import CATALOGUE, CSV_KINDS, PAGE_PATH, Licence, csv_path, json_path, schema_path
from .cache import ResultCache, code_digest, digest

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

EU = "http://publications.europa.eu/resource/authority"
IANA = "https://www.iana.org/assignments/media-types"


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def record_json(entry: Entry, page_url: str) -> dict[str, Any]:
    """One record as data: its id, its page, then its fields as in data/ (unknown facts as {"unknown": …})."""
    return {"id": entry.id, "page_url": page_url, **entry.record.model_dump(mode="json", exclude_none=True)}


@functools.cache
def _model_schema(kind: str) -> dict[str, Any]:
    """pydantic builds a model's JSON Schema anew on every call (most of the open data's build time
    under `make serve`); the models do not change while the process runs. Callers copy it."""
    return KINDS[kind].model_json_schema(mode="validation")


def download_schema(kind: str, schema_url: str) -> dict[str, Any]:
    """The JSON Schema of `data/<kind>.json`: the wrapper, and each record as the model validates it plus id and url."""
    record = copy.deepcopy(_model_schema(kind))
    defs = record.pop("$defs", {})
    record["properties"] = {
        "id": {
            "type": "string",
            "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
            "description": "De naam van het bestand in data/.",
        },
        "page_url": {"type": "string", "format": "uri", "description": "De pagina van het record op de site."},
        **record.get("properties", {}),
    }
    record["required"] = ["id", "page_url", *record.get("required", [])]
    defs["Record"] = record
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_url,
        "title": f"Routewijzer: {KIND_LABELS[kind][1]} (open data)",
        "type": "object",
        "additionalProperties": False,
        "required": ["kind", "title", "version", "built", "licence", "schema", "records"],
        "properties": {
            "kind": {"const": kind},
            "title": {"type": "string"},
            "version": {"type": "string", "pattern": "^[0-9a-f]{12}$"},
            "built": {"type": "string", "format": "date"},
            "licence": {"type": "string", "format": "uri"},
            "schema": {"type": "string", "format": "uri"},
            "records": {"type": "array", "items": {"$ref": "#/$defs/Record"}},
        },
        "$defs": defs,
    }


def _version(records: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(records, sort_keys=True).encode()).hexdigest()[:12]


def _cell(value: object) -> str:
    if value is None or isinstance(value, Unknown):
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _rows(kind: str, entries: Iterable[Entry], url_of: Callable[[str], str]) -> tuple[list[str], list[list[object]]]:
    """Header and rows of a kind's CSV: one row per record (per municipality for regions)."""
    rows: list[list[object]] = []
    if kind == "regio":
        header = ["regio_id", "regio", "cbs_code", "gemeente", "gemeentecode", "vroegere_namen", "andere_namen"]
        header += ["zeker", "netwerk", "url"]
        for e in entries:
            region = e.record
            assert isinstance(region, Region)
            for m in sorted(region.municipalities, key=lambda m: m.code):
                rows.append([e.id, region.title, region.cbs_code, m.name, m.code, m.former_names, m.other_names])
                rows[-1] += [m.certain, region.network, url_of(f"regio/{e.id}.md")]
    elif kind == "contact":
        header = ["id", "naam", "samenvatting", "telefoon", "website", "e-mail", "bereikbaar", "kosten", "url"]
        for e in entries:
            c = e.record
            assert isinstance(c, Contact)
            rows.append(
                [e.id, c.title, c.summary, c.phone, c.website, c.email, c.hours, c.cost, url_of(f"contact/{e.id}.md")]
            )
    elif kind == "wet":
        header = ["id", "naam", "afkorting", "officiele_naam", "bwbr", "officiele_tekst", "geldt_sinds", "samenvatting"]
        header.append("url")
        for e in entries:
            law = e.record
            assert isinstance(law, Law)
            rows.append([e.id, law.title, law.abbreviation, law.official_title, law.bwbr, law.url, law.in_force])
            rows[-1] += [law.summary, url_of(f"wet/{e.id}.md")]
    elif kind == "begrip":
        header = ["id", "begrip", "afkorting", "ook_genoemd", "betekenis", "url"]
        for e in entries:
            term = e.record
            assert isinstance(term, Term)
            rows.append(
                [e.id, term.title, term.abbreviation, term.synonyms, term.definition, url_of(f"begrip/{e.id}.md")]
            )
    else:
        raise ValueError(f"no CSV for {kind}")
    return header, rows


def render_csv(kind: str, entries: Iterable[Entry], url_of: Callable[[str], str]) -> str:
    header, rows = _rows(kind, entries, url_of)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def open_data_files(
    catalog: Catalog,
    *,
    url_of: Callable[[str], str],
    site_name: str,
    licence: Licence,
    built: date,
    contact_page: str = "index.md",
    store: ResultCache | None = None,
) -> dict[str, str]:
    """Site path → text of every download, its schema and the catalogue. `url_of` turns a site path
    (a page's `.md` path or a file's path) into its absolute URL; `contact_page` says how to reach
    the editors (the catalogue's contact point). `store` keeps each kind's files by its records'
    bytes, so an edit makes only its own kind's files again."""
    files: dict[str, str] = {}
    datasets = []
    for kind in KIND_ORDER:
        entries = catalog.of_kind(kind)
        made, version = _kind_files(kind, entries, url_of=url_of, licence=licence, built=built, store=store)
        files.update(made)
        reviewed = [e.record.reviewed for e in entries if e.record.reviewed]
        modified = max(reviewed) if reviewed else None
        datasets.append(_dataset(kind, version, modified, url_of, site_name, licence, url_of(contact_page)))
    files[CATALOGUE] = _dump(_catalogue(datasets, url_of, site_name, licence, built, url_of(contact_page)))
    return files


def _kind_files(
    kind: str,
    entries: list[Entry],
    *,
    url_of: Callable[[str], str],
    licence: Licence,
    built: date,
    store: ResultCache | None,
) -> tuple[dict[str, str], str]:
    """The schema, JSON and (for flat kinds) CSV of one kind, and its version."""
    key = None
    if store is not None and all(e.fingerprint for e in entries):
        key = digest(
            _code_digest(),
            kind,
            built.isoformat(),
            licence.url,
            url_of(schema_path(kind)),
            *(f"{e.id}\0{url_of(f'{kind}/{e.id}.md')}\0{e.fingerprint}" for e in entries),
        )
        hit = store.get("opendata", key)
        if isinstance(hit, list) and len(hit) == 2 and isinstance(hit[0], dict) and isinstance(hit[1], str):
            return hit[0], hit[1]
    records = [record_json(e, url_of(f"{kind}/{e.id}.md")) for e in entries]
    version = _version(records)
    files = {
        schema_path(kind): _dump(download_schema(kind, url_of(schema_path(kind)))),
        json_path(kind): _dump(
            {
                "kind": kind,
                "title": KIND_LABELS[kind][1],
                "version": version,
                "built": built.isoformat(),
                "licence": licence.url,
                "schema": url_of(schema_path(kind)),
                "records": records,
            }
        ),
    }
    if kind in CSV_KINDS:
        files[csv_path(kind)] = render_csv(kind, entries, url_of)
    if store is not None and key is not None:
        store.put("opendata", key, [files, version])
    return files, version


@functools.cache
def _code_digest() -> str:
    """This module, the models whose dumps and schemas it writes, and pydantic's version."""
    from importlib.metadata import version

    package = sys.modules[KINDS[KIND_ORDER[0]].__module__.rpartition(".")[0]]  # generator.model
    models = sorted(f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__))
    return digest(code_digest(__name__, "generator.render.opendata", package.__name__, *models), version("pydantic"))


# --------------------------------------------------------------------------- DCAT-AP-NL 3.0

DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _literal(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def _agent(site_name: str, url_of: Callable[[str], str]) -> dict[str, Any]:
    return {"@id": url_of("index.md"), "@type": "foaf:Agent", "foaf:name": _literal(site_name)}


def _contact(site_name: str, page_url: str) -> dict[str, Any]:
    # The site's own page on how to reach the editors; no e-mail address is invented.
    return {"@type": "vcard:Organization", "vcard:fn": f"Redactie {site_name}", "vcard:hasURL": {"@id": page_url}}


def _distribution(
    path: str, fmt: str, media: str, schema_url: str | None, licence: Licence, url_of: Callable[[str], str]
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@id": url_of(path),
        "@type": "dcat:Distribution",
        "dcat:accessURL": {"@id": url_of(path)},
        "dcat:downloadURL": {"@id": url_of(path)},
        "dct:license": {"@id": licence.url},
        "dct:format": {"@id": f"{EU}/file-type/{fmt}"},
        "dcat:mediaType": {"@id": f"{IANA}/{media}"},
        "dct:language": {"@id": f"{EU}/language/NLD"},
    }
    if schema_url:
        item["dct:conformsTo"] = {"@id": schema_url}
    return item


def _dataset(
    kind: str,
    version: str,
    modified: date | None,
    url_of: Callable[[str], str],
    site_name: str,
    licence: Licence,
    contact_url: str,
) -> dict[str, Any]:
    identifier = url_of(json_path(kind)).removesuffix(".json")
    distributions = [
        _distribution(json_path(kind), "JSON", "application/json", url_of(schema_path(kind)), licence, url_of)
    ]
    if kind in CSV_KINDS:
        distributions.append(_distribution(csv_path(kind), "CSV", "text/csv", None, licence, url_of))
    item: dict[str, Any] = {
        "@id": identifier,
        "@type": "dcat:Dataset",
        "dct:identifier": identifier,
        "dct:title": _literal(f"{site_name}: {KIND_LABELS[kind][1]}"),
        "dct:description": _literal(KIND_BY_FOLDER[kind].intro),
        "dct:accessRights": {"@id": f"{EU}/access-right/PUBLIC"},
        "dcat:contactPoint": _contact(site_name, contact_url),
        "dct:creator": _agent(site_name, url_of),
        "dct:publisher": _agent(site_name, url_of),
        "dcat:theme": {"@id": f"{EU}/data-theme/SOCI"},
        "dct:language": {"@id": f"{EU}/language/NLD"},
        "dct:spatial": {"@id": f"{EU}/country/NLD"},
        "dcat:landingPage": {"@id": url_of(f"{kind}/index.md")},
        "dcat:version": version,
        "dcat:distribution": distributions,
    }
    if modified is not None:
        item["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:date"}
    return item


def _catalogue(
    datasets: list[dict[str, Any]],
    url_of: Callable[[str], str],
    site_name: str,
    licence: Licence,
    built: date,
    contact_url: str,
) -> dict[str, Any]:
    return {
        "@context": DCAT_CONTEXT,
        "@id": url_of(CATALOGUE),
        "@type": "dcat:Catalog",
        "dct:title": _literal(f"{site_name}: open data"),
        "dct:description": _literal(
            "De gegevens achter de Routewijzer jeugdzorg: jeugdregio's met hun gemeenten, expertisenetwerken, "
            "wetten, contacten, begrippen, thema's, lessen, hulpmiddelen en routes."
        ),
        "dct:publisher": _agent(site_name, url_of),
        "dcat:contactPoint": _contact(site_name, contact_url),
        "dct:license": {"@id": licence.url},
        "dct:language": {"@id": f"{EU}/language/NLD"},
        "foaf:homepage": {"@id": url_of(PAGE_PATH)},
        "dct:modified": {"@value": built.isoformat(), "@type": "xsd:date"},
        "dcat:themeTaxonomy": {"@id": f"{EU}/data-theme"},
        "dcat:dataset": datasets,
    }
