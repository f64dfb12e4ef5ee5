"""The build cache (generator/output/cache.py, generator/engine/mkdocs/cache.py): a change always
shows, and a build that reuses cached results writes exactly the bytes a clean build writes."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from generator.engine.mkdocs import WarningCollector, build_into
from generator.load import load_catalog
from generator.output.cache import CACHE_ENV, DEFAULT_CACHE_DIR, ResultCache
from generator.problems import DataError
from tests.conftest import MINI_DATA, MKDOCS_YML, REGION_PATH
from tests.test_reproducible import assert_identical

OVERRIDES_YML = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
MAIN_HTML = '{% extends "base.html" %}\n{% block extrahead %}<meta name="rw-test" content="een">{% endblock %}\n'


@pytest.fixture
def project(scratch, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.delenv(CACHE_ENV, raising=False)
    root: Path = scratch(
        {
            "mkdocs.yml": OVERRIDES_YML,
            "overrides/main.html": MAIN_HTML,
            "docs/index.md": "# Start\n\nWelkom. Zie [Groningen](regio/groningen.md#bronnen).\n",
        }
    )
    return root


def build(root: Path, site: str, *, cache: bool = True, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, "1" if cache else "0")
    assert build_into(root / "mkdocs.yml", root / site, strict=True)
    return root / site


def cached(root: Path, space: str) -> int:
    folder = root / DEFAULT_CACHE_DIR / space
    return len(list(folder.glob("*.z"))) if folder.is_dir() else 0


def test_cached_builds_equal_clean_builds_after_each_kind_of_change(project: Path, monkeypatch):
    region = project / REGION_PATH
    first = build(project, "cached-1", monkeypatch=monkeypatch)
    assert cached(project, "markdown") > 5 and cached(project, "template") > 5 and cached(project, "page") > 5
    assert_identical(first, build(project, "clean-1", cache=False, monkeypatch=monkeypatch))
    # Nothing changed: every page comes from the cache, byte for byte.
    assert_identical(first, build(project, "cached-2", monkeypatch=monkeypatch))

    # A record's text: its page, the index and the pages linking to it change.
    region.write_text(MINI_DATA[REGION_PATH].replace("De jeugdregio Groningen.", "Nieuwe samenvatting."))
    edited = build(project, "cached-3", monkeypatch=monkeypatch)
    assert "Nieuwe samenvatting." in (edited / "regio/groningen/index.html").read_text()
    # Open data is kept per kind by its records' bytes: the edited kind's download changes.
    assert cached(project, "opendata") >= 2
    assert "Nieuwe samenvatting." in (edited / "data/regio.json").read_text()
    assert_identical(edited, build(project, "clean-3", cache=False, monkeypatch=monkeypatch))

    # A theme template: every page changes.
    (project / "overrides/main.html").write_text(MAIN_HTML.replace('content="een"', 'content="twee"'))
    themed = build(project, "cached-4", monkeypatch=monkeypatch)
    for page in ("index.html", "regio/groningen/index.html"):
        assert 'content="twee"' in (themed / page).read_text()
    assert_identical(themed, build(project, "clean-4", cache=False, monkeypatch=monkeypatch))

    # A setting in mkdocs.yml: every page changes.
    (project / "mkdocs.yml").write_text(OVERRIDES_YML.replace("site_name: Test", "site_name: Andere naam"))
    renamed = build(project, "cached-5", monkeypatch=monkeypatch)
    assert "Andere naam" in (renamed / "regio/groningen/index.html").read_text()
    assert_identical(renamed, build(project, "clean-5", cache=False, monkeypatch=monkeypatch))


def test_a_cached_page_repeats_its_warnings_so_strict_still_fails(project: Path, monkeypatch):
    (project / "docs/index.md").write_text("# Start\n\nZie [weg](bestaat-niet.md).\n")
    for _ in range(2):  # the second build takes the page from the cache
        collector = WarningCollector()
        with collector.attached():
            assert not build_into(project / "mkdocs.yml", project / "site", strict=True)
        assert any("bestaat-niet.md" in w.message for w in collector.link_warnings())
    assert cached(project, "markdown") > 0


def test_a_fixed_link_is_no_longer_reported(project: Path, monkeypatch):
    (project / "docs/index.md").write_text("# Start\n\nZie [weg](bestaat-niet.md).\n")
    assert not build_into(project / "mkdocs.yml", project / "site", strict=True)
    # The target appears: the same Markdown now resolves, because the file list is part of the key.
    (project / "docs/bestaat-niet.md").write_text("# Nu wel\n")
    assert build(project, "site", monkeypatch=monkeypatch)
    assert 'href="bestaat-niet/"' in (project / "site/index.html").read_text()


def test_anchor_links_are_validated_from_cached_pages(project: Path, monkeypatch):
    (project / "docs/index.md").write_text("# Start\n\nZie [kop](regio/groningen.md#bestaat-niet).\n")
    for _ in range(2):  # MkDocs checks anchors after all pages, from what each (cached) page holds
        collector = WarningCollector()
        with collector.attached():
            assert not build_into(project / "mkdocs.yml", project / "site", strict=True)
        assert any("does not contain an anchor '#bestaat-niet'" in m for m in collector.messages)


def test_result_cache_keeps_one_build_and_survives_damage(tmp_path: Path):
    store = ResultCache(tmp_path)
    store.put("s", "a", {"x": 1})
    store.put("s", "b", [1, 2])
    store.finish()
    again = ResultCache(tmp_path)
    assert again.get("s", "a") == {"x": 1}
    again.finish()  # "b" was not used by this build: gone from disk
    assert not (tmp_path / "s/b.z").exists()
    assert ResultCache(tmp_path).get("s", "b") is None
    (tmp_path / "s/a.z").write_bytes(b"kapot")
    assert ResultCache(tmp_path).get("s", "a") is None  # a damaged entry is a miss, not a crash
    (tmp_path / "s/a.z").write_bytes(zlib.compress(b"{not json"))
    assert ResultCache(tmp_path).get("s", "a") is None
    (tmp_path / "s/a.z").write_bytes(b"Z" + zlib.compress(b"{not json"))
    assert ResultCache(tmp_path).get("s", "a") is None
    (tmp_path / "s/a.z").write_bytes(b"S\xff\xfe")  # not UTF-8
    assert ResultCache(tmp_path).get("s", "a") is None


def test_a_string_is_stored_as_plain_text_and_read_back_exactly(tmp_path: Path):
    """Rendered pages (most of the cache) skip JSON and zlib; every other value keeps them."""
    page = '<!doctype html>\n<p class="x">Één "pagina" \\ met \U0001f600 en \\u00e9</p>'
    store = ResultCache(tmp_path)
    store.put("s", "page", page)
    store.put("s", "list", ["S", "text"])
    assert (tmp_path / "s/page.z").read_bytes() == b"S" + page.encode("utf-8")
    assert (tmp_path / "s/list.z").read_bytes()[:1] == b"Z"
    again = ResultCache(tmp_path)
    assert again.get("s", "page") == page
    assert again.get("s", "list") == ["S", "text"]


def test_no_cache_when_turned_off(project: Path, monkeypatch):
    build(project, "site", cache=False, monkeypatch=monkeypatch)
    assert not (project / DEFAULT_CACHE_DIR).exists()


def test_loading_twice_in_one_process_sees_every_edit(scratch):
    root: Path = scratch(data_only=True)
    region = root / REGION_PATH
    first = load_catalog(root / "data", root)
    assert load_catalog(root / "data", root).entries["regio/groningen"] is first.entries["regio/groningen"]
    region.write_text(MINI_DATA[REGION_PATH].replace("cbs_code: JZ01", "cbs_code: fout"))
    with pytest.raises(DataError) as broken:
        load_catalog(root / "data", root)
    with pytest.raises(DataError) as again:  # the remembered outcome of the same bytes
        load_catalog(root / "data", root)
    assert [str(p) for p in again.value.problems] == [str(p) for p in broken.value.problems]
    assert any("cbs_code" in str(p) for p in broken.value.problems)
    region.write_text(MINI_DATA[REGION_PATH].replace("De jeugdregio Groningen.", "Weer goed."))
    assert "Weer goed." in load_catalog(root / "data", root).entries["regio/groningen"].record.summary


def test_another_pages_front_matter_in_the_navigation_shows(project: Path, monkeypatch):
    """Material's navigation shows other pages' front matter (subtitle): part of every page's key."""
    (project / "mkdocs.yml").write_text(OVERRIDES_YML + "  - Over: over.md\n")
    (project / "docs/over.md").write_text("---\nsubtitle: Ondertitel een\n---\n\n# Over\n\nTekst.\n")
    first = build(project, "cached-1", monkeypatch=monkeypatch)
    assert "Ondertitel een" in (first / "index.html").read_text()
    (project / "docs/over.md").write_text("---\nsubtitle: Ondertitel twee\n---\n\n# Over\n\nTekst.\n")
    second = build(project, "cached-2", monkeypatch=monkeypatch)
    assert "Ondertitel twee" in (second / "index.html").read_text()
    assert_identical(second, build(project, "clean-2", cache=False, monkeypatch=monkeypatch))


