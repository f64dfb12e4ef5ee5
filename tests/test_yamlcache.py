"""Parsed record files are kept between runs (generator/yamlcache.py): the same tree, line for line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator import yamlcache
from generator.load import load_catalog
from generator.problems import DataError
from generator.yamlcache import CACHE_FILE, ParsedTrees
from generator.yamlfile import LineDict, LineList, parse_yaml
from tests.conftest import MINI_DATA, REGION_PATH, ROOT


def same_tree(a: Any, b: Any, where: str = "") -> None:
    assert type(a) is type(b), where
    if isinstance(a, LineDict):
        assert list(a) == list(b) and a.lines == b.lines and a.start_line == b.start_line, where
        for key in a:
            same_tree(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, LineList):
        assert len(a) == len(b) and a.lines == b.lines and a.start_line == b.start_line, where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same_tree(x, y, f"{where}[{i}]")
    else:
        assert a == b, where


def test_every_real_record_comes_back_from_the_cache_as_parsed(tmp_path: Path):
    files = sorted((ROOT / "data").rglob("*.yaml"))
    first = ParsedTrees(tmp_path / "parsed.json")
    parsed = [first.parse(f.read_bytes()) for f in files]
    first.save()
    again = ParsedTrees(tmp_path / "parsed.json")
    for path, tree in zip(files, parsed, strict=True):
        cached = again.parse(path.read_bytes())
        same_tree(cached, parse_yaml(path.read_bytes()), path.name)
        same_tree(cached, tree, path.name)
    assert again.used == set(again.trees) and len(again.trees) == len({f.read_bytes() for f in files})


def test_dates_times_numbers_and_nesting_survive(tmp_path: Path):
    raw = (
        b"title: x\ndatum: 2026-12-06\ntijd: 2001-12-14t21:59:43.10-05:00\ngetal: 3\nkomma: 1.5\nja: true\n"
        b"leeg:\nlijst:\n  - a: 1\n    b: [1, 2]\n  - tekst\n"
    )
    store = ParsedTrees(tmp_path / "parsed.json")
    store.parse(raw)
    store.save()
    cached = ParsedTrees(tmp_path / "parsed.json").parse(raw)
    same_tree(cached, parse_yaml(raw))
    assert cached["datum"] == date(2026, 12, 6)


def test_a_second_load_parses_only_the_changed_file(scratch, monkeypatch):
    root = scratch()
    first = load_catalog(root / "data", root)
    assert (root / CACHE_FILE).is_file()
    region = root / REGION_PATH
    region.write_text(MINI_DATA[REGION_PATH].replace("De jeugdregio Groningen.", "Nieuwe samenvatting."))
    parsed: list[bytes] = []

    def counting(raw: bytes) -> LineDict:
        parsed.append(raw)
        return parse_yaml(raw)

    monkeypatch.setattr(yamlcache, "parse_yaml", counting)
    from generator import load

    monkeypatch.setattr(load, "_LOADED", {})  # a new process: nothing in memory
    second = load_catalog(root / "data", root)
    assert parsed == [region.read_bytes()]
    assert second.entries["regio/groningen"].record.summary == "Nieuwe samenvatting."
    assert {k: e.record for k, e in second.entries.items() if k != "regio/groningen"} == {
        k: e.record for k, e in first.entries.items() if k != "regio/groningen"
    }


def test_a_broken_file_is_reported_every_time(scratch, monkeypatch):
    from generator import load

    root = scratch({REGION_PATH: MINI_DATA[REGION_PATH].replace("title:", "title: [niet gesloten", 1)})
    for _ in range(2):
        monkeypatch.setattr(load, "_LOADED", {})
        with pytest.raises(DataError) as caught:
            load_catalog(root / "data", root)
        assert any(p.path == REGION_PATH for p in caught.value.problems)


@pytest.mark.parametrize(
    "content", ["kapot", json.dumps({"salt": "ander", "trees": {}}), json.dumps({"salt": 1, "trees": []})]
)
def test_a_damaged_or_foreign_cache_counts_as_empty(tmp_path: Path, content: str):
    (tmp_path / "parsed.json").write_text(content)
    store = ParsedTrees(tmp_path / "parsed.json")
    assert store.trees == {}
    raw = b"title: x\n"
    same_tree(store.parse(raw), parse_yaml(raw))


def test_a_damaged_entry_is_parsed_again(tmp_path: Path):
    raw = b"title: x\n"
    store = ParsedTrees(tmp_path / "parsed.json")
    store.parse(raw)
    store.save()
    stored = json.loads((tmp_path / "parsed.json").read_text())
    stored["trees"] = dict.fromkeys(stored["trees"], '{"\\u0000map": [1]}')
    (tmp_path / "parsed.json").write_text(json.dumps(stored))
    same_tree(ParsedTrees(tmp_path / "parsed.json").parse(raw), parse_yaml(raw))


def test_no_cache_when_turned_off(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ROUTEWIJZER_CACHE", "0")
    assert ParsedTrees.for_project(tmp_path) is None
