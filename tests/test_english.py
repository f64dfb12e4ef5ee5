"""English translations (`en:`): validated like the Dutch with file and line, rendered under /en/ with
lang="en", a language switch and hreflang that keep the topic, links to untranslated pages marked
"(in Dutch)", numbers from the records, and missing or outdated translations on the coverage page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.checks.readability import count_syllables_en, flesch_english, score_text
from generator.load import load_catalog
from generator.problems import DataError
from generator.render.site import SiteRenderer
from generator.validate import translation_status
from tests.conftest import MINI_DATA, ROOT, run_cli

OTS = MINI_DATA["data/begrip/ots.yaml"]
VEILIG_THUIS = MINI_DATA["data/contact/veilig-thuis.yaml"]

OTS_EN = """\
en:
  reviewed: 2026-01-15
  title: Family supervision order (OTS)
  summary: A measure of the children's judge.
  definition: The judge decides that a worker helps the family.
  synonyms: [supervision order]
  keywords: [my child is under supervision]
"""

VEILIG_THUIS_EN = """\
en:
  reviewed: 2026-01-15
  title: Veilig Thuis (domestic violence helpline)
  summary: Advice about violence at home.
  helps_with: [Worries about violence at home.]
"""

ROUTE = """\
title: Wat past?
audience: [ouder]
summary: Een paar vragen.
start: vraag
nodes:
  vraag:
    question:
      text: Is er gevaar?
      answers:
        - text: Ja
          next: bel
        - text: Nee
          next: wet
  bel:
    outcome:
      title: Bel Veilig Thuis
      summary: Bel Veilig Thuis.
      decides: De kinderrechter.
      next_steps: [Bel Veilig Thuis.]
      ask: [contact/veilig-thuis]
      sources:
        - title: Bron
          url: https://www.example.nl/bron
  wet:
    outcome:
      title: Lees de wet
      summary: De Jeugdwet.
      laws: [wet/jeugdwet]
      decides: De gemeente.
      next_steps: [Lees de wet.]
      ask: [contact/veilig-thuis]
      sources:
        - title: Bron
          url: https://www.example.nl/bron
sources:
  - title: Bron
    url: https://www.example.nl/bron
en:
  reviewed: 2026-01-15
  title: What fits?
  summary: A few questions.
  nodes:
    vraag:
      question:
        text: Is there danger?
        answers:
          - text: "Yes"
          - text: "No"
    bel:
      outcome:
        title: Call Veilig Thuis
        summary: Call Veilig Thuis.
        decides: The children's judge.
        next_steps: [Call Veilig Thuis.]
