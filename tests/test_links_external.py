"""External links: LinkChecker against a local HTTP server, the rate limit, retries, cache, history,
ignore list, reports and the command line. Nothing here touches the internet: every URL
that is requested points at 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.checks.links import (
    HostLimiter,
    IgnoreList,
    IgnoreRule,
    Policy,
    Settings,
    Store,
    UrlUse,
    collect_urls,
    console_lines,
    load_ignore,
    probe_urls,
    run_external,
    write_reports,
)
from generator.checks.links.collect import find_urls
from generator.checks.links.probe import backoff_delay, parse_retry_after
from generator.load import load_catalog
from tests.conftest import MINI_DATA, run_cli

FAST = Settings(timeout=0.5, workers=8, per_host_rate=1000, retries=1, backoff=0.01)
"""Short timeouts and no real waiting: the server is local."""
SLOW_SECONDS = 0.9
ANCHOR_PAGE = b'<html><body><h2 id="hier">Hier</h2><a name="oud">oud</a></body></html>'


@dataclass
class Server:
    base: str
    hits: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    """Request times per path."""

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return len(self.hits[path])


class _Handler(BaseHTTPRequestHandler):
    server_state: Server

    def log_message(self, *args: object) -> None:
        pass

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            super().handle()

    def send(
        self, code: int, body: bytes = b"ok", headers: dict[str, str] | None = None, kind: str = "text/html"
    ) -> None:
        self.send_response(code)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        hits = self.server_state.hits
        hits[path].append(time.monotonic())
        first = len(hits[path]) == 1
        route, _, _ = path[1:].partition("/")
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /prive/\n", kind="text/plain")
        elif route in {"ok", "prive"} or path == "/":
            self.send(200)
        elif route == "verhuisd":
            self.send(301, headers={"Location": "/ok/nieuw"})
        elif route == "permanent":
            self.send(308, headers={"Location": "/ok/308"})
        elif route == "tijdelijk":
            self.send(302, headers={"Location": "/ok/302"})
        elif route == "ketting":  # a permanent hop, then a temporary one: update to the first target
            self.send(301, headers={"Location": "/tijdelijk/stap"})
        elif route == "naar-ankers":
            self.send(301, headers={"Location": "/ankers/doel"})
        elif route == "voorpagina":
            self.send(301, headers={"Location": "/"})
        elif route == "weg":
            self.send(410)
        elif route == "druk":  # 429 on the first request of each path, then fine
            self.send(429, headers={"Retry-After": "0"}) if first else self.send(200)
        elif route == "onderhoud":
            self.send(503)
        elif route == "fout":
            self.send(500)
        elif route == "traag":
            time.sleep(SLOW_SECONDS)
            self.send(200)
        elif route == "kring":
            self.send(301, headers={"Location": path})
        elif route == "verboden":
            self.send(403)
        elif route == "ankers":
            self.send(200, ANCHOR_PAGE)
        elif route == "wisselend":  # broken on the first request of each path, then fine
            self.send(404) if first else self.send(200)
        else:
            self.send(404)


class _Server(ThreadingHTTPServer):
    request_queue_size = 64  # the default 5 drops connections when eight workers connect at once


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    state = Server("")
    handler = type("Handler", (_Handler,), {"server_state": state})
    httpd = _Server(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must never go through a proxy from the environment."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def closed_port_url(path: str = "/x") -> str:
    """A URL on a local port where nothing listens: connection refused, as for a host that is gone."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


# --------------------------------------------------------------------------- classification


