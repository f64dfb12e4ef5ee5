"""Field types shared by every record kind: plain text, Markdown, links, facts that may be unknown, sources.

Every model is strict: an unknown key, a wrong type or a missing required field is an
error. Field docstrings are Dutch because they become the descriptions in the JSON Schemas
that editors see when they hover over a key in their editor. Nothing here knows about
files, YAML or an engine: it validates plain Python data.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
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

from ..characters import BAD_CHAR_RE, char_name

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


# Raw HTML that Markdown fields may contain; anything else is rejected (see _check_markdown).
_ALLOWED_TAGS = {"abbr", "br", "kbd", "sub", "sup"}


_TAG_RE = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)([^>]*)>")


_BAD_SCHEME_RE = re.compile(r"(?i)\b(?:javascript|vbscript|data)\s*:")


_IMAGE_RE = re.compile(r"!\[[^\]]*\]\s*[(\[]")


_ATTR_LIST_RE = re.compile(r"\{:?[^}\n]*(?:\bon[a-z]+|\bstyle|\bautofocus)\s*=", re.IGNORECASE)


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


def check_characters(value: str, *, newlines: bool = False) -> str:
    """No control characters (newline and tab only where `newlines`), no bidirectional overrides."""
    for found in BAD_CHAR_RE.finditer(value):
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
        if value is not None and value > _dt.date.today():
            raise ValueError(
                f"{value.isoformat()} ligt in de toekomst; vul de datum in waarop je de bron hebt nagekeken"
            )
        return value

    @model_validator(mode="after")
    def _note_or_url(self) -> Source:
        if self.url is None and self.note is None:
            raise ValueError("een bron zonder webadres heeft een 'note' nodig die zegt waar de bron te vinden is")
        return self


AUDIENCE_LABELS: dict[str, str] = {
    "professional": "professionals",
    "ouder": "ouders",
    "jongere": "jongeren",
}


def is_unknown(value: object) -> bool:
    """True when a fact is recorded as unknown."""
    return isinstance(value, Unknown)


def _thousands(value: int) -> str:
    """1.000: a Dutch thousands separator."""
    return f"{value:,}".replace(",", ".")


ALLOWED_TAGS: frozenset[str] = frozenset(_ALLOWED_TAGS)
"""The raw HTML tags a Markdown field may contain."""

TEXT_KINDS: dict[Any, str] = {
    _check_title: f"gewone tekst, één regel, hoogstens {_thousands(MAX_TITLE)} tekens",
    _check_abbreviation: f"gewone tekst, hoogstens {MAX_ABBREVIATION} tekens",
    _check_text: f"gewone tekst, één regel, hoogstens {_thousands(MAX_TEXT)} tekens",
    _inline_markdown: f"Markdown op één regel, hoogstens {_thousands(MAX_TEXT)} tekens",
    _block_markdown: f"Markdown met alinea's, hoogstens {_thousands(MAX_BODY)} tekens",
}
"""The validator of each text kind → how the field reference names it, with its limit."""
