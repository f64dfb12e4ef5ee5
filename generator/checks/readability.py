"""Readability of the built site in Dutch: Flesch-Douma per page, and the sentences that pull it down.

    python -m generator.readability site/            # every failing page with its worst sentences
    python -m generator.readability --quiet site/    # only problems (for make check)

Measure. Flesch-Douma, Douma's (1960) Dutch adaptation of Flesch Reading Ease:

    206.835 - 0.93 x (words per sentence) - 77 x (syllables per word)

0-30 is very hard (academic), 30-50 hard, 50-60 fairly hard, 60-70 normal, 70-80 fairly easy,
80-100 easy. It is the formula textstat uses for `set_lang("nl")`; it is computed here without
textstat because textstat pulls in nltk for English only, and its sentence splitter cuts Dutch
text at every abbreviation ("o.a.", "art. 1:255"). Syllables are counted as the larger of two
estimates that err in opposite directions: pyphen's Dutch hyphenation points (which never split
off a single letter: "over" is one) and vowel groups (which merge hiatus vowels: "situatie" is
three). On a list of 45 common words from the site this is exact for 44.

Threshold. A page for parents or young people (a record whose audience includes `ouder` or
`jongere`: its `<p class="rw-meta">` line says "voor … ouders" or "jongeren") reaches B1 when
its prose scores at least B1_THRESHOLD = 60. Douma's norm table puts 60-70 at "normaal",
readable after lower secondary school (vmbo); the Dutch reference framework for language
(Referentiekader taal) places B1 at level 2F, the level expected at the end of vmbo. So 60, the
bottom of that band, is the B1 line. It is a proxy: B1 is also about familiar words, which no
formula measures, and a name-heavy fact page scores lower than it reads; the worst sentences
tell an editor where to look. Pages with fewer than MIN_WORDS words of prose are too short to
score reliably and are not judged.

Prose. The text of `article` without the theme's buttons, breadcrumbs, headings, code, tables,
definition lists (the facts), the meta and review lines, hidden search keywords, list items of
fewer than four words (names, labels), and the sections that list links, sources or names
("Zie ook", "Bronnen", "Gemeenten (…)", "Jeugdregio's bij dit netwerk").

English pages. Pages under en/ (the English pages for parents and young people, all of them
judged) are scored with Flesch's original English formula, which Douma adapted:

    206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word)

with the same B1 line of 60 (Flesch's "plain English" band 60-70). English syllables are the larger
of pyphen's English (en_US) hyphenation points and vowel groups that leave out a silent final e
("care" is one, "people" two).

Writes reports/readability.md (git-ignored) with every page.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..output.cache import ResultCache, code_digest, digest

if TYPE_CHECKING:
    from bs4 import Tag

B1_THRESHOLD = 60.0
"""Minimum Flesch-Douma score of the prose on a page for parents or young people."""
MIN_WORDS = 40
"""Pages with less prose than this are not judged: one sentence more or less swings the score."""
WORST = 3
"""How many of a page's hardest sentences are shown."""
MIN_ITEM_WORDS = 4
"""A list item shorter than this is a name or a label (a municipality, a term), not prose."""
MIN_SENTENCE_WORDS = 5
"""Shorter sentences are not listed as the worst: one long word would top the list."""

_VOWELS = set("aeiouyáéíóúàèìòùâêîôûäëïöü")
_DIAERESIS = set("äëïöü")
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_ABBREVIATIONS = {
    "a.d.h.v",
    "aanv",
    "afb",
    "art",
    "bijv",
    "blz",
    "bv",
    "ca",
    "d.w.z",
    "dhr",
    "dr",
    "e.a",
    "e.d",
    "e.v",
    "enz",
    "etc",
    "evt",
    "i.c.m",
    "i.p.v",
    "i.s.m",
    "incl",
    "jl",
    "m.b.t",
    "mevr",
    "min",
    "mr",
    "n.a.v",
    "nl",
    "nr",
    "o.a",
    "o.b.v",
    "o.m",
    "p",
    "resp",
    "t.a.v",
    "t.b.v",
    "t.o.v",
    "vgl",
    "z.s.m",
    "zgn",
}
"""Words that end with a full stop without ending the sentence (lower case, without the last dot)."""
_SKIP_TAGS = frozenset({"nav", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "table", "dl"})
_SKIP_CLASSES = frozenset(
    {"rw-meta", "rw-reviewed", "rw-editors"}
    | {"rw-help", "rw-home"}  # the theme's Direct hulp block and home page forms: names and numbers, not prose
)
"""What is not prose: these elements, elements with these classes or `hidden`, and the theme's edit button.

Matched by a plain predicate rather than a CSS selector: compiling selectors costs a third of a
second per process, which `make check` would pay for every edited page."""


