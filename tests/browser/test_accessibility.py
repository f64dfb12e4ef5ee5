"""Accessibility gates in headless Chromium: axe-core finds no WCAG 2.1 A/AA violation on one page
of every page type (and on open search results), and a keyboard user reaches the search and every
link with a visible focus indicator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import PAGE_TYPES, PageType, resolve_page, search

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """Inject axe-core and return its violations for the WCAG 2.1 A/AA rules.

    Injected through the browser's DevTools protocol (evaluate), not as an inline <script>:
    every page carries its Content-Security-Policy as a meta tag, which refuses inline scripts."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate("() => {\n" + axe_source + "\n}")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable report: rule, impact, help and the first few offending elements."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html'][:160]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_axe_finds_no_wcag_violations(page, site_url: str, built_site: Path, axe_source: str, page_type: PageType):
    path = resolve_page(built_site, page_type)
    page.goto(site_url + path, wait_until="load")
    violations = run_axe(page, axe_source)
    assert not violations, f"axe-core on {path}:\n{describe(violations)}"


def test_axe_on_phone_layout(phone, site_url: str, built_site: Path, axe_source: str):
    """The phone layout hides the sidebar in a drawer; the home and a region page must still pass."""
    for path in ("/", "/regio/gooi-en-vechtstreek/"):
        phone.goto(site_url + path, wait_until="load")
        violations = run_axe(phone, axe_source)
        assert not violations, f"axe-core on {path} (phone):\n{describe(violations)}"


def test_axe_on_open_search_results(page, site_url: str, axe_source: str):
    page.goto(site_url + "/", wait_until="load")
    titles = search(page, "jeugdwet")
    assert any("Jeugdwet" in t for t in titles), titles
    violations = run_axe(page, axe_source)
    assert not violations, f"axe-core with search results open:\n{describe(violations)}"


# --------------------------------------------------------------------------- keyboard

# Mark every link a sighted keyboard user should reach (visible, not hidden from assistive
# technology, not taken out of the tab order) and remember how it looks without focus.
_MARK_LINKS = """() => {
  const links = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const r = a.getBoundingClientRect();
    const s = getComputedStyle(a);
    if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || a.tabIndex < 0) continue;
    if (a.closest('[hidden],[aria-hidden="true"]')) continue;
    a.dataset.rwKey = String(links.length);
    links.push({key: a.dataset.rwKey, href: a.getAttribute('href'), text: a.textContent.trim().slice(0, 60),
                ring: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | ')});
  }
  return links;
}"""

# What has focus now, whether it can be seen, and its focus ring (outline and box-shadow).
_ACTIVE = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // Material fades some elements in on focus (the skip link): look at the end state.
  for (const animation of document.getAnimations()) animation.finish();
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\([^)]*, 0\)/.test(s.outlineColor);
  const shadow = s.boxShadow !== 'none' && !/^rgba\([^)]*, 0\) /.test(s.boxShadow);
  return {
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute('href'),
    key: el.dataset.rwKey || null,
    label: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().slice(0, 60),
    search: el.matches('input.md-search__input'),
    visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0',
    ring: outline || shadow,
    style: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | '),
  };
}"""

KEYBOARD_PAGES = ["/", "/regio/gooi-en-vechtstreek/", "/wet/jeugdwet/", "/begrip/"]


def tab_through(page: Any, limit: int) -> list[dict[str, Any]]:
    """Press Tab from the top of a freshly loaded page until focus leaves the page; return every stop."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(_ACTIVE)
        if active is None:  # focus left the document: we went round once
            break
        stops.append(active)
    return stops


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_keyboard_reaches_search_and_every_link_with_visible_focus(page, site_url: str, path: str):
    page.goto(site_url + path, wait_until="load")
    links = page.evaluate(_MARK_LINKS)
    assert len(links) > 5, f"only {len(links)} visible links on {path}"
    stops = tab_through(page, limit=len(links) + 60)

    reached = {s["key"] for s in stops if s["key"] is not None}
    missed = [link for link in links if link["key"] not in reached]
    assert not missed, f"{len(missed)} of {len(links)} links on {path} are not reachable with Tab: {missed[:8]}"
    assert any(s["search"] for s in stops), f"Tab never reaches the search field on {path}"

    invisible = [s for s in stops if not s["visible"]]
    assert not invisible, f"Tab stops on elements nobody can see on {path}: {invisible[:5]}"

    unfocused = {link["key"]: link["ring"] for link in links}
    no_ring = [s for s in stops if not s["ring"] or (s["key"] is not None and s["style"] == unfocused[s["key"]])]
    assert not no_ring, f"{len(no_ring)} focused elements on {path} show no outline or shadow: {no_ring[:5]}"
