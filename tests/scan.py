"""Scan every file a build emitted for markup that could run script or load from elsewhere.

Shared by tests/test_sanitize.py (the real site) and tests/browser/test_xss.py (the hostile
site). HTML files are parsed whole; in JSON files every string is parsed as an HTML fragment
(Material renders the search index's titles and texts as HTML); XML files (sitemap) may hold
no markup but their own. What the theme itself writes is allowed by name: its scripts (an
external file of the site, the `__config` JSON, inline scripts whose hash the CSP allows) and
the search-share link that starts as `javascript:void(0)`, and the page's JSON-LD (data).
"""

from __future__ import annotations

import gzip
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from generator.output.csp import inline_script_hashes, site_policy
from generator.output.sanitize import script_hash

_BAD_URL = re.compile(r"^(?:javascript|data|vbscript):", re.IGNORECASE)
_URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "srcset", "ping"}
_NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "img", "image", "video", "audio", "source"}
_NEVER |= {"base", "style", "math", "template", "portal", "textarea", "select", "noscript", "use", "foreignobject"}


def _hashes(site: Path) -> frozenset[str]:
    policy = site_policy(site / "_headers").get("Content-Security-Policy", "")
    return inline_script_hashes(policy)


def _theme_script(tag: Tag, hashes: frozenset[str]) -> bool:
    attrs = dict(tag.attrs)
    src = attrs.pop("src", None)
    if src is not None:
        return (
            not attrs
            and not tag.string
            and isinstance(src, str)
            and src.endswith(".js")
            and "//" not in src
            and ":" not in src
        )
    if attrs == {"id": "__config", "type": "application/json"}:
        json.loads(tag.string or "")
        return True
    if attrs == {"type": "application/ld+json"}:
        # The page's structured data: JSON the browser never runs, with no "<" that could end it early.
        json.loads(tag.string or "")
        return "<" not in (tag.string or "")
    return not attrs and script_hash(tag.string or "") in hashes


def audit_markup(html: str, where: str, hashes: frozenset[str], *, scripts_allowed: bool = True) -> Iterator[str]:
    """Every dangerous thing in `html`: event handlers, script URLs, foreign scripts, styles, embeds."""
    with warnings.catch_warnings():
        # A JSON string that is a bare URL (the open data's page_url) is text, and parsed as such.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert isinstance(tag, Tag)
        name = tag.name.lower()
        if name == "script" and not (scripts_allowed and _theme_script(tag, hashes)):
            yield f"{where}: <script> {str(tag)[:80]}"
        if name in _NEVER:
            yield f"{where}: <{name}>"
        if name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            yield f"{where}: <meta http-equiv=refresh>"
        for attr, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attr.lower().startswith("on"):
                yield f"{where}: {name}[{attr}]"
            if attr.lower() in {"style", "srcdoc", "autofocus", "formaction"}:
                yield f"{where}: {name}[{attr}]"
            if attr.lower() in _URL_ATTRS:
                url = re.sub(r"[\x00-\x20]", "", text)
                share = name == "a" and tag.get("data-md-component") == "search-share" and text == "javascript:void(0)"
                if _BAD_URL.match(url) and not share:
                    yield f"{where}: {name}[{attr}={text[:40]}]"
            if attr == "id" and text.startswith("__") and not scripts_allowed:
                yield f"{where}: {name}[id={text}]"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def audit_site(site: Path) -> list[str]:
    """Problems in every HTML, JSON and XML file under `site` (other files are copied assets)."""
    hashes = _hashes(site)
    problems: list[str] = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            problems += audit_markup(path.read_text(encoding="utf-8"), rel, hashes)
        elif path.suffix == ".json":
            for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
                if "<" in text or "&" in text or ":" in text:
                    problems += audit_markup(text, rel, hashes, scripts_allowed=False)
        elif path.suffix == ".xml" or path.name.endswith(".xml.gz"):
            raw = path.read_bytes()
            text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
            if re.search(r"(?i)<\s*(script|style|iframe)|javascript:", text):
                problems.append(f"{rel}: markup in XML")
    return problems


def emitted_files(site: Path) -> list[str]:
    """Every file of the site, by suffix: what audit_site read and what it left as copied assets."""
    return sorted({path.suffix for path in site.rglob("*") if path.is_file()})
