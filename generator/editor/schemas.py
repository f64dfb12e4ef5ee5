"""JSON Schemas for editors, generated from the record models (never edited by hand)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ..model import KIND_LABELS, KINDS, field_example

SCHEMA_DIR = "schemas"


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Model name → model, for the model and every model nested in it (as named in `$defs`)."""
    found: dict[str, type[BaseModel]] = {}

    def walk(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__ in found:
                return
            found[annotation.__name__] = annotation
            for info in annotation.model_fields.values():
                walk(info.annotation)
        for arg in getattr(annotation, "__args__", ()) or ():
            walk(arg)
        for meta in getattr(annotation, "__metadata__", ()) or ():
            walk(meta)

    walk(model)
    return found


def _add_examples(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Every property gets `examples`, so hovering in an editor shows what to write."""
    models = _models(model)
    for name, sub in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
        target = models.get(name)
        if target is None:
            continue
        for field, spec in sub.get("properties", {}).items():
            example = field_example(target, field)
            if example is not None:
                spec["examples"] = [example]


def render_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind, as editors' YAML language servers read it."""
    schema = KINDS[kind].model_json_schema(mode="validation")
    _add_examples(schema, KINDS[kind])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        **schema,
        "title": f"Routewijzer: {KIND_LABELS[kind][0].lower()} (data/{kind}/)",
    }


def render_schemas() -> dict[str, str]:
    """File name → JSON text for every record kind."""
    return {
        f"{kind}.schema.json": json.dumps(render_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for kind in sorted(KINDS)
    }
