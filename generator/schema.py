"""JSON Schemas for editors, generated from the record models (never edited by hand)."""

from __future__ import annotations

import json
from typing import Any

from .model import KIND_LABELS, KINDS

SCHEMA_DIR = "schemas"


def render_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind, as editors' YAML language servers read it."""
    schema = KINDS[kind].model_json_schema(mode="validation")
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
