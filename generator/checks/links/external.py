"""`make linkcheck`: every external URL in the data, checked politely, reported per file and line.

One run: collect the URLs with their places (collect.py) → skip those on the ignore list
(ignore.py) → reuse results younger than their TTL (store.py) → ask the web about the
rest through LinkChecker (probe.py) → update each URL's history → decide → write the
Markdown and JSON report.

Policy: an external link fails the run only once it has failed on `fail_after`
consecutive checks, so one bad moment of a flaky host does not block an editor. A run in
which no site answered at all is offline: its unreachable hosts are reported, but they
neither fail the run nor count towards a streak.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ...render.text import format_date
from .collect import UrlUse
from .ignore import IgnoreList, IgnoreRule
from .probe import Probe, Settings, probe_urls
from .store import Cached, Store, expiry, write_json

LABELS = {
    "ok": "werkt",
    "redirect": "verhuisd",
    "broken": "kapot",
    "timeout": "te traag",
    "unreachable": "onbereikbaar",
    "blocked": "geweigerd",
    "rate-limited": "te veel verzoeken",
    "ignored": "overgeslagen",
}
"""Dutch names of the statuses, as editors see them."""
FAILURES = {"broken", "timeout", "unreachable"}


@dataclass(frozen=True)
class Policy:
    """When an external link fails the run, and how long results are reused."""

    fail_after: int = 2
    """Consecutive failed checks before a link fails the run."""
    ttl_ok: timedelta = timedelta(hours=24)
    """How long a working link (or a redirect, or a refusal) is not asked again."""
    ttl_failed: timedelta = timedelta(hours=1)
    """How long a failed check is reused: two runs within this time count as one check."""


DEFAULT_POLICY = Policy()
DEFAULT_SETTINGS = Settings()


@dataclass
class UrlResult:
    """The verdict on one URL in this run."""

    url: str
    status: str
    detail: str
    code: int | None = None
    new_url: str | None = None
    checked_at: str | None = None
    from_cache: bool = False
    streak: int = 0
    fails: bool = False
    """True when this link fails the run (failed `fail_after` times in a row)."""
    ignore: IgnoreRule | None = None
    history: list[dict[str, str]] = field(default_factory=list)

    @property
    def counts_against(self) -> bool:
        return self.status in FAILURES


@dataclass
class Outcome:
    """Everything a report needs."""

    uses: list[UrlUse]
    results: dict[str, UrlResult]
    started: datetime
    online: bool | None
    """True when some site answered, False when none did (offline), None when nothing was asked."""
    checked: int
    cached: int
    policy: Policy
    ignore_path: str
    unused_ignores: list[IgnoreRule] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failing(self) -> list[UrlResult]:
        return [r for r in self.results.values() if r.fails]

    @property
    def ok(self) -> bool:
        return not self.failing


def run_external(
    uses: Iterable[UrlUse],
    ignore: IgnoreList,
    store: Store,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    policy: Policy = DEFAULT_POLICY,
    refresh: bool = False,
    now: datetime | None = None,
    probe: Callable[[list[str], Settings], dict[str, Probe]] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Outcome:
    """Check the URLs of `uses` and update the store (the caller saves it)."""
    now = now or datetime.now(timezone.utc)
    uses = sorted(uses)
    urls = list(dict.fromkeys(u.url for u in sorted(uses, key=lambda u: u.url)))
    results: dict[str, UrlResult] = {}
    to_probe: list[str] = []
    cached = 0
    for url in urls:
        rule = ignore.match(url)
        if rule is not None:
            results[url] = UrlResult(url, "ignored", rule.reason, ignore=rule)
            continue
        hit = None if refresh else store.fresh(url, now)
        if hit is None:
            to_probe.append(url)
            continue
        cached += 1
        history = store.history_of(url)
        results[url] = UrlResult(
            url,
            hit.status,
            hit.detail,
            hit.code,
            hit.new_url,
            hit.checked_at,
            True,
            history.streak,
            history=history.runs,
        )
    if progress is not None and to_probe:
        hosts = len({urlsplit(u).netloc for u in to_probe})
        progress(f"{len(to_probe)} adressen op {hosts} sites worden gecontroleerd ({cached} uit de cache)…")
    probes = (probe or _default_probe)(to_probe, settings) if to_probe else {}
    online = any(p.answered for p in probes.values()) if probes else None
    for url in to_probe:
        results[url] = _record(url, probes[url], store, now, policy, online)
    for result in results.values():
        result.fails = result.counts_against and result.streak >= policy.fail_after
    return Outcome(
        uses=uses,
        results=results,
        started=now,
        online=online,
        checked=len(to_probe),
        cached=cached,
        policy=policy,
        ignore_path=ignore.path,
        unused_ignores=ignore.unused(set(urls)),
        warnings=list(store.warnings),
    )


def _default_probe(urls: list[str], settings: Settings) -> dict[str, Probe]:
    return probe_urls(urls, settings)


def _record(url: str, probe: Probe, store: Store, now: datetime, policy: Policy, online: bool | None) -> UrlResult:
    """Fold a fresh probe into the history and the cache."""
    offline = online is False
    status = probe.status
    if status == "unreachable":
        failed: bool | None = None if offline else True
    elif status in FAILURES:
        failed = True
    elif status == "rate-limited":
        failed = None
    else:
        failed = False
    history = store.history_of(url)
    history.record(now, status, probe.detail, failed=failed)
    stamp = now.isoformat(timespec="seconds")
    if failed is None:
        store.remember(url, None)  # offline or rate limited: ask again next run
    else:
        ttl = policy.ttl_failed if failed else policy.ttl_ok
        store.remember(
            url,
            Cached(
                status,
                probe.detail,
                stamp,
                expiry(now, ttl),
                probe.code,
                probe.new_url,
                probe.final_url,
                probe.attempts,
            ),
        )
    return UrlResult(
        url, status, probe.detail, probe.code, probe.new_url, stamp, False, history.streak, history=history.runs
    )


# --------------------------------------------------------------------------- advice


def advice(result: UrlResult, online: bool | None) -> str:
    """What an editor should do about a link, in Dutch."""
    status = result.status
    if status == "redirect":
        return f"Vervang het adres door {result.new_url}."
    if status == "broken":
        if "anker" in result.detail:
            return "Link naar de pagina zonder '#…', of naar een anker dat er wel staat."
        if result.code is not None and result.code >= 500:
            return "De server van de site geeft een fout. Kijk later nog eens; blijft het zo, zoek een andere bron."
        if "certificaat" in result.detail:
            return "Browsers waarschuwen bezoekers voor deze site. Zoek een ander adres voor dezelfde informatie."
        return (
            "Zoek het nieuwe adres van deze pagina. Bestaat ze niet meer, gebruik een andere bron "
            "of een archiefversie (web.archive.org), of zet het feit op onbekend."
        )
    if status == "timeout":
        return "De site antwoordt te traag. Open de link zelf; werkt hij ook dan niet, zoek een andere bron."
    if status == "unreachable":
        if online is False:
            return "Niet gecontroleerd: geen internet. Draai `make linkcheck` opnieuw met internet."
        return "De site is niet te bereiken (bestaat de domeinnaam nog?). Zoek het nieuwe adres of een andere bron."
    if status == "blocked":
        return "Open de link zelf. Werkt hij, zet hem dan met de reden in linkcheck-ignore.yaml."
    if status == "rate-limited":
        return "De site vroeg om minder verzoeken; de volgende run probeert het opnieuw."
    if status == "ignored" and result.ignore is not None:
        return f"Overgeslagen: {result.ignore.reason}"
    return ""


def _https_hint(use: UrlUse, result: UrlResult) -> str | None:
    if not use.url.startswith("http://"):
        return None
    if result.new_url and result.new_url.startswith("https://"):
        return None  # the redirect advice already names the https address
    return "gebruik https als dat kan: " + "https://" + use.url[len("http://") :]


def _when(result: UrlResult, policy: Policy) -> str:
    if not result.counts_against or result.streak == 0:
        return ""
    if result.fails:
        return f"{result.streak}e keer op rij"
    left = policy.fail_after - result.streak
    return (
        f"{result.streak}e keer; faalt als het {'nog ' + str(left) + ' keer' if left > 1 else 'de volgende keer'} zo is"
    )


def _shown(result: UrlResult, policy: Policy) -> str:
    label = LABELS.get(result.status, result.status)
    when = _when(result, policy)
    return f"{label} ({result.detail}" + (f"; {when})" if when else ")")


# --------------------------------------------------------------------------- console


def console_lines(outcome: Outcome) -> list[str]:
    """What `make linkcheck` prints: the places that need an editor, then a summary."""
    lines: list[str] = []
    offline = outcome.online is False
    for use in outcome.uses:
        result = outcome.results[use.url]
        where = f"{use.path}:{use.line}: {use.field}: " if use.field else f"{use.path}:{use.line}: "
        hint = _https_hint(use, result)
        if result.status in {"ok", "ignored"} or (offline and result.status == "unreachable"):
            if hint:
                lines.append(f"{where}'{use.url}': {hint}")
            continue
        when = _when(result, outcome.policy)
        detail = result.detail + (f" ({when})" if when else "")
        message = f"{where}link naar '{use.url}' {_verb(result)}: {detail}. {advice(result, outcome.online)}"
        if hint:
            message += f" Ook: {hint}."
        lines.append(message)
    lines.extend(
        f"{outcome.ignore_path}:{rule.line}: '{rule.pattern}' komt niet meer voor in de data; haal de regel weg"
        for rule in outcome.unused_ignores
    )
    lines.extend(f"WAARSCHUWING: {w}" for w in outcome.warnings)
    lines.append(summary(outcome))
    if offline:
        hosts = {urlsplit(r.url).netloc for r in outcome.results.values() if r.status == "unreachable"}
        lines.append(
            f"Geen internet? Geen enkele site gaf antwoord ({len(hosts)} sites onbereikbaar). "
            "Dat telt niet als fout; draai `make linkcheck` opnieuw met internet."
        )
    failing = outcome.failing
    if failing:
        n = len(failing)
        lines.append(
            f"FOUT: {n} {'link werkt' if n == 1 else 'links werken'} {outcome.policy.fail_after} keer of vaker op rij niet."
        )
    return lines


def _verb(result: UrlResult) -> str:
    return {"redirect": "is verhuisd", "blocked": "is niet gecontroleerd", "rate-limited": "is niet gecontroleerd"}.get(
        result.status, "werkt niet"
    )


def summary(outcome: Outcome) -> str:
    counts = Counter(r.status for r in outcome.results.values())
    parts = [f"{counts[s]} {LABELS[s]}" for s in LABELS if counts[s]]
    return (
        f"Externe links: {len(outcome.results)} adressen op {len(outcome.uses)} plekken; "
        f"{outcome.checked} nu gecontroleerd, {outcome.cached} uit de cache. " + ", ".join(parts) + "."
    )


# --------------------------------------------------------------------------- reports


def report_json(outcome: Outcome) -> dict[str, Any]:
    """The whole outcome as plain data: the places per source file and line, and the verdict per URL."""
    files: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for use in outcome.uses:
        result = outcome.results[use.url]
        files[use.path].append(
            {
                "line": use.line,
                "field": use.field,
                "url": use.url,
                "status": result.status,
                "label": LABELS.get(result.status, result.status),
                "fails": result.fails,
                "advice": advice(result, outcome.online),
                "https": _https_hint(use, result),
            }
        )
    urls = {
        url: {
            "status": r.status,
            "detail": r.detail,
            "code": r.code,
            "new_url": r.new_url,
            "fails": r.fails,
            "streak": r.streak,
            "checked_at": r.checked_at,
            "from_cache": r.from_cache,
            "ignore": {"reason": r.ignore.reason, "line": r.ignore.line} if r.ignore else None,
            "history": r.history,
        }
        for url, r in sorted(outcome.results.items())
    }
    return {
        "checked_at": outcome.started.isoformat(timespec="seconds"),
        "online": outcome.online,
        "ok": outcome.ok,
        "summary": summary(outcome),
        "policy": {
            "fail_after": outcome.policy.fail_after,
            "ttl_ok_hours": outcome.policy.ttl_ok.total_seconds() / 3600,
            "ttl_failed_hours": outcome.policy.ttl_failed.total_seconds() / 3600,
        },
        "counts": dict(sorted(Counter(r.status for r in outcome.results.values()).items())),
        "files": dict(sorted(files.items())),
        "urls": urls,
        "unused_ignores": [{"line": r.line, "pattern": r.pattern, "reason": r.reason} for r in outcome.unused_ignores],
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(outcome: Outcome) -> str:
    """A report for people: what needs doing, per file and line; what was skipped and why."""
    local = outcome.started.astimezone()
    out = [
        "# Controle van externe links",
        "",
        f"Gecontroleerd op {format_date(local.date())} om {local:%H:%M}. {summary(outcome)}",
        "",
    ]
    if outcome.online is False:
        out += [
            "> **Geen internet?** Geen enkele site gaf antwoord. Onbereikbare links tellen in deze run niet als fout;",
            "> draai `make linkcheck` opnieuw met internet.",
            "",
        ]
    verdict = (
        "**De controle is geslaagd.**"
        if outcome.ok
        else f"**De controle faalt:** {len(outcome.failing)} links werken al {outcome.policy.fail_after} keer of vaker op rij niet."
    )
    out += [
        verdict
        + f" Een link faalt pas na {outcome.policy.fail_after} mislukte controles op rij; werkende links worden "
        f"{outcome.policy.ttl_ok.total_seconds() / 3600:g} uur niet opnieuw gevraagd.",
        "",
        "## Wat er moet gebeuren",
        "",
    ]
    todo: dict[str, list[str]] = defaultdict(list)
    offline = outcome.online is False
    for use in outcome.uses:
        result = outcome.results[use.url]
        hint = _https_hint(use, result)
        quiet = result.status in {"ok", "ignored"} or (offline and result.status == "unreachable")
        if quiet and not hint:
            continue
        if quiet:
            status, what = LABELS[result.status], f"{hint[0].upper()}{hint[1:]}." if hint else ""
        else:
            status = _shown(result, outcome.policy)
            status = f"**{status}**" if result.fails else status
            what = advice(result, outcome.online) + (f" Ook: {hint}." if hint else "")
        todo[use.path].append(
            f"| {use.line} | {_cell(use.field or '—')} | {_cell(use.url)} | {_cell(status)} | {_cell(what)} |"
        )
    if not todo:
        out += ["Niets." if not offline else "Niets dat zonder internet te zien is.", ""]
    for path in sorted(todo):
        out += [
            f"### {path}",
            "",
            "| regel | veld | link | status | wat te doen |",
            "|---:|---|---|---|---|",
            *todo[path],
            "",
        ]
    ignored = sorted(
        {r.url: r for r in outcome.results.values() if r.status == "ignored"}.values(), key=lambda r: r.url
    )
    if ignored:
        out += [f"## Overgeslagen ({outcome.ignore_path})", "", "| link | reden | regel |", "|---|---|---:|"]
        out += [
            f"| {_cell(r.url)} | {_cell(r.ignore.reason if r.ignore else '')} | {r.ignore.line if r.ignore else ''} |"
            for r in ignored
        ]
        out.append("")
    if outcome.unused_ignores:
        out += ["## Uitzonderingen die niets meer doen", ""]
        out += [
            f"- {outcome.ignore_path}:{r.line}: '{_cell(r.pattern)}' komt niet meer voor in de data; haal de regel weg."
            for r in outcome.unused_ignores
        ]
        out.append("")
    unreachable: dict[str, list[UrlResult]] = defaultdict(list)
    for r in outcome.results.values():
        if r.status == "unreachable":
            unreachable[urlsplit(r.url).netloc].append(r)
    if unreachable:
        note = " (geen internet: telt niet als fout)" if offline else ""
        out += [f"## Onbereikbare sites{note}", "", "| site | adressen | fout |", "|---|---:|---|"]
        out += [f"| {host} | {len(rs)} | {_cell(rs[0].detail)} |" for host, rs in sorted(unreachable.items())]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def write_reports(outcome: Outcome, folder: Path) -> tuple[Path, Path]:
    """reports/linkcheck.md and reports/linkcheck.json."""
    folder.mkdir(parents=True, exist_ok=True)
    md, js = folder / "linkcheck.md", folder / "linkcheck.json"
    md.write_text(report_markdown(outcome), encoding="utf-8")
    write_json(js, report_json(outcome))
    return md, js
