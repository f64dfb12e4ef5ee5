"""The configuration of the form-based editor (Decap CMS), generated from the models.

Never written by hand: one collection per record kind (`data/<kind>/`, the file name is the
id), one form field per model field with its Dutch label (`model.labels`), its docstring and
example as help text, and a widget chosen from the field's type. Facts that may be unknown
(`fact(...)`) use the project's own widget `rw-fact` (docs/redactie/bewerken/rw-widgets.js):
a choice between the value and "onbekend, met waar het te vinden is".

Engine-neutral: `editor_config()` returns plain data; the MkDocs plugin writes it as
`redactie/bewerken/config.yml`. See docs/editor.md for the choice of Decap CMS.
"""

from __future__ import annotations

import datetime as _dt
import json
import statistics
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import annotated_types
from pydantic import BaseModel, StringConstraints, WithJsonSchema
from pydantic.fields import FieldInfo

from ..model import AUDIENCE_LABELS, REGISTRY, Kind, Unknown, field_example
from ..model.fields import TEXT_KINDS
from ..model.labels import FIELD_LABELS

EDITOR_PATH = "redactie/bewerken"
"""Where the editor lives on the site; nothing of it loads anywhere else."""

LOCAL_BACKEND_URL = "http://127.0.0.1:8081/api/v1"
"""The local proxy (`python -m generator redactie-proxy`, or decap-server) the editor uses on 127.0.0.1."""

REF_TARGETS: dict[str, str] = {"themes": "thema", "network": "netwerk", "term": "begrip"}
"""Record fields holding the id of another record → the kind (folder) it points at."""

NODE_REFS = frozenset({("Answer", "next"), ("Route", "start")})
"""Ref fields that name a step inside the same route, not a record: typed, with the id pattern."""

UNKNOWN_LABEL = "onbekend, met waar het te vinden is"

_INPUT_TYPES = {"Email": "email", "Url": "url", "Phone": "tel"}

_MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "bulleted-list", "numbered-list"]


_FORM_LABELS: dict[tuple[str, str], str] = {
    ("Lesson", "kind"): "Soort les",
    ("Resource", "kind"): "Soort hulpmiddel",
    ("Resource", "url"): "Waar te vinden",
    ("Municipality", "name"): "Naam van de gemeente",
    ("RegionalTeam", "name"): "Naam van het team",
    ("RegionalTeam", "note"): "Wat we verder weten",
    ("Source", "title"): "Titel van de bron",
    ("Source", "url"): "Webadres van de bron",
    ("Source", "note"): "Waar te vinden of wat de bron zegt",
    ("Question", "text"): "De vraag",
    ("Answer", "text"): "Het antwoord",
}
"""Where one field name needs a more precise label in a form than in a sentence."""


def form_label(model: type[BaseModel], field: str) -> str | None:
    """The form label of `model.field`: the model's Dutch label (model/labels.py), capitalised,
    or a more precise one; None when the field has no label (a test refuses that)."""
    for cls in model.__mro__:
        label = _FORM_LABELS.get((cls.__name__, field))
        if label is not None:
            return label
    label = FIELD_LABELS.get(field)
    return label[:1].upper() + label[1:] if label else None


class UnsupportedField(TypeError):
    """A model field whose type has no widget: the editor would silently drop it."""


def _unwrap(annotation: Any, metadata: Iterable[Any] = ()) -> tuple[Any, list[Any], bool]:
    """(base type, collected metadata, optional?) for an annotation, through Annotated and `X | None`."""
    meta = list(metadata)
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            args = typing.get_args(annotation)
            annotation, meta = args[0], [*meta, *args[1:]]
            continue
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) < len(typing.get_args(annotation)):
                optional = True
            if len(options) == 1:
                annotation = options[0]
                continue
        return annotation, meta, optional


def _is_fact(annotation: Any) -> bool:
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return False
    return any(_unwrap(arg)[0] is Unknown for arg in typing.get_args(annotation))


def _fact_value(annotation: Any) -> Any:
    """The known-value type of a `fact(...)` union (with its Annotated metadata kept)."""
    return next(arg for arg in typing.get_args(annotation) if _unwrap(arg)[0] is not Unknown)


def _pattern(meta: list[Any]) -> str | None:
    for item in meta:
        if isinstance(item, StringConstraints) and item.pattern:
            return str(item.pattern)
        if isinstance(item, WithJsonSchema) and isinstance(item.json_schema, dict):
            pattern = item.json_schema.get("pattern")
            if pattern:
                return str(pattern)
    return None