def test_each_response_is_classified(server):
    cases = {
        "/ok/a": ("ok", 200, None, 1),
        "/verhuisd/a": ("redirect", 200, "/ok/nieuw", 1),
        "/permanent/a": ("redirect", 200, "/ok/308", 1),
        "/tijdelijk/a": ("ok", 200, None, 1),
        "/ketting/a": ("redirect", 200, "/tijdelijk/stap", 1),
        "/niet-gevonden": ("broken", 404, None, 1),
        "/weg/a": ("broken", 410, None, 1),
        "/druk/a": ("ok", 200, None, 2),
        "/onderhoud/a": ("broken", 503, None, 2),
        "/fout/a": ("broken", 500, None, 1),
        "/traag/a": ("timeout", None, None, 2),
        "/kring/a": ("broken", None, None, 1),
        "/verboden/a": ("blocked", 403, None, 1),
        "/prive/a": ("blocked", None, None, 1),
        "/ankers/a#hier": ("ok", 200, None, 1),
        "/ankers/a#oud": ("ok", 200, None, 1),
        "/ankers/a#nergens": ("broken", 200, None, 1),
    }
    gone = closed_port_url()
    started = time.monotonic()
    probes = probe_urls([server.url(p) for p in cases] + [gone], FAST)
    elapsed = time.monotonic() - started
    seen = {
        path: (p.status, p.code, p.new_url and p.new_url.removeprefix(server.base), p.attempts)
        for path in cases
        for p in [probes[server.url(path)]]
    }
    assert seen == cases
    assert probes[gone].status == "unreachable"
    assert probes[gone].detail == "de server weigert de verbinding"
    details = {path: probes[server.url(path)].detail for path in cases}
    assert details["/kring/a"] == "stuurt eindeloos door (een doorverwijzing in een kring)"
    assert details["/traag/a"] == "geen antwoord binnen de wachttijd"
    assert details["/ankers/a#nergens"] == "de pagina werkt, maar het anker '#nergens' staat er niet (meer) op"
    assert details["/verhuisd/a"] == f"301 naar {server.url('/ok/nieuw')}"
    assert details["/prive/a"] == "robots.txt van de site staat automatische controle niet toe"
    assert server.count("/prive/a") == 0, "robots.txt forbids it: never requested"
    assert server.count("/ankers/a") == 1, "one request for a page, however many anchors point into it"
    assert server.count("/druk/a") == 2 and server.count("/traag/a") == 2 and server.count("/weg/a") == 1
    assert elapsed < 5, "timeouts are short and rounds do not wait for LinkChecker's idle threads"


def test_redirects_keep_the_anchor_and_a_redirect_to_the_front_page_is_suspect(server):
    urls = [server.url(p) for p in ("/naar-ankers/a#hier", "/naar-ankers/a#weg", "/voorpagina/a")]
    moved, moved_no_anchor, front = (probe_urls(urls, FAST)[u] for u in urls)
    assert (moved.status, moved.new_url) == ("redirect", server.url("/ankers/doel#hier"))
    assert moved_no_anchor.status == "broken"
    assert moved_no_anchor.detail == (f"301 naar {server.url('/ankers/doel#weg')}; het anker '#weg' staat daar niet op")
    assert (front.status, front.new_url) == ("redirect", server.url("/"))
    assert front.detail.endswith(
        "dat is de voorpagina, dus de pagina zelf is waarschijnlijk weg: zoek het nieuwe adres"
    )


def test_host_limiter_spaces_requests_to_one_host_and_not_to_others():
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))

    limiter = HostLimiter(4.0, clock=lambda: now[0], sleep=sleep)  # 0.25 s between requests to a host
    assert [limiter.wait("a.nl") for _ in range(3)] == [0.0, 0.25, 0.5]
    assert limiter.wait("b.nl") == 0.0, "another host is not held up"
    now[0] += 10
    assert limiter.wait("a.nl") == 0.0, "the slots of the past are gone"
    limiter.hold("a.nl", 3.0)  # a Retry-After
    assert limiter.wait("a.nl") == 3.0
    assert slept == [0.25, 0.5, 3.0]


def test_requests_to_one_host_respect_the_rate_limit(server):
    urls = [server.url(f"/ok/tempo-{i}") for i in range(5)]
    probe_urls(urls, Settings(timeout=0.5, workers=5, per_host_rate=20, retries=0))
    times = sorted(server.hits[f"/ok/tempo-{i}"][0] for i in range(5))
    # five requests at most 20 per second: at least four intervals of 0.05 s (some slack for the clock)
    assert times[-1] - times[0] >= 4 * 0.05 * 0.9


