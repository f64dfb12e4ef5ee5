"""The pages of a route: one static page per step, so a route works without JavaScript and every step
can be bookmarked, printed and shared; the overview shows the whole route."""

from __future__ import annotations

from ..catalog import Catalog, Entry
from ..model import (
    AUDIENCE_LABELS,
    KIND_BY_FOLDER,
    KIND_LABELS,
    PAGE_REFS,
    Contact,
    Law,
    Outcome,
    Record,
    Route,
    Term,
    Unknown,
)
from . import dialect
from .diagram import render_route_svg
from .frame import Page, crumbs, demote, link, meta_line, page_path, phone_link, render_sources
from .text import escape


def route_path(route_id: str) -> str:
    """The route's overview, which is also its first question."""
    return f"route/{route_id}.md"


def node_path(route_id: str, node_id: str) -> str:
    """Every other step: `route/<route>/<step>.md`, next to the overview's folder URL."""
    return f"route/{route_id}/{node_id}.md"


DISCLAIMER_TITLE = "Dit is geen juridisch advies"


def _page_title(ref: str) -> str:
    return "Vind je regio" if ref == "regio/gemeenten" else KIND_LABELS[ref.partition("/")[0]][1]


def render_mermaid(route: Route) -> str:
    """The route as a Mermaid flowchart (questions as boxes, outcomes as rounded boxes)."""
    ids = {node_id: f"n{i}" for i, node_id in enumerate(route.nodes)}

    def label(text: str) -> str:
        return '"' + text.replace('"', "#quot;") + '"'

    lines = ["flowchart TD"]
    for node_id, node in route.nodes.items():
        if node.question is not None:
            lines.append(f"    {ids[node_id]}[{label(node.question.text)}]")
        elif node.outcome is not None:
            lines.append(f"    {ids[node_id]}([{label(node.outcome.title)}])")
    for node_id, i, target in route.edges():
        if target in ids:
            text = route.nodes[node_id].question.answers[i].text  # type: ignore[union-attr]
            lines.append(f"    {ids[node_id]} -->|{label(text)}| {ids[target]}")
    return "\n".join(lines)


