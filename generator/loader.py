"""Read `data/<kind>/<id>.yaml` into validated records, keeping the line of every key.

All problems in all files are collected and raised together as one `DataError`, each as
`data/regio/x.yaml:12: ret.email: <Dutch explanation>`. Nothing here imports MkDocs.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .model import KINDS, SLUG_RE, Law, Record, Region, Source, Term, char_name
from .routes import check_routes

MAX_FILE_BYTES = 1_000_000
"""A record is a few kilobytes; anything near a megabyte is a mistake (or an attack)."""
MAX_DEPTH = 12
"""The deepest record type nests four levels; twelve leaves room and stops nesting bombs."""
_UNION_TAGS = {"bekend", "onbekend"}


# --------------------------------------------------------------------------- problems


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


# --------------------------------------------------------------------------- YAML with lines


class LineDict(dict[str, Any]):
    """A mapping that remembers the line of each key (1-based)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, int] = {}
        self.start_line = 1


class LineList(list[Any]):
    """A sequence that remembers the line of each item (1-based)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []
        self.start_line = 1


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when available: it parses about ten times faster than pure Python."""


def _check_tree(node: yaml.Node, depth: int, seen: set[int]) -> None:
    """Refuse aliases (a node reached twice) and deep nesting before anything is constructed."""
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise _YamlProblem(line, "ankers (&) en verwijzingen (*) zijn niet toegestaan; schrijf de waarde voluit")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _YamlProblem(line, f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                raise _YamlProblem(
                    key.start_mark.line + 1, "'<<' (samenvoegen) is niet toegestaan; schrijf de velden voluit"
                )
            _check_tree(key, depth + 1, seen)
            _check_tree(value, depth + 1, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_tree(item, depth + 1, seen)


def _make_loader(text: str) -> yaml.SafeLoader:
    """A safe loader built per call whose mappings and sequences remember their lines."""

    class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
        result = LineDict()
        result.start_line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _YamlProblem(line, f"de sleutel {key!r} moet tekst zijn")
            if key in result:
                raise _YamlProblem(
                    line, f"'{key}' staat twee keer in dezelfde groep (eerst op regel {result.lines[key]})"
                )
            result[key] = loader.construct_object(value_node, deep=True)
            result.lines[key] = line
        return result

    def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
        result = LineList()
        result.start_line = node.start_mark.line + 1
        for item in node.value:
            result.append(loader.construct_object(item, deep=True))
            result.lines.append(item.start_mark.line + 1)
        return result

    def construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            raise _YamlProblem(
                node.start_mark.line + 1,
                f"'{node.value}' is geen bestaande datum; schrijf JJJJ-MM-DD, zoals 2026-11-24",
            ) from None

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    _Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    _Loader.add_constructor("tag:yaml.org,2002:seq", construct_sequence)
    return _Loader(text)


_YAML_MESSAGES = (
    ("did not find expected ',' or ']'", "een lijst tussen [ ] is niet gesloten of er ontbreekt een komma"),
    ("did not find expected ',' or '}'", "een groep tussen { } is niet gesloten of er ontbreekt een komma"),
    ("found character '\\t'", "tab gevonden: spring in met spaties, niet met tabs"),
    ("mapping values are not allowed", "onverwachte dubbele punt; zet tekst met ': ' erin tussen aanhalingstekens"),
    ("could not find expected ':'", "hier ontbreekt een dubbele punt na de sleutel, of een regel springt verkeerd in"),
    ("did not find expected key", "deze regel springt verkeerd in of een aanhalingsteken is niet gesloten"),
    (
        "found unexpected end of stream",
        "het bestand houdt op midden in een waarde; is een aanhalingsteken niet gesloten?",
    ),
    ("found unknown escape character", "onbekende code na een backslash (\\); gebruik enkele aanhalingstekens"),
    ("could not determine a constructor", "YAML-tags (zoals !!python) zijn niet toegestaan"),
    ("found undefined tag handle", "YAML-tags (zoals !!python) zijn niet toegestaan"),
    ("expected a single document", "één bestand is één record; verwijder de regel met '---' halverwege"),
    ("did not find expected '-' indicator", "een lijstregel springt verkeerd in"),
    ("did not find expected node content", "hier ontbreekt een waarde"),
    ("found unexpected ':'", "onverwachte dubbele punt; zet de tekst tussen aanhalingstekens"),
    ("expected <block end>", "deze regel springt verkeerd in"),
    ("exceeded maximum nesting depth", f"te diep genest (meer dan {MAX_DEPTH} niveaus)"),
    (
        "found character that cannot start any token",
        "dit teken mag niet aan het begin van een waarde staan; zet de waarde tussen aanhalingstekens",
    ),
)


def _translate_yaml_error(exc: yaml.YAMLError, text: str) -> _YamlProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    special = re.search(r"#x([0-9a-fA-F]{4,6})", str(exc))
    if special and "special characters are not allowed" in str(exc):
        char = chr(int(special.group(1), 16))
        where = text.find(char)
        line = text[:where].count("\n") + 1 if where >= 0 else line
        return _YamlProblem(
            line, f"het bestand bevat het onzichtbare teken {char_name(char)}; haal het weg en typ de tekst opnieuw"
        )
    lines = text.splitlines()
    # libyaml reports a tab as a character that cannot start a token; name the real cause.
    for number in (line, line - 1):
        if (
            0 < number <= len(lines)
            and "\t" in lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip())]
        ):
            return _YamlProblem(number, "YAML-fout: tab gevonden: spring in met spaties, niet met tabs")
    text = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or exc}"
    for needle, dutch in _YAML_MESSAGES:
        if needle in text:
            return _YamlProblem(line, f"YAML-fout: {dutch}")
    problem = (getattr(exc, "problem", None) or str(exc)).strip()
    return _YamlProblem(line, f"YAML-fout: dit is geen geldige YAML ({problem})")


