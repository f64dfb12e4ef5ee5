"""A watch on the law: asks the official Basis Wettenbestand (BWB) search service, per law
record, for the version of the law that is in force today, and reports every law whose
current version started after the record's `reviewed` date.

One GET per law to the SRU 1.2 service of KOOP (https://zoekservice.overheid.nl/sru/Search,
`x-connection=BWB`), with a short timeout and a bounded number of retries. The answer is
parsed with the standard library: the size is capped, a DOCTYPE (and so any entity
declaration) is refused before ElementTree sees the bytes.

The response format, and why the query pins today's date
--------------------------------------------------------
Based on the public code and captured answers in ThijsvanEssen/lawgraph
(`src/lawgraph/clients/bwb.py`, and `tests/fixtures/bwb_sru_grondwet_page.xml` and
`bwb_sru_diagnostic.xml`, answers of zoekservice.overheid.nl to `dcterms.identifier==…`),
checked against the record layout that klomoli/legalize-pipeline reads in
`src/legalize/fetcher/nl/discovery.py` (`overheidbwb:geldigheidsperiode_startdatum` under
`bwbipm`), and against the KOOP user
documentation these projects cite ("Gebruikersdocumentatie BWB - Zoeken binnen het
basiswettenbestand v1.3.1", overheid.nl), which was not itself available to read:

    <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/">       SRU 1.2 envelope
      <version>1.2</version> <numberOfRecords>11</numberOfRecords>
      <records><record><recordData>
        <gzd xmlns="http://standaarden.overheid.nl/sru"
             xmlns:dcterms="http://purl.org/dc/terms/"
             xmlns:overheidbwb="http://standaarden.overheid.nl/bwb/terms/">
          <originalData><overheidbwb:meta>
            <owmskern><dcterms:identifier>BWBR0001840</dcterms:identifier> …</owmskern>
            <bwbipm>
              <overheidbwb:toestand>http://wetten.overheid.nl/id/BWBR0001840/2002-03-21/0</overheidbwb:toestand>
              <overheidbwb:geldigheidsperiode_startdatum>2002-03-21</…>
              <overheidbwb:geldigheidsperiode_einddatum>2005-02-07</…>
            </bwbipm>
          </overheidbwb:meta></originalData>
          <enrichedData><overheidbwb:locatie_toestand>https://repository…</…></enrichedData>
        </gzd>
      </recordData></record></records>
    </searchRetrieveResponse>

An error is `<diagnostics><diagnostic xmlns="http://www.loc.gov/zing/srw/diagnostic/">
<uri>…</uri><message>…</message></diagnostic></diagnostics>`. The service returns one record
per version (toestand), oldest first, future versions included; `overheidbwb.geldigheidsdatum`
and `overheidbwb.zichtdatum` set to today narrow the answer to the version in force today
(as legalize-pipeline's discovery does; lawgraph instead reads every version and picks the one
in force), so one small request per law suffices. Should the service still return several
versions, the one in force today with the latest start is taken.
Elements are matched by their local name: public clients show both the SRU 1.2
(`http://www.loc.gov/zing/srw/`) and the SRU 2.0 (`http://docs.oasis-open.org/ns/search-ws/
sruResponse`) envelope. Anything else (no `numberOfRecords`, no start date, a date that is
not a date) is reported as "kon niet controleren", never guessed.
"""

from __future__ import annotations

import http.client
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ..catalog import Catalog, Entry
from ..model import Law
from ..problems import Problem

DEFAULT_SRU = "https://zoekservice.overheid.nl/sru/Search"
ENV_SRU = "ROUTEWIJZER_BWB_SRU"
USER_AGENT = "Routewijzer-lawcheck/1.0 (controle van wetsversies voor de Routewijzer; Python urllib)"
MAX_BYTES = 2_000_000
"""An answer for one law and one date is a few kilobytes; two megabytes is a broken or hostile answer."""
MAX_RECORDS = 10
"""Pinned to today the service returns one version per law; a few more leave room, not a page of history."""
WETTEN = "https://wetten.overheid.nl/"

