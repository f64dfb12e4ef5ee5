"""One example per field, shown by editors' YAML tools (JSON Schema `examples`) and on the field reference page."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

FIELD_EXAMPLES: dict[str, Any] = {
    "title": "Ondertoezichtstelling",
    "audience": ["professional", "ouder"],
    "summary": "Een kinderrechter kan een gezin een gezinsvoogd geven als een kind ernstig in de problemen komt.",
    "body": "## Waar gaat het over?\n\nKorte alinea's in gewone taal.",
    "sources": [
        {
            "title": "Wat doen de bovenregionale expertisenetwerken jeugd?",
            "url": "https://vng.nl/artikelen/wat-doen-de-bovenregionale-expertisenetwerken-jeugd",
            "publisher": "VNG",
        }
    ],
    "reviewed": "2026-11-24",
    "related": ["wet/jeugdwet", "begrip/ondertoezichtstelling"],
    "keywords": ["wachtlijst", "lang wachten op hulp"],
    "themes": ["wet-en-regelgeving"],
    "order": 2,
    "subtitle": "de weg vinden in het doolhof van wetten en regels",
    "url": "https://wetten.overheid.nl/BWBR0034925",
    "publisher": "VNG",
    "date": "2020-06-17",
    "consulted": "2026-12-06",
    "for_editors": True,
    "note": "PDF van het Ondersteuningsteam Zorg voor de Jeugd, hoofdstuk Wet- en regelgeving",
    "unknown": "Niet gevonden in openbare bronnen; vraag het na bij de regiogemeente.",
    "abbreviation": "Wvggz",
    "official_title": "Wet verplichte geestelijke gezondheidszorg",
    "bwbr": "BWBR0040635",
    "in_force": "2020-01-01",
    "for_whom": "Kinderen en jongeren tot 18 jaar en hun ouders.",
    "ages": "Tot 18 jaar; soms verlengd tot 23 jaar.",
    "who_decides": "De gemeente; bij een maatregel de kinderrechter.",
    "how_to_apply": "Bij het wijkteam of jeugdteam van de gemeente.",
    "measures": [
        {
            "name": "Ondertoezichtstelling (OTS)",
            "summary": "Een gezinsvoogd helpt het gezin.",
            "decides": "De kinderrechter.",
        }
    ],
    "name": "Hilversum",
    "decides": "De kinderrechter, op verzoek van de Raad voor de Kinderbescherming.",
    "legal_basis": "artikel 1:255 BW",
    "term": "ondertoezichtstelling",
    "code": "GM0402",
    "former_names": ["Bussum", "Naarden", "Muiden"],
    "other_names": ["Den Haag"],
    "certain": True,
    "cbs_code": "JZ16",
    "provinces": ["Noord-Holland"],
    "municipalities": [{"name": "Hilversum", "code": "GM0402"}],
    "ret": {
        "name": {"unknown": "Naam niet gevonden."},
        "website": {"unknown": "Geen pagina gevonden."},
        "email": "retregioalkmaar@alkmaar.nl",
        "phone": {"unknown": "Geen nummer gevonden."},
    },
    "network": "ben-noord-holland",
    "network_basis": "Afgeleid uit de provincie; bijlage 1 van de regeling niet ingezien.",
    "care_office_regions": ["'t Gooi"],
    "website": "https://jennoord.nl/",
    "email": "info@voorbeeld.nl",
    "phone": "0800-2000",
    "short_name": "BEN Noord-Nederland",
    "coordinating_municipality": "Groningen",
    "offers": ["Consultatie en advies: het netwerk denkt mee als de hulp vastloopt."],
    "kind": "document",
    "year": 2021,
    "level": "organisatie",
    "synonyms": ["kind uit huis", "uithuisplaatsing"],
    "definition": "Een kind gaat (tijdelijk) ergens anders wonen dan bij de ouders.",
    "helps_with": ["Zorgen over geweld thuis."],
    "hours": "24 uur per dag, 7 dagen per week",
    "cost": "gratis",
}
"""One example per field name, shown by editors' YAML tools (JSON Schema `examples`) and on
the field reference page. A test checks that every field of every model has one."""


_RECORD_FIELD_EXAMPLES: dict[tuple[str, str], Any] = {
    ("Lesson", "kind"): "knooppunt",
    ("Theme", "title"): "Wet- en regelgeving",
    ("Region", "title"): "Gooi en Vechtstreek",
    ("Network", "title"): "Expertisenetwerk Jeugd Overijssel",
    ("RegionalTeam", "name"): "Regionaal expertteam regio Alkmaar",
    ("RegionalTeam", "website"): {
        "unknown": "Geen webpagina van het team gevonden; vraag het na bij de regiogemeente."
    },
    ("RegionalTeam", "email"): "retregioalkmaar@alkmaar.nl",
    ("RegionalTeam", "phone"): {"unknown": "Geen algemeen telefoonnummer gevonden."},
    (
        "RegionalTeam",
        "note",
    ): "Het team is gestart na een samenwerkingsovereenkomst van gemeenten, onderwijs en aanbieders.",
    ("Measure", "name"): "Ondertoezichtstelling (OTS)",
    ("Measure", "summary"): "Een gezinsvoogd van een gecertificeerde instelling helpt het gezin en houdt toezicht.",
    ("Measure", "ages"): "Tot 18 jaar.",
    ("Municipality", "note"): "Hoort sinds 1 januari 2024 bij deze regio.",
    ("Municipality", "website"): {"unknown": "Niet gevonden in de export van organisaties.overheid.nl."},
    ("Source", "title"): "Acht expertisecentra voor jongeren met complexe problematiek",
    ("Source", "note"): "Kopie in een openbare datarepository; geen eigen webadres.",
    ("Resource", "url"): "https://www.nji.nl/van-jeugd-naar-volwassenheid/welke-wetten-en-regels-zijn-belangrijk",
    ("Resource", "publisher"): "Nederlands Jeugdinstituut",
    ("Contact", "title"): "Veilig Thuis",
    ("Contact", "website"): "https://www.veiligthuis.nl",
    ("Term", "title"): "Uithuisplaatsing",
    ("Term", "abbreviation"): "UHP",
}
"""Examples where the generic one would mislead for a particular record type."""


_OUTCOME_EXAMPLE: dict[str, Any] = {
    "title": "Jeugdhulp via de gemeente (Jeugdwet)",
    "summary": "Voor hulp bij opgroeien en opvoeden van kinderen onder de 18 geldt de Jeugdwet.",
    "laws": ["wet/jeugdwet"],
    "decides": "De gemeente beslist over jeugdhulp.",
    "next_steps": ["Neem contact op met het wijkteam of jeugdteam van je gemeente."],
    "ask": ["contact/wijkteam-of-jeugdteam"],
    "sources": [{"title": "Jeugdwet (wettekst)", "url": "https://wetten.overheid.nl/BWBR0034925"}],
}


_QUESTION_EXAMPLE: dict[str, Any] = {
    "text": "Hoe oud is de jongere?",
    "answers": [{"text": "Jonger dan 18 jaar", "next": "jeugdhulp"}],
}


ROUTE_FIELD_EXAMPLES: dict[tuple[str, str], Any] = {
    ("Route", "title"): "Welke wet of regeling past bij deze hulpvraag?",
    ("Route", "summary"): "Beantwoord een paar vragen. Je ziet welke wet past, wie beslist en bij wie je terechtkunt.",
    ("Route", "start"): "leeftijd",
    ("Route", "nodes"): {"leeftijd": {"question": _QUESTION_EXAMPLE}, "jeugdhulp": {"outcome": _OUTCOME_EXAMPLE}},
    ("Node", "question"): _QUESTION_EXAMPLE,
    ("Node", "outcome"): _OUTCOME_EXAMPLE,
    ("Question", "text"): "Hoe oud is de jongere?",
    ("Question", "help"): "Past er meer dan één antwoord? Kies dan het eerste dat past.",
    ("Question", "answers"): _QUESTION_EXAMPLE["answers"],
    ("Answer", "text"): "Jonger dan 18 jaar",
    ("Answer", "next"): "onder-18",
    ("Answer", "hint"): "tot 23 jaar kan jeugdhulp soms doorlopen",
    ("Outcome", "title"): _OUTCOME_EXAMPLE["title"],
    ("Outcome", "summary"): _OUTCOME_EXAMPLE["summary"],
    ("Outcome", "laws"): ["wet/jeugdwet"],
    ("Outcome", "measures"): ["begrip/ondertoezichtstelling"],
    ("Outcome", "decides"): _OUTCOME_EXAMPLE["decides"],
    ("Outcome", "next_steps"): _OUTCOME_EXAMPLE["next_steps"],
    ("Outcome", "ask"): ["contact/wijkteam-of-jeugdteam", "regio/gemeenten"],
    ("Outcome", "see_also"): ["les/plaatsingsladder", "route/vastgelopen-casus"],
}
"""Examples for the route models' fields (JSON Schema `examples`, field reference page), by (model, field)."""


