"""Wayfinding for people in a hurry (issue 17): the "Direct hulp" block, the "Snel weg" quick exit,
the municipality look-up of the home page and the young people's questions on `voor/jongeren/`.

Pure: records in, plain data out. The theme shows the data (docs/overrides/partials/rw-help.html,
rw-exit.html, rw-home.html); the engine adapter only hands it over. Every phone number comes from
a contact record, never from a template.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..catalog import Catalog, Entry
from ..model import Contact, Region
from ..validate import iter_references, iter_route_references
from .frame import Page, link, page_path
from .text import escape

HELP_LINES: tuple[tuple[str, str], ...] = (
    ("112", "Direct gevaar"),
    ("veilig-thuis", "Geweld thuis"),
    ("113-zelfmoordpreventie", "Bij gedachten aan zelfdoding"),
    ("kindertelefoon", "Praten, tot 18 jaar"),
    ("jeugdstem", "Vertrouwenspersoon jeugdhulp"),
)
"""The "Direct hulp" block: contact record id → what the line is for (the label shown before the
number). The number and the name come from the record; a missing record is left out."""

HELP_LABELS_EN: dict[str, str] = {
    "112": "Danger now",
    "veilig-thuis": "Violence at home",
    "113-zelfmoordpreventie": "Thinking about suicide",
    "kindertelefoon": "Talk to someone, up to 18",
    "jeugdstem": "Confidential adviser in youth care",
}
"""The same block on English pages ("Help now"): the labels in English. The name is the Dutch
organisation's name (as on its letters and website); the line links to the English page where the
contact has one."""

HELP_AUDIENCES = frozenset({"ouder", "jongere"})
"""Pages for these audiences carry the "Direct hulp" block."""

QUICK_EXIT_SUBJECTS = frozenset(
    {
        "thema/complexe-scheidingen",
        "begrip/complexe-scheiding",
        "begrip/ouderverstoting",
        "begrip/huiselijk-geweld",
        "begrip/kindermishandeling",
        "begrip/veilig-thuis",
        "contact/veilig-thuis",
        "begrip/uithuisplaatsing",
        "begrip/gedwongen-uithuisplaatsing",
        "begrip/vrijwillige-uithuisplaatsing",
        "begrip/machtiging-uithuisplaatsing",
        "begrip/crisismaatregel",
    }
)
"""The records that stand for violence, abuse, placement and divorce. A page gets the "Snel weg"
button when it is for young people, is one of these records, or points at one of them (its
themes, its related records, a route's outcomes): the data's own links decide, not a list of URLs."""

MUNICIPALITIES_PATH = "assets/javascripts/rw-gemeenten.json"
"""Where `municipalities_json` goes in the site: beside rw-home.js, which fetches it."""
MUNICIPALITIES_SCRIPT = "assets/javascripts/rw-gemeenten.js"
"""Where `municipalities_script` goes in the offline copy: a page opened from disk cannot fetch
JSON, so the home page loads the same list as a script (partials/rw-home.html)."""

WRITTEN_AUDIENCE_KEY = "audience"
"""Front matter of a hand-written page: `audience: [ouder, jongere]`, as in a record."""
WRITTEN_EXIT_KEY = "snel_weg"
"""Front matter of a hand-written page: `snel_weg: true` shows the quick exit on a page that is
not for young people but is about a subject someone may need to hide."""


@dataclass(frozen=True)
class Marks:
    """What a page carries besides its content."""

    help: bool = False
    """The "Direct hulp" block (pages for parents and young people)."""
    exit: bool = False
    """The "Snel weg" button (pages for young people and pages about violence, abuse, placement, divorce)."""


def help_lines(catalog: Catalog, *, english: bool = False) -> list[dict[str, str]]:
    """The lines of the "Direct hulp" block, in order: label, name, number (or ""), tel: target, page.

    `page` is the contact page's path relative to the site root (`contact/112/`); a line whose
    record has no known number links to its page only. With `english`, the labels are English
    (`HELP_LABELS_EN`) and a contact with an English translation links to its English page
    (`en/contact/112/`); one without says so (`in_dutch`).
    """
    lines = []
    for id_, label in HELP_LINES:
        entry = catalog.get("contact", id_)
        if entry is None:
            continue
        contact = entry.record
        assert isinstance(contact, Contact)
        phone = contact.phone if isinstance(contact.phone, str) else ""
        translated = english and contact.en is not None
        lines.append(
            {
                "id": id_,
                "label": HELP_LABELS_EN.get(id_, label) if english else label,
                "name": _short_name(contact.title),
                "phone": phone,
                "tel": "".join(c for c in phone if c.isdigit() or c == "+"),
                "page": f"en/contact/{id_}/" if translated else f"contact/{id_}/",
                "in_dutch": "1" if english and not translated else "",
            }
        )
    return lines


def _short_name(title: str) -> str:
    """'112: het alarmnummer bij direct gevaar' → '112'; 'Jeugdstem (vertrouwenspersoon jeugdhulp)' → 'Jeugdstem'."""
    return title.split(":", 1)[0].split(" (", 1)[0].strip()


def entry_marks(entry: Entry) -> Marks:
    """Marks of the pages a record makes (a route makes several, all alike)."""
    audience = set(entry.record.audience)
    refs = {f"{kind}/{id_}" for _loc, kind, id_ in (*iter_references(entry), *iter_route_references(entry))}
    sensitive = entry.key in QUICK_EXIT_SUBJECTS or bool(refs & QUICK_EXIT_SUBJECTS)
    return Marks(help=bool(audience & HELP_AUDIENCES), exit="jongere" in audience or sensitive)


OVERVIEW_MARKS: dict[str, Marks] = {
    "voor/jongeren.md": Marks(help=True, exit=True),
    "voor/ouders.md": Marks(help=True),
    "contact/index.md": Marks(help=True),
    "regio/gemeenten.md": Marks(help=True),
}
"""Generated overview pages written for parents or young people."""


def page_marks(catalog: Catalog, pages: Iterable[Page]) -> dict[str, Marks]:
    """Generated page path (`contact/112.md`) → its marks; pages without any are left out."""
    by_file = {entry.path: entry for entry in catalog.entries.values()}
    found: dict[str, Marks] = {}
    for page in pages:
        entry = by_file.get(page.source) if page.source else None
        marks = entry_marks(entry) if entry else OVERVIEW_MARKS.get(page.path, Marks())
        if marks.help or marks.exit:
            found[page.path] = marks
    return found


def written_marks(meta: Mapping[str, Any]) -> Marks:
    """Marks of a hand-written page, from its front matter (`audience:` and `snel_weg:`)."""
    audience = meta.get(WRITTEN_AUDIENCE_KEY) or []
    audience = set(audience) if isinstance(audience, list) else {audience}
    return Marks(
        help=bool(audience & HELP_AUDIENCES),
        exit="jongere" in audience or meta.get(WRITTEN_EXIT_KEY) is True,
    )


def municipalities_json(catalog: Catalog) -> str:
    """Every municipality name (current, former and other names) with its region, for the home
    page's "Vind je regio" field: a list of [name, note, region title, region page]."""
    rows: list[tuple[str, str, str, str]] = []
    for entry in catalog.of_kind("regio"):
        region = entry.record
        assert isinstance(region, Region)
        target = f"regio/{entry.id}/"
        for m in region.municipalities:
            rows.append((m.name, "", region.title, target))
            rows += [(old, f"nu {m.name}", region.title, target) for old in m.former_names]
            rows += [(other, f"officieel {m.name}", region.title, target) for other in m.other_names]
    rows.sort(key=lambda row: (row[0].casefold(), row[1]))
    return json.dumps([list(row) for row in rows], ensure_ascii=False, separators=(",", ":"))


def municipalities_script(rows_json: str, url_of: Callable[[str], str]) -> str:
    """`municipalities_json`'s list as a script that sets `self.RW_MUNICIPALITIES`, for a page
    opened from disk (file://), where rw-home.js cannot fetch it. Each region page, a
    directory-style path (`regio/x/`), becomes `url_of(path)`: its URL in this build
    (`regio/x.html` in the offline copy)."""
    rows = json.loads(rows_json)
    if not isinstance(rows, list) or not all(isinstance(row, list) and len(row) == 4 for row in rows):
        raise ValueError("municipalities_script: expected a list of [name, note, region, page]")
    data = json.dumps([[*row[:3], url_of(row[3])] for row in rows], ensure_ascii=False, separators=(",", ":"))
    return f"self.RW_MUNICIPALITIES = {data};\n"


# --------------------------------------------------------------------------- young people's page

YOUTH_QUESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Is het thuis niet veilig?",
        ("contact/veilig-thuis", "begrip/kindermishandeling", "contact/112"),
    ),
    (
        "Moet je misschien uit huis? Of wil je zelf niet meer thuis wonen?",
        ("begrip/uithuisplaatsing", "begrip/vrijwillige-uithuisplaatsing", "begrip/machtiging-uithuisplaatsing"),
    ),
    (
        "Word je bijna 18?",
        ("begrip/verlengde-jeugdhulp", "begrip/van-jeugd-naar-volwassenheid"),
    ),
    (
        "Heb je het gevoel dat niemand naar je luistert?",
        ("begrip/vertrouwenspersoon", "contact/jeugdstem"),
    ),
    (
        "Wil je zelf iemand kiezen die je steunt?",
        ("begrip/je-eigen-ingebrachte-mentor",),
    ),
    (
        "Wil je praten met iemand die niet bij je instelling werkt?",
        ("contact/jeugdstem", "begrip/vertrouwenspersoon", "begrip/kinderombudsman"),
    ),
    (
        "Wil je een klacht indienen?",
        ("contact/jeugdstem", "begrip/vertrouwenspersoon", "begrip/kinderombudsman"),
    ),
    (
        "Wil je praten zonder dat iemand het weet?",
        ("contact/kindertelefoon", "contact/113-zelfmoordpreventie", "contact/de-luisterlijn"),
    ),
    (
        "Gaan je ouders uit elkaar?",
        ("begrip/complexe-scheiding", "begrip/omgangsregeling", "contact/kindertelefoon"),
    ),
)
"""What young people ask (issue 17), each answered by records: their titles and summaries are the
answer, so every fact on the page comes from data/. A record that does not exist is left out, and
a question without any record too."""


def youth_questions(catalog: Catalog, path: str) -> list[str]:
    """The "Wat wil je weten?" part of `voor/jongeren/`: Markdown lines, empty without any record."""
    out: list[str] = []
    shown: set[str] = set()
    for question, refs in YOUTH_QUESTIONS:
        entries = [e for ref in refs if (e := catalog.entries.get(ref)) is not None]
        if not entries:
            continue
        out += [f"### {escape(question)}", ""]
        for e in entries:
            # A record's summary once; further answers with the same record are just the link.
            item = f"- {link(path, page_path(e.kind, e.id), e.record.title)}"
            out.append(item if e.key in shown else f"{item}: {escape(e.record.summary)}")
            shown.add(e.key)
        out.append("")
    if out:
        out = ["## Wat wil je weten?", "", *out]
    return out
