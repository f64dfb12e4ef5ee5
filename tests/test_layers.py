"""The import graph of generator/: one way through the stages, no cycles, no private names across modules.

Stages, each importing only the ones before it (a module may also import modules of its own package):

    problems, characters → yamlfile → model → catalog → validate → load → render → output
    → engine, checks, editor → cli → __main__

`make lint` bans `mkdocs` and `material` outside generator/engine/ (ruff TID251); this test
checks the order of the rest. Both are shown to fail on a deliberate violation.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
LAYERS: dict[str, int] = {
    "generator.problems": 0,
    "generator.characters": 0,
    "generator.yamlfile": 1,
    "generator.yamlstyle": 1,
    "generator.yamlcache": 2,
    "generator.model": 2,
    "generator.catalog": 3,
    "generator.validate": 4,
    "generator.load": 5,
    "generator.render": 6,
    "generator.output": 7,
    "generator.engine": 8,
    "generator.checks": 8,
    "generator.editor": 8,
    "generator.cli": 9,
    "generator.__main__": 10,
    "generator": 9,
}
"""Top-level room of the package → its stage. Rooms of one stage may not import each other."""


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room(module: str) -> str:
    """The top-level room a module belongs to: generator.render.site → generator.render."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def imports(path: Path) -> Iterator[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import in a file, lazy ones included."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = ".".join(p for p in (base if node.level else "", node.module or "") if p)
            names = [alias.name for alias in node.names]
            # `from . import dialect` imports a module, not a name
            for name in names:
                if (PACKAGE.parent / (target.replace(".", "/") + f"/{name}.py")).is_file():
                    yield f"{target}.{name}", [], node.lineno
                    names = [n for n in names if n != name]
            yield target, names, node.lineno


def graph(root: Path = PACKAGE) -> dict[str, list[tuple[str, list[str], int]]]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        found[module_name(path)] = [
            (target, names, line) for target, names, line in imports(path) if target.split(".")[0] == "generator"
        ]
    return found


def layer_violations(edges: dict[str, list[tuple[str, list[str], int]]]) -> list[str]:
    wrong = []
    for module, targets in edges.items():
        for target, _, line in targets:
            here, there = room(module), room(target)
            if here == there:
                continue
            if here not in LAYERS or there not in LAYERS:
                wrong.append(f"{module}:{line}: {target} is in no stage; add its room to LAYERS")
            elif LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module}:{line} imports {target} (stage {LAYERS[there]} ≥ {LAYERS[here]})")
    return wrong


def cycles(edges: dict[str, list[tuple[str, list[str], int]]]) -> list[list[str]]:
    """Every import cycle between modules (depth-first search; each cycle once, from its smallest module)."""
    found: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()

    def visit(module: str, path: list[str]) -> None:
        for target, _, _ in edges.get(module, []):
            if target == path[0]:
                cycle = path[:]
                start = cycle.index(min(cycle))
                key = tuple(cycle[start:] + cycle[:start])
                if key not in seen:
                    seen.add(key)
                    found.append([*key, key[0]])
            elif target not in path and target in edges and target > path[0]:
                visit(target, [*path, target])

    for module in sorted(edges):
        visit(module, [module])
    return found


def private_imports(edges: dict[str, list[tuple[str, list[str], int]]]) -> list[str]:
    return [
        f"{module}:{line} imports {name} from {target}"
        for module, targets in edges.items()
        for target, names, line in targets
        for name in names
        if name.startswith("_") and target != module
    ]


def test_the_stages_import_one_way():
    assert layer_violations(graph()) == []


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_no_private_name_is_imported_from_another_module():
    assert private_imports(graph()) == []


def test_every_room_has_a_stage():
    rooms = {room(m) for m in graph()}
    assert rooms <= set(LAYERS), rooms - set(LAYERS)


def test_the_guards_fail_on_a_deliberate_violation(tmp_path: Path):
    """Checks that cannot fail prove nothing: a model importing render, a cycle, a private import."""
    edges = {
        "generator.model.records": [("generator.render.site", ["SiteRenderer"], 3)],
        "generator.render.site": [("generator.render.frame", ["_private"], 4)],
        "generator.render.frame": [("generator.render.site", [], 5)],
    }
    assert layer_violations(edges) == ["generator.model.records:3 imports generator.render.site (stage 6 ≥ 2)"]
    assert cycles(edges) == [["generator.render.frame", "generator.render.site", "generator.render.frame"]]
    assert private_imports(edges) == ["generator.render.site:4 imports _private from generator.render.frame"]
