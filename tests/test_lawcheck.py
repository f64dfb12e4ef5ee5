"""`make lawcheck`: the Basis Wettenbestand's answers replayed from tests/fixtures/sru/ by a local
HTTP server on 127.0.0.1. Nothing here touches the internet."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from generator.checks import lawcheck
from generator.checks.lawcheck import CheckFailed, Settings, check_laws, judge, parse_answer
from generator.load import load_catalog
from tests.conftest import MINI_DATA, run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "sru"
TODAY = date(2026, 12, 6)
SLEEP = 1.0
"""How long the slow law makes the client wait; the client gives up after FAST.timeout."""
FAST = Settings(timeout=0.3, retries=1, backoff=0.01)

# BWBR id → what the local service answers for it.
ANSWERS: dict[str, tuple[int, str]] = {
    "BWBR0034925": (200, "gewijzigd.xml"),
    "BWBR0035917": (200, "actueel.xml"),
    "BWBR0000001": (200, "onbekend.xml"),
    "BWBR0035362": (200, "kapot.xml"),
    "BWBR0000002": (200, "diagnostic.xml"),
    "BWBR0000003": (200, "doctype.xml"),
    "BWBR0000004": (404, ""),
    "BWBR0000005": (200, "sru2-actueel.xml"),
}
SLOW = "BWBR0040635"
FLAKY = "BWBR0015703"
"""503 on the first request, then the answer of actueel.xml (with this id)."""


@dataclass
class Service:
    base: str
    requests: list[tuple[str, dict[str, list[str]], str]] = field(default_factory=list)
    """(path, query parameters, User-Agent) of every request."""

    def asked(self, bwbr: str) -> int:
        return sum(1 for _, params, _ in self.requests if bwbr in params.get("query", [""])[0])


class _Handler(BaseHTTPRequestHandler):
    service: Service

    def log_message(self, *args: object) -> None:
        pass

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            super().handle()

    def send(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "text/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        self.service.requests.append((url.path, params, self.headers.get("User-Agent", "")))
        query = params.get("query", [""])[0]
        found = re.search(r"dcterms\.identifier==(BWBR\d{7})", query)
        bwbr = found.group(1) if found else ""
        if bwbr == SLOW:
            time.sleep(SLEEP)
            self.send(200, (FIXTURES / "actueel.xml").read_bytes().replace(b"BWBR0035917", SLOW.encode()))
        elif bwbr == FLAKY:
            if self.service.asked(FLAKY) == 1:
                self.send(503, b"")
            else:
                self.send(200, (FIXTURES / "actueel.xml").read_bytes().replace(b"BWBR0035917", FLAKY.encode()))
        elif bwbr in ANSWERS:
            code, name = ANSWERS[bwbr]
            self.send(code, (FIXTURES / name).read_bytes() if name else b"not found")
        else:
            self.send(200, (FIXTURES / "onbekend.xml").read_bytes())


@pytest.fixture
def service() -> Iterator[Service]:
    state = Service("")
    handler = type("Handler", (_Handler,), {"service": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}/sru/Search"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def refused() -> str:
    """An address on 127.0.0.1 where nothing listens: the connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/sru/Search"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must never go through a proxy from the environment."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv(lawcheck.ENV_SRU, raising=False)


def law(slug: str, bwbr: str, reviewed: str | None = "2026-03-01") -> dict[str, str]:
    """A law record whose `bwbr` is on line 4 and `reviewed` on line 18 (left out when None)."""
    checked = f"    consulted: {reviewed}\nreviewed: {reviewed}\n" if reviewed else ""
    return {
        f"data/wet/{slug}.yaml": f"""\
title: Wet {slug}
abbreviation: {slug}
official_title: Wet {slug}
bwbr: {bwbr}
url: https://wetten.overheid.nl/{bwbr}
in_force: 2015-01-01
for_whom: Iedereen.
ages: Alle leeftijden.
who_decides: De gemeente.
how_to_apply: Bij de gemeente.
audience: [professional]
summary: Een wet.
themes: [wetten]
sources:
  - title: Testbron
    url: https://www.example.nl/bron
{checked}"""
    }


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """A data folder with the mini records plus the given laws (MINI's own Jeugdwet is replaced)."""

    def make(*laws: dict[str, str]) -> Path:
        files = {k: v for k, v in MINI_DATA.items() if not k.startswith("data/wet/")}
        for one in laws:
            files.update(one)
        files["data/begrip/ots.yaml"] = files["data/begrip/ots.yaml"].replace("related: [wet/jeugdwet]\n", "")
        for rel, text in files.items():
            path = tmp_path / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return tmp_path

    return make


