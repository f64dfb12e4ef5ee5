"""Ask the web about a set of URLs, with LinkChecker doing the requests.

LinkChecker (https://linkchecker.github.io/linkchecker/) checks each URL in its own worker
threads: robots.txt, redirects (each hop), TLS, timeouts and the HTML anchor parsing. This
module is a thin layer over its Python API that adds what `make linkcheck` needs and the
command line does not give:

- a per-host rate limit that does not hold the other hosts up (LinkChecker's own waits
  under one global lock, and at least 0.1 s per request);
- the status code of every hop, from a connection plugin, so a permanent redirect (301,
  308) can be told from a temporary one without parsing translated messages;
- retry rounds with exponential backoff for 429, 503 and timeouts, honouring Retry-After;
- a classification into a few statuses with a Dutch explanation for editors.

LinkChecker (the `linkcheck` package) is imported when a check runs, never at import
time, so `make check` does not need it.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from typing import Any, Literal
from urllib.parse import unquote, urljoin, urlsplit

Status = Literal["ok", "redirect", "broken", "timeout", "unreachable", "blocked", "rate-limited"]
"""ok: works. redirect: works after a permanent redirect (update the data). broken: 4xx/5xx,
redirect loop, missing anchor, TLS error. timeout: no answer in time. unreachable: no
connection (DNS, refused); offline every host is. blocked: the site refuses automated
checks (401/403, robots.txt). rate-limited: still 429 after every retry."""

PERMANENT = {301, 308}
RETRY_CODES = {429, 503}


@dataclass(frozen=True)
class Settings:
    """How the external check treats the sites it asks."""

    timeout: float = 15.0
    """Seconds to wait for a connection and for each read."""
    workers: int = 8
    """Requests in flight at the same time (to different hosts)."""
    per_host_rate: float = 2.0
    """Requests per second to any one host, at most."""
    retries: int = 2
    """Extra attempts after a 429, a 503 or a timeout."""
    backoff: float = 2.0
    """Seconds before the first retry; doubles each round (with up to 25 % jitter)."""
    max_wait: float = 60.0
    """A Retry-After longer than this is cut to it; the URL is tried again next run anyway."""
    robots: bool = True
    """Honour robots.txt (a disallowed URL is reported as blocked, not checked)."""
    user_agent: str | None = None
    """None keeps LinkChecker's own user agent, which names the tool and its homepage."""


@dataclass
class Probe:
    """What happened to one URL."""

    url: str
    status: Status
    detail: str
    """A short Dutch explanation (the HTTP status, the error)."""
    code: int | None = None
    """The HTTP status of the final response; None when there was none."""
    final_url: str | None = None
    """Where the redirects ended, if anywhere else."""
    hops: list[tuple[int, str]] = field(default_factory=list)
    """(status, location) of each redirect, in order."""
    new_url: str | None = None
    """The URL to write in the data instead: where the permanent redirects lead."""
    attempts: int = 1
    retry_after: float | None = None
    anchors: frozenset[str] | None = None
    """The anchor names on the page, when it was read for them."""
    transient: bool = False
    """A timeout: another attempt may succeed."""

    @property
    def answered(self) -> bool:
        """True when a server sent an HTTP response (we were online)."""
        return self.code is not None


# --------------------------------------------------------------------------- rate limit


class HostLimiter:
    """At most `rate` requests per second to each host; other hosts are never held up.

    Each caller reserves the next free slot of its host under a short lock and sleeps
    outside it, so a thread waiting for one busy host does not block the others.
    """

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Block until `host` may be asked again; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return delay

    def hold(self, host: str, seconds: float) -> None:
        """Ask nothing of `host` for `seconds` (after a 429 with Retry-After)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), self._clock() + seconds)


def interleave(urls: Iterable[str]) -> list[str]:
    """Order URLs round-robin over their hosts, so the workers spread over hosts instead of queueing on one."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[urlsplit(url).netloc.lower()].append(url)
    queues = sorted(by_host.values(), key=len, reverse=True)
    out: list[str] = []
    for i in range(max((len(q) for q in queues), default=0)):
        out.extend(q[i] for q in queues if i < len(q))
    return out


