"""Hostile content: classic XSS payloads in every free-text field of a scratch project.

For every (field, payload) pair the loader either rejects the record with a Dutch message that
names file, line and field, or accepts it. Everything accepted is then built through the real
CLI with the real mkdocs.yml and docs/ (so the same Markdown extensions apply), and the built
pages are opened in Chromium with a trap: no dialog may open, no trap function may be called, no
request may leave 127.0.0.1, and no element may carry an event handler or a `javascript:` URL.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.load import load_entry
from generator.problems import DataError
from tests.browser.conftest import new_page, search, serve_directory
from tests.conftest import MINI_DATA, ROOT, run_cli, write_files
from tests.scan import audit_site

PAYLOADS = [
    line
    for line in (ROOT / "tests" / "bad_inputs" / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@dataclass(frozen=True)
class Field:
    """A free-text field: the record it lives in and the path to it."""

    kind: str
    base: str
    path: tuple[str | int, ...]
    unknown: bool = False
    """The field is a fact written as `{unknown: <text>}`."""

    @property
    def dotted(self) -> str:
        parts = [*self.path, "unknown"] if self.unknown else list(self.path)
        return ".".join(f"[{p}]" if isinstance(p, int) else p for p in parts).replace(".[", "[")


_THEME, _LAW, _REGION = "data/thema/wetten.yaml", "data/wet/jeugdwet.yaml", "data/regio/groningen.yaml"
_NETWORK, _TERM, _CONTACT = "data/netwerk/ben-noord.yaml", "data/begrip/ots.yaml", "data/contact/veilig-thuis.yaml"
_RESOURCE, _LESSON = "data/hulpmiddel/gids.yaml", "data/les/volgen.yaml"
_ROUTE = "data/route/welke-hulp.yaml"

ROUTE_DATA = {
    _ROUTE: """\
title: Welke hulp past?
audience: [ouder]
summary: Beantwoord een vraag en zie wie je kan helpen.
start: leeftijd
nodes:
  leeftijd:
    question:
      text: Hoe oud is het kind?
      help: Kies het eerste antwoord dat past.
      answers:
        - text: Jonger dan 18 jaar
          hint: ook een baby
          next: hulp
  hulp:
    outcome:
      title: Jeugdhulp via de gemeente
      summary: De gemeente helpt bij opgroeien.
      body: Vraag het na bij het wijkteam.
      decides: De gemeente.
      next_steps: [Bel het wijkteam.]
      ask: [contact/veilig-thuis]
      sources:
        - title: Uitkomstbron
          url: https://www.example.nl/uitkomst
sources:
  - title: Routebron
    url: https://www.example.nl/route
    consulted: 2026-01-15
