"""A `reviewed` date rests on sources that were consulted that day or earlier."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..catalog import Catalog
from ..model import Source
from ..model.walk import iter_values
from ..problems import Problem, dotted


def check_review_trail(catalog: Catalog) -> list[Problem]:
    """A `reviewed` date rests on sources that were consulted that day or earlier.

    A record claims its facts were checked against its sources; that claim needs at least one
    source with a `consulted` date, and cannot be later than the newest of them. A source cannot
    be consulted before it was published.
    """
    problems = []
    for entry in sorted(catalog.entries.values(), key=lambda e: e.path):
        record = entry.record
        consulted: list[tuple[date, tuple[Any, ...]]] = []
        for loc, source in iter_values(record, Source):
            if source.consulted is None:
                continue
            consulted.append((source.consulted, loc))
            published = _full_date(source.date)
            if published and source.consulted < published:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(*loc, "consulted"),
                        dotted((*loc, "consulted")),
                        f"{source.consulted.isoformat()} ligt vóór de datum van de bron zelf ({source.date}); "
                        "een bron kun je pas nakijken als ze bestaat",
                    )
                )
        if record.reviewed is None:
            continue
        if not consulted:
            problems.append(
                Problem(
                    entry.path,
                    entry.line("reviewed"),
                    "reviewed",
                    f"{record.reviewed.isoformat()} zegt dat de feiten zijn nagekeken, maar geen enkele bron heeft "
                    "een 'consulted'-datum. Zet 'consulted: JJJJ-MM-DD' bij de bronnen die je hebt nagekeken, "
                    "of haal 'reviewed' weg zolang dat niet is gebeurd",
                )
            )
            continue
        newest, where = max(consulted, key=lambda item: item[0])
        if record.reviewed > newest:
            problems.append(
                Problem(
                    entry.path,
                    entry.line("reviewed"),
                    "reviewed",
                    f"{record.reviewed.isoformat()} ligt na de nieuwste 'consulted'-datum van de bronnen "
                    f"({newest.isoformat()}, bij {dotted(where)}); een record is niet later nagekeken dan zijn "
                    "bronnen. Kijk de bronnen opnieuw na en zet daar de nieuwe datum, of zet 'reviewed' terug",
                )
            )
    return problems


def _full_date(value: str | None) -> date | None:
    """A source's publication date when it is a whole day (YYYY-MM-DD); None for a year or month."""
    if value is None or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
