"""The one registry of record kinds: every per-kind fact is declared here, once.

A kind is a folder under `data/` (also the URL segment of its pages), a model, its Dutch
labels, its search weight, its place in the site's order and the intro of its overview page.
Adding a kind means adding its model and one `Kind` here, plus its facts renderer
(`generator.render.records`, a function `facts_<folder>`); nothing is added at import time.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import Contact, Law, Lesson, Network, Record, Region, Resource, Term, Theme
from .route import Route


@dataclass(frozen=True)
class Kind:
    """Everything the stages need to know about one record kind."""

    folder: str
    """Folder under data/ and URL segment of the kind's pages."""
    model: type[Record]
    singular: str
    """Dutch label of one record ('Wet')."""
    plural: str
    """Dutch label of the collection ('Wetten en regels'); also the overview page's title."""
    search_weight: float
    """How strongly the search prefers this kind's pages: where a parent or professional most often wants to land."""
    site_order: int
    """Place of the kind in the navigation, the overview pages and the audience pages."""
    intro: str
    """First paragraph of the kind's overview page."""


REGISTRY: tuple[Kind, ...] = (
    Kind(
        "thema",
        Theme,
        "Thema",
        "Thema's",
        1.2,
        1,
        "De Routewijzer heeft zes hoofdstukken. Elk hoofdstuk legt uit waar het over gaat, "
        "waarom het ertoe doet voor de jongere en wat je zelf kunt doen.",
    ),
    Kind(
        "wet",
        Law,
        "Wet",
        "Wetten en regels",
        1.3,
        3,
        "Welke wet geldt, welke maatregel past en wie beslist? Hier staat per wet of regeling "
        "voor wie die is, wat die mogelijk maakt en hoe je hulp aanvraagt.",
    ),
    Kind(
        "regio",
        Region,
        "Jeugdregio",
        "Jeugdregio's",
        1.3,
        4,
        "Nederland heeft 42 jeugdregio's. In elke regio werken gemeenten samen aan jeugdhulp. "
        "Elke regio heeft een regionaal expertteam (RET) en hoort bij een bovenregionaal expertisenetwerk (BEN).",
    ),
    Kind(
        "netwerk",
        Network,
        "Expertisenetwerk",
        "Expertisenetwerken (BEN)",
        1.1,
        5,
        "Acht bovenregionale expertisenetwerken jeugd (BEN's) helpen regio's en hun expertteams "
        "als de hulp voor een jongere met complexe problemen vastloopt.",
    ),
    Kind(
        "hulpmiddel",
        Resource,
        "Hulpmiddel",
        "Documenten en hulpmiddelen",
        0.9,
        7,
        "Documenten, rapporten, websites en hulpmiddelen om verder te lezen.",
    ),
    Kind(
        "les",
        Lesson,
        "Les",
        "Lessen uit casuïstiek",
        1.0,
        6,
        "Wat leren we van casusevaluaties? Knooppunten laten zien waar hulp vastliep, "
        "succesfactoren wat hielp, aanbevelingen wat anders kan.",
    ),
    Kind(
        "begrip",
        Term,
        "Begrip",
        "Begrippen",
        1.2,
        8,
        "Woorden en afkortingen uit de jeugdzorg, uitgelegd in gewone taal.",
    ),
    Kind(
        "contact",
        Contact,
        "Hulp en contact",
        "Hulp en contact",
        1.3,
        9,
        "Bij wie kun je terecht met een vraag, een zorg of een klacht?",
    ),
    Kind(
        "route",
        Route,
        "Route",
        "Routes",
        1.2,
        2,
        "Een route helpt je stap voor stap verder. Je beantwoordt een paar vragen en ziet welke wet, "
        "welke hulp en welk contact bij je situatie passen. Een route is geen juridisch advies: op elke uitkomst "
        "staat bij wie je met je vraag terechtkunt.",
    ),
)
"""Every record kind, in the order of data/ listings, schemas and the field reference."""

KIND_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in REGISTRY}
KINDS: dict[str, type[Record]] = {kind.folder: kind.model for kind in REGISTRY}
"""Folder name under data/ → record model. The folder name is also the URL segment."""
KIND_LABELS: dict[str, tuple[str, str]] = {kind.folder: (kind.singular, kind.plural) for kind in REGISTRY}
"""Singular and plural Dutch labels per kind."""
KIND_ORDER: tuple[str, ...] = tuple(kind.folder for kind in sorted(REGISTRY, key=lambda k: k.site_order))
"""The kinds in the site's order (navigation, overview pages, audience pages)."""