_CONTROL_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters YAML refuses in a file (tab, newline and carriage return are fine)."""


def parse_yaml(raw: bytes) -> LineDict:
    """Parse one record file. Raises `_YamlProblem` with a Dutch message and a line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise _YamlProblem(1, "het bestand begint met een BOM-teken; sla het op als UTF-8 zonder BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _YamlProblem(line, "het bestand is geen UTF-8; sla het op als UTF-8") from None
    if "\x00" in text:
        raise _YamlProblem(text[: text.index("\x00")].count("\n") + 1, "het bestand bevat een NUL-teken")
    control = _CONTROL_RE.search(text)
    if control:
        raise _YamlProblem(
            text[: control.start()].count("\n") + 1,
            f"het bestand bevat het onzichtbare teken {char_name(control.group())}; haal het weg en typ de tekst opnieuw",
        )
    loader = _make_loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            data = None
        else:
            _check_tree(node, 1, set())
            data = loader.construct_document(node)
    except _YamlProblem:
        raise
    except yaml.YAMLError as exc:
        raise _translate_yaml_error(exc, text) from None
    except RecursionError:
        raise _YamlProblem(1, "te diep genest") from None
    finally:
        loader.dispose()
    if data is None:
        raise _YamlProblem(1, "het bestand is leeg; een record begint met 'title:'")
    if not isinstance(data, LineDict):
        raise _YamlProblem(1, "een record is een groep velden (sleutel: waarde), geen losse waarde of lijst")
    return data


def line_of(data: Any, loc: Iterable[Any]) -> int:
    """The line of the deepest key or item of `loc` that exists in `data`."""
    line = getattr(data, "start_line", 1)
    node = data
    for part in loc:
        if (isinstance(node, LineDict) and part in node) or (
            isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node)
        ):
            line = node.lines[part]
            node = node[part]
        else:
            break
    return line


# --------------------------------------------------------------------------- validation errors

_FORMATS = {
    "cbs_code": "JZ gevolgd door twee cijfers, zoals JZ16",
    "code": "GM gevolgd door vier cijfers, zoals GM0402",
    "bwbr": "BWBR gevolgd door zeven cijfers, zoals BWBR0034925",
    "date": "JJJJ, JJJJ-MM of JJJJ-MM-DD, zoals 2021-03-19",
    "related": "soort/id, zoals wet/jeugdwet of begrip/ots",
}


def _all_field_names() -> set[str]:
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(name)
            for sub in _models_in(info.annotation):
                walk(sub)

    for model in KINDS.values():
        walk(model)
    return names


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _models_in(arg)
    for meta in getattr(annotation, "__metadata__", ()) or ():
        yield from _models_in(meta)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        yield from _models_in(origin)


