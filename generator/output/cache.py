"""A content-addressed store for the results of the build's pure, per-page steps.

Every value is filed under a key that is the SHA-256 of everything the step reads (see
`digest`), so a changed input is a different key and can never meet a stale value; there is no
invalidation to get wrong. The store keeps values in memory (one `mkdocs serve` process reuses
them on every rebuild) and, when given a folder, on disk, one file per key (a string as UTF-8,
any other value as zlib-compressed JSON), so the next `make check` finds them too.

`finish()` ends one build: whatever this build did not use is dropped from memory and from the
folder, so the cache holds one build's worth and does not grow with every edit. Writes go to a
temporary file that is renamed into place, so a reader never sees half a value; an unreadable
or corrupt entry counts as a miss.

Setting `ROUTEWIJZER_CACHE=0` turns caching off (`cache_enabled`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import tempfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DEFAULT_CACHE_DIR = ".cache/routewijzer"
"""Beside mkdocs.yml; git-ignored (.cache/)."""

CACHE_ENV = "ROUTEWIJZER_CACHE"
"""Set to 0 (or off, no, false) to build without any cache."""


def cache_enabled() -> bool:
    """False when the environment turns the cache off."""
    return os.environ.get(CACHE_ENV, "1").strip().lower() not in {"0", "off", "no", "false"}


def digest(*parts: str | bytes) -> str:
    """A hex SHA-256 over `parts`, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(b"%d:" % len(data))
        h.update(data)
    return h.hexdigest()


@functools.cache
def code_digest(*modules: str) -> str:
    """A digest of the source of `modules` (dotted names): part of a key whenever that code makes the value."""
    parts: list[str | bytes] = []
    for name in modules:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        parts.append(name)
        parts.append(Path(origin).read_bytes() if origin and origin.endswith(".py") else b"?")
    return digest(*parts)


_TEXT = b"S"
"""First byte of an entry that is one string (a rendered page), stored as plain UTF-8: decoding
20 MB of pages from JSON cost `make check` about 0.2 s."""
_JSON = b"Z"
"""First byte of any other entry: zlib-compressed JSON. An entry that starts otherwise is a miss."""


class ResultCache:
    """Values by (space, key) in memory and optionally in `folder/<space>/<key>.z`."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._memory: dict[tuple[str, str], Any] = {}
        self._used: set[tuple[str, str]] = set()
        self._journal: list[tuple[str, str, Any]] | None = None
        self.hits = 0
        self.misses = 0

    def keep_a_journal(self) -> list[tuple[str, str, Any]]:
        """In a forked copy of the build: from now on nothing is written to disk; every value read
        (as `(space, key, None)`) or written is noted in the returned list, for `adopt`."""
        self._journal = []
        return self._journal

    def adopt(self, journal: Iterable[tuple[str, str, Any]]) -> None:
        """What a copy's journal says it read (kept by this build) and wrote (stored here)."""
        for space, key, value in journal:
            if value is None:
                self._used.add((space, key))
            else:
                self.put(space, key, value)

    def get(self, space: str, key: str) -> Any | None:
        """The value stored under `key`, or None."""
        item = (space, key)
        if item in self._memory:
            self._used.add(item)
            self.hits += 1
            if self._journal is not None:
                self._journal.append((space, key, None))
            return self._memory[item]
        value = self._read(space, key)
        if value is None:
            self.misses += 1
            return None
        self._memory[item] = value
        self._used.add(item)
        if self._journal is not None:
            self._journal.append((space, key, None))
        self.hits += 1
        return value

    def put(self, space: str, key: str, value: Any) -> None:
        """Store a JSON-serialisable `value` (not None) under `key`."""
        item = (space, key)
        self._memory[item] = value
        self._used.add(item)
        if self._journal is not None:
            self._journal.append((space, key, value))
            return
        if self.folder is None:
            return
        folder = self.folder / space
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.folder = None  # a folder that cannot be made: keep to memory from now on
            return
        if isinstance(value, str):
            data = _TEXT + value.encode("utf-8", "surrogatepass")
        else:
            data = _JSON + zlib.compress(
                json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1
            )
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            Path(tmp).replace(folder / f"{key}.z")
        except OSError:
            # Another build pruning the folder at the same moment, a full disk: this value is
            # only missing next time, which makes that build a little slower, never wrong.
            if tmp is not None:
                with contextlib.suppress(OSError):
                    Path(tmp).unlink()

    def _read(self, space: str, key: str) -> Any | None:
        if self.folder is None:
            return None
        try:
            data = (self.folder / space / f"{key}.z").read_bytes()
            kind, body = data[:1], data[1:]
            if kind == _TEXT:
                return body.decode("utf-8", "surrogatepass")
            if kind == _JSON:
                return json.loads(zlib.decompress(body).decode("utf-8"))
        except (OSError, ValueError, zlib.error):
            pass
        return None

    def finish(self, spaces: Iterable[str] | None = None) -> None:
        """End a build: drop every value this build did not use, in memory and on disk."""
        self._memory = {item: value for item, value in self._memory.items() if item in self._used}
        if self.folder is not None:
            names = spaces if spaces is not None else {space for space, _ in self._used}
            for space in names:
                keep = {f"{key}.z" for s, key in self._used if s == space}
                try:
                    entries = list(os.scandir(self.folder / space))
                except OSError:
                    continue
                for entry in entries:
                    if entry.name not in keep:
                        with contextlib.suppress(OSError):
                            Path(entry.path).unlink()
        self._used = set()
        self.hits = self.misses = 0


__all__ = ["CACHE_ENV", "DEFAULT_CACHE_DIR", "ResultCache", "cache_enabled", "code_digest", "digest"]
