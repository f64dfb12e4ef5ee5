"""`python -m generator export`: the site as plain Markdown and an engine-neutral nav, and a second engine (Zensical)
that builds it. The engine seam is proven when a site comes out of the export without MkDocs (docs/engine.md)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.load import load_catalog, load_history
from generator.model import KINDS
from generator.output import export as export_module
from generator.output.export import (
    MANIFEST_FILE,
    NAV_FILE,
    SEARCH_TERMS_PATH,
    ExportError,
    export_site,
    neutral_nav,
    read_site_config,
)
from generator.render.opendata import CSV_KINDS
from generator.render.site import SiteRenderer
from generator.render.wayfind import MUNICIPALITIES_PATH, municipalities_json
from tests.conftest import ROOT, run_cli, tree_digest

EPOCH = "1767225600"
"""2026-01-01: both exports of a determinism check render the same dates."""

ENGINE_MODULES = ("mkdocs", "material", "generator.engine")

EXPORT_AND_LIST_IMPORTS = """\
import json, sys
from generator.cli import main
code = main(["export", sys.argv[1]])
engines = sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material") or m.startswith("generator.engine"))
print(json.dumps(engines))
sys.exit(code)
"""


def export_real(out: Path) -> list[str]:
    """Export the real data and docs into `out` (the checkout stays untouched); the engine modules it imported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run(
        [sys.executable, "-c", EXPORT_AND_LIST_IMPORTS, str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    imported: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return imported


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("export") / "site-md"
    return out, export_real(out)


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ---- the export itself (fast)


def test_export_imports_no_engine(exported: tuple[Path, list[str]]) -> None:
    _, imported = exported
    assert imported == []


def test_export_holds_every_page_and_every_docs_file(
    exported: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = exported
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    catalog = load_catalog(ROOT / "data", ROOT)
    pages = SiteRenderer(catalog, today=export_module.build_date(), history=load_history(ROOT, "data")).pages()
    docs = ROOT / "docs"
    hand_written = files_of(docs)
    assert "overrides/main.html" in hand_written and "_headers" in hand_written
    expected = (
        {f"docs/{page.path}" for page in pages}
        | {f"docs/{rel}" for rel in hand_written}
        | {NAV_FILE, MANIFEST_FILE, f"docs/{SEARCH_TERMS_PATH}", f"docs/{MUNICIPALITIES_PATH}"}
        | {"docs/data.md", "docs/data/catalogus.jsonld", "docs/robots.txt"}
        | {f"docs/data/{kind}.{ext}" for kind in KINDS for ext in ("json", "schema.json")}
        | {f"docs/data/{kind}.csv" for kind in CSV_KINDS}
    )
    found = files_of(out)
    assert set(found) == expected
    for rel, data in hand_written.items():
        assert found[f"docs/{rel}"] == data, f"docs/{rel} is not copied as it is"
    for page in pages:
        text = found[f"docs/{page.path}"].decode("utf-8")
        assert text.startswith(page.markdown), f"{page.path} is not the rendered page"
        assert text == page.markdown or text[len(page.markdown) :].lstrip("\n").startswith("*["), page.path
    manifest = json.loads(found[MANIFEST_FILE])
    assert manifest == {page.path: page.source for page in pages if page.source}
    json.loads(found[f"docs/{SEARCH_TERMS_PATH}"])
    assert found[f"docs/{MUNICIPALITIES_PATH}"].decode("utf-8") == municipalities_json(catalog)
    # Nothing of the swap is left beside the export.
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]


def test_export_is_deterministic(exported: tuple[Path, list[str]], tmp_path: Path) -> None:
    out, _ = exported
    again = tmp_path / "again"
    export_real(again)
    assert files_of(again) == files_of(out)


def test_generated_pages_keep_their_front_matter_and_get_their_abbreviations(exported: tuple[Path, list[str]]) -> None:
    out, _ = exported
    text = (out / "docs/wet/jeugdwet.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Jeugdwet"\ndescription: "')
    assert "\nsearch:\n  boost: " in text.split("\n---\n", 1)[0]
    assert re.search(r"^\*\[[^\]]+\]: ", text, re.MULTILINE), "the page's abbreviations are appended (abbr)"


def test_nav_is_mkdocs_nav_with_the_plugins_expansion(exported: tuple[Path, list[str]]) -> None:
    from generator.engine.mkdocs.plugin import SEARCH_TERMS_PATH as PLUGIN_SEARCH_TERMS
    from generator.engine.mkdocs.plugin import _expand

    assert SEARCH_TERMS_PATH == PLUGIN_SEARCH_TERMS
    out, _ = exported
    nav = yaml.safe_load((out / NAV_FILE).read_text(encoding="utf-8"))
    config = read_site_config(ROOT / "mkdocs.yml")
    catalog = load_catalog(ROOT / "data", ROOT)
    sections = {item.path: item for item in SiteRenderer(catalog).nav(12)}
    expanded = [_expand(entry, sections) for entry in config["nav"]]
    assert [to_mkdocs(item) for item in nav] == expanded
    # Every page the nav names exists in the export.
    for path in walk_paths(nav):
        assert (out / "docs" / path).is_file(), path
    routes = next(item for item in nav if item["path"] == "route/index.md")
    assert routes["children"], "a small generated section lists its records"


def test_reading_mkdocs_yml_tolerates_its_tags(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: !ENV [SITE, 'http://x/']\nx: !relative $config_dir\nnav:\n  - A: a.md\n  - B:\n      - b/index.md\n      - C: b/c.md\n",
        encoding="utf-8",
    )
    read = read_site_config(config)
    assert read["site_url"] == ["SITE", "http://x/"]
    assert neutral_nav(read["nav"], []) == [
        {"title": "A", "path": "a.md", "children": []},
        {"title": "B", "path": "b/index.md", "children": [{"title": "C", "path": "b/c.md", "children": []}]},
    ]


# ---- refusals and failures (a scratch project)


def test_invalid_data_is_reported_and_nothing_written(scratch: Callable[..., Path]) -> None:
    root = scratch({"data/wet/jeugdwet.yaml": "title: Jeugdwet\n"})
    result = run_cli("export", "out", cwd=root)
    assert result.returncode == 1
    assert "data/wet/jeugdwet.yaml" in result.stderr
    assert "dit verplichte veld ontbreekt" in result.stderr
    assert not (root / "out").exists()


def test_a_folder_that_is_no_export_is_not_replaced(scratch: Callable[..., Path]) -> None:
    root = scratch()
    (root / "mine").mkdir()
    (root / "mine/notes.txt").write_text("keep me", encoding="utf-8")
    result = run_cli("export", "mine", cwd=root)
    assert result.returncode == 1
    assert "geen eerdere export" in result.stderr
    assert (root / "mine/notes.txt").read_text(encoding="utf-8") == "keep me"
    result = run_cli("export", ".", cwd=root)
    assert result.returncode == 1 and "kies een andere map" in result.stderr


def test_a_failed_export_leaves_the_previous_one_untouched(
    scratch: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = scratch()
    out = root / "out"
    assert run_cli("export", "out", cwd=root).returncode == 0
    before = tree_digest(out)
    catalog = load_catalog(root / "data", root)
    written: list[Path] = []
    real_write = export_module._write

    def failing_write(path: Path, text: str) -> None:
        if len(written) == 3:
            raise OSError(28, "No space left on device", str(path))
        written.append(path)
        real_write(path, text)

    monkeypatch.setattr(export_module, "_write", failing_write)
    with pytest.raises(ExportError, match="kan niet schrijven"):
        export_site(
            catalog, out, docs_dir=root / "docs", config_file=root / "mkdocs.yml", data_dir=root / "data", root=root
        )
    assert written, "the export had begun writing"
    assert tree_digest(out) == before
    assert not [p.name for p in root.iterdir() if p.name.startswith(".out.")]


def test_a_second_export_replaces_the_first(scratch: Callable[..., Path]) -> None:
    root = scratch()
    assert run_cli("export", "out", cwd=root).returncode == 0
    (root / "out/docs/stale.md").write_text("# Oud\n", encoding="utf-8")
    result = run_cli("export", "out", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "geëxporteerd naar out/" in result.stdout
    assert not (root / "out/docs/stale.md").exists()
    assert (root / "out/docs/wet/jeugdwet.md").is_file()


# ---- the second engine: Zensical builds the export


def to_mkdocs(item: dict[str, Any]) -> Any:
    """A nav.yaml item in the MkDocs/Zensical nav shape (a section's index page first)."""
    if not item["children"]:
        return {item["title"]: item["path"]} if item["title"] else item["path"]
    inner = ([item["path"]] if item["path"] else []) + [to_mkdocs(child) for child in item["children"]]
    return {item["title"]: inner} if item["title"] else inner


def walk_paths(items: list[dict[str, Any]]) -> list[str]:
    found = []
    for item in items:
        if item["path"]:
            found.append(item["path"])
        found += walk_paths(item["children"])
    return found


def toml_value(value: Any) -> str:
    """TOML for strings, lists and one-line tables (a JSON string is a TOML basic string)."""
    if isinstance(value, dict):
        return (
            "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {toml_value(v)}" for k, v in value.items()) + " }"
        )
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


DIALECT_EXTENSIONS = ["attr_list", "md_in_html", "def_list", "admonition", "abbr", "tables"]


def zensical_toml(nav: list[dict[str, Any]]) -> str:
    """A minimal Zensical configuration for the export: the nav and the Markdown extensions the dialect uses."""
    lines = [
        "[project]",
        'site_name = "Routewijzer"',
        'docs_dir = "docs"',
        'site_dir = "site"',
        'exclude_docs = "overrides/"',  # Material's templates, not pages (as in mkdocs.yml)
        f"nav = {toml_value([to_mkdocs(item) for item in nav])}",
        "",
        "[project.theme]",
        'language = "nl"',
        "",
        *(f"[project.markdown_extensions.{name}]" for name in DIALECT_EXTENSIONS),
        "[project.markdown_extensions.toc]",
        "permalink = false",
    ]
    return "\n".join(lines) + "\n"


ZENSICAL = Path(sys.executable).parent / "zensical"

OFFLINE = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "ALL_PROXY": "http://127.0.0.1:9",
    "NO_PROXY": "",
}
"""Any request the build tried would go to a closed port on this machine, and fail."""


@pytest.fixture(scope="module")
def zensical_site(exported: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export built by Zensical, in a project of its own (the export itself stays as it was)."""
    if not ZENSICAL.is_file():
        pytest.skip("zensical is not installed (make install; it needs Python 3.11+)")
    out, _ = exported
    project = tmp_path_factory.mktemp("zensical")
    shutil.copytree(out / "docs", project / "docs")
    nav = yaml.safe_load((out / NAV_FILE).read_text(encoding="utf-8"))
    (project / "zensical.toml").write_text(zensical_toml(nav), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")} | OFFLINE
    result = subprocess.run(
        [str(ZENSICAL), "build", "--config-file", "zensical.toml", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def html_of(site: Path, page: str) -> str:
    """The built HTML of a docs page (directory URLs: wet/jeugdwet.md → wet/jeugdwet/index.html)."""
    stem = page.removesuffix(".md")
    built = site / ("index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html")
    assert built.is_file(), f"{page} was not built"
    return built.read_text(encoding="utf-8")


def title_of(markdown: str) -> str:
    found = re.search(r"^# (.+?)(?: \{.*\})?$", markdown, re.MULTILINE)
    assert found, "a page has an h1"
    return found.group(1)


def sample_pages(out: Path) -> dict[str, str]:
    docs = out / "docs"
    step = sorted(p for p in (docs / "route").glob("*/*.md"))[0]
    return {
        "a region": "regio/achterhoek.md",
        "a law": "wet/jeugdwet.md",
        "a route step": step.relative_to(docs).as_posix(),
        "the A–Z": "regio/gemeenten.md",
    }


@pytest.mark.slow
def test_zensical_builds_the_sample_pages_with_their_titles(
    exported: tuple[Path, list[str]], zensical_site: Path
) -> None:
    out, _ = exported
    for what, page in sample_pages(out).items():
        html = html_of(zensical_site, page)
        title = title_of((out / "docs" / page).read_text(encoding="utf-8"))
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert h1 and re.sub(r"<[^>]+>", "", h1.group(1)).strip() == escape_text(title), what
        assert f"<title>{escape_text(title)} - Routewijzer</title>" in html, what


def escape_text(text: str) -> str:
    """A Markdown title as it shows in HTML (the titles here hold no Markdown but may hold &, <, and escapes)."""
    return text.replace("\\", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.slow
def test_zensical_links_between_pages_resolve(exported: tuple[Path, list[str]], zensical_site: Path) -> None:
    out, _ = exported
    samples = sample_pages(out)
    checked = 0
    for page in samples.values():
        stem = page.removesuffix(".md")
        here = zensical_site / ("" if stem == "index" else stem.removesuffix("/index"))
        for href in re.findall(r'<a [^>]*href="([^"#?]*)[^"]*"', html_of(zensical_site, page)):
            if not href or re.match(r"[a-z]+:", href):
                continue  # same page, or another site
            target = (here / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page}: {href} leads nowhere"
            checked += 1
    assert checked > 100
    # The A–Z links to the sample region, and the region to the law (relative, directory URLs).
    assert 'href="../achterhoek/"' in html_of(zensical_site, samples["the A–Z"])
    assert 'href="../../wet/jeugdwet/"' in html_of(zensical_site, samples["a region"])


@pytest.mark.slow
def test_zensical_keeps_the_dialect_constructs(zensical_site: Path) -> None:
    """What docs/engine.md's table says survives; when this fails after a Zensical upgrade, update the table."""
    term = html_of(zensical_site, "begrip/rechterlijke-machtiging.md")
    assert "<dl>" in term and "<dt>Betekenis</dt>" in term  # definition list
    assert '<details class="rw-editors">' in term and "<summary>Voor redacteuren</summary>\n<ul>" in term  # md_in_html
    assert '<nav aria-label="Kruimelpad" class="rw-crumbs">\n<p><a href="../../">' in term  # md_in_html
    assert re.search(r'<abbr title="[^"]+">Wzd</abbr>', term)  # abbr
    assert '<span class="md-tag">Begrip</span>' in term  # tags: shown as labels
    assert '<h2 id="a">A</h2>' in html_of(zensical_site, "regio/gemeenten.md")  # heading { #id }
    assert '<div class="admonition info">' in html_of(zensical_site, "route/dreigende-uithuisplaatsing.md")
    index = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))["items"]
    located = {item["location"] for item in index}
    assert "begrip/rechterlijke-machtiging/" in located
    assert "veranderd/" not in located and "redactie/velden/" not in located  # search: exclude: true
    assert not [loc for loc in located if loc.endswith(("#zie-ook", "#bronnen"))]  # { data-search-exclude }
    assert not [item for item in index if "nagekeken op" in item["text"]]  # <details data-search-exclude>
