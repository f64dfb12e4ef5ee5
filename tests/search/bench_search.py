"""Search benchmark: type every query of queries.yaml into the built site's own search box.

Reports success@1, success@3 and MRR (overall and per kind of query), the queries that
miss, the size of the search index and the time from the last keystroke to the first
result. Figures only: `make bench-search` never fails on them (the tests in
tests/search/test_search.py hold the line on quality).

    python tests/search/bench_search.py [--site site] [--queries tests/search/queries.yaml]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import launch_options  # noqa: E402  (one set of Chromium flags for tests and benchmarks)


@dataclass
class Outcome:
    query: str
    kind: str
    expect: list[str]
    results: list[str]
    rank: int | None
    ms: float
    no_answer: bool = False


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (an ephemeral port) for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def load_queries(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["queries"])


# The first result item that admits there is no good answer (workers/rw-search.js) is not a page found.
NO_ANSWER_TITLE = "Hier hebben we geen goed antwoord op"
_RESULTS_JS = """
() => {
  const meta = document.querySelector('.md-search-result__meta');
  const items = [...document.querySelectorAll('.md-search-result__list > li.md-search-result__item')];
  const isNoAnswer = (li) => { const h = li.querySelector('h1'); return !!h && h.textContent.trim() === NO_ANSWER; };
  const links = items.filter(li => !isNoAnswer(li)).map(li => li.querySelector(':scope > a')).filter(Boolean);
  return {meta: meta ? meta.textContent.trim() : '', links: links.map(a => a.getAttribute('href')),
          noAnswer: items.length > 0 && isNoAnswer(items[0])};
}
""".replace("NO_ANSWER", json.dumps(NO_ANSWER_TITLE))


def page_path(href: str, base: str) -> str:
    """'../../regio/x/?h=y#z' or an absolute URL → '/regio/x/'."""
    path = urlsplit(href if href.startswith("http") else base + href.lstrip("./")).path
    return path if path.endswith("/") else path + "/"


def run_queries(base: str, queries: list[dict[str, Any]], settle_ms: int = 250) -> tuple[list[Outcome], float]:
    """Type each query like a visitor. Also returns the first search's time on a fresh page,
    from focusing the box to the answer (index download and build included)."""
    from playwright.sync_api import sync_playwright

    outcomes = []
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_options())
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base, wait_until="networkidle")
        box = page.locator("input.md-search__input")
        # A visitor's first search: focusing the box starts the index download; the first
        # query waits for it and for the worker to build the index.
        focused = time.perf_counter()
        box.focus()
        page.wait_for_function("() => !!document.querySelector('.md-search-result__meta')", timeout=30000)
        placeholder = page.evaluate(_RESULTS_JS)["meta"]
        page.keyboard.type("jeugd")
        cold_ms = (_wait_for_stable(page, settle_ms, placeholder)[1] - focused) * 1000
        for item in queries:
            box.fill("")
            page.wait_for_timeout(30)
            box.focus()
            page.keyboard.type(item["q"])
            typed = time.perf_counter()
            results = _wait_for_stable(page, settle_ms, placeholder)
            first_ms = (results[1] - typed) * 1000
            no_answer = bool(page.evaluate(_RESULTS_JS)["noAnswer"])
            paths = []
            for href in results[0]:
                path = page_path(href, base)
                if path not in paths:
                    paths.append(path)
            expect = [e if e.endswith("/") else e + "/" for e in item.get("expect", [])]
            rank = next((i + 1 for i, path in enumerate(paths) if path in expect), None)
            outcomes.append(Outcome(item["q"], item.get("kind", "?"), expect, paths[:5], rank, first_ms, no_answer))
        browser.close()
    return outcomes, cold_ms


def _wait_for_stable(page: Any, settle_ms: int, placeholder: str) -> tuple[list[str], float]:
    """Poll until the search has answered (the placeholder is gone) and the list stops changing.

    Returns the result links and the moment the list last changed (the answer to the whole
    query; Material answers each keystroke, so an earlier list may already show).
    """
    deadline = time.perf_counter() + 10
    last: dict[str, Any] | None = None
    first_seen = time.perf_counter()
    stable_since = time.perf_counter()
    answered = False
    while time.perf_counter() < deadline:
        current = page.evaluate(_RESULTS_JS)
        now = time.perf_counter()
        if not answered and current["meta"] and current["meta"] != placeholder:
            answered = True
            first_seen = now
        if current != last:
            last = current
            stable_since = now
        elif answered and (now - stable_since) * 1000 >= settle_ms:
            break
        page.wait_for_timeout(25)
    return (last or {}).get("links", []), max(first_seen, stable_since)


_PAGEFIND_JS = """
async (q) => {
  if (!window.__pf) {
    window.__pf = await import('/pagefind/pagefind.js');
    await window.__pf.init();
  }
  const start = performance.now();
  const found = await window.__pf.search(q);
  const top = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return {ms: performance.now() - start, urls: top.map(d => d.url)};
}
"""


def build_pagefind(site: Path, work: Path) -> Path:
    """A copy of the site with a Pagefind index over the article text (not the navigation)."""
    import shutil
    import subprocess

    copy = work / "site-pagefind"
    shutil.copytree(site, copy)
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(copy), "--root-selector", "article", "--silent"],
        check=True,
    )
    return copy


def run_pagefind_queries(base: str, queries: list[dict[str, Any]]) -> list[Outcome]:
    """Pagefind's own search API in Chromium, on the same pages (its UI is not wired into the theme)."""
    from playwright.sync_api import sync_playwright

    outcomes = []
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_options())
        page = browser.new_page()
        page.goto(base)
        page.evaluate(_PAGEFIND_JS, "jeugd")
        for item in queries:
            answer = page.evaluate(_PAGEFIND_JS, item["q"])
            paths = []
            for url in answer["urls"]:
                path = page_path(url, base)
                if path not in paths:
                    paths.append(path)
            expect = [e if e.endswith("/") else e + "/" for e in item["expect"]]
            rank = next((i + 1 for i, path in enumerate(paths) if path in expect), None)
            outcomes.append(Outcome(item["q"], item.get("kind", "?"), expect, paths[:5], rank, answer["ms"]))
        browser.close()
    return outcomes


