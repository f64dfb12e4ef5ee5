"""Read `data/<kind>/<id>.yaml` into validated records, keeping the line of every key; and the data's history.

All problems in all files are collected and raised together as one `DataError`, each as
`data/regio/x.yaml:12: ret.email: <Dutch explanation>`. Every file under data/ is either
loaded or reported. `load_history` reads what changed in data/ from git.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .catalog import Catalog, Entry
from .model import KINDS, SLUG_RE
from .model.walk import iter_models
from .problems import DataError, Problem, did_you_mean, dotted
from .validate import validate_catalog
from .yamlcache import ParsedTrees
from .yamlfile import LineDict, LineList, YamlProblem, field_at, line_of, parse_yaml
from .yamlstyle import CONFIG_FILE, StyleChecker

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
    if kind == "extra_forbidden" and key == "en" and len(error["loc"]) == 1:
        return (
            "dit soort record heeft geen Engelse vertaling; alleen begrippen, contacten en routes kunnen 'en:' hebben"
        )
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


def load_entry(
    kind: str, path: Path, root: Path, style: StyleChecker | None = None, trees: ParsedTrees | None = None
) -> Entry:
    """Parse and validate one record file; raises DataError for that file.

    With `style`, the layout rules of `.yamllint.yaml` are checked too (only for a file that parses).
    With `trees`, a file parsed in an earlier run is not parsed again (generator/yamlcache.py).
    """
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
    # The layout rules take part in the outcome: the same bytes under other rules are checked again.
    memo = (kind, path.as_posix(), rel, style.salt if style is not None else b"")
    today = date.today()  # some rules compare dates with today
    known = _LOADED.get(memo)
    if known is not None and known[0] == raw and known[1] == today:
        # The same bytes as last time in this process (`make check` loads twice, `make serve` on
        # every rebuild): the same outcome, without parsing and validating again.
        if style is not None:
            style.seen(raw)  # or the next save would drop this file's findings from the disk cache
        if trees is not None:
            trees.seen(raw)
        if isinstance(known[2], Entry):
            return known[2]
        raise DataError(list(known[2]))
    try:
        entry = _parse_entry(kind, path, rel, raw, style, trees)
    except DataError as exc:
        _LOADED[memo] = (raw, today, tuple(exc.problems))
        raise
    _LOADED[memo] = (raw, today, entry)
    return entry


_LOADED: dict[tuple[str, str, str, bytes], tuple[bytes, date, Entry | tuple[Problem, ...]]] = {}
"""Per record file: its last bytes, the day they were checked and what they gave (records are frozen
models, safe to share between builds)."""


def _parse_entry(
    kind: str, path: Path, rel: str, raw: bytes, style: StyleChecker | None, trees: ParsedTrees | None
) -> Entry:
    try:
        data = trees.parse(raw) if trees is not None else parse_yaml(raw)
    except YamlProblem as exc:
        raise DataError([Problem(rel, exc.line, dotted(exc.loc), exc.message)]) from None
    unfilled = [Problem(rel, line, where, "nog niet ingevuld: vervang 'VUL-IN'") for where, line in _placeholders(data)]
    layout = (
        [
            Problem(rel, line, "" if whole_file else dotted(field_at(data, line)), message)
            for line, message, whole_file in style.check(raw)
        ]
        if style is not None
        else []
    )
    try:
        record = KINDS[kind].model_validate(data)
    except ValidationError as exc:
        # A field that still holds the placeholder is reported once, as not filled in, not also
        # as having the wrong form.
        open_fields = {p.field for p in unfilled}
        invalid = [
            p
            for p in _problems_from_validation(rel, data, exc)
            if not any(p.field == f or p.field.startswith((f"{f}.", f"{f}[")) for f in open_fields)
        ]
        raise DataError([*unfilled, *layout, *invalid]) from None
    if unfilled or layout:
        raise DataError([*unfilled, *layout])
    return Entry(kind, path.stem, rel, record, data, hashlib.sha256(raw).hexdigest())


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
    try:
        style = StyleChecker.for_project(root)
    except ValueError as exc:
        raise DataError([Problem(CONFIG_FILE, 1, "", str(exc))]) from None
    trees = ParsedTrees.for_project(root)
    for item in _iter_record_files(data_dir, root):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        kind, path = item
        try:
            catalog.add(load_entry(kind, path, root, style, trees))
        except DataError as exc:
            problems.extend(exc.problems)
            broken.add(f"{kind}/{path.stem}")
    if style is not None:
        style.save()
    if trees is not None:
        trees.save()
    problems.extend(validate_catalog(catalog, broken))
    if problems:
        raise DataError(problems)
    return catalog


# --------------------------------------------------------------------------- history of data/


MAX_COMMITS = 100
"""How far back the history reads: the last 100 commits that changed data/."""

HISTORY_CACHE = ".cache/history.json"
"""What changed between two versions of a file, by the files' git blob ids (never stale: a blob id is its content)."""

