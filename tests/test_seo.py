"""Findable from outside (issue 16): the head of every page, structured data, crawl files, open data.

The guard runs on the real site (the session's `real_site` build): every page's <title> is its H1
plus the site name (the home page: the site name), no two pages share a description, every page
carries one valid schema.org JSON-LD object, and the sitemap dates a record's page with the day
its facts were reviewed. The open data downloads validate against their own JSON Schemas.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.output.manifest import MANIFEST_PATH
from generator.output.opendata import download_schema
from generator.render.structured import script_text
from tests.conftest import ROOT
from tests.schemaorg import vocabulary

SITE_NAME = "Routewijzer"
SITE_URL = "http://127.0.0.1:8000/"
"""mkdocs.yml's default site_url, which the session's real build uses."""


def _pages(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    """Every content page of the site: (URL path, parsed HTML); not the 404 page or redirects, nor
    the form-based editor at /redactie/bewerken/ (an application for editors, marked noindex)."""
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).parent.as_posix()
        if rel == "redactie/bewerken":
            continue
        url = "/" if rel == "." else f"/{rel}/"
        yield url, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pages(real_site: Path) -> dict[str, BeautifulSoup]:
    return dict(_pages(real_site))


def _text(tag: Any) -> str:
    return " ".join(tag.get_text().split()) if tag else ""


def _meta(soup: BeautifulSoup, **attrs: str) -> str | None:
    tag = soup.find("meta", attrs=attrs)
    return str(tag["content"]) if tag else None


def _json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    return [json.loads(tag.string or "") for tag in soup.find_all("script", attrs={"type": "application/ld+json"})]


# --------------------------------------------------------------------------- the head of every page


def test_every_title_is_the_pages_h1(pages: dict[str, BeautifulSoup]):
    assert len(pages) > 300
    wrong = []
    for url, soup in pages.items():
        expected = SITE_NAME if url == "/" else f"{_text(soup.find('h1'))} - {SITE_NAME}"
        if _text(soup.title) != expected:
            wrong.append(f"{url}: <title> {_text(soup.title)!r}, H1 {_text(soup.find('h1'))!r}")
    assert not wrong, f"{len(wrong)} pages whose title is not their H1:\n" + "\n".join(wrong[:20])


def test_titles_keep_their_diacritics(pages: dict[str, BeautifulSoup]):
    """The issue's examples: the title is the record's, not one made from the file name."""
    assert _text(pages["/begrip/clientondersteuning/"].title) == "Cliëntondersteuning - Routewijzer"
    assert _text(pages["/regio/gooi-en-vechtstreek/"].title) == "Gooi en Vechtstreek - Routewijzer"
    assert _text(pages["/contact/mee/"].title) == "MEE - Routewijzer"


def test_no_two_pages_share_a_description(pages: dict[str, BeautifulSoup]):
    descriptions = {url: _meta(soup, name="description") for url, soup in pages.items()}
    assert all(descriptions.values()), [url for url, d in descriptions.items() if not d]
    shared = {d: n for d, n in Counter(descriptions.values()).items() if n > 1}
    assert not shared, f"{len(shared)} descriptions on more than one page: " + "; ".join(
        f"{[u for u, x in descriptions.items() if x == d][:3]}" for d in list(shared)[:5]
    )


def test_a_record_page_is_described_by_its_summary(pages: dict[str, BeautifulSoup]):
    record = yaml.safe_load((ROOT / "data" / "regio" / "gooi-en-vechtstreek.yaml").read_text(encoding="utf-8"))
    soup = pages["/regio/gooi-en-vechtstreek/"]
    assert _meta(soup, name="description") == record["summary"]
    assert _meta(soup, property="og:description") == record["summary"]
    assert _meta(soup, name="twitter:description") == record["summary"]


def test_link_preview_tags_on_every_page(pages: dict[str, BeautifulSoup], real_site: Path):
    wrong = []
    for url, soup in pages.items():
        h1 = SITE_NAME if url == "/" else _text(soup.find("h1"))
        expected = {
            ("property", "og:title"): h1,
            ("name", "twitter:title"): h1,
            ("property", "og:description"): _meta(soup, name="description"),
            ("property", "og:site_name"): SITE_NAME,
            ("property", "og:locale"): "en_GB" if url.startswith("/en/") else "nl_NL",
            ("property", "og:url"): SITE_URL + url.lstrip("/"),
            ("property", "og:image"): SITE_URL + "assets/images/routewijzer-delen.png",
            ("name", "twitter:card"): "summary_large_image",
        }
        for (attr, name), value in expected.items():
            if _meta(soup, **{attr: name}) != value:
                wrong.append(f"{url}: {name} = {_meta(soup, **{attr: name})!r}, expected {value!r}")
        canonical = soup.find("link", rel="canonical")
        if canonical is None or canonical["href"] != SITE_URL + url.lstrip("/"):
            wrong.append(f"{url}: canonical {canonical}")
        if soup.html is None or soup.html.get("lang") != ("en" if url.startswith("/en/") else "nl"):
            wrong.append(f"{url}: lang {soup.html and soup.html.get('lang')}")
    assert not wrong, "\n".join(wrong[:20])
    image = real_site / "assets" / "images" / "routewijzer-delen.png"
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(image.read_bytes()[16:20], "big") == 1200  # width, as og:image:width says


def test_hand_written_pages_take_title_and_description_from_front_matter(pages: dict[str, BeautifulSoup]):
    text = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    soup = pages["/privacy/"]
    assert _text(soup.title) == f"{front['title']} - {SITE_NAME}"
    assert _meta(soup, name="description") == front["description"]


# --------------------------------------------------------------------------- structured data


def test_every_page_has_one_valid_json_ld_object(pages: dict[str, BeautifulSoup]):
    vocab = vocabulary()
    problems = []
    for url, soup in pages.items():
        objects = _json_ld(soup)
        if len(objects) != 1:
            problems.append(f"{url}: {len(objects)} JSON-LD objects")
            continue
        problems += vocab.check(objects[0], url)
        page = objects[0]
        if page["@type"] != "WebPage" or page["url"] != SITE_URL + url.lstrip("/"):
            problems.append(f"{url}: not a WebPage about itself")
        if page["name"] != (SITE_NAME if url == "/" else _text(soup.find("h1"))):
            problems.append(f"{url}: name {page['name']!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


def _record(kind: str, id_: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "data" / kind / f"{id_}.yaml").read_text(encoding="utf-8"))


def test_records_say_what_they_are(pages: dict[str, BeautifulSoup]):
    """Each kind with a true schema.org type carries it, with the record's own facts."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for url, soup in pages.items():
        entity = _json_ld(soup)[0].get("mainEntity")
        if entity:
            by_kind[url.split("/")[1]].append(entity)
    for kind in ("contact", "wet", "begrip", "regio"):
        assert len(by_kind[kind]) == len(list((ROOT / "data" / kind).glob("*.yaml"))), kind
    assert set(by_kind) == {"contact", "wet", "begrip", "regio"}  # no FAQPage, HowTo or guesses elsewhere
    law = next(e for e in by_kind["wet"] if e["@id"].endswith("/wet/jeugdwet/#wet"))
    record = _record("wet", "jeugdwet")
    assert law["legislationIdentifier"] == record["bwbr"]
    assert law["url"] == record["url"]
    assert law["legislationDateOfApplicability"] == str(record["in_force"])
    region = next(e for e in by_kind["regio"] if e["name"] == "Gooi en Vechtstreek")
    assert sorted(p["identifier"] for p in region["containsPlace"]) == sorted(
        m["code"] for m in _record("regio", "gooi-en-vechtstreek")["municipalities"]
    )
    contact = next(e for e in by_kind["contact"] if e["@id"].endswith("/contact/kindertelefoon/#organisatie"))
    assert contact["contactPoint"]["telephone"] == str(_record("contact", "kindertelefoon")["phone"])
    term = by_kind["begrip"][0]
    assert term["inDefinedTermSet"]["url"] == SITE_URL + "begrip/"


