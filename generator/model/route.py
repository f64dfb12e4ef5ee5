"""The route kind: from a young person's need, question by question, to the law, the measure and the contact.

A route is a record like any other (`data/route/<id>.yaml`, the common `Record` fields) with
a `start` question and `nodes`: every node is either a question whose answers lead to
further nodes, or an outcome that names the laws, the measures, who decides, what to do
next, whom to ask and the sources. Everything an outcome points at is a "kind/id"
reference to an existing record, so a route never restates a legal fact in its own words
without a record and a source behind it. Checks live in `generator.validate.routes`, pages
in `generator.render.routes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator

from .english import RouteTranslation
from .fields import InlineMarkdown, Markdown, Ref, Source, StrictModel, Text, Title
from .records import Record

RESERVED_IDS = frozenset({"index"})
"""`route/index.md` lists the routes, and `route/<id>/index.md` would share the URL of `route/<id>.md`."""


_REF_RE = re.compile(r"^([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)$")


def _check_record_ref(value: str) -> str:
    if not _REF_RE.match(value):
        raise ValueError(
            f"'{value}' is geen verwijzing; schrijf soort/id, zoals wet/jeugdwet of contact/wijkteam-of-jeugdteam"
        )
    return value


RecordRef = Annotated[
    str,
    AfterValidator(_check_record_ref),
    WithJsonSchema({"type": "string", "pattern": _REF_RE.pattern, "examples": ["wet/jeugdwet"]}),
]
"""A reference to a record as 'kind/id', like `Record.related`."""


_AT_LEAST_ONE = Field(json_schema_extra={"minItems": 1})
"""Editors see 'at least one' in their editor; `check_route` rejects an empty list with a Dutch message."""


class Answer(StrictModel):
    """Een antwoord dat de bezoeker kan kiezen."""

    text: Title
    """Het antwoord in gewone woorden, zoals de bezoeker het kiest. Voorbeeld: 'Jonger dan 18 jaar'."""
    next: Ref
    """Id van de stap die op dit antwoord volgt: een andere vraag of een uitkomst onder 'nodes'."""
    hint: Text | None = None
    """Korte uitleg bij het antwoord, als die helpt om te kiezen. Voorbeeld: 'bijvoorbeeld autisme of ADHD'."""


class Question(StrictModel):
    """Een vraag in een route. De bezoeker kiest een van de antwoorden."""

    text: Title
    """De vraag, kort en in gewone woorden (B1). Voorbeeld: 'Hoe oud is de jongere?'"""
    help: InlineMarkdown | None = None
    """Uitleg bij de vraag, als die helpt om een antwoord te kiezen."""
    answers: Annotated[list[Answer], _AT_LEAST_ONE]
    """De antwoorden; minstens één. Elk antwoord wijst met 'next' naar de volgende stap."""


class Outcome(StrictModel):
    """Een uitkomst van een route: wat past er, wie beslist, wat doe je nu en wie kun je het vragen."""

    title: Title
    """De uitkomst in een paar woorden. Voorbeeld: 'Jeugdhulp via de gemeente (Jeugdwet)'."""
    summary: Text
    """Wat deze uitkomst betekent, in één of twee zinnen (B1)."""
    body: Markdown | None = None
    """Meer uitleg in Markdown, in eigen woorden en alleen met feiten uit de bronnen."""
    laws: list[RecordRef] = Field(default_factory=list)
    """De wetten of regelingen die hier passen, als 'wet/<id>'. Laat leeg als de uitkomst niet over een wet gaat."""
    measures: list[RecordRef] = Field(default_factory=list)
    """Maatregelen of vormen van hulp, als begrip uit de woordenlijst: 'begrip/<id>'. Noemt een van de wetten de maatregel, dan toont de pagina ook wie erover beslist."""
    decides: Text
    """Wie beslist, in gewone woorden, en alleen wat de wetten, de begrippen en de bronnen zeggen."""
    next_steps: Annotated[list[Text], Field(min_length=1)]
    """Wat je nu kunt doen, in volgorde; elk punt één zin."""
    ask: Annotated[list[RecordRef], _AT_LEAST_ONE]
    """Wie je het kunt vragen; minstens één: 'contact/<id>', 'netwerk/<id>', 'regio/<id>' of de pagina 'regio/gemeenten' (Vind je regio, met het RET van elke regio)."""
    see_also: list[RecordRef] = Field(default_factory=list)
    """Verder lezen: lessen, begrippen, hulpmiddelen of een andere route, als 'soort/id'."""
    sources: Annotated[list[Source], _AT_LEAST_ONE]
    """De bronnen waar deze uitkomst op rust; minstens één."""


class Node(StrictModel):
    """Een stap in een route: een vraag of een uitkomst."""

    question: Question | None = None
    """Vul dit in als de stap een vraag is."""
    outcome: Outcome | None = None
    """Vul dit in als de stap een uitkomst is (het einde van de route)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Node:
        if (self.question is None) == (self.outcome is None):
            both = "allebei" if self.question is not None else "geen van beide"
            raise ValueError(f"een stap is een vraag ('question:') of een uitkomst ('outcome:'); hier staat {both}")
        return self


class Route(Record):
    """Een beslisroute: vraag voor vraag van de hulpvraag naar de wet, de maatregel en het contact."""

    start: Ref
    """Id van de eerste vraag onder 'nodes'."""
    nodes: Annotated[dict[str, Node], Field(min_length=1)]
    """Alle stappen van de route, elk onder een eigen id (kleine letters, cijfers en streepjes). De id is ook het webadres van de stap: route/<route>/<id>/."""
    en: RouteTranslation | None = None
    """De Engelse vertaling van de route en van de stappen die een Engelse pagina krijgen."""

    def edges(self) -> Iterator[tuple[str, int, str]]:
        """(question id, answer index, next id) for every answer, in file order."""
        for node_id, node in self.nodes.items():
            if node.question is not None:
                for i, answer in enumerate(node.question.answers):
                    yield node_id, i, answer.next


def ref_fields(outcome: Outcome) -> Iterator[tuple[str, list[str]]]:
    yield "laws", outcome.laws
    yield "measures", outcome.measures
    yield "ask", outcome.ask
    yield "see_also", outcome.see_also


ALLOWED_KINDS: dict[str, tuple[frozenset[str] | None, str]] = {
    "laws": (frozenset({"wet"}), "alleen wetten, als wet/<id>"),
    "measures": (frozenset({"begrip"}), "alleen begrippen uit de woordenlijst, als begrip/<id>"),
    "ask": (
        frozenset({"contact", "netwerk", "regio"}),
        "alleen contacten (contact/<id>), netwerken (netwerk/<id>), regio's (regio/<id>) of regio/gemeenten",
    ),
    "see_also": (None, "alle soorten records"),
}
"""Field → (kinds it may point at, or None for any; how to say that in Dutch)."""


PAGE_REFS: dict[str, tuple[str, str]] = {
    "regio/gemeenten": (
        "regio/gemeenten.md",
        "Zoek je gemeente. Op de pagina van je jeugdregio staan het regionaal expertteam (RET), het "
        "expertisenetwerk (BEN) en de zorgkantoorregio.",
    ),
    "regio/index": ("regio/index.md", "Alle jeugdregio's, met hun regionaal expertteam (RET)."),
    "netwerk/index": ("netwerk/index.md", "De acht bovenregionale expertisenetwerken (BEN's)."),
    "contact/index": ("contact/index.md", "Organisaties en hulplijnen waar je terechtkunt."),
}
"""References to generated overview pages that are not records: ref → (page path, one-line description)."""
