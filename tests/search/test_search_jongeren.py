"""Young people's own questions (issue 17, item 4): tests/search/queries-jongeren.yaml, run through the
site's own search in Node over the real built site, like tests/search/test_search.py.

Measured when the set was written (before any change for it): success@3 21 of 25; after keywords
in the records that answer them: 24 of 25. The floor sits a little under that.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.search.test_search import search

QUERIES = Path(__file__).with_name("queries-jongeren.yaml")
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is needed to run the search worker")


def test_young_peoples_questions_find_their_answer(real_site: Path):
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 20
    answers = search(real_site, [q["q"] for q in queries])
    misses = [
        (q["q"], a["results"][:3])
        for q, a in zip(queries, answers, strict=True)
        if not {e if e.endswith("/") else e + "/" for e in q["expect"]} & set(a["results"][:3])
    ]
    rate = 1 - len(misses) / len(queries)
    assert rate >= 0.9, f"success@3 {rate:.1%}; misses: {misses}"