"""


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_catalog(root / "data", root)
    return [str(p) for p in info.value.problems]


def test_translations_load(scratch):
    root = scratch(
        {
            "data/begrip/ots.yaml": OTS + OTS_EN,
            "data/contact/veilig-thuis.yaml": VEILIG_THUIS + VEILIG_THUIS_EN,
            "data/route/wat-past.yaml": ROUTE,
        },
        data_only=True,
    )
    catalog = load_catalog(root / "data", root)
    term = catalog.get("begrip", "ots")
    assert term is not None and term.record.en is not None  # type: ignore[attr-defined]
    assert term.record.en.title == "Family supervision order (OTS)"  # type: ignore[attr-defined]
    assert term.line("en", "definition") == 17


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"data/begrip/ots.yaml": OTS + OTS_EN.replace("  reviewed: 2026-01-15\n", "")},
            ["data/begrip/ots.yaml:13: en.reviewed: dit verplichte veld ontbreekt"],
            id="translation-without-review-date",
        ),
        pytest.param(
            {"data/begrip/ots.yaml": OTS + OTS_EN.replace("  definition:", "  defintion:")},
            [
                "data/begrip/ots.yaml:13: en.definition: dit verplichte veld ontbreekt",
                "data/begrip/ots.yaml:17: en.defintion: onbekend veld 'defintion'; bedoel je 'definition'?",
            ],
            id="misspelt-field",
        ),
        pytest.param(
            {
                "data/contact/veilig-thuis.yaml": VEILIG_THUIS
                + VEILIG_THUIS_EN.replace("Advice about violence at home.", "Call 0800 2000 for advice.")
            },
            [
                "data/contact/veilig-thuis.yaml:14: en.summary: het telefoonnummer 0800-2000 staat in de Engelse "
                "tekst; typ het niet over: de Engelse pagina toont het nummer uit het contactrecord. Noem het "
                "contact bij zijn naam"
            ],
            id="retyped-phone-number",
        ),
        pytest.param(
            {"data/route/wat-past.yaml": ROUTE.replace('          - text: "No"\n', "")},
            [
                "data/route/wat-past.yaml:46: en.nodes.vraag.question.answers: 1 Engelse antwoorden, maar 2 "
                "Nederlandse; vertaal elk antwoord, in dezelfde volgorde"
            ],
            id="answers-missing",
        ),
        pytest.param(
            {"data/route/wat-past.yaml": ROUTE.replace("    bel:\n      outcome:", "    bell:\n      outcome:")},
            [
                "data/route/wat-past.yaml:49: en.nodes.bell: de route heeft geen stap 'bell'; vertaal alleen "
                "stappen die onder 'nodes' staan"
            ],
            id="unknown-step",
        ),
        pytest.param(
            {
                "data/route/wat-past.yaml": ROUTE.replace(
                    "    bel:\n      outcome:\n        title: Call Veilig Thuis",
                    "    wet:\n      question:\n        text: Which law?\n        answers: [{text: This one}]\n"
                    "    bel:\n      outcome:\n        title: Call Veilig Thuis",
                )
            },
            [
                "data/route/wat-past.yaml:49: en.nodes.wet: in het Nederlands is deze stap een uitkomst ('outcome:'); "
                "vertaal hem zo"
            ],
            id="question-for-an-outcome",
        ),
        pytest.param(
            {"data/route/wat-past.yaml": ROUTE.replace("    vraag:\n      question:", "    begin:\n      question:")},
            [
                "data/route/wat-past.yaml:42: en.nodes: de eerste vraag 'vraag' heeft geen vertaling; zonder die "
                "vraag is er geen Engelse route",
                "data/route/wat-past.yaml:43: en.nodes.begin: de route heeft geen stap 'begin'; vertaal alleen "
                "stappen die onder 'nodes' staan",
            ],
            id="first-question-untranslated",
        ),
        pytest.param(
            {"data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"] + OTS_EN},
            [
                "data/les/volgen.yaml:12: en: dit soort record heeft geen Engelse vertaling; alleen begrippen, contacten en routes kunnen 'en:' hebben"
            ],
            id="kind-without-translations",
        ),
    ],
)
def test_translation_errors(scratch, files, expected):
    root = scratch({"data/route/wat-past.yaml": ROUTE, **files}, data_only=True)
    assert problems(root) == expected


def test_outdated_translation_is_listed_on_the_coverage_page(scratch):
    newer_dutch = OTS.replace("reviewed: 2026-01-15", "reviewed: 2026-02-01").replace(
        "consulted: 2026-01-15", "consulted: 2026-02-01"
    )
    root = scratch(
        {"data/begrip/ots.yaml": newer_dutch + OTS_EN, "data/contact/veilig-thuis.yaml": VEILIG_THUIS},
        data_only=True,
    )
    catalog = load_catalog(root / "data", root)
    ots, vt = catalog.get("begrip", "ots"), catalog.get("contact", "veilig-thuis")
    assert ots is not None and vt is not None
    assert translation_status(ots)[0] == "outdated"
    assert translation_status(vt) == ("missing", None)
    coverage = next(p for p in SiteRenderer(catalog).pages() if p.path == "redactie/index.md").markdown
    missing = coverage.split("### Nog niet vertaald")[1].split("###")[0]
    outdated = coverage.split("### Vertaling verouderd")[1].split("###")[0]
    assert "veilig-thuis.yaml" in missing and "ots.yaml" not in missing
    assert "`data/begrip/ots.yaml:14`" in outdated
    assert "15 januari 2026 | 1 februari 2026" in outdated


def test_current_translation_is_not_outdated(scratch):
    root = scratch({"data/begrip/ots.yaml": OTS + OTS_EN}, data_only=True)
    entry = load_catalog(root / "data", root).get("begrip", "ots")
    assert entry is not None and translation_status(entry) == ("current", None)


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import MKDOCS_YML, write_files

    root = tmp_path_factory.mktemp("english")
    files = dict(MINI_DATA)
    files["data/begrip/ots.yaml"] = OTS + OTS_EN
    files["data/contact/veilig-thuis.yaml"] = VEILIG_THUIS + VEILIG_THUIS_EN
    files["data/route/wat-past.yaml"] = ROUTE
    # The site's own theme overrides: <html lang>, the language switch and hreflang live there.
    shutil.copytree(ROOT / "docs/overrides", root / "overrides")
    files["mkdocs.yml"] = MKDOCS_YML.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    files["docs/index.md"] = "# Start\n\nWelkom.\n"
    files["docs/en/index.md"] = "---\nlang: en\ntranslation_of: index.md\n---\n\n# Start in English\n\nWelcome.\n"
    write_files(root, files)
    result = run_cli("build", "--site-dir", "site", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_english_pages_say_they_are_english(english_site):
    assert soup(english_site, "en/begrip/ots")("html")[0]["lang"] == "en"
    assert soup(english_site, "begrip/ots")("html")[0]["lang"] == "nl"
    # Material's own strings follow the page's language: the skip link and the search box.
    english, dutch = soup(english_site, "en/begrip/ots"), soup(english_site, "begrip/ots")
    assert english.select_one("a.md-skip").get_text(strip=True) == "Skip to content"
    assert dutch.select_one("a.md-skip").get_text(strip=True) == "Ga naar inhoud"
    assert english.select_one("input.md-search__input")["placeholder"] == "Search"


@pytest.mark.parametrize(
    ("page", "other"),
    [
        ("begrip/ots", "en/begrip/ots"),
        ("contact/veilig-thuis", "en/contact/veilig-thuis"),
        ("route/wat-past", "en/route/wat-past"),
        ("route/wat-past/bel", "en/route/wat-past/bel"),
        ("", "en"),
    ],
)
def test_language_switch_and_hreflang_keep_the_topic(english_site, page, other):
    for here, there, lang in ((page, other, "en"), (other, page, "nl")):
        html = soup(english_site, here)
        switch = html.select_one("nav.rw-language a")
        assert switch is not None, here
        assert switch["hreflang"] == lang and switch["lang"] == lang
        target = (english_site / here / switch["href"]).resolve()
        assert target == (english_site / there).resolve(), (here, switch["href"])
        links = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
        assert links == {
            "nl": f"http://127.0.0.1/{page}/".replace("//", "/").replace("http:/", "http://"),
            "en": f"http://127.0.0.1/{other}/",
        }


def test_untranslated_pages_have_no_switch(english_site):
    assert soup(english_site, "route/wat-past/wet").select_one("nav.rw-language") is None
    assert not (english_site / "en/route/wat-past/wet").exists()
    assert not (english_site / "en/wet/jeugdwet").exists()


def test_links_to_untranslated_pages_say_in_dutch(english_site):
    html = soup(english_site, "en/route/wat-past")
    answers = {a.get_text(strip=True): a for a in html.select("article li a")}
    assert answers["Yes"]["href"] == "bel/"
    no = answers["No"]
    assert (english_site / "en/route/wat-past" / no["href"]).resolve() == (
        english_site / "route/wat-past/wet"
    ).resolve()
    assert "(next step in Dutch)" in no.parent.get_text()
    related = soup(english_site, "en/begrip/ots").select_one("article")
    assert related is not None
    jeugdwet = next(a for a in related.select("a") if a.get_text(strip=True) == "Jeugdwet")
    assert jeugdwet.select_one('span[lang="nl"]') is not None
    assert "(in Dutch)" in jeugdwet.parent.get_text()


def test_numbers_come_from_the_contact_record(english_site):
    html = soup(english_site, "en/contact/veilig-thuis")
    # The page's own number (the Help now block above the page carries it too, from the same record).
    own = [a["href"] for a in html.select('article a[href^="tel:"]') if not a.find_parent(class_="rw-help")]
    assert own == ["tel:08002000"]
    outcome = soup(english_site, "en/route/wat-past/bel")
    assert 'href="tel:08002000"' in str(outcome.select_one("article"))


def test_dutch_word_stays_beside_the_english(english_site):
    article = soup(english_site, "en/begrip/ots").select_one("article")
    assert article is not None
    dutch = [span.get_text() for span in article.select('span[lang="nl"]')]
    assert "Ondertoezichtstelling (OTS)" in dutch
    # The abbreviation explains itself in English on an English page.
    assert "Family supervision order (OTS): The judge decides" in article.select_one("abbr")["title"]


def test_english_readability_formula():
    # Flesch (1948): 206.835 - 1.015 * words per sentence - 84.6 * syllables per word.
    assert flesch_english(10, 1, 10) == pytest.approx(206.835 - 10.15 - 84.6)
    assert [count_syllables_en(w) for w in ("care", "home", "people", "family", "judge", "youth")] == [1, 1, 2, 3, 1, 1]
    plain = score_text("The judge decides. You can ask for help. Call us at any time.", "en")
    hard = score_text("Municipalities administer institutional responsibilities collaboratively.", "en")
    assert plain.score >= 60 > hard.score


def test_hand_written_english_pages_retype_no_phone_number():
    """Numbers come from the contact records; 112 and 113 are also the services' names."""
    numbers = set()
    for path in (ROOT / "data/contact").glob("*.yaml"):
        match = re.search(r"^phone: '?([0-9-]+)", path.read_text(encoding="utf-8"), re.M)
        if match and len(re.sub(r"\D", "", match.group(1))) >= 4:
            numbers.add(re.sub(r"\D", "", match.group(1)))
    assert numbers, "the contact records have phone numbers"
    for page in (ROOT / "docs/en").rglob("*.md"):
        runs = {re.sub(r"\D", "", run) for run in re.findall(r"\d[\d\s-]{2,}\d", page.read_text(encoding="utf-8"))}
        assert not runs & numbers, page


