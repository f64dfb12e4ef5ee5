"""Every reference between records points at an existing record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..catalog import Catalog, Entry
from ..model import KINDS, PAGE_REFS, Law, Region, Route, ref_fields
from ..problems import Problem, did_you_mean


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


def iter_route_references(entry: Entry) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """Yield (loc, kind, id) for every record a route's steps point at (overview pages excluded).

    Checked by `generator.validate.routes`, which also knows which kinds each field may name.
    """
    route = entry.record
    if not isinstance(route, Route):
        return
    for node_id, node in route.nodes.items():
        if node.outcome is None:
            continue
        for field_name, targets in ref_fields(node.outcome):
            for i, ref in enumerate(targets):
                if ref not in PAGE_REFS:
                    kind, _, id_ = ref.partition("/")
                    yield ("nodes", node_id, "outcome", field_name, i), kind, id_


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
                hint = did_you_mean(id_, candidates)
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
