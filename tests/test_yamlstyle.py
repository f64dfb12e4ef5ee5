"""One set of data rules: the layout rules of .yamllint.yaml run in the loader, in Dutch, with file, line and field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import yamlstyle
from generator.load import load_catalog
from generator.problems import DataError
from generator.yamlstyle import CACHE_FILE, CONFIG_FILE, StyleChecker, dutch
from tests.conftest import MINI_DATA, ROOT

REGION = MINI_DATA["data/regio/groningen.yaml"]
ENGLISH = re.compile(r"\b(wrong|expected|found|too many|too few|missing|should|value|spaces?|syntax)\b")


@pytest.fixture
def styled(scratch):
    """A scratch project with the real .yamllint.yaml."""

    def make(files: dict[str, str]) -> Path:
        root = scratch(files, data_only=True)
        shutil.copy2(ROOT / CONFIG_FILE, root / CONFIG_FILE)
        return root

    return make


def messages(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_catalog(root / "data", root)
    return [str(p) for p in info.value.problems]


def test_trailing_spaces_and_tabs_inside_values_are_accepted(styled):
    # Pasted from Word or a PDF: spaces at line ends, in a value and in a text block; a tab inside a sentence.
    region = REGION.replace("summary: De jeugdregio Groningen.", "summary: De jeugdregio Groningen.   ")
    theme = MINI_DATA["data/thema/wetten.yaml"].replace("  Over wetten.", "  Over wetten.  \t ")
    root = styled({"data/regio/groningen.yaml": region, "data/thema/wetten.yaml": theme})
    catalog = load_catalog(root / "data", root)
    assert catalog.get("regio", "groningen") is not None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "  email: ret@example.nl",
            "  email:  ret@example.nl",
            "data/regio/groningen.yaml:16: ret.email: precies één spatie na de dubbele punt",
            id="two-spaces-after-colon",
        ),
        pytest.param(
            "provinces: [Groningen]",
            "provinces: [ Groningen ]",
            "data/regio/groningen.yaml:5: provinces[0]: geen spaties direct binnen [ ]; schrijf [a, b]",
            id="spaces-in-brackets",
        ),
        pytest.param(
            "network: ben-noord\n",
            "network: ben-noord  #het netwerk\n",
            "data/regio/groningen.yaml:19: network: zet een spatie na het #-teken van een opmerking",
            id="comment-without-space",
        ),
        pytest.param(
            "network: ben-noord\n",
            "network: ben-noord\n\n\n\n",
            "data/regio/groningen.yaml:22: network: te veel lege regels achter elkaar; hoogstens 2",
            id="blank-lines",
        ),
    ],
)
def test_layout_problems_are_reported_in_dutch_with_field(styled, old, new, expected):
    text = REGION.replace(old, new)
    assert text != REGION
    found = messages(styled({"data/regio/groningen.yaml": text}))
    assert expected in found, found
    assert not any(ENGLISH.search(m.split(": ", 2)[-1]) for m in found), found


def test_wrong_indentation_is_reported_with_the_numbers(styled):
    lines = REGION.splitlines(keepends=True)
    first, last = lines.index("municipalities:\n") + 1, lines.index("ret:\n")
    lines[first:last] = ["  " + line for line in lines[first:last]]  # four spaces instead of two
    found = messages(styled({"data/regio/groningen.yaml": "".join(lines)}))
    assert found == [
        "data/regio/groningen.yaml:7: municipalities[0].name: springt 4 spaties in, verwacht 2; "
        "spring in met 2 spaties per niveau, net als de regels eromheen"
    ]


def test_blank_lines_at_the_end_are_about_the_file_not_a_field(styled):
    found = messages(styled({"data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"] + "\n\n"}))
    assert found == [
        f"data/les/volgen.yaml:{MINI_DATA['data/les/volgen.yaml'].count(chr(10)) + 2}: "
        "lege regels aan het eind van het bestand; haal ze weg"
    ]


def test_yes_and_no_are_named(styled):
    text = MINI_DATA["data/les/volgen.yaml"].replace("level: professional", "level: professional\nextra: yes")
    found = messages(styled({"data/les/volgen.yaml": text}))
    assert "data/les/volgen.yaml:3: extra: 'yes' leest YAML als ja of nee; schrijf true of false, " in "\n".join(found)


def test_without_a_config_the_layout_is_free(scratch):
    root = scratch({"data/regio/groningen.yaml": REGION.replace("  email: ret@example.nl", "  email:  ret@example.nl")})
    assert load_catalog(root / "data", root).get("regio", "groningen") is not None


def test_findings_are_cached_by_content(styled, monkeypatch):
    root = styled({"data/regio/groningen.yaml": REGION.replace("[Groningen]", "[ Groningen ]")})
    first = messages(root)
    assert (root / CACHE_FILE).is_file()

    def no_lint(*args, **kwargs):
        raise AssertionError("linted again although nothing changed")

    monkeypatch.setattr(yamlstyle.linter, "run", no_lint)
    assert messages(root) == first
    # A changed file is linted again.
    (root / "data/les/volgen.yaml").write_text(MINI_DATA["data/les/volgen.yaml"] + "\n\n\n\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="linted again"):
        load_catalog(root / "data", root)


def test_a_broken_cache_only_costs_time(styled):
    root = styled({})
    (root / CACHE_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / CACHE_FILE).write_text("{niet: json", encoding="utf-8")
    assert len(load_catalog(root / "data", root)) == len(MINI_DATA)


def test_a_broken_config_is_reported_in_dutch(scratch):
    root = scratch(data_only=True)
    (root / CONFIG_FILE).write_text("rules:\n  bestaat-niet: enable\n", encoding="utf-8")
    (message,) = messages(root)
    assert message.startswith(".yamllint.yaml:1: .yamllint.yaml is geen geldige yamllint-instelling")


def test_every_enabled_rule_has_a_dutch_message():
    config = StyleChecker(ROOT / CONFIG_FILE).config
    for rule in config.enabled_rules(None):
        assert rule.ID in yamlstyle._RULES or rule.ID in yamlstyle._LOADER_RULES, rule.ID
    assert "opmaakregel" in dutch("een-nieuwe-regel", "some description")


def test_real_data_follows_the_layout_rules():
    checker = StyleChecker(ROOT / CONFIG_FILE)
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{line}: {message}"
        for path in sorted((ROOT / "data").glob("*/*.yaml"))
        for line, message in checker.check(path.read_bytes())
    ]
    assert found == []


def test_the_cache_survives_a_process_that_loads_twice(styled, monkeypatch):
    """`make check` loads the data twice in one process; the second load is answered from memory and
    must not empty the cache on disk, or the next run lints every file again."""
    from generator import load

    root = styled({})
    load_catalog(root / "data", root)
    load_catalog(root / "data", root)  # from memory: yamllint is not asked
    monkeypatch.setattr(load, "_LOADED", {})  # a new process

    def no_lint(*args, **kwargs):
        raise AssertionError("linted again although nothing changed")

    monkeypatch.setattr(yamlstyle.linter, "run", no_lint)
    assert len(load_catalog(root / "data", root)) == len(MINI_DATA)
