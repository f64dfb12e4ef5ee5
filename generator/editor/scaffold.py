"""`python -m generator nieuw <soort> <id>`: a stub record with every required field, commented.

The stub is written from the model itself (field names, whether they are required, their
Dutch docstrings), so it cannot drift from what the loader accepts. Placeholders are
explicit `unknown:` facts or obvious `VUL-IN` text, so a forgotten field fails validation
instead of publishing a guess.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..load import PLACEHOLDER
from ..model import KINDS, SLUG_RE, Source, Unknown


class ScaffoldError(Exception):
    """A Dutch message for the editor."""


def _is_fact(annotation: Any) -> bool:
    """True for `fact(...)` fields: a value or `{unknown: ...}`."""
    return any(arg is Unknown or _is_fact(arg) for arg in typing.get_args(annotation))


def _base(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _base(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _base(options[0])
    return annotation


def _literal_options(annotation: Any) -> tuple[Any, ...]:
    base = _base(annotation)
    if typing.get_origin(base) is typing.Literal:
        return typing.get_args(base)
    if typing.get_origin(base) is list:
        return _literal_options(typing.get_args(base)[0])
    return ()


def _comment(info: FieldInfo, indent: str) -> list[str]:
    text = " ".join((info.description or "").split())
    return [f"{indent}# {text}"] if text else []


def _stub_value(name: str, info: FieldInfo) -> list[str]:
    """The field's lines, indented relative to the field's own column."""
    annotation = info.annotation
    if _is_fact(annotation):
        return [f"{name}:", f"  unknown: {PLACEHOLDER} waar dit te vinden is, of vervang door de waarde"]
    base = _base(annotation)
    options = _literal_options(annotation)
    if typing.get_origin(base) is list:
        item = _base(typing.get_args(base)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return [f"{name}:", *_model_lines(item, "  ", first_prefix="- ")]
        return [f"{name}: [{options[0] if options else PLACEHOLDER}]"]
    if isinstance(base, type) and issubclass(base, BaseModel):
        return [f"{name}:", *_model_lines(base, "  ")]
    if base is date:
        return [f"{name}: {date.today().isoformat()}"]
    if base is int:
        return [f"{name}: 1"]
    if base is bool:
        return [f"{name}: true"]
    return [f"{name}: {options[0] if options else PLACEHOLDER}"]


def _model_lines(model: type[BaseModel], indent: str, first_prefix: str = "") -> list[str]:
    """Required fields of `model` (and a source's url), each preceded by its explanation."""
    lines: list[str] = []
    for i, (name, info) in enumerate(
        (n, f) for n, f in model.model_fields.items() if f.is_required() or (model is Source and n == "url")
    ):
        prefix = first_prefix if i == 0 else " " * len(first_prefix)
        column = indent + " " * len(first_prefix)
        lines += [f"{column}# {text}" for text in [" ".join((info.description or "").split())] if text]
        value = _stub_value(name, info)
        lines.append(f"{indent}{prefix}{value[0]}")
        lines += [f"{column}{line}" for line in value[1:]]
    return lines


def render_stub(kind: str) -> str:
    """YAML text of a new record of `kind` with every required field."""
    if kind not in KINDS:
        raise ScaffoldError(f"onbekende soort '{kind}'; kies uit {', '.join(sorted(KINDS))}")
    model = KINDS[kind]
    header = [
        f"# Nieuw record ({kind}). Vul elk veld in; vervang elke '{PLACEHOLDER}'.",
        "# Weet je iets niet? Laat dan 'unknown:' staan en schrijf waar het te vinden is.",
        "# Uitleg van alle velden: CONTRIBUTING.md en de pagina 'Velden per soort record'.",
        f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
    ]
    return "\n".join([*header, *_model_lines(model, "")]) + "\n"


def write_stub(data_dir: Path, kind: str, id_: str) -> Path:
    """Write data/<kind>/<id>.yaml; refuses to overwrite or to use an invalid id."""
    if not SLUG_RE.match(id_):
        raise ScaffoldError(f"'{id_}' is geen geldige id: gebruik kleine letters, cijfers en streepjes")
    text = render_stub(kind)
    path = data_dir / kind / f"{id_}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path.as_posix()} bestaat al; kies een andere id of pas dat bestand aan")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
