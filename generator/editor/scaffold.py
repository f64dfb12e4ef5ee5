"""`python -m generator nieuw <soort> <id>`: a stub record with every required field, commented.

The stub is written from the model itself (field names, whether they are required, their
Dutch docstrings), so it cannot drift from what the loader accepts. Placeholders are
explicit `unknown:` facts or obvious `VUL-IN` text, so a forgotten field fails validation
instead of publishing a guess. No date is filled in: `reviewed` (and a source's `consulted`) say
that an editor checked something, so the stub leaves them as commented lines for after the check.
A route gets an example structure (two questions, two outcomes) instead of a bare `nodes:`.
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
        # Never today's date: a date says something was checked, and nothing is checked yet.
        return [f"{name}: {PLACEHOLDER} (JJJJ-MM-DD)"]
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
        # A comment sits in the column of the line below it (the list dash for the first field of an item).
        above = indent if i == 0 else column
        lines += [f"{above}# {text}" for text in [" ".join((info.description or "").split())] if text]
        value = _stub_value(name, info)
        lines.append(f"{indent}{prefix}{value[0]}")
        lines += [f"{column}{line}" for line in value[1:]]
    if model is Source:
        lines += [
            f"{indent}{' ' * len(first_prefix)}# consulted: de dag waarop jij deze bron hebt geopend en met het record",
            f"{indent}{' ' * len(first_prefix)}# vergeleken (JJJJ-MM-DD). Haal het #-teken weg als je dat gedaan hebt.",
            f"{indent}{' ' * len(first_prefix)}# consulted: JJJJ-MM-DD",
        ]
    return lines


REVIEWED = [
    "# reviewed: laat dit nog weg. Heb je alle feiten van dit record met de bronnen vergeleken,",
    "# haal dan het #-teken weg en zet de datum van die dag (JJJJ-MM-DD), dezelfde als bij 'consulted'.",
    "# Zonder 'reviewed' zegt de pagina eerlijk: nog niet gecontroleerd.",
    "# reviewed: JJJJ-MM-DD",
]
"""`reviewed` is the editor's statement that every fact was checked; a stub cannot make it."""

ROUTE_NODES = f"""\
# Id van de eerste vraag onder 'nodes'.
start: eerste-vraag
# De stappen van de route, elk onder een eigen id (kleine letters, cijfers en streepjes; de id is ook
# het webadres). Een stap is een vraag (question) of een uitkomst (outcome). Elk antwoord wijst met
# 'next' naar de volgende stap. Hernoem de voorbeeld-id's en voeg zo veel stappen toe als nodig.
nodes:
  eerste-vraag:
    question:
      # De vraag, kort en in gewone woorden, zoals 'Hoe oud is de jongere?'
      text: {PLACEHOLDER}
      answers:
        - text: {PLACEHOLDER} (eerste antwoord, zoals 'Jonger dan 18 jaar')
          next: uitkomst-een
        - text: {PLACEHOLDER} (tweede antwoord)
          next: tweede-vraag
  tweede-vraag:
    question:
      text: {PLACEHOLDER}
      answers:
        - text: {PLACEHOLDER}
          next: uitkomst-een
        - text: {PLACEHOLDER}
          next: uitkomst-twee
  uitkomst-een:
    outcome:
      # De uitkomst in een paar woorden, zoals 'Jeugdhulp via de gemeente (Jeugdwet)'.
      title: {PLACEHOLDER}
      # Wat deze uitkomst betekent, in een of twee zinnen (B1).
      summary: {PLACEHOLDER}
      # Welke wetten passen (wet/<id>) en welke maatregel of hulp (begrip/<id>); mag leeg blijven.
      laws: []
      measures: []
      # Wie beslist, in een zin.
      decides: {PLACEHOLDER}
      # Wat je nu kunt doen, in volgorde; elk punt een zin.
      next_steps:
        - {PLACEHOLDER}
      # Wie je het kunt vragen; minstens een, zoals contact/<id> of regio/gemeenten.
      ask: [{PLACEHOLDER}]
      sources:
        - title: {PLACEHOLDER}
          url: {PLACEHOLDER}
  uitkomst-twee:
    outcome:
      title: {PLACEHOLDER}
      summary: {PLACEHOLDER}
      laws: []
      measures: []
      decides: {PLACEHOLDER}
      next_steps:
        - {PLACEHOLDER}
      ask: [{PLACEHOLDER}]
      sources:
        - title: {PLACEHOLDER}
          url: {PLACEHOLDER}
"""
"""A route is a structure, not a list of fields: the stub shows two questions and two outcomes."""


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
    lines = _model_lines(model, "")
    if kind == "route":
        start = next(i for i, line in enumerate(lines) if line.startswith("start:"))
        # Drop the generated 'start'/'nodes' lines (and their comments) for the example structure.
        while start > 0 and lines[start - 1].startswith("#"):
            start -= 1
        lines = [*lines[:start], *ROUTE_NODES.splitlines()]
    return "\n".join([*header, *lines, *REVIEWED]) + "\n"


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