class _RouteRenderer:
    """Renders the pages of one route; `catalog` resolves the records its outcomes point at."""

    def __init__(self, entry: Entry, catalog: Catalog, *, mermaid: bool) -> None:
        self.entry = entry
        self.catalog = catalog
        self.mermaid = mermaid
        route = entry.record
        assert isinstance(route, Route)
        self.route = route
        self.audience = ", ".join(AUDIENCE_LABELS[a] for a in route.audience)
        self.incoming: dict[str, list[tuple[str, int]]] = {}
        for node_id, i, target in route.edges():
            self.incoming.setdefault(target, []).append((node_id, i))

    # ---- shared parts

    @property
    def figure_key(self) -> str:
        return f"route-{self.entry.id}"

    def path_of(self, node_id: str) -> str:
        return route_path(self.entry.id) if node_id == self.route.start else node_path(self.entry.id, node_id)

    def node_title(self, node_id: str) -> str:
        node = self.route.nodes[node_id]
        return node.question.text if node.question is not None else node.outcome.title  # type: ignore[union-attr]

    def front(self, boost: float) -> list[str]:
        tags = [KIND_LABELS["route"][0], *(f"voor {AUDIENCE_LABELS[a]}" for a in self.route.audience)]
        return [dialect.front_matter(boost=boost, tags=tags), ""]

    def crumbs(self, path: str, *, with_route: bool) -> str:
        parts = [
            link(path, "index.md", "Routewijzer"),
            link(path, "route/index.md", KIND_LABELS["route"][1]),
        ]
        if with_route:
            parts.append(link(path, route_path(self.entry.id), self.route.title))
        trail = " › ".join(parts)
        return crumbs(trail)

    def meta(self, label: str) -> str:
        return meta_line(f"{label} · voor {self.audience}")

    def ref_link(self, from_path: str, ref: str) -> tuple[str, Record | None]:
        """A link to a referenced record or overview page, and the record (None for a page)."""
        if ref in PAGE_REFS:
            return link(from_path, PAGE_REFS[ref][0], _page_title(ref)), None
        kind, _, id_ = ref.partition("/")
        target = self.catalog.get(kind, id_)
        assert target is not None, f"{ref} is not checked"  # check_route rejects unknown references
        return link(from_path, page_path(kind, id_), target.record.title), target.record

    def answers(self, from_path: str, node_id: str) -> list[str]:
        question = self.route.nodes[node_id].question
        assert question is not None
        out = []
        for answer in question.answers:
            line = f"- {link(from_path, self.path_of(answer.next), answer.text)}"
            if answer.hint:
                line += f" ({escape(answer.hint)})"
            out.append(line)
        return out

    def restart(self, path: str) -> str:
        start = link(path, route_path(self.entry.id) + "#begin", "Opnieuw beginnen")
        overview = link(path, route_path(self.entry.id) + "#overzicht", "De hele route in één overzicht")
        return f"{start} · {overview}"

    def came_from(self, path: str, node_id: str) -> list[str]:
        lines = []
        for question_id, i in self.incoming.get(node_id, []):
            question = self.route.nodes[question_id].question
            assert question is not None
            target = self.path_of(question_id) + ("#begin" if question_id == self.route.start else "")
            asked = link(path, target, question.text)
            lines.append(f"- Bij de vraag {asked} koos je: *{escape(question.answers[i].text)}*")
        return lines

    # ---- the overview (first question) and the outline

    def overview(self) -> Page:
        route, path = self.route, route_path(self.entry.id)
        start = route.nodes[route.start].question
        assert start is not None
        out = [
            *self.front(KIND_BY_FOLDER["route"].search_weight),
            self.crumbs(path, with_route=False),
            "",
            f"# {escape(route.title)}",
            "",
        ]
        out += [escape(route.summary), "", self.meta(KIND_LABELS["route"][0]), ""]
        if route.body:
            out += [demote(route.body), ""]
        out += [
            *dialect.admonition(
                "info",
                "Zo werkt deze route",
                "Je beantwoordt een paar vragen. Elke vraag en elke uitkomst heeft een eigen pagina, die je kunt "
                "bewaren, printen of delen. De route helpt je op weg, maar is geen juridisch advies. Op elke uitkomst "
                "staat bij wie je terechtkunt met je vraag.",
            ),
            dialect.heading(2, "Begin hier", anchor="begin"),
            "",
            f"**{escape(start.text)}**",
            "",
        ]
        if start.help:
            out += [demote(start.help), ""]
        out += [*self.answers(path, route.start), ""]
        out += [dialect.heading(2, "De hele route in één overzicht", anchor="overzicht"), ""]
        out += [
            "Alle vragen en uitkomsten op een rij: eerst als schema, daarna als lijst. "
            "Klik in de lijst op een stap om die pagina te openen.",
            "",
            dialect.figure(self.figure_key),
            "",
        ]
        out += [*self.outline(path), ""]
        if self.mermaid:
            out += [*dialect.mermaid(render_mermaid(route)), ""]
        related = [self.ref_link(path, ref)[0] for ref in route.related]
        if related:
            out += [dialect.heading(2, "Zie ook", search_exclude=True), "", *(f"- {r}" for r in related), ""]
        out.append(render_sources(route, route.sources, "route"))
        figures = ((self.figure_key, render_route_svg(route, self.entry.id)),)
        return Page(path, "\n".join(out).rstrip() + "\n", route.title, self.entry.path, figures)

    def outline(self, path: str) -> list[str]:
        """The route as a nested list: the diagram that needs no JavaScript, prints, and reads aloud."""
        shown: set[str] = set()
        lines: list[str] = []

        def step(node_id: str) -> str:
            node = self.route.nodes[node_id]
            kind = "Vraag" if node.question is not None else "Uitkomst"
            target = self.path_of(node_id) + ("#begin" if node_id == self.route.start else "")
            return f"**{kind}:** {link(path, target, self.node_title(node_id))}"

        def walk(node_id: str, depth: int) -> None:
            shown.add(node_id)
            question = self.route.nodes[node_id].question
            for answer in question.answers if question else []:
                again = answer.next in shown
                suffix = " (zie hierboven)" if again else ""
                lines.append(f"{'    ' * depth}- *{escape(answer.text)}* → {step(answer.next)}{suffix}")
                if not again:
                    walk(answer.next, depth + 1)

        lines.append(f"- {step(self.route.start)}")
        walk(self.route.start, 1)
        return lines

    # ---- questions and outcomes

    def question_page(self, node_id: str) -> Page:
        question = self.route.nodes[node_id].question
        assert question is not None
        path = node_path(self.entry.id, node_id)
        out = [*self.front(0.5), self.crumbs(path, with_route=True), "", f"# {escape(question.text)}", ""]
        out += [self.meta(f"Vraag uit de route ‘{escape(self.route.title)}’"), ""]
        if question.help:
            out += [demote(question.help), ""]
        out += ["Kies wat het best past:", "", *self.answers(path, node_id), ""]
        came = self.came_from(path, node_id)
        if came:
            out += ["## Hoe kwam je hier?", "", *came, ""]
        out += [self.restart(path), ""]
        return Page(path, "\n".join(out).rstrip() + "\n", question.text, self.entry.path)

    def outcome_page(self, node_id: str) -> Page:
        outcome = self.route.nodes[node_id].outcome
        assert outcome is not None
        path = node_path(self.entry.id, node_id)
        out = [*self.front(1.1), self.crumbs(path, with_route=True), "", f"# {escape(outcome.title)}", ""]
        out += [escape(outcome.summary), "", self.meta(f"Uitkomst van de route ‘{escape(self.route.title)}’"), ""]
        out += self.disclaimer(path, outcome)
        if outcome.body:
            out += [demote(outcome.body), ""]
        if outcome.laws:
            out += ["## Welke wet of regeling past?", ""]
            for ref in outcome.laws:
                text, record = self.ref_link(path, ref)
                out.append(f"- **{text}**: {escape(record.summary)}" if record else f"- {text}")
            out.append("")
        if outcome.measures:
            out += ["## Welke maatregel of hulp?", "", *self.measures(path, outcome), ""]
        out += ["## Wie beslist?", "", escape(outcome.decides), ""]
        out += ["## Wat kun je nu doen?", "", *(f"{i}. {escape(s)}" for i, s in enumerate(outcome.next_steps, 1)), ""]
        out += ["## Wie kun je het vragen?", "", *(self.contact_line(path, ref) for ref in outcome.ask), ""]
        if outcome.see_also:
            out += ["## Lees verder", ""]
            for ref in outcome.see_also:
                text, _ = self.ref_link(path, ref)
                kind = ref.partition("/")[0]
                label = "Pagina" if ref in PAGE_REFS else KIND_LABELS.get(kind, KIND_LABELS["route"])[0]
                out.append(f"- {label}: {text}")
            out.append("")
        came = self.came_from(path, node_id)
        if came:
            out += ["## Hoe kwam je hier?", "", *came, ""]
        out += [self.restart(path), ""]
        out.append(render_sources(self.route, outcome.sources, "route"))
        return Page(path, "\n".join(out).rstrip() + "\n", outcome.title, self.entry.path)

    def disclaimer(self, path: str, outcome: Outcome) -> list[str]:
        who = [self.ref_link(path, ref)[0] for ref in outcome.ask]
        whom = who[0] if len(who) == 1 else f"{', '.join(who[:-1])} of {who[-1]}"
        return dialect.admonition(
            "warning",
            DISCLAIMER_TITLE,
            "Deze route helpt je op weg, maar is geen juridisch advies. Of een wet of maatregel bij jouw "
            "situatie past, hangt af van de details. Twijfel je? Vraag het dan na bij " + whom + ".",
        )

    def measures(self, path: str, outcome: Outcome) -> list[str]:
        """Each measure with its glossary definition and, where one of the outcome's laws names it, who decides."""
        laws: list[tuple[str, Law]] = []
        for ref in outcome.laws:
            law_entry = self.catalog.get("wet", ref.partition("/")[2])
            if law_entry is not None and isinstance(law_entry.record, Law):
                laws.append((law_entry.id, law_entry.record))
        lines = []
        for ref in outcome.measures:
            text, record = self.ref_link(path, ref)
            line = f"- **{text}**"
            if isinstance(record, Term):
                line += f": {escape(record.definition)}"
            term_id = ref.partition("/")[2]
            for law_id, law in laws:
                for measure in law.measures:
                    if measure.term == term_id:
                        decides = measure.decides.rstrip(".")
                        source = link(path, page_path("wet", law_id), law.title)
                        line += f" Wie beslist: {escape(decides)} (volgens {source})."
            lines.append(line)
        return lines

    def contact_line(self, path: str, ref: str) -> str:
        text, record = self.ref_link(path, ref)
        if record is None:
            return f"- **{text}**: {escape(PAGE_REFS[ref][1])}"
        line = f"- **{text}**: {escape(record.summary)}"
        if isinstance(record, Contact) and record.phone is not None and not isinstance(record.phone, Unknown):
            line += f" Telefoon: {phone_link(record.phone)}."
        return line


def render_route_pages(entry: Entry, catalog: Catalog, *, mermaid: bool = False) -> list[Page]:
    """Every page of one route: the overview (which asks the first question) and one page per other step.

    With `mermaid=True` the overview also carries a ```mermaid block of the route, for a site
    that serves mermaid.js itself; the nested list stays, for readers without JavaScript.
    """
    renderer = _RouteRenderer(entry, catalog, mermaid=mermaid)
    out = [renderer.overview()]
    for node_id, node in renderer.route.nodes.items():
        if node_id == renderer.route.start:
            continue
        out.append(renderer.question_page(node_id) if node.question is not None else renderer.outcome_page(node_id))
    return out