reviewed: 2026-01-15
"""
}
"""A route (not in MINI_DATA): its titles, questions, answers and outcome texts are fields too."""

FIELDS = [
    Field("thema", _THEME, ("title",)),
    Field("thema", _THEME, ("subtitle",)),
    Field("thema", _THEME, ("summary",)),
    Field("thema", _THEME, ("body",)),
    Field("wet", _LAW, ("for_whom",)),
    Field("wet", _LAW, ("how_to_apply",)),
    Field("wet", _LAW, ("measures", 0, "summary")),
    Field("wet", _LAW, ("measures", 0, "name")),
    Field("wet", _LAW, ("in_force",), unknown=True),
    Field("regio", _REGION, ("ret", "note")),
    Field("regio", _REGION, ("ret", "website"), unknown=True),
    Field("regio", _REGION, ("municipalities", 0, "note")),
    Field("regio", _REGION, ("municipalities", 0, "former_names", 0)),
    Field("regio", _REGION, ("network_basis",)),
    Field("netwerk", _NETWORK, ("offers", 0)),
    Field("netwerk", _NETWORK, ("website",), unknown=True),
    Field("begrip", _TERM, ("definition",)),
    Field("begrip", _TERM, ("synonyms", 0)),
    Field("contact", _CONTACT, ("helps_with", 0)),
    Field("contact", _CONTACT, ("sources", 0, "title")),
    Field("hulpmiddel", _RESOURCE, ("sources", 0, "note")),
    Field("hulpmiddel", _RESOURCE, ("publisher",), unknown=True),
    Field("les", _LESSON, ("body",)),
    Field("les", _LESSON, ("summary",)),
    # Issue 13: every field kind, those that reached the page unescaped above all.
    Field("les", _LESSON, ("keywords",)),
    Field("netwerk", _NETWORK, ("short_name",)),
    Field("netwerk", _NETWORK, ("title",)),
    Field("begrip", _TERM, ("abbreviation",)),
    Field("begrip", _TERM, ("title",)),
    Field("wet", _LAW, ("abbreviation",)),
    Field("wet", _LAW, ("official_title",)),
    Field("regio", _REGION, ("title",)),
    Field("regio", _REGION, ("ret", "name")),
    Field("regio", _REGION, ("municipalities", 0, "name")),
    Field("contact", _CONTACT, ("hours",)),
    Field("contact", _CONTACT, ("sources", 0, "publisher")),
    Field("hulpmiddel", _RESOURCE, ("title",)),
    Field("route", _ROUTE, ("title",)),
    Field("route", _ROUTE, ("summary",)),
    Field("route", _ROUTE, ("nodes", "leeftijd", "question", "text")),
    Field("route", _ROUTE, ("nodes", "leeftijd", "question", "help")),
    Field("route", _ROUTE, ("nodes", "leeftijd", "question", "answers", 0, "text")),
    Field("route", _ROUTE, ("nodes", "leeftijd", "question", "answers", 0, "hint")),
    Field("route", _ROUTE, ("nodes", "hulp", "outcome", "title")),
    Field("route", _ROUTE, ("nodes", "hulp", "outcome", "body")),
    Field("route", _ROUTE, ("nodes", "hulp", "outcome", "next_steps", 0)),
    Field("route", _ROUTE, ("nodes", "hulp", "outcome", "sources", 0, "title")),
]
"""Every kind of free-text field: titles (of every kind, a network's short name, a route's
questions, answers and outcomes), abbreviations, summaries, bodies, definitions, list items,
keywords, notes, source titles, publishers and notes, and the explanation of an unknown fact.
A body holds link texts and link titles of its own."""

_MARKER = "XSS-PAYLOAD-MARKER"
_ENGLISH = re.compile(r"Input should|Value error|String should|validation error|Traceback|Field required")


def _base(path: str) -> dict[str, Any]:
    return dict(yaml.safe_load({**MINI_DATA, **ROUTE_DATA}[path]))


def _set(record: dict[str, Any], field: Field, value: str) -> None:
    node: Any = record
    for part in field.path[:-1]:
        node = node[part]
    if field.path == ("keywords",):
        node["keywords"] = ["gewoon zoekwoord", value]
        return
    node[field.path[-1]] = {"unknown": value} if field.unknown else value


def _dump(record: dict[str, Any], payloads: dict[str, str]) -> str:
    """YAML text of `record`; each marker string is replaced by its payload as a JSON (= YAML) string."""
    text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=10_000)
    for marker, payload in payloads.items():
        text = text.replace(marker, json.dumps(payload))
    return text


def _unique(record: dict[str, Any], kind: str, n: int) -> None:
    """Give a copied record values that must be unique across the catalog."""
    record["title"] = f"XSS-test {kind} {n}"
    if kind == "regio":
        record["cbs_code"] = f"JZ{10 + n:02d}"
        for i, municipality in enumerate(record["municipalities"]):
            municipality["code"] = f"GM{2000 + 2 * n + i:04d}"
    if kind == "wet":
        record["bwbr"] = f"BWBR{1_000_000 + n:07d}"
    if kind == "begrip":
        record["abbreviation"] = f"XT{n}"


@dataclass
class Verdicts:
    """What the loader did with each (field, payload) pair."""

    rejected: dict[tuple[Field, str], list[str]]
    accepted: dict[str, list[Field]]
    """payload → the fields the loader accepted it in."""
    wrong_messages: list[str]


def classify(work: Path) -> Verdicts:
    """Put each payload in each field of a copy of a valid record and ask the loader."""
    rejected: dict[tuple[Field, str], list[str]] = {}
    accepted: dict[str, list[Field]] = defaultdict(list)
    wrong: list[str] = []
    for n, payload in enumerate(PAYLOADS):
        for f, field in enumerate(FIELDS):
            record = _base(field.base)
            _unique(record, field.kind, n)
            _set(record, field, _MARKER)
            text = _dump(record, {_MARKER: payload})
            path = work / "data" / field.kind / f"x-{n}-{f}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            try:
                load_entry(field.kind, path, work)
            except DataError as exc:
                messages = [str(p) for p in exc.problems]
                rejected[(field, payload)] = messages
                line = 1 + text[: text.index(json.dumps(payload))].count("\n")
                dotted = "keywords[1]" if field.path == ("keywords",) else field.dotted
                expected = f"data/{field.kind}/{path.name}:{line}: {dotted}: "
                if not any(m.startswith(expected) for m in messages) or any(_ENGLISH.search(m) for m in messages):
                    wrong.append(f"{payload!r} in {field.dotted}: expected '{expected}…', got {messages}")
            else:
                accepted[payload].append(field)
            finally:
                path.unlink()
    return Verdicts(rejected, dict(accepted), wrong)


def _hostile_config() -> str:
    """The real mkdocs.yml (theme, overrides, scripts, Markdown extensions) without its nav,
    which names hand-written pages that link to real records."""

    class _Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
        return values[-1] if len(values) > 1 else None

    _Loader.add_constructor("!ENV", env)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config.pop("nav", None)
    config["site_url"] = "http://127.0.0.1/"
    config["repo_url"] = "https://github.com/example/routewijzer"
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def _build(root: Path) -> list[str]:
    """Build through the CLI; records whose pages make MkDocs warn are taken out and reported."""
    unbuildable: list[str] = []
    for _ in range(5):
        result = run_cli("build", "--site-dir", "site", "-q", cwd=root)
        assert "Traceback" not in result.stderr, result.stderr[-3000:]
        if result.returncode == 0:
            return unbuildable
        culprits = sorted(set(re.findall(r"'((?:[a-z]+)/x-\d+)(?:/[a-z0-9-]+)?\.md'", result.stderr)))
        assert culprits, f"the site with accepted payloads does not build:\n{result.stderr[-3000:]}"
        for culprit in culprits:
            lines = [line for line in result.stderr.splitlines() if f"{culprit}.md" in line or f"{culprit}/" in line]
            unbuildable.append(f"data/{culprit}.yaml is accepted by the loader but breaks the build: {lines[0]}")
            (root / "data" / f"{culprit}.yaml").unlink()
    pytest.fail("the site with accepted payloads still does not build after five rounds")


@dataclass
class HostileSite:
    root: Path
    verdicts: Verdicts
    pages: list[str]
    """URL paths of the records that carry accepted payloads."""
    unbuildable: list[str]
    """Accepted records the strict build refuses with an MkDocs (English) warning instead."""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    """Classify every pair, then build one site with every accepted payload through the CLI."""
    root = tmp_path_factory.mktemp("hostile")
    verdicts = classify(root)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("*.md"))
    files: dict[str, str] = {
        **MINI_DATA,
        **ROUTE_DATA,
        "mkdocs.yml": _hostile_config(),
        "docs/index.md": "# Start\n\nWelkom.\n",
    }
    pages = []
    for n, payload in enumerate(PAYLOADS):
        by_kind: dict[str, list[Field]] = defaultdict(list)
        for field in verdicts.accepted.get(payload, []):
            by_kind[field.kind].append(field)
        for kind, fields in by_kind.items():
            record = _base(fields[0].base)
            _unique(record, kind, n)
            for field in fields:
                _set(record, field, _MARKER)
            # Titles are unique per kind, case-insensitively; keep the payload at the end, where
            # Markdown's attribute lists must stand.
            titled = {_MARKER + "-title": f"XSS-test {n} {payload}"}
            if any(field.path == ("title",) for field in fields):
                record["title"] = _MARKER + "-title"
            files[f"data/{kind}/x-{n}.yaml"] = _dump(record, {**titled, _MARKER: payload})
            pages.append(f"/{kind}/x-{n}/")
    write_files(root, files)
    unbuildable = _build(root)
    pages = [p for p in pages if (root / "site" / p.strip("/") / "index.html").exists()]
    return HostileSite(root, verdicts, pages, unbuildable)


def test_loader_rejects_with_dutch_file_line_field_or_accepts(hostile_site: HostileSite):
    verdicts = hostile_site.verdicts
    assert len(verdicts.rejected) + sum(len(f) for f in verdicts.accepted.values()) == len(PAYLOADS) * len(FIELDS)
    assert not verdicts.wrong_messages, "\n".join(verdicts.wrong_messages[:20])
    assert not hostile_site.unbuildable, "\n".join(hostile_site.unbuildable)
    # Raw HTML with a script is refused everywhere, not merely defused later.
    for field in FIELDS:
        assert (field, "<script>alert(1)</script>") in verdicts.rejected, field.dotted


def test_cli_reports_a_rejected_payload_without_traceback(scratch):
    root = scratch({_LESSON: MINI_DATA[_LESSON].replace("Kijk regelmatig", "<img src=x onerror=alert(1)> Kijk")})
    result = run_cli("build", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/les/volgen.yaml:5: summary: HTML-code is hier niet toegestaan; schrijf gewone tekst" in result.stderr


# --------------------------------------------------------------------------- in the browser

_TRAP = """
window.__xss = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...args) => { window.__xss.push(name + '(' + args.join(',') + ')'); };
}
"""

# Anything in the page content that could run script: handlers, script URLs, foreign scripts.
_AUDIT = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith('on')) found.push(el.tagName + '[' + attr.name + ']');
      // Material's search-share link starts as javascript:void(0) until its script takes over.
      if (['href', 'src', 'action', 'formaction', 'data'].includes(attr.name) && /^(javascript|data|vbscript):/.test(value)
          && !(el.dataset.mdComponent === 'search-share' && value === 'javascript:void(0)'))
        found.push(el.tagName + '[' + attr.name + '=' + value.slice(0, 40) + ']');
      if (el.closest('article') && ['style', 'autofocus', 'srcdoc'].includes(attr.name))
        found.push(el.tagName + '[' + attr.name + ']');
    }
  }
  const content = 'script, iframe, object, embed, svg, img, style, base, meta, input, form';
  for (const el of document.querySelectorAll('article :is(' + content + ')'))
    // The theme's own edit button carries an svg icon; a route diagram is built and escaped by the
    // renderer and inserted after the content policy (generator/output/figures.py).
    // The theme's own search and region forms (404.html, partials/rw-home.html) are templates, not
    // content: the content policy removes every form and input from data (tests/test_sanitize.py).
    if (!el.closest('a.md-content__button') && !el.closest('form.rw-404-search, form.rw-ask, form.rw-region') &&
        !(el.matches('svg.rw-diagram-svg') && el.parentElement.matches('div.rw-diagram[data-rw-figure]')))
      found.push('<' + el.tagName.toLowerCase() + '> in content');
  // A tooltip is text: Material renders it with innerHTML from the title, so markup in it is injected.
  for (const el of document.querySelectorAll('.md-tooltip2 *, .md-tooltip *'))
    if (!['DIV', 'SPAN'].includes(el.tagName)) found.push('tooltip renders <' + el.tagName.toLowerCase() + '>');
  // An element from the content that takes the id of one of the theme's own (DOM clobbering).
  const config = document.getElementById('__config');
  if (!config || config.tagName !== 'SCRIPT') found.push('clobbered #__config: ' + (config && config.outerHTML.slice(0, 80)));
  for (const el of document.querySelectorAll('article [id^="__"]')) found.push(el.tagName + '[id=' + el.id + ']');
  return found;
}"""


