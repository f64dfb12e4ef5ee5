"""Shared fixtures: a tiny scratch project written from strings, and the real site built once."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

SOURCE = """\
sources:
  - title: Testbron
    url: https://www.example.nl/bron
    consulted: 2026-01-15
reviewed: 2026-01-15
"""

_MINI: dict[str, str] = {
    "data/thema/wetten.yaml": """\
        title: Wet- en regelgeving
        subtitle: de weg in het doolhof
        order: 1
        audience: [professional]
        summary: Welke wet geldt er?
        body: |
          ## Waar gaat het over?

          Over wetten.
        """,
    "data/wet/jeugdwet.yaml": """\
        title: Jeugdwet
        abbreviation: Jeugdwet
        official_title: Wet inzake jeugd
        bwbr: BWBR0034925
        url: https://wetten.overheid.nl/BWBR0034925
        in_force: 2015-01-01
        for_whom: Kinderen en jongeren tot 18 jaar en hun ouders.
        ages: Tot 18 jaar; verlengd tot 23 jaar.
        who_decides: De gemeente.
        how_to_apply: Bij het wijkteam.
        audience: [professional, ouder]
        summary: De wet voor jeugdhulp.
        themes: [wetten]
        measures:
          - name: Ondertoezichtstelling
            summary: Een gezinsvoogd helpt het gezin.
            decides: De kinderrechter.
            term: ots
        """,
    "data/netwerk/ben-noord.yaml": """\
        title: Expertisenetwerk Noord
        short_name: BEN Noord
        audience: [professional]
        summary: Helpt regio's in het noorden.
        provinces: [Groningen]
        coordinating_municipality: Groningen
        website:
          unknown: Niet gevonden; vraag het na bij de gemeente Groningen.
        offers: [Consultatie en advies.]
        """,
    "data/regio/groningen.yaml": """\
        title: Groningen
        audience: [professional, ouder]
        summary: De jeugdregio Groningen.
        cbs_code: JZ01
        provinces: [Groningen]
        municipalities:
          - name: Groningen
            code: GM0014
            former_names: [Haren, Ten Boer]
          - name: Het Hogeland
            code: GM1966
        ret:
          name: RET Groningen
          website:
            unknown: Niet gevonden in een bron.
          email: ret@example.nl
          phone:
            unknown: Niet gevonden in een bron.
        network: ben-noord
        network_basis: Afgeleid uit de provincie.
        care_office_regions: [Groningen]
        """,
    "data/begrip/ots.yaml": """\
        title: Ondertoezichtstelling
        abbreviation: OTS
        synonyms: [toezicht]
        definition: Een maatregel van de kinderrechter.
        audience: [ouder]
        summary: Wat een OTS is.
        related: [wet/jeugdwet]
        """,
    "data/contact/veilig-thuis.yaml": """\
        title: Veilig Thuis
        audience: [ouder, jongere]
        summary: Advies bij geweld thuis.
        helps_with: [Zorgen over geweld thuis.]
        phone: 0800-2000
        """,
    "data/hulpmiddel/gids.yaml": """\
        title: Een gids
        kind: document
        publisher: NJi
        year: 2021
        url: https://www.example.nl/gids
        audience: [professional]
        summary: Een gids.
        themes: [wetten]
        """,
    "data/les/volgen.yaml": """\
        title: Blijf volgen hoe het gaat
        level: professional
        kind: aanbeveling
        audience: [professional]
        summary: Kijk regelmatig of de hulp werkt.
        themes: [wetten]
        """,
}

MINI_DATA: dict[str, str] = {path: textwrap.dedent(text) + SOURCE for path, text in _MINI.items()}
REGION_PATH = "data/regio/groningen.yaml"
"""A valid record of every kind, each with SOURCE appended."""

MKDOCS_YML = """\
site_name: Test
site_url: http://127.0.0.1/
repo_url: https://github.com/example/routewijzer
edit_uri: edit/main/docs/
theme:
  name: material
  language: nl
  font: false
  features: [content.action.edit]
plugins:
  - search:
      lang: nl
  - routewijzer
markdown_extensions: [abbr, attr_list, def_list, md_in_html, tables, toc]
validation:
  omitted_files: info
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
nav:
  - Start: index.md
  - Thema's: thema/index.md
  - Regio's: regio/index.md
"""


def tree_digest(root: Path) -> str:
    """One hash over every file name and byte under `root` (to prove a site was left untouched)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def write_files(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def scratch(tmp_path: Path) -> Callable[..., Path]:
    """Write a tiny valid project into tmp_path; keyword overrides replace or add files (None removes)."""

    def make(files: dict[str, str | None] | None = None, *, data_only: bool = False) -> Path:
        content: dict[str, str | None] = dict(MINI_DATA)
        if not data_only:
            content["mkdocs.yml"] = MKDOCS_YML
            content["docs/index.md"] = "# Start\n\nWelkom.\n"
        content.update(files or {})
        write_files(tmp_path, {k: v for k, v in content.items() if v is not None})
        return tmp_path

    return make


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator …` as an editor would, in `cwd`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ROUTEWIJZER_REPO_URL": "https://github.com/example/routewijzer"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built once with --strict, in a copy of the project (the checkout stays clean)."""
    work = tmp_path_factory.mktemp("real")
    for name in ("mkdocs.yml", "data", "docs"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name)
        else:
            shutil.copy2(src, work / name)
    result = run_cli("build", "--site-dir", "site", cwd=work)
    assert result.returncode == 0, result.stderr
    return work / "site"