def test_the_offline_copy_and_the_site_share_the_cache_without_mixing_links(project: Path, monkeypatch):
    """Theme links are page URLs of one build: 'regio/groningen/' on the site, '.html' in the offline copy.

    Jinja folds a filter on a constant into the compiled template, and compiled templates are cached
    on disk by their source; a folded link from the offline copy once came back in the site.
    """
    main = MAIN_HTML.replace('content="een"', "content=\"{{ 'regio/groningen/' | rw_page }}\"")
    (project / "overrides/main.html").write_text(main)
    monkeypatch.setenv(CACHE_ENV, "1")
    marker = '<meta name="rw-test" content="{}">'
    for site, offline, url in (
        ("site", False, "regio/groningen/"),
        ("offline", True, "regio/groningen.html"),
        ("site", False, "regio/groningen/"),
    ):
        assert build_into(project / "mkdocs.yml", project / site, strict=True, offline=offline)
        assert marker.format(url) in (project / site / "index.html").read_text(encoding="utf-8"), site


@pytest.mark.parametrize("cache", [False, True])
def test_the_page_policy_in_a_worker_process_writes_what_one_process_writes(project: Path, monkeypatch, cache):
    """Large sites check their pages in a second process (output/policy_pool.py) and rewrite the pages
    the policy changed before the build ends: the site is the same, byte for byte, as checked in one."""
    from generator.output.policy_pool import PARALLEL_ENV

    hostile = MAIN_HTML.replace(
        '<meta name="rw-test" content="een">',
        '<meta name="rw-test" content="een"><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">x</a>',
    )
    (project / "overrides/main.html").write_text(hostile)
    sites = []
    for n, parallel in enumerate(("1", "1", "0")):  # with the cache, the second build reads the first's
        monkeypatch.setenv(PARALLEL_ENV, parallel)
        sites.append(build(project, f"site-{n}", cache=cache, monkeypatch=monkeypatch))
        page = (sites[-1] / "index.html").read_text(encoding="utf-8")
        assert "onerror" not in page and "alert(2)" not in page and 'content="een"' in page
    assert_identical(sites[2], sites[0])
    assert_identical(sites[2], sites[1])