def backoff_delay(round_: int, settings: Settings, retry_after: float | None = None, *, jitter: float = 0.0) -> float:
    """Seconds before retry round `round_` (1, 2, …): backoff × 2^(round−1) × (1 + jitter), at least Retry-After."""
    delay = settings.backoff * float(2 ** (round_ - 1)) * (1 + jitter)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return min(delay, settings.max_wait)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# --------------------------------------------------------------------------- classification


@dataclass
class _Trace:
    """What the plugins saw of one URL while LinkChecker checked it."""

    responses: list[tuple[int, str, str | None]] = field(default_factory=list)
    """(status, url, Location) of every response, redirects first."""
    retry_after: str | None = None
    anchors: frozenset[str] | None = None


_EXCEPTIONS: list[tuple[str, Status, str, bool]] = [
    # (text in LinkChecker's result, status, Dutch detail, worth a retry)
    ("TooManyRedirects", "broken", "stuurt eindeloos door (een doorverwijzing in een kring)", False),
    ("ReadTimeout", "timeout", "geen antwoord binnen de wachttijd", True),
    ("ConnectTimeout", "unreachable", "geen verbinding binnen de wachttijd", True),
    ("SSLError", "broken", "het beveiligingscertificaat klopt niet (browsers waarschuwen bezoekers)", False),
    ("NameResolutionError", "unreachable", "de domeinnaam bestaat niet of is niet op te zoeken", False),
    ("Failed to resolve", "unreachable", "de domeinnaam bestaat niet of is niet op te zoeken", False),
    ("Name or service not known", "unreachable", "de domeinnaam bestaat niet of is niet op te zoeken", False),
    # LinkChecker cuts results at 240 characters: match what comes early in requests' messages.
    ("[Errno 111]", "unreachable", "de server weigert de verbinding", False),
    ("Connection refused", "unreachable", "de server weigert de verbinding", False),
    ("ConnectionError", "unreachable", "geen verbinding met de server", False),
    ("timed out", "timeout", "geen antwoord binnen de wachttijd", True),
]


def classify(url: str, trace: _Trace, result: str, valid: bool, robots_denied: bool) -> Probe:
    """Turn what LinkChecker and the plugins saw into a Probe."""
    hops = [(code, urljoin(where, location or "")) for code, where, location in trace.responses if location]
    retry_after = parse_retry_after(trace.retry_after)
    if robots_denied:
        return Probe(url, "blocked", "robots.txt van de site staat automatische controle niet toe", hops=hops)
    final = next((r for r in reversed(trace.responses) if r[2] is None), None)
    if final is None:
        for needle, status, detail, transient in _EXCEPTIONS:
            if needle in result:
                return Probe(url, status, detail, hops=hops, transient=transient)
        if trace.responses:  # only redirects, then an error
            return Probe(url, "broken", f"fout na doorverwijzing: {result[:160]}", hops=hops)
        return Probe(url, "unreachable" if not valid else "broken", f"fout: {result[:160]}", hops=hops)
    code, last_url, _ = final
    final_url = last_url if last_url != url else None
    reason = result.split(" ", 1)[1] if result[:3].isdigit() and " " in result else ""
    shown = f"{code} {reason}".strip()
    if code == 429:
        return Probe(
            url,
            "rate-limited",
            f"{shown}: de site vraagt om minder verzoeken",
            code,
            final_url,
            hops,
            retry_after=retry_after,
        )
    if code in {401, 403}:
        detail = f"{shown}: de site weigert automatische controle; open de link zelf"
        return Probe(url, "blocked", detail, code, final_url, hops)
    if code >= 400:
        return Probe(url, "broken", shown, code, final_url, hops, retry_after=retry_after)
    new_url = _new_url(url, hops)
    if new_url is not None:
        detail = f"{hops[0][0]} naar {new_url}"
        if urlsplit(new_url).path in {"", "/"} and urlsplit(url).path not in {"", "/"}:
            detail += "; dat is de voorpagina, dus de pagina zelf is waarschijnlijk weg: zoek het nieuwe adres"
        return Probe(url, "redirect", detail, code, final_url, hops, new_url, anchors=trace.anchors)
    detail = shown if not hops else f"{shown} (tijdelijk doorgestuurd)"
    return Probe(url, "ok", detail, code, final_url, hops, anchors=trace.anchors)


