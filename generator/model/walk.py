"""One walker over models and records: the nested models of a model, and the values of a type inside a record."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

T = TypeVar("T")


def models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """Every model an annotation mentions (inside unions, lists, dicts and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from models_in(arg)
    for meta in getattr(annotation, "__metadata__", ()) or ():
        yield from models_in(meta)


def iter_models(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> Iterator[type[BaseModel]]:
    """A model and every model nested in it, each once, depth first in field order."""
    seen = set() if seen is None else seen
    if model in seen:
        return
    seen.add(model)
    yield model
    for info in model.model_fields.values():
        for sub in models_in(info.annotation):
            yield from iter_models(sub, seen)


def iter_values(value: Any, kind: type[T], loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], T]]:
    """Every value of type `kind` inside a record, with its location (field names, list indexes, dict keys)."""
    if isinstance(value, kind):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from iter_values(getattr(value, name), kind, (*loc, name))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from iter_values(item, kind, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_values(item, kind, (*loc, key))