def run(project_dir: Path, base: str, settings: Settings = FAST) -> lawcheck.Outcome:
    catalog = load_catalog(project_dir / "data", project_dir)
    return check_laws(catalog, Settings(base, settings.timeout, settings.retries, settings.backoff), today=TODAY)


def messages(outcome: lawcheck.Outcome) -> list[str]:
    return [str(r.problem()) for r in sorted(outcome.results, key=lambda r: r.path)]


# --------------------------------------------------------------------------- one law at a time


def test_changed_law_is_reported_with_file_line_date_and_link(project, service):
    outcome = run(project(law("jeugdwet", "BWBR0034925", reviewed="2026-03-01")), service.base)
    assert messages(outcome) == [
        "data/wet/jeugdwet.yaml:4: bwbr: BWBR0034925 heeft een nieuwe versie sinds 2026-07-01 "
        "(na de controle van 2026-03-01); lees https://wetten.overheid.nl/BWBR0034925 en werk het record bij"
    ]
    (result,) = outcome.results
    assert result.status == "gewijzigd" and result.reviewed_line == 18
    assert result.version is not None
    assert result.version.toestand == "http://wetten.overheid.nl/id/BWBR0034925/2026-07-01/0"
    assert outcome.exit_code == 1 and outcome.verdict == "gewijzigd"


def test_law_reviewed_on_or_after_its_current_version_is_current(project, service):
    outcome = run(project(law("wlz", "BWBR0035917", reviewed="2025-01-01")), service.base)
    assert messages(outcome) == [
        "data/wet/wlz.yaml:4: bwbr: BWBR0035917 is actueel: de geldende versie is van 2025-01-01, gecontroleerd op 2025-01-01"
    ]
    assert outcome.exit_code == 0 and outcome.verdict == "actueel"


def test_unknown_id_zero_records(project, service):
    outcome = run(project(law("onbekend", "BWBR0000001")), service.base)
    assert messages(outcome) == [
        "data/wet/onbekend.yaml:4: bwbr: kon niet controleren: de zoekdienst kent BWBR0000001 niet, of heeft er op "
        "2026-12-06 geen geldende versie van; kijk of de BWBR-id klopt op https://wetten.overheid.nl/BWBR0000001"
    ]
    assert outcome.exit_code == 0 and outcome.verdict == "onvolledig"


def test_malformed_xml(project, service):
    outcome = run(project(law("wmo", "BWBR0035362")), service.base)
    assert messages(outcome) == [
        "data/wet/wmo.yaml:4: bwbr: kon niet controleren: het antwoord is geen geldige XML (unclosed token, regel 25)"
    ]
    assert outcome.exit_code == 0


def test_sru_diagnostic(project, service):
    outcome = run(project(law("fout", "BWBR0000002")), service.base)
    assert messages(outcome) == [
        "data/wet/fout.yaml:4: bwbr: kon niet controleren: de zoekdienst meldt een fout: Query syntax error"
    ]


def test_doctype_is_refused_before_entities_expand(project, service):
    outcome = run(project(law("doctype", "BWBR0000003")), service.base)
    assert messages(outcome) == [
        "data/wet/doctype.yaml:4: bwbr: kon niet controleren: het antwoord bevat een DOCTYPE; "
        "dat hoort niet in een antwoord van de zoekdienst"
    ]


def test_http_error_is_not_retried(project, service):
    outcome = run(project(law("weg", "BWBR0000004")), service.base)
    assert messages(outcome) == [
        "data/wet/weg.yaml:4: bwbr: kon niet controleren: de zoekdienst antwoordde met HTTP 404"
    ]
    assert service.asked("BWBR0000004") == 1


def test_503_is_retried_once(project, service):
    outcome = run(project(law("participatiewet", FLAKY, reviewed="2026-01-01")), service.base)
    assert [r.status for r in outcome.results] == ["actueel"]
    assert service.asked(FLAKY) == 2


def test_timeout_is_reported_per_law_and_the_others_are_checked(project, service):
    started = time.monotonic()
    outcome = run(
        project(law("wvggz", SLOW), law("jeugdwet", "BWBR0034925")),
        service.base,
        Settings(timeout=0.3, retries=0, backoff=0.01),
    )
    assert time.monotonic() - started < SLEEP + 2  # the client did not wait for the slow answer
    assert messages(outcome) == [
        "data/wet/jeugdwet.yaml:4: bwbr: BWBR0034925 heeft een nieuwe versie sinds 2026-07-01 "
        "(na de controle van 2026-03-01); lees https://wetten.overheid.nl/BWBR0034925 en werk het record bij",
        "data/wet/wvggz.yaml:4: bwbr: kon niet controleren: geen antwoord binnen 0.3 s",
    ]
    assert outcome.unreachable is None and outcome.exit_code == 1