def test_date_modified_is_the_reviewed_date(pages: dict[str, BeautifulSoup]):
    record = _record("regio", "gooi-en-vechtstreek")
    page = _json_ld(pages["/regio/gooi-en-vechtstreek/"])[0]
    assert page["dateModified"] == str(record["reviewed"])
    crumbs = [item["name"] for item in page["breadcrumb"]["itemListElement"]]
    assert crumbs == [SITE_NAME, "Jeugdregio's", record["title"]]


def test_the_checker_is_not_blind():
    """The schema.org check finds each kind of mistake (otherwise the guard proves nothing)."""
    vocab = vocabulary()
    cases = {
        "is not a schema.org class": {"@type": "Wetboek", "name": "x"},
        "no schema.org property 'telefoon'": {
            "@type": "Organization",
            "name": "x",
            "contactPoint": {"@type": "ContactPoint", "contactType": "y"},
            "telefoon": "1",
        },
        "is not a property of WebSite": {
            "@type": "WebSite",
            "name": "x",
            "url": "https://a.nl/",
            "legislationIdentifier": "BWBR1",
        },
        "does not fit the range of 'dateModified'": {
            "@type": "WebSite",
            "name": "x",
            "url": "https://a.nl/",
            "dateModified": "gisteren",
        },
        "is not in the range of 'containsPlace'": {
            "@type": "AdministrativeArea",
            "name": "x",
            "containsPlace": {"@type": "Person", "name": "y"},
        },
        "does not fit the range of 'inDefinedTermSet'": {
            "@type": "DefinedTerm",
            "name": "x",
            "description": "y",
            "inDefinedTermSet": "Begrippen",
        },
        "Legislation without legislationIdentifier": {
            "@type": "Legislation",
            "name": "x",
            "url": "https://a.nl/",
            "legislationJurisdiction": "NL",
        },
    }
    for expected, obj in cases.items():
        problems = vocab.check({"@context": "https://schema.org", **obj})
        assert any(expected in p for p in problems), (expected, problems)
    assert vocab.check({"@type": "WebSite"}) == [": top-level object without @context https://schema.org"]


