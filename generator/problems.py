"""The problem type every stage reports with, and the small helpers its messages share.

Every message has one shape: `data/regio/x.yaml:12: ret.email: <Dutch explanation>`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file, with the line an editor should look at."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """Raised once with every problem found in the data."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "fout" if count == 1 else "fouten"
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} {noun} in de data gevonden; de site is niet gebouwd.")
        return "\n".join(lines)


def dotted(loc: Iterable[Any]) -> str:
    """A pydantic-style location as editors read it: ret.email, sources[2].url."""
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """'; bedoel je 'x'?' when a candidate is close to `value`, else ''."""
    guess = difflib.get_close_matches(value, list(candidates), n=1)
    return f"; bedoel je '{guess[0]}'?" if guess else ""