def test_backoff_grows_and_honours_retry_after():
    settings = Settings(backoff=1.0, max_wait=10.0)
    assert [backoff_delay(n, settings) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert backoff_delay(1, settings, retry_after=7.0) == 7.0
    assert backoff_delay(1, settings, retry_after=120.0) == 10.0, "a long Retry-After is cut to max_wait"
    assert backoff_delay(2, settings, jitter=0.25) == 2.5
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0, "a date in the past: no wait"
    assert parse_retry_after("morgen") is None


# --------------------------------------------------------------------------- collecting URLs


def test_urls_are_found_with_file_line_and_field(scratch):
    body = 'body: |\n  Eerst tekst.\n\n  Zie [de gids](https://www.example.nl/gids-2 "titel") (of https://b.example.nl/x_(y)).\n'
    root = scratch({"data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"] + body}, data_only=True)
    (root / "docs").mkdir()
    (root / "docs/over.md").write_text("# Over\n\nMeer op https://www.example.nl/over.\n")
    uses = collect_urls(load_catalog(root / "data", root), root, root / "docs")
    lesson = [u for u in uses if u.path == "data/les/volgen.yaml"]
    assert lesson == [
        UrlUse("data/les/volgen.yaml", 9, "sources[0].url", "https://www.example.nl/bron"),
        UrlUse("data/les/volgen.yaml", 15, "body", "https://b.example.nl/x_(y)"),
        UrlUse("data/les/volgen.yaml", 15, "body", "https://www.example.nl/gids-2"),
    ]
    assert UrlUse("docs/over.md", 3, "", "https://www.example.nl/over") in uses
    assert UrlUse("data/wet/jeugdwet.yaml", 5, "url", "https://wetten.overheid.nl/BWBR0034925") in uses


def test_find_urls_trims_punctuation_but_keeps_balanced_parentheses():
    text = "Zie https://a.nl/x. En (https://b.nl/y) of [c](https://c.nl/z_(1)), https://d.nl/?q=1&r=2!"
    assert [url for _, url in find_urls(text)] == [
        "https://a.nl/x",
        "https://b.nl/y",
        "https://c.nl/z_(1)",
        "https://d.nl/?q=1&r=2",
    ]


# --------------------------------------------------------------------------- ignore list


def test_ignore_list_is_validated_with_lines(tmp_path):
    path = tmp_path / "linkcheck-ignore.yaml"
    path.write_text(
        "ignore:\n"
        "  - url: https://a.nl/x\n"  # 2: no reason
        "  - prefix: https://b.nl/\n"  # 3
        "    reason: Weigert controles; met de hand bekeken op 2026-11-01.\n"
        "  - url: ftp://c.nl\n"  # 5
        "    reason: ''\n"
        "  - reason: Zonder adres.\n"  # 7
        "  - url: https://b.nl/x\n"  # 8
        "    prefix: https://b.nl/\n"
        "    reason: Allebei.\n"
        "    waarom: typo\n"
    )
    rules, problems = load_ignore(path, tmp_path)
    assert [str(p) for p in problems] == [
        "linkcheck-ignore.yaml:2: ignore[0].reason: elke uitzondering heeft een reden nodig: "
        "schrijf onder 'reason:' waarom deze link niet gecontroleerd wordt",
        "linkcheck-ignore.yaml:6: ignore[2].reason: moet tekst zijn en mag niet leeg zijn",
        "linkcheck-ignore.yaml:5: ignore[2].reason: elke uitzondering heeft een reden nodig: "
        "schrijf onder 'reason:' waarom deze link niet gecontroleerd wordt",
        "linkcheck-ignore.yaml:5: ignore[2].url: 'ftp://c.nl' is geen webadres; het begint met https://",
        "linkcheck-ignore.yaml:7: ignore[3]: geef óf 'url' (precies dit adres) óf 'prefix' (alles wat zo begint)",
        "linkcheck-ignore.yaml:11: ignore[4].waarom: onbekend veld; gebruik url of prefix, en reason",
        "linkcheck-ignore.yaml:8: ignore[4]: geef óf 'url' (precies dit adres) óf 'prefix' (alles wat zo begint)",
    ]
    assert [(r.prefix, r.line) for r in rules.rules] == [("https://b.nl/", 3)]


