"""Internal links and anchors: the HTML scan, the check of a built site, and tracing to YAML and Markdown lines."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from generator.checks.links import check_site
from generator.checks.links.internal import field_at
from generator.checks.links.scan import scan_html
from generator.engine.mkdocs import parse_mkdocs_warning
from generator.yamlfile import parse_yaml
from tests.conftest import MINI_DATA, run_cli

LESSON = "data/les/volgen.yaml"


def test_scan_finds_links_and_ids_but_not_in_comments_or_scripts():
    page = scan_html(
        textwrap.dedent(
            """\
            <html><head><link rel="stylesheet" href="../assets/a.css">
            <script src="../assets/app.js"></script>
            <script>var x = '<a href="in-script/">'; if (a<b) {}</script>
            <style>a[href="in-style/"] { color: red }</style></head>
            <body><!-- <a href="in-comment/"> <h2 id="in-comment"> -->
            <h2 id="eerste" class="x">Eerste</h2><a name="oud"></a>
            <a title="a > b" href="../regio/?q=1&amp;r=2#kop">regio</a>
            <a href='enkel.html'>x</a> <img alt="" src=plaatje.png>
            <p>Tekst met id="geen-anker" en href="geen-link".</p>
            </body></html>
            """
        )
    )
    assert [(link.tag, link.url) for link in page.links] == [
        ("link", "../assets/a.css"),
        ("script", "../assets/app.js"),
        ("a", "../regio/?q=1&r=2#kop"),
        ("a", "enkel.html"),
        ("img", "plaatje.png"),
    ]
    assert page.ids == {"eerste", "oud"}


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for rel, body in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body if not rel.endswith(".html") else f"<html><body>\n{body}\n</body></html>\n")
    return root


def test_check_site_finds_every_kind_of_broken_link(tmp_path):
    site = write_site(
        tmp_path,
        {
            "index.html": '<h1 id="start">Start</h1>\n'
            '<a href="regio/">ok</a> <a href="regio">ok, map zonder /</a> <a href="regio/#gemeenten">ok</a>\n'
            '<a href="#start">ok</a> <a href="#">ok</a> <a href="assets/site.css">ok</a>\n'
            '<a href="https://elders.nl/x">extern</a> <a href="mailto:a@b.nl">mail</a> <a href="//cdn.nl/x">cdn</a>\n'
            '<a href="#nergens">1</a>\n'
            '<a href="regio/#gemeente">2</a>\n'
            '<a href="bestaat-niet/">3</a>\n'
            '<a href="assets/weg.css">4</a>\n'
            '<a href="../buiten/">5</a>\n'
            '<a href="/regio/">6</a>',
            "regio/index.html": '<h2 id="gemeenten">Gemeenten</h2>\n<a href="../#start">ok</a> <a href="../index.html">ok</a>',
            "assets/site.css": "body {}",
        },
    )
    result = check_site(site)
    assert result.pages == 2
    assert [(b.page, b.html_line, b.url, b.reason) for b in result.broken] == [
        ("index.html", 6, "#nergens", "deze pagina heeft geen anker '#nergens'"),
        ("index.html", 7, "regio/#gemeente", "de pagina regio/ heeft geen anker '#gemeente'; bedoel je '#gemeenten'?"),
        ("index.html", 8, "bestaat-niet/", "de pagina bestaat-niet/ bestaat niet"),
        ("index.html", 9, "assets/weg.css", "het bestand assets/weg.css bestaat niet"),
        ("index.html", 10, "../buiten/", "de link wijst naar een plek buiten de site"),
    ]
    # '/regio/' is a working absolute link when the site is served from the root ...
    # ... and leaves the site when it is served from a subfolder.
    moved = check_site(site, site_url="https://example.nl/routewijzer/")
    assert ("/regio/", "/regio/ ligt buiten de site, die begint bij /routewijzer/") in [
        (b.url, b.reason) for b in moved.broken
    ]


def test_cached_outcomes_follow_the_whole_site_not_only_the_page(tmp_path):
    """With the cache, a page is not checked again while it and the site's files and anchors stay
    the same; an anchor removed from another page, or a file removed, shows on the next check."""
    from generator.output.cache import ResultCache

    pages = {
        "index.html": '<a href="regio/#gemeenten">anker</a> <a href="assets/site.css">css</a>',
        "regio/index.html": '<h2 id="gemeenten">Gemeenten</h2>',
        "assets/site.css": "body {}",
    }
    site = write_site(tmp_path / "one", pages)
    cache = ResultCache(tmp_path / "cache")
    assert check_site(site, cache=cache).broken == []
    cache.finish()
    assert check_site(site, cache=cache).broken == check_site(site).broken == []
    assert cache.hits and not cache.misses
    cache.finish()
    (site / "regio/index.html").write_text('<h2 id="gemeente">Gemeente</h2>', encoding="utf-8")
    (site / "assets/site.css").unlink()
    cached = [(b.page, b.url) for b in check_site(site, cache=cache).broken]
    assert cached == [(b.page, b.url) for b in check_site(site).broken]
    assert cached == [("index.html", "regio/#gemeenten"), ("index.html", "assets/site.css")]


def test_check_site_follows_absolute_links_into_the_site_itself(tmp_path):
    site = write_site(
        tmp_path,
        {
            "index.html": '<h1 id="start">x</h1>',
            "404.html": '<a href="https://example.nl/sub/">ok</a> <a href="https://example.nl/sub/weg/">weg</a>'
            ' <a href="https://example.nl/sub/#start">ok</a> <a href="https://example.nl/elders/">buiten</a>',
        },
    )
    assert check_site(site).broken == []  # without site_url, 404.html cannot be checked
    broken = check_site(site, site_url="https://example.nl/sub/").broken
    assert [(b.page, b.url, b.reason) for b in broken] == [
        ("404.html", "https://example.nl/sub/weg/", "de pagina weg/ bestaat niet"),
        ("404.html", "https://example.nl/elders/", "/elders/ ligt buiten de site, die begint bij /sub/"),
    ]


@pytest.mark.parametrize(
    ("message", "page", "url", "reason"),
    [
        (
            "Doc file 'les/volgen.md' contains an unrecognized relative link '../regio/x/', it was left as is. "
            "Did you mean '../regio/x.md'?",
            "les/volgen.md",
            "../regio/x/",
            "MkDocs herkent deze link niet; schrijf een link naar een pagina als pad naar het .md-bestand; "
            "bedoel je '../regio/x.md'?",
        ),
        (
            "Doc file 'index.md' contains a link 'weg.md', but the target is not found among documentation files.",
            "index.md",
            "weg.md",
            "weg.md bestaat niet",
        ),
        (
            "Doc file 'les/volgen.md' contains a link '../regio/groningen.md#nee', but the doc 'regio/groningen.md' "
            "does not contain an anchor '#nee'.",
            "les/volgen.md",
            "../regio/groningen.md#nee",
            "de pagina regio/groningen.md heeft geen anker '#nee'",
        ),
        (
            "Doc file 'over.md' contains a link '#nee', but there is no such anchor on this page.",
            "over.md",
            "#nee",
            "deze pagina heeft geen anker '#nee'",
        ),
        (
            "Doc file 'over.md' contains an absolute link '/regio/', it was left as is.",
            "over.md",
            "/regio/",
            "een link die met '/' begint werkt niet als de site in een submap staat; "
            "schrijf een relatieve link naar het .md-bestand",
        ),
    ],
)
def test_mkdocs_link_warnings_are_taken_apart(message, page, url, reason):
    warning = parse_mkdocs_warning(message)
    assert warning is not None
    assert (warning.page, warning.url, warning.reason) == (page, url, reason)


def test_other_mkdocs_warnings_are_left_alone():
    assert (
        parse_mkdocs_warning("A reference to 'x.md' is included in the 'nav' configuration, which is not found") is None
    )


def test_field_at_names_the_field_of_a_line():
    data = parse_yaml(
        b"title: X\nsources:\n  - title: A\n    url: https://a.nl\n  - title: B\n    url: https://b.nl\n"
        b"body: |\n  Eerste regel.\n\n  [link](../x/)\nreviewed: 2026-01-01\n"
    )
    assert [field_at(data, n) for n in (1, 4, 6, 10, 11)] == [
        "title",
        "sources[0].url",
        "sources[1].url",
        "body",
        "reviewed",
    ]


BODY = """\
body: |
  Lees ook [weg](../regio/bestaat-niet/).

  Het [anker](../regio/groningen.md#nergens) en de [map](../../regio/groningen/).
"""


def test_check_traces_broken_links_to_yaml_and_markdown_lines(scratch):
    root = scratch(
        {
            LESSON: MINI_DATA[LESSON].replace("themes: [wetten]\n", "themes: [wetten]\n" + BODY),
            "docs/index.md": '# Start\n\nWelkom.\n\n<a href="regio/nergens/">raw</a> en <a href="regio/groningen/#geen">ook</a>\n',
            "linkcheck-ignore.yaml": "ignore:\n  - url: https://www.example.nl/bron\n",
        }
    )
    result = run_cli("check", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith(("data/", "docs/", "linkcheck"))]
    assert problems == [
        # the ignore list of `make linkcheck` is checked too: an entry without a reason is an error
        "linkcheck-ignore.yaml:2: ignore[0].reason: elke uitzondering heeft een reden nodig: "
        "schrijf onder 'reason:' waarom deze link niet gecontroleerd wordt",
        "data/les/volgen.yaml:8: body: link naar '../regio/bestaat-niet/' werkt niet: "
        "de pagina les/regio/bestaat-niet/ bestaat niet",
        # this link works in a browser, but MkDocs cannot check it: the strict build fails on it
        "data/les/volgen.yaml:10: body: link naar '../../regio/groningen/' klopt niet: MkDocs herkent deze link niet; "
        "schrijf een link naar een pagina als pad naar het .md-bestand; bedoel je '../regio/groningen.md'?",
        # MkDocs's anchor warning and the HTML check's finding are one problem, as the editor wrote it
        "data/les/volgen.yaml:10: body: link naar '../regio/groningen.md#nergens' werkt niet: "
        "de pagina regio/groningen/ heeft geen anker '#nergens'",
        "docs/index.md:5: link naar 'regio/groningen/#geen' werkt niet: de pagina regio/groningen/ heeft geen anker '#geen'",
        "docs/index.md:5: link naar 'regio/nergens/' werkt niet: de pagina regio/nergens/ bestaat niet",
    ]
    # The raw MkDocs text naming les/volgen.md (which exists in no folder) is replaced by the YAML line.
    assert "Doc file 'les/volgen.md'" not in result.stderr
    assert result.stderr.rstrip().endswith("5 problemen met links gevonden.")


def test_check_site_catches_what_mkdocs_misses(scratch):
    # Raw HTML links are not validated by MkDocs: the strict build passes ...
    root = scratch({"docs/index.md": '# Start\n\nWelkom bij <a href="regio/nergens/">de regio</a>.\n'})
    assert run_cli("build", cwd=root).returncode == 0
    # ... and a link the theme adds to every page appears once, with the number of pages.
    for page in ("regio/groningen/index.html", "wet/jeugdwet/index.html"):
        html = root / "site" / page
        html.write_text(html.read_text().replace("</body>", '<a href="../../zoeken/">zoek</a></body>'))
    result = run_cli("check-site", cwd=root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "docs/index.md:3: link naar 'regio/nergens/' werkt niet: de pagina regio/nergens/ bestaat niet"
    assert lines[1].startswith("site/regio/groningen/index.html:")
    assert lines[1].endswith(": link naar '../../zoeken/' werkt niet: de pagina zoeken/ bestaat niet (op 2 pagina's)")
    assert lines[2] == "2 problemen met links gevonden."


def test_real_site_has_no_broken_internal_links(real_site):
    # the site URL the site was built for, so that 404.html (absolute links) is checked too
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (real_site / "index.html").read_text())
    assert canonical is not None
    result = check_site(real_site, site_url=canonical.group(1))
    assert result.pages > 300
    assert result.links > 10_000
    assert [f"{b.page}:{b.html_line}: {b.url}: {b.reason}" for b in result.broken] == []
