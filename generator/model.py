"""Record types of the Routewijzer knowledge base.

Every model is strict: an unknown key, a wrong type or a missing required field is an
error. Field docstrings are Dutch because they become the descriptions in the JSON Schemas
that editors see when they hover over a key in their editor.

This module knows nothing about files, YAML or MkDocs: it validates plain Python data.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from datetime import date
from typing import Annotated, Any, Literal, Union
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

# --------------------------------------------------------------------------- value types

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
# Raw HTML that Markdown fields may contain; anything else is rejected (see _check_markdown).
_ALLOWED_TAGS = {"abbr", "br", "kbd", "sub", "sup"}
_TAG_RE = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
_BAD_SCHEME_RE = re.compile(r"(?i)\b(?:javascript|vbscript|data)\s*:")
_IMAGE_RE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
_ATTR_LIST_RE = re.compile(r"\{:?[^}\n]*(?:\bon[a-z]+|\bstyle|\bautofocus)\s*=", re.IGNORECASE)


# --------------------------------------------------------------------------- limits and characters

MAX_TITLE = 300
"""Titles, names, abbreviations' long forms, link and answer texts, keywords: one line (longest in the data: 229)."""
MAX_ABBREVIATION = 30
"""An abbreviation ('OTS', 'Wvggz'; longest in the data: 15)."""
MAX_TEXT = 1_000
"""One-line text: summaries, definitions, notes, explanations (longest in the data: 504)."""
MAX_BODY = 20_000
"""Markdown with paragraphs: the `body` of a record or an outcome (longest in the data: 3,243)."""
MAX_URL = 2_000
"""A web address (longest in the data: 165)."""
MAX_ITEMS = 100
"""Items in any list or group of steps (most in the data: 21 municipalities, 14 route steps)."""
MAX_KEYWORDS = 60
"""Items in `keywords` and `synonyms` (most in the data: 26)."""

_LIST_LIMITS = {"keywords": MAX_KEYWORDS, "synonyms": MAX_KEYWORDS}

_INVISIBLE = {
    "\u200e": "links-naar-rechts-teken",
    "\u200f": "rechts-naar-links-teken",
    "\u202a": "links-naar-rechts insluiten",
    "\u202b": "rechts-naar-links insluiten",
    "\u202c": "richting herstellen",
    "\u202d": "links-naar-rechts forceren",
    "\u202e": "richting omkeren",
    "\u2066": "links-naar-rechts isoleren",
    "\u2067": "rechts-naar-links isoleren",
    "\u2068": "eerste sterke richting isoleren",
    "\u2069": "isoleren beëindigen",
    "\u2028": "regelscheiding",
    "\u2029": "alineascheiding",
    "\ufeff": "BOM / onzichtbare spatie",
}
"""Invisible characters that change how text reads (Trojan Source) or where a line ends."""
_BAD_CHAR_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(_INVISIBLE) + "]")


def char_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char in _INVISIBLE:
        return f"{code} ({_INVISIBLE[char]})"
    return f"{code} (onzichtbaar stuurteken)"


def check_characters(value: str, *, newlines: bool = False) -> str:
    """No control characters (newline and tab only where `newlines`), no bidirectional overrides."""
    for found in _BAD_CHAR_RE.finditer(value):
        raise ValueError(
            f"bevat het onzichtbare teken {char_name(found.group())}; haal het weg en typ de tekst opnieuw"
        )
    if not newlines and ("\n" in value or "\t" in value):
        which = "een regelovergang" if "\n" in value else "een tab"
        raise ValueError(f"bevat {which}; dit veld is één regel tekst")
    return value


def _check_length(value: str, limit: int) -> str:
    if len(value) > limit:
        raise ValueError(f"is te lang: {len(value):,} tekens; hoogstens {limit:,}".replace(",", "."))
    return value