def test_service_down_stops_after_the_first_law(project, refused):
    outcome = run(project(law("jeugdwet", "BWBR0034925"), law("wlz", "BWBR0035917")), refused)
    assert outcome.results == [] and outcome.exit_code == 0 and outcome.verdict == "niet-bereikbaar"
    assert outcome.unreachable is not None
    assert outcome.unreachable == "de zoekdienst is niet bereikbaar (127.0.0.1 weigert de verbinding)"


def test_the_request_is_one_searchretrieve_per_law_with_a_user_agent(project, service):
    run(project(law("jeugdwet", "BWBR0034925"), law("wlz", "BWBR0035917")), service.base)
    assert len(service.requests) == 2
    path, params, agent = service.requests[0]
    assert path == "/sru/Search"
    assert {k: v[0] for k, v in params.items() if k != "query"} == {
        "operation": "searchRetrieve",
        "version": "1.2",
        "x-connection": "BWB",
        "maximumRecords": "10",
    }
    assert params["query"] == [
        "dcterms.identifier==BWBR0034925 and overheidbwb.geldigheidsdatum=2026-12-06 "
        "and overheidbwb.zichtdatum=2026-12-06"
    ]
    assert agent.startswith("Routewijzer-lawcheck/")


# --------------------------------------------------------------------------- the answer on its own


def test_parse_accepts_the_sru_2_envelope_too():
    version = parse_answer((FIXTURES / "sru2-actueel.xml").read_bytes(), "BWBR0035917", TODAY)
    assert (version.start, version.end) == (date(2025, 1, 1), date(9999, 12, 31))


def test_parse_picks_the_version_in_force_today_from_several():
    body = (FIXTURES / "actueel.xml").read_text(encoding="utf-8")
    start, end = body.index("<record>"), body.index("</record>") + len("</record>")
    record = body[start:end]
    past = record.replace("2025-01-01", "2020-01-01").replace("9999-12-31", "2024-12-31")
    future = record.replace("2025-01-01", "2027-01-01")
    answer = body[:start] + past + record + future + body[end:]
    answer = answer.replace("<numberOfRecords>1<", "<numberOfRecords>3<")
    assert parse_answer(answer.encode(), "BWBR0035917", TODAY).start == date(2025, 1, 1)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (
            ("<overheidbwb:geldigheidsperiode_startdatum>2025-01-01</overheidbwb:geldigheidsperiode_startdatum>", ""),
            "het antwoord noemt geen begindatum (geldigheidsperiode_startdatum)",
        ),
        (
            ("2025-01-01</overheidbwb:geld", "1 januari</overheidbwb:geld"),
            "begindatum (geldigheidsperiode_startdatum) '1 januari' in het antwoord is geen datum",
        ),
        (
            ("<numberOfRecords>1</numberOfRecords>", ""),
            "het antwoord noemt geen geldig aantal resultaten (numberOfRecords)",
        ),
        (("BWBR0035917", "BWBR0000009"), "het antwoord telt 1 resultaten, maar geen ervan is BWBR0035917"),
        (("9999-12-31", "2026-01-01"), "het antwoord noemt geen versie van BWBR0035917 die op 2026-12-06 geldt"),
    ],
)
def test_parse_reports_what_it_cannot_read(change: tuple[str, str], why: str):
    body = (FIXTURES / "actueel.xml").read_text(encoding="utf-8").replace(*change)
    with pytest.raises(CheckFailed) as caught:
        parse_answer(body.encode(), "BWBR0035917", TODAY)
    assert str(caught.value) == why


def test_a_law_without_review_date_is_reported(project):
    unreviewed = load_catalog(project(law("jeugdwet", "BWBR0034925", reviewed=None)) / "data").get("wet", "jeugdwet")
    assert unreviewed is not None
    version = lawcheck.Version("BWBR0034925", date(2026, 7, 1), None, None)
    result = judge(unreviewed, version)
    assert result.status == "niet-gecontroleerd"
    assert str(result.problem()) == (
        "data/wet/jeugdwet.yaml:4: bwbr: BWBR0034925 geldt sinds 2026-07-01 in deze versie en het record heeft "
        "geen controledatum (reviewed); lees https://wetten.overheid.nl/BWBR0034925 en werk het record bij"
    )