_FIELD_NAMES = sorted(_all_field_names())


def _dutch_message(error: Any, key: str) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind == "missing":
        return "dit verplichte veld ontbreekt"
    if kind == "extra_forbidden":
        guess = difflib.get_close_matches(key, _FIELD_NAMES, n=1)
        hint = f"; bedoel je '{guess[0]}'?" if guess else "; kijk in CONTRIBUTING.md welke velden er zijn"
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
        dotted = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
        problems.append(Problem(path, line_of(data, loc), dotted, _dutch_message(error, key)))
    return problems


# --------------------------------------------------------------------------- catalog


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
                yield _dotted((*loc, key)), value.lines[key]
            else:
                yield from _placeholders(item, (*loc, key))
    elif isinstance(value, LineList):
        for i, item in enumerate(value):
            if isinstance(item, str) and PLACEHOLDER in item:
                yield _dotted((*loc, i)), value.lines[i]
            else:
                yield from _placeholders(item, (*loc, i))


def _dotted(loc: tuple[Any, ...]) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


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
    try:
        data = parse_yaml(raw)
    except _YamlProblem as exc:
        raise DataError([Problem(rel, exc.line, "", exc.message)]) from None
    unfilled = [
        Problem(rel, line, dotted, "nog niet ingevuld: vervang 'VUL-IN'") for dotted, line in _placeholders(data)
    ]
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
    problems.extend(check_references(catalog, exists=broken))
    problems.extend(check_routes(catalog, broken))
    problems.extend(check_unique_fields(catalog))
    problems.extend(check_review_trail(catalog))
    if problems:
        raise DataError(problems)
    return catalog


# --------------------------------------------------------------------------- cross-record checks


def iter_references(entry: Entry) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Yield (loc, kind, id) for every reference an entry makes to another record."""
    record = entry.record
    for i, ref in enumerate(getattr(record, "themes", [])):
        yield ("themes", i), "thema", ref
    for i, ref in enumerate(record.related):
        kind, _, id_ = ref.partition("/")
        yield ("related", i), kind, id_
    if isinstance(record, Region):
        yield ("network",), "netwerk", record.network
    if isinstance(record, Law):
        for i, measure in enumerate(record.measures):
            if measure.term:
                yield ("measures", i, "term"), "begrip", measure.term


def check_references(catalog: Catalog, exists: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    """Every reference must point at an existing record.

    `exists` names records whose file is there but failed to load: their own errors are
    reported already, so references to them are not reported a second time.
    """
    problems = []
    for entry in catalog.entries.values():
        for loc, kind, id_ in iter_references(entry):
            dotted = ".".join(str(p) for p in loc if isinstance(p, str))
            index = [p for p in loc if isinstance(p, int)]
            if index:
                dotted = f"{loc[0]}[{index[0]}]" + "".join(f".{p}" for p in loc[2:])
            if kind not in KINDS:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(*loc),
                        dotted,
                        f"onbekende soort '{kind}' in '{kind}/{id_}'; kies uit {', '.join(sorted(KINDS))}",
                    )
                )
            elif f"{kind}/{id_}" in exists:
                continue
            elif catalog.get(kind, id_) is None:
                candidates = [e.id for e in catalog.of_kind(kind)]
                guess = difflib.get_close_matches(id_, candidates, n=1)
                hint = f"; bedoel je '{guess[0]}'?" if guess else ""
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(*loc),
                        dotted,
                        f"verwijst naar '{kind}/{id_}', maar data/{kind}/{id_}.yaml bestaat niet{hint}",
                    )
                )
            elif kind == entry.kind and id_ == entry.id:
                problems.append(
                    Problem(entry.path, entry.line(*loc), dotted, "een record kan niet naar zichzelf verwijzen")
                )
    return problems


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


def _iter_sources(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Source]]:
    """Every source inside a record (record level, route steps and outcomes), with its location."""
    if isinstance(value, Source):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _iter_sources(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _iter_sources(item, (*loc, i))


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
        for loc, source in _iter_sources(record):
            if source.consulted is None:
                continue
            consulted.append((source.consulted, loc))
            published = _full_date(source.date)
            if published and source.consulted < published:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line(*loc, "consulted"),
                        _dotted((*loc, "consulted")),
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
                    f"({newest.isoformat()}, bij {_dotted(where)}); een record is niet later nagekeken dan zijn "
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
