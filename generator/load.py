"""Read `data/<kind>/<id>.yaml` into validated records, keeping the line of every key; and the data's history.

All problems in all files are collected and raised together as one `DataError`, each as
`data/regio/x.yaml:12: ret.email: <Dutch explanation>`. Every file under data/ is either
loaded or reported. `load_history` reads what changed in data/ from git.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .catalog import Catalog, Entry
from .model import KINDS, SLUG_RE
from .model.walk import iter_models
from .problems import DataError, Problem, did_you_mean, dotted
from .validate import validate_catalog
from .yamlfile import LineDict, LineList, YamlProblem, line_of, parse_yaml

MAX_FILE_BYTES = 1_000_000
"""A record is a few kilobytes; anything near a megabyte is a mistake (or an attack)."""


_UNION_TAGS = {"bekend", "onbekend"}


_FORMATS = {
    "cbs_code": "JZ gevolgd door twee cijfers, zoals JZ16",
    "code": "GM gevolgd door vier cijfers, zoals GM0402",
    "bwbr": "BWBR gevolgd door zeven cijfers, zoals BWBR0034925",
    "date": "JJJJ, JJJJ-MM of JJJJ-MM-DD, zoals 2021-03-19",
    "related": "soort/id, zoals wet/jeugdwet of begrip/ots",
}


def _all_field_names() -> set[str]:
    return {name for model in KINDS.values() for sub in iter_models(model) for name in sub.model_fields}


_FIELD_NAMES = sorted(_all_field_names())


def _dutch_message(error: Any, key: str) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind == "missing":
        return "dit verplichte veld ontbreekt"
    if kind == "extra_forbidden":
        hint = did_you_mean(key, _FIELD_NAMES) or "; kijk in CONTRIBUTING.md welke velden er zijn"
        return f"onbekend veld '{key}'{hint}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "string_type":
        if isinstance(given, (bool, int, float)) or hasattr(given, "isoformat"):
            return f"moet tekst zijn, maar YAML las {given!r}; zet de waarde tussen aanhalingstekens"
        return "moet tekst zijn"
    if isinstance(given, float) and (given != given or given in (float("inf"), float("-inf"))):
        return f"moet een gewoon getal zijn, maar YAML las {given!r} (.nan of .inf is geen getal)"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return "moet een heel getal zijn"
    if kind in {"bool_type", "bool_parsing"}:
        return "moet true of false zijn"
    if kind.startswith(("date", "datetime")):
        return "moet een datum zijn in de vorm JJJJ-MM-DD, zoals 2026-11-24"
    if kind == "list_type":
        return "moet een lijst zijn: elke waarde op een eigen regel die begint met '- '"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return "moet een groep velden zijn (sleutel: waarde op eigen regels)"
    if kind == "literal_error":
        return f"moet een van deze waarden zijn: {ctx.get('expected', '')}".replace(" or ", ", ")
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return f"moet minstens {need} waarde{'n' if need != 1 else ''} hebben"
    if kind == "string_pattern_mismatch":
        fmt = _FORMATS.get(key, f"het patroon {ctx.get('pattern', '')}")
        return f"'{given}' heeft niet de goede vorm; verwacht: {fmt}"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"moet minstens {ctx.get('ge', ctx.get('gt'))} zijn"
    if kind in {"less_than_equal", "less_than"}:
        return f"mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn"
    if kind == "frozen_instance":
        return "mag niet worden gewijzigd"
    if kind == "string_too_long":
        limit = ctx.get("max_length", 0)
        length = len(given) if isinstance(given, str) else 0
        return f"is te lang: {length:,} tekens; hoogstens {limit:,}".replace(",", ".")
    if kind == "too_long":
        return f"heeft te veel waarden; hoogstens {ctx.get('max_length', '')}"
    if kind in {"finite_number", "float_type", "float_parsing"}:
        return f"moet een gewoon getal zijn, maar YAML las {given!r} (.nan of .inf is geen getal)"
    if kind in {"string_unicode", "string_sub_type"}:
        return "moet gewone tekst zijn"
    # Never English: the type of problem, in Dutch, and where to read what the field expects.
    return "deze waarde past niet bij dit veld; kijk op de pagina 'Velden per soort record' wat er hoort"


def _problems_from_validation(path: str, data: LineDict, exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = [part for part in error["loc"] if part not in _UNION_TAGS]
        key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        problems.append(Problem(path, line_of(data, loc), dotted(loc), _dutch_message(error, key)))
    return problems


def _iter_record_files(data_dir: Path, root: Path) -> Iterator[tuple[str, Path] | Problem]:
    """Every file under data/: a record to load, or a Problem that says why it is not one.

    Nothing is skipped silently: a hidden file (`.x.yaml`, an editor's backup), a file with another
    extension, a folder where a record belongs or a file outside data/<soort>/ is reported, so an
    editor whose record does not appear learns why. Only data/README.md and the `.gitkeep` that
    keeps an empty folder in git are left alone.
    """
    kinds = ", ".join(sorted(KINDS))
    for path in _walk(data_dir):
        rel = path.relative_to(root).as_posix()
        parts = path.relative_to(data_dir).parts
        if path.is_symlink():
            yield Problem(
                rel, 1, "", "een snelkoppeling (symlink) in data/ wordt niet gelezen; zet het record zelf hier"
            )
            continue
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield Problem(rel, 1, "", "deze map kan niet worden gelezen (geen leesrechten); controleer de rechten")
                continue
            # The files inside a folder in the wrong place are reported one by one; an empty folder,
            # or one named like a record, is reported itself.
            if len(parts) >= 2 and (path.suffix in {".yaml", ".yml"} or not any(path.iterdir())):
                yield Problem(
                    rel,
                    1,
                    "",
                    "dit is een map, geen record; een record is een bestand data/<soort>/<id>.yaml"
                    if len(parts) == 2
                    else "een map binnen data/<soort>/ wordt niet gelezen; zet records direct in de map van hun soort",
                )
            continue
        if path.name in {"README.md", ".gitkeep"} and len(parts) <= 2:
            continue
        if any(part.startswith(".") for part in parts):
            yield Problem(
                rel,
                1,
                "",
                "een bestand of map waarvan de naam met een punt begint, wordt niet gelezen; "
                "haal de punt weg (het record verschijnt anders niet) of verwijder het bestand",
            )
            continue
        if len(parts) != 2 or parts[0] not in KINDS:
            yield Problem(
                rel,
                1,
                "",
                f"dit bestand staat niet in een bekende map; gebruik data/<soort>/, met soort een van: {kinds}",
            )
            continue
        if path.suffix == ".yml":
            yield Problem(rel, 1, "", "gebruik de extensie .yaml in plaats van .yml")
            continue
        if path.suffix != ".yaml":
            yield Problem(rel, 1, "", "in data/ horen alleen .yaml-bestanden")
            continue
        if not SLUG_RE.match(path.stem):
            yield Problem(
                rel,
                1,
                "",
                f"de bestandsnaam '{path.name}' is ook de id en het webadres: gebruik kleine letters, cijfers en streepjes",
            )
            continue
        yield parts[0], path


def _walk(data_dir: Path) -> Iterator[Path]:
    """Every file and folder under `data_dir`, sorted; an unreadable folder is itself yielded (and reported)."""
    try:
        children = sorted(data_dir.iterdir())
    except OSError:
        return
    for child in children:
        yield child
        if child.is_dir() and not child.is_symlink():
            yield from _walk(child)


PLACEHOLDER = "VUL-IN"
"""What `python -m generator nieuw` writes where an editor must fill something in."""


def _placeholders(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[str, int]]:
    """(dotted field, line) of every text that still holds the scaffold's placeholder."""
    if isinstance(value, LineDict):
        for key, item in value.items():
            if isinstance(item, str) and PLACEHOLDER in item:
                yield dotted((*loc, key)), value.lines[key]
            else:
                yield from _placeholders(item, (*loc, key))
    elif isinstance(value, LineList):
        for i, item in enumerate(value):
            if isinstance(item, str) and PLACEHOLDER in item:
                yield dotted((*loc, i)), value.lines[i]
            else:
                yield from _placeholders(item, (*loc, i))


def load_entry(kind: str, path: Path, root: Path) -> Entry:
    """Parse and validate one record file; raises DataError for that file."""
    rel = path.relative_to(root).as_posix()
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        reason = "geen leesrechten" if isinstance(exc, PermissionError) else (exc.strerror or "onleesbaar")
        raise DataError(
            [Problem(rel, 1, "", f"het bestand kan niet worden gelezen ({reason}); controleer de bestandsrechten")]
        ) from None
    if size > MAX_FILE_BYTES:
        raise DataError(
            [
                Problem(
                    rel,
                    1,
                    "",
                    f"het bestand is te groot ({size // 1000} kB); een record past ruim in {MAX_FILE_BYTES // 1000} kB",
                )
            ]
        )
    memo = (kind, path.as_posix(), rel)
    today = date.today()  # some rules compare dates with today
    known = _LOADED.get(memo)
    if known is not None and known[0] == raw and known[1] == today:
        # The same bytes as last time in this process (`make check` loads twice, `make serve` on
        # every rebuild): the same outcome, without parsing and validating again.
        if isinstance(known[2], Entry):
            return known[2]
        raise DataError(list(known[2]))
    try:
        entry = _parse_entry(kind, path, rel, raw)
    except DataError as exc:
        _LOADED[memo] = (raw, today, tuple(exc.problems))
        raise
    _LOADED[memo] = (raw, today, entry)
    return entry


_LOADED: dict[tuple[str, str, str], tuple[bytes, date, Entry | tuple[Problem, ...]]] = {}
"""Per record file: its last bytes, the day they were checked and what they gave (records are frozen
models, safe to share between builds)."""


def _parse_entry(kind: str, path: Path, rel: str, raw: bytes) -> Entry:
    try:
        data = parse_yaml(raw)
    except YamlProblem as exc:
        raise DataError([Problem(rel, exc.line, "", exc.message)]) from None
    unfilled = [Problem(rel, line, where, "nog niet ingevuld: vervang 'VUL-IN'") for where, line in _placeholders(data)]
    try:
        record = KINDS[kind].model_validate(data)
    except ValidationError as exc:
        raise DataError([*unfilled, *_problems_from_validation(rel, data, exc)]) from None
    if unfilled:
        raise DataError(unfilled)
    return Entry(kind, path.stem, rel, record, data)


def load_catalog(data_dir: Path, root: Path | None = None) -> Catalog:
    """Load, validate and cross-check every record under `data_dir`.

    Raises `DataError` listing every problem in every file.
    """
    data_dir = data_dir.resolve()
    root = (root or data_dir.parent).resolve()
    problems: list[Problem] = []
    catalog = Catalog()
    broken: set[str] = set()
    if not data_dir.is_dir():
        raise DataError([Problem(data_dir.as_posix(), 1, "", "de datamap bestaat niet")])
    for item in _iter_record_files(data_dir, root):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        kind, path = item
        try:
            catalog.add(load_entry(kind, path, root))
        except DataError as exc:
            problems.extend(exc.problems)
            broken.add(f"{kind}/{path.stem}")
    problems.extend(validate_catalog(catalog, broken))
    if problems:
        raise DataError(problems)
    return catalog


# --------------------------------------------------------------------------- history of data/


MAX_COMMITS = 100


STATUS_LABELS = {"A": "nieuw", "M": "aangepast", "D": "verwijderd", "R": "hernoemd"}


@dataclass(frozen=True)
class Change:
    """One commit that touched data/."""

    commit: str
    day: str
    subject: str
    files: list[tuple[str, str]] = field(default_factory=list)
    """(status letter, path) per changed data file."""


def load_history(root: Path, data_dir: str = "data", limit: int = MAX_COMMITS) -> list[Change] | None:
    """The last `limit` commits that changed data/, or None when there is no git history."""
    try:
        result = subprocess.run(
            [
                "git",
                "log",
                f"-{limit}",
                "--no-merges",
                "--name-status",
                "--date=short",
                "--format=%x1e%H%x1f%ad%x1f%s",
                "--",
                data_dir,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    changes = []
    for block in result.stdout.split("\x1e"):
        if not block.strip():
            continue
        head, _, rest = block.partition("\n")
        commit, day, subject = head.split("\x1f", 2)
        files = []
        for line in rest.splitlines():
            parts = line.split("\t")
            if len(parts) >= 2:
                files.append((parts[0][:1], parts[-1]))
        changes.append(Change(commit, day, subject.strip(), files))
    return changes
