"""Ranking principles of the search worker, on a small made-up index.

The worker (docs/assets/javascripts/workers/rw-search.js, with its modules in
docs/assets/javascripts/search/ and Material's lunr worker) runs in Node exactly as on the
site; only the pages are invented, so each test shows one principle without depending on
how the real content happens to be worded. The same principles on the modules alone, with
the data they rest on taken away: tests/search/js/rank.test.js.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.search.test_search import search

pytestmark = pytest.mark.usefixtures("node")  # skips, or fails under make test (conftest.py)


def _doc(location: str, title: str, text: str = "", boost: float = 1.0) -> dict[str, Any]:
    return {"location": location, "title": title, "text": text, "tags": [], "boost": boost}


def _page(slug: str, title: str, text: str, boost: float = 1.0) -> list[dict[str, Any]]:
    """A record page as MkDocs indexes it: the page itself, then its sections."""
    return [
        _doc(f"{slug}/", title, "", boost),
        _doc(f"{slug}/#{slug.rsplit('/', 1)[-1]}", title, f"<p>{text}</p>", boost),
        _doc(f"{slug}/#bronnen", "Bronnen", "<ul><li>Rapport over jeugdzorg en kinderen</li></ul>", boost),
    ]


FILLER = " ".join(f"woord{i}" for i in range(40))


@pytest.fixture(scope="module")
def toy_site(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site's scripts with an invented index and search data."""
    site = tmp_path_factory.mktemp("toy")
    shutil.copytree(real_site / "assets" / "javascripts", site / "assets" / "javascripts")
    docs = [
        *_page("begrip/jeugdzorg", "Jeugdzorg", f"Jeugdzorg is alle hulp aan kinderen. {FILLER}"),
        *_page(
            "begrip/uithuisplaatsing",
            "Uithuisplaatsing",
            f"Een kind gaat ergens anders wonen, soms tegen de wil van de ouders. Jeugdzorg zoekt een plek. {FILLER}",
        ),
        *_page(
            "begrip/drang-en-dwang",
            "Drang en dwang",
            f"Hulp in de jeugdzorg onder druk of op bevel van de rechter. {FILLER}",
        ),
        *_page(
            "les/samen-beslissen",
            "Samen beslissen",
            f"Wat gebeurt er meestal als ouders zelf het verschil maken? {FILLER}",
        ),
        *_page(
            "begrip/ouderverstoting",
            "Ouderverstoting",
            f"Een kind wijst een ouder af. Ook jeugdzorg ziet dat. {FILLER}",
        ),
        *_page("les/kinderen-centraal", "Kinderen centraal", f"Kijk eerst naar wat kinderen nodig hebben. {FILLER}"),
        *_page("les/zien-en-gezien-worden", "Zien en gezien worden", f"Professionals zien het gezin. {FILLER}"),
        *_page("les/ouders-aan-tafel", "Ouders aan tafel", f"Ouders praten mee over het plan. {FILLER}"),
        *_page("regio/rivierenland", "Rivierenland", f"Jeugdregio met onder meer de gemeente Buren. {FILLER}"),
        *_page("contact/veilig-thuis", "Veilig Thuis", f"Zorgen om geweld thuis of bij de buren? Bel ons. {FILLER}"),
        *_page(
            "begrip/ben",
            "Bovenregionaal expertisenetwerk",
            f"Een netwerk van experts voor heel moeilijke vragen. {FILLER}",
        ),
        *_page("begrip/hulpmoeheid", "Hulpverleningsmoeheid", f"Een gezin is op van alle hulpverleners. {FILLER}"),
        *_page("les/meer-hulp", "Meer hulp in huis", f"Hulp thuis helpt, hulp dichtbij helpt meer. {FILLER}"),
        *_page("regio/overzicht", "Jeugdregio's", f"Alle regio's op een rij. {FILLER}", boost=0.3),
    ]
    index = {
        "config": {
            "lang": ["nl"],
            "separator": "[\\s\\-]+",
            "pipeline": ["stopWordFilter"],
            "fields": {"title": {"boost": 1000}, "text": {"boost": 1}, "tags": {"boost": 1}},
        },
        "docs": docs,
    }
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    data = {
        "synonyms": {"ben": ["bovenregionaal", "expertisenetwerk"]},
        "places": {"buren": ["rivierenland"]},
        "abbreviations": ["ben"],
        "families": {"dochter": ["kind"], "vader": ["ouder"]},
        "common": ["gebeurt", "meestal", "verschil", "maken", "buren"],
        "pages": {
            "begrip/uithuisplaatsing/": {"boost": 1.2, "keywords": ["kinderen weghalen", "kind uit huis"]},
            "begrip/hulpmoeheid/": {"boost": 1.2, "keywords": ["ik wil geen hulp meer"]},
            "begrip/ouderverstoting/": {
                "boost": 1.2,
                "keywords": ["kind wil ouder niet meer zien", "kind tegen mij opgezet"],
            },
        },
    }
    (site / "assets" / "javascripts" / "workers" / "rw-search.json").write_text(json.dumps(data), encoding="utf-8")
    return site


