"""The offline copy's municipality list as a script (render.wayfind.municipalities_script), which the
home page's region finder reads from disk; the served site keeps fetching the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.engine.mkdocs.offline import directory_path
from generator.load import load_catalog
from generator.render.wayfind import MUNICIPALITIES_SCRIPT, municipalities_json, municipalities_script
from tests.conftest import ROOT

PREFIX = "self.RW_MUNICIPALITIES = "


def parse(script: str) -> list[list[str]]:
    assert script.startswith(PREFIX) and script.endswith(";\n")
    return list(json.loads(script[len(PREFIX) : -2]))


def test_script_holds_every_row_with_the_pages_as_this_builds_urls():
    rows_json = municipalities_json(load_catalog(ROOT / "data", ROOT))
    rows = json.loads(rows_json)
    script = parse(municipalities_script(rows_json, lambda path: path.removesuffix("/") + ".html"))
    assert len(script) == len(rows) > 342
    assert [r[:3] for r in script] == [r[:3] for r in rows]
    assert all(s[3] == r[3].removesuffix("/") + ".html" for s, r in zip(script, rows, strict=True))
    hilversum = next(r for r in script if r[0] == "Hilversum")
    assert hilversum[3].startswith("regio/") and hilversum[3].endswith(".html")


def test_script_refuses_a_list_of_another_shape():
    with pytest.raises(ValueError, match="name, note, region, page"):
        municipalities_script('[["Hilversum", "regio/x/"]]', str)


@pytest.mark.parametrize(
    ("src", "path"),
    [("index.md", ""), ("regio/index.md", "regio/"), ("regio/gooi.md", "regio/gooi/"), ("ouders.md", "ouders/")],
)
def test_directory_path(src: str, path: str):
    assert directory_path(src) == path


def test_served_site_fetches_the_list_and_loads_no_script(real_site: Path):
    assert not (real_site / MUNICIPALITIES_SCRIPT).exists()
    home = BeautifulSoup((real_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [s.get("src", "") for s in home.find_all("script")]
    assert any(s.endswith("rw-home.js") for s in scripts)
    assert not any("rw-gemeenten" in s for s in scripts)
