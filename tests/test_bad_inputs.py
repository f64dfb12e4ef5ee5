"""Broken data: every case is refused with a Dutch message that names file and line.

The cases are in tests/bad_inputs/cases.yaml (file, target, expected message); the files are in
tests/bad_inputs/files/. Every case runs in-process through the loader (the message is what is
tested); a few, one per family, also run end to end through the real CLI, which must exit
non-zero without a traceback and leave the previous site/ untouched. A 50 MB file is generated
here, never committed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.load import load_catalog
from generator.problems import DataError
from tests.conftest import run_cli, tree_digest

HERE = Path(__file__).parent / "bad_inputs"


@dataclass(frozen=True)
class Case:
    file: str
    target: str
    why: str
    expect: str


CASES = [Case(**item) for item in yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def built_scratch_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scratch project's site, built once; every case starts from a copy of it."""
    from tests.conftest import MINI_DATA, MKDOCS_YML, write_files

    root = tmp_path_factory.mktemp("bad-inputs-base")
    write_files(root, {**MINI_DATA, "mkdocs.yml": MKDOCS_YML, "docs/index.md": "# Start\n\nWelkom.\n"})
    result = run_cli("build", "-q", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def assert_refused(root: Path, expect: str, before: str) -> None:
    result = run_cli("build", "-q", cwd=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build accepted the broken file:\n{output}"
    assert "Traceback" not in output, output
    assert expect in result.stderr, f"expected {expect!r} in:\n{result.stderr}"
    assert "De vorige versie in site/ is niet aangeraakt." in result.stderr
    assert tree_digest(root / "site") == before, "the previous site/ changed"
    assert not list(root.glob(".site.*")), "a half-written build was left behind"


def test_manifest_is_complete():
    files = {path.name for path in (HERE / "files").iterdir()}
    assert len(CASES) >= 30
    assert {case.file for case in CASES} == files, "every file has a case and every case a file"
    for case in CASES:
        # The message must tell an editor where to look: the file and the line.
        assert case.expect.split(":", 2)[0].startswith("data/"), case
        assert case.expect.split(":", 2)[1].isdigit(), case


@pytest.mark.parametrize("case", CASES, ids=[case.file for case in CASES])
def test_broken_file_is_reported_in_dutch(case: Case, scratch: Callable[..., Path]):
    root = scratch(data_only=True)
    target = root / case.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((HERE / "files" / case.file).read_bytes())
    with pytest.raises(DataError) as refused:
        load_catalog(root / "data", root)
    assert case.expect in refused.value.report(), f"expected {case.expect!r} in:\n{refused.value.report()}"


THROUGH_THE_CLI = ("yaml-unclosed-bracket.yaml", "phone-invalid.yaml", "hidden-file.yaml", "title-bidi.yaml")
"""One case per family (YAML syntax, a field's model, a file the loader must not skip, invisible characters)."""


@pytest.mark.parametrize("case", [c for c in CASES if c.file in THROUGH_THE_CLI], ids=lambda c: c.file)
def test_broken_file_is_refused_by_the_cli(case: Case, scratch: Callable[..., Path], built_scratch_site: Path):
    root = scratch()
    shutil.copytree(built_scratch_site, root / "site")
    before = tree_digest(root / "site")
    target = root / case.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((HERE / "files" / case.file).read_bytes())
    assert_refused(root, case.expect, before)


def test_fifty_megabyte_file_is_refused(scratch: Callable[..., Path], built_scratch_site: Path):
    root = scratch()
    shutil.copytree(built_scratch_site, root / "site")
    before = tree_digest(root / "site")
    target = root / "data/les/volgen.yaml"
    line = "  Een regel tekst die steeds weer terugkomt, tot het bestand vijftig megabyte is.\n"
    with target.open("w", encoding="utf-8") as out:
        out.write("title: Te groot\nbody: |\n")
        out.write(line * (50_000_000 // len(line) + 1))
    size = target.stat().st_size
    assert size >= 50_000_000
    assert_refused(root, f"data/les/volgen.yaml:1: het bestand is te groot ({size // 1000} kB)", before)


def test_fifty_thousand_keywords_are_refused(scratch: Callable[..., Path], built_scratch_site: Path):
    """A list of 50,000 keywords (generated here, about 1 MB, never committed)."""
    from tests.conftest import MINI_DATA

    root = scratch()
    shutil.copytree(built_scratch_site, root / "site")
    before = tree_digest(root / "site")
    keywords = "keywords:\n" + "".join(f"  - zoekwoord {i}\n" for i in range(50_000))
    (root / "data/les/volgen.yaml").write_text(MINI_DATA["data/les/volgen.yaml"] + keywords, encoding="utf-8")
    assert_refused(root, "data/les/volgen.yaml:12: keywords: heeft te veel waarden: 50.000; hoogstens 60", before)
