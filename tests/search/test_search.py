"""The site's own search, run in Node over the real built site (same worker, same index).

The browser benchmark (`make bench-search`) measures the same thing by typing into the
search box; these tests hold the line in `make test` without a browser.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.load import load_catalog
from tests.conftest import ROOT

HARNESS = Path(__file__).with_name("harness.js")
QUERIES = Path(__file__).with_name("queries.yaml")
INDEPENDENT = Path(__file__).with_name("queries-independent.yaml")
pytestmark = pytest.mark.usefixtures("node")  # skips, or fails under make test (conftest.py)


def search(site: Path, queries: list[str], page_lang: str | None = None) -> list[dict[str, Any]]:
    """Run `queries` through the site's search worker in Node; `page_lang` is the language of the
    page the search box is on (the worker's ?lang=), Dutch when None."""
    command = ["node", str(HARNESS), str(site), *([page_lang] if page_lang else [])]
    result = subprocess.run(command, input=json.dumps(queries), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_every_municipality_finds_its_region(real_site: Path):
    catalog = load_catalog(ROOT / "data", ROOT)
    expected: dict[str, set[str]] = {}
    for entry in catalog.of_kind("regio"):
        for m in entry.record.municipalities:
            for name in (m.name, *m.former_names, *m.other_names):
                expected.setdefault(name, set()).add(f"/regio/{entry.id}/")
    answers = search(real_site, sorted(expected))
    misses = [
        (a["query"], sorted(expected[a["query"]]), a["results"][:3])
        for a in answers
        if not expected[a["query"]] & set(a["results"][:3])
    ]
    assert len(answers) >= 342
    assert misses == []


def test_abbreviation_and_full_term_find_each_other(real_site: Path):
    answers = {a["query"]: a["results"][:3] for a in search(real_site, ["OTS", "ondertoezichtstelling", "Wvggz"])}
    assert "/begrip/ondertoezichtstelling/" in answers["OTS"]
    assert "/begrip/ondertoezichtstelling/" in answers["ondertoezichtstelling"]
    assert "/wet/wvggz/" in answers["Wvggz"]


def test_typo_and_compound_written_apart(real_site: Path):
    answers = {a["query"]: a["results"][:3] for a in search(real_site, ["kinderechter", "expert team", "veiligthuis"])}
    assert "/begrip/kinderrechter/" in answers["kinderechter"]
    assert any(p.endswith("regionaal-expertteam/") for p in answers["expert team"])
    assert "/contact/veilig-thuis/" in answers["veiligthuis"]


def test_editors_pages_are_not_search_answers(real_site: Path):
    (answer,) = search(real_site, ["onbekend bronnen zonder link"])
    assert not any(p.startswith("/redactie/") for p in answer["results"])


def _success_at_3(site: Path, path: Path) -> tuple[float, list[tuple[str, list[str]]]]:
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 80
    answers = search(site, [q["q"] for q in queries])
    misses = [
        (q["q"], a["results"][:3])
        for q, a in zip(queries, answers, strict=True)
        if not {e if e.endswith("/") else e + "/" for e in q["expect"]} & set(a["results"][:3])
    ]
    return 1 - len(misses) / len(queries), misses


def test_query_set_meets_the_target(real_site: Path):
    """Issue 4's target: the right page in the top 3 for at least 95 % of our queries."""
    rate, misses = _success_at_3(real_site, QUERIES)
    assert rate >= 0.95, f"success@3 {rate:.1%}; misses: {misses}"


def test_independent_query_set_quality_floor(real_site: Path):
    """Queries written without seeing the content or the search code: a floor against
    regressions a little under what it measures now (`make bench-search` shows the figure)."""
    rate, misses = _success_at_3(real_site, INDEPENDENT)
    assert rate >= 0.88, f"success@3 {rate:.1%}; misses: {misses}"


def test_keywords_find_their_own_page(real_site: Path):
    """A keyword phrase typed as a query should find the page it belongs to: when it does not,
    another page claims the phrase more strongly, or the phrase is too vague to help anyone.
    Every seventh keyword (about a thousand) keeps this fast."""
    data = json.loads((real_site / "assets/javascripts/workers/rw-search.json").read_text(encoding="utf-8"))
    pairs = [
        (keyword, "/" + location)
        for location, page in sorted(data["pages"].items())
        if not location.startswith("regio/")  # region keywords are municipality names: tested above
        for keyword in page["keywords"]
    ][::7]
    assert len(pairs) > 500
    answers = search(real_site, [keyword for keyword, _ in pairs])
    misses = [
        (k, owner, a["results"][:3])
        for (k, owner), a in zip(pairs, answers, strict=True)
        if owner not in a["results"][:3]
    ]
    rate = 1 - len(misses) / len(pairs)
    assert rate >= 0.95, f"{rate:.1%} of keywords find their page; misses: {misses[:20]}"


UNANSWERABLE = Path(__file__).with_name("queries-unanswerable.yaml")


def test_search_admits_it_has_no_answer_and_rarely_when_it_has(real_site: Path):
    """Issue 17, item 5: questions the site cannot answer get "Hier hebben we geen goed antwoord op"
    first; questions it can answer almost never do. The threshold (WEIGHTS.noAnswer in rank.js)
    was measured on these sets: 26 of 32 unanswerable caught, 1 of 468 answerable flagged
    (its right page still follows the message). Re-measured on the merged site with English pages,
    after the eight English help-line questions they answer moved to queries-en.yaml: 17 of the
    24 left caught, 1 of 468 answerable flagged (threshold 6 would catch 18 and flag 4). Floors a little under those figures."""
    unanswerable = yaml.safe_load(UNANSWERABLE.read_text(encoding="utf-8"))["queries"]
    assert len(unanswerable) >= 20
    answerable = [
        q["q"] for path in (QUERIES, INDEPENDENT) for q in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    ]
    answers = search(real_site, [q["q"] for q in unanswerable] + answerable)
    missed = [a["query"] for a in answers[: len(unanswerable)] if not a["noAnswer"]]
    flagged = [a["query"] for a in answers[len(unanswerable) :] if a["noAnswer"]]
    caught = 1 - len(missed) / len(unanswerable)
    assert caught >= 0.70, f"{caught:.0%} of unanswerable queries get the message; missed: {missed}"
    assert len(flagged) <= 3, f"answerable queries told there is no good answer: {flagged}"


def test_the_message_comes_first_and_the_pages_found_still_follow(real_site: Path):
    strong, weak, unknown, constructor = search(
        real_site, ["ondertoezichtstelling", "mijn hond blaft de hele nacht", "qwxyz", "constructor"]
    )
    assert not strong["noAnswer"] and strong["results"][0] == "/begrip/ondertoezichtstelling/"
    assert weak["noAnswer"] and weak["results"], "weak pages are still listed, after the message"
    assert unknown["noAnswer"] and unknown["results"] == []
    # "constructor" used to throw in the ranking (Material's own order, no verdict).
    assert constructor["noAnswer"]
