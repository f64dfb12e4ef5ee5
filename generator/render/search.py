"""What the site's search needs from the data, beyond the page text.

- `search_terms(catalog)`: everything the search worker ranks with, written to
  `rw-search.json` on every build: synonyms (abbreviation ↔ full term, lay words → glossary
  term), places (municipality → region), per-page weight and keyword phrases, everyday word
  families and the common Dutch words that weigh lightly.
- `page_keywords(entry)`: words a page should be found by that its visible text may not
  contain (keywords, abbreviations, synonyms, former municipality names). They are not on
  the page itself: the worker reads them from `rw-search.json`.
- `page_meta(entry)`: per-page search weight and result labels (section and audience).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..catalog import Catalog, Entry
from ..model import AUDIENCE_LABELS, KIND_BY_FOLDER, KIND_LABELS, Contact, Law, Network, Region, Term

_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # General Dutch, not this field: the everyday words a person types → the words pages use.
    # Domain synonyms ("OTS", "kind uit huis") live in the data, with the glossary terms.
    (
        "zoon dochter zoontje dochtertje baby peuter kleuter meisje jongen kindje kids oudste jongste "
        "stiefkind stiefzoon stiefdochter",
        ("kind",),
    ),
    ("tiener puber adolescent tieners pubers", ("jongere", "jongeren")),
    ("vader moeder papa mama pappa mamma pa ma mam pap stiefvader stiefmoeder stiefouder", ("ouder",)),
    ("opa oma grootvader grootmoeder", ("grootouders", "familie")),
    ("kleinkind kleinzoon kleindochter kleinkinderen", ("kind", "grootouders")),
    ("oom tante neef nicht zus broer zusje broertje", ("familie",)),
    ("exman exvrouw expartner ex", ("scheiding", "ex")),
    ("agent agenten opgepakt aangehouden arrestatie", ("politie",)),
    ("juf meester leraar lerares docent klas", ("school",)),
    ("centen kosten betalen vergoeding vergoed", ("geld", "betaalt")),
    ("dokter arts", ("huisarts",)),
)

WORD_FAMILIES: dict[str, list[str]] = {word: list(broader) for words, broader in _FAMILIES for word in words.split()}
"""Everyday family, school and money words → the broader word the site uses (search only)."""

_STOP = {
    "de",
    "het",
    "een",
    "en",
    "van",
    "voor",
    "in",
    "op",
    "met",
    "bij",
    "of",
    "aan",
    "als",
    "uit",
    "je",
    "jouw",
    "mijn",
    "wat",
    "wie",
    "hoe",
    "is",
    "zijn",
    "wordt",
    "worden",
    "te",
    "om",
    "over",
    "naar",
    "die",
    "dat",
    "er",
}


def normalise(text: str) -> str:
    """Lower case without accents, words separated by single spaces (as the worker does)."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _content_words(text: str) -> list[str]:
    return [w for w in normalise(text).split() if w not in _STOP]


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


def written_page_keywords(pages: Iterable[tuple[str, str, str]]) -> dict[str, list[str]]:
    """Keywords of hand-written Markdown pages, from their front matter.

    `pages` holds (URL path, file name for messages, Markdown text). A page lists them like a
    record does:

        ---
        keywords:
          - waar begin ik
        ---

    Raises ValueError with a Dutch message naming the file when the list is malformed.
    """
    found: dict[str, list[str]] = {}
    for url, name, text in pages:
        match = _FRONT_MATTER.match(text)
        if not match:
            continue
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{name}: de kop tussen de twee regels '---' is geen geldige YAML ({exc})") from exc
        keywords = meta.get("keywords") if isinstance(meta, dict) else None
        if keywords is None:
            continue
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            key = re.search(r"^keywords\s*:", match.group(1), re.MULTILINE)
            line = 2 + match.group(1)[: key.start()].count("\n") if key else 1
            raise ValueError(f"{name}:{line}: keywords: moet een lijst van woorden of korte zinnetjes zijn")
        found[url] = [k.strip() for k in keywords]
    return found