_EN_TERM: dict[str, Any] = {
    "reviewed": "2026-12-06",
    "title": "Family supervision order (OTS)",
    "summary": "A measure of the children's judge: a worker helps the family and keeps an eye on the child.",
    "definition": "An OTS is a measure to protect a child. The children's judge decides on it.",
}
_EN_CONTACT: dict[str, Any] = {
    "reviewed": "2026-12-06",
    "title": "Veilig Thuis (domestic violence and child abuse helpline)",
    "summary": "Advice and reporting centre for domestic violence and child abuse.",
    "helps_with": ["advice when you are worried about violence at home"],
}
_EN_QUESTION: dict[str, Any] = {"text": "How old is the young person?", "answers": [{"text": "Younger than 18"}]}
_EN_OUTCOME: dict[str, Any] = {
    "title": "Youth care through the local council",
    "summary": "For help with growing up and raising children under 18, the Youth Act applies.",
    "decides": "The local council decides on youth care.",
    "next_steps": ["Contact the neighbourhood team or youth team of your local council."],
}
_EN_ROUTE: dict[str, Any] = {
    "reviewed": "2026-12-06",
    "title": "Which law or rule fits this need for help?",
    "summary": "Answer a few questions and see which law fits.",
    "nodes": {"leeftijd": {"question": _EN_QUESTION}},
}

