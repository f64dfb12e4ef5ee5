"""A checker for schema.org JSON-LD against the vocabulary itself (test helper).

The vocabulary is schema.org's own release file, `schemaorg-current-https.jsonld` of release 30.0
(github.com/schemaorg/schemaorg, data/releases/30.0/), kept gzipped and unchanged in
tests/fixtures/schemaorg/ so that nothing is fetched while testing. Checked per object:

- its `@type` is a schema.org class (not a data type);
- each property exists, is not superseded, and its `domainIncludes` holds the type or a class it
  inherits from;
- each value fits the property's `rangeIncludes`: a nested object by its type (or a subclass), a
  string only where a data type (Text, URL, Date, DateTime) is allowed, a date as ISO 8601, a URL as
  an absolute http(s) URL where only URL is allowed;
- the values Routewijzer promises for each type (REQUIRED) are there.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

VOCABULARY = Path(__file__).parent / "fixtures" / "schemaorg" / "schemaorg-current-https.jsonld.gz"

REQUIRED: dict[str, set[str]] = {
    "WebPage": {"name", "url", "description", "inLanguage", "isPartOf"},
    "WebSite": {"name", "url"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
    "Organization": {"name", "contactPoint"},
    "ContactPoint": {"contactType"},
    "Legislation": {"name", "legislationIdentifier", "legislationJurisdiction", "url"},
    "DefinedTerm": {"name", "description", "inDefinedTermSet"},
    "DefinedTermSet": {"name"},
    "AdministrativeArea": {"name"},
}
"""What each type must say on this site: enough for a search engine to use it."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_URL = re.compile(r"^https?://[^\s]+$")


def _ids(value: Any) -> set[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return {item["@id"].removeprefix("schema:") for item in items if isinstance(item, dict) and "@id" in item}


class Vocabulary:
    def __init__(self, path: Path = VOCABULARY) -> None:
        graph = json.loads(gzip.decompress(path.read_bytes()))["@graph"]
        self.parents: dict[str, set[str]] = {}
        self.datatypes: set[str] = set()
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        self.superseded: set[str] = set()
        for node in graph:
            name = node["@id"].removeprefix("schema:")
            types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "rdfs:Class" in types or "schema:DataType" in types:
                self.parents[name] = _ids(node.get("rdfs:subClassOf"))
                if "schema:DataType" in types:
                    self.datatypes.add(name)
            if "rdf:Property" in types:
                self.domains[name] = _ids(node.get("schema:domainIncludes"))
                self.ranges[name] = _ids(node.get("schema:rangeIncludes"))
                if node.get("schema:supersededBy"):
                    self.superseded.add(name)
        # Data types by inheritance too (URL is a Text).
        self.datatypes |= {c for c in self.parents if self.ancestors(c) & {"Text", "Number", "Date", "DateTime"}}

    def ancestors(self, name: str) -> set[str]:
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            todo += self.parents.get(current, set())
        return seen

    def check(self, data: Any, where: str = "") -> list[str]:
        """Every problem in one JSON-LD object (and the objects inside it)."""
        problems: list[str] = []
        if not isinstance(data, dict) or data.get("@context") != "https://schema.org":
            return [f"{where}: top-level object without @context https://schema.org"]
        self._object(data, where or "$", problems)
        return problems

    def _object(self, obj: dict[str, Any], where: str, problems: list[str]) -> set[str]:
        type_ = obj.get("@type")
        if not isinstance(type_, str) or type_ not in self.parents or type_ in self.datatypes:
            problems.append(f"{where}: @type {type_!r} is not a schema.org class")
            return set()
        lineage = self.ancestors(type_)
        for key in REQUIRED.get(type_, set()) - obj.keys():
            problems.append(f"{where}: {type_} without {key}")
        for key, value in obj.items():
            if key.startswith("@"):
                continue
            here = f"{where}.{key}"
            if key not in self.domains:
                problems.append(f"{here}: no schema.org property {key!r}")
                continue
            if key in self.superseded:
                problems.append(f"{here}: {key!r} is superseded")
            if not self.domains[key] & lineage:
                problems.append(f"{here}: {key!r} is not a property of {type_}")
            for i, item in enumerate(value if isinstance(value, list) else [value]):
                self._value(key, item, f"{here}[{i}]" if isinstance(value, list) else here, problems)
        return lineage

    def _value(self, key: str, value: Any, where: str, problems: list[str]) -> None:
        allowed = self.ranges[key]
        if isinstance(value, dict):
            lineage = self._object(value, where, problems)
            if lineage and not lineage & allowed:
                problems.append(f"{where}: a {value.get('@type')} is not in the range of {key!r} ({sorted(allowed)})")
            return
        if isinstance(value, bool):
            ok = "Boolean" in allowed
        elif isinstance(value, int | float):
            ok = bool(allowed & {"Number", "Integer", "Float"})
        elif isinstance(value, str):
            texts = {c for c in allowed & self.datatypes if "Text" in self.ancestors(c) and c != "URL"}
            dates = allowed & {"Date", "DateTime"}
            things = allowed - self.datatypes
            if texts:
                ok = bool(value.strip())
            elif dates:
                ok = bool(_DATE.match(value) or ("DateTime" in dates and _DATETIME.match(value)))
            else:
                # schema.org lets a URL stand for a Thing (its page); plain text may not.
                ok = bool(_URL.match(value)) and bool("URL" in allowed or things)
        else:
            ok = False
        if not ok:
            problems.append(f"{where}: {value!r} does not fit the range of {key!r} ({sorted(allowed)})")


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary()