_BLOCK_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--|-->"), "een HTML-commentaar (<!--)"),
    (re.compile(r"^#{1,6}(?:\s|$)"), "een kop (#)"),
    (re.compile(r"^(?:!!!|\?\?\?)"), "een kader (!!! of ???)"),
    (re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:\s|$)"), "een opsomming (-, * of 1.)"),
    (re.compile(r"^>"), "een citaatblok (>)"),
    (re.compile(r"^(?:```|~~~)"), "een codeblok (```)"),
    (re.compile(r"^\||\|\s*:?-{3,}"), "een tabel (|)"),
    (re.compile(r"^(?:\*\[|\[[^\]]*\]:)"), "een definitie (*[…]: of […]:)"),
    (re.compile(r"^:\s"), "een definitielijst (:)"),
    (re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$"), "een scheidingslijn (---)"),
)


def _check_one_line(value: str) -> str:
    """A one-line field holds no block construct: no heading, box, list, table, comment or code block."""
    for pattern, name in _BLOCK_RES:
        if pattern.search(value):
            raise ValueError(f"bevat {name}; dit veld is één regel gewone tekst zonder opmaakblokken")
    return value


def _check_url(value: str) -> str:
    value = value.strip()
    check_characters(value)
    _check_length(value, MAX_URL)
    parts = urlsplit(value)
    if parts.scheme.lower() in {"javascript", "data", "vbscript", "file"}:
        raise ValueError(f"'{parts.scheme}:'-links zijn niet toegestaan; gebruik een https-adres")
    if value in {"", "#"} or value.startswith("#"):
        raise ValueError("een lege link of '#' is geen adres; vul het echte adres in of markeer het als onbekend")
    if parts.scheme not in {"https", "http"} or not parts.netloc or "." not in parts.netloc:
        raise ValueError(f"'{value}' is geen geldig webadres; het moet beginnen met https://")
    if " " in value:
        raise ValueError(f"'{value}' bevat een spatie; een webadres heeft geen spaties")
    return value


def _check_email(value: str) -> str:
    value = value.strip()
    check_characters(value)
    if not _EMAIL_RE.match(value):
        raise ValueError(f"'{value}' is geen geldig e-mailadres (voorbeeld: info@voorbeeld.nl)")
    return value


def _check_phone(value: str) -> str:
    value = value.strip()
    check_characters(value)
    digits = re.sub(r"[\s\-()]", "", value)
    ok = (
        re.fullmatch(r"0[1-9]\d{8}", digits)  # 020-1234567, 088-5551000, 06-12345678
        or re.fullmatch(r"0[89]0\d{4,7}", digits)  # 0800-2000, 0900-8020
        or re.fullmatch(r"\+31[1-9]\d{8}", digits)  # +31 20 123 4567
        or re.fullmatch(r"1\d{2,5}", digits)  # 112, 113, 14 020 style short numbers
    )
    if not ok:
        raise ValueError(
            f"'{value}' is geen geldig Nederlands telefoonnummer (voorbeelden: 0800-2000, 088-5551000, 020-1234567)"
        )
    return value


def _check_slug(value: str) -> str:
    if len(value) > 100 or not SLUG_RE.match(value):
        raise ValueError(
            f"'{value}' is geen geldige id: gebruik kleine letters, cijfers en streepjes (zoals gooi-en-vechtstreek)"
        )
    return value


def _check_markdown(value: str) -> str:
    for match in _TAG_RE.finditer(value):
        tag = match.group(1).lower()
        if tag not in _ALLOWED_TAGS:
            raise ValueError(f"HTML-code <{tag}> is niet toegestaan; schrijf gewone tekst of Markdown")
        if re.search(r"(?i)\bon[a-z]+\s*=", match.group(2)):
            raise ValueError("HTML-attributen als onclick zijn niet toegestaan")
        if re.search(r"(?i)\b(?:style|id|autofocus)\s*=", match.group(2)):
            raise ValueError("de HTML-attributen style, id en autofocus zijn niet toegestaan")
    if _ATTR_LIST_RE.search(value):
        raise ValueError("attributen als {: onclick=… } of {: style=… } zijn niet toegestaan")
    if _IMAGE_RE.search(value):
        raise ValueError("afbeeldingen (![…](…)) zijn niet toegestaan; beschrijf wat erop staat")
    # &#106;avascript: is javascript: to a browser.
    if _BAD_SCHEME_RE.search(html.unescape(value)):
        raise ValueError("links met javascript: of data: zijn niet toegestaan")
    return value