def _not_prose(tag: Tag, *, english: bool) -> bool:
    if tag.name in _SKIP_TAGS or tag.has_attr("hidden"):
        return True
    classes = tag.get("class") or ()
    if not _SKIP_CLASSES.isdisjoint(classes) or (tag.name == "a" and "md-content__button" in classes):
        return True
    # On an English page, Dutch words beside their English explanation are not English prose.
    return english and tag.get("lang") == "nl"


_FACT_SECTIONS = ("zie ook", "bronnen", "gemeenten", "jeugdregio's bij", "see also", "sources")
"""Sections (by the start of their h2) that list links, names or sources rather than prose."""


# --------------------------------------------------------------------------- counting


ENGLISH_PREFIX = "en/"
"""Pages under this path are English: scored with Flesch's English formula, and all judged."""


@lru_cache(maxsize=2)
def _hyphenator(lang: str = "nl_NL") -> object:
    import pyphen

    return pyphen.Pyphen(lang=lang)


def count_syllables_en(word: str) -> int:
    """Syllables in one English word (at least 1)."""
    word = word.lower()
    if not word.isalpha() and word[:1].isdigit():
        return 1
    hyphenated = len(_hyphenator("en_US").positions(word)) + 1  # type: ignore[attr-defined]
    groups = len(re.findall(r"[aeiouy]+", word))
    if groups > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ie", "ye")):
        groups -= 1  # silent final e: "care", "home", "judge"
    return max(1, hyphenated, groups)


def _vowel_groups(word: str) -> int:
    count, previous = 0, False
    for char in word:
        vowel = char in _VOWELS
        # A diaeresis starts a new syllable even after a vowel: ideeën, beëindigen, geïnformeerd.
        if vowel and (not previous or char in _DIAERESIS):
            count += 1
        previous = vowel
    return count


@lru_cache(maxsize=65_536)
def count_syllables(word: str) -> int:
    """Syllables in one Dutch word (at least 1)."""
    word = word.lower()
    if not word.isalpha() and word[:1].isdigit():
        return 1  # a numeral is read at a glance, whatever its length (textstat counts it so too)
    hyphenated = len(_hyphenator("nl_NL").positions(word)) + 1  # type: ignore[attr-defined]
    return max(1, hyphenated, _vowel_groups(word))


