"""Checks across records, after each record passed its model: references, unique values, routes, the review trail."""

from __future__ import annotations

from ..catalog import Catalog
from ..problems import Problem
from .english import TRANSLATABLE_KINDS, check_translations, translation, translation_status
from .references import check_references, iter_references, iter_route_references
from .review import check_review_trail
from .routes import check_route, check_routes
from .unique import check_unique_fields


def validate_catalog(catalog: Catalog, broken: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    """Every cross-record problem. `broken` names records whose file failed to load (reported already)."""
    return [
        *check_references(catalog, exists=broken),
        *check_routes(catalog, broken),
        *check_unique_fields(catalog),
        *check_review_trail(catalog),
        *check_translations(catalog),
    ]


__all__ = [
    "TRANSLATABLE_KINDS",
    "check_references",
    "check_review_trail",
    "check_route",
    "check_routes",
    "check_translations",
    "check_unique_fields",
    "iter_references",
    "iter_route_references",
    "translation",
    "translation_status",
    "validate_catalog",
]