# The start of a tag, also without its closing '>' and also written with entities (&lt;img …).
_TAG_START_RE = re.compile(r"<\s*/?\s*[A-Za-z!?]")


def _check_plain(value: str) -> str:
    if _TAG_RE.search(value) or _TAG_START_RE.search(value) or _TAG_START_RE.search(html.unescape(value)):
        raise ValueError("HTML-code is hier niet toegestaan; schrijf gewone tekst")
    return value


def _check_text(value: str) -> str:
    return _check_one_line(_check_plain(check_characters(_check_length(value, MAX_TEXT))))


def _check_title(value: str) -> str:
    return _check_one_line(_check_plain(check_characters(_check_length(value, MAX_TITLE))))


def _check_abbreviation(value: str) -> str:
    return _check_one_line(_check_plain(check_characters(_check_length(value, MAX_ABBREVIATION))))


def _inline_markdown(value: str) -> str:
    return _check_one_line(_check_markdown(check_characters(_check_length(value, MAX_TEXT))))


def _block_markdown(value: str) -> str:
    return _check_markdown(check_characters(_check_length(value, MAX_BODY), newlines=True))


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT), AfterValidator(_check_text)
]
"""Plain text on one line: shown exactly as written (escaped), never interpreted as Markdown or HTML."""
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE), AfterValidator(_check_title)
]
"""A title, name, label or search phrase: plain text on one line, at most MAX_TITLE characters."""
Abbreviation = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ABBREVIATION),
    AfterValidator(_check_abbreviation),
]
"""An abbreviation: plain text, at most MAX_ABBREVIATION characters."""
InlineMarkdown = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT), AfterValidator(_inline_markdown)
]
"""Markdown on one line: emphasis and links, no blocks (headings, lists, boxes, tables)."""
Markdown = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_BODY), AfterValidator(_block_markdown)
]
"""Markdown text with paragraphs; raw HTML is limited to a small safe set of inline tags."""
Url = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema(
        {"type": "string", "pattern": r"^https?://[^\s/$.?#][^\s]*$", "examples": ["https://www.voorbeeld.nl/pagina"]}
    ),
]
Email = Annotated[
    str,
    AfterValidator(_check_email),
    WithJsonSchema({"type": "string", "pattern": _EMAIL_RE.pattern, "examples": ["info@voorbeeld.nl"]}),
]
Phone = Annotated[
    str,
    AfterValidator(_check_phone),
    WithJsonSchema(
        {"type": "string", "pattern": r"^(\+31|0|1)[0-9 ()-]{2,16}$", "examples": ["0800-2000", "088-5551000"]}
    ),
]
Ref = Annotated[
    str,
    AfterValidator(_check_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_RE.pattern, "examples": ["gooi-en-vechtstreek"]}),
]
"""The id (file name without .yaml) of another record."""

Audience = Literal["professional", "ouder", "jongere"]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, use_attribute_docstrings=True)

    @field_validator("*", mode="before")
    @classmethod
    def _list_size(cls, value: Any, info: ValidationInfo) -> Any:
        """No list or group of steps larger than MAX_ITEMS (MAX_KEYWORDS for keywords and synonyms)."""
        if isinstance(value, (list, dict)):
            limit = _LIST_LIMITS.get(info.field_name or "", MAX_ITEMS)
            if len(value) > limit:
                raise ValueError(f"heeft te veel waarden: {len(value):,}; hoogstens {limit}".replace(",", "."))
        return value


class Unknown(StrictModel):
    """Een feit dat (nog) niet bekend is. Nooit gokken: zeg waar het vandaan moet komen."""

    unknown: Text
    """Waarom dit onbekend is en waar een redacteur het kan vinden. Voorbeeld: 'Niet gevonden; vraag het na bij de regiogemeente.'"""


def _fact_tag(value: Any) -> str:
    return "onbekend" if isinstance(value, (dict, Unknown)) else "bekend"


def fact(inner: Any) -> Any:
    """A value of type `inner`, or an explicit `{unknown: ...}` record."""
    return Annotated[
        Union[Annotated[inner, Tag("bekend")], Annotated[Unknown, Tag("onbekend")]],  # noqa: UP007
        Discriminator(_fact_tag),
    ]


