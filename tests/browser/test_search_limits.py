"""A very long query, typed or pasted, never freezes the page (issue 13).

The search box takes at most 200 characters (rw-search-config.js) and the search worker cuts
every query to 200 characters and 32 words (rw-search.js), so the work per query is bounded. The
test pastes 100,000 characters, then types a few more, and measures the longest stretch in which
the page's main thread did not answer (a heartbeat every 10 ms) and the time to the answer
(the worker: while it chews on a query, no answer comes). Measured on this machine before the
limits: answer after 4,224 ms (first) and 339 ms (again), stall 108 ms; with them: 193 and
212 ms, stall 29 ms.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import new_page

LONG = ("jeugdzorg wachtlijst ondertoezichtstelling " * 2400)[:100_000]

_HEARTBEAT = """() => {
  window.__gaps = [];
  let last = performance.now();
  window.__beat = setInterval(() => { const now = performance.now(); window.__gaps.push(now - last); last = now; }, 10);
}"""


def measure(page: Any, base: str) -> dict[str, float]:
    """Paste LONG into the search box, type three letters; the worst main-thread stall and the time to results."""
    page.goto(base + "/", wait_until="load")
    page.keyboard.press("/")
    field = page.locator("input.md-search__input")
    field.wait_for(state="visible")
    page.locator(".md-search-result__meta").wait_for(state="visible", timeout=15_000)
    page.wait_for_timeout(300)
    page.evaluate(_HEARTBEAT)
    started = page.evaluate("performance.now()")
    # A paste: the whole text at once, as one input event.
    field.evaluate(
        "(el, text) => { el.focus(); document.execCommand('insertText', false, text); }",
        LONG,
    )
    field.type(" ots", delay=30)
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__list > li').length > 0 "
        "|| /geen|no /i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=60_000,
    )
    answered = page.evaluate("performance.now()") - started
    page.wait_for_timeout(500)
    gaps = page.evaluate("window.__gaps")
    return {"longest_stall_ms": max(gaps or [0.0]), "answer_ms": answered, "length": len(field.input_value())}


@pytest.mark.browser
def test_a_hundred_thousand_character_query_does_not_freeze_the_page(browser: Any, site_url: str):
    with new_page(browser) as page:
        result = measure(page, site_url)
    print(
        f"100.000 tekens geplakt: langste blokkade {result['longest_stall_ms']:.0f} ms, antwoord na {result['answer_ms']:.0f} ms"
    )
    assert result["length"] <= 200, "the search box takes more than 200 characters"
    assert result["longest_stall_ms"] < 1_000, result
    # Before the limits the first answer came after 4.2 s here (the worker busy with 100,000
    # characters); with them after about 0.2 s.
    assert result["answer_ms"] < 2_000, result
