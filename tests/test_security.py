"""Issue 13, without a browser: text stays text, limits, nothing silently dropped, Ctrl-C, the
policy in a meta tag, and every emitted file of the real site free of anything that runs.

The browser half (hover, focus, search, print and 404 pages with hostile data) is in
tests/browser/test_xss.py; a long query is in tests/browser/test_search_limits.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.load import load_catalog
from generator.output.csp import meta_policy, site_policy
from generator.output.sanitize import sanitize_search_index
from generator.problems import DataError
from generator.render.text import escape
from tests.conftest import MINI_DATA, ROOT, run_cli, tree_digest
from tests.scan import audit_site

LESSON = "data/les/volgen.yaml"


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_catalog(root / "data", root)
    return [str(p) for p in info.value.problems]


def _lesson(**fields: str) -> str:
    text = MINI_DATA[LESSON]
    for key, value in fields.items():
        lines = [line for line in text.splitlines() if not line.startswith(f"{key}:")]
        text = "\n".join([*lines[:1], f"{key}: {value}", *lines[1:]]) + "\n"
    return text


# --------------------------------------------------------------------------- text stays text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("summary", "'!!! danger \"Bel 0900-1234567\"'", "bevat een kader (!!! of ???)"),
        ("summary", "'??? note \"x\"'", "bevat een kader (!!! of ???)"),
        ("title", "'## Kop'", "bevat een kop (#)"),
        ("summary", "'- een lijst'", "bevat een opsomming"),
        ("summary", "'1. een lijst'", "bevat een opsomming"),
        ("summary", "'> citaat'", "bevat een citaatblok"),
        ("summary", "'```python'", "bevat een codeblok"),
        ("summary", "'| a | b |'", "bevat een tabel"),
        ("summary", "'*[OTS]: <img src=x onerror=alert(1)>'", "HTML-code is hier niet toegestaan"),
        ("summary", "'*[OTS]: nep-uitleg'", "bevat een definitie"),
        ("summary", "'Tekst <!-- de rest verdwijnt'", "HTML-code is hier niet toegestaan"),
        ("summary", "'Tekst --> ook niet'", "bevat een HTML-commentaar"),
        ("summary", "'&lt;img src=x onerror=alert(1)&gt;'", "HTML-code is hier niet toegestaan"),
        ("summary", "'&#60;script&#62;alert(1)&#60;/script&#62;'", "HTML-code is hier niet toegestaan"),
        ("summary", "'<img src=x onerror=alert(1)'", "HTML-code is hier niet toegestaan"),
        ("summary", '"regel een\\nregel twee"', "bevat een regelovergang; dit veld is één regel tekst"),
        ("title", '"Titel \\u202e terug"', "bevat het onzichtbare teken U+202E (richting omkeren)"),
        ("title", '"Titel \\u2066 iso"', "bevat het onzichtbare teken U+2066 (links-naar-rechts isoleren)"),
        ("title", '"Titel \\u200f"', "bevat het onzichtbare teken U+200F (rechts-naar-links-teken)"),
        ("title", '"Titel \\x85 C1"', "bevat het onzichtbare teken U+0085 (onzichtbaar stuurteken)"),
        ("title", "'" + "x" * 301 + "'", "title: is te lang: 301 tekens; hoogstens 300"),
        ("summary", "'" + "x" * 1001 + "'", "summary: is te lang: 1.001 tekens; hoogstens 1.000"),
    ],
)
def test_one_line_fields_refuse_blocks_markup_and_invisible_characters(scratch, field, value, message):
    root = scratch({LESSON: _lesson(**{field: value})}, data_only=True)
    found = problems(root)
    assert any(p.startswith(f"{LESSON}:") and f" {field}: " in p and message in p for p in found), found


def test_body_has_its_own_limit_and_keeps_newlines(scratch):
    body = "body: |\n  ## Kop\n\n  Een alinea.\n\tMet een tab.\n"
    root = scratch({LESSON: MINI_DATA[LESSON] + body.replace("\t", "  ")}, data_only=True)
    load_catalog(root / "data", root)
    long = "body: '" + "x" * 20_001 + "'\n"
    root = scratch({LESSON: MINI_DATA[LESSON] + long}, data_only=True)
    assert any("body: is te lang: 20.001 tekens; hoogstens 20.000" in p for p in problems(root))


def test_lists_are_capped(scratch):
    provinces = "[" + ", ".join(f"P{i}" for i in range(101)) + "]"
    network = MINI_DATA["data/netwerk/ben-noord.yaml"].replace("provinces: [Groningen]", f"provinces: {provinces}")
    root = scratch({"data/netwerk/ben-noord.yaml": network}, data_only=True)
    assert "data/netwerk/ben-noord.yaml:5: provinces: heeft te veel waarden: 101; hoogstens 100" in problems(root)


def test_template_syntax_is_literal_text_on_the_page(scratch):
    title = "Sjabloon {{ config.site_name }} {% if true %}ja{% endif %} {# x #}"
    root = scratch({LESSON: _lesson(title=f"'{title}'")})
    result = run_cli("build", "-q", cwd=root)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((root / "site/les/volgen/index.html").read_text(encoding="utf-8"), "html.parser")
    h1 = page.find("h1")
    assert h1 is not None and h1.get_text() == title


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("# kop", "&#35; kop"),
        ("!!! danger", "&#33;!! danger"),
        ("- item", "&#45; item"),
        ("12. item", "12&#46; item"),
        ("&lt;img&gt;", "&amp;lt;img&amp;gt;"),
        ("a <b> c", "a &lt;b&gt; c"),
        ("{{ x }}", "\\{\\{ x \\}\\}"),
    ],
)
def test_escape_leaves_no_block_or_markup(text: str, shown: str):
    assert escape(text) == shown


# --------------------------------------------------------------------------- nothing silently dropped


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("data/begrip/.x.yaml", "data/begrip/.x.yaml:1: een bestand of map waarvan de naam met een punt begint"),
        ("data/.verborgen/x.yaml", "data/.verborgen/x.yaml:1: een bestand of map waarvan de naam met een punt begint"),
        ("data/begrip/x.yaml~", "data/begrip/x.yaml~:1: in data/ horen alleen .yaml-bestanden"),
        ("data/begrip/sub/x.yaml", "data/begrip/sub/x.yaml:1: dit bestand staat niet in een bekende map"),
        ("data/x.yaml", "data/x.yaml:1: dit bestand staat niet in een bekende map"),
    ],
)
def test_every_file_under_data_is_loaded_or_reported(scratch, target: str, message: str):
    root = scratch({target: MINI_DATA["data/begrip/ots.yaml"]}, data_only=True)
    assert any(p.startswith(message) for p in problems(root)), problems(root)


def test_folder_named_like_a_record_is_reported(scratch):
    root = scratch(data_only=True)
    (root / "data/begrip/leeg.yaml").mkdir()
    assert "data/begrip/leeg.yaml:1: dit is een map, geen record; een record is een bestand data/<soort>/<id>.yaml" in (
        problems(root)
    )


def test_unreadable_file_is_reported_without_traceback(scratch, monkeypatch):
    root = scratch({"data/begrip/geheim.yaml": MINI_DATA["data/begrip/ots.yaml"].replace("OTS", "GEH")}, data_only=True)
    target = root / "data/begrip/geheim.yaml"
    target.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for an editor
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self == target:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    try:
        found = problems(root)
    finally:
        target.chmod(0o644)
    assert (
        "data/begrip/geheim.yaml:1: het bestand kan niet worden gelezen (geen leesrechten); controleer de bestandsrechten"
        in found
    )


@pytest.mark.slow
def test_ctrl_c_during_build(scratch: Callable[..., Path]):
    root = scratch()
    assert run_cli("build", "-q", cwd=root).returncode == 0
    before = tree_digest(root / "site")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ROUTEWIJZER_REPO_URL": "https://github.com/example/routewijzer"}
    for delay in (0.2, 0.8, 1.6, 2.4):  # while the modules load, while MkDocs builds, while it writes
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "-q"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # A background process of a non-interactive shell ignores SIGINT; a terminal's does not.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        if process.returncode == 0:
            continue  # the build finished before the signal
        if process.returncode == -signal.SIGINT and not err:
            # The interpreter itself had not started yet: nothing ran, nothing was printed or written.
            assert tree_digest(root / "site") == before
            continue
        assert process.returncode == 130, err
        assert "Traceback" not in err + out
        assert err.strip().splitlines() == ["Afgebroken met Ctrl-C. De vorige versie in site/ is niet aangeraakt."]
        assert tree_digest(root / "site") == before
        assert not list(root.glob(".site.*"))


@pytest.mark.slow
def test_sigterm_during_check_removes_its_site_in_memory(scratch: Callable[..., Path], tmp_path_factory):
    """A process manager or a closed terminal stops `make check` as Ctrl-C does: one line, exit 130,
    and its throwaway site (in memory, output/scratch.py) removed, not left behind."""
    root = scratch()
    memory = tmp_path_factory.mktemp("memory")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ROUTEWIJZER_SCRATCH": str(memory), "ROUTEWIJZER_CACHE": "0"}
    stopped = 0
    for delay in (0.8, 1.6, 2.4, 3.2):
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "check"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
        if process.returncode == 0 or (process.returncode == -signal.SIGTERM and not err):
            continue  # finished before the signal, or stopped before Python took over: nothing made
        stopped += 1
        assert process.returncode == 130, err
        assert "Traceback" not in err + out
        assert err.strip().splitlines()[-1] == "Afgebroken door SIGTERM."
        assert not list(memory.iterdir()), list(memory.iterdir())
    assert stopped, "every check finished before the signal; the test proves nothing"


# --------------------------------------------------------------------------- the policy travels with the pages


def test_meta_policy_is_the_header_policy_without_frame_ancestors():
    headers = site_policy(ROOT / "docs" / "_headers")
    policy = headers["Content-Security-Policy"]
    meta = meta_policy(policy)
    assert "frame-ancestors" in policy and "frame-ancestors" not in meta
    assert [d.strip() for d in policy.split(";") if not d.strip().startswith("frame-ancestors")] == meta.split("; ")


@pytest.mark.slow
def test_every_page_carries_the_policy_from_headers(real_site: Path):
    headers = site_policy(real_site / "_headers")
    expected = meta_policy(headers["Content-Security-Policy"])
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.head is not None, page
        metas = soup.head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if page.parent == real_site / "redactie" / "bewerken":
            # The form-based editor has its own, looser policy (docs/editor.md); it loads nowhere else.
            assert len(metas) == 1 and "'unsafe-inline'" not in metas[0]["content"].split("style-src")[0], page
        else:
            assert [m["content"] for m in metas] == [expected], page
        referrer = soup.head.find("meta", attrs={"name": "referrer"})
        assert referrer is not None and referrer["content"] == headers["Referrer-Policy"], page
        # Before every script and style sheet: a meta policy only governs what follows it.
        first = soup.head.find(lambda t: t.name in {"script", "style"} or "stylesheet" in (t.get("rel") or []))
        assert first is None or metas[0].sourceline < first.sourceline, page


# --------------------------------------------------------------------------- sanitized output


@pytest.mark.slow
def test_every_emitted_file_of_the_real_site_is_clean(real_site: Path):
    assert not audit_site(real_site)
    names = {p.relative_to(real_site).as_posix() for p in real_site.rglob("*.json")}
    assert {"search/search_index.json", "assets/javascripts/workers/rw-search.json"} <= names


def test_audit_finds_what_it_is_for(tmp_path: Path):
    """The scan is not blind: each kind of hostile markup in an emitted file is found."""
    (tmp_path / "_headers").write_bytes((ROOT / "docs" / "_headers").read_bytes())
    (tmp_path / "a.html").write_text(
        '<html><head><script>alert(1)</script></head><body><p onmouseover="x">t</p>'
        '<a href=" javascript:alert(1)">k</a><style>p{}</style><abbr title="t" style="x">a</abbr></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "i.json").write_text('{"docs": [{"title": "<img src=x onerror=alert(1)>"}]}', encoding="utf-8")
    found = audit_site(tmp_path)
    assert {f.split(": ", 1)[1].split(" ")[0] for f in found} >= {
        "<script>",
        "p[onmouseover]",
        "a[href=",
        "<style>",
        "abbr[style]",
        "<img>",
        "img[onerror]",
    }, found


def test_search_index_titles_and_texts_are_sanitized():
    index = '{"config":{},"docs":[{"location":"a/","title":"<img src=x onerror=alert(1)>Titel","text":"<p>ok</p>"}]}'
    cleaned, changed = sanitize_search_index(index)
    assert changed == 1
    assert "onerror" not in cleaned and "Titel" in cleaned and "<p>ok</p>" in cleaned
    same = '{"config":{},"docs":[{"location":"a/","title":"Titel","text":"<p>ok &amp; goed</p>"}]}'
    assert sanitize_search_index(same) == (same, 0)
