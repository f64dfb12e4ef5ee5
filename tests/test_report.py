"""Readers report a mistake ("Klopt er iets niet?") and the "Over" page says who publishes the site, from settings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import MINI_DATA, ROOT

SITE_YML = """\
site_name: Test
site_url: http://127.0.0.1/
repo_url: {repo}
edit_uri: edit/main/docs/
theme:
  name: material
  custom_dir: docs/overrides
  language: nl
  font: false
{extra}
plugins:
  - search:
      lang: nl
  - routewijzer
markdown_extensions: [abbr, attr_list, def_list, md_in_html, tables, toc]
nav:
  - Start: index.md
  - Over: over.md
"""


def build(scratch, *, repo: str, extra: str) -> Path:
    contact = MINI_DATA["data/contact/veilig-thuis.yaml"].replace("title: Veilig Thuis", "title: 'Veilig & \"Thuis\"'")
    root = scratch(
        {
            "mkdocs.yml": SITE_YML.format(repo=repo, extra=extra),
            "docs/over.md": (ROOT / "docs/over.md").read_text(encoding="utf-8"),
            "data/contact/veilig-thuis.yaml": contact,
        }
    )
    shutil.copytree(ROOT / "docs/overrides", root / "docs/overrides")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROUTEWIJZER_")}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "-q", "--no-strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


def report_link(page: Path):
    found = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("div.rw-report a")
    return found[0] if found else None


def publisher(site: Path) -> str:
    html = BeautifulSoup((site / "over/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = html.find(id="wie-publiceert-deze-site")
    assert heading is not None
    return heading.find_next("p").get_text(" ", strip=True)


@pytest.mark.slow
def test_email_to_the_editors_with_the_page_filled_in(scratch):
    extra = "extra:\n  report_email: redactie@example.nl\n  publisher: Stichting Voorbeeld"
    site = build(scratch, repo="https://github.com/example/routewijzer", extra=extra)
    link = report_link(site / "contact/veilig-thuis/index.html")
    assert link is not None and link.get_text() == "Klopt er iets niet?"
    url = urlsplit(link["href"])
    assert (url.scheme, url.path) == ("mailto", "redactie@example.nl")
    query = parse_qs(url.query)
    # The title as the page's <title> has it; quotes and ampersands stay inside the encoded address.
    title = BeautifulSoup((site / "contact/veilig-thuis/index.html").read_text(), "html.parser").title.string
    assert query["subject"] == [f"Klopt er iets niet? {title.removesuffix(' - Test')}"]
    assert "Adres: http://127.0.0.1/contact/veilig-thuis/" in query["body"][0]
    assert f"Pagina: {title.removesuffix(' - Test')}\n" in query["body"][0]
    # Hand-written pages have the link too.
    assert report_link(site / "index.html") is not None
    assert publisher(site) == "Deze site wordt gepubliceerd door Stichting Voorbeeld."


@pytest.mark.slow
def test_without_an_address_a_prefilled_github_issue_and_an_honest_publisher_line(scratch):
    site = build(scratch, repo="https://github.com/example/routewijzer", extra="")
    link = report_link(site / "regio/groningen/index.html")
    assert link is not None
    url = urlsplit(link["href"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://github.com/example/routewijzer/issues/new"
    query = parse_qs(url.query)
    assert query["title"] == ["Klopt er iets niet? Groningen"]
    assert "Adres: http://127.0.0.1/regio/groningen/" in query["body"][0]
    assert publisher(site) == "Dat is nog niet ingesteld. Deze versie van de site noemt daarom geen uitgever."


@pytest.mark.slow
def test_no_link_without_an_address_or_a_github_repository(scratch):
    site = build(scratch, repo="https://gitlab.example.org/redactie/routewijzer", extra="")
    assert report_link(site / "regio/groningen/index.html") is None
    assert report_link(site / "index.html") is None


def test_mkdocs_yml_invents_no_address_or_publisher():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "report_email: !ENV [ROUTEWIJZER_REPORT_EMAIL, null]" in text
    assert "publisher: !ENV [ROUTEWIJZER_PUBLISHER, null]" in text