def search_terms(catalog: Catalog, written: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The synonym map: normalised phrase → words to add to a query that contains it."""
    synonyms: dict[str, list[str]] = {}

    def add(key: str, expansion: list[str]) -> None:
        key = normalise(key)
        words = [w for w in expansion if w and w not in key.split()]
        if key and words:
            merged = synonyms.setdefault(key, [])
            merged.extend(w for w in words if w not in merged)

    for entry in catalog.of_kind("begrip"):
        term = entry.record
        assert isinstance(term, Term)
        canonical = _content_words(term.title)
        if term.abbreviation:
            add(term.abbreviation, canonical)
            add(term.title, [normalise(term.abbreviation)])
        for synonym in term.synonyms:
            add(synonym, canonical + ([normalise(term.abbreviation)] if term.abbreviation else []))
    for entry in catalog.of_kind("wet"):
        law = entry.record
        assert isinstance(law, Law)
        if normalise(law.abbreviation) != normalise(law.title):
            add(law.abbreviation, _content_words(law.title))
            add(law.title, [normalise(law.abbreviation).replace(" ", "")])
    abbreviations = sorted(
        {
            normalise(str(abbr))
            for e in (*catalog.of_kind("begrip"), *catalog.of_kind("wet"))
            if (abbr := getattr(e.record, "abbreviation", None)) and " " not in str(abbr)
        }
    )
    return {
        "synonyms": dict(sorted(synonyms.items())),
        "places": places(catalog),
        "abbreviations": abbreviations,
        "pages": pages(catalog, written or {}),
        "families": {normalise(word): broader for word, broader in sorted(WORD_FAMILIES.items())},
        "common": sorted(common_words()),
    }


@cache
def common_words() -> frozenset[str]:
    """The most frequent words of everyday Dutch (generator/render/common_nl.txt, from wordfreq)."""
    text = (Path(__file__).parent / "common_nl.txt").read_text(encoding="utf-8")
    return frozenset(normalise(line) for line in text.splitlines() if line and not line.startswith("#"))


FINDER_PAGE = "regio/gemeenten/"
FINDER_KEYWORDS = [
    "bij welke jeugdregio hoort mijn gemeente",
    "expertteam van mijn woonplaats",
    "in welke regio woon ik",
    "gemeente opzoeken",
    "woonplaats opzoeken",
    "lijst van alle gemeenten",
    "gemeenten van a tot z",
    "regio van mijn gemeente vinden",
    "RET bij mij in de buurt",
    "onder welke regio valt mijn dorp",
]
"""The A–Z of municipalities ("Vind je regio") is generated, not a record, but it is the
answer to "which region or expert team is mine?" in any wording."""


def pages(catalog: Catalog, written: dict[str, list[str]] | None = None) -> dict[str, dict[str, Any]]:
    """Per page (by its URL path): its search weight and the phrases it is found by.

    Records, the A–Z of municipalities, and hand-written pages with `keywords` in their
    front matter (`written`, from `written_page_keywords`).

    The worker ranks with these: a page whose keyword phrase occurs in the query, in any word
    order and inflection, is a strong answer ("kind tegen mij opgezet" → ouderverstoting).
    """
    found: dict[str, dict[str, Any]] = {}
    for entry in catalog.entries.values():
        found[f"{entry.kind}/{entry.id}/"] = {
            "boost": KIND_BY_FOLDER[entry.kind].search_weight,
            "keywords": page_keywords(entry),
        }
    # The A–Z lists every municipality, so its text matches any place name: its weight stays
    # below a region page's, and its own keywords make it the answer to "which region is mine".
    found[FINDER_PAGE] = {"boost": 0.9, "keywords": FINDER_KEYWORDS}
    for url, keywords in (written or {}).items():
        found.setdefault(url, {"boost": 1.0, "keywords": keywords})
    return dict(sorted(found.items()))


def places(catalog: Catalog) -> dict[str, list[str]]:
    """Municipality name (current or former, normalised) → the words of its region's title.

    A place name is a strong signal: someone typing "Weesp jeugdhulp" wants the region page,
    not every page that mentions jeugdhulp. Names shared by two regions map to both.
    """
    found: dict[str, list[str]] = {}
    for entry in catalog.of_kind("regio"):
        region = entry.record
        assert isinstance(region, Region)
        title_words = normalise(region.title).split()
        for name in (region.title, "".join(title_words), *region.other_names):
            merged = found.setdefault(normalise(name), [])
            merged.extend(w for w in title_words if w not in merged)
        for municipality in region.municipalities:
            for name in (municipality.name, *municipality.former_names, *municipality.other_names):
                key = normalise(re.sub(r"\s*\(.*?\)", "", name).removeprefix("'s-").removeprefix("’s-"))
                merged = found.setdefault(key, [])
                merged.extend(w for w in title_words if w not in merged)
    return dict(sorted(found.items()))


def search_terms_json(catalog: Catalog, written: dict[str, list[str]] | None = None) -> str:
    return json.dumps(search_terms(catalog, written), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def page_keywords(entry: Entry) -> list[str]:
    """Words the page should be found by beyond its visible text."""
    record = entry.record
    words: list[str] = list(record.keywords)
    if isinstance(record, Term):
        words += [w for w in (record.abbreviation, *record.synonyms) if w]
    elif isinstance(record, Law):
        words.append(record.abbreviation)
    elif isinstance(record, Network):
        words += [record.short_name, "BEN", "bovenregionaal expertisenetwerk"]
    elif isinstance(record, Region):
        words += ["jeugdregio", "regionaal expertteam", "RET", *record.other_names]
        for municipality in record.municipalities:
            words += [f"gemeente {municipality.name}", *municipality.former_names, *municipality.other_names]
    elif isinstance(record, Contact):
        words += list(record.helps_with)
    return words


def page_meta(entry: Entry) -> dict[str, Any]:
    """Front matter for a record page: search weight and the labels shown with a result."""
    labels = [KIND_LABELS[entry.kind][0], *(f"voor {AUDIENCE_LABELS[a]}" for a in entry.record.audience)]
    return {"search": {"boost": KIND_BY_FOLDER[entry.kind].search_weight}, "tags": labels}