def test_ignore_list_missing_empty_or_broken(tmp_path):
    rules, problems = load_ignore(tmp_path / "nergens.yaml", tmp_path)
    assert (rules.rules, problems) == ([], [])
    (tmp_path / "leeg.yaml").write_text("# niets\nignore: []\n")
    assert load_ignore(tmp_path / "leeg.yaml", tmp_path)[1] == []
    (tmp_path / "kapot.yaml").write_text("ignore:\n  - url: [\n")
    assert [str(p).split(": YAML-fout")[0] for p in load_ignore(tmp_path / "kapot.yaml", tmp_path)[1]] == [
        "kapot.yaml:3"
    ]


def test_the_projects_ignore_list_is_valid():
    root = Path(__file__).resolve().parent.parent
    assert load_ignore(root / "linkcheck-ignore.yaml", root)[1] == []


# --------------------------------------------------------------------------- runs: cache, history, policy


def uses_of(server: Server, *paths: str) -> list[UrlUse]:
    return [UrlUse(f"data/les/l{i}.yaml", 10 + i, "sources[0].url", server.url(p)) for i, p in enumerate(paths)]


NO_IGNORES = IgnoreList("linkcheck-ignore.yaml", [])
T0 = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


def test_cache_history_and_the_consecutive_failure_policy(server, tmp_path):
    uses = uses_of(server, "/ok/beleid", "/weg/beleid", "/wisselend/beleid")
    policy = Policy(fail_after=2, ttl_ok=timedelta(hours=24), ttl_failed=timedelta(hours=1))

    def run(now: datetime) -> dict[str, tuple[str, int, bool, bool]]:
        store = Store(tmp_path / "cache")
        outcome = run_external(uses, NO_IGNORES, store, settings=FAST, policy=policy, now=now)
        store.save({u.url for u in uses})
        return {
            u.url.removeprefix(server.base): (r.status, r.streak, r.fails, r.from_cache)
            for u in uses
            for r in [outcome.results[u.url]]
        }

    assert run(T0) == {
        "/ok/beleid": ("ok", 0, False, False),
        "/weg/beleid": ("broken", 1, False, False),  # broken once: reported, but not failing yet
        "/wisselend/beleid": ("broken", 1, False, False),
    }
    hits = {p: server.count(p) for p in ("/ok/beleid", "/weg/beleid", "/wisselend/beleid")}
    # Within the TTL nothing is asked again, and a cached failure does not count twice.
    assert run(T0 + timedelta(minutes=10)) == {
        "/ok/beleid": ("ok", 0, False, True),
        "/weg/beleid": ("broken", 1, False, True),
        "/wisselend/beleid": ("broken", 1, False, True),
    }
    assert {p: server.count(p) for p in hits} == hits
    # After the failure TTL, failures are checked again; the working link is still cached.
    assert run(T0 + timedelta(hours=2)) == {
        "/ok/beleid": ("ok", 0, False, True),
        "/weg/beleid": ("broken", 2, True, False),  # second time in a row: fails the run
        "/wisselend/beleid": ("ok", 0, False, False),  # flaky: works again, streak reset
    }
    history = json.loads((tmp_path / "cache/history.json").read_text())["urls"][server.url("/weg/beleid")]
    assert history["streak"] == 2
    assert [r["status"] for r in history["runs"]] == ["broken", "broken"]
    results = json.loads((tmp_path / "cache/results.json").read_text())["results"]
    assert results[server.url("/ok/beleid")]["expires_at"] == (T0 + timedelta(hours=24)).isoformat()