FactText = fact(Text)
FactUrl = fact(Url)
FactEmail = fact(Email)
FactPhone = fact(Phone)
FactYear = fact(Annotated[int, Field(ge=1900, le=2100)])


# --------------------------------------------------------------------------- shared parts


class Source(StrictModel):
    """Een bron waar de feiten van dit record op rusten."""

    title: Title
    """Titel van de bron. Voorbeeld: 'Wat doen de bovenregionale expertisenetwerken jeugd?'"""
    url: Url | None = None
    """Webadres van de bron (https). Laat weg als de bron niet online staat, en vul dan 'note' in."""
    publisher: Title | None = None
    """Wie de bron uitgeeft. Voorbeeld: 'VNG'."""
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] | None = None
    """Datum of jaar van de bron, als JJJJ, JJJJ-MM of JJJJ-MM-DD. Voorbeeld: '2020-06-17'."""
    note: Text | None = None
    """Waar de bron te vinden is als er geen webadres is, of wat de bron precies zegt. Staat op de pagina in het deel 'Voor redacteuren'."""
    consulted: _dt.date | None = None
    """Datum waarop een redacteur deze bron heeft geopend en de feiten van het record ermee heeft vergeleken (JJJJ-MM-DD). Laat weg als je de bron niet zelf hebt nagekeken."""
    for_editors: bool = False
    """true als alleen redacteuren deze bron nodig hebben (een kopie van een databestand, een tabelnummer, een afleiding). De bron staat dan niet in de lijst voor bezoekers, maar in het ingeklapte deel 'Voor redacteuren'."""

    @field_validator("consulted")
    @classmethod
    def _consulted_not_in_future(cls, value: _dt.date | None) -> _dt.date | None:
        if value is not None and value > date.today():
            raise ValueError(
                f"{value.isoformat()} ligt in de toekomst; vul de datum in waarop je de bron hebt nagekeken"
            )
        return value

    @model_validator(mode="after")
    def _note_or_url(self) -> Source:
        if self.url is None and self.note is None:
            raise ValueError("een bron zonder webadres heeft een 'note' nodig die zegt waar de bron te vinden is")
        return self