def test_an_oversized_answer_is_refused(service, monkeypatch):
    monkeypatch.setattr(lawcheck, "MAX_BYTES", 100)
    with pytest.raises(CheckFailed, match="het antwoord is groter dan"):
        lawcheck.fetch(lawcheck.build_url(service.base, "BWBR0035917", TODAY), FAST)


# --------------------------------------------------------------------------- the command


def test_cli_changed_law_fails_and_writes_both_reports(project, service):
    root = project(
        law("jeugdwet", "BWBR0034925"), law("wlz", "BWBR0035917", reviewed="2025-06-01"), law("onbekend", "BWBR0000001")
    )
    result = run_cli("lawcheck", "--sru", service.base, "--timeout", "2", "--backoff", "0.01", cwd=root)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "data/wet/jeugdwet.yaml:4: bwbr: BWBR0034925 heeft een nieuwe versie sinds 2026-07-01 "
        "(na de controle van 2026-03-01); lees https://wetten.overheid.nl/BWBR0034925 en werk het record bij",
        "data/wet/onbekend.yaml:4: bwbr: kon niet controleren: de zoekdienst kent BWBR0000001 niet, of heeft er op "
        f"{date.today().isoformat()} geen geldende versie van; kijk of de BWBR-id klopt op "
        "https://wetten.overheid.nl/BWBR0000001",
        "3 wetten gecontroleerd: 1 met een nieuwe versie of zonder controledatum, 1 actueel, 1 kon niet gecontroleerd worden.",
        "Rapport: reports/lawcheck.md en reports/lawcheck.json",
    ]
    report = json.loads((root / "reports/lawcheck.json").read_text(encoding="utf-8"))
    assert report["verdict"] == "gewijzigd"
    assert [(law["path"], law["line"], law["status"]) for law in report["laws"]] == [
        ("data/wet/jeugdwet.yaml", 4, "gewijzigd"),
        ("data/wet/onbekend.yaml", 4, "onbekend"),
        ("data/wet/wlz.yaml", 4, "actueel"),
    ]
    markdown = (root / "reports/lawcheck.md").read_text(encoding="utf-8")
    assert (
        "| `data/wet/jeugdwet.yaml:4` | BWBR0034925 | 2026-07-01 | 2026-03-01 | https://wetten.overheid.nl/BWBR0034925 |"
        in markdown
    )
    assert "## Niet gecontroleerd" in markdown


def test_cli_all_current_passes_with_the_address_from_the_environment(project, service, monkeypatch):
    monkeypatch.setenv(lawcheck.ENV_SRU, service.base)
    root = project(law("wlz", "BWBR0035917", reviewed="2025-06-01"))
    result = run_cli("lawcheck", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "1 wet gecontroleerd: 0 met een nieuwe versie of zonder controledatum, 1 actueel."
    )
    assert json.loads((root / "reports/lawcheck.json").read_text(encoding="utf-8"))["verdict"] == "actueel"


def test_cli_service_down_says_so_in_one_line_and_exits_0(project, refused):
    root = project(law("jeugdwet", "BWBR0034925"), law("wlz", "BWBR0035917"))
    result = run_cli("lawcheck", "--sru", refused, "--retries", "0", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Kon de wetten niet controleren: de zoekdienst is niet bereikbaar (127.0.0.1 weigert de verbinding). "
        "Is er internet? Draai `make lawcheck` later opnieuw; er is niets als fout geteld."
    ]
    assert result.stderr == ""
    assert json.loads((root / "reports/lawcheck.json").read_text(encoding="utf-8"))["verdict"] == "niet-bereikbaar"


def test_cli_reports_data_errors_first(project, service):
    root = project(law("jeugdwet", "BWBR123"))
    result = run_cli("lawcheck", "--sru", service.base, cwd=root)
    assert result.returncode == 1
    assert "data/wet/jeugdwet.yaml:4: bwbr: 'BWBR123' heeft niet de goede vorm" in result.stderr
    assert service.requests == []


def test_the_weekly_workflow_runs_make_lawcheck_and_keeps_one_issue():
    from tests.conftest import ROOT

    text = (ROOT / ".github/workflows/lawcheck.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow[True]["schedule"], "the law check runs on a schedule"  # PyYAML reads 'on' as True
    assert "run: make lawcheck" in text
    for step in ("gh issue edit", "gh issue create", "gh issue comment", "gh issue close", "jq -r .verdict"):
        assert step in text
