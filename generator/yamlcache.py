"""Parsed record files kept between runs: `make check` parses only the files that changed.

Parsing the 330 record files with their line numbers (`yamlfile.parse_yaml`) costs `make check`
about a quarter of a second on every run, though an edit changes one file. The parsed trees are
kept in `.cache/parsed.json` by the SHA-256 of each file's bytes, under a salt of the parser's
own source and PyYAML's version, so a changed file or a changed parser is parsed again.

The cache holds data, never code: JSON with tagged values for what JSON lacks (a mapping with its
lines, a list with its lines, a date). A file whose tree holds anything else is simply not kept.
An unreadable or damaged cache counts as empty. Only successful parses are kept: a file with a
YAML problem is parsed, and reported, every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .yamlfile import LineDict, LineList, parse_yaml

CACHE_FILE = ".cache/parsed.json"
CACHE_ENV = "ROUTEWIJZER_CACHE"

# NUL cannot occur in a record file (the parser refuses it), so no key of the data is a tag.
_MAPPING, _SEQUENCE, _DATE, _DATETIME = "\0map", "\0seq", "\0date", "\0datetime"


class _NotData(Exception):
    """A value JSON cannot hold exactly: the file is not kept."""


def _encode(value: Any) -> Any:
    if isinstance(value, LineDict):
        return {_MAPPING: [value.start_line, {key: _encode(item) for key, item in value.items()}, value.lines]}
    if isinstance(value, LineList):
        return {_SEQUENCE: [value.start_line, [_encode(item) for item in value], value.lines]}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    raise _NotData(type(value).__name__)


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) != 1:
        return obj
    tag, body = next(iter(obj.items()))
    if tag == _MAPPING:
        mapping = LineDict()
        mapping.update(body[1])
        mapping.start_line, mapping.lines = body[0], body[2]
        return mapping
    if tag == _SEQUENCE:
        sequence = LineList()
        sequence.extend(body[1])
        sequence.start_line, sequence.lines = body[0], body[2]
        return sequence
    if tag == _DATE:
        return date.fromisoformat(body)
    if tag == _DATETIME:
        return datetime.fromisoformat(body)
    return obj


def _salt() -> str:
    source = Path(str(sys.modules[LineDict.__module__].__file__)).read_bytes()
    libyaml = getattr(yaml, "__with_libyaml__", False)
    return hashlib.sha256(source + f"\0{yaml.__version__}\0{libyaml}".encode()).hexdigest()


class ParsedTrees:
    """Parsed trees by file content, read from and written to one JSON file."""

    def __init__(self, cache_file: Path) -> None:
        self.cache_file = cache_file
        self.salt = _salt()
        self.trees: dict[str, str] = {}
        """Digest of a file's bytes → its tree as JSON text (decoded only when asked for)."""
        self.used: set[str] = set()
        with contextlib.suppress(OSError, ValueError, AttributeError, TypeError):
            stored = json.loads(cache_file.read_text(encoding="utf-8"))
            if stored.get("salt") == self.salt:
                self.trees = {str(key): str(text) for key, text in stored["trees"].items()}
        self.stored = set(self.trees)

    @classmethod
    def for_project(cls, root: Path) -> ParsedTrees | None:
        """The cache of the project at `root`; None when the cache is turned off (ROUTEWIJZER_CACHE=0)."""
        if os.environ.get(CACHE_ENV, "1").strip().lower() in {"0", "off", "no", "false"}:
            return None
        return cls(root / CACHE_FILE)

    def parse(self, raw: bytes) -> LineDict:
        """`parse_yaml(raw)`, from the cache when these bytes were parsed before."""
        key = hashlib.sha256(raw).hexdigest()
        text = self.trees.get(key)
        if text is not None:
            with contextlib.suppress(ValueError, TypeError, KeyError, IndexError, AttributeError):
                tree = json.loads(text, object_hook=_decode)
                if isinstance(tree, LineDict):
                    self.used.add(key)
                    return tree
        tree = parse_yaml(raw)  # raises YamlProblem, never kept
        try:
            self.trees[key] = json.dumps(_encode(tree), ensure_ascii=False, separators=(",", ":"))
        except (_NotData, ValueError):
            return tree
        self.used.add(key)
        return tree

    def seen(self, raw: bytes) -> None:
        """Keep this file's tree although the loader answered it from memory."""
        key = hashlib.sha256(raw).hexdigest()
        if key in self.trees:
            self.used.add(key)

    def save(self) -> None:
        """Write the trees of this run's files, when they differ from what is on disk."""
        if self.used == self.stored:
            return
        kept = {key: self.trees[key] for key in sorted(self.used)}
        tmp = None
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".parsed-", dir=self.cache_file.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                json.dump({"salt": self.salt, "trees": kept}, stream, ensure_ascii=False, separators=(",", ":"))
            Path(tmp).replace(self.cache_file)
            tmp = None
        except OSError:
            pass  # a cache that cannot be written only costs time next run
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    Path(tmp).unlink()
        self.stored = set(self.used)


__all__ = ["CACHE_FILE", "ParsedTrees"]