def _text_kind(meta: list[Any]) -> str | None:
    """How the field reference names a text field ('Markdown met alinea's, …'), from its validator."""
    for item in meta:
        func = getattr(item, "func", None)
        if func in TEXT_KINDS:
            return TEXT_KINDS[func]
    return None


def _bounds(meta: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for item in meta:
        if isinstance(item, annotated_types.Ge):
            found["min"] = int(item.ge)  # type: ignore[call-overload]
        elif isinstance(item, annotated_types.Le):
            found["max"] = int(item.le)  # type: ignore[call-overload]
        elif isinstance(item, annotated_types.Interval):
            if item.ge is not None:
                found["min"] = int(item.ge)  # type: ignore[call-overload]
            if item.le is not None:
                found["max"] = int(item.le)  # type: ignore[call-overload]
        elif isinstance(item, FieldInfo):
            found.update(_bounds(list(item.metadata)))
    return found


def _min_items(meta: list[Any]) -> int:
    for item in meta:
        if isinstance(item, annotated_types.MinLen):
            return int(item.min_length)
        if isinstance(item, FieldInfo):
            extra = item.json_schema_extra if isinstance(item.json_schema_extra, dict) else {}
            if isinstance(extra.get("minItems"), int):
                return int(extra["minItems"])  # type: ignore[arg-type]
            found = _min_items(list(item.metadata))
            if found:
                return found
    return 0


def _type_name(meta: list[Any]) -> str | None:
    """'Email', 'Url' or 'Phone' for the link-like string types, recognised by their validator."""
    for item in meta:
        name = getattr(getattr(item, "func", None), "__name__", "")
        for type_name in _INPUT_TYPES:
            if name == f"_check_{type_name.lower()}":
                return type_name
    return None


def _pattern_error(type_name: str | None, pattern: str) -> str:
    if type_name == "Email":
        return "Dit is geen geldig e-mailadres (voorbeeld: info@voorbeeld.nl)."
    if type_name == "Url":
        return "Dit is geen geldig webadres; het begint met https://"
    if type_name == "Phone":
        return "Dit is geen geldig Nederlands telefoonnummer (voorbeeld: 088-5551000)."
    if "BWBR" in pattern:
        return "Schrijf BWBR en zeven cijfers, zoals BWBR0034925."
    if pattern.startswith("^JZ"):
        return "Schrijf JZ en twee cijfers, zoals JZ16."
    if pattern.startswith("^GM"):
        return "Schrijf GM en vier cijfers, zoals GM0402."
    if "/" in pattern:
        return "Schrijf soort/id, zoals wet/jeugdwet."
    if "\\d{4}" in pattern:
        return "Schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD."
    return "Gebruik kleine letters, cijfers en streepjes, zoals gooi-en-vechtstreek."


def _hint(model: type[BaseModel], name: str, info: FieldInfo, text_kind: str | None) -> str:
    parts = [" ".join((info.description or "").split())]
    example = field_example(model, name)
    if isinstance(example, (str, int)) and not isinstance(example, bool) and "Voorbeeld" not in parts[0]:
        example = str(example)
        parts.append(f"Voorbeeld: {example}" + ("" if example.endswith((".", "?", "!")) else "."))
    if text_kind:
        parts.append(f"({text_kind[0].upper()}{text_kind[1:]}.)")
    return " ".join(p for p in parts if p)


def _scalar(base: Any, meta: list[Any], *, model_name: str, name: str) -> dict[str, Any]:
    """The widget settings for a single value (not a list, not a fact)."""
    if typing.get_origin(base) is typing.Literal:
        return {"widget": "select", "options": list(typing.get_args(base))}
    if base is bool:
        return {"widget": "boolean"}
    if base is int:
        return {"widget": "number", "value_type": "int", **_bounds(meta)}
    if base is _dt.date:
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
        }
    if base is str:
        if _text_kind(meta) == TEXT_KINDS.get(_block_markdown_func()):
            return {"widget": "markdown", "modes": ["raw", "rich_text"], "buttons": _MARKDOWN_BUTTONS}
        target = REF_TARGETS.get(name)
        if target and (model_name, name) not in NODE_REFS:
            return {
                "widget": "relation",
                "collection": target,
                "value_field": "{{slug}}",
                "search_fields": ["title"],
                "display_fields": ["title"],
            }
        spec: dict[str, Any] = {"widget": "string"}
        pattern = _pattern(meta)
        if pattern:
            spec["pattern"] = [pattern, _pattern_error(_type_name(meta), pattern)]
        return spec
    raise UnsupportedField(f"{model_name}.{name}: geen widget voor het type {base!r}")


