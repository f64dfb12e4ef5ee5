"""Dutch names of the record fields as a visitor reads them, for sentences such as
"Telefoonnummer van Veilig Thuis aangepast" on the page "Wat is er veranderd?".

One label per field name: a name means the same in every kind. Lower case, because the label
usually stands inside a sentence. `tests/test_history.py` checks that every field of every model
has one.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    "abbreviation": "afkorting",
    "ages": "leeftijden",
    "answers": "antwoorden",
    "ask": "wie je het kunt vragen",
    "audience": "doelgroep",
    "body": "uitleg",
    "bwbr": "BWBR-nummer",
    "care_office_regions": "zorgkantoorregio",
    "cbs_code": "CBS-code",
    "certain": "zekerheid",
    "code": "gemeentecode",
    "consulted": "datum van nakijken",
    "coordinating_municipality": "coördinerende gemeente",
    "cost": "kosten",
    "date": "datum",
    "decides": "wie beslist",
    "definition": "betekenis",
    "email": "e-mailadres",
    "en": "Engelse vertaling",
    "for_editors": "bron voor redacteuren",
    "for_whom": "voor wie",
    "former_names": "vroegere namen",
    "help": "uitleg bij de vraag",
    "helps_with": "waarmee ze helpen",
    "hint": "uitleg bij het antwoord",
    "hours": "openingstijden",
    "how_to_apply": "hoe je het aanvraagt",
    "in_force": "datum van inwerkingtreding",
    "keywords": "zoekwoorden",
    "kind": "soort",
    "laws": "wetten",
    "legal_basis": "wettelijke basis",
    "level": "niveau",
    "measures": "maatregelen",
    "municipalities": "gemeenten",
    "name": "naam",
    "network": "expertisenetwerk",
    "network_basis": "uitleg bij het expertisenetwerk",
    "next": "volgende stap",
    "next_steps": "wat je nu kunt doen",
    "nodes": "stappen",
    "note": "toelichting",
    "offers": "aanbod",
    "official_title": "officiële titel",
    "order": "volgorde",
    "other_names": "andere namen",
    "outcome": "uitkomst",
    "phone": "telefoonnummer",
    "provinces": "provincies",
    "publisher": "uitgever",
    "question": "vraag",
    "related": "verwante pagina's",
    "ret": "regionaal expertteam",
    "reviewed": "controledatum",
    "see_also": "zie ook",
    "short_name": "korte naam",
    "sources": "bronnen",
    "start": "eerste vraag",
    "subtitle": "ondertitel",
    "summary": "samenvatting",
    "synonyms": "synoniemen",
    "term": "begrip",
    "text": "tekst",
    "themes": "thema's",
    "title": "titel",
    "unknown": "uitleg bij een onbekend gegeven",
    "url": "webadres",
    "website": "website",
    "who_decides": "wie beslist",
    "year": "jaar",
}
"""Field name → Dutch label."""

GROUP_LABELS: dict[str, str] = {"ret": "RET"}
"""Groups of fields whose changes are named per field: 'telefoonnummer (RET)'."""


def field_label(path: str) -> str:
    """The Dutch label of a changed field: 'phone' → 'telefoonnummer', 'ret.phone' → 'telefoonnummer (RET)'."""
    group, _, name = path.rpartition(".")
    label = FIELD_LABELS.get(name, name)
    return f"{label} ({GROUP_LABELS.get(group, FIELD_LABELS.get(group, group))})" if group else label
