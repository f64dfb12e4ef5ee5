"""Values that identify a record (CBS code, municipality code, BWBR id, abbreviation, title) occur once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..catalog import Catalog, Entry
from ..model import Law, Region, Term
from ..problems import Problem


def _unique_values(entry: Entry) -> Iterator[tuple[str, tuple[Any, ...], str]]:
    record = entry.record
    if isinstance(record, Region):
        yield "CBS-code", ("cbs_code",), record.cbs_code
        for i, municipality in enumerate(record.municipalities):
            yield "gemeentecode", ("municipalities", i, "code"), municipality.code
    if isinstance(record, Law):
        yield "BWBR-code", ("bwbr",), record.bwbr
    if isinstance(record, Term) and record.abbreviation:
        yield "afkorting", ("abbreviation",), record.abbreviation
    yield "titel", ("title",), f"{entry.kind}:{record.title.casefold()}"


def check_unique_fields(catalog: Catalog) -> list[Problem]:
    """Values that identify a record (CBS code, municipality code, BWBR id, abbreviation, title) may occur once."""
    seen: dict[tuple[str, str], tuple[Entry, tuple[Any, ...]]] = {}
    problems = []
    for entry in sorted(catalog.entries.values(), key=lambda e: e.path):
        for label, loc, value in _unique_values(entry):
            key = (label, value)
            if key in seen:
                first, first_loc = seen[key]
                shown = value.split(":", 1)[1] if label == "titel" else value
                dotted = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(*loc),
                        dotted,
                        f"{label} '{shown}' komt al voor in {first.path}:{first.line(*first_loc)}",
                    )
                )
            else:
                seen[key] = (entry, loc)
    return problems