CHANGED = "gewijzigd"
UNREVIEWED = "niet-gecontroleerd"
CURRENT = "actueel"
UNKNOWN = "onbekend"
NEEDS_WORK = {CHANGED, UNREVIEWED}


# --------------------------------------------------------------------------- settings and results


@dataclass(frozen=True)
class Settings:
    base_url: str = DEFAULT_SRU
    timeout: float = 10.0
    retries: int = 1
    """Extra attempts after a timeout, a connection error, 429 or 5xx; never after another answer."""
    backoff: float = 2.0
    """Seconds before the first extra attempt; doubles per attempt."""


def base_url_from_env(given: str | None) -> str:
    """The option if given, else ROUTEWIJZER_BWB_SRU, else the official service."""
    return given or os.environ.get(ENV_SRU) or DEFAULT_SRU


@dataclass(frozen=True)
class Version:
    """The version (toestand) of a law in force on the day of the check."""

    bwbr: str
    start: date
    end: date | None
    toestand: str | None


class CheckFailed(Exception):
    """This law could not be checked; the message says why, in Dutch."""


class Unreachable(CheckFailed):
    """No connection to the service at all (refused, no DNS, no network)."""


class NoAnswer(CheckFailed):
    """Connected (or trying to), but no answer within the timeout."""


@dataclass
class LawResult:
    path: str
    bwbr: str
    line: int
    reviewed: date | None
    reviewed_line: int | None
    status: str
    message: str
    version: Version | None = None

    def problem(self) -> Problem:
        return Problem(self.path, self.line, "bwbr", self.message)

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "bwbr": self.bwbr,
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "reviewed_line": self.reviewed_line,
            "status": self.status,
            "version_start": self.version.start.isoformat() if self.version else None,
            "version_end": self.version.end.isoformat() if self.version and self.version.end else None,
            "toestand": self.version.toestand if self.version else None,
            "link": WETTEN + self.bwbr,
            "message": str(self.problem()),
        }


@dataclass
class Outcome:
    checked_at: datetime
    today: date
    service: str
    results: list[LawResult] = field(default_factory=list)
    unreachable: str | None = None
    """Why the service could not be reached at all; then nothing was checked."""

    @property
    def needs_work(self) -> list[LawResult]:
        return [r for r in self.results if r.status in NEEDS_WORK]

    @property
    def unknown(self) -> list[LawResult]:
        return [r for r in self.results if r.status == UNKNOWN]

    @property
    def verdict(self) -> str:
        """actueel, gewijzigd, onvolledig (some not checked, none changed) or niet-bereikbaar."""
        if self.unreachable is not None:
            return "niet-bereikbaar"
        if self.needs_work:
            return CHANGED
        return "onvolledig" if self.unknown else CURRENT

    @property
    def exit_code(self) -> int:
        return 1 if self.needs_work else 0


# --------------------------------------------------------------------------- the request


def build_url(base_url: str, bwbr: str, today: date) -> str:
    """The searchRetrieve URL for the version of one law in force today."""
    day = today.isoformat()
    query = f"dcterms.identifier=={bwbr} and overheidbwb.geldigheidsdatum={day} and overheidbwb.zichtdatum={day}"
    params = {
        "operation": "searchRetrieve",
        "version": "1.2",
        "x-connection": "BWB",
        "query": query,
        "maximumRecords": str(MAX_RECORDS),
    }
    separator = "&" if "?" in base_url else "?"
    return base_url + separator + urllib.parse.urlencode(params)


def _timed_out(exc: BaseException) -> bool:
    return isinstance(exc, (TimeoutError, socket.timeout)) or (
        isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, (TimeoutError, socket.timeout))
    )


