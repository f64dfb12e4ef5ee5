"""Wayfinding (issue 17) without a browser: the "Direct hulp" block's numbers come from the contact
records, the "Snel weg" button follows the records' audiences and links, the young people's
questions and the municipality list are made from the data.

The browser side (click, Escape three times, Back, the home page's fields) is
tests/browser/test_wayfind.py.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup

from generator.load import load_catalog
from generator.render.site import SiteRenderer
from generator.render.wayfind import (
    HELP_LABELS_EN,
    HELP_LINES,
    Marks,
    entry_marks,
    help_lines,
    municipalities_json,
    page_marks,
    written_marks,
    youth_questions,
)
from tests.conftest import MINI_DATA, ROOT, SOURCE, run_cli

EXIT_URL = "http://127.0.0.1:9/neutraal/"

WAYFIND_MKDOCS_YML = f"""\
site_name: Test
site_url: http://127.0.0.1/
theme:
  name: material
  language: nl
  font: false
  custom_dir: overrides
extra:
  rw_exit_url: {EXIT_URL}
plugins:
  - search:
      lang: nl
  - routewijzer
markdown_extensions: [abbr, attr_list, def_list, md_in_html, tables, toc]
"""

CONTACTS = {
    "data/contact/112.yaml": """\
        title: '112: het alarmnummer bij direct gevaar'
        audience: [ouder, jongere]
        summary: Bel 112 bij direct gevaar.
        helps_with: [Direct gevaar.]
        phone: '112'
        """,
    "data/contact/jeugdstem.yaml": """\
        title: Jeugdstem (vertrouwenspersoon jeugdhulp)
        audience: [ouder, jongere]
        summary: Vertrouwenspersonen.
        helps_with: [Een klacht.]
        phone:
          unknown: Niet gevonden.
        """,
    "data/les/plaatsing.yaml": """\
        title: Een les over plaatsing
        level: professional
        kind: knooppunt
        audience: [professional]
        summary: Wat bij een plaatsing vastliep.
        related: [begrip/uithuisplaatsing]
        """,
    "data/begrip/uithuisplaatsing.yaml": """\
        title: Uithuisplaatsing
        definition: Een kind woont niet thuis.
        audience: [professional]
        summary: Wat een uithuisplaatsing is.
        """,
}


def write_project(root: Path, *, veilig_thuis_phone: str) -> None:
    files = dict(MINI_DATA)
    files.update({path: textwrap.dedent(text) + SOURCE for path, text in CONTACTS.items()})
    files["data/contact/veilig-thuis.yaml"] = files["data/contact/veilig-thuis.yaml"].replace(
        "phone: 0800-2000", f"phone: {veilig_thuis_phone}"
    )
    files["mkdocs.yml"] = WAYFIND_MKDOCS_YML
    files["docs/index.md"] = "---\naudience: [ouder, jongere]\n---\n\n# Start\n\nWelkom.\n"
    files["docs/professionals.md"] = "# Voor professionals\n\nVoor het werk.\n"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not (root / "overrides").exists():
        shutil.copytree(ROOT / "docs/overrides", root / "overrides")


def build(root: Path) -> Path:
    result = run_cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def help_blocks(site: Path) -> dict[str, BeautifulSoup]:
    """Page URL → its Direct hulp block, for every page that has one."""
    found = {}
    for page in sorted(site.rglob("index.html")):
        block = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("aside.rw-help")
        if block is not None:
            folder = page.parent.relative_to(site).as_posix()
            found["/" if folder == "." else f"/{folder}/"] = block
    return found


def test_changing_a_contacts_number_changes_every_help_block(tmp_path: Path):
    write_project(tmp_path, veilig_thuis_phone="0800-2000")
    before = help_blocks(build(tmp_path))
    # Every page for parents or young people, generated or hand-written, and no other.
    assert set(before) == {
        "/",
        "/begrip/ots/",
        "/contact/112/",
        "/contact/",
        "/contact/jeugdstem/",
        "/contact/veilig-thuis/",
        "/regio/gemeenten/",
        "/regio/groningen/",
        "/voor/jongeren/",
        "/voor/ouders/",
        "/wet/jeugdwet/",
    }
    for url, block in before.items():
        tels = {a["href"]: a.get_text(strip=True) for a in block.select("a.rw-help__tel")}
        assert tels == {"tel:112": "112", "tel:08002000": "0800-2000"}, url
        # A contact without a known number is there by name, linked to its page.
        assert block.find("a", string="Jeugdstem") is not None, url

    write_project(tmp_path, veilig_thuis_phone="0800-1234")
    after = help_blocks(build(tmp_path))
    assert set(after) == set(before)
    for url, block in after.items():
        assert "0800-1234" in block.get_text(), url
        assert "0800-2000" not in block.get_text(), url
        assert block.select_one('a[href="tel:08001234"]') is not None, url


def test_quick_exit_on_young_peoples_pages_and_sensitive_subjects(tmp_path: Path):
    write_project(tmp_path, veilig_thuis_phone="0800-2000")
    site = build(tmp_path)

    def exit_link(url: str) -> str | None:
        page = BeautifulSoup((site / url.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
        link = page.select_one("a[data-rw-exit]")
        return link["href"] if link else None

    assert exit_link("/contact/veilig-thuis/") == EXIT_URL  # for young people
    assert exit_link("/voor/jongeren/") == EXIT_URL
    assert exit_link("/") == EXIT_URL  # hand-written, audience in the front matter
    assert exit_link("/les/plaatsing/") == EXIT_URL  # for professionals, but about a placement
    assert exit_link("/begrip/uithuisplaatsing/") == EXIT_URL  # the subject itself
    assert exit_link("/wet/jeugdwet/") is None  # parents and professionals, no such subject
    assert exit_link("/netwerk/ben-noord/") is None
    assert exit_link("/professionals/") is None
    page = (site / "contact/veilig-thuis/index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/javascripts/rw-exit.js"' in page


def test_help_lines_follow_the_records_and_skip_missing_ones(scratch):
    root = scratch(data_only=True)
    catalog = load_catalog(root / "data", root)
    lines = help_lines(catalog)
    # The tiny data has only Veilig Thuis of the help lines.
    assert [line["id"] for line in lines] == ["veilig-thuis"]
    assert lines[0] | {"label": ""} == {
        "id": "veilig-thuis",
        "label": "",
        "name": "Veilig Thuis",
        "phone": "0800-2000",
        "tel": "08002000",
        "page": "contact/veilig-thuis/",
        "in_dutch": "",
    }
    assert {id_ for id_, _label in HELP_LINES} >= {"112", "113-zelfmoordpreventie", "kindertelefoon", "veilig-thuis"}


def test_english_help_lines_link_english_pages_where_they_exist():
    """English pages carry the same block in English: same numbers, English labels, and the English
    contact page where the record has a translation (else the Dutch page, marked as Dutch)."""
    catalog = load_catalog(ROOT / "data", ROOT)
    dutch = {line["id"]: line for line in help_lines(catalog)}
    english = {line["id"]: line for line in help_lines(catalog, english=True)}
    assert set(english) == set(dutch)
    for id_, line in english.items():
        record = catalog.get("contact", id_)
        assert record is not None
        assert line["phone"] == dutch[id_]["phone"] and line["label"] == HELP_LABELS_EN[id_]
        translated = record.record.en is not None  # type: ignore[attr-defined]
        assert line["page"] == (f"en/contact/{id_}/" if translated else f"contact/{id_}/"), id_
        assert bool(line["in_dutch"]) is not translated, id_


def test_the_real_help_lines_exist_with_their_numbers():
    catalog = load_catalog(ROOT / "data", ROOT)
    lines = {line["id"]: line for line in help_lines(catalog)}
    assert set(lines) == {id_ for id_, _label in HELP_LINES}, "a help line's contact record is missing"
    for id_, line in lines.items():
        record = catalog.get("contact", id_)
        assert record is not None
        phone = record.record.phone  # type: ignore[attr-defined]
        assert line["phone"] == (phone if isinstance(phone, str) else ""), id_


def test_marks_of_records_and_written_pages(scratch):
    root = scratch(data_only=True)
    catalog = load_catalog(root / "data", root)
    veilig_thuis = catalog.get("contact", "veilig-thuis")
    network = catalog.get("netwerk", "ben-noord")
    assert veilig_thuis is not None and network is not None
    assert entry_marks(veilig_thuis) == Marks(help=True, exit=True)
    assert entry_marks(network) == Marks()
    marks = page_marks(catalog, SiteRenderer(catalog).pages())
    assert marks["voor/jongeren.md"] == Marks(help=True, exit=True)
    assert "netwerk/ben-noord.md" not in marks
    assert written_marks({"audience": ["ouder"]}) == Marks(help=True)
    assert written_marks({"audience": ["professional"], "snel_weg": True}) == Marks(exit=True)
    assert written_marks({}) == Marks()


def test_youth_questions_answer_with_records_only(scratch):
    root = scratch(data_only=True)
    catalog = load_catalog(root / "data", root)
    lines = youth_questions(catalog, "voor/jongeren.md")
    # Only Veilig Thuis exists in the tiny data: one question, one answer with its summary.
    assert lines == [
        "## Wat wil je weten?",
        "",
        "### Is het thuis niet veilig?",
        "",
        "- [Veilig Thuis](../contact/veilig-thuis.md): Advies bij geweld thuis.",
        "",
    ]


def test_municipalities_list_names_old_names_and_regions(scratch):
    root = scratch(data_only=True)
    catalog = load_catalog(root / "data", root)
    rows = json.loads(municipalities_json(catalog))
    assert rows == [
        ["Groningen", "", "Groningen", "regio/groningen/"],
        ["Haren", "nu Groningen", "Groningen", "regio/groningen/"],
        ["Het Hogeland", "", "Groningen", "regio/groningen/"],
        ["Ten Boer", "nu Groningen", "Groningen", "regio/groningen/"],
    ]
