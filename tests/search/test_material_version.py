"""The search worker's bridge (docs/assets/javascripts/workers/rw-search.js) reaches into
Material for MkDocs' search worker: its message types, its result format, how it registers
its listener and loads lunr. Those are Material's internals, free to change in any minor
release, so the bridge names the minor version it was written for, pyproject.toml pins it,
and this test fails on any other one (an upgrade starts with checking the bridge)."""

from __future__ import annotations

import re
from importlib.metadata import version

from tests.conftest import ROOT

BRIDGE = ROOT / "docs/assets/javascripts/workers/rw-search.js"


def _written_for() -> str:
    match = re.search(r"Written for Material for MkDocs (\d+\.\d+)\b", BRIDGE.read_text(encoding="utf-8"))
    assert match, f"{BRIDGE.relative_to(ROOT)} does not say which Material version it was written for"
    return match.group(1)


def test_installed_material_is_the_minor_version_the_search_bridge_was_written_for():
    written = _written_for()
    installed = version("mkdocs-material")
    assert ".".join(installed.split(".")[:2]) == written, (
        f"rw-search.js bridge was written for Material {written}; installed is {installed}: check the bridge "
        f"(see docs/assets/javascripts/workers/rw-search.js, 'What this bridge relies on'), then update the "
        f"version named there and the mkdocs-material pin in pyproject.toml"
    )


def test_pyproject_pins_that_minor_version():
    written = _written_for()
    major, minor = (int(p) for p in written.split("."))
    pins = re.findall(r'"mkdocs-material([^"]*)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pins == [f">={major}.{minor},<{major}.{minor + 1}"], (
        f"pyproject.toml should pin mkdocs-material to >={major}.{minor},<{major}.{minor + 1} "
        f"(the version rw-search.js was written for), found {pins}"
    )
