"""sanitize_html keeps what Material page content uses and removes everything that can run code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.output.csp import inline_script_hashes, site_policy
from generator.output.sanitize import sanitize_html, sanitize_page

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "bad_inputs" / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]

LEGITIMATE = [
    '<h2 id="waar-gaat-het-over">Waar gaat het over?</h2>',
    '<p>Een <a href="../../wet/jeugdwet/">wet</a> en <a href="https://wetten.overheid.nl/BWBR0034925" '
    'title="Officiële tekst">de tekst</a>.</p>',
    '<p><a href="mailto:info@voorbeeld.nl">info@voorbeeld.nl</a> of <a href="tel:08002000">0800-2000</a></p>',
    '<p>De <abbr tabindex="0" title="Ondertoezichtstelling: een maatregel">OTS</abbr> duurt een jaar.</p>',
    "<dl>\n<dt>Wie beslist</dt>\n<dd>De kinderrechter.<br>Soms de Raad.</dd>\n</dl>",
    "<table>\n<thead>\n<tr>\n<th>Regio</th>\n<th>Code</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>"
    '<a href="../groningen/">Groningen</a></td>\n<td>JZ01</td>\n</tr>\n</tbody>\n</table>',
    '<ul>\n<li><em>Knooppunt</em>: <strong>vast</strong></li>\n</ul>\n<ol start="3">\n<li>drie</li>\n</ol>',
    '<div class="admonition warning">\n<p class="admonition-title">Let op</p>\n<p>Bel 112.</p>\n</div>',
    '<details class="note">\n<summary>Meer weten</summary>\n<p>Uitleg.</p>\n</details>',
    '<p class="rw-meta">Wet · voor ouders</p>',
    '<p>Typ <code>make check</code> of <kbd>Ctrl</kbd>.</p>\n<pre><code class="language-sh">make test\n</code></pre>',
    '<p><span class="rw-unknown">Niet bekend.</span> H<sub>2</sub>O en m<sup>2</sup></p>',
    '<h2 id="a">A</h2>',
    '<nav aria-label="Kruimelpad" class="rw-crumbs">\n<p><a href="../../">Start</a> › <a href="../">Begrippen</a></p>\n</nav>',
    # nh3 writes boolean attributes in full: hidden becomes hidden="" (the same to a browser).
    '<div class="rw-keywords" hidden="">action learning · actieleertraject</div>',
    '<div data-rw-filter="gemeenten-lijst" class="rw-filter"></div>\n<div id="gemeenten-lijst"><h2 id="a">A</h2></div>',
]


@pytest.mark.parametrize("html", LEGITIMATE)
def test_legitimate_content_is_kept_exactly(html: str):
    assert sanitize_html(html) == html


def _dangerous(html: str) -> list[str]:
    """Everything in `html` that could run script, load from elsewhere or clobber the theme."""
    found = []
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert isinstance(tag, Tag)
        if tag.name in {"script", "style", "iframe", "object", "embed", "svg", "math", "img", "meta", "base", "input"}:
            found.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") or name in {"style", "src", "srcdoc", "autofocus", "formaction", "action"}:
                found.append(f"{tag.name}[{name}]")
            if name == "href" and re.match(r"(?i)\s*(javascript|data|vbscript):", text):
                found.append(f"{tag.name}[href={text}]")
            if name == "id" and text.startswith("_"):
                found.append(f"{tag.name}[id={text}]")
            if name == "tabindex" and text not in {"0", "-1"}:
                found.append(f"{tag.name}[tabindex={text}]")
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_defused(payload: str):
    # As raw HTML, and as the HTML Markdown would make of a paragraph and a link around it.
    for html in (payload, f"<p>{payload}</p>", f'<p><a href="{payload}">x</a></p>'):
        cleaned = sanitize_html(html)
        assert not _dangerous(cleaned), f"{html!r} -> {cleaned!r}"


def test_payload_corpus_is_large_enough():
    assert len(PAYLOADS) >= 30


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p onclick="alert(1)" class="rw-meta">x</p>', '<p class="rw-meta">x</p>'),
        ('<h2 id="__config">x</h2>', "<h2>x</h2>"),
        ('<abbr title="t" tabindex="5">x</abbr>', '<abbr title="t">x</abbr>'),
        ('<a href="javascript:alert(1)" title="t">x</a>', '<a title="t">x</a>'),
        ('<p style="color:red">x</p>', "<p>x</p>"),
        ("<script>alert(1)</script><p>blijft</p>", "<p>blijft</p>"),
        ('<iframe src="https://evil.example/"></iframe>tekst', "tekst"),
        ("<blink>tekst</blink>", "tekst"),
    ],
)
def test_what_is_removed(html: str, expected: str):
    assert sanitize_html(html) == expected


# --------------------------------------------------------------------------- the real site
#
# The real site's pages are checked as they are served: the final HTML after the theme and every
# plugin, against the one page policy (`sanitize_page`). (This test used to run sanitize_html over
# the article content of the built pages, which on_page_content had sanitized already, so it could
# not fail.) The test after it shows that it can: the same check on a real page with a handler,
# script, style, comment or script URL injected into the theme's parts.


@pytest.mark.slow
def test_final_pages_pass_the_page_policy_unchanged(real_site: Path):
    """Each real page, as written, is what the one page policy keeps (so its bytes stay)."""
    hashes = inline_script_hashes(site_policy(real_site / "_headers")["Content-Security-Policy"])
    changed = []
    for page in sorted(real_site.rglob("*.html")):
        if page.parent == real_site / "redactie" / "bewerken":
            continue  # the form-based editor: its own page and policy (docs/editor.md), not a site page
        html = page.read_text(encoding="utf-8")
        cleaned, removed = sanitize_page(html, hashes)
        if removed or cleaned != html:
            changed.append(f"{page.relative_to(real_site)}: {removed[:3]}")
    assert not changed, "\n".join(changed[:20])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("inject", "where", "gone"),
    [
        (
            '<a href=".." class="md-nav__link">',
            '<a href=".." onmouseover="alert(1)" class="md-nav__link">',
            "onmouseover",
        ),
        ("</nav>", "<img src=x onerror=alert(1)></nav>", "onerror"),
        ("</header>", "<script>alert(1)</script></header>", "alert(1)"),
        ("<title>", "<title>x</title><script>alert(2)</script><title>", "alert(2)"),
        ("</footer>", '<a href="javascript:alert(3)">x</a></footer>', "javascript:alert(3)"),
        ("</footer>", "<!-- verstopt</footer>", "verstopt"),
        ("</article>", '<style>body{display:none}</style><p style="x">y</p></article>', "display:none"),
        # JSON-LD is kept only as JSON without any "<": it cannot end its element or open a comment.
        (
            "</head>",
            '<script type="application/ld+json">{"a": "</script><script>alert(4)</script>"}</script></head>',
            "alert(4)",
        ),
        ("</head>", '<script type="application/ld+json">{"a": "x<!-- y"}</script></head>', "x<!-- y"),
        ("</head>", '<script type="application/ld+json">alert(5)</script></head>', "alert(5)"),
    ],
)
def test_page_policy_removes_what_is_injected_after_the_theme(real_site: Path, inject: str, where: str, gone: str):
    """The check above can fail: a handler, script, style, comment or script URL injected into a
    real final page (in the theme's own parts, not the content) is found and removed."""
    hashes = inline_script_hashes(site_policy(real_site / "_headers")["Content-Security-Policy"])
    html = (real_site / "begrip/index.html").read_text(encoding="utf-8")
    assert inject in html
    hostile = html.replace(inject, where, 1)
    cleaned, removed = sanitize_page(hostile, hashes)
    assert removed, "the page policy saw nothing"
    assert gone not in cleaned
    # The theme's own scripts survive the repair.
    for script in ("bundle.", "rw-search-config.js", 'id="__config"', "__md_scope", '"@type":"WebPage"'):
        assert script in cleaned, script