_GROUPS = {"ret"}
"""Groups of fields whose changes are named per field (a region's RET: phone, e-mail, ...)."""


@dataclass(frozen=True)
class FileChange:
    """What one commit changed in one data file: which fields, in the record's own words."""

    status: str
    """A (new), M (changed) or D (deleted); a renamed file is a deleted one and a new one."""
    path: str
    """The file's path in that commit (data/contact/veilig-thuis.yaml)."""
    title: str
    """The record's title in that commit (before deletion, for a deleted file); '' when unreadable."""
    fields: tuple[str, ...] = ()
    """Changed fields as dotted names (`phone`, `ret.email`), in the record's order; () when unknown."""


@dataclass(frozen=True)
class Change:
    """One commit that touched data/: its day and what changed, never its author or message."""

    commit: str
    day: str
    files: list[FileChange] = field(default_factory=list)


def changed_fields(old: Any, new: Any, order: list[str] | None = None) -> tuple[str, ...]:
    """The top-level fields (and fields inside a group such as `ret`) whose values differ, in the record's order."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return ()
    names = order if order is not None else [*new, *(k for k in old if k not in new)]
    found: list[str] = []
    for name in names:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if name in _GROUPS and isinstance(before, dict) and isinstance(after, dict):
            found += [f"{name}.{sub}" for sub in changed_fields(before, after)]
        else:
            found.append(str(name))
    return tuple(found)


def _git(root: Path, args: list[str], stdin: bytes | None = None) -> bytes | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _read_blobs(root: Path, ids: list[str]) -> dict[str, bytes]:
    """The contents of git blobs, all in one `git cat-file --batch`."""
    if not ids:
        return {}
    out = _git(root, ["cat-file", "--batch"], "".join(f"{i}\n" for i in ids).encode())
    blobs: dict[str, bytes] = {}
    position = 0
    while out is not None and position < len(out):
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) != 3:  # '<id> missing'
            continue
        size = int(header[2])
        blobs[header[0].decode()] = out[position : position + size]
        position += size + 1
    return blobs


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):(?=\s|$)", re.M)


def _top_blocks(text: str) -> dict[str, str]:
    """A record's text cut at its top-level keys: key → the lines of that field (comments before a key stay above)."""
    starts = [(m.start(), m.group(1)) for m in _TOP_KEY.finditer(text)]
    return {
        key: text[start : (starts[i + 1][0] if i + 1 < len(starts) else len(text))]
        for i, (start, key) in enumerate(starts)
    }