def test_hostile_translation_stays_text(scratch):
    """English text is untrusted like the Dutch: HTML is refused with the same Dutch message, and
    Markdown-looking text stays text (escaped in the Markdown, the title escaped in the front matter)."""
    with_html = OTS_EN.replace("title: Family supervision order (OTS)", "title: '<script>alert(1)</script> OTS'")
    root = scratch({"data/begrip/ots.yaml": OTS + with_html}, data_only=True)
    assert problems(root) == [
        "data/begrip/ots.yaml:15: en.title: HTML-code is hier niet toegestaan; schrijf gewone tekst"
    ]

    hostile = OTS_EN.replace("title: Family supervision order (OTS)", "title: 'Tom & Jerry \\\" *x*'").replace(
        "summary: A measure of the children's judge.", "summary: '[klik](javascript:alert(1)) {: onclick=alert(1) }'"
    )
    root = scratch({"data/begrip/ots.yaml": OTS + hostile}, data_only=True)
    catalog = load_catalog(root / "data", root)
    page = next(p for p in SiteRenderer(catalog).pages() if p.path == "en/begrip/ots.md")
    _, front, body = page.markdown.split("---\n", 2)
    assert not re.search(r"(?<!\\)\]\(javascript:", body)  # the brackets are escaped: no link
    assert "\\[klik\\]" in body and "\\{: onclick" in body
    assert "# Tom &amp; Jerry" in body and "\\*x\\*" in body
    # The front matter holds title and description as plain text (YAML strings); the plugin
    # HTML-escapes both for the theme (tests/test_seo.py: a title with quotes and &).
    meta = yaml.safe_load(front)
    assert meta["title"] == 'Tom & Jerry \\" *x*' and meta["description"].startswith("[klik](javascript:")
