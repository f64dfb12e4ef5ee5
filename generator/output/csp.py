"""The Content-Security-Policy and Referrer-Policy, from one place: docs/_headers.

`docs/_headers` (Netlify / Cloudflare Pages format) is the source of truth. Hosts that do not read
it (GitHub Pages, the deploy target) get the same policy from a `<meta http-equiv>` tag on every
page, which the theme override (docs/overrides/main.html) writes from `meta_policy`: the header's
policy without `frame-ancestors`, which browsers ignore in a meta tag (and warn about).
"""

from __future__ import annotations

import re
from pathlib import Path

IGNORED_IN_META = ("frame-ancestors", "report-uri", "report-to", "sandbox")
"""Directives a browser ignores when the policy comes from a meta tag."""


def parse_headers(text: str) -> dict[str, dict[str, str]]:
    """`_headers`: a path pattern, then indented `Name: value` lines. Raises ValueError on a stray line."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
            continue
        name, sep, value = line.strip().partition(":")
        if current is None or not sep:
            raise ValueError(f"_headers:{number}: een kopregel hoort onder een pad en heeft een dubbele punt")
        current[name.strip()] = value.strip()
    return rules


def site_policy(headers_file: Path) -> dict[str, str]:
    """The headers for every path (`/*`) of `headers_file`; empty when the file is missing."""
    if not headers_file.is_file():
        return {}
    return parse_headers(headers_file.read_text(encoding="utf-8")).get("/*", {})


def meta_policy(policy: str) -> str:
    """The header policy as a meta tag can carry it: without the directives meta ignores."""
    directives = [d.strip() for d in policy.split(";") if d.strip()]
    kept = [d for d in directives if d.split()[0].lower() not in IGNORED_IN_META]
    return "; ".join(kept)


def inline_script_hashes(policy: str) -> frozenset[str]:
    """The 'sha256-…' sources of script-src: the inline scripts the policy allows."""
    script_src = next((d for d in policy.split(";") if d.strip().startswith("script-src")), "")
    return frozenset(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", script_src))