class Record(StrictModel):
    """Velden die elk record heeft."""

    title: Title
    """De titel zoals bezoekers hem zien."""
    audience: Annotated[list[Audience], Field(min_length=1)]
    """Voor wie dit record vooral is: professional, ouder en/of jongere."""
    summary: Text
    """Een of twee zinnen in gewoon Nederlands (B1). Verschijnt in lijsten en zoekresultaten."""
    body: Markdown | None = None
    """Uitleg in Markdown, in eigen woorden. Geen HTML."""
    sources: Annotated[list[Source], Field(min_length=1)]
    """De bronnen waar de feiten op rusten; minstens één."""
    reviewed: date | None = None
    """Datum waarop een redacteur alle feiten van dit record met de bronnen heeft vergeleken (JJJJ-MM-DD). Niet later dan de nieuwste 'consulted'-datum van de bronnen. Laat weg zolang niemand het record zo heeft nagekeken; de pagina zegt dat dan eerlijk."""
    related: list[Annotated[str, StringConstraints(pattern=r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")]] = []
    """Verwante records als 'soort/id'. Voorbeeld: 'wet/jeugdwet' of 'begrip/ots'."""
    keywords: list[Title] = []
    """Woorden en korte zinnetjes waarmee mensen naar deze pagina zoeken, in hun eigen woorden. Ze staan niet op de pagina, maar de zoekfunctie vindt de pagina er wel mee."""

    @field_validator("audience")
    @classmethod
    def _unique_audience(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("elke doelgroep mag maar één keer voorkomen")
        return value

    @field_validator("reviewed")
    @classmethod
    def _not_in_future(cls, value: date | None) -> date | None:
        if value is not None and value > date.today():
            raise ValueError(f"{value.isoformat()} ligt in de toekomst; vul de datum van de laatste controle in")
        return value


class _Themed(Record):
    themes: list[Ref] = []
    """De thema's waar dit record bij hoort (id's uit data/thema/)."""


# --------------------------------------------------------------------------- record types


class Theme(Record):
    """Een van de zes hoofdstukken van de Routewijzer."""

    order: Annotated[int, Field(ge=1, le=99)]
    """Volgorde op de site (1 is eerst)."""
    subtitle: Title
    """De ondertitel van het hoofdstuk. Voorbeeld: 'de weg vinden in het doolhof van wetten en regels'."""


class Measure(StrictModel):
    """Een maatregel of voorziening die een wet mogelijk maakt."""

    name: Title
    """Naam van de maatregel. Voorbeeld: 'Ondertoezichtstelling (OTS)'."""
    summary: Text
    """Wat de maatregel inhoudt, in gewone woorden."""
    decides: Text
    """Wie erover beslist. Voorbeeld: 'de kinderrechter, op verzoek van de Raad voor de Kinderbescherming'."""
    ages: Text | None = None
    """Voor welke leeftijd de maatregel geldt, als dat anders is dan bij de wet zelf."""
    legal_basis: Text | None = None
    """Waar het in de wet staat. Voorbeeld: 'artikel 1:255 BW'."""
    term: Ref | None = None
    """Id van het begrip in de woordenlijst dat deze maatregel uitlegt (data/begrip/)."""


class Law(_Themed):
    """Een wet of regeling rond jeugdhulp en jeugdbescherming."""

    abbreviation: Abbreviation
    """Korte naam. Voorbeeld: 'Wvggz'."""
    official_title: Title
    """Officiële titel zoals op wetten.overheid.nl."""
    bwbr: Annotated[str, StringConstraints(pattern=r"^BWBR\d{7}$")]
    """Identificatie op wetten.overheid.nl. Voorbeeld: 'BWBR0034925'."""
    url: Url
    """Link naar de officiële tekst op wetten.overheid.nl."""
    in_force: fact(date)  # type: ignore[valid-type]
    """Sinds wanneer de wet geldt (JJJJ-MM-DD), of onbekend met uitleg."""
    for_whom: Text
    """Voor wie de wet is bedoeld."""
    ages: Text
    """Leeftijdsgrenzen in gewone woorden."""
    who_decides: Text
    """Wie beslist over hulp of maatregelen onder deze wet."""
    how_to_apply: Text
    """Hoe iemand hulp aanvraagt of hoe een maatregel wordt aangevraagd."""
    measures: list[Measure] = []
    """De belangrijkste maatregelen of voorzieningen."""


class RegionalTeam(StrictModel):
    """Het regionaal expertteam (RET) van een jeugdregio. Alleen gegevens uit een bron; anders onbekend."""

    name: FactText  # type: ignore[valid-type]
    """Naam van het team zoals de regio hem gebruikt, of onbekend."""
    website: FactUrl  # type: ignore[valid-type]
    """Webpagina van het team, of onbekend met uitleg waar die te vinden is."""
    email: FactEmail  # type: ignore[valid-type]
    """Algemeen e-mailadres van het team (nooit een persoonlijk adres), of onbekend."""
    phone: FactPhone  # type: ignore[valid-type]
    """Algemeen telefoonnummer van het team, of onbekend."""
    note: Text | None = None
    """Wat we verder over het team weten, met bron in 'sources' van het record."""


class Municipality(StrictModel):
    """Een gemeente in de jeugdregio."""

    name: Title
    """Naam van de gemeente. Voorbeeld: 'Hilversum'."""
    code: Annotated[str, StringConstraints(pattern=r"^GM\d{4}$")]
    """CBS-gemeentecode. Voorbeeld: 'GM0402'."""
    website: FactUrl | None = None  # type: ignore[valid-type]
    """Officiële website van de gemeente, uit een open dataset van de overheid (noem die bij de bronnen), of onbekend met uitleg."""
    former_names: list[Title] = []
    """Namen van gemeenten die sinds 2016 in deze gemeente zijn opgegaan, zodat zoeken op de oude naam werkt."""
    other_names: list[Title] = []
    """Andere namen waarmee mensen de gemeente zoeken. Voorbeeld: 'Den Haag' bij 's-Gravenhage."""
    certain: bool = True
    """false als niet zeker is dat de gemeente (nog) bij deze regio hoort; leg dat uit in 'note'."""
    note: Text | None = None
    """Toelichting, bijvoorbeeld over een wijziging van regio."""


class Region(_Themed):
    """Een jeugdregio: gemeenten die samen jeugdhulp inkopen en organiseren."""

    cbs_code: Annotated[str, StringConstraints(pattern=r"^JZ\d{2}$")]
    """CBS-code van de jeugdregio. Voorbeeld: 'JZ16'."""
    other_names: list[Title] = []
    """Andere namen van de regio, uit een bron: de CBS-naam of een oudere naam. Voorbeeld: 'Noord-Kennemerland'."""
    provinces: Annotated[list[Title], Field(min_length=1)]
    """Provincie(s) waarin de regio ligt."""
    municipalities: Annotated[list[Municipality], Field(min_length=1)]
    """De gemeenten van de regio."""
    ret: RegionalTeam
    """Het regionaal expertteam (RET) van de regio."""
    network: Ref
    """Id van het bovenregionaal expertisenetwerk (BEN) waar de regio bij hoort (data/netwerk/)."""
    network_basis: Text
    """Hoe we weten bij welk BEN de regio hoort. Voorbeeld: 'afgeleid uit de provincie; bijlage 1 van de regeling niet ingezien'."""
    care_office_regions: fact(Annotated[list[Text], Field(min_length=1)])  # type: ignore[valid-type]
    """Zorgkantoorregio('s) voor de Wlz in dit gebied, of onbekend."""


class Network(_Themed):
    """Een bovenregionaal expertisenetwerk jeugd (BEN)."""

    short_name: Title
    """Korte naam. Voorbeeld: 'BEN Noord-Nederland'."""
    provinces: Annotated[list[Title], Field(min_length=1)]
    """Provincie(s) die het netwerk bedient."""
    coordinating_municipality: FactText  # type: ignore[valid-type]
    """De gemeente die namens de regio's opdrachtgever is, of onbekend."""
    website: FactUrl  # type: ignore[valid-type]
    """Website van het netwerk, of onbekend."""
    offers: Annotated[list[Text], Field(min_length=1)]
    """Wat het netwerk biedt, elk punt in één zin."""


class Resource(_Themed):
    """Een document, hulpmiddel of website om verder te lezen."""

    kind: Literal["document", "rapport", "website", "hulpmiddel", "video", "artikel", "wettekst"]
    """Soort: document, rapport, website, hulpmiddel, video, artikel of wettekst."""
    publisher: FactText  # type: ignore[valid-type]
    """Wie het uitgeeft, of onbekend."""
    year: FactYear  # type: ignore[valid-type]
    """Jaar van uitgave, of onbekend."""
    url: FactUrl  # type: ignore[valid-type]
    """Waar het te vinden is, of onbekend met uitleg."""


class Lesson(_Themed):
    """Een les uit casusevaluaties: een knooppunt of een succesfactor."""

    level: Literal["gezin", "professional", "organisatie", "stelsel"]
    """Op welk niveau de les speelt: gezin, professional, organisatie of stelsel."""
    kind: Literal["knooppunt", "succesfactor", "aanbeveling"]
    """Knooppunt (wat vastloopt), succesfactor (wat helpt) of aanbeveling."""


class Term(_Themed):
    """Een begrip of afkorting uit de jeugdzorg."""

    abbreviation: Abbreviation | None = None
    """De afkorting, als die er is. Voorbeeld: 'OTS'."""
    synonyms: list[Title] = []
    """Andere woorden die mensen gebruiken voor hetzelfde. Ze helpen bij zoeken."""
    definition: Text
    """Korte uitleg in één of twee zinnen, in gewoon Nederlands. Verschijnt ook als uitleg bij de afkorting."""


class Contact(_Themed):
    """Een organisatie of hulplijn waar ouders, jongeren of professionals terechtkunnen."""

    helps_with: Annotated[list[Text], Field(min_length=1)]
    """Waarvoor je hier terechtkunt, elk punt kort."""
    phone: FactPhone | None = None  # type: ignore[valid-type]
    """Telefoonnummer uit een bron, of onbekend. Laat weg als de organisatie geen telefoonnummer heeft."""
    website: FactUrl | None = None  # type: ignore[valid-type]
    """Website uit een bron, of onbekend."""
    email: FactEmail | None = None  # type: ignore[valid-type]
    """Algemeen e-mailadres uit een bron, of onbekend."""
    hours: Text | None = None
    """Wanneer de organisatie bereikbaar is, als een bron dat zegt."""
    cost: Text | None = None
    """Wat het kost, als een bron dat zegt. Voorbeeld: 'gratis'."""


# --------------------------------------------------------------------------- registry

KINDS: dict[str, type[Record]] = {
    "thema": Theme,
    "wet": Law,
    "regio": Region,
    "netwerk": Network,
    "hulpmiddel": Resource,
    "les": Lesson,
    "begrip": Term,
    "contact": Contact,
}
"""Folder name under data/ → record model. The folder name is also the URL segment."""

KIND_LABELS: dict[str, tuple[str, str]] = {
    "thema": ("Thema", "Thema's"),
    "wet": ("Wet", "Wetten en regels"),
    "regio": ("Jeugdregio", "Jeugdregio's"),
    "netwerk": ("Expertisenetwerk", "Expertisenetwerken (BEN)"),
    "hulpmiddel": ("Hulpmiddel", "Documenten en hulpmiddelen"),
    "les": ("Les", "Lessen uit casuïstiek"),
    "begrip": ("Begrip", "Begrippen"),
    "contact": ("Hulp en contact", "Hulp en contact"),
}
"""Singular and plural Dutch labels per kind."""

AUDIENCE_LABELS: dict[str, str] = {
    "professional": "professionals",
    "ouder": "ouders",
    "jongere": "jongeren",
}


def is_unknown(value: object) -> bool:
    """True when a fact is recorded as unknown."""
    return isinstance(value, Unknown)


FIELD_EXAMPLES: dict[str, Any] = {
    "title": "Ondertoezichtstelling",
    "audience": ["professional", "ouder"],
    "summary": "Een kinderrechter kan een gezin een gezinsvoogd geven als een kind ernstig in de problemen komt.",
    "body": "## Waar gaat het over?\n\nKorte alinea's in gewone taal.",
    "sources": [
        {
            "title": "Wat doen de bovenregionale expertisenetwerken jeugd?",
            "url": "https://vng.nl/artikelen/wat-doen-de-bovenregionale-expertisenetwerken-jeugd",
            "publisher": "VNG",
        }
    ],
    "reviewed": "2026-11-24",
    "related": ["wet/jeugdwet", "begrip/ondertoezichtstelling"],
    "keywords": ["wachtlijst", "lang wachten op hulp"],
    "themes": ["wet-en-regelgeving"],
    "order": 2,
    "subtitle": "de weg vinden in het doolhof van wetten en regels",
    "url": "https://wetten.overheid.nl/BWBR0034925",
    "publisher": "VNG",
    "date": "2020-06-17",
    "consulted": "2026-12-06",
    "for_editors": True,
    "note": "PDF van het Ondersteuningsteam Zorg voor de Jeugd, hoofdstuk Wet- en regelgeving",
    "unknown": "Niet gevonden in openbare bronnen; vraag het na bij de regiogemeente.",
    "abbreviation": "Wvggz",
    "official_title": "Wet verplichte geestelijke gezondheidszorg",
    "bwbr": "BWBR0040635",
    "in_force": "2020-01-01",
    "for_whom": "Kinderen en jongeren tot 18 jaar en hun ouders.",
    "ages": "Tot 18 jaar; soms verlengd tot 23 jaar.",
    "who_decides": "De gemeente; bij een maatregel de kinderrechter.",
    "how_to_apply": "Bij het wijkteam of jeugdteam van de gemeente.",
    "measures": [
        {
            "name": "Ondertoezichtstelling (OTS)",
            "summary": "Een gezinsvoogd helpt het gezin.",
            "decides": "De kinderrechter.",
        }
    ],
    "name": "Hilversum",
    "decides": "De kinderrechter, op verzoek van de Raad voor de Kinderbescherming.",
    "legal_basis": "artikel 1:255 BW",
    "term": "ondertoezichtstelling",
    "code": "GM0402",
    "former_names": ["Bussum", "Naarden", "Muiden"],
    "other_names": ["Den Haag"],
    "certain": True,
    "cbs_code": "JZ16",
    "provinces": ["Noord-Holland"],
    "municipalities": [{"name": "Hilversum", "code": "GM0402"}],
    "ret": {
        "name": {"unknown": "Naam niet gevonden."},
        "website": {"unknown": "Geen pagina gevonden."},
        "email": "retregioalkmaar@alkmaar.nl",
        "phone": {"unknown": "Geen nummer gevonden."},
    },
    "network": "ben-noord-holland",
    "network_basis": "Afgeleid uit de provincie; bijlage 1 van de regeling niet ingezien.",
    "care_office_regions": ["'t Gooi"],
    "website": "https://jennoord.nl/",
    "email": "info@voorbeeld.nl",
    "phone": "0800-2000",
    "short_name": "BEN Noord-Nederland",
    "coordinating_municipality": "Groningen",
    "offers": ["Consultatie en advies: het netwerk denkt mee als de hulp vastloopt."],
    "kind": "document",
    "year": 2021,
    "level": "organisatie",
    "synonyms": ["kind uit huis", "uithuisplaatsing"],
    "definition": "Een kind gaat (tijdelijk) ergens anders wonen dan bij de ouders.",
    "helps_with": ["Zorgen over geweld thuis."],
    "hours": "24 uur per dag, 7 dagen per week",
    "cost": "gratis",
}
"""One example per field name, shown by editors' YAML tools (JSON Schema `examples`) and on
the field reference page. A test checks that every field of every model has one."""

KIND_FIELD_EXAMPLES: dict[tuple[str, str], Any] = {
    ("Lesson", "kind"): "knooppunt",
    ("Theme", "title"): "Wet- en regelgeving",
    ("Region", "title"): "Gooi en Vechtstreek",
    ("Network", "title"): "Expertisenetwerk Jeugd Overijssel",
    ("RegionalTeam", "name"): "Regionaal expertteam regio Alkmaar",
    ("RegionalTeam", "website"): {
        "unknown": "Geen webpagina van het team gevonden; vraag het na bij de regiogemeente."
    },
    ("RegionalTeam", "email"): "retregioalkmaar@alkmaar.nl",
    ("RegionalTeam", "phone"): {"unknown": "Geen algemeen telefoonnummer gevonden."},
    (
        "RegionalTeam",
        "note",
    ): "Het team is gestart na een samenwerkingsovereenkomst van gemeenten, onderwijs en aanbieders.",
    ("Measure", "name"): "Ondertoezichtstelling (OTS)",
    ("Measure", "summary"): "Een gezinsvoogd van een gecertificeerde instelling helpt het gezin en houdt toezicht.",
    ("Measure", "ages"): "Tot 18 jaar.",
    ("Municipality", "note"): "Hoort sinds 1 januari 2024 bij deze regio.",
    ("Municipality", "website"): {"unknown": "Niet gevonden in de export van organisaties.overheid.nl."},
    ("Source", "title"): "Acht expertisecentra voor jongeren met complexe problematiek",
    ("Source", "note"): "Kopie in een openbare datarepository; geen eigen webadres.",
    ("Resource", "url"): "https://www.nji.nl/van-jeugd-naar-volwassenheid/welke-wetten-en-regels-zijn-belangrijk",
    ("Resource", "publisher"): "Nederlands Jeugdinstituut",
    ("Contact", "title"): "Veilig Thuis",
    ("Contact", "website"): "https://www.veiligthuis.nl",
    ("Term", "title"): "Uithuisplaatsing",
    ("Term", "abbreviation"): "UHP",
}
"""Examples where the generic one would mislead for a particular record type."""


def field_example(model: type[BaseModel], name: str) -> Any:
    """The example for one field of one model."""
    return KIND_FIELD_EXAMPLES.get((model.__name__, name), FIELD_EXAMPLES.get(name))


# --------------------------------------------------------------------------- decision routes

# Routes (data/route/) build on Record, so their model lives in generator/routes.py, which adds
# the "route" kind to KINDS and KIND_LABELS itself. Importing it here, after everything it
# uses, completes the registry for every reader of KINDS, whichever module is imported first.
from . import routes as _routes  # noqa: E402, F401
