"""English translations (`en:`): they match their Dutch record, retype no phone number, and are current.

- A route's translated steps exist in the Dutch route, are of the same kind (question or outcome),
  have as many answers in the same order, and include the first question (the English route page).
- No English text holds a phone number of a contact record: the English pages show numbers from
  the records, so a changed number is changed once. Numbers of three digits (112, 113) are also
  the names of their services and may be written.
- `translation_status`: whether a record's English is missing, current or outdated. The rule: a
  translation is outdated when the Dutch record was reviewed after the English was
  (`reviewed` > `en.reviewed`), because a review is when an editor changes the Dutch facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from ..catalog import Catalog, Entry
from ..model import Contact, Route
from ..model.english import Translation
from ..problems import Problem, dotted

TRANSLATABLE_KINDS = ("begrip", "contact", "route")
"""Kinds whose records can have an English translation (`en:`)."""


def translation(entry: Entry) -> Translation | None:
    """The record's English translation, or None."""
    value = getattr(entry.record, "en", None)
    return value if isinstance(value, Translation) else None


Status = Literal["missing", "outdated", "current"]


def translation_status(entry: Entry) -> tuple[Status, date | None]:
    """Missing, outdated (with the Dutch review date it predates) or current."""
    english = translation(entry)
    if english is None:
        return "missing", None
    dutch = entry.record.reviewed
    if dutch is not None and dutch > english.reviewed:
        return "outdated", dutch
    return "current", None


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _texts(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name != "reviewed":
                yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))


def _phone_numbers(catalog: Catalog) -> dict[str, str]:
    """Digits → the number as the contact record writes it, for numbers of four digits or more."""
    numbers = {}
    for entry in catalog.of_kind("contact"):
        contact = entry.record
        assert isinstance(contact, Contact)
        if isinstance(contact.phone, str) and len(_digits(contact.phone)) >= 4:
            numbers[_digits(contact.phone)] = contact.phone
    return numbers


def check_translations(catalog: Catalog) -> list[Problem]:
    """Every problem of the English translations, with file, line and field."""
    problems: list[Problem] = []
    numbers = _phone_numbers(catalog)
    for entry in sorted(catalog.entries.values(), key=lambda e: e.path):
        english = translation(entry)
        if english is None:
            continue
        for loc, text in _texts(english, ("en",)):
            for run in re.findall(r"\+?\d[\d\s-]{2,}\d", text):
                digits = _digits(run)
                if digits in numbers:
                    problems.append(
                        Problem(
                            entry.path,
                            entry.line(*loc),
                            dotted(loc),
                            f"het telefoonnummer {numbers[digits]} staat in de Engelse tekst; typ het niet over: "
                            "de Engelse pagina toont het nummer uit het contactrecord. Noem het contact bij zijn naam",
                        )
                    )
        if isinstance(entry.record, Route):
            problems += _check_route(entry, entry.record)
    return problems


def _check_route(entry: Entry, route: Route) -> list[Problem]:
    english = route.en
    assert english is not None
    problems = []
    if route.start not in english.nodes:
        problems.append(
            Problem(
                entry.path,
                entry.line("en", "nodes"),
                "en.nodes",
                f"de eerste vraag '{route.start}' heeft geen vertaling; zonder die vraag is er geen Engelse route",
            )
        )
    for node_id, node in english.nodes.items():
        loc: tuple[Any, ...] = ("en", "nodes", node_id)
        dutch = route.nodes.get(node_id)
        if dutch is None:
            problems.append(
                Problem(
                    entry.path,
                    entry.line(*loc),
                    dotted(loc),
                    f"de route heeft geen stap '{node_id}'; vertaal alleen stappen die onder 'nodes' staan",
                )
            )
            continue
        if (dutch.question is None) != (node.question is None):
            want = "een vraag ('question:')" if dutch.question is not None else "een uitkomst ('outcome:')"
            problems.append(
                Problem(
                    entry.path, entry.line(*loc), dotted(loc), f"in het Nederlands is deze stap {want}; vertaal hem zo"
                )
            )
            continue
        if dutch.question is not None and node.question is not None:
            have, want_n = len(node.question.answers), len(dutch.question.answers)
            if have != want_n:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(*loc, "question", "answers"),
                        dotted((*loc, "question", "answers")),
                        f"{have} Engelse antwoorden, maar {want_n} Nederlandse; vertaal elk antwoord, in dezelfde volgorde",
                    )
                )
    return problems
