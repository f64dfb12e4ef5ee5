"""schema.org structured data (JSON-LD) for every page, from the records. Pure: no engine, no files.

Every page is a `WebPage` with its breadcrumb trail and, where a record was reviewed, the day as
`dateModified`. A record says more only where schema.org has a type that is true of it:

- contact → `Organization` with a `ContactPoint` (telephone, e-mail, the help it gives, hours);
- wet → `Legislation` (BWBR id, the date it applies from, jurisdiction, the official text);
- begrip → `DefinedTerm` in the site's `DefinedTermSet`;
- regio → `AdministrativeArea` containing its municipalities.

No FAQPage or HowTo: search engines retired those rich results, and routes are not recipes.
Unknown facts (`Unknown`) are left out, never guessed. `script_text` makes the JSON safe inside a
`<script type="application/ld+json">` element.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from ..catalog import Entry
from ..model import Contact, Law, Region, Term, Unknown

CONTEXT = "https://schema.org"
LANGUAGE = "nl-NL"
NETHERLANDS: dict[str, str] = {"@type": "Country", "name": "Nederland"}


def trail(path: str, titles: Mapping[str, str]) -> list[str]:
    """The pages above `path`, from the home page down, that exist in `titles` (page path → title).

    `regio/utrecht.md` → index.md, regio/index.md; `route/x/stap.md` → index.md, route/index.md,
    route/x.md. A folder's page is its `index.md` or the Markdown file named after it.
    """
    above = ["index.md"] if path != "index.md" else []
    folder = posixpath.dirname(path)
    parts = folder.split("/") if folder else []
    for depth in range(1, len(parts) + 1):
        prefix = "/".join(parts[:depth])
        for candidate in (f"{prefix}/index.md", f"{prefix}.md"):
            if candidate != path and candidate in titles:
                above.append(candidate)
                break
    return [p for p in above if p in titles]


def breadcrumb_list(path: str, titles: Mapping[str, str], url_of: Callable[[str], str]) -> dict[str, Any]:
    """A BreadcrumbList: the trail above the page and the page itself."""
    items = [*trail(path, titles), path]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": titles[p], "item": url_of(p)} for i, p in enumerate(items, 1)
        ],
    }


def _known(value: object) -> bool:
    return value is not None and not isinstance(value, Unknown)


def _organization(contact: Contact, url: str) -> dict[str, Any]:
    point: dict[str, Any] = {"@type": "ContactPoint", "contactType": contact.helps_with[0]}
    if _known(contact.phone):
        point["telephone"] = str(contact.phone)
    if _known(contact.email):
        point["email"] = str(contact.email)
    if contact.hours:
        # Opening hours in words ("dag en nacht"); schema.org's structured hours would need a guess.
        point["hoursAvailable"] = {"@type": "OpeningHoursSpecification", "description": contact.hours}
    point["areaServed"] = NETHERLANDS
    point["availableLanguage"] = "nl"
    org: dict[str, Any] = {
        "@type": "Organization",
        "@id": f"{url}#organisatie",
        "name": contact.title,
        "description": contact.summary,
        "contactPoint": point,
    }
    if _known(contact.website):
        org["url"] = str(contact.website)
    return org


def _legislation(law: Law, url: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@type": "Legislation",
        "@id": f"{url}#wet",
        "name": law.official_title,
        "alternateName": sorted({law.title, law.abbreviation} - {law.official_title}),
        "description": law.summary,
        "legislationIdentifier": law.bwbr,
        "legislationJurisdiction": NETHERLANDS,
        "url": str(law.url),
        "inLanguage": LANGUAGE,
    }
    if _known(law.in_force):
        # The record says since when the law applies ('Geldt sinds'), not when it was signed.
        item["legislationDateOfApplicability"] = law.in_force.isoformat()
    return item


def _defined_term(term: Term, url: str, term_set_url: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@type": "DefinedTerm",
        "@id": f"{url}#begrip",
        "name": term.title,
        "description": term.definition,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "@id": term_set_url, "name": "Begrippen", "url": term_set_url},
    }
    if term.abbreviation:
        item["termCode"] = term.abbreviation
    names = [n for n in [*term.synonyms] if n != term.title]
    if names:
        item["alternateName"] = names
    return item


def _area(region: Region, url: str) -> dict[str, Any]:
    places = []
    for m in sorted(region.municipalities, key=lambda m: m.code):
        place: dict[str, Any] = {"@type": "AdministrativeArea", "name": m.name, "identifier": m.code}
        if _known(m.website):
            place["url"] = str(m.website)
        if m.former_names or m.other_names:
            place["alternateName"] = [*m.other_names, *m.former_names]
        places.append(place)
    item: dict[str, Any] = {
        "@type": "AdministrativeArea",
        "@id": f"{url}#regio",
        "name": region.title,
        "description": region.summary,
        "identifier": region.cbs_code,
        "containedInPlace": NETHERLANDS,
        "containsPlace": places,
    }
    if region.other_names:
        item["alternateName"] = list(region.other_names)
    return item


def main_entity(entry: Entry, url: str, url_of: Callable[[str], str]) -> dict[str, Any] | None:
    """What the record is, in schema.org terms, where schema.org has a type that is true of it."""
    record = entry.record
    if isinstance(record, Contact):
        return _organization(record, url)
    if isinstance(record, Law):
        return _legislation(record, url)
    if isinstance(record, Term):
        return _defined_term(record, url, url_of("begrip/index.md"))
    if isinstance(record, Region):
        return _area(record, url)
    return None


def page_graph(
    *,
    path: str,
    title: str,
    description: str,
    titles: Mapping[str, str],
    url_of: Callable[[str], str],
    site_name: str,
    modified: date | None = None,
    entry: Entry | None = None,
    language: str = LANGUAGE,
) -> dict[str, Any]:
    """The JSON-LD object of one page: a WebPage with breadcrumbs, about its record where it has one.

    `titles` maps every page path to its title (for the trail); `url_of` gives a page's absolute URL.
    A record's own page (not a route's step) is about the record.
    """
    url = url_of(path)
    page: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": title,
        "description": description,
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": url_of("index.md")},
    }
    if modified is not None:
        page["dateModified"] = modified.isoformat()
    if path != "index.md":
        page["breadcrumb"] = breadcrumb_list(path, titles, url_of)
    if entry is not None and path == f"{entry.kind}/{entry.id}.md":
        about = main_entity(entry, url, url_of)
        if about is not None:
            page["mainEntity"] = about
    return page


def script_text(data: Mapping[str, Any]) -> str:
    """JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` as \\u escapes, so no
    text in the data can close the element or start a comment; the JSON means the same."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