ENGLISH_FIELD_EXAMPLES: dict[tuple[str, str], Any] = {
    ("Term", "en"): _EN_TERM,
    ("Contact", "en"): _EN_CONTACT,
    ("Route", "en"): _EN_ROUTE,
    **{
        (model, field): value
        for model, data in (
            ("TermTranslation", _EN_TERM),
            ("ContactTranslation", _EN_CONTACT),
            ("RouteTranslation", _EN_ROUTE),
        )
        for field, value in data.items()
    },
    **{
        (model, field): value
        for model in ("TermTranslation", "ContactTranslation", "RouteTranslation")
        for field, value in (
            ("body", "More about this, in plain English and your own words."),
            ("keywords", ["my child is under supervision", "court letter about my child"]),
        )
    },
    ("TermTranslation", "synonyms"): ["supervision order"],
    ("ContactTranslation", "hours"): "24 hours a day, 7 days a week",
    ("ContactTranslation", "cost"): "free",
    ("NodeTranslation", "question"): _EN_QUESTION,
    ("NodeTranslation", "outcome"): _EN_OUTCOME,
    ("QuestionTranslation", "text"): _EN_QUESTION["text"],
    ("QuestionTranslation", "help"): "Does more than one answer fit? Then choose the first one that fits.",
    ("QuestionTranslation", "answers"): _EN_QUESTION["answers"],
    ("AnswerTranslation", "text"): "Younger than 18",
    ("AnswerTranslation", "hint"): "youth care can sometimes go on until 23",
    **{("OutcomeTranslation", field): value for field, value in _EN_OUTCOME.items()},
    ("OutcomeTranslation", "body"): "More about this outcome, in plain English.",
}
"""Examples for the English translations (`en:`), in English, by (model, field)."""


KIND_FIELD_EXAMPLES: dict[tuple[str, str], Any] = {
    **_RECORD_FIELD_EXAMPLES,
    **ROUTE_FIELD_EXAMPLES,
    **ENGLISH_FIELD_EXAMPLES,
}
"""Examples where the generic one would mislead for a particular model, by (model, field)."""


def field_example(model: type[BaseModel], name: str) -> Any:
    """The example for one field of one model."""
    return KIND_FIELD_EXAMPLES.get((model.__name__, name), FIELD_EXAMPLES.get(name))
