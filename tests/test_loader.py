"""Every kind of data error gives one exact Dutch message with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load_catalog
from generator.problems import DataError
from tests.conftest import MINI_DATA, SOURCE


def problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_catalog(root / "data", root)
    return [str(p) for p in info.value.problems]


def test_mini_data_loads(scratch):
    root = scratch(data_only=True)
    catalog = load_catalog(root / "data", root)
    assert len(catalog) == len(MINI_DATA)
    region = catalog.get("regio", "groningen")
    assert region is not None
    assert region.path == "data/regio/groningen.yaml"
    assert region.line("ret", "email") == 16
    assert [m.name for m in region.record.municipalities] == ["Groningen", "Het Hogeland"]


REGION = MINI_DATA["data/regio/groningen.yaml"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"data/regio/groningen.yaml": REGION.replace("email: ret@example.nl", "emial: ret@example.nl")},
            [
                "data/regio/groningen.yaml:12: ret.email: dit verplichte veld ontbreekt",
                "data/regio/groningen.yaml:16: ret.emial: onbekend veld 'emial'; bedoel je 'email'?",
            ],
            id="unknown-field",
        ),
        pytest.param(
            {"data/regio/groningen.yaml": REGION.replace("email: ret@example.nl", "email: ret@example")},
            [
                "data/regio/groningen.yaml:16: ret.email: 'ret@example' is geen geldig e-mailadres (voorbeeld: info@voorbeeld.nl)"
            ],
            id="bad-email",
        ),
        pytest.param(
            {
                "data/contact/veilig-thuis.yaml": MINI_DATA["data/contact/veilig-thuis.yaml"].replace(
                    "0800-2000", "'0800-20'"
                )
            },
            [
                "data/contact/veilig-thuis.yaml:5: phone: '0800-20' is geen geldig Nederlands telefoonnummer "
                "(voorbeelden: 0800-2000, 088-5551000, 020-1234567)"
            ],
            id="bad-phone",
        ),
        pytest.param(
            {
                "data/hulpmiddel/gids.yaml": MINI_DATA["data/hulpmiddel/gids.yaml"].replace(
                    "https://www.example.nl/gids", "'#'"
                )
            },
            [
                "data/hulpmiddel/gids.yaml:5: url: een lege link of '#' is geen adres; vul het echte adres in "
                "of markeer het als onbekend"
            ],
            id="placeholder-url",
        ),
        pytest.param(
            {
                "data/hulpmiddel/gids.yaml": MINI_DATA["data/hulpmiddel/gids.yaml"].replace(
                    "https://www.example.nl/gids", "javascript:alert(1)"
                )
            },
            ["data/hulpmiddel/gids.yaml:5: url: 'javascript:'-links zijn niet toegestaan; gebruik een https-adres"],
            id="javascript-url",
        ),
        pytest.param(
            {"data/regio/groningen.yaml": REGION.replace("cbs_code: JZ01", "cbs_code: 1")},
            [
                "data/regio/groningen.yaml:4: cbs_code: moet tekst zijn, maar YAML las 1; zet de waarde tussen aanhalingstekens"
            ],
            id="wrong-type",
        ),
        pytest.param(
            {"data/regio/groningen.yaml": REGION.replace("cbs_code: JZ01", "cbs_code: J01")},
            [
                "data/regio/groningen.yaml:4: cbs_code: 'J01' heeft niet de goede vorm; verwacht: JZ gevolgd door twee cijfers, zoals JZ16"
            ],
            id="pattern",
        ),
        pytest.param(
            {"data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace("level: professional", "level: team")},
            [
                "data/les/volgen.yaml:2: level: moet een van deze waarden zijn: 'gezin', 'professional', 'organisatie', 'stelsel'"
            ],
            id="literal",
        ),
        pytest.param(
            {
                "data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace(
                    "reviewed: 2026-01-15", "reviewed: 15-01-2026"
                )
            },
            ["data/les/volgen.yaml:11: reviewed: moet een datum zijn in de vorm JJJJ-MM-DD, zoals 2026-11-24"],
            id="bad-date",
        ),
        pytest.param(
            {
                "data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace(
                    "reviewed: 2026-01-15", "reviewed: 2999-01-01"
                )
            },
            [
                "data/les/volgen.yaml:11: reviewed: 2999-01-01 ligt in de toekomst; vul de datum van de laatste controle in"
            ],
            id="future-date",
        ),
        pytest.param(
            {"data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace("    consulted: 2026-01-15\n", "")},
            [
                "data/les/volgen.yaml:10: reviewed: 2026-01-15 zegt dat de feiten zijn nagekeken, maar geen enkele "
                "bron heeft een 'consulted'-datum. Zet 'consulted: JJJJ-MM-DD' bij de bronnen die je hebt "
                "nagekeken, of haal 'reviewed' weg zolang dat niet is gebeurd"
            ],
            id="reviewed-without-consulted-source",
        ),
        pytest.param(
            {
                "data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace(
                    "reviewed: 2026-01-15", "reviewed: 2026-02-01"
                )
            },
            [
                "data/les/volgen.yaml:11: reviewed: 2026-02-01 ligt na de nieuwste 'consulted'-datum van de bronnen "
                "(2026-01-15, bij sources[0]); een record is niet later nagekeken dan zijn bronnen. Kijk de bronnen "
                "opnieuw na en zet daar de nieuwe datum, of zet 'reviewed' terug"
            ],
            id="reviewed-after-newest-consulted",
        ),
        pytest.param(
            {
                "data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace(
                    "    consulted: 2026-01-15", "    date: '2026-03-01'\n    consulted: 2026-01-15"
                )
            },
            [
                "data/les/volgen.yaml:11: sources[0].consulted: 2026-01-15 ligt vóór de datum van de bron zelf "
                "(2026-03-01); een bron kun je pas nakijken als ze bestaat"
            ],
            id="consulted-before-published",
        ),
        pytest.param(
            {
                "data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace(
                    "    consulted: 2026-01-15", "    consulted: 2999-01-01"
                )
            },
            [
                "data/les/volgen.yaml:10: sources[0].consulted: 2999-01-01 ligt in de toekomst; vul de datum in "
                "waarop je de bron hebt nagekeken"
            ],
            id="consulted-in-future",
        ),
        pytest.param(
            {
                "data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace(
                    "title: Blijf volgen hoe het gaat\n", ""
                )
            },
            ["data/les/volgen.yaml:1: title: dit verplichte veld ontbreekt"],
            id="missing-field",
        ),
        pytest.param(
            {"data/regio/groningen.yaml": REGION.replace("network: ben-noord", "network: ben-nord")},
            [
                "data/regio/groningen.yaml:19: network: verwijst naar 'netwerk/ben-nord', maar "
                "data/netwerk/ben-nord.yaml bestaat niet; bedoel je 'ben-noord'?"
            ],
            id="dangling-reference",
        ),
        pytest.param(
            {
                "data/begrip/ots.yaml": MINI_DATA["data/begrip/ots.yaml"].replace(
                    "related: [wet/jeugdwet]", "related: [wet/jeugdwet, wet/wlz]"
                )
            },
            ["data/begrip/ots.yaml:7: related[1]: verwijst naar 'wet/wlz', maar data/wet/wlz.yaml bestaat niet"],
            id="dangling-related",
        ),
        pytest.param(
            {
                "data/regio/tweede.yaml": REGION.replace("title: Groningen", "title: Tweede").replace(
                    "code: GM1966", "code: GM9999"
                )
            },
            [
                "data/regio/tweede.yaml:4: cbs_code: CBS-code 'JZ01' komt al voor in data/regio/groningen.yaml:4",
                "data/regio/tweede.yaml:8: municipalities[0].code: gemeentecode 'GM0014' komt al voor in data/regio/groningen.yaml:8",
            ],
            id="duplicate-ids",
        ),
        pytest.param(
            {"data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"] + "level: gezin\n"},
            ["data/les/volgen.yaml:12: 'level' staat twee keer in dezelfde groep (eerst op regel 2)"],
            id="duplicate-key",
        ),
        pytest.param(
            {"data/les/volgen.yaml": "title: x\n\tlevel: gezin\n"},
            ["data/les/volgen.yaml:2: YAML-fout: tab gevonden: spring in met spaties, niet met tabs"],
            id="tab",
        ),
        pytest.param(
            {"data/les/volgen.yaml": 'title: "x\nlevel: gezin\n'},
            [
                "data/les/volgen.yaml:3: YAML-fout: het bestand houdt op midden in een waarde; is een aanhalingsteken niet gesloten?"
            ],
            id="syntax",
        ),
        pytest.param(
            {"data/les/volgen.yaml": ""},
            ["data/les/volgen.yaml:1: het bestand is leeg; een record begint met 'title:'"],
            id="empty",
        ),
        pytest.param(
            {"data/les/volgen.yaml": "- title: x\n"},
            ["data/les/volgen.yaml:1: een record is een groep velden (sleutel: waarde), geen losse waarde of lijst"],
            id="not-a-mapping",
        ),
        pytest.param(
            {"data/les/volgen.yaml": "title: &a x\nsummary: *a\n"},
            ["data/les/volgen.yaml:1: ankers (&) en verwijzingen (*) zijn niet toegestaan; schrijf de waarde voluit"],
            id="alias",
        ),
        pytest.param(
            {"data/les/volgen.yaml": "title: !!python/object/apply:os.system ['echo hi']\n"},
            ["data/les/volgen.yaml:1: YAML-fout: YAML-tags (zoals !!python) zijn niet toegestaan"],
            id="python-tag",
        ),
        pytest.param(
            {"data/les/volgen.yaml": "title:" + " [" * 20 + "]" * 20 + "\n"},
            ["data/les/volgen.yaml:1: te diep genest (meer dan 12 niveaus)"],
            id="deep-nesting",
        ),
        pytest.param(
            {"data/les/Volgen-Oud.yaml": MINI_DATA["data/les/volgen.yaml"]},
            [
                "data/les/Volgen-Oud.yaml:1: de bestandsnaam 'Volgen-Oud.yaml' is ook de id en het webadres: "
                "gebruik kleine letters, cijfers en streepjes"
            ],
            id="bad-file-name",
        ),
        pytest.param(
            {"data/les/extra.yml": MINI_DATA["data/les/volgen.yaml"]},
            ["data/les/extra.yml:1: gebruik de extensie .yaml in plaats van .yml"],
            id="yml-extension",
        ),
        pytest.param(
            {"data/lessen/extra.yaml": MINI_DATA["data/les/volgen.yaml"]},
            [
                "data/lessen/extra.yaml:1: dit bestand staat niet in een bekende map; gebruik data/<soort>/, "
                "met soort een van: begrip, contact, hulpmiddel, les, netwerk, regio, route, thema, wet"
            ],
            id="unknown-folder",
        ),
        pytest.param(
            {
                "data/les/volgen.yaml": MINI_DATA["data/les/volgen.yaml"].replace(
                    "summary: Kijk", "summary: <script>alert(1)</script> Kijk"
                )
            },
            ["data/les/volgen.yaml:5: summary: HTML-code is hier niet toegestaan; schrijf gewone tekst"],
            id="html-in-text",
        ),
        pytest.param(
            {
                "data/thema/wetten.yaml": MINI_DATA["data/thema/wetten.yaml"].replace(
                    "Over wetten.", '<img src=x onerror="alert(1)">'
                )
            },
            ["data/thema/wetten.yaml:6: body: HTML-code <img> is niet toegestaan; schrijf gewone tekst of Markdown"],
            id="html-in-markdown",
        ),
        pytest.param(
            {
                "data/contact/veilig-thuis.yaml": "title: x\n"
                + SOURCE.replace("url: https://www.example.nl/bron", "publisher: Iemand")
            },
            [
                "data/contact/veilig-thuis.yaml:1: audience: dit verplichte veld ontbreekt",
                "data/contact/veilig-thuis.yaml:1: helps_with: dit verplichte veld ontbreekt",
                "data/contact/veilig-thuis.yaml:1: summary: dit verplichte veld ontbreekt",
                "data/contact/veilig-thuis.yaml:3: sources[0]: een bron zonder webadres heeft een 'note' nodig "
                "die zegt waar de bron te vinden is",
            ],
            id="source-without-url-or-note",
        ),
    ],
)
def test_error_message(scratch, files, expected):
    root = scratch(files, data_only=True)
    assert problems(root) == sorted(expected)


def test_bom_non_utf8_and_large_files(scratch):
    root = scratch(data_only=True)
    (root / "data/les/volgen.yaml").write_bytes(b"\xef\xbb\xbftitle: x\n")
    (root / "data/les/latin.yaml").write_bytes(b"title: x\nsummary: caf\xe9\n")
    (root / "data/les/groot.yaml").write_bytes(b"# " + b"x" * 1_100_000 + b"\n")
    assert problems(root) == [
        "data/les/groot.yaml:1: het bestand is te groot (1100 kB); een record past ruim in 1000 kB",
        "data/les/latin.yaml:2: het bestand is geen UTF-8; sla het op als UTF-8",
        "data/les/volgen.yaml:1: het bestand begint met een BOM-teken; sla het op als UTF-8 zonder BOM",
    ]


def test_all_errors_in_all_files_are_reported_together(scratch):
    root = scratch(
        {
            "data/les/volgen.yaml": "title: [\n",
            "data/regio/groningen.yaml": REGION.replace("network: ben-noord", "network: nergens"),
            "data/begrip/ots.yaml": MINI_DATA["data/begrip/ots.yaml"].replace("definition:", "definitie:"),
        },
        data_only=True,
    )
    found = problems(root)
    assert len(found) == 4
    assert {line.split(":")[0] for line in found} == {
        "data/les/volgen.yaml",
        "data/regio/groningen.yaml",
        "data/begrip/ots.yaml",
    }