def _fired(page: Any) -> list[str]:
    """What ran: a trapped dialog function, or the flag some payloads set."""
    fired = [f"called {call}" for call in page.evaluate("window.__xss")]
    if page.evaluate("window.__pwned !== undefined"):
        fired.append("window.__pwned was set")
    return fired


_TOOLTIPS = "article [title], article abbr, nav [title], header [title], .md-nav abbr"
"""Everything that shows a tooltip: Material renders it from the title (innerHTML) on hover and focus."""
MAX_TOOLTIPS = 40
"""Per page: enough for every abbreviation and titled link of a hostile record page."""


_SEEN_TOOLTIPS: set[str] = set()
"""Tooltip texts hovered already: the same title renders the same tooltip on every page."""


def _hover_and_focus(page: Any) -> int:
    """Hover over and focus every element whose tooltip text was not hovered before; returns how many.

    The elements are marked first (Material removes a title while its tooltip shows, so a
    selector on [title] would shift under the loop); the pointer moves to each one's centre.
    """
    texts = page.evaluate(
        """([selector, limit]) => {
          const items = [...document.querySelectorAll(selector)].slice(0, limit);
          items.forEach((el, i) => el.setAttribute('data-rw-probe', String(i)));
          return items.map((el) => el.getAttribute('title') || el.textContent);
        }""",
        [_TOOLTIPS, MAX_TOOLTIPS],
    )
    hovered = 0
    for i, text in enumerate(texts):
        if text in _SEEN_TOOLTIPS:
            continue
        _SEEN_TOOLTIPS.add(text)
        hovered += 1
        box = page.evaluate(
            """(i) => {
              const el = document.querySelector(`[data-rw-probe="${i}"]`);
              if (!el) return null;
              el.scrollIntoView({block: 'center'});
              el.focus();
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.height > 0 ? [r.x + r.width / 2, r.y + r.height / 2] : null;
            }""",
            i,
        )
        if box is None:  # hidden (a collapsed menu): the events a pointer would send
            page.evaluate(
                """(i) => { const el = document.querySelector(`[data-rw-probe="${i}"]`);
                  if (el) for (const t of ['mouseenter', 'mouseover', 'focus']) el.dispatchEvent(new Event(t)); }""",
                i,
            )
        else:
            page.mouse.move(box[0], box[1])
        page.wait_for_timeout(20)
    return hovered