def test_json_ld_cannot_end_its_script_element():
    text = script_text({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & <!--"}


# --------------------------------------------------------------------------- crawl files and 404


def test_sitemap_dates_are_reviewed_dates(real_site: Path):
    manifest = json.loads((real_site / MANIFEST_PATH).read_text(encoding="utf-8"))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring((real_site / "sitemap.xml").read_bytes())
    dates = {u.findtext("s:loc", namespaces=namespace): u.findtext("s:lastmod", namespaces=namespace) for u in root}
    assert len(dates) > 300
    checked = 0
    for page, source in manifest.items():
        url = SITE_URL + re.sub(r"(index)?\.md$", "", page).rstrip("/") + "/"
        reviewed = yaml.safe_load((ROOT / source).read_text(encoding="utf-8")).get("reviewed")
        assert dates[url] == (str(reviewed) if reviewed else None), url
        checked += 1
    assert checked > 300
    # Overview pages have no single reviewed date: no lastmod rather than the build day.
    assert dates[SITE_URL + "regio/"] is None


def test_robots_txt_names_the_sitemap(real_site: Path):
    robots = (real_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()


def test_404_page_offers_search_a_to_z_and_help(real_site: Path):
    soup = BeautifulSoup((real_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("input", attrs={"name": "q", "type": "search"}) is not None
    links = {a["href"] for a in soup.find_all("a", href=True)}
    assert "/regio/gemeenten/" in links
    contacts = {f"/contact/{p.stem}/" for p in (ROOT / "data" / "contact").glob("*.yaml")}
    assert contacts <= links
    assert "0800-0432" in soup.get_text()  # de Kindertelefoon's number, from its record
    assert _text(soup.find("h1")) == "Deze pagina bestaat niet"


# --------------------------------------------------------------------------- open data


def test_downloads_validate_against_their_schemas(real_site: Path):
    data = real_site / "data"
    kinds = sorted(p.name.removesuffix(".schema.json") for p in data.glob("*.schema.json"))
    assert kinds == sorted(p.name for p in (ROOT / "data").iterdir() if p.is_dir())
    for kind in kinds:
        schema = json.loads((data / f"{kind}.schema.json").read_text(encoding="utf-8"))
        download = json.loads((data / f"{kind}.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(download))
        assert not errors, f"{kind}: {errors[0].message}"
        assert len(download["records"]) == len(list((ROOT / "data" / kind).glob("*.yaml")))
        assert download["built"] and re.fullmatch(r"[0-9a-f]{12}", download["version"])
        assert download["licence"] == "https://creativecommons.org/publicdomain/zero/1.0/"


def test_schemas_reject_what_the_data_may_not_hold():
    schema = download_schema("regio", "https://example.nl/data/regio.schema.json")
    good = {"id": "x", "page_url": "https://example.nl/regio/x/", **_record("regio", "gooi-en-vechtstreek")}
    good = json.loads(json.dumps(good, default=str))
    wrapper = {"kind": "regio", "title": "t", "version": "0123456789ab", "built": "2026-01-01"}
    wrapper |= {"licence": "https://x", "schema": "https://y", "records": [good]}
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors(wrapper))
    bad = {**good, "cbs_code": "Utrecht"}
    assert list(validator.iter_errors({**wrapper, "records": [bad]}))
    assert list(validator.iter_errors({**wrapper, "records": [{**good, "extra": 1}]}))
    assert list(validator.iter_errors({**wrapper, "kind": "wet"}))


def test_every_municipality_region_pair_is_downloadable(real_site: Path):
    """The researcher's question: every municipality → region pair, as JSON and as CSV."""
    pairs = {
        (m["code"], path.stem)
        for path in (ROOT / "data" / "regio").glob("*.yaml")
        for m in yaml.safe_load(path.read_text(encoding="utf-8"))["municipalities"]
    }
    assert len(pairs) > 300
    regions = json.loads((real_site / "data" / "regio.json").read_text(encoding="utf-8"))["records"]
    assert {(m["code"], r["id"]) for r in regions for m in r["municipalities"]} == pairs
    rows = list(csv.DictReader(io.StringIO((real_site / "data" / "regio.csv").read_text(encoding="utf-8"))))
    assert {(row["gemeentecode"], row["regio_id"]) for row in rows} == pairs
    assert len(rows) == len(pairs)
    for kind in ("contact", "wet", "begrip"):
        table = list(csv.DictReader(io.StringIO((real_site / "data" / f"{kind}.csv").read_text(encoding="utf-8"))))
        assert len(table) == len(list((ROOT / "data" / kind).glob("*.yaml"))), kind


def test_the_catalogue_has_what_dcat_ap_nl_3_requires(real_site: Path):
    """DCAT-AP-NL 3.0's mandatory properties (Geonovum, 'Klassen'): catalogue, datasets, distributions."""
    catalogue = json.loads((real_site / "data" / "catalogus.jsonld").read_text(encoding="utf-8"))
    assert catalogue["@type"] == "dcat:Catalog"
    for key in ("dct:title", "dct:description", "dct:publisher", "dcat:contactPoint", "dcat:dataset", "dct:license"):
        assert catalogue.get(key), key
    datasets = catalogue["dcat:dataset"]
    assert len(datasets) == len([p for p in (ROOT / "data").iterdir() if p.is_dir()])
    for dataset in datasets:
        for key in ("dct:accessRights", "dcat:contactPoint", "dct:creator", "dct:description", "dct:identifier"):
            assert dataset.get(key), (dataset["@id"], key)
        for key in ("dct:publisher", "dcat:theme", "dct:title", "dcat:distribution"):
            assert dataset.get(key), (dataset["@id"], key)
        for distribution in dataset["dcat:distribution"]:
            assert distribution["dcat:accessURL"]["@id"].startswith(SITE_URL + "data/")
            assert distribution["dct:license"]["@id"] == "https://creativecommons.org/publicdomain/zero/1.0/"
            target = real_site / distribution["dcat:downloadURL"]["@id"].removeprefix(SITE_URL)
            assert target.is_file(), target


def test_open_data_page_links_every_download(pages: dict[str, BeautifulSoup], real_site: Path):
    soup = pages["/data/"]
    links = {a["href"] for a in soup.find_all("a", href=True)}
    files = {p.name for p in (real_site / "data").iterdir() if p.suffix in {".json", ".csv", ".jsonld"}}
    assert files <= links
    assert "https://creativecommons.org/publicdomain/zero/1.0/" in links


def test_quotes_and_ampersands_stay_text_in_every_head_tag(scratch, tmp_path: Path):
    """A title and summary with quotes, an ampersand and '>' reach the title, the description, the
    link-preview tags and the JSON-LD as the same text (escaped once, never cut off)."""
    from tests.conftest import MINI_DATA, MKDOCS_YML, run_cli

    title = 'Jeugdwet "nieuw" & oud'
    summary = 'De wet voor "jeugdhulp" & meer: 3 > 2.'
    law = MINI_DATA["data/wet/jeugdwet.yaml"].replace("title: Jeugdwet\n", f"title: '{title}'\n", 1)
    law = law.replace("summary: De wet voor jeugdhulp.", f"summary: '{summary}'", 1)
    overrides = {
        f"docs/overrides/{p.relative_to(ROOT / 'docs/overrides').as_posix()}": p.read_text(encoding="utf-8")
        for p in (ROOT / "docs" / "overrides").rglob("*.html")
    }
    config = MKDOCS_YML.replace("  name: material\n", "  name: material\n  custom_dir: docs/overrides\n", 1)
    config = config.replace("plugins:", "exclude_docs: overrides/\nplugins:", 1)
    root = scratch({"data/wet/jeugdwet.yaml": law, "mkdocs.yml": config, **overrides})
    result = run_cli("build", "--site-dir", "site", cwd=root)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((root / "site/wet/jeugdwet/index.html").read_text(encoding="utf-8"), "html.parser")
    assert _text(soup.find("h1")) == title
    assert _text(soup.title) == f"{title} - Test"
    assert _meta(soup, name="description") == summary
    assert _meta(soup, property="og:title") == title
    assert _meta(soup, property="og:description") == summary
    (page,) = _json_ld(soup)
    assert (page["name"], page["description"]) == (title, summary)
    assert title in page["mainEntity"]["alternateName"]
    assert not vocabulary().check(page)
