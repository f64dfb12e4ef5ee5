"""Build tiny and real sites and look at the HTML a visitor gets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.engine.mkdocs.plugin import RoutewijzerConfig
from tests.conftest import MINI_DATA, REGION_PATH, run_cli, tree_digest


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_plugin_default_config_validates():
    config = RoutewijzerConfig()
    assert config.load_dict({}) is None
    assert config.validate() == ([], [])
    assert config.data_dir == "data"


def test_tiny_site_pages(scratch):
    root = scratch()
    result = run_cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (root / "docs/regio").exists(), "generated pages must never be written into docs/"

    region = soup(site / "regio/groningen/index.html")
    assert region.h1.get_text(strip=True) == "Groningen"
    content = region.select_one("article").get_text(" ", strip=True)
    assert "De jeugdregio Groningen." in content
    assert "Groningen (vroeger ook: Haren, Ten Boer)" in content
    assert "Neem contact op met het regionaal expertteam: ret@example.nl" in content
    assert "Website RET onbekend: Niet gevonden in een bron." in content  # for editors, collapsed
    assert "Gecontroleerd op 15 januari 2026 aan de hand van 1 bron." in content
    mail = region.select_one('a[href="mailto:ret@example.nl"]')
    assert mail is not None
    network_link = region.find("a", string="Expertisenetwerk Noord")
    assert network_link["href"] == "../../netwerk/ben-noord/"
    edit = region.select_one("a.md-content__button[href]")
    assert edit["href"] == "https://github.com/example/routewijzer/edit/main/data/regio/groningen.yaml"

    network = soup(site / "netwerk/ben-noord/index.html")
    assert network.find("a", string="Groningen")["href"] == "../../regio/groningen/"

    law = soup(site / "wet/jeugdwet/index.html").select_one("article").get_text(" ", strip=True)
    assert "Geldt sinds 1 januari 2015" in law
    assert "Ondertoezichtstelling" in law

    theme = soup(site / "thema/wetten/index.html").select_one("article")
    # records that point at a theme are listed on the theme page
    assert theme.find("a", string="Jeugdwet") is not None
    assert theme.find("a", string="Een gids") is not None

    index = soup(site / "regio/index.html")
    assert [a.get_text() for a in index.select("article table a")] == ["Groningen"]

    home = soup(site / "index.html")
    assert home.select_one("html")["lang"] == "nl"


def test_no_request_to_third_party_hosts(scratch):
    root = scratch()
    assert run_cli("build", cwd=root).returncode == 0
    for page in (root / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # links a visitor clicks are fine; resources the browser loads by itself are not
        for tag in BeautifulSoup(html, "html.parser").find_all(["script", "link", "img", "iframe"]):
            loads = tag.name != "link" or not {"canonical", "alternate"} & set(tag.get("rel", []))
            url = tag.get("src") or (tag.get("href") if tag.name == "link" and loads else None)
            assert not url or not re.match(r"^(https?:)?//", url), f"{page}: {tag}"
        assert "fonts.googleapis" not in html


def test_broken_data_fails_and_keeps_previous_site(scratch):
    root = scratch()
    assert run_cli("build", cwd=root).returncode == 0
    before = tree_digest(root / "site")
    (root / REGION_PATH).write_text(MINI_DATA[REGION_PATH].replace("network: ben-noord", "network: ben-nord"))
    result = run_cli("build", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert (
        "data/regio/groningen.yaml:19: network: verwijst naar 'netwerk/ben-nord', maar "
        "data/netwerk/ben-nord.yaml bestaat niet; bedoel je 'ben-noord'?"
    ) in result.stderr
    assert "De vorige versie in site/ is niet aangeraakt." in result.stderr
    assert tree_digest(root / "site") == before
    assert not list(root.glob(".site.*")), "no half-written build may be left behind"


def test_broken_internal_link_fails_the_strict_build(scratch):
    root = scratch({"docs/index.md": "# Start\n\n[weg](regio/bestaat-niet.md) en [anker](thema/index.md#nergens)\n"})
    result = run_cli("build", cwd=root)
    assert result.returncode == 1
    assert "regio/bestaat-niet.md" in result.stderr
    assert "#nergens" in result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize("command", ["validate", "check"])
def test_cli_reports_every_problem_without_traceback(scratch, command):
    root = scratch(
        {
            "data/les/volgen.yaml": "title: [\n",
            REGION_PATH: MINI_DATA[REGION_PATH].replace("cbs_code: JZ01", "cbs_code: JZ1"),
        }
    )
    result = run_cli(command, cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "2 fouten in de data gevonden; de site is niet gebouwd."
    assert lines[0].startswith("data/les/volgen.yaml:")
    assert lines[1].startswith("data/regio/groningen.yaml:4: cbs_code: 'JZ1' heeft niet de goede vorm")


def test_check_is_silent_when_all_is_well(scratch):
    root = scratch()
    result = run_cli("check", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ""


def test_real_data_builds_strict(real_site):
    regions = [p for p in (real_site / "regio").iterdir() if p.is_dir() and p.name != "gemeenten"]
    assert len(regions) == 42
    assert len([p for p in (real_site / "netwerk").iterdir() if p.is_dir()]) == 8
    assert len([p for p in (real_site / "thema").iterdir() if p.is_dir()]) == 6
    assert {p.name for p in (real_site / "wet").iterdir() if p.is_dir()} >= {
        "jeugdwet",
        "wvggz",
        "wzd",
        "wlz",
        "wmo-2015",
    }
    for page in real_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html


def test_real_region_pages_show_ret_network_and_municipalities(real_site):
    index_rows = soup(real_site / "regio/index.html").select("article table tbody tr")
    assert len(index_rows) == 42
    for page in (real_site / "regio").glob("*/index.html"):
        if page.parent.name == "gemeenten":
            continue
        article = soup(page).select_one("article")
        headings = [h.get_text(strip=True) for h in article.find_all("h2")]
        assert "Regionaal expertteam (RET)" in headings, page
        assert any(h.startswith("Gemeenten (") for h in headings), page
        assert article.select('a[href^="../../netwerk/"]'), f"{page} links to no network"


def test_a_to_z_lists_every_municipality_with_its_region(real_site):
    from generator.load import load_catalog
    from tests.conftest import ROOT

    catalog = load_catalog(ROOT / "data", ROOT)
    page = soup(real_site / "regio/gemeenten/index.html")
    links = {li.get_text(" ", strip=True).split(":")[0]: li.a["href"] for li in page.select("#rw-az li")}
    expected = {}
    for entry in catalog.of_kind("regio"):
        for m in entry.record.municipalities:
            expected[m.name] = f"../{entry.id}/"
            for old in m.former_names:
                expected[f"{old} (nu {m.name})"] = f"../{entry.id}/"
            for other in m.other_names:
                expected[f"{other} (officieel {m.name})"] = f"../{entry.id}/"
    assert len(expected) >= 342
    assert links == expected


def test_hand_written_pages_give_the_search_their_keywords(scratch):
    root = scratch({"docs/hulp.md": "---\nkeywords:\n  - waar begin ik\n  - eerste stap\n---\n\n# Hulp\n\nTekst.\n"})
    assert run_cli("build", cwd=root).returncode == 0
    data = json.loads((root / "site/assets/javascripts/workers/rw-search.json").read_text(encoding="utf-8"))
    assert data["pages"]["hulp/"] == {"boost": 1.0, "keywords": ["waar begin ik", "eerste stap"]}
    assert "waar begin ik" not in (root / "site/hulp/index.html").read_text(encoding="utf-8")


def test_malformed_front_matter_keywords_fail_with_the_file_name(scratch):
    root = scratch({"docs/hulp.md": "---\nkeywords: waar begin ik\n---\n\n# Hulp\n"})
    result = run_cli("build", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "docs/hulp.md:2: keywords: moet een lijst van woorden of korte zinnetjes zijn" in result.stderr