def test_a_damaged_cache_is_set_aside_and_the_run_goes_on(server, tmp_path):
    (tmp_path / "results.json").write_text("{niet af")
    store = Store(tmp_path)
    assert store.warnings == [
        f"{tmp_path / 'results.json'} was onleesbaar (Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)); opzij gezet als results.json.bad, opnieuw begonnen"
    ]
    uses = uses_of(server, "/ok/na-schade")
    outcome = run_external(uses, NO_IGNORES, store, settings=FAST)
    store.save({u.url for u in uses})
    assert outcome.results[uses[0].url].status == "ok"
    assert (tmp_path / "results.json.bad").read_text() == "{niet af"
    assert uses[0].url in json.loads((tmp_path / "results.json").read_text())["results"]
    assert any(line.startswith("WAARSCHUWING: ") for line in console_lines(outcome))


def test_offline_hosts_are_reported_but_do_not_fail(tmp_path):
    gone = closed_port_url("/offline")
    uses = [UrlUse("data/regio/x.yaml", 7, "ret.website", gone)]
    for _ in range(3):
        store = Store(tmp_path)
        outcome = run_external(uses, NO_IGNORES, store, settings=FAST, policy=Policy(fail_after=2), refresh=True)
        store.save({gone})
        assert outcome.online is False
        assert outcome.results[gone].status == "unreachable"
        assert outcome.results[gone].streak == 0
        assert outcome.ok
    lines = console_lines(outcome)
    assert lines[-1].startswith("Geen internet? Geen enkele site gaf antwoord (1 sites onbereikbaar).")
    assert not any("werkt niet" in line for line in lines), "offline, an unreachable link is no problem of the link"


def test_an_unreachable_host_counts_when_other_sites_answer(server, tmp_path):
    gone = closed_port_url("/dood")
    uses = [UrlUse("data/regio/x.yaml", 7, "ret.website", gone), *uses_of(server, "/ok/online")]
    for streak in (1, 2):
        store = Store(tmp_path)
        outcome = run_external(uses, NO_IGNORES, store, settings=FAST, refresh=True)
        store.save({u.url for u in uses})
        assert outcome.online is True
        assert (outcome.results[gone].status, outcome.results[gone].streak) == ("unreachable", streak)
    assert not outcome.ok
    assert outcome.failing[0].url == gone


def test_ignored_links_are_not_requested_and_unused_rules_are_reported(server, tmp_path):
    ignore = IgnoreList(
        "linkcheck-ignore.yaml",
        [
            IgnoreRule("Weigert controles.", 3, prefix=server.url("/verboden/")),
            IgnoreRule("Oude regel.", 5, url="https://www.example.nl/al-lang-weg"),
        ],
    )
    uses = uses_of(server, "/verboden/negeer", "/ok/negeer")
    outcome = run_external(uses, ignore, Store(tmp_path), settings=FAST)
    assert outcome.results[server.url("/verboden/negeer")].status == "ignored"
    assert server.count("/verboden/negeer") == 0
    assert [r.line for r in outcome.unused_ignores] == [5]
    assert (
        "linkcheck-ignore.yaml:5: 'https://www.example.nl/al-lang-weg' komt niet meer voor in de data; haal de regel weg"
        in console_lines(outcome)
    )


