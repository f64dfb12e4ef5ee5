"""The layout rules of `.yamllint.yaml` (indentation, spacing, blank lines, true/false), run by yamllint as a
library and reported in Dutch, in the same `file:line: field: reason` shape as every other data problem.

The loader runs them for every record when the project has a `.yamllint.yaml`, so `make check`, the
build and CI apply one set of rules. yamllint is pure Python and takes about 15 ms per file, so its
findings are cached per file content (and yamllint version and configuration) in
`.cache/yamllint.json`: after the first run only files that changed are linted again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from yamllint import __version__ as _yamllint_version
from yamllint import linter
from yamllint.config import YamlLintConfig, YamlLintConfigError

CONFIG_FILE = ".yamllint.yaml"
CACHE_FILE = ".cache/yamllint.json"

_END_OF_FILE = "lege regels aan het eind van het bestand; haal ze weg"

_LOADER_RULES = {"key-duplicates", "anchors"}
"""Rules whose cases the loader itself refuses with its own message (duplicate keys, anchors)."""


def _numbers(desc: str) -> list[str]:
    return re.findall(r"\d+", desc)


def _indentation(desc: str, value: str) -> str:
    found = _numbers(desc)
    if desc.startswith("wrong indentation") and len(found) == 2:
        return (
            f"springt {found[1]} spaties in, verwacht {found[0]}; "
            "spring in met 2 spaties per niveau, net als de regels eromheen"
        )
    return "springt niet goed in; spring in met 2 spaties per niveau, net als de regels eromheen"


def _empty_lines(desc: str, value: str) -> str:
    found = _numbers(desc)
    if "at end of file" in desc or (len(found) == 2 and found[1] == "0"):
        return _END_OF_FILE
    most = found[1] if len(found) == 2 else "2"
    return f"te veel lege regels achter elkaar; hoogstens {most}"


def _truthy(desc: str, value: str) -> str:
    shown = f"'{value}'" if value else "deze waarde"
    return (
        f"{shown} leest YAML als ja of nee; schrijf true of false, "
        "of zet tekst tussen aanhalingstekens (bijvoorbeeld 'ja')"
    )


def _spacing(before: str, after: str, sign: str) -> Callable[[str, str], str]:
    def message(desc: str, value: str) -> str:
        if "before" in desc:
            return before
        if "after" in desc:
            return after
        return f"verkeerde spaties rond {sign}"

    return message


_RULES: dict[str, Callable[[str, str], str]] = {
    "indentation": _indentation,
    "empty-lines": _empty_lines,
    "truthy": _truthy,
    "colons": _spacing(
        "geen spatie vóór de dubbele punt na een veldnaam",
        "precies één spatie na de dubbele punt",
        "de dubbele punt",
    ),
    "commas": _spacing("geen spatie vóór een komma", "precies één spatie na een komma", "een komma"),
    "hyphens": _spacing("", "precies één spatie na het streepje van een lijstregel", "het streepje"),
    "brackets": lambda desc, value: "geen spaties direct binnen [ ]; schrijf [a, b]",
    "braces": lambda desc, value: "geen spaties direct binnen { }; schrijf {a: b}",
    "comments": lambda desc, value: (
        "zet een spatie na het #-teken van een opmerking"
        if "starting space" in desc
        else "zet minstens één spatie tussen de waarde en het #-teken van een opmerking"
    ),
    "comments-indentation": lambda desc, value: "deze opmerking (#) springt anders in dan de regel eronder",
    "new-line-at-end-of-file": lambda desc, value: "de laatste regel eindigt zonder Enter; zet er een Enter achter",
    "new-lines": lambda desc, value: "Windows-regeleinden (CRLF); sla het bestand op met gewone regeleinden (LF)",
    "trailing-spaces": lambda desc, value: "spaties aan het eind van de regel; haal ze weg",
    "document-start": lambda desc, value: "het bestand hoort niet met '---' te beginnen",
    "document-end": lambda desc, value: "het bestand hoort niet met '...' te eindigen",
    "octal-values": lambda desc, value: "een getal met een 0 ervoor leest YAML anders; zet het tussen aanhalingstekens",
    "float-values": lambda desc, value: "schrijf een kommagetal voluit, zoals 0.5",
    "quoted-strings": lambda desc, value: "aanhalingstekens hier niet zoals afgesproken in .yamllint.yaml",
    "empty-values": lambda desc, value: "hier ontbreekt een waarde",
    "key-ordering": lambda desc, value: "de velden staan niet in alfabetische volgorde",
    "line-length": lambda desc, value: "deze regel is te lang",
}


def dutch(rule: str, desc: str, value: str = "") -> str:
    """yamllint's finding in Dutch; `value` is the text at the reported column (for truthy)."""
    message = _RULES.get(rule)
    if message is None:
        return f"voldoet niet aan de opmaakregel '{rule}' uit {CONFIG_FILE}"
    return message(desc, value) or f"voldoet niet aan de opmaakregel '{rule}' uit {CONFIG_FILE}"