def with_fragment(page: Probe, url: str) -> Probe:
    """The probe of a page applied to one URL on it: a missing `#anchor` makes it broken."""
    fragment = urlsplit(url).fragment
    new_url = page.new_url
    detail = page.detail
    if new_url is not None and fragment and "#" not in new_url:
        detail = detail.replace(new_url, f"{new_url}#{fragment}")
        new_url += f"#{fragment}"
    probe = replace(page, url=url, new_url=new_url, detail=detail)
    if (
        fragment
        and page.status in {"ok", "redirect"}
        and page.anchors is not None
        and not {fragment, unquote(fragment)} & page.anchors
    ):
        if page.status == "redirect":
            detail = f"{detail}; het anker '#{fragment}' staat daar niet op"
        else:
            detail = f"de pagina werkt, maar het anker '#{fragment}' staat er niet (meer) op"
        return replace(probe, status="broken", detail=detail)
    return probe


def _new_url(url: str, hops: list[tuple[int, str]]) -> str | None:
    """Where the leading permanent redirects lead, or None."""
    target = None
    for code, location in hops:
        if code not in PERMANENT:
            break
        target = location
    return target


def _retryable(probe: Probe, online: bool) -> bool:
    """429, 503 and timeouts are tried again; a connection timeout only if some site answered (we are online)."""
    if probe.status == "unreachable":
        return probe.transient and online
    return probe.transient or probe.status == "rate-limited" or probe.code in RETRY_CODES


# --------------------------------------------------------------------------- LinkChecker


def probe_urls(
    urls: Iterable[str],
    settings: Settings | None = None,
    *,
    on_round: Callable[[int, int, float], None] | None = None,
) -> dict[str, Probe]:
    """Check each URL, with retry rounds for 429, 503 and timeouts. Returns a Probe per URL.

    URLs that differ only in their `#anchor` are one request: the page is read once and
    each anchor looked up in it.
    """
    settings = settings or Settings()
    wanted = list(dict.fromkeys(urls))
    pages = {url: url.partition("#")[0] for url in wanted}
    with_anchor = {page for url, page in pages.items() if page != url}
    pending = list(dict.fromkeys(pages.values()))
    results: dict[str, Probe] = {}
    limiter = HostLimiter(settings.per_host_rate)
    online = False
    for round_ in range(settings.retries + 1):
        if not pending:
            break
        if round_:
            waits = [wait for u in pending if (wait := results[u].retry_after) is not None]
            delay = backoff_delay(round_, settings, max(waits) if waits else None, jitter=random.uniform(0, 0.25))
            if on_round is not None:
                on_round(round_, len(pending), delay)
            time.sleep(delay)
        round_results = _run_linkchecker(interleave(pending), settings, limiter, with_anchor)
        for url, probe in round_results.items():
            probe.attempts = round_ + 1
            results[url] = probe
            if probe.retry_after:
                limiter.hold(urlsplit(url).netloc.lower(), min(probe.retry_after, settings.max_wait))
        online = online or any(p.answered for p in round_results.values())
        pending = [u for u in pending if _retryable(results[u], online)]
    return {url: with_fragment(results[page], url) for url, page in pages.items()}


