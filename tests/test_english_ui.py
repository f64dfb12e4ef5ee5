"""English pages speak English in the theme too: Material's labels (search box, drawer, footer,
"Back to top"), the phone menu's list of pages, the footer line and "Is something wrong?"; Dutch
pages keep Dutch ones. Checked on the real built site (`real_site`, built with a GitHub repo_url,
so the report link and edit buttons are there).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import material
import pytest
from bs4 import BeautifulSoup

LANGUAGES = Path(material.__file__).parent / "templates/partials/languages"


def labels(language: str) -> dict[str, str]:
    """Material's strings for one language, from its partials/languages/<language>.html."""
    text = (LANGUAGES / f"{language}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([^"]+)": "([^"]*)",?$', text, flags=re.MULTILINE))


DUTCH = labels("nl")
ENGLISH = labels("en")
DUTCH_ONLY = {v for k, v in DUTCH.items() if v != ENGLISH.get(k) and len(v) > 3}


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def chrome_strings(html: BeautifulSoup) -> set[str]:
    """Every text and label of the page outside its content: header, drawer, search, footer."""
    for article in html.select("article"):
        article.decompose()
    found = {" ".join(s.split()) for s in html.body.stripped_strings} if html.body else set()
    for element in html.find_all(True):
        for name in ("aria-label", "placeholder", "title", "alt"):
            value = element.get(name)
            if isinstance(value, str):
                found.add(" ".join(value.split()))
    return found


def english_pages(site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(site)) for p in (site / "en").rglob("index.html"))


def test_material_labels_are_read_from_both_languages():
    # The comparison below only means something when the label lists were found.
    assert DUTCH["search.placeholder"] == "Zoeken" and ENGLISH["search.placeholder"] == "Search"
    assert {"Vorige", "Volgende", "Terug naar boven", "Inhoudsopgave", "Navigatie"} <= DUTCH_ONLY


def test_english_pages_carry_english_theme_labels(real_site: Path):
    pages = english_pages(real_site)
    assert len(pages) > 20
    for path in pages:
        html = soup(real_site, path)
        assert html.html is not None and html.html["lang"] == "en", path
        translations = json.loads(html.select_one("#__config").get_text())["translations"]
        assert translations["search.result.placeholder"] == ENGLISH["search.result.placeholder"], path
        assert html.select_one("input.md-search__input")["placeholder"] == "Search", path
        assert html.select_one(".md-copyright__highlight").get_text(strip=True) == (
            "Routewijzer — content with sources, checked by editors."
        )
        dutch = chrome_strings(html) & DUTCH_ONLY
        assert not dutch, f"{path}: Dutch theme labels {sorted(dutch)}"


def test_dutch_pages_keep_dutch_theme_labels(real_site: Path):
    html = soup(real_site, "ouders")
    assert html.html is not None and html.html["lang"] == "nl"
    assert html.select_one("input.md-search__input")["placeholder"] == "Zoeken"
    directions = [d.get_text(strip=True) for d in html.select(".md-footer__direction")]
    assert directions == ["Vorige", "Volgende"]
    assert html.select_one(".md-top").get_text(strip=True) == "Terug naar boven"
    assert "inhoud met bronnen" in html.select_one(".md-copyright__highlight").get_text()
    drawer = [a.get_text(strip=True) for a in html.select("nav.md-nav--primary > ul > li > a")]
    assert drawer[0] == "Beginpagina"
    assert html.select_one("div.rw-report a").get_text() == "Klopt er iets niet?"


@pytest.mark.parametrize("path", ["en/parents", "en/begrip/gezinsvoogd"])
def test_english_phone_menu_lists_the_english_pages_under_their_own_titles(real_site: Path, path: str):
    html = soup(real_site, path)
    assert html.select_one(".md-top").get_text(strip=True) == "Back to top"
    links = html.select("nav.md-nav--primary > ul > li > a")
    assert len(links) >= 8
    *english, dutch = links
    for link in english:
        target = (real_site / path / link["href"]).resolve()
        assert target.relative_to(real_site.resolve()).parts[0] == "en", link["href"]
        title = BeautifulSoup((target / "index.html").read_text(encoding="utf-8"), "html.parser").title
        assert title is not None and title.get_text() == f"{link.get_text(strip=True)} - Routewijzer"
    assert (real_site / path / dutch["href"]).resolve() == real_site.resolve()
    assert dutch["hreflang"] == "nl" and dutch.get_text(strip=True) == "Routewijzer in het Nederlands"
    active = html.select("nav.md-nav--primary a.md-nav__link--active")
    if path == "en/parents":
        assert [a.get_text(strip=True) for a in active] == ["For parents"]
        assert active[0]["aria-current"] == "page"


def test_english_report_link_is_english_and_files_under_the_editors_subject(real_site: Path):
    link = soup(real_site, "en/parents").select_one("div.rw-report a")
    assert link is not None and link.get_text() == "Is something wrong?"
    assert "Report it on GitHub." in link.parent.get_text()
    query = parse_qs(urlsplit(link["href"]).query)
    assert query["title"] == ["Klopt er iets niet? For parents"]
    assert query["body"][0].startswith("Page: For parents\nAddress: ")
    assert "What is wrong?" in query["body"][0]