def _top(site: Path, query: str) -> list[str]:
    (answer,) = search(site, [query])
    return list(answer["results"])


def test_the_whole_question_beats_one_common_word_in_a_title(toy_site: Path):
    # "jeugdzorg" is on many pages, "weghalen" on one. Lunr alone puts the page titled
    # "Jeugdzorg" first: a title match weighs a thousand times the text.
    assert _top(toy_site, "jeugdzorg wil mijn kinderen weghalen")[0] == "/begrip/uithuisplaatsing/"


def test_a_keyword_phrase_matches_in_other_words_order_and_inflection(toy_site: Path):
    # "dochter" is a kind, "vader" an ouder; "zien" and "wil" as typed. Without the everyday
    # word families, "Zien en gezien worden" (a query word in its title) would come first.
    assert _top(toy_site, "mijn dochter wil haar vader niet meer zien")[0] == "/begrip/ouderverstoting/"


def test_a_separable_verb_is_joined_again(toy_site: Path):
    # "zet ... op" is the verb "opzetten", participle "opgezet".
    # Without that, "Kinderen centraal" (a query word in its title) would come first.
    assert _top(toy_site, "mijn ex zet de kinderen tegen mij op")[0] == "/begrip/ouderverstoting/"


def test_everyday_question_words_do_not_outweigh_the_subject(toy_site: Path):
    # "gebeurt", "meestal" and "verschil" are rare on this site but common Dutch: without that
    # knowledge the page that happens to use all three would win.
    results = _top(toy_site, "wat gebeurt er meestal bij dwang, wat is het verschil")
    assert results[0] == "/begrip/drang-en-dwang/"


def test_swapped_letters_count_as_one_typo(toy_site: Path):
    assert _top(toy_site, "uithuisplaatsnig")[0] == "/begrip/uithuisplaatsing/"


def test_an_overview_page_asked_for_by_name_is_found_despite_its_low_weight(toy_site: Path):
    assert "/regio/overzicht/" in _top(toy_site, "jeugdregio's")[:3]


def test_sources_and_see_also_sections_do_not_make_a_page_an_answer(toy_site: Path):
    # Every toy page names "Rapport over jeugdzorg en kinderen" among its sources; only the
    # page about jeugdzorg answers "jeugdzorg rapport".
    assert _top(toy_site, "jeugdzorg rapport")[0] == "/begrip/jeugdzorg/"


def test_a_place_name_that_is_also_a_word_is_read_as_the_word_after_de(toy_site: Path):
    # Buren is a municipality in Rivierenland, and "de buren" are the neighbours.
    assert _top(toy_site, "geweld bij de buren")[0] == "/contact/veilig-thuis/"
    assert _top(toy_site, "jeugdhulp Buren")[0] == "/regio/rivierenland/"
    assert _top(toy_site, "buren")[0] == "/regio/rivierenland/"


def test_an_abbreviation_that_is_also_a_function_word_counts_in_capitals(toy_site: Path):
    # "ben" is a Dutch verb ("ik ben") and the abbreviation of a network.
    assert _top(toy_site, "wat is een BEN")[0] == "/begrip/ben/"
    assert _top(toy_site, "BEN")[0] == "/begrip/ben/"


def test_a_keyword_phrase_typed_word_for_word_counts_with_its_function_words(toy_site: Path):
    # Without "wil", "geen" and "meer" only "hulp" is left, and "Meer hulp in huis" says it more.
    assert _top(toy_site, "ik wil geen hulp meer")[0] == "/begrip/hulpmoeheid/"