Finding = tuple[int, str, bool]
"""(line, Dutch message, whether it is about the file as a whole rather than a field)."""

_FILE_RULES = {"new-line-at-end-of-file", "new-lines", "document-start", "document-end"}


class StyleChecker:
    """yamllint with the project's configuration, cached by file content."""

    def __init__(self, config_file: Path, cache_file: Path | None = None) -> None:
        self.config_file = config_file
        raw = config_file.read_bytes()
        try:
            self.config = YamlLintConfig(content=raw.decode("utf-8"))
        except (YamlLintConfigError, UnicodeDecodeError) as exc:
            raise ValueError(f"{config_file.name} is geen geldige yamllint-instelling: {exc}") from None
        self.salt = hashlib.sha256(_yamllint_version.encode() + b"\0" + raw + b"\0").digest()
        self.cache_file = cache_file
        self.cache: dict[str, list[Finding]] = {}
        self.used: set[str] = set()
        self.stored: set[str] = set()
        if cache_file is not None:
            with contextlib.suppress(OSError, ValueError, TypeError):
                stored = json.loads(cache_file.read_text(encoding="utf-8"))
                self.cache = {
                    key: [(int(line), str(msg), bool(whole)) for line, msg, whole in items]
                    for key, items in stored.items()
                }
                self.stored = set(self.cache)

    @classmethod
    def for_project(cls, root: Path) -> StyleChecker | None:
        """The checker of the project at `root`, or None when it has no `.yamllint.yaml`."""
        config = root / CONFIG_FILE
        if not config.is_file():
            return None
        return cls(config, root / CACHE_FILE)

    def _key(self, raw: bytes) -> str:
        return hashlib.sha256(self.salt + raw).hexdigest()

    def seen(self, raw: bytes) -> None:
        """Keep this file's findings in the cache although the loader answered it from memory."""
        self.used.add(self._key(raw))

    def check(self, raw: bytes) -> list[Finding]:
        """Every layout problem of one file that parses, with its line, in Dutch."""
        key = self._key(raw)
        self.used.add(key)
        if key in self.cache:
            return self.cache[key]
        text = raw.decode("utf-8")
        lines = text.splitlines()
        found = []
        for problem in linter.run(text, self.config):
            if problem.rule is None or problem.rule in _LOADER_RULES:
                continue  # a syntax error: the YAML parser reports it in its own words
            line_text = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
            value = re.split(r"[\s,\]}#]", line_text[problem.column - 1 :], maxsplit=1)[0]
            message = dutch(problem.rule, problem.desc or "", value)
            found.append((problem.line, message, problem.rule in _FILE_RULES or message == _END_OF_FILE))
        self.cache[key] = found
        return found

    def save(self) -> None:
        """Keep the findings of the files seen in this run; written atomically, never half."""
        if self.cache_file is None:
            return
        kept = {key: self.cache[key] for key in sorted(self.used) if key in self.cache}
        if set(kept) == self.stored:
            return  # nothing new and nothing gone: leave the file as it is
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".yamllint-", dir=self.cache_file.parent)
        except OSError:
            return  # a cache that cannot be written only costs time next run
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(kept, out, ensure_ascii=False, separators=(",", ":"))
            Path(tmp).replace(self.cache_file)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
