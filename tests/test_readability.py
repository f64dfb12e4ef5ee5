"""Dutch readability (Flesch-Douma): small texts, sentence splitting, prose extraction and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks.readability import (
    B1_THRESHOLD,
    count_syllables,
    extract_prose,
    flesch_douma,
    main,
    score_site,
    score_text,
    split_sentences,
)

B1_TEXT = """
Maak je je zorgen over je kind? Dan kun je praten met het wijkteam van je gemeente.
Het wijkteam luistert naar je vraag. Samen kijk je wat je kind nodig heeft.
Soms is dat hulp thuis. Soms is dat hulp op school. De hulp is gratis.
Ben je het niet eens met een besluit? Dan kun je bezwaar maken. Je krijgt daar een brief over.
"""

LEGAL_TEXT = """
Het college draagt zorg voor de inzet van een voorziening op het gebied van de jeugdhulp indien
de jeugdige of zijn ouders naar het oordeel van het college jeugdhulp nodig hebben in verband
met opgroei- en opvoedingsproblemen, psychische problemen en stoornissen, voor zover de
jeugdige en zijn ouders de noodzakelijke verantwoordelijkheid voor het bewerkstelligen van de
benodigde jeugdhulp onvoldoende kunnen dragen, onverminderd de verantwoordelijkheid van de
gecertificeerde instelling ter uitvoering van een kinderbeschermingsmaatregel of jeugdreclassering.
"""


def test_b1_text_passes():
    score = score_text(B1_TEXT)
    assert len(score.sentences) == 10
    assert score.score >= B1_THRESHOLD + 15, score.score


def test_dense_legal_text_fails():
    score = score_text(LEGAL_TEXT)
    assert len(score.sentences) == 1
    assert score.words > 60
    assert score.score < 0 < B1_THRESHOLD, score.score


def test_flesch_douma_formula():
    # 206.835 - 0.93 x 10 words per sentence - 77 x 1.5 syllables per word
    assert flesch_douma(words=20, sentences=2, syllables=30) == pytest.approx(82.035)
    assert flesch_douma(0, 0, 0) == 0.0
    # The same value textstat 0.7.13 gives with set_lang("nl") for this text.
    text = "Je kind krijgt hulp van de gemeente. Die hulp is gratis. Heb je een vraag? Bel dan het wijkteam."
    assert score_text(text).score == pytest.approx(109.207, abs=0.01)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("hulp", 1),
        ("over", 2),
        ("ouders", 2),
        ("gemeente", 3),
        ("ideeën", 3),
        ("beëindigen", 4),
        ("situatie", 4),
        ("kinderrechter", 4),
        ("ondertoezichtstelling", 6),
        ("2026", 1),
    ],
)
def test_syllables(word: str, syllables: int):
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Dit is één zin. Dit is er nog een.", ["Dit is één zin.", "Dit is er nog een."]),
        ("Wat doet de RET? Bel 112! Dat kan altijd.", ["Wat doet de RET?", "Bel 112!", "Dat kan altijd."]),
        ("Dit geldt o.a. voor ouders. Zie art. 1:255 BW.", ["Dit geldt o.a. voor ouders.", "Zie art. 1:255 BW."]),
        ("Dhr. J. Jansen belt. Hij komt bijv. morgen.", ["Dhr. J. Jansen belt.", "Hij komt bijv. morgen."]),
        ("Een zin zonder punt", ["Een zin zonder punt"]),
        ("Zij zei: „Kom maar.” Toen ging ze.", ["Zij zei: „Kom maar.”", "Toen ging ze."]),
    ],
)
def test_sentence_splitting(text: str, sentences: list[str]):
    assert split_sentences(text) == sentences


def test_worst_sentences_come_first():
    score = score_text([B1_TEXT, LEGAL_TEXT])
    worst = score.worst(2)
    assert worst[0].text.startswith("Het college draagt zorg")
    assert worst[0].score < worst[1].score


PAGE = """<html lang="nl"><body><article class="md-content__inner md-typeset">
<a class="md-content__button md-icon" href="#">Wijzig deze pagina</a>
<nav aria-label="Kruimelpad" class="rw-crumbs"><p><a href="../../">Start</a> › <a href="../">Begrippen</a></p></nav>
<h1 id="pleegzorg">Pleegzorg</h1>
<p>{summary}</p>
<p class="rw-meta">Begrip · voor {audience}</p>
<dl><dt>Betekenis</dt><dd>Een kind woont tijdelijk bij een ander gezin, met een heel lange uitleg.</dd></dl>
<p>{body}</p>
<table><tr><td>Regio</td><td>Groningen en nog veel meer namen van gemeenten</td></tr></table>
<pre><code>make check</code></pre>
<ul><li>Groningen</li><li>Je kunt hulp vragen bij het wijkteam.</li></ul>
<h2 id="zie-ook">Zie ook</h2>
<ul><li>Begrip: <a href="../gezinshuis/">Gezinshuis en nog een paar woorden</a></li></ul>
<h2 id="bronnen">Bronnen</h2>
<ul><li><a href="https://www.example.nl">Een bron met een lange titel over pleegzorg</a>, NJi, 2021</li></ul>
<p class="rw-reviewed">Laatst gecontroleerd op 24 november 2026.</p>
<div class="rw-keywords" hidden>pleeggezin · pleegouder</div>
</article></body></html>"""


def test_extract_prose_keeps_only_running_text():
    title, audience, blocks = extract_prose(
        PAGE.format(summary="Een kind woont bij een ander gezin.", audience="ouders", body="Dat kan kort of lang zijn.")
    )
    assert title == "Pleegzorg"
    assert audience == "ouders"
    assert blocks == [
        "Een kind woont bij een ander gezin.",
        "Dat kan kort of lang zijn.",
        "Je kunt hulp vragen bij het wijkteam.",
    ]


def _site(root: Path, pages: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "index.html").write_text("<html><body><article><h1>Start</h1></article></body></html>", encoding="utf-8")
    for path, html in pages.items():
        (root / path).mkdir(parents=True)
        (root / path / "index.html").write_text(html, encoding="utf-8")
    return root


def test_score_site_judges_only_pages_for_parents_and_young_people(tmp_path: Path):
    legal = " ".join([LEGAL_TEXT.strip()] * 2)
    site = _site(
        tmp_path,
        {
            "begrip/moeilijk": PAGE.format(summary="Wat pleegzorg is.", audience="professionals, ouders", body=legal),
            "begrip/vakterm": PAGE.format(summary="Wat pleegzorg is.", audience="professionals", body=legal),
            "begrip/makkelijk": PAGE.format(summary="Wat pleegzorg is.", audience="jongeren", body=B1_TEXT),
            "begrip/kort": PAGE.format(summary="Een moeilijke uiteenzetting.", audience="ouders", body="Kort."),
        },
    )
    scores = {s.path: s for s in score_site(site)}
    assert scores["begrip/moeilijk/"].judged and not scores["begrip/moeilijk/"].passes
    assert not scores["begrip/vakterm/"].judged and scores["begrip/vakterm/"].passes
    assert scores["begrip/makkelijk/"].judged and scores["begrip/makkelijk/"].passes
    assert not scores["begrip/kort/"].judged, "too little prose to judge"


def test_main_prints_worst_sentences_and_writes_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    site = _site(
        tmp_path / "site",
        {"wet/jeugdwet": PAGE.format(summary="De wet voor jeugdhulp.", audience="ouders", body=LEGAL_TEXT.strip())},
    )
    report = tmp_path / "reports" / "readability.md"
    assert main([str(site), "--report", str(report)]) == 1
    out = capsys.readouterr().out
    assert "/wet/jeugdwet/: Flesch-Douma" in out
    assert "Het college draagt zorg" in out
    text = report.read_text(encoding="utf-8")
    assert "| [Pleegzorg](/wet/jeugdwet/) | ouders |" in text
    assert "onder B1" in text
    assert main([str(site), "--report", str(report), "--advisory"]) == 0


def test_main_is_quiet_when_all_pages_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    site = _site(
        tmp_path / "site", {"les/x": PAGE.format(summary="Kijk hoe het gaat.", audience="ouders", body=B1_TEXT)}
    )
    assert main([str(site), "--report", str(tmp_path / "r.md"), "--quiet"]) == 0
    assert capsys.readouterr().out == ""


def test_main_refuses_a_folder_that_is_no_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main([str(tmp_path), "--report", str(tmp_path / "r.md")]) == 2
    assert "geen gebouwde site" in capsys.readouterr().err


def test_every_page_for_parents_and_young_people_reaches_b1(real_site: Path):
    """The real site: every page written for ouders or jongeren scores at least the B1 threshold."""
    scores = score_site(real_site)
    judged = [s for s in scores if s.judged]
    assert len(judged) >= 100, "the parent pages were not found; did the page meta line change?"
    failing = [
        f"{s.path} {s.score:.1f}: {s.text.worst(1)[0].text if s.text.worst(1) else ''}" for s in judged if not s.passes
    ]
    assert failing == []