def test_every_field_the_theme_reads_of_another_page_is_in_the_template_key():
    """Only NAV_META of other pages' front matter is in each page's key; a template that reads any
    other field of another page (nav_item.meta.x, page.next_page.meta.x) would be served stale."""
    import re

    import material

    from generator.engine.mkdocs.cache import NAV_META
    from tests.conftest import ROOT

    read = re.compile(r"\b(\w+)\.meta(?:\.(\w+)|\[['\"](\w+)['\"]\])")
    folders = [Path(material.__file__).parent / "templates", ROOT / "docs/overrides"]
    found = {}
    for folder in folders:
        for template in folder.rglob("*.html"):
            if "blog" in template.name:
                continue  # the blog plugin's templates; the site has no blog
            for owner, field, indexed in read.findall(template.read_text(encoding="utf-8")):
                if owner not in {"page", "blog", "post", "config"}:
                    found.setdefault(field or indexed, template.name)
    assert found, "the scan found nothing: Material's templates moved?"
    assert set(found) <= set(NAV_META), {f: t for f, t in found.items() if f not in NAV_META}


def test_an_edited_description_renders_only_its_own_page_again(project: Path, monkeypatch):
    """One edited summary (a page's description) must not change the other pages' template keys."""
    from generator.engine.mkdocs import cache as build_cache

    (project / "mkdocs.yml").write_text(OVERRIDES_YML + "  - Over: over.md\n")
    (project / "docs/over.md").write_text("---\ndescription: Eerste omschrijving\n---\n\n# Over\n\nTekst.\n")
    build(project, "cached-1", monkeypatch=monkeypatch)
    rendered: list[str] = []
    render = build_cache._CachedTemplate.render

    def counting(self, *args, **kwargs):
        before = self._cache.store.misses
        out = render(self, *args, **kwargs)
        if self._cache.store.misses > before:
            rendered.append(str(kwargs.get("page") or (args[0].get("page") if args else "")))
        return out

    monkeypatch.setattr(build_cache._CachedTemplate, "render", counting)
    (project / "docs/over.md").write_text("---\ndescription: Tweede omschrijving\n---\n\n# Over\n\nTekst.\n")
    second = build(project, "cached-2", monkeypatch=monkeypatch)
    assert "Tweede omschrijving" in (second / "over/index.html").read_text()
    assert len(rendered) == 1 and "over" in rendered[0].lower(), rendered
    assert_identical(second, build(project, "clean-2", cache=False, monkeypatch=monkeypatch))


def test_compiled_templates_are_kept_apart_when_a_filter_changes_how_it_is_called(tmp_path: Path):
    """Compiled code calls a filter with or without the render context, as the filter was when the
    template was compiled; a filter that changes kind must not meet code compiled for the old kind
    (after an upgrade, `make offline` failed on cached code: 'missing 1 required positional argument')."""
    import jinja2

    from generator.engine.mkdocs.cache import _MemoryBytecodeCache

    loader = jinja2.DictLoader({"t.html": "<a href='{{ path | rw_page }}'>"})

    def plain(path):
        return f"{path}index.html"

    @jinja2.pass_context
    def with_context(context, path):
        return f"{path}page.html"

    outputs = []
    for rw_page in (plain, with_context, plain):
        env = jinja2.Environment(loader=loader, bytecode_cache=_MemoryBytecodeCache(tmp_path / "jinja"))
        env.filters["rw_page"] = rw_page
        outputs.append(env.get_template("t.html").render(path="regio/"))
    assert outputs == ["<a href='regio/index.html'>", "<a href='regio/page.html'>", "<a href='regio/index.html'>"]
    assert len(list((tmp_path / "jinja").iterdir())) == 2