def _run_linkchecker(
    urls: list[str], settings: Settings, limiter: HostLimiter, read_anchors: set[str]
) -> dict[str, Probe]:
    """One LinkChecker run over `urls` (no recursion), through the plugins below."""
    import requests
    from linkcheck import checker, configuration, plugins
    from linkcheck.cache import results, robots_txt, urlqueue
    from linkcheck.director import aggregator, check_url
    from linkcheck.director import checker as threads

    traces: dict[str, _Trace] = defaultdict(_Trace)
    lock = threading.Lock()
    dead_hosts: dict[str, str] = {}
    """Hosts that could not be reached in this run, with the error: their other URLs are not tried again."""

    class _Hops(plugins._ConnectionPlugin):  # type: ignore[misc]
        """Runs after every response, redirects included: records status and Location."""

        def __init__(self) -> None:
            pass

        def applies_to(self, url_data: Any, **_: Any) -> bool:
            return url_data.url_connection is not None and hasattr(url_data.url_connection, "status_code")

        def check(self, url_data: Any) -> None:
            response = url_data.url_connection
            location = response.headers.get("Location") if response.is_redirect else None
            with lock:
                trace = traces[url_data.base_url]
                trace.responses.append((response.status_code, url_data.url, location))
                trace.retry_after = response.headers.get("Retry-After") or trace.retry_after

    class _Anchors(plugins._ContentPlugin):  # type: ignore[misc]
        """Reads the anchor names of pages that some URL points into, with LinkChecker's HTML parser."""

        def __init__(self) -> None:
            pass

        def applies_to(self, url_data: Any, **_: Any) -> bool:
            code = getattr(url_data.url_connection, "status_code", 0)
            return url_data.base_url in read_anchors and url_data.is_html() and 200 <= code < 300

        def check(self, url_data: Any) -> None:
            from linkcheck.htmlutil import linkparse
            from linkcheck.plugins.anchorcheck import UrlAnchorCheck

            found = UrlAnchorCheck()
            linkparse.find_links(url_data.get_soup(), found.add_anchor, linkparse.AnchorTags)
            with lock:
                traces[url_data.base_url].anchors = frozenset(anchor[0] for anchor in found.anchors)

    class _Collect:
        """A LinkChecker logger that keeps the results instead of printing them."""

        is_active = True

        def __init__(self) -> None:
            self.results: list[Any] = []

        def start_output(self) -> None:
            pass

        def end_output(self, **_: Any) -> None:
            pass

        def log_filter_url(self, url_data: Any, do_print: bool) -> None:
            self.results.append(url_data)
            result = str(url_data.result)
            if not url_data.valid and any(n in result for n, status, *_ in _EXCEPTIONS if status == "unreachable"):
                with lock:
                    dead_hosts.setdefault(urlsplit(url_data.base_url).netloc.lower(), result)

        def log_internal_error(self) -> None:
            pass

    class _Aggregate(aggregator.Aggregate):  # type: ignore[misc]
        def wait_for_host(self, host: str) -> None:
            # Called just before each request, inside LinkChecker's error handling: an
            # exception here becomes the URL's result, as if the connection had failed.
            with lock:
                dead = dead_hosts.get(host.lower())
            if dead is not None:
                raise requests.exceptions.ConnectionError(f"{dead} (eerder in deze run)")
            limiter.wait(host.lower())

        def start_threads(self) -> None:
            # Daemon workers, stopped without a join: LinkChecker's own shutdown waits up
            # to a second per run for threads polling an empty queue.
            for _ in range(self.config["threads"]):
                worker = threads.Checker(self.urlqueue, self.logger, self.add_request_session)
                worker.daemon = True
                self.threads.append(worker)
                worker.start()

    config = configuration.Configuration()
    config["recursionlevel"] = 0
    config["threads"] = max(1, settings.workers)
    config["timeout"] = settings.timeout
    config["aborttimeout"] = max(30.0, settings.timeout * 3)
    config["robotstxt"] = settings.robots
    config["status"] = False
    config["checkextern"] = True
    config["maxhttpredirects"] = 10
    if settings.user_agent:
        config["useragent"] = settings.user_agent
    collect = _Collect()
    config["logger"] = collect
    previous_timeout = socket.getdefaulttimeout()
    config.sanitize()  # also sets the socket default timeout, restored below
    aggregate = _Aggregate(
        config,
        urlqueue.UrlQueue(max_allowed_urls=None),
        robots_txt.RobotsTxt(config["useragent"]),
        plugins.PluginManager(config),
        results.ResultCache(config["resultcachesize"]),
    )
    aggregate.plugin_manager.connection_plugins.append(_Hops())
    aggregate.plugin_manager.content_plugins.append(_Anchors())
    try:
        for url in urls:
            aggregate.urlqueue.put(checker.get_url_from(url, 0, aggregate, extern=(0, 0)))
        if urls:
            aggregate.start_threads()
            check_url(aggregate)
    finally:
        for worker in aggregate.threads:
            worker.stop()
        socket.setdefaulttimeout(previous_timeout)

    probes: dict[str, Probe] = {}
    for data in collect.results:
        url = data.base_url
        # robots.txt forbids the URL: LinkChecker checked only its syntax, sent no request, and called it valid.
        denied = bool(data.valid) and not traces[url].responses and settings.robots
        probes[url] = classify(url, traces[url], str(data.result), bool(data.valid), denied)
    for url in urls:  # LinkChecker gives up on a URL it cannot even parse
        probes.setdefault(url, Probe(url, "broken", "LinkChecker kon dit adres niet controleren"))
    return probes