def _block_markdown_func() -> Any:
    return next(func for func, text in TEXT_KINDS.items() if text.startswith("Markdown met"))


def _fact(annotation: Any, *, model_name: str, name: str) -> dict[str, Any]:
    """The `rw-fact` widget: the known value's own widget settings, or `{unknown: …}`."""
    base, meta, _ = _unwrap(_fact_value(annotation))
    spec: dict[str, Any] = {"widget": "rw-fact", "unknown_label": UNKNOWN_LABEL}
    if typing.get_origin(base) is list:
        item, item_meta, _ = _unwrap(typing.get_args(base)[0])
        inner = _scalar(item, item_meta, model_name=model_name, name=name)
        spec.update(value_widget="list", value=inner)
        return spec
    inner = _scalar(base, meta, model_name=model_name, name=name)
    type_name = _type_name(meta)
    spec.update(value_widget=inner.pop("widget"), value=inner)
    if type_name:
        spec["input_type"] = _INPUT_TYPES[type_name]
    return spec


def editor_field(model: type[BaseModel], name: str, info: FieldInfo) -> dict[str, Any]:
    """The form field of one model field. Raises UnsupportedField when no widget fits."""
    label = form_label(model, name)
    if label is None:
        raise UnsupportedField(f"{model.__name__}.{name}: geen Nederlands label in generator/model/labels.py")
    base, meta, optional = _unwrap(info.annotation, info.metadata)
    field: dict[str, Any] = {"name": name, "label": label}
    required = info.is_required() and not optional
    if _is_fact(base):
        spec = _fact(base, model_name=model.__name__, name=name)
    elif typing.get_origin(base) is list:
        item, item_meta, _ = _unwrap(typing.get_args(base)[0])
        minimum = _min_items(meta)
        if typing.get_origin(item) is typing.Literal:
            options: list[Any] = list(typing.get_args(item))
            if set(options) == set(AUDIENCE_LABELS):
                options = [{"label": AUDIENCE_LABELS[o], "value": o} for o in options]
            spec = {"widget": "select", "multiple": True, "options": options}
        elif name in REF_TARGETS:
            spec = {**_scalar(item, item_meta, model_name=model.__name__, name=name), "multiple": True}
        elif isinstance(item, type) and issubclass(item, BaseModel):
            spec = {"widget": "list", "collapsed": True, "fields": model_fields(item)}
            spec["summary"] = "{{fields.title}}" if "title" in item.model_fields else "{{fields.name}}"
        else:
            spec = {
                "widget": "list",
                "field": {
                    "label": label,
                    "name": "item",
                    **_scalar(item, item_meta, model_name=model.__name__, name=name),
                },
            }
        if minimum:
            spec["min"] = minimum
    elif typing.get_origin(base) is dict:
        _key, value = typing.get_args(base)
        node = _unwrap(value)[0]
        if not (isinstance(node, type) and issubclass(node, BaseModel)):
            raise UnsupportedField(f"{model.__name__}.{name}: geen widget voor {base!r}")
        # A mapping with ids chosen by the editor: shown as a list of steps, each with its id
        # (the rw-steps widget turns the list back into the mapping the file holds).
        spec = {
            "widget": "rw-steps",
            "id_label": "Id van de stap",
            "id_hint": "Kleine letters, cijfers en streepjes; ook het webadres van de stap.",
            "fields": model_fields(node),
        }
    elif isinstance(base, type) and issubclass(base, BaseModel):
        # The English translation (`en`) starts folded: most editors edit the Dutch.
        spec = {"widget": "object", "collapsed": name == "en", "fields": model_fields(base)}
    else:
        spec = _scalar(base, meta, model_name=model.__name__, name=name)
    field.update(spec)
    field["hint"] = _hint(model, name, info, _text_kind(meta))
    field["required"] = required
    if not required and field.get("widget") == "object":
        # The form checks required fields inside a group even when the group is left empty, which
        # would block saving a record without, say, an English translation. Inside an optional
        # group nothing is required in the form; the loader still requires them once the group is
        # filled in, with its Dutch message in the pull request's check.
        _nothing_required(field["fields"])
    if not required and field.get("widget") == "datetime":
        field["default"] = ""
    return field


