"""Every validated record by kind and id, with the file and lines it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Record
from .yamlfile import LineDict, line_of


@dataclass(frozen=True, eq=False)
class Entry:
    """One validated record with where it came from."""

    kind: str
    id: str
    path: str
    """Path of the YAML file relative to the project root, with forward slashes."""
    record: Record
    data: LineDict = field(repr=False, compare=False)
    """The parsed YAML, kept for line look-ups in later checks."""
    fingerprint: str = field(default="", repr=False, compare=False)
    """A SHA-256 of the file's bytes: equal for the same record (results made from the record
    alone can be kept under it); empty when unknown."""

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.id}"

    def line(self, *loc: Any) -> int:
        return line_of(self.data, loc)


@dataclass
class Catalog:
    """Every record, by kind and id."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries[entry.key] = entry

    def get(self, kind: str, id_: str) -> Entry | None:
        return self.entries.get(f"{kind}/{id_}")

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted((e for e in self.entries.values() if e.kind == kind), key=_sort_key)

    def __len__(self) -> int:
        return len(self.entries)


def _sort_key(entry: Entry) -> tuple[Any, ...]:
    order = getattr(entry.record, "order", 0)
    return (order, entry.record.title.casefold(), entry.id)