def _visit(page: Any, url: str, *, hover: bool = True) -> tuple[list[str], int]:
    """Load `url`, hover and focus every tooltip; what fired or could fire there, and how many tooltips."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(50)  # handlers queued during load (img onerror, autofocus) run now
    hovered = _hover_and_focus(page) if hover else 0
    page.wait_for_timeout(50)
    return _fired(page) + [f"injected {item}" for item in page.evaluate(_AUDIT)], hovered


SEARCHED = [
    "&lt;img src=x onerror=alert(1)&gt;",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "{{ config.site_name }}",
    "XSS-test",
]
"""Typed into the search box (and opened as a ?q= link): results render titles and texts as HTML."""


@pytest.mark.browser
def test_no_payload_runs_in_the_browser(browser: Any, hostile_site: HostileSite):
    """Page loads, hovering and focusing every tooltip, searching, the print page and the 404 page:
    no script runs, no request leaves 127.0.0.1, no dangerous attribute survives."""
    assert hostile_site.pages, "no payload was accepted, so nothing reached the browser"
    problems: list[str] = []
    requests: list[str] = []
    console: list[str] = []
    hovered = 0
    with serve_directory(hostile_site.root / "site") as base, new_page(browser) as page:
        page.add_init_script(_TRAP)
        page.on("dialog", lambda dialog: (problems.append(f"dialog {dialog.type}: {dialog.message}"), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda msg: console.append(msg.text))
        paths = [
            "/",
            *hostile_site.pages,
            *(f"/{kind}/" for kind in sorted({p.split("/")[1] for p in hostile_site.pages})),
            "/afdrukken/",
            "/404.html",
            "/begrip/",
            "/redactie/",
        ]
        for path in paths:
            found, count = _visit(page, base + path)
            hovered += count
            problems += [f"{path}: {item}" for item in found]
        # Search results render titles and text from the index: search for the hostile records.
        page.goto(base + "/", wait_until="load")
        assert search(page, "XSS-test"), "search found none of the hostile records"
        page.wait_for_timeout(200)
        hovered += _hover_and_focus(page)
        problems += [f"search: {item}" for item in _fired(page)]
        problems += [f"search: injected {item}" for item in page.evaluate(_AUDIT)]
        for query in SEARCHED:
            page.goto(base + "/", wait_until="load")
            page.keyboard.press("/")
            field = page.locator("input.md-search__input")
            field.fill(query)
            page.wait_for_timeout(600)
            problems += [f"search {query!r}: {item}" for item in _fired(page)]
            problems += [f"search {query!r}: injected {item}" for item in page.evaluate(_AUDIT)]
            found, _ = _visit(page, base + "/?q=" + quote(query), hover=False)
            page.wait_for_timeout(600)
            problems += [f"?q={query!r}: {item}" for item in [*found, *_fired(page)]]
        own = urlsplit(base).netloc
    assert hovered > 20, f"only {hovered} different tooltips hovered: the corpus did not reach them"
    problems += [f"console: {text}" for text in console if "XSS-RAN" in text]
    foreign = sorted({u for u in requests if urlsplit(u).scheme in {"http", "https"} and urlsplit(u).netloc != own})
    assert not foreign, f"hostile content made the browser load from other hosts: {foreign}"
    assert not problems, f"{len(problems)} problems with hostile content:\n" + "\n".join(problems[:40])


def test_every_emitted_file_of_the_hostile_site_is_clean(hostile_site: HostileSite):
    """Every HTML, JSON and XML file the hostile build wrote, parsed: no handler, no script URL, no
    script or style but the theme's own (tests/scan.py)."""
    problems = audit_site(hostile_site.root / "site")
    assert not problems, "\n".join(problems[:40])


def test_template_syntax_stays_literal(hostile_site: HostileSite):
    """A payload with {{ }} or {% %} that the loader accepted is shown as written."""
    template = "{{ config.site_name }}{% for x in range(3) %}{{ x }}{% endfor %}"
    fields = hostile_site.verdicts.accepted.get(template, [])
    assert fields, "no field accepted template syntax"
    n = PAYLOADS.index(template)
    kinds = {field.kind for field in fields}
    for kind in kinds:
        html = (hostile_site.root / "site" / kind / f"x-{n}" / "index.html").read_text(encoding="utf-8")
        text = BeautifulSoup(html, "html.parser").get_text()
        assert template in text, f"{kind}/x-{n}: the template text is not shown as written"