def test_reports_group_by_file_and_line_with_advice(server, tmp_path):
    uses = [
        UrlUse("data/les/a.yaml", 12, "sources[0].url", server.url("/verhuisd/rapport")),
        UrlUse("data/les/a.yaml", 4, "body", server.url("/weg/rapport")),
        UrlUse("data/les/b.yaml", 9, "sources[1].url", "https://www.example.nl/overgeslagen"),
    ]
    ignore = IgnoreList(
        "linkcheck-ignore.yaml", [IgnoreRule("Weigert controles.", 3, prefix="https://www.example.nl/")]
    )
    outcome = run_external(uses, ignore, Store(tmp_path / "cache"), settings=FAST)
    md_path, json_path = write_reports(outcome, tmp_path / "reports")
    md = md_path.read_text()
    new = server.url("/ok/nieuw")
    assert "### data/les/a.yaml" in md
    todo, skipped = md.split("## Overgeslagen (linkcheck-ignore.yaml)")
    assert "### data/les/b.yaml" not in todo, "only what needs doing is listed"
    assert "| https://www.example.nl/overgeslagen | Weigert controles. | 3 |" in skipped
    rows = [line for line in md.splitlines() if line.startswith(("| 4 ", "| 12 "))]
    assert rows == [
        f"| 4 | body | {server.url('/weg/rapport')} | kapot (410 Gone; 1e keer; faalt als het de volgende keer zo is) | "
        "Zoek het nieuwe adres van deze pagina. Bestaat ze niet meer, gebruik een andere bron of een archiefversie "
        "(web.archive.org), of zet het feit op onbekend. Ook: gebruik https als dat kan: "
        f"https://{server.url('/weg/rapport').removeprefix('http://')}. |",
        f"| 12 | sources[0].url | {server.url('/verhuisd/rapport')} | verhuisd (301 naar {new}) | "
        f"Vervang het adres door {new}. Ook: gebruik https als dat kan: "
        f"https://{server.url('/verhuisd/rapport').removeprefix('http://')}. |",
    ]
    report = json.loads(json_path.read_text())
    assert report["ok"] is True and report["online"] is True
    assert [(e["line"], e["status"]) for e in report["files"]["data/les/a.yaml"]] == [(4, "broken"), (12, "redirect")]
    assert report["urls"][server.url("/verhuisd/rapport")]["new_url"] == new
    assert report["counts"] == {"broken": 1, "ignored": 1, "redirect": 1}


# --------------------------------------------------------------------------- the command line


def test_linkcheck_command_end_to_end(server, scratch):
    gids = MINI_DATA["data/hulpmiddel/gids.yaml"].replace("https://www.example.nl/gids", server.url("/weg/cli"))
    root = scratch(
        {
            "data/hulpmiddel/gids.yaml": gids,
            "data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"]
            + f"body: |\n  Lees [dit]({server.url('/verhuisd/cli')}).\n",
            # the fixture's https addresses are real sites: never asked in a test
            "linkcheck-ignore.yaml": "ignore:\n  - prefix: https://\n    reason: Tests gebruiken geen internet.\n",
        }
    )
    args = ("linkcheck", "--timeout", "0.5", "--per-host-rate", "1000", "--retries", "0", "-q")
    first = run_cli(*args, cwd=root)
    assert first.returncode == 0, first.stdout + first.stderr
    lines = first.stdout.splitlines()
    assert (
        f"data/hulpmiddel/gids.yaml:5: url: link naar '{server.url('/weg/cli')}' werkt niet: 410 Gone (1e keer; "
        "faalt als het de volgende keer zo is). Zoek het nieuwe adres van deze pagina." in lines[0]
    )
    assert lines[1].startswith(
        f"data/les/volgen.yaml:13: body: link naar '{server.url('/verhuisd/cli')}' is verhuisd: "
        f"301 naar {server.url('/ok/nieuw')}. Vervang het adres door {server.url('/ok/nieuw')}."
    )
    assert lines[-1] == "Rapport: reports/linkcheck.md en reports/linkcheck.json"
    assert (root / "reports/linkcheck.md").is_file()
    assert (root / ".cache/linkcheck/history.json").is_file()
    # the next run within the TTL reuses the result; --refresh asks again and the streak reaches 2
    again = run_cli(*args, "--refresh", cwd=root)
    assert again.returncode == 1
    assert "FOUT: 1 link werkt 2 keer of vaker op rij niet." in again.stdout
    assert "2e keer op rij" in again.stdout


def test_linkcheck_command_refuses_an_invalid_ignore_list(scratch):
    root = scratch({"linkcheck-ignore.yaml": "ignore:\n  - prefix: https://\n"})
    result = run_cli("linkcheck", cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "linkcheck-ignore.yaml:2: ignore[0].reason: elke uitzondering heeft een reden nodig: "
        "schrijf onder 'reason:' waarom deze link niet gecontroleerd wordt",
        "Verbeter linkcheck-ignore.yaml eerst; er is niets gecontroleerd.",
    ]