def words_of(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences; abbreviations (o.a., art., bijv.) and initials do not end one."""
    tokens = text.split()
    sentences: list[str] = []
    current: list[str] = []
    for i, token in enumerate(tokens):
        current.append(token)
        core = token.rstrip("\"'’”)]»")
        if not core or core[-1] not in ".!?":
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if core.endswith(".") and _is_abbreviation(core[:-1]):
            continue
        if following and not re.match(r"[\"'‘“(\[«]?[A-Z0-9ÀÁÂÄÉÈËÏÓÖÜ]", following):
            continue  # "art. 2 lid 3." or "o.a. ouders": the next word starts in lower case
        sentences.append(" ".join(current))
        current = []
    if current:
        sentences.append(" ".join(current))
    return [s for s in sentences if words_of(s)]


def _is_abbreviation(word: str) -> bool:
    bare = word.lower().lstrip("(\"'‘“")
    return bare in _ABBREVIATIONS or (len(bare) == 1 and bare.isalpha())


def flesch_douma(words: int, sentences: int, syllables: int) -> float:
    if words == 0 or sentences == 0:
        return 0.0
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)


def flesch_english(words: int, sentences: int, syllables: int) -> float:
    """Flesch Reading Ease (1948), the English original."""
    if words == 0 or sentences == 0:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


_FORMULAS = {"nl": flesch_douma, "en": flesch_english}


@dataclass(frozen=True)
class SentenceScore:
    text: str
    words: int
    syllables: int
    language: str = "nl"

    @property
    def score(self) -> float:
        return _FORMULAS[self.language](self.words, 1, self.syllables)


@dataclass(frozen=True)
class TextScore:
    """Flesch-Douma of a text and its sentences."""

    sentences: tuple[SentenceScore, ...]
    language: str = "nl"

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def syllables(self) -> int:
        return sum(s.syllables for s in self.sentences)

    @property
    def score(self) -> float:
        return _FORMULAS[self.language](self.words, len(self.sentences), self.syllables)

    def worst(self, n: int = WORST) -> list[SentenceScore]:
        """The sentences that pull the score down most: hardest first."""
        long_enough = [s for s in self.sentences if s.words >= MIN_SENTENCE_WORDS] or list(self.sentences)
        return sorted(long_enough, key=lambda s: (s.score, -s.words))[:n]


def score_text(blocks: str | Iterable[str], language: str = "nl") -> TextScore:
    """Score prose given as one string or as blocks (paragraphs, list items); each block ends a sentence.

    `language`: "nl" (Flesch-Douma) or "en" (Flesch Reading Ease)."""
    if isinstance(blocks, str):
        blocks = [blocks]
    count = count_syllables_en if language == "en" else count_syllables
    scored = []
    for block in blocks:
        for sentence in split_sentences(block):
            words = words_of(sentence)
            scored.append(SentenceScore(sentence, len(words), sum(count(w) for w in words), language))
    return TextScore(tuple(scored), language)


# --------------------------------------------------------------------------- pages


@dataclass
class PageScore:
    """The readability of one built page."""

    path: str
    """URL path relative to the site root, like 'wet/jeugdwet/'."""
    title: str
    audience: str
    """The audience as the page's meta line states it ("professionals, ouders"), or ''."""
    text: TextScore = field(repr=False)

    @property
    def score(self) -> float:
        return self.text.score

    @property
    def english(self) -> bool:
        return self.path.startswith(ENGLISH_PREFIX)

    @property
    def for_parents_or_young(self) -> bool:
        # The English pages are written for parents and young people who do not read Dutch.
        return self.english or bool(re.search(r"\b(ouders|jongeren)\b", self.audience))

    @property
    def judged(self) -> bool:
        return self.for_parents_or_young and self.text.words >= MIN_WORDS

    @property
    def passes(self) -> bool:
        return not self.judged or self.score >= B1_THRESHOLD


def extract_prose(html: str, *, english: bool = False) -> tuple[str, str, list[str]]:
    """(title, audience, prose blocks) of a built page; see the module docstring for what counts.

    On an English page, the Dutch words marked `lang="nl"` (a term beside its English explanation)
    are not English prose and are left out."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article", class_="md-content__inner") or soup.find("article")
    if article is None:
        return "", "", []
    heading = article.find("h1")
    title = heading.get_text(" ", strip=True) if heading else ""
    meta = article.find(class_="rw-meta")
    audience = meta.get_text(" ", strip=True).partition("voor ")[2] if meta else ""
    for h2 in article.find_all("h2"):
        if h2.get_text(" ", strip=True).casefold().startswith(_FACT_SECTIONS):
            sibling = h2.find_next_sibling()
            while sibling is not None and sibling.name not in {"h1", "h2"}:
                following = sibling.find_next_sibling()
                sibling.decompose()
                sibling = following
    for element in article.find_all(lambda tag: _not_prose(tag, english=english)):
        element.decompose()
    blocks = []
    for element in article.find_all(["p", "li"]):
        if element.name == "li" and element.find(["ul", "ol", "p"]):
            continue  # its own paragraphs and nested items are blocks of their own
        text = " ".join(element.get_text(" ", strip=True).split())
        if element.name == "li" and len(words_of(text)) < MIN_ITEM_WORDS:
            continue
        if text:
            blocks.append(text)
    return title, audience, blocks


def iter_pages(site: Path) -> Iterator[Path]:
    for page in sorted(site.rglob("index.html")):
        if "assets" not in page.relative_to(site).parts:
            yield page


_FOR_PARENTS_OR_YOUNG = re.compile(r'class="rw-meta"[^>]*>[^<]*\b(?:ouders|jongeren)\b')


def score_site(site: Path, *, judged_only: bool = False, cache: ResultCache | None = None) -> list[PageScore]:
    """Every page of a built site with its Flesch-Douma score and sentences.

    `cache` keeps each page's sentences by the digest of its article (`make check` runs often on
    nearly the same site).

    `judged_only` skips, before parsing, pages not written for parents or young people (the
    fast path for `make check`). Only the article is parsed: the navigation is most of a page.
    """
    scores = []
    for page in iter_pages(site):
        rel = page.parent.relative_to(site).as_posix()
        path = "" if rel == "." else f"{rel}/"
        english = path.startswith(ENGLISH_PREFIX)
        html = page.read_text(encoding="utf-8")
        if judged_only and not english and not _FOR_PARENTS_OR_YOUNG.search(html):
            continue
        start, end = html.find("<article"), html.rfind("</article>")
        article = html[start : end + len("</article>")] if 0 <= start < end else html
        scores.append(PageScore(path, *_score_article(article, cache, english=english)))
    return scores


def _score_article(article: str, cache: ResultCache | None, *, english: bool = False) -> tuple[str, str, TextScore]:
    """(title, audience, score) of a page's article; looked up in `cache` by the article's digest."""
    language = "en" if english else "nl"
    key = (
        digest(code_digest("generator.checks.readability"), _pyphen_version(), language, article)
        if cache is not None
        else ""
    )
    if cache is not None:
        hit = cache.get("prose", key)
        if hit is not None:
            return hit[0], hit[1], TextScore(tuple(SentenceScore(*s) for s in hit[2]), language)
    title, audience, blocks = extract_prose(article, english=english)
    text = score_text(blocks, language)
    if cache is not None:
        cache.put("prose", key, [title, audience, [[s.text, s.words, s.syllables] for s in text.sentences]])
    return title, audience, text


@lru_cache(maxsize=1)
def _pyphen_version() -> str:
    from importlib.metadata import version

    return f"pyphen {version('pyphen')} bs4 {version('beautifulsoup4')}"


# --------------------------------------------------------------------------- report


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_report(scores: list[PageScore]) -> str:
    """Markdown report: failing pages with their worst sentences, then every page."""
    judged = [s for s in scores if s.judged]
    failing = [s for s in judged if not s.passes]
    lines = [
        "# Leesbaarheid (Flesch-Douma; Engelse pagina's onder /en/: Flesch)",
        "",
        f"Drempel voor pagina's voor ouders en jongeren: {B1_THRESHOLD:.0f} (ongeveer B1). "
        f"Pagina's met minder dan {MIN_WORDS} woorden lopende tekst worden niet beoordeeld.",
        "",
        f"- Pagina's: {len(scores)}; voor ouders of jongeren beoordeeld: {len(judged)}; "
        f"onder de drempel: {len(failing)}.",
        "",
    ]
    if failing:
        lines += ["## Onder de drempel", ""]
        for page in sorted(failing, key=lambda s: s.score):
            lines += [f"### {page.title or page.path} — {page.score:.0f}", "", f"`/{page.path}`", ""]
            lines += [f"- ({s.score:.0f}, {s.words} woorden) {s.text}" for s in page.text.worst()]
            lines.append("")
    lines += [
        "## Alle pagina's",
        "",
        "| Pagina | Voor | Score | Woorden | Zinnen | Woorden per zin | Oordeel |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for page in sorted(scores, key=lambda s: s.path):
        sentences = len(page.text.sentences)
        per = f"{page.text.words / sentences:.1f}" if sentences else "—"
        verdict = "te kort" if page.for_parents_or_young and not page.judged else ""
        if page.judged:
            verdict = "B1" if page.passes else "onder B1"
        lines.append(
            f"| [{_cell(page.title or page.path)}](/{page.path}) | {_cell(page.audience)} | {page.score:.0f} | "
            f"{page.text.words} | {sentences} | {per} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.readability",
        description="Leesbaarheid (Flesch-Douma) van de gebouwde site; pagina's voor ouders en jongeren moeten B1 halen.",
    )
    parser.add_argument("site", nargs="?", default="site", help="de gebouwde site (standaard: site)")
    parser.add_argument("--report", default="reports/readability.md", help="waar het rapport komt")
    parser.add_argument("-q", "--quiet", action="store_true", help="alleen problemen tonen")
    parser.add_argument("--advisory", action="store_true", help="altijd 0 teruggeven (alleen melden)")
    args = parser.parse_args(argv)

    site = Path(args.site)
    if not (site / "index.html").exists():
        print(f"{site}/ is geen gebouwde site; bouw eerst met: python -m generator build", file=sys.stderr)
        return 2
    scores = score_site(site)
    report = Path(args.report)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(render_report(scores), encoding="utf-8")

    failing = sorted((s for s in scores if not s.passes), key=lambda s: s.score)
    for page in failing:
        formula = "Flesch (Engels)" if page.english else "Flesch-Douma"
        print(f"/{page.path}: {formula} {page.score:.0f}, onder B1 ({B1_THRESHOLD:.0f}). Moeilijkste zinnen:")
        for sentence in page.text.worst():
            print(f"  ({sentence.score:.0f}, {sentence.words} woorden) {sentence.text}")
    judged = sum(1 for s in scores if s.judged)
    if failing:
        print(f"{len(failing)} van {judged} pagina's voor ouders en jongeren halen B1 niet; zie {report}.")
    elif not args.quiet:
        print(f"Alle {judged} pagina's voor ouders en jongeren halen B1 ({B1_THRESHOLD:.0f}); rapport: {report}.")
    return 1 if failing and not args.advisory else 0


if __name__ == "__main__":
    raise SystemExit(main())
