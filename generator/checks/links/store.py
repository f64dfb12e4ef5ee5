"""The external check's memory between runs: a result cache with a time-to-live, and each URL's history.

Both are JSON files in one folder (`.cache/linkcheck/`, git-ignored):

- `results.json`: the last result per URL and until when it may be reused, so a second
  run within the TTL asks no site anything again;
- `history.json`: the outcome of the last runs per URL and how many failed in a row, so
  a link fails the check only after it has been broken on consecutive runs.

Files are replaced atomically; a damaged file is set aside and started afresh.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

VERSION = 1
KEEP_RUNS = 10


@dataclass
class Cached:
    """A stored result of one URL."""

    status: str
    detail: str
    checked_at: str
    expires_at: str
    code: int | None = None
    new_url: str | None = None
    final_url: str | None = None
    attempts: int = 1


@dataclass
class History:
    """The recent outcomes of one URL, newest last."""

    streak: int = 0
    """Failed checks in a row (a check from the cache does not count twice)."""
    runs: list[dict[str, str]] = field(default_factory=list)

    def record(self, at: datetime, status: str, detail: str, *, failed: bool | None) -> None:
        """Add a check: failed=True extends the streak, False ends it, None (offline, rate limited) leaves it."""
        if failed is True:
            self.streak += 1
        elif failed is False:
            self.streak = 0
        self.runs.append({"at": at.isoformat(timespec="seconds"), "status": status, "detail": detail})
        del self.runs[:-KEEP_RUNS]


class Store:
    """Results and histories, read at the start of a run and written at its end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results: dict[str, Cached] = {}
        self.history: dict[str, History] = {}
        self.warnings: list[str] = []
        self._read_results(self._load(folder / "results.json"))
        self._read_history(self._load(folder / "history.json"))

    def _load(self, path: Path) -> dict[str, Any]:
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != VERSION:
                raise ValueError("onbekende versie")
            return data
        except (OSError, ValueError) as exc:
            broken = path.with_suffix(".json.bad")
            path.replace(broken)
            self.warnings.append(f"{path} was onleesbaar ({exc}); opzij gezet als {broken.name}, opnieuw begonnen")
            return {}

    def _read_results(self, data: dict[str, Any]) -> None:
        for url, item in (data.get("results") or {}).items():
            try:
                self.results[url] = Cached(**item)
            except TypeError:
                continue

    def _read_history(self, data: dict[str, Any]) -> None:
        for url, item in (data.get("urls") or {}).items():
            try:
                self.history[url] = History(int(item["streak"]), list(item["runs"]))
            except (KeyError, TypeError, ValueError):
                continue

    def fresh(self, url: str, now: datetime) -> Cached | None:
        """The stored result of `url` if it has not expired."""
        cached = self.results.get(url)
        if cached is None:
            return None
        try:
            expires = datetime.fromisoformat(cached.expires_at)
        except ValueError:
            return None
        return cached if expires > now else None

    def remember(self, url: str, cached: Cached | None) -> None:
        if cached is None:
            self.results.pop(url, None)
        else:
            self.results[url] = cached

    def history_of(self, url: str) -> History:
        return self.history.setdefault(url, History())

    def save(self, keep: set[str]) -> None:
        """Write both files, keeping only the URLs in `keep` (those still in the data)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        results = {u: asdict(c) for u, c in sorted(self.results.items()) if u in keep}
        history = {u: asdict(h) for u, h in sorted(self.history.items()) if u in keep}
        write_json(self.folder / "results.json", {"version": VERSION, "results": results})
        write_json(self.folder / "history.json", {"version": VERSION, "urls": history})


def expiry(now: datetime, ttl: timedelta) -> str:
    return (now + ttl).isoformat(timespec="seconds")


def write_json(path: Path, data: Any) -> None:
    """Write via a temporary file and a rename: a crash never leaves half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        Path(tmp).chmod(0o644)  # mkstemp makes it private; these are ordinary project files
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)
            out.write("\n")
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
