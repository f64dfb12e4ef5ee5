"""The Content-Security-Policy and Referrer-Policy, from one place: docs/_headers.

`docs/_headers` (Netlify / Cloudflare Pages format) is the source of truth. Hosts that do not read
it (GitHub Pages, the deploy target) get the same policy from a `<meta http-equiv>` tag on every
page, which the theme override (docs/overrides/main.html) writes from `meta_policy`: the header's
policy without `frame-ancestors`, which browsers ignore in a meta tag (and warn about).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

IGNORED_IN_META = ("frame-ancestors", "report-uri", "report-to", "sandbox")
"""Directives a browser ignores when the policy comes from a meta tag."""


DETACH = "!"
"""`  ! Name` under a path: Cloudflare Pages drops the header `Name` that earlier matching blocks set."""


@dataclass(frozen=True)
class HeaderBlock:
    """One block of `_headers`: a path pattern, the headers it sets and the ones it detaches."""

    pattern: str
    headers: dict[str, str] = field(default_factory=dict)
    detach: tuple[str, ...] = ()

    def matches(self, path: str) -> bool:
        """Whether a request path matches the pattern: `*` is any text (slashes too), `:name` one segment."""
        parts = re.split(r"(\*|:[A-Za-z]\w*)", self.pattern)
        regex = "".join(".*" if p == "*" else "[^/]+" if p.startswith(":") else re.escape(p) for p in parts)
        return re.fullmatch(regex, path) is not None


def parse_header_blocks(text: str) -> list[HeaderBlock]:
    """`_headers` as its blocks, in file order. Raises ValueError on a stray line."""
    blocks: list[HeaderBlock] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            blocks.append(HeaderBlock(line.strip()))
            continue
        stripped = line.strip()
        if blocks and stripped.startswith(DETACH):
            name = stripped.removeprefix(DETACH).strip()
            if name:
                blocks[-1] = HeaderBlock(blocks[-1].pattern, blocks[-1].headers, (*blocks[-1].detach, name))
                continue
        name, sep, value = stripped.partition(":")
        if not blocks or not sep:
            raise ValueError(f"_headers:{number}: een kopregel hoort onder een pad en heeft een dubbele punt")
        blocks[-1].headers[name.strip()] = value.strip()
    return blocks


def parse_headers(text: str) -> dict[str, dict[str, str]]:
    """`_headers`: a path pattern, then indented `Name: value` lines. Raises ValueError on a stray line.

    The headers each pattern sets (detach lines, `! Name`, are left out: see `headers_for`)."""
    rules: dict[str, dict[str, str]] = {}
    for block in parse_header_blocks(text):
        rules.setdefault(block.pattern, {}).update(block.headers)
    return rules


def headers_for(blocks: list[HeaderBlock], path: str) -> dict[str, str]:
    """The headers a request for `path` gets as Cloudflare Pages documents it: every matching block
    adds its headers, in file order; a header two blocks set is sent once with both values joined
    by ", " (for a Content-Security-Policy: two policies, both enforced); `! Name` drops what the
    blocks before it set. Header names compare without case."""
    out: dict[str, tuple[str, str]] = {}
    for block in blocks:
        if not block.matches(path):
            continue
        for name in block.detach:
            out.pop(name.lower(), None)
        for name, value in block.headers.items():
            key = name.lower()
            out[key] = (name, f"{out[key][1]}, {value}" if key in out else value)
    return dict(out.values())


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
