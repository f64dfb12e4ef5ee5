"""'Wat is er veranderd?': what changed in the records, day by day, in Dutch sentences built from the data.

"Telefoonnummer van Veilig Thuis aangepast": which page and which fields, derived by comparing
each record with its previous version (`generator.load.load_history`), with the field labels of
the model (`generator.model.labels`). Never a commit message (written for developers, in English)
and never an author's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..load import MAX_COMMITS, Change
from ..model.labels import field_label
from . import dialect
from .text import escape, format_date

MAX_LINES = 150
"""Lines on the page; older changes are left out (the page says so)."""

MASS = 8
"""More pages than this with the same change on one day become one line ('zoekwoorden van 312 pagina's aangepast')."""

_ORDER = {"A": 0, "M": 1, "D": 2}
"""New pages first, then changed ones, then removed ones (git's rename detection is off: a rename is both)."""


@dataclass
class _Item:
    """One data file's changes on one day."""

    path: str
    title: str
    status: str
    fields: list[str]


def _join(words: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fields_text(fields: list[str]) -> str:
    labels: list[str] = []
    for name in fields:
        label = field_label(name)
        if label not in labels:
            labels.append(label)
    return _join(labels)


def _by_day(changes: list[Change]) -> list[tuple[str, list[_Item]]]:
    """Changes merged per day and file, newest day first; a file changed twice on one day is one item."""
    days: dict[str, dict[str, _Item]] = {}
    for change in changes:  # newest commit first
        items = days.setdefault(change.day, {})
        for file in change.files:
            item = items.get(file.path)
            if item is None:
                items[file.path] = _Item(file.path, file.title, file.status, list(file.fields))
                continue
            # An older commit of the same day: a file added that day stays new, its fields add up.
            if file.status == "A":
                item.status = "A"
            item.fields += [name for name in file.fields if name not in item.fields]
            item.title = item.title or file.title
    return [(day, list(items.values())) for day, items in sorted(days.items(), key=lambda d: d[0], reverse=True)]


def render_history(
    changes: list[Change] | None, page_for: dict[str, tuple[str, str]], link: Callable[[str, str], str]
) -> str:
    """Markdown of the history page.

    `page_for` maps a data file (data/regio/x.yaml) to its page and title; `link(page, text)`
    makes a relative Markdown link from the history page.
    """
    out = [
        "# Wat is er veranderd?",
        "",
        "De inhoud van deze site staat in tekstbestanden die redacteuren aanpassen. Hier zie je wat er "
        "de laatste tijd is veranderd, per dag, de nieuwste eerst: welke pagina en welke gegevens.",
        "",
    ]
    if changes is None:
        return "\n".join([*out, "De geschiedenis is niet beschikbaar in deze versie van de site.", ""])
    lines_left = MAX_LINES
    shown_any = False
    for day, items in _by_day(changes):
        lines = _day_lines(items, page_for, link)
        if not lines:
            continue
        if lines_left <= 0:
            out += ["Oudere wijzigingen staan niet op deze pagina.", ""]
            break
        shown_any = True
        when = format_date(date.fromisoformat(day)) if _is_day(day) else escape(day)
        out += [dialect.heading(2, when, anchor=f"d-{day}" if _is_day(day) else None), ""]
        out += lines[:lines_left]
        if len(lines) > lines_left:
            out.append(f"- en nog {len(lines) - lines_left} andere wijzigingen")
        lines_left -= len(lines)
        out.append("")
    if not shown_any:
        out += ["Er zijn nog geen wijzigingen.", ""]
    elif len(changes) >= MAX_COMMITS and lines_left > 0:
        out += ["Oudere wijzigingen staan niet op deze pagina.", ""]
    return "\n".join(out).rstrip() + "\n"


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _day_lines(items: list[_Item], page_for: dict[str, tuple[str, str]], link: Callable[[str, str], str]) -> list[str]:
    """One sentence per changed page; many pages with the same change become one sentence."""
    groups: dict[tuple[str, tuple[str, ...]], list[_Item]] = {}
    for item in sorted(items, key=lambda i: i.path):
        if item.status == "M" and not item.fields:
            continue  # only layout or comments changed: the page is the same
        key = (item.status, tuple(item.fields) if item.status == "M" else ())
        groups.setdefault(key, []).append(item)
    lines: list[tuple[int, str]] = []
    for (status, fields), group in groups.items():
        if len(group) > MASS:
            count = f"{len(group)} pagina's"
            if status == "A":
                text = f"{count} toegevoegd"
            elif status == "D":
                text = f"{count} verwijderd"
            else:
                text = f"{_capital(_fields_text(list(fields)))} van {count} aangepast"
            lines.append((_ORDER.get(status, 1), f"- {text}"))
            continue
        for item in group:
            lines.append((_ORDER.get(item.status, 1), f"- {_sentence(item, page_for, link)}"))
    return [text for _, text in sorted(lines, key=lambda pair: pair[0])]


def _sentence(item: _Item, page_for: dict[str, tuple[str, str]], link: Callable[[str, str], str]) -> str:
    known = page_for.get(item.path)
    title = escape(item.title or item.path.rsplit("/", 1)[-1].removesuffix(".yaml"))
    target = link(known[0], known[1]) if known and item.status != "D" else title
    if item.status == "A":
        return f"Nieuw: {target}"
    if item.status == "D":
        return f"Verwijderd: {title}"
    return f"{_capital(_fields_text(item.fields))} van {target} aangepast"