def pagefind_size(site: Path) -> tuple[int, int]:
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file() and not p.name.endswith((".js", ".css"))]
    raw = sum(p.stat().st_size for p in files)
    return raw, raw  # Pagefind's index chunks are already compressed


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    def metrics(items: list[Outcome]) -> dict[str, float]:
        n = len(items)
        return {
            "n": n,
            "success@1": sum(1 for o in items if o.rank == 1) / n,
            "success@3": sum(1 for o in items if o.rank is not None and o.rank <= 3) / n,
            "mrr": sum(1 / o.rank for o in items if o.rank) / n,
        }

    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.kind].append(o)
    return {
        "all": metrics(outcomes),
        "by_kind": {kind: metrics(items) for kind, items in sorted(by_kind.items())},
        "first_result_ms_median": statistics.median(o.ms for o in outcomes),
        "no_answer": sum(1 for o in outcomes if o.no_answer),
        "misses": [
            {"q": o.query, "kind": o.kind, "expect": o.expect, "got": o.results[:3], "rank": o.rank}
            for o in outcomes
            if o.rank is None or o.rank > 3
        ],
    }


def index_size(site: Path) -> tuple[int, int]:
    raw = b"".join(p.read_bytes() for p in sorted((site / "search").glob("*.json")))
    extra = site / "assets/javascripts/workers/rw-search.json"
    if extra.exists():
        raw += extra.read_bytes()
    return len(raw), len(gzip.compress(raw, 9))


def _print_metrics(summary: dict[str, Any]) -> None:
    a = summary["all"]
    print(f"success@1 {a['success@1']:.1%} | success@3 {a['success@3']:.1%} (target ≥ 95 %) | MRR {a['mrr']:.3f}")
    for kind, m in summary["by_kind"].items():
        print(f"  {kind:16} n={m['n']:3} @1 {m['success@1']:.0%}  @3 {m['success@3']:.0%}  MRR {m['mrr']:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument(
        "--queries",
        action="append",
        help="query set (YAML); repeat for several sets, each reported on its own "
        "(default: tests/search/queries.yaml, queries-independent.yaml and queries-unanswerable.yaml)",
    )
    parser.add_argument("--json", help="also write the figures as JSON to this file")
    parser.add_argument(
        "--compare-pagefind", action="store_true", help="also measure Pagefind on the same pages and queries"
    )
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").exists():
        print(f"No built site in {site}: run `make build` first.", file=sys.stderr)
        return 2
    sets = [
        Path(q)
        for q in args.queries
        or [
            ROOT / "tests/search/queries.yaml",
            ROOT / "tests/search/queries-independent.yaml",
            ROOT / "tests/search/queries-unanswerable.yaml",
        ]
    ]
    raw, gz = index_size(site)
    report: dict[str, Any] = {"index_bytes": raw, "index_bytes_gzip": gz, "sets": {}}
    for path in sets:
        queries = load_queries(path)
        with serve(site) as base:
            outcomes, cold_ms = run_queries(base, queries)
        summary = summarise(outcomes)
        print(f"== search benchmark: {path.name}, {summary['all']['n']} queries ==")
        if any(q.get("expect") for q in queries):
            _print_metrics(summary)
        print(f"'geen goed antwoord' shown first for {summary['no_answer']} of {summary['all']['n']} queries")
        print(
            f"index {raw / 1024:.0f} KiB ({gz / 1024:.0f} KiB gzip) | "
            f"full answer {summary['first_result_ms_median']:.0f} ms after the last keystroke (median) | "
            f"first search on a fresh page: {cold_ms:.0f} ms from focus to answer (index download and build)"
        )
        summary["cold_start_ms"] = cold_ms
        if summary["misses"] and any(q.get("expect") for q in queries):
            print("misses (not in the top 3):")
            for miss in summary["misses"]:
                print(f"  [{miss['kind']}] {miss['q']!r}: expected {miss['expect']}, got {miss['got']}")
        if args.compare_pagefind and any(q.get("expect") for q in queries):
            import tempfile

            with tempfile.TemporaryDirectory(prefix="routewijzer-pagefind-") as tmp:
                pf_site = build_pagefind(site, Path(tmp))
                with serve(pf_site) as base:
                    pf = summarise(run_pagefind_queries(base, queries))
                pf_raw, _ = pagefind_size(pf_site)
            print(f"== Pagefind on the same pages and queries ({path.name}; its search API; no synonyms) ==")
            _print_metrics(pf)
            print(
                f"index {pf_raw / 1024:.0f} KiB (compressed fragments) | "
                f"search call {pf['first_result_ms_median']:.0f} ms (median)"
            )
            summary["pagefind"] = {k: v for k, v in pf.items() if k != "misses"}
        report["sets"][path.name] = summary
        print()
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