def fetch(url: str, settings: Settings, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """The body of one answer, retried a bounded number of times on timeouts, connection errors, 429 and 5xx."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/xml, text/xml"})
    attempt = 0
    while True:
        failure: CheckFailed
        try:
            with urllib.request.urlopen(request, timeout=settings.timeout) as response:
                body: bytes = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise CheckFailed(f"het antwoord is groter dan {MAX_BYTES // 1_000_000} MB")
            return body
        except urllib.error.HTTPError as exc:
            exc.close()
            retry = exc.code == 429 or exc.code >= 500
            failure = CheckFailed(f"de zoekdienst antwoordde met HTTP {exc.code}")
        except CheckFailed:
            raise
        except (OSError, http.client.HTTPException) as exc:
            retry = True
            if _timed_out(exc):
                failure = NoAnswer(f"geen antwoord binnen {settings.timeout:g} s")
            elif isinstance(exc, urllib.error.URLError):  # no connection was made
                failure = Unreachable(f"de zoekdienst is niet bereikbaar ({_why(exc.reason, url)})")
            else:  # connected, but the answer broke off
                failure = CheckFailed(f"de verbinding met de zoekdienst werd verbroken ({exc!r})")
        if not retry or attempt >= settings.retries:
            raise failure
        sleep(settings.backoff * 2**attempt)
        attempt += 1


def _why(reason: object, url: str) -> str:
    """Why no connection was made, in Dutch where the cause is a common one."""
    host = urllib.parse.urlsplit(url).hostname or url
    if isinstance(reason, socket.gaierror):
        return f"de naam {host} is niet gevonden"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} weigert de verbinding"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason)


# --------------------------------------------------------------------------- the answer


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _refuse_doctype(body: bytes) -> None:
    """Parse once with expat, refusing a DOCTYPE (and with it every entity declaration)."""

    def refuse(*_: Any) -> None:
        raise CheckFailed("het antwoord bevat een DOCTYPE; dat hoort niet in een antwoord van de zoekdienst")

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(body, True)
    except expat.ExpatError as exc:
        raise CheckFailed(
            f"het antwoord is geen geldige XML ({expat.ErrorString(exc.code)}, regel {exc.lineno})"
        ) from None


def _text(element: ET.Element, name: str) -> str | None:
    """The text of the first descendant with this local name."""
    for child in element.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _date(value: str | None, what: str) -> date:
    if value is None:
        raise CheckFailed(f"het antwoord noemt geen {what}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise CheckFailed(f"{what} '{value}' in het antwoord is geen datum") from None


def parse_answer(body: bytes, bwbr: str, today: date) -> Version:
    """The version of `bwbr` in force on `today`, from one SRU answer; CheckFailed says what is wrong."""
    _refuse_doctype(body)
    root = ET.fromstring(body)
    if _local(root.tag) == "diagnostics" or any(_local(e.tag) == "diagnostic" for e in root.iter()):
        message = _text(root, "message") or _text(root, "uri") or "zonder uitleg"
        raise CheckFailed(f"de zoekdienst meldt een fout: {message}")
    if _local(root.tag) != "searchRetrieveResponse":
        raise CheckFailed(f"het antwoord is geen SRU-zoekresultaat (begint met <{_local(root.tag)}>)")
    count_text = next((e.text for e in root if _local(e.tag) == "numberOfRecords"), None)
    try:
        count = int((count_text or "").strip())
    except ValueError:
        raise CheckFailed("het antwoord noemt geen geldig aantal resultaten (numberOfRecords)") from None
    if count == 0:
        raise CheckFailed(
            f"de zoekdienst kent {bwbr} niet, of heeft er op {today.isoformat()} geen geldende versie van; "
            f"kijk of de BWBR-id klopt op {WETTEN}{bwbr}"
        )
    versions: list[Version] = []
    records = [e for e in root.iter() if _local(e.tag) == "record"]
    for record in records:
        if _text(record, "identifier") != bwbr:
            continue
        start = _date(_text(record, "geldigheidsperiode_startdatum"), "begindatum (geldigheidsperiode_startdatum)")
        end_text = _text(record, "geldigheidsperiode_einddatum")
        end = _date(end_text, "einddatum (geldigheidsperiode_einddatum)") if end_text else None
        versions.append(Version(bwbr, start, end, _text(record, "toestand")))
    if not versions:
        raise CheckFailed(f"het antwoord telt {count} resultaten, maar geen ervan is {bwbr}")
    in_force = [v for v in versions if v.start <= today and (v.end is None or today <= v.end)]
    if not in_force:
        raise CheckFailed(f"het antwoord noemt geen versie van {bwbr} die op {today.isoformat()} geldt")
    return max(in_force, key=lambda v: v.start)


# --------------------------------------------------------------------------- the check


def judge(entry: Entry, version: Version) -> LawResult:
    """Compare the version in force with the record's review date."""
    record = entry.record
    assert isinstance(record, Law)
    reviewed: date | None = getattr(record, "reviewed", None)
    link = WETTEN + record.bwbr
    start = version.start.isoformat()
    if reviewed is None:
        status = UNREVIEWED
        message = (
            f"{record.bwbr} geldt sinds {start} in deze versie en het record heeft geen controledatum (reviewed); "
            f"lees {link} en werk het record bij"
        )
    elif version.start > reviewed:
        status = CHANGED
        message = (
            f"{record.bwbr} heeft een nieuwe versie sinds {start} (na de controle van {reviewed.isoformat()}); "
            f"lees {link} en werk het record bij"
        )
    else:
        status = CURRENT
        message = (
            f"{record.bwbr} is actueel: de geldende versie is van {start}, gecontroleerd op {reviewed.isoformat()}"
        )
    return _result(entry, status, message, version)


def check_laws(
    catalog: Catalog,
    settings: Settings,
    *,
    today: date | None = None,
    get: Callable[[str, Settings], bytes] = fetch,
    progress: Callable[[str], None] = lambda _: None,
) -> Outcome:
    """Ask the service once per law record; stop early when it cannot be reached at all."""
    today = today or date.today()
    outcome = Outcome(datetime.now(timezone.utc), today, settings.base_url)
    answered = False
    for entry in catalog.of_kind("wet"):
        record = entry.record
        assert isinstance(record, Law)
        progress(f"{record.bwbr} ({entry.path})…")
        try:
            body = get(build_url(settings.base_url, record.bwbr, today), settings)
            answered = True
            outcome.results.append(judge(entry, parse_answer(body, record.bwbr, today)))
        except Unreachable as exc:
            if not answered:
                outcome.unreachable = str(exc)
                outcome.results.clear()
                return outcome
            outcome.results.append(_unknown(entry, str(exc)))
        except NoAnswer as exc:
            outcome.results.append(_unknown(entry, str(exc)))
        except CheckFailed as exc:
            answered = True
            outcome.results.append(_unknown(entry, str(exc)))
        except ET.ParseError as exc:  # expat accepted it, ElementTree did not: still malformed
            answered = True
            outcome.results.append(_unknown(entry, f"het antwoord is geen geldige XML ({exc})"))
    return outcome


def _unknown(entry: Entry, why: str) -> LawResult:
    return _result(entry, UNKNOWN, f"kon niet controleren: {why}")


def _result(entry: Entry, status: str, message: str, version: Version | None = None) -> LawResult:
    """A law's outcome with the lines an editor needs (its bwbr and its reviewed date)."""
    record = entry.record
    assert isinstance(record, Law)
    reviewed = record.reviewed
    return LawResult(
        path=entry.path,
        bwbr=record.bwbr,
        line=entry.line("bwbr"),
        reviewed=reviewed,
        reviewed_line=entry.line("reviewed") if reviewed else None,
        status=status,
        message=message,
        version=version,
    )


# --------------------------------------------------------------------------- reports


def unreachable_line(outcome: Outcome) -> str:
    return (
        f"Kon de wetten niet controleren: {outcome.unreachable}. Is er internet? "
        f"Draai `make lawcheck` later opnieuw; er is niets als fout geteld."
    )


def summary(outcome: Outcome) -> str:
    if outcome.unreachable is not None:
        return unreachable_line(outcome)
    n = len(outcome.results)
    parts = [f"{n} {'wet' if n == 1 else 'wetten'} gecontroleerd"]
    work, unknown = len(outcome.needs_work), len(outcome.unknown)
    current = n - work - unknown
    parts.append(f"{work} met een nieuwe versie of zonder controledatum")
    parts.append(f"{current} actueel")
    if unknown:
        parts.append(f"{unknown} kon{'' if unknown == 1 else 'den'} niet gecontroleerd worden")
    return ": ".join([parts[0], ", ".join(parts[1:])]) + "."


def console_lines(outcome: Outcome) -> list[str]:
    """What an editor sees: every law to update and every law not checked, at its file and line, then a summary."""
    if outcome.unreachable is not None:
        return [unreachable_line(outcome)]
    shown = [r for r in outcome.results if r.status != CURRENT]
    return [str(r.problem()) for r in sorted(shown, key=lambda r: (r.path, r.line))] + [summary(outcome)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(outcome: Outcome) -> str:
    """A report for people (and the body of the weekly issue)."""
    out = [
        "# Controle van de wetten",
        "",
        f"Gecontroleerd op {outcome.today.isoformat()} bij het Basis Wettenbestand ({outcome.service}). {summary(outcome)}",
        "",
    ]
    if outcome.unreachable is not None:
        return "\n".join(out)
    work = sorted(outcome.needs_work, key=lambda r: r.path)
    out += ["## Wat er moet gebeuren", ""]
    if not work:
        out += ["Niets: elke gecontroleerde wet is na de laatste wijziging gecontroleerd.", ""]
    else:
        out += [
            "Lees bij elke wet hieronder de geldende tekst, pas het record aan waar de wet iets anders zegt, "
            "en zet `reviewed:` op de datum van je controle. Zie CONTRIBUTING.md, 'Een wet is gewijzigd'.",
            "",
            "| bestand | wet | geldende versie sinds | gecontroleerd op | lees |",
            "|---|---|---|---|---|",
        ]
        for r in work:
            start = r.version.start.isoformat() if r.version else "?"
            reviewed = r.reviewed.isoformat() if r.reviewed else "nooit"
            out.append(f"| `{r.path}:{r.line}` | {r.bwbr} | {start} | {reviewed} | {WETTEN}{r.bwbr} |")
        out.append("")
    if outcome.unknown:
        out += ["## Niet gecontroleerd", "", "| bestand | wet | waarom |", "|---|---|---|"]
        for r in sorted(outcome.unknown, key=lambda r: r.path):
            out.append(f"| `{r.path}:{r.line}` | {r.bwbr} | {_cell(r.message)} |")
        out.append("")
    current = [r for r in outcome.results if r.status == CURRENT]
    if current:
        out += ["## Actueel", "", "| bestand | wet | geldende versie sinds | gecontroleerd op |", "|---|---|---|---|"]
        for r in sorted(current, key=lambda r: r.path):
            assert r.version is not None and r.reviewed is not None
            out.append(f"| `{r.path}:{r.line}` | {r.bwbr} | {r.version.start.isoformat()} | {r.reviewed.isoformat()} |")
        out.append("")
    return "\n".join(out)


def report_json(outcome: Outcome) -> dict[str, Any]:
    return {
        "checked_at": outcome.checked_at.isoformat(timespec="seconds"),
        "date": outcome.today.isoformat(),
        "service": outcome.service,
        "verdict": outcome.verdict,
        "unreachable": outcome.unreachable,
        "summary": summary(outcome),
        "laws": [r.as_json() for r in sorted(outcome.results, key=lambda r: r.path)],
    }


def write_reports(outcome: Outcome, folder: Path) -> tuple[Path, Path]:
    """reports/lawcheck.md and reports/lawcheck.json."""
    from .links.store import write_json

    folder.mkdir(parents=True, exist_ok=True)
    md, js = folder / "lawcheck.md", folder / "lawcheck.json"
    md.write_text(report_markdown(outcome), encoding="utf-8")
    write_json(js, report_json(outcome))
    return md, js
