"""English translations of records: the `en:` part of a glossary term, a contact or a route.

A translation lives in the same file as the Dutch record, under `en:`, so an editor who changes
the Dutch sees the English right below it. It holds only what a reader reads: titles, summaries,
explanations, answers. Facts that are not words (phone numbers, web addresses, e-mail
addresses, references, sources) are never translated: the English page takes them from the Dutch
record, so a number is typed once. A translation carries its own `reviewed` date: the day a
translator compared it with the Dutch record; the coverage page compares it with the Dutch record's
own dates to list outdated translations (`generator.validate.english`).

A record without `en:` has no English page; links from English pages to it say "(in Dutch)".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from .fields import InlineMarkdown, Markdown, StrictModel, Text, Title


class Translation(StrictModel):
    """De Engelse vertaling van een record. Alleen tekst; nummers, adressen en bronnen komen uit het Nederlandse record."""

    reviewed: date
    """Datum waarop een vertaler de Engelse tekst met het Nederlandse record heeft vergeleken (JJJJ-MM-DD). Is het Nederlandse record daarna veranderd, dan staat de vertaling als verouderd op de pagina 'Wat ontbreekt er nog?'."""
    title: Title
    """De Engelse titel. Laat het Nederlandse woord erin staan als ouders het in brieven tegenkomen. Voorbeeld: 'Family supervision order (OTS)'."""
    summary: Text
    """Een of twee korte zinnen in eenvoudig Engels (B1)."""
    body: Markdown | None = None
    """Meer uitleg in eenvoudig Engels, in eigen woorden (geen machinevertaling). Geen telefoonnummers: die komen uit het record."""
    keywords: list[Title] = []
    """Engelse woorden en zinnetjes waarmee mensen deze pagina zoeken. Ze staan niet op de pagina."""

    @field_validator("reviewed")
    @classmethod
    def _not_in_future(cls, value: date) -> date:
        if value > date.today():
            raise ValueError(
                f"{value.isoformat()} ligt in de toekomst; vul de datum in waarop de vertaling is nagekeken"
            )
        return value


class TermTranslation(Translation):
    """De Engelse vertaling van een begrip. Het Nederlandse woord blijft op de Engelse pagina staan."""

    definition: Text
    """Korte uitleg in één of twee zinnen, in eenvoudig Engels."""
    synonyms: list[Title] = []
    """Engelse woorden die mensen voor hetzelfde gebruiken. Ze helpen bij zoeken."""


class ContactTranslation(Translation):
    """De Engelse vertaling van een contact. Telefoon, website en e-mail komen uit het Nederlandse record."""

    helps_with: Annotated[list[Text], Field(min_length=1)]
    """Waarvoor je hier terechtkunt, in het Engels, elk punt kort."""
    hours: Text | None = None
    """Wanneer de organisatie bereikbaar is, in het Engels (alleen als het Nederlandse record het zegt)."""
    cost: Text | None = None
    """Wat het kost, in het Engels (alleen als het Nederlandse record het zegt)."""


class AnswerTranslation(StrictModel):
    """Een antwoord in het Engels, in dezelfde volgorde als de Nederlandse antwoorden."""

    text: Title
    """Het antwoord in het Engels."""
    hint: Text | None = None
    """Korte uitleg bij het antwoord, in het Engels."""


class QuestionTranslation(StrictModel):
    """Een vraag van een route in het Engels."""

    text: Title
    """De vraag in het Engels."""
    help: InlineMarkdown | None = None
    """Uitleg bij de vraag, in het Engels."""
    answers: Annotated[list[AnswerTranslation], Field(min_length=1)]
    """De antwoorden in het Engels: evenveel als in het Nederlands en in dezelfde volgorde."""


class OutcomeTranslation(StrictModel):
    """Een uitkomst van een route in het Engels. Wetten, contacten en bronnen komen uit de Nederlandse uitkomst."""

    title: Title
    """De uitkomst in een paar Engelse woorden."""
    summary: Text
    """Wat deze uitkomst betekent, in één of twee Engelse zinnen."""
    body: Markdown | None = None
    """Meer uitleg in het Engels."""
    decides: Text
    """Wie beslist, in het Engels."""
    next_steps: Annotated[list[Text], Field(min_length=1)]
    """Wat je nu kunt doen, in het Engels; elk punt één zin. Noem contacten bij hun naam: hun nummers staan eronder."""


class NodeTranslation(StrictModel):
    """Een stap van een route in het Engels: een vraag of een uitkomst, net als in het Nederlands."""

    question: QuestionTranslation | None = None
    """De Engelse vraag, als de stap een vraag is."""
    outcome: OutcomeTranslation | None = None
    """De Engelse uitkomst, als de stap een uitkomst is."""

    @model_validator(mode="after")
    def _one_kind(self) -> NodeTranslation:
        if (self.question is None) == (self.outcome is None):
            both = "allebei" if self.question is not None else "geen van beide"
            raise ValueError(f"een stap is een vraag ('question:') of een uitkomst ('outcome:'); hier staat {both}")
        return self


class RouteTranslation(Translation):
    """De Engelse vertaling van een route. Alleen de vertaalde stappen krijgen een Engelse pagina."""

    nodes: Annotated[dict[str, NodeTranslation], Field(min_length=1)]
    """De vertaalde stappen, onder dezelfde id als in 'nodes' van de route; minstens de eerste vraag. Een antwoord naar een stap zonder vertaling wijst naar de Nederlandse pagina."""
