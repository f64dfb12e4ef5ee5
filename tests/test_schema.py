"""The JSON Schemas in schemas/ are generated from the models, and both judge data alike."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from generator.editor.schemas import render_schemas
from generator.model import KINDS
from generator.yamlfile import parse_yaml
from tests.conftest import MINI_DATA, ROOT


def as_json(value: Any) -> Any:
    """YAML gives dates; JSON Schema sees the text an editor typed."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schemas_are_current():
    expected = render_schemas()
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.schema.json")}
    assert committed == expected, "run `make schemas` and commit the result"


def test_every_field_has_a_dutch_description():
    for name, text in render_schemas().items():
        schema = json.loads(text)
        for model in [schema, *schema.get("$defs", {}).values()]:
            for field, spec in model.get("properties", {}).items():
                assert spec.get("description"), f"{name}: {field} has no description"


def _data_files() -> list[Path]:
    return sorted((ROOT / "data").glob("*/*.yaml"))


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_real_data_passes_the_json_schema(path: Path):
    data = as_json(parse_yaml(path.read_bytes()))
    errors = [e.message for e in validator(path.parent.name).iter_errors(data)]
    assert errors == []


SAMPLES = {
    "data/regio/groningen.yaml": [
        ("ret:\n  name: RET", "ret:\n  naam: RET"),
        ("cbs_code: JZ01", "cbs_code: JZ1"),
        ("email: ret@example.nl", "email:\n    onbekend: x"),
        ("email: ret@example.nl", "email: ret at example"),
        ("network: ben-noord", "network: Ben Noord"),
        ("audience: [professional, ouder]", "audience: [iedereen]"),
        ("audience: [professional, ouder]", "audience: []"),
        ("provinces: [Groningen]", "provinces: Groningen"),
    ],
    "data/wet/jeugdwet.yaml": [
        ("bwbr: BWBR0034925", "bwbr: 34925"),
        ("url: https://wetten.overheid.nl/BWBR0034925", "url: wetten.overheid.nl"),
        ("in_force: 2015-01-01", "in_force:\n  unknown: Niet gevonden."),
    ],
}


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [(path, old, new) for path, changes in SAMPLES.items() for old, new in changes],
)
def test_model_and_schema_agree(path: str, old: str, new: str):
    kind = path.split("/")[1]
    text = MINI_DATA[path].replace(old, new)
    assert text != MINI_DATA[path]
    data = parse_yaml(text.encode())
    try:
        KINDS[kind].model_validate(data)
        model_ok = True
    except ValidationError:
        model_ok = False
    schema_ok = validator(kind).is_valid(as_json(data))
    assert model_ok == schema_ok, f"model says {model_ok}, schema says {schema_ok}"


def test_every_field_has_a_valid_example():
    """Editors see an example when they hover over a field; each must itself be valid."""
    for name, text in render_schemas().items():
        schema = json.loads(text)
        for model_name, model in [("(top)", schema), *schema.get("$defs", {}).items()]:
            for field, spec in model.get("properties", {}).items():
                assert spec.get("examples"), f"{name}: {model_name}.{field} has no example"
                check = jsonschema.Draft202012Validator({"$defs": schema.get("$defs", {}), **spec})
                for example in spec["examples"]:
                    errors = [e.message for e in check.iter_errors(example)]
                    assert errors == [], f"{name}: {model_name}.{field} example {example!r}: {errors}"
