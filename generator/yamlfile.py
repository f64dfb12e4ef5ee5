"""YAML that keeps the line of every key and list item, read with a private SafeLoader.

Refuses duplicate keys, anchors and aliases, merge keys, tags, deep nesting, a BOM, non-UTF-8,
NUL and control characters, each with a Dutch message and the line (`YamlProblem`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import yaml

from .characters import char_name

MAX_DEPTH = 12
"""The deepest record type nests four levels; twelve leaves room and stops nesting bombs."""


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


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, loc: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.loc = loc
        """Where in the record (keys and list positions), when the problem is inside a value."""


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when available: it parses about ten times faster than pure Python."""


def _check_tree(node: yaml.Node, depth: int, seen: set[int]) -> None:
    """Refuse aliases (a node reached twice) and deep nesting before anything is constructed."""
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise YamlProblem(line, "ankers (&) en verwijzingen (*) zijn niet toegestaan; schrijf de waarde voluit")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise YamlProblem(line, f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(
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
                raise YamlProblem(line, f"de sleutel {key!r} moet tekst zijn")
            if key in result:
                raise YamlProblem(
                    line, f"'{key}' staat twee keer in dezelfde groep (eerst op regel {result.lines[key]})"
                )
            try:
                result[key] = loader.construct_object(value_node, deep=True)
            except YamlProblem as exc:  # a value deeper down: say which field it belongs to
                raise YamlProblem(exc.line, exc.message, (key, *exc.loc)) from None
            result.lines[key] = line
        return result

    def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
        result = LineList()
        result.start_line = node.start_mark.line + 1
        for i, item in enumerate(node.value):
            try:
                result.append(loader.construct_object(item, deep=True))
            except YamlProblem as exc:
                raise YamlProblem(exc.line, exc.message, (i, *exc.loc)) from None
            result.lines.append(item.start_mark.line + 1)
        return result

    def construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            raise YamlProblem(
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


_BLOCK_KEY_RE = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[^\s#:][^:#]*?): *[|>][-+0-9]* *(?:#.*)?$")
"""A key whose value is a block of text (`body: |`, `summary: >-`)."""


def _block_text_above(lines: list[str], line: int) -> tuple[str, int] | None:
    """(key, its line) when `line` (1-based) follows the text of a `key: |` block but is indented too little.

    Such a line ends the block; the parser then reads it as a new key and only notices two lines
    further down that it is not one. The editor's mistake is on this line.
    """
    own = len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))
    text_seen = False
    for number in range(line - 1, 0, -1):
        current = lines[number - 1]
        if not current.strip():
            continue
        indent = len(current) - len(current.lstrip(" "))
        match = _BLOCK_KEY_RE.match(current)
        if match and text_seen and own <= len(match.group("indent")) + (2 if current.lstrip().startswith("- ") else 0):
            return match.group("key").strip(), number
        if indent <= own:
            return None
        text_seen = True
    return None


_KEY_RE = re.compile(r"^(?P<indent> *)(?P<dash>(?:- +)?)(?P<key>[^\s#:\-][^:#]*?):(?: |$)")


def _path_to(lines: list[str], number: int) -> tuple[str | int, ...]:
    """The keys and list positions that lead to the key on line `number`, read from the indentation."""
    path: list[str | int] = []
    match = _KEY_RE.match(lines[number - 1])
    if not match:
        return ()
    path.append(match.group("key").strip())
    column = len(match.group("indent")) + len(match.group("dash"))
    dash = len(match.group("indent")) if match.group("dash") else None
    items = 1 if match.group("dash") else 0
    for current in reversed(lines[: number - 1]):
        stripped = current.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(current) - len(stripped)
        if dash is not None and indent == dash and stripped.startswith("-"):
            items += 1
            continue
        if indent >= column or (dash is not None and indent > dash):
            continue
        if dash is not None:
            path.append(items - 1)
            dash, items = None, 0
        found = _KEY_RE.match(current)
        if not found:
            break
        if found.group("dash") and indent + len(found.group("dash")) == column:
            dash, items = indent, 1  # the first key of the same list item
            continue
        path.append(found.group("key").strip())
        column = indent + len(found.group("dash"))
        if found.group("dash"):
            dash, items = indent, 1
    if dash is not None:
        path.append(items - 1)
    return tuple(reversed(path))


def _translate_yaml_error(exc: yaml.YAMLError, text: str) -> YamlProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    context_mark = getattr(exc, "context_mark", None)
    if getattr(exc, "context", None) == "while scanning a simple key" and context_mark is not None:
        # The parser reports where it gave up (often two lines on); the line that is wrong is
        # the one it took for a key.
        line = context_mark.line + 1
        block = _block_text_above(text.splitlines(), line)
        if block:
            key, start = block
            return YamlProblem(
                line,
                f"YAML-fout: deze regel hoort bij de tekst van '{key}' (regel {start}) maar springt minder ver in; "
                "zet er evenveel spaties voor als de regels erboven",
                _path_to(text.splitlines(), start),
            )
    special = re.search(r"#x([0-9a-fA-F]{4,6})", str(exc))
    if special and "special characters are not allowed" in str(exc):
        char = chr(int(special.group(1), 16))
        where = text.find(char)
        line = text[:where].count("\n") + 1 if where >= 0 else line
        return YamlProblem(
            line, f"het bestand bevat het onzichtbare teken {char_name(char)}; haal het weg en typ de tekst opnieuw"
        )
    lines = text.splitlines()
    # libyaml reports a tab as a character that cannot start a token; name the real cause.
    for number in (line, line - 1):
        if (
            0 < number <= len(lines)
            and "\t" in lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip())]
        ):
            return YamlProblem(number, "YAML-fout: tab gevonden: spring in met spaties, niet met tabs")
    text = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or exc}"
    for needle, dutch in _YAML_MESSAGES:
        if needle in text:
            return YamlProblem(line, f"YAML-fout: {dutch}")
    problem = (getattr(exc, "problem", None) or str(exc)).strip()
    return YamlProblem(line, f"YAML-fout: dit is geen geldige YAML ({problem})")


