"""The English pages: every record with an `en:` translation gets a page under `en/`, in plain English.

- A glossary term, a contact, and the translated steps of a route each get `en/<Dutch path>`, so
  switching language keeps the topic: `begrip/ondertoezichtstelling.md` ↔
  `en/begrip/ondertoezichtstelling.md`. Each kind's English overview lists what is translated.
- Only words are translated. Phone numbers, web and e-mail addresses, references and sources
  come from the Dutch record, so a number is typed once and changed once.
- The Dutch word stays visible beside its English explanation (parents meet it in letters), in
  a `lang="nl"` span so a screen reader says it in Dutch.
- A link to a page that has no English version goes to the Dutch page and says "(in Dutch)".
- `alternates(...)`: which page is which page's other language (language switch, hreflang).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import yaml

from ..catalog import Catalog, Entry
from ..model import (
    KIND_BY_FOLDER,
    PAGE_REFS,
    Contact,
    Route,
    Source,
    Term,
    Unknown,
)
from ..model.english import ContactTranslation, RouteTranslation, TermTranslation, Translation
from ..validate import TRANSLATABLE_KINDS, translation
from . import dialect
from .frame import (
    Page,
    bullets,
    crumbs,
    demote,
    email_link,
    meta_line,
    page_path,
    phone_link,
    relative,
    source_line,
    url_link,
)
from .routes import node_path, route_path
from .text import escape

PREFIX = "en/"
"""English pages live under /en/."""

HOME = "en/index.md"
"""The English start page (hand-written, docs/en/index.md)."""

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

KIND_TITLES = {
    "begrip": ("Word", "Words you may meet in letters"),
    "contact": ("Help and contact", "Help and contacts"),
    "route": ("Route", "Step by step: routes"),
}
"""English labels per translated kind (singular, plural; the plural is also the overview's title)."""

KIND_INTROS = {
    "begrip": "Letters from the local council, the court or youth care use Dutch words. Here they are explained "
    "in plain English. The Dutch word stays beside the English, so you can find it in your letter.",
    "contact": "Whom can you turn to with a question, a worry or a complaint? The phone numbers below come "
    "straight from our Dutch contact pages. Most of these organisations speak Dutch; many can also help in English.",
    "route": "A route helps you step by step. You answer a few questions and see which help and which contact "
    "fit your situation. A route is not legal advice: each outcome says whom you can ask.",
}

PAGE_REFS_EN = {
    "regio/gemeenten": (
        "Vind je regio",
        "Find your local council. The page of your youth care region shows its regional expert team (RET).",
    ),
    "regio/index": ("Jeugdregio's", "All youth care regions, with their regional expert team (RET)."),
    "netwerk/index": ("Expertisenetwerken (BEN)", "The eight supra-regional expertise networks (BEN)."),
    "contact/index": ("Hulp en contact", "Organisations and helplines you can turn to."),
}
"""English descriptions of the generated Dutch pages a route may point at (`PAGE_REFS`)."""

URGENT = ("112", "veilig-thuis", "113-zelfmoordpreventie", "kindertelefoon")
"""Contacts shown first, with their numbers, on the English help page (the Dutch parents' page's order)."""

FRONT_EXTRA: dict[str, str | list[str]] = {"lang": "en", "hide": ["navigation"]}
"""Every English page: `lang: en` (the theme sets `<html lang>` and Material's English strings from it);
the sidebar is the Dutch navigation, so English pages hide it and carry their own trail."""


def en_path(path: str) -> str:
    return PREFIX + path


def format_date_en(value: date) -> str:
    """6 December 2026."""
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def dutch(text: str) -> str:
    """Dutch words inside English text, marked so a screen reader reads them in Dutch."""
    return dialect.block("span", escape(text), attributes='lang="nl"')


def front(boost: float | None = None, tags: Iterable[str] | None = None) -> str:
    """Front matter of an English page. Its title and description are added for every page by
    `frame.with_page_head` (plain text, escaped by the engine): without a title, MkDocs would name a
    page that is not in the navigation after its file (a Dutch word). Every English page has a
    description, so that always happens (tests/test_seo.py: title = H1 on every page)."""
    extra: dict[str, str | list[str]] = dict(FRONT_EXTRA)
    return dialect.front_matter(boost=boost, exclude=boost is None, tags=tags, extra=extra)


class EnglishPages:
    """Renders the English pages of a catalog and knows which Dutch pages have an English version."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.titles: dict[str, str] = {}
        """Dutch page path → English title, for every page that has an English version."""
        for kind in TRANSLATABLE_KINDS:
            entries = [e for e in catalog.of_kind(kind) if translation(e) is not None]
            if not entries:
                continue
            self.titles[f"{kind}/index.md"] = KIND_TITLES[kind][1]
            for entry in entries:
                english = translation(entry)
                assert english is not None
                if isinstance(english, RouteTranslation):
                    route = entry.record
                    assert isinstance(route, Route)
                    for node_id, node in english.nodes.items():
                        title = node.question.text if node.question else node.outcome.title  # type: ignore[union-attr]
                        path = route_path(entry.id) if node_id == route.start else node_path(entry.id, node_id)
                        self.titles[path] = english.title if node_id == route.start else title
                else:
                    self.titles[page_path(kind, entry.id)] = english.title

    # ---- links

    def link(self, from_path: str, dutch_target: str, dutch_title: str, anchor: str = "") -> str:
        """A link from an English page: to the English version when there is one, else to the Dutch page, '(in Dutch)'."""
        if dutch_target in self.titles:
            return f"[{escape(self.titles[dutch_target])}]({relative(from_path, en_path(dutch_target))}{anchor})"
        return f"[{dutch(dutch_title)}]({relative(from_path, dutch_target)}{anchor}) (in Dutch)"

    def ref_link(self, from_path: str, ref: str) -> tuple[str, Entry | None]:
        """A link to a `kind/id` reference, and its entry (None for a generated overview page)."""
        if ref in PAGE_REFS:
            title, _ = PAGE_REFS_EN[ref]
            return self.link(from_path, PAGE_REFS[ref][0], title), None
        kind, _, id_ = ref.partition("/")
        target = self.catalog.get(kind, id_)
        assert target is not None, f"{ref} is checked by the loader"
        return self.link(from_path, page_path(kind, id_), target.record.title), target

    def crumbs(self, path: str, *parts: tuple[str, str]) -> str:
        trail = [f"[Routewijzer in English]({relative(path, HOME)})"]
        trail += [f"[{escape(title)}]({relative(path, target)})" for title, target in parts]
        return crumbs(" › ".join(trail)).replace('aria-label="Kruimelpad"', 'aria-label="Breadcrumb"')

    # ---- pages

    def pages(self) -> list[Page]:
        out: list[Page] = []
        for kind in TRANSLATABLE_KINDS:
            entries = [e for e in self.catalog.of_kind(kind) if translation(e) is not None]
            if not entries:
                continue
            out.append(self.render_index(kind, entries))
            for entry in entries:
                if kind == "route":
                    out += self.render_route(entry)
                else:
                    out.append(self.render_record(entry))
        return out

    def render_index(self, kind: str, entries: list[Entry]) -> Page:
        path = en_path(f"{kind}/index.md")
        title = KIND_TITLES[kind][1]
        parts = [
            front(),
            "",
            self.crumbs(path),
            "",
            f"# {escape(title)}",
            "",
            KIND_INTROS[kind],
            "",
        ]
        if kind == "contact":
            parts += self._urgent(path)
            parts += [dialect.heading(2, "All contacts in English", anchor="all"), ""]
        for entry in sorted(entries, key=lambda e: translation(e).title.casefold()):  # type: ignore[union-attr]
            english = translation(entry)
            assert english is not None
            target = page_path(kind, entry.id)
            line = f"- {self.link(path, target, entry.record.title)}"
            if isinstance(english, TermTranslation):
                line += f": {escape(english.definition)}"
            else:
                line += f": {escape(english.summary)}"
            if isinstance(entry.record, Contact) and isinstance(entry.record.phone, str):
                line += f" Phone: {phone_link(entry.record.phone)}."
            parts.append(line)
        dutch_index = f"{kind}/index.md"
        parts += [
            "",
            f"More is explained on the Dutch page [{dutch(_dutch_plural(kind))}]({relative(path, dutch_index)}) "
            "(in Dutch).",
        ]
        description = f"{title} in plain English, each with its Dutch name: a list of the pages translated so far."
        return Page(path, "\n".join(parts).rstrip() + "\n", title, description=description)

    def _urgent(self, path: str) -> list[str]:
        lines = []
        for id_ in URGENT:
            entry = self.catalog.get("contact", id_)
            if entry is None or not isinstance(entry.record, Contact):
                continue
            english = translation(entry)
            name = self.link(path, page_path("contact", id_), entry.record.title)
            phone = entry.record.phone
            number = f": call {phone_link(phone)}" if isinstance(phone, str) else ""
            what = f" {escape(english.summary)}" if english else ""
            lines.append(f"- **{name}**{number}.{what}")
        if not lines:
            return []
        return [dialect.heading(2, "Urgent help", anchor="urgent"), "", *lines, ""]

    def render_record(self, entry: Entry) -> Page:
        english = translation(entry)
        assert english is not None
        kind = entry.kind
        path = en_path(page_path(kind, entry.id))
        index = en_path(f"{kind}/index.md")
        tags = [KIND_TITLES[kind][0], *(_audience(entry))]
        parts = [
            front(KIND_BY_FOLDER[kind].search_weight, tags),
            "",
            self.crumbs(path, (KIND_TITLES[kind][1], index)),
            "",
            f"# {escape(english.title)}",
            "",
            escape(english.summary),
            "",
            meta_line(f"{KIND_TITLES[kind][0]} · Dutch name: {dutch(entry.record.title)}"),
            "",
        ]
        if isinstance(english, TermTranslation):
            parts += [self._facts_term(entry, english), ""]
        elif isinstance(english, ContactTranslation):
            parts += [self._facts_contact(entry, english), ""]
        if english.body:
            parts += [demote(english.body), ""]
        related = [self.ref_link(path, ref)[0] for ref in entry.record.related]
        if related:
            parts += [dialect.heading(2, "See also", search_exclude=True), "", bullets(related), ""]
        parts.append(self.sources(entry, english, entry.record.sources))
        return Page(path, "\n".join(parts).rstrip() + "\n", english.title, entry.path, description=english.summary)

    def _facts_term(self, entry: Entry, english: TermTranslation) -> str:
        term = entry.record
        assert isinstance(term, Term)
        rows = [("Meaning", escape(english.definition))]
        word = term.title + (f" ({term.abbreviation})" if term.abbreviation else "")
        rows.insert(0, ("Dutch word", f"**{dutch(word)}**"))
        if english.synonyms:
            rows.append(("Also called", escape(", ".join(english.synonyms))))
        return dialect.definition_list(rows)

    def _facts_contact(self, entry: Entry, english: ContactTranslation) -> str:
        contact = entry.record
        assert isinstance(contact, Contact)
        rows = [("You can go here for", "<br> ".join(escape(h) for h in english.helps_with))]
        for label, value, fmt in (
            ("Phone", contact.phone, phone_link),
            ("Website", contact.website, url_link),
            ("E-mail", contact.email, email_link),
        ):
            if value is None:
                continue
            if isinstance(value, Unknown):
                dutch_page = relative(en_path(page_path("contact", entry.id)), page_path("contact", entry.id))
                rows.append(
                    (label, f"*Not known to us.* The [Dutch page]({dutch_page}) (in Dutch) says where to look.")
                )
            else:
                rows.append((label, fmt(value)))
        if english.hours:
            rows.append(("Open", escape(english.hours)))
        if english.cost:
            rows.append(("Cost", escape(english.cost)))
        return dialect.definition_list(rows)

    def sources(self, entry: Entry, english: Translation, sources: list[Source]) -> str:
        """The Dutch record's public sources (most are in Dutch) and when the English was checked."""
        public = [s for s in sources if not s.for_editors]
        out = [dialect.heading(2, "Sources", search_exclude=True), ""]
        if public:
            out += [
                "The facts on this page come from these sources. Most of them are in Dutch.",
                "",
                dialect.open_block("div", attributes='lang="nl"', search_exclude=True),
                "",
                bullets(source_line(s) for s in public),
                "",
                "</div>",
                "",
            ]
        text = f"Translation checked on {format_date_en(english.reviewed)}."
        reviewed = entry.record.reviewed
        if reviewed is None:
            text += " An editor has not yet compared the Dutch facts with the sources."
        else:
            text += f" The Dutch facts were checked against the sources on {format_date_en(reviewed)}."
            if reviewed > english.reviewed:
                text += " The Dutch page was checked after the translation, so the Dutch page may be more up to date."
        out.append(dialect.block("p", text, attributes='class="rw-reviewed"', search_exclude=True))
        return "\n".join(out)

    # ---- routes

    def render_route(self, entry: Entry) -> list[Page]:
        route = entry.record
        assert isinstance(route, Route) and route.en is not None
        english = route.en
        pages = []
        for node_id in english.nodes:
            if node_id == route.start:
                pages.append(self._route_overview(entry, route, english))
            elif english.nodes[node_id].question is not None:
                pages.append(self._question_page(entry, route, english, node_id))
            else:
                pages.append(self._outcome_page(entry, route, english, node_id))
        return pages

    def _dutch_step_path(self, route_id: str, route: Route, node_id: str) -> str:
        return route_path(route_id) if node_id == route.start else node_path(route_id, node_id)

    def _answers(self, path: str, entry: Entry, route: Route, english: RouteTranslation, node_id: str) -> list[str]:
        dutch_q = route.nodes[node_id].question
        en_q = english.nodes[node_id].question
        assert dutch_q is not None and en_q is not None
        out = []
        for dutch_a, en_a in zip(dutch_q.answers, en_q.answers, strict=True):
            target = self._dutch_step_path(entry.id, route, dutch_a.next)
            if target in self.titles:
                line = f"- [{escape(en_a.text)}]({relative(path, en_path(target))})"
            else:
                line = f"- [{escape(en_a.text)}]({relative(path, target)}) (next step in Dutch)"
            if en_a.hint:
                line += f" ({escape(en_a.hint)})"
            out.append(line)
        return out

    def _route_front(self, entry: Entry, boost: float) -> str:
        return front(boost, [KIND_TITLES["route"][0], *_audience(entry)])

    def _route_crumbs(self, path: str, entry: Entry, english: RouteTranslation, *, with_route: bool) -> str:
        parts = [(KIND_TITLES["route"][1], en_path("route/index.md"))]
        if with_route:
            parts.append((english.title, en_path(route_path(entry.id))))
        return self.crumbs(path, *parts)

    def _route_overview(self, entry: Entry, route: Route, english: RouteTranslation) -> Page:
        path = en_path(route_path(entry.id))
        start = english.nodes[route.start].question
        assert start is not None
        out = [
            self._route_front(entry, KIND_BY_FOLDER["route"].search_weight),
            "",
            self._route_crumbs(path, entry, english, with_route=False),
            "",
            f"# {escape(english.title)}",
            "",
            escape(english.summary),
            "",
            meta_line(f"Route · Dutch name: {dutch(route.title)}"),
            "",
        ]
        if english.body:
            out += [demote(english.body), ""]
        out += [
            *dialect.admonition(
                "info",
                "How this route works",
                "You answer a few questions. Each question and each outcome has its own page, which you can save, "
                "print or share. The route helps you on your way, but it is not legal advice. Each outcome says "
                "whom you can ask. Steps that are not yet in English open in Dutch.",
            ),
            dialect.heading(2, "Start here", anchor="begin"),
            "",
            f"**{escape(start.text)}**",
            "",
        ]
        if start.help:
            out += [demote(start.help), ""]
        out += [*self._answers(path, entry, route, english, route.start), ""]
        out.append(self.sources(entry, english, route.sources))
        return Page(path, "\n".join(out).rstrip() + "\n", english.title, entry.path, description=english.summary)

    def _question_page(self, entry: Entry, route: Route, english: RouteTranslation, node_id: str) -> Page:
        question = english.nodes[node_id].question
        assert question is not None
        path = en_path(node_path(entry.id, node_id))
        out = [
            self._route_front(entry, 0.5),
            "",
            self._route_crumbs(path, entry, english, with_route=True),
            "",
            f"# {escape(question.text)}",
            "",
            meta_line(f"A question of the route ‘{escape(english.title)}’"),
            "",
        ]
        if question.help:
            out += [demote(question.help), ""]
        out += ["Choose what fits best:", "", *self._answers(path, entry, route, english, node_id), ""]
        out += [self._restart(path, entry), ""]
        description = f"{question.text} A question of the route ‘{english.title}’, in plain English."
        return Page(path, "\n".join(out).rstrip() + "\n", question.text, entry.path, description=description)

    def _restart(self, path: str, entry: Entry) -> str:
        return f"[Start again]({relative(path, en_path(route_path(entry.id)))}#begin)"

    def _outcome_page(self, entry: Entry, route: Route, english: RouteTranslation, node_id: str) -> Page:
        outcome = english.nodes[node_id].outcome
        dutch_outcome = route.nodes[node_id].outcome
        assert outcome is not None and dutch_outcome is not None
        path = en_path(node_path(entry.id, node_id))
        out = [
            self._route_front(entry, 1.1),
            "",
            self._route_crumbs(path, entry, english, with_route=True),
            "",
            f"# {escape(outcome.title)}",
            "",
            escape(outcome.summary),
            "",
            meta_line(f"An outcome of the route ‘{escape(english.title)}’ · Dutch: {dutch(dutch_outcome.title)}"),
            "",
        ]
        whom = [self.ref_link(path, ref)[0] for ref in dutch_outcome.ask]
        who = whom[0] if len(whom) == 1 else f"{', '.join(whom[:-1])} or {whom[-1]}"
        out += dialect.admonition(
            "warning",
            "This is not legal advice",
            "This route helps you on your way, but it is not legal advice. Whether a law or measure fits your "
            f"situation depends on the details. Not sure? Then ask {who}.",
        )
        if outcome.body:
            out += [demote(outcome.body), ""]
        if dutch_outcome.laws:
            out += ["## Which law fits?", ""]
            out += [f"- {self.ref_link(path, ref)[0]}" for ref in dutch_outcome.laws]
            out.append("")
        if dutch_outcome.measures:
            out += ["## Which measure or help?", ""]
            for ref in dutch_outcome.measures:
                text, target = self.ref_link(path, ref)
                english_term = translation(target) if target else None
                line = f"- **{text}**"
                if isinstance(english_term, TermTranslation):
                    line += f": {escape(english_term.definition)}"
                out.append(line)
            out.append("")
        out += ["## Who decides?", "", escape(outcome.decides), ""]
        out += ["## What can you do now?", "", *(f"{i}. {escape(s)}" for i, s in enumerate(outcome.next_steps, 1)), ""]
        out += ["## Whom can you ask?", "", *(self._contact_line(path, ref) for ref in dutch_outcome.ask), ""]
        if dutch_outcome.see_also:
            out += ["## Read more", "", *(f"- {self.ref_link(path, ref)[0]}" for ref in dutch_outcome.see_also), ""]
        out += [self._restart(path, entry), ""]
        out.append(self.sources(entry, english, dutch_outcome.sources))
        return Page(path, "\n".join(out).rstrip() + "\n", outcome.title, entry.path, description=outcome.summary)

    def _contact_line(self, path: str, ref: str) -> str:
        text, target = self.ref_link(path, ref)
        if target is None:
            return f"- **{text}**: {escape(PAGE_REFS_EN[ref][1])}"
        english = translation(target)
        line = f"- **{text}**"
        if english is not None:
            line += f": {escape(english.summary)}"
        record = target.record
        if isinstance(record, Contact) and isinstance(record.phone, str):
            line += f" Phone: {phone_link(record.phone)}."
        return line

    # ---- search and language switch

    def search_keywords(self) -> dict[str, list[str]]:
        """English keywords and synonyms per English page URL (for rw-search.json)."""
        found: dict[str, list[str]] = {}
        for kind in TRANSLATABLE_KINDS:
            for entry in self.catalog.of_kind(kind):
                english = translation(entry)
                if english is None:
                    continue
                words = list(english.keywords)
                if isinstance(english, TermTranslation):
                    words += english.synonyms
                    abbreviation = getattr(entry.record, "abbreviation", None)
                    if abbreviation:
                        words.append(abbreviation)
                    words.append(entry.record.title)
                elif isinstance(english, ContactTranslation):
                    words += english.helps_with
                found[f"{PREFIX}{kind}/{entry.id}/"] = words
        return found

    def pairs(self) -> dict[str, str]:
        """Dutch page path → English page path, for every generated page in both languages."""
        return {dutch_path: en_path(dutch_path) for dutch_path in self.titles}


def _dutch_plural(kind: str) -> str:
    return {"begrip": "Begrippen", "contact": "Hulp en contact", "route": "Routes"}[kind]


def _audience(entry: Entry) -> list[str]:
    labels = {"ouder": "for parents", "jongere": "for young people", "professional": "for professionals"}
    return [labels[a] for a in entry.record.audience]


def alternates(pairs: dict[str, str], written: Iterable[tuple[str, str | None]]) -> dict[str, tuple[str, str]]:
    """Page path → (its other language, the other page's path), both ways.

    `pairs`: Dutch → English generated pages. `written`: (English hand-written page, the Dutch page it
    translates, from its front matter `translation_of`, or None).
    """
    found: dict[str, tuple[str, str]] = {}
    for nl, en in pairs.items():
        found[nl] = ("en", en)
        found[en] = ("nl", nl)
    for english, dutch_page in written:
        if dutch_page:
            found[dutch_page] = ("en", english)
            found[english] = ("nl", dutch_page)
    return found


def english_abbreviations(catalog: Catalog) -> dict[str, str]:
    """Abbreviation → English explanation, for the translated glossary terms (English pages' tooltips)."""
    found: dict[str, str] = {}
    for entry in catalog.of_kind("begrip"):
        english = translation(entry)
        abbreviation = getattr(entry.record, "abbreviation", None)
        if isinstance(english, TermTranslation) and abbreviation:
            found[abbreviation] = f"{english.title}: {english.definition}"
    return found


def written_translations(pages: Iterable[tuple[str, str, str]]) -> list[tuple[str, str | None]]:
    """Hand-written English pages (under en/) and the Dutch page each translates.

    `pages` holds (source path under docs/, file name for messages, Markdown). An English page says
    which Dutch page it translates in its front matter (`translation_of: ouders.md`); the language
    switch and hreflang then connect the two. Raises ValueError with a Dutch message for a page
    under en/ without `lang: en`.
    """
    found: list[tuple[str, str | None]] = []
    for src, name, text in pages:
        if not src.startswith(PREFIX):
            continue
        meta = _front_matter(text)
        if meta.get("lang") != "en":
            raise ValueError(f"{name}:1: lang: een pagina onder en/ is Engels; zet 'lang: en' in de kop")
        other = meta.get("translation_of")
        if other is not None and not isinstance(other, str):
            raise ValueError(f"{name}:1: translation_of: moet het pad van een Nederlandse pagina zijn, zoals ouders.md")
        found.append((src, other))
    return found


def _front_matter(text: str) -> dict[str, object]:
    if not text.startswith("---\n"):
        return {}
    head, sep, _ = text[4:].partition("\n---")
    if not sep:
        return {}
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}
