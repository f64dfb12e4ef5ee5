"""docs/_headers read as the two hosts that use it read it: the public pages get the strict policy,
the form-based editor (/redactie/bewerken/) exactly its own, looser one (docs/editor.md).

Cloudflare Pages: every matching block adds its headers in file order, a header set twice is sent
once with both values joined by a comma, and `! Name` drops what earlier blocks set
(`generator.output.csp.headers_for`). Netlify: its parser skips a line without a colon, and for
one header the later matching block's value is kept (`netlify_headers_for` below).
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.output.csp import HeaderBlock, headers_for, meta_policy, parse_header_blocks, parse_headers
from tests.conftest import ROOT

HEADERS = ROOT / "docs" / "_headers"
EDITOR_PAGE = ROOT / "docs" / "redactie" / "bewerken" / "index.html"
EDITOR_PATHS = ["/redactie/bewerken/", "/redactie/bewerken/index.html", "/redactie/bewerken/config.yml"]
PUBLIC_PATHS = ["/", "/ouders/", "/en/parents/", "/redactie/", "/redactie/velden/", "/assets/javascripts/rw-home.js"]
CSP = "Content-Security-Policy"


def blocks() -> list[HeaderBlock]:
    return parse_header_blocks(HEADERS.read_text(encoding="utf-8"))


def netlify_headers_for(path: str) -> dict[str, str]:
    """Netlify's reading: lines without a colon skipped, matching blocks merged, the later one winning."""
    out: dict[str, str] = {}
    for block in blocks():
        if block.matches(path):
            out.update(block.headers)
    return out


def editor_meta_policy() -> str:
    html = BeautifulSoup(EDITOR_PAGE.read_text(encoding="utf-8"), "html.parser")
    meta = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None
    return str(meta["content"])


def test_public_pages_get_the_site_policy_only():
    site = parse_headers(HEADERS.read_text(encoding="utf-8"))["/*"][CSP]
    assert "'unsafe-eval'" not in site and "frame-ancestors 'none'" in site
    for path in PUBLIC_PATHS:
        for sent in (headers_for(blocks(), path), netlify_headers_for(path)):
            assert sent[CSP] == site, path
            assert sent["Referrer-Policy"] == "no-referrer"


def test_the_editor_gets_exactly_its_own_policy_on_both_hosts():
    meta = editor_meta_policy()
    for path in EDITOR_PATHS:
        for host, sent in (("Cloudflare", headers_for(blocks(), path)), ("Netlify", netlify_headers_for(path))):
            policy = sent[CSP]
            # One policy, not the site's and the editor's joined (the browser would enforce both).
            assert ", " not in policy and policy.count("default-src") == 1, (host, path, policy)
            assert "'unsafe-eval'" in policy.split("script-src")[1].split(";")[0], (host, path)
            assert "https://api.github.com" in policy.split("connect-src")[1].split(";")[0], (host, path)
            # The header carries what the page's meta tag carries, plus frame-ancestors.
            assert meta_policy(policy) == meta, (host, path)
            assert "frame-ancestors 'none'" in policy, (host, path)
            # The site's other headers still apply.
            assert sent["Referrer-Policy"] == "no-referrer" and sent["X-Frame-Options"] == "DENY", (host, path)


def test_detach_is_needed_where_blocks_merge():
    """Without `! Content-Security-Policy` Cloudflare would send both policies in one header."""
    text = "/*\n  A: site\n/x/*\n  A: editor\n/y/*\n  ! A\n  A: editor\n"
    parsed = parse_header_blocks(text)
    assert headers_for(parsed, "/x/") == {"A": "site, editor"}
    assert headers_for(parsed, "/y/page") == {"A": "editor"}
    assert headers_for(parsed, "/z") == {"A": "site"}
    assert parse_headers(text) == {"/*": {"A": "site"}, "/x/*": {"A": "editor"}, "/y/*": {"A": "editor"}}


def test_every_line_is_one_both_hosts_read():
    """Cloudflare allows 2,000 characters a line; Netlify reads `Name: value` lines and skips the `!` line."""
    for number, line in enumerate(HEADERS.read_text(encoding="utf-8").splitlines(), start=1):
        assert len(line) <= 2000, number
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or not line[0].isspace():
            continue
        assert stripped.startswith("! ") or ": " in stripped, f"_headers:{number}: {line!r}"
        if stripped.startswith("!"):
            assert ":" not in stripped, f"_headers:{number}: Netlify would read this as a header"


def test_published_site_has_the_same_file(real_site: Path):
    assert (real_site / "_headers").read_text(encoding="utf-8") == HEADERS.read_text(encoding="utf-8")