_CONTROL_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters YAML refuses in a file (tab, newline and carriage return are fine)."""


def parse_yaml(raw: bytes) -> LineDict:
    """Parse one record file. Raises `YamlProblem` with a Dutch message and a line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(1, "het bestand begint met een BOM-teken; sla het op als UTF-8 zonder BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, "het bestand is geen UTF-8; sla het op als UTF-8") from None
    if "\x00" in text:
        raise YamlProblem(text[: text.index("\x00")].count("\n") + 1, "het bestand bevat een NUL-teken")
    control = _CONTROL_RE.search(text)
    if control:
        raise YamlProblem(
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
    except YamlProblem:
        raise
    except yaml.YAMLError as exc:
        raise _translate_yaml_error(exc, text) from None
    except RecursionError:
        raise YamlProblem(1, "te diep genest") from None
    finally:
        loader.dispose()
    if data is None:
        raise YamlProblem(1, "het bestand is leeg; een record begint met 'title:'")
    if not isinstance(data, LineDict):
        raise YamlProblem(1, "een record is een groep velden (sleutel: waarde), geen losse waarde of lijst")
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


def field_at(data: Any, line: int) -> tuple[Any, ...]:
    """The key or list item nearest above (or on) `line`: the field a finding on that line belongs to."""
    best: tuple[int, int, tuple[Any, ...]] = (0, 0, ())

    def visit(node: Any, loc: tuple[Any, ...]) -> None:
        nonlocal best
        items: Iterable[tuple[Any, int]] = ()
        if isinstance(node, LineDict):
            items = ((key, node.lines[key]) for key in node)
        elif isinstance(node, LineList):
            items = enumerate(node.lines)
        for part, at in items:
            if at > line:
                continue
            here = (*loc, part)
            if (at, len(here)) >= best[:2]:
                best = (at, len(here), here)
            visit(node[part], here)

    visit(data, ())
    return best[2]


def locate_text(data: Any, text: str) -> tuple[int, tuple[Any, ...]] | None:
    """(line, field) of the text value that holds `text` (its first words, as a page shows them), or None."""
    words = re.findall(r"\w+", text.casefold())[:6]
    if not words:
        return None
    pattern = re.compile(r"\W+".join(map(re.escape, words)))

    def visit(node: Any, loc: tuple[Any, ...]) -> tuple[int, tuple[Any, ...]] | None:
        items: Iterable[tuple[Any, int]] = ()
        if isinstance(node, LineDict):
            items = ((key, node.lines[key]) for key in node)
        elif isinstance(node, LineList):
            items = enumerate(node.lines)
        for part, at in items:
            value = node[part]
            if isinstance(value, str):
                found = pattern.search(value.casefold())
                if found:
                    # A block of text starts on the line after its key.
                    offset = value[: found.start()].count("\n") + 1 if "\n" in value.strip() else 0
                    return at + offset, (*loc, part)
            else:
                deeper = visit(value, (*loc, part))
                if deeper:
                    return deeper
        return None

    return visit(data, ())
