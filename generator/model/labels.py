"""Dutch labels of the model fields, as the form-based editor shows them above each input.

The docstrings of the fields are the longer help texts; these are the short names. One label
per field name, with an override per (model, field) where one name means different things
(a `kind` of a resource is not the `kind` of a lesson). A test checks that every field of
every model has a label, so a new field cannot reach the editor without one.
"""

from __future__ import annotations

from pydantic import BaseModel

FIELD_LABELS: dict[str, str] = {
    "title": "Titel",
    "audience": "Voor wie",
    "summary": "Samenvatting",
    "body": "Uitleg",
    "sources": "Bronnen",
    "reviewed": "Nagekeken op",
    "related": "Verwante records",
    "keywords": "Zoekwoorden",
    "themes": "Thema's",
    "order": "Volgorde",
    "subtitle": "Ondertitel",
    "name": "Naam",
    "decides": "Wie beslist",
    "ages": "Leeftijden",
    "legal_basis": "Wettelijke grondslag",
    "term": "Begrip",
    "abbreviation": "Afkorting",
    "official_title": "Officiële titel",
    "bwbr": "BWBR-nummer",
    "url": "Webadres",
    "in_force": "Geldt sinds",
    "for_whom": "Voor wie de wet is",
    "who_decides": "Wie beslist",
    "how_to_apply": "Zo vraag je het aan",
    "measures": "Maatregelen",
    "website": "Website",
    "email": "E-mailadres",
    "phone": "Telefoonnummer",
    "note": "Toelichting",
    "code": "CBS-gemeentecode",
    "former_names": "Vroegere gemeenten",
    "other_names": "Andere namen",
    "certain": "Zeker bij deze regio",
    "cbs_code": "CBS-code",
    "provinces": "Provincies",
    "municipalities": "Gemeenten",
    "ret": "Regionaal expertteam (RET)",
    "network": "Expertisenetwerk (BEN)",
    "network_basis": "Zo weten we bij welk BEN",
    "care_office_regions": "Zorgkantoorregio's",
    "short_name": "Korte naam",
    "coordinating_municipality": "Coördinerende gemeente",
    "offers": "Wat het netwerk biedt",
    "kind": "Soort",
    "publisher": "Uitgever",
    "year": "Jaar",
    "level": "Niveau",
    "synonyms": "Andere woorden",
    "definition": "Uitleg in het kort",
    "helps_with": "Helpt bij",
    "hours": "Bereikbaar",
    "cost": "Kosten",
    "start": "Eerste vraag",
    "nodes": "Stappen",
    "text": "Tekst",
    "next": "Volgende stap",
    "hint": "Hulptekst",
    "help": "Uitleg bij de vraag",
    "answers": "Antwoorden",
    "question": "Vraag",
    "outcome": "Uitkomst",
    "laws": "Wetten",
    "next_steps": "Wat je nu kunt doen",
    "ask": "Wie je het kunt vragen",
    "see_also": "Verder lezen",
    "date": "Datum van de bron",
    "consulted": "Nagekeken op",
    "for_editors": "Alleen voor redacteuren",
    "unknown": "Waarom onbekend en waar te vinden",
}
"""Field name → Dutch label."""


_MODEL_FIELD_LABELS: dict[tuple[str, str], str] = {
    ("Lesson", "kind"): "Soort les",
    ("Resource", "kind"): "Soort hulpmiddel",
    ("Resource", "url"): "Waar te vinden",
    ("Municipality", "name"): "Naam van de gemeente",
    ("RegionalTeam", "name"): "Naam van het team",
    ("RegionalTeam", "note"): "Wat we verder weten",
    ("Source", "title"): "Titel van de bron",
    ("Source", "url"): "Webadres van de bron",
    ("Source", "note"): "Waar te vinden of wat de bron zegt",
    ("Question", "text"): "De vraag",
    ("Answer", "text"): "Het antwoord",
    ("Outcome", "measures"): "Maatregelen of hulp",
}


def field_label(model: type[BaseModel], field: str) -> str | None:
    """The Dutch label of `model.field`, or None when there is none (a test refuses that)."""
    for cls in model.__mro__:
        label = _MODEL_FIELD_LABELS.get((cls.__name__, field))
        if label is not None:
            return label
    return FIELD_LABELS.get(field)