def _value(block: str | None) -> Any:
    """The value of one top-level field's lines; a sentinel when it does not parse on its own."""
    if block is None:
        return None
    try:
        loaded = yaml.load(block, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return ("unreadable", block)
    return next(iter(loaded.values())) if isinstance(loaded, dict) and len(loaded) == 1 else ("unreadable", block)


_PLAIN_TITLE = re.compile(r"title: ([^'\"\s#&*!|>%@`{\[][^#\n]*?)\s*\n?")


def _title(block: str | None) -> Any:
    """A record's title; a plain one-line title without parsing (most are), anything else parsed."""
    plain = _PLAIN_TITLE.fullmatch(block or "")
    if plain and ": " not in plain.group(1):
        return plain.group(1)
    return _value(block)


_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compare(old_raw: bytes | None, new_raw: bytes | None) -> tuple[str, tuple[str, ...]]:
    """(title, changed fields) between two versions of a record file.

    Only the fields whose lines differ are parsed (a commit usually touches a few fields of many
    files), and then compared as values, so a change in layout or comments alone is no change.
    """
    old = _top_blocks(old_raw.decode("utf-8", "replace")) if old_raw is not None else None
    new = _top_blocks(new_raw.decode("utf-8", "replace")) if new_raw is not None else None
    shown = new if new is not None else old
    title = _title(shown.get("title")) if shown else ""
    if old is None or new is None:
        return (title if isinstance(title, str) else ""), ()
    differ = {key for key in {*old, *new} if old.get(key) != new.get(key)}
    values = {key: (_value(old.get(key)), _value(new.get(key))) for key in differ}
    return (title if isinstance(title, str) else ""), changed_fields(
        {key: before for key, (before, _) in values.items()},
        {key: after for key, (_, after) in values.items()},
        order=[*new, *(key for key in old if key not in new)],
    )


def _diff_blobs(root: Path, pairs: set[tuple[str, str]], cache: dict[str, Any]) -> None:
    """Fill `cache` with 'old:new' → [title, fields] for every pair of blob ids not in it yet."""
    todo = [pair for pair in sorted(pairs) if f"{pair[0]}:{pair[1]}" not in cache]
    if not todo:
        return
    blobs = _read_blobs(root, sorted({blob for pair in todo for blob in pair if blob}))
    for old_id, new_id in todo:
        title, fields = _compare(blobs.get(old_id), blobs.get(new_id))
        cache[f"{old_id}:{new_id}"] = [title, list(fields)]


def _load_cache(path: Path) -> dict[str, Any]:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def _save_cache(path: Path, cache: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".history-", dir=path.parent)
    except OSError:
        return  # only costs time next build
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(cache, out, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        Path(tmp).replace(path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


_ZERO = "0" * 40


def load_history(root: Path, data_dir: str = "data", limit: int = MAX_COMMITS) -> list[Change] | None:
    """What the last `limit` commits changed in data/, field by field; None when there is no git history.

    Each commit's changed files come from one `git log --raw` (with the blob ids of both
    versions); the versions are read with one `git cat-file --batch`, parsed, and compared per
    field. The comparison of two blobs never changes, so it is cached in `.cache/history.json`:
    a build reads only the blobs of commits it has not seen.
    """
    out = _git(
        root,
        [
            "log",
            f"-{limit}",
            "--no-merges",
            "--raw",
            "--no-abbrev",
            "--no-renames",  # two similar records deleted and added are not one record renamed
            "--date=short",
            "--format=%x1e%H%x1f%cd",
            "--",
            data_dir,
        ],
    )
    if out is None:
        return None
    commits: list[tuple[str, str, list[tuple[str, str, str, str]]]] = []
    pairs: set[tuple[str, str]] = set()
    for block in out.decode("utf-8", "replace").split("\x1e"):
        if not block.strip():
            continue
        head, _, rest = block.partition("\n")
        commit, day = head.split("\x1f", 1)
        files = []
        for line in rest.splitlines():
            meta, _, paths = line.partition("\t")
            parts = meta.split()
            if len(parts) < 5 or not meta.startswith(":"):
                continue
            old_id, new_id, status = parts[2], parts[3], parts[4][:1]
            old_id = "" if old_id == _ZERO else old_id
            new_id = "" if new_id == _ZERO else new_id
            path = paths.split("\t")[-1]
            if not path.endswith(".yaml"):
                continue
            files.append((status, path, old_id, new_id))
            pairs.add((old_id, new_id))
        commits.append((commit, day.strip(), files))
    cache_file = root / HISTORY_CACHE
    cache = _load_cache(cache_file)
    before = len(cache)
    _diff_blobs(root, pairs, cache)
    if len(cache) != before:
        _save_cache(cache_file, {key: cache[key] for key in sorted(f"{o}:{n}" for o, n in pairs)})
    changes = []
    for commit, day, files in commits:
        found = []
        for status, path, old_id, new_id in files:
            title, fields = cache.get(f"{old_id}:{new_id}", ["", []])
            found.append(FileChange(status, path, str(title), tuple(fields)))
        changes.append(Change(commit, day, found))
    return changes


def load_last_changes(root: Path, folder: str = "docs") -> dict[str, date]:
    """File (relative to `folder`) → the day of the last commit that changed it; empty without git.

    The sitemap dates hand-written pages with it: a page's last change, never the build day.
    """
    try:
        result = subprocess.run(
            ["git", "log", "--no-merges", "--name-only", "--format=%x1e%cs", "--", folder],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    prefix = folder.rstrip("/") + "/"
    found: dict[str, date] = {}
    for block in result.stdout.split("\x1e"):
        day, _, names = block.strip().partition("\n")
        if not day:
            continue
        for name in names.split("\n"):
            name = name.strip()
            if name.startswith(prefix):
                found.setdefault(name.removeprefix(prefix), date.fromisoformat(day))
    return found