def model_fields(model: type[BaseModel], order: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The form fields of a model, in `order` first and then the model's own order."""
    names = list(model.model_fields)
    ordered = [n for n in order if n in model.model_fields] + [n for n in names if n not in set(order)]
    return [editor_field(model, name, model.model_fields[name]) for name in ordered]


def key_order(kind: Kind, files: Iterable[Mapping[str, Any]]) -> list[str]:
    """The order of the top-level keys that the kind's files already use.

    Decap CMS writes the keys of a saved record in the order of the form's fields, so a form
    in the files' own order changes only the lines an editor edited. A field no file uses yet
    follows the field before it in the model.
    """
    positions: dict[str, list[float]] = {}
    for data in files:
        keys = list(data)
        for i, key in enumerate(keys):
            positions.setdefault(key, []).append(i / max(len(keys) - 1, 1))
    rank: dict[str, float] = {}
    previous = -1.0
    for n, name in enumerate(kind.model.model_fields):
        if name in positions:
            rank[name] = statistics.median(positions[name])
        else:
            rank[name] = previous + 1e-3 * (n + 1)
        previous = rank[name]
    return sorted(rank, key=lambda name: rank[name])


def repo_slug(repo_url: str | None) -> str | None:
    """'owner/name' of a GitHub repository URL, or None."""
    if not repo_url:
        return None
    parts = urlsplit(repo_url)
    path = parts.path.strip("/").removesuffix(".git")
    if parts.netloc.lower() != "github.com" or path.count("/") != 1:
        return None
    return path


def editor_config(
    *,
    repo_url: str | None,
    branch: str = "main",
    site_url: str | None = None,
    auth_base_url: str | None = None,
    key_orders: Mapping[str, list[str]] | None = None,
) -> dict[str, Any]:
    """The Decap CMS configuration for every record kind (plain data, written as YAML)."""
    repo = repo_slug(repo_url)
    backend: dict[str, Any]
    if repo:
        backend = {"name": "github", "repo": repo, "branch": branch}
        if auth_base_url:
            backend["base_url"] = auth_base_url
    else:
        # No GitHub repository known: the editor can only work on a checkout through the local proxy.
        backend = {"name": "proxy", "proxy_url": LOCAL_BACKEND_URL, "branch": branch}
    backend["commit_messages"] = {
        "create": "Nieuw {{collection}}: {{slug}} (via de redactie-editor)",
        "update": "{{collection}}/{{slug}} bijgewerkt (via de redactie-editor)",
        "delete": "{{collection}}/{{slug}} verwijderd (via de redactie-editor)",
    }
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": LOCAL_BACKEND_URL, "allowed_hosts": ["127.0.0.1"]},
        "locale": "nl",
        "media_folder": "docs/assets/redactie",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [],
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    for kind in sorted(REGISTRY, key=lambda k: k.site_order):
        order = (key_orders or {}).get(kind.folder, [])
        fields = model_fields(kind.model, order)
        config["collections"].append(
            {
                "name": kind.folder,
                "label": kind.plural,
                "label_singular": kind.singular,
                "description": kind.intro,
                "folder": f"data/{kind.folder}",
                "extension": "yaml",
                "format": "rw-yaml",
                "create": True,
                "delete": False,
                "slug": "{{slug}}",
                "identifier_field": "title",
                "summary": "{{title}}",
                "sortable_fields": ["title"],
                "editor": {"preview": False},
                "fields": fields,
            }
        )
    return config


def editor_config_yaml(config: Mapping[str, Any]) -> str:
    """The configuration as YAML text: JSON is YAML, and JSON quoting keeps every regex exact."""
    header = "# Generated from the models by generator/output/cms.py on every build; do not edit.\n"
    return header + json.dumps(config, ensure_ascii=False, indent=2) + "\n"


def walk_fields(fields: list[dict[str, Any]], prefix: str = "") -> Iterable[tuple[str, dict[str, Any]]]:
    """(dotted name, field) for every form field, nested ones included."""
    for field in fields:
        name = f"{prefix}{field['name']}"
        yield name, field
        yield from walk_fields(field.get("fields", []), f"{name}.")
        if isinstance(field.get("field"), dict):
            yield from walk_fields([field["field"]], f"{name}.")


def _nothing_required(fields: list[dict[str, Any]]) -> None:
    for child in fields:
        child["required"] = False
        if child.get("widget") == "datetime":
            child["default"] = ""  # else the form fills in today's date
        if "fields" in child:
            _nothing_required(child["fields"])
