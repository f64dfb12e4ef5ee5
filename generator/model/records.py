"""The record kinds of the knowledge base: what every record has, and what each kind adds."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from .english import ContactTranslation, TermTranslation
from .fields import (
    Abbreviation,
    Audience,
    FactEmail,
    FactPhone,
    FactText,
    FactUrl,
    FactYear,
    Markdown,
    Ref,
    Source,
    StrictModel,
    Text,
    Title,
    Url,
    fact,
)


class Record(StrictModel):
    """Velden die elk record heeft."""

    title: Title
    """De titel zoals bezoekers hem zien."""
    audience: Annotated[list[Audience], Field(min_length=1)]
    """Voor wie dit record vooral is: professional, ouder en/of jongere."""
    summary: Text
    """Een of twee zinnen in gewoon Nederlands (B1). Verschijnt in lijsten en zoekresultaten."""
    body: Markdown | None = None
    """Uitleg in Markdown, in eigen woorden. Geen HTML."""
    sources: Annotated[list[Source], Field(min_length=1)]
    """De bronnen waar de feiten op rusten; minstens één."""
    reviewed: date | None = None
    """Datum waarop een redacteur alle feiten van dit record met de bronnen heeft vergeleken (JJJJ-MM-DD). Niet later dan de nieuwste 'consulted'-datum van de bronnen. Laat weg zolang niemand het record zo heeft nagekeken; de pagina zegt dat dan eerlijk."""
    related: list[Annotated[str, StringConstraints(pattern=r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")]] = []
    """Verwante records als 'soort/id'. Voorbeeld: 'wet/jeugdwet' of 'begrip/ots'."""
    keywords: list[Title] = []
    """Woorden en korte zinnetjes waarmee mensen naar deze pagina zoeken, in hun eigen woorden. Ze staan niet op de pagina, maar de zoekfunctie vindt de pagina er wel mee."""

    @field_validator("audience")
    @classmethod
    def _unique_audience(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("elke doelgroep mag maar één keer voorkomen")
        return value

    @field_validator("reviewed")
    @classmethod
    def _not_in_future(cls, value: date | None) -> date | None:
        if value is not None and value > date.today():
            raise ValueError(f"{value.isoformat()} ligt in de toekomst; vul de datum van de laatste controle in")
        return value


class _Themed(Record):
    themes: list[Ref] = []
    """De thema's waar dit record bij hoort (id's uit data/thema/)."""


class Theme(Record):
    """Een van de zes hoofdstukken van de Routewijzer."""

    order: Annotated[int, Field(ge=1, le=99)]
    """Volgorde op de site (1 is eerst)."""
    subtitle: Title
    """De ondertitel van het hoofdstuk. Voorbeeld: 'de weg vinden in het doolhof van wetten en regels'."""


class Measure(StrictModel):
    """Een maatregel of voorziening die een wet mogelijk maakt."""

    name: Title
    """Naam van de maatregel. Voorbeeld: 'Ondertoezichtstelling (OTS)'."""
    summary: Text
    """Wat de maatregel inhoudt, in gewone woorden."""
    decides: Text
    """Wie erover beslist. Voorbeeld: 'de kinderrechter, op verzoek van de Raad voor de Kinderbescherming'."""
    ages: Text | None = None
    """Voor welke leeftijd de maatregel geldt, als dat anders is dan bij de wet zelf."""
    legal_basis: Text | None = None
    """Waar het in de wet staat. Voorbeeld: 'artikel 1:255 BW'."""
    term: Ref | None = None
    """Id van het begrip in de woordenlijst dat deze maatregel uitlegt (data/begrip/)."""


class Law(_Themed):
    """Een wet of regeling rond jeugdhulp en jeugdbescherming."""

    abbreviation: Abbreviation
    """Korte naam. Voorbeeld: 'Wvggz'."""
    official_title: Title
    """Officiële titel zoals op wetten.overheid.nl."""
    bwbr: Annotated[str, StringConstraints(pattern=r"^BWBR\d{7}$")]
    """Identificatie op wetten.overheid.nl. Voorbeeld: 'BWBR0034925'."""
    url: Url
    """Link naar de officiële tekst op wetten.overheid.nl."""
    in_force: fact(date)  # type: ignore[valid-type]
    """Sinds wanneer de wet geldt (JJJJ-MM-DD), of onbekend met uitleg."""
    for_whom: Text
    """Voor wie de wet is bedoeld."""
    ages: Text
    """Leeftijdsgrenzen in gewone woorden."""
    who_decides: Text
    """Wie beslist over hulp of maatregelen onder deze wet."""
    how_to_apply: Text
    """Hoe iemand hulp aanvraagt of hoe een maatregel wordt aangevraagd."""
    measures: list[Measure] = []
    """De belangrijkste maatregelen of voorzieningen."""


class RegionalTeam(StrictModel):
    """Het regionaal expertteam (RET) van een jeugdregio. Alleen gegevens uit een bron; anders onbekend."""

    name: FactText
    """Naam van het team zoals de regio hem gebruikt, of onbekend."""
    website: FactUrl
    """Webpagina van het team, of onbekend met uitleg waar die te vinden is."""
    email: FactEmail
    """Algemeen e-mailadres van het team (nooit een persoonlijk adres), of onbekend."""
    phone: FactPhone
    """Algemeen telefoonnummer van het team, of onbekend."""
    note: Text | None = None
    """Wat we verder over het team weten, met bron in 'sources' van het record."""


class Municipality(StrictModel):
    """Een gemeente in de jeugdregio."""

    name: Title
    """Naam van de gemeente. Voorbeeld: 'Hilversum'."""
    code: Annotated[str, StringConstraints(pattern=r"^GM\d{4}$")]
    """CBS-gemeentecode. Voorbeeld: 'GM0402'."""
    website: FactUrl | None = None
    """Officiële website van de gemeente, uit een open dataset van de overheid (noem die bij de bronnen), of onbekend met uitleg."""
    former_names: list[Title] = []
    """Namen van gemeenten die sinds 2016 in deze gemeente zijn opgegaan, zodat zoeken op de oude naam werkt."""
    other_names: list[Title] = []
    """Andere namen waarmee mensen de gemeente zoeken. Voorbeeld: 'Den Haag' bij 's-Gravenhage."""
    certain: bool = True
    """false als niet zeker is dat de gemeente (nog) bij deze regio hoort; leg dat uit in 'note'."""
    note: Text | None = None
    """Toelichting, bijvoorbeeld over een wijziging van regio."""


class Region(_Themed):
    """Een jeugdregio: gemeenten die samen jeugdhulp inkopen en organiseren."""

    cbs_code: Annotated[str, StringConstraints(pattern=r"^JZ\d{2}$")]
    """CBS-code van de jeugdregio. Voorbeeld: 'JZ16'."""
    other_names: list[Title] = []
    """Andere namen van de regio, uit een bron: de CBS-naam of een oudere naam. Voorbeeld: 'Noord-Kennemerland'."""
    provinces: Annotated[list[Title], Field(min_length=1)]
    """Provincie(s) waarin de regio ligt."""
    municipalities: Annotated[list[Municipality], Field(min_length=1)]
    """De gemeenten van de regio."""
    ret: RegionalTeam
    """Het regionaal expertteam (RET) van de regio."""
    network: Ref
    """Id van het bovenregionaal expertisenetwerk (BEN) waar de regio bij hoort (data/netwerk/)."""
    network_basis: Text
    """Hoe we weten bij welk BEN de regio hoort. Voorbeeld: 'afgeleid uit de provincie; bijlage 1 van de regeling niet ingezien'."""
    care_office_regions: fact(Annotated[list[Text], Field(min_length=1)])  # type: ignore[valid-type]
    """Zorgkantoorregio('s) voor de Wlz in dit gebied, of onbekend."""


class Network(_Themed):
    """Een bovenregionaal expertisenetwerk jeugd (BEN)."""

    short_name: Title
    """Korte naam. Voorbeeld: 'BEN Noord-Nederland'."""
    provinces: Annotated[list[Title], Field(min_length=1)]
    """Provincie(s) die het netwerk bedient."""
    coordinating_municipality: FactText
    """De gemeente die namens de regio's opdrachtgever is, of onbekend."""
    website: FactUrl
    """Website van het netwerk, of onbekend."""
    offers: Annotated[list[Text], Field(min_length=1)]
    """Wat het netwerk biedt, elk punt in één zin."""


class Resource(_Themed):
    """Een document, hulpmiddel of website om verder te lezen."""

    kind: Literal["document", "rapport", "website", "hulpmiddel", "video", "artikel", "wettekst"]
    """Soort: document, rapport, website, hulpmiddel, video, artikel of wettekst."""
    publisher: FactText
    """Wie het uitgeeft, of onbekend."""
    year: FactYear
    """Jaar van uitgave, of onbekend."""
    url: FactUrl
    """Waar het te vinden is, of onbekend met uitleg."""


class Lesson(_Themed):
    """Een les uit casusevaluaties: een knooppunt of een succesfactor."""

    level: Literal["gezin", "professional", "organisatie", "stelsel"]
    """Op welk niveau de les speelt: gezin, professional, organisatie of stelsel."""
    kind: Literal["knooppunt", "succesfactor", "aanbeveling"]
    """Knooppunt (wat vastloopt), succesfactor (wat helpt) of aanbeveling."""


class Term(_Themed):
    """Een begrip of afkorting uit de jeugdzorg."""

    abbreviation: Abbreviation | None = None
    """De afkorting, als die er is. Voorbeeld: 'OTS'."""
    synonyms: list[Title] = []
    """Andere woorden die mensen gebruiken voor hetzelfde. Ze helpen bij zoeken."""
    definition: Text
    """Korte uitleg in één of twee zinnen, in gewoon Nederlands. Verschijnt ook als uitleg bij de afkorting."""
    en: TermTranslation | None = None
    """De Engelse vertaling (titel, uitleg, Engelse zoekwoorden en de datum van nakijken). Zonder vertaling heeft het begrip geen Engelse pagina."""


class Contact(_Themed):
    """Een organisatie of hulplijn waar ouders, jongeren of professionals terechtkunnen."""

    helps_with: Annotated[list[Text], Field(min_length=1)]
    """Waarvoor je hier terechtkunt, elk punt kort."""
    phone: FactPhone | None = None
    """Telefoonnummer uit een bron, of onbekend. Laat weg als de organisatie geen telefoonnummer heeft."""
    website: FactUrl | None = None
    """Website uit een bron, of onbekend."""
    email: FactEmail | None = None
    """Algemeen e-mailadres uit een bron, of onbekend."""
    hours: Text | None = None
    """Wanneer de organisatie bereikbaar is, als een bron dat zegt."""
    cost: Text | None = None
    """Wat het kost, als een bron dat zegt. Voorbeeld: 'gratis'."""
    en: ContactTranslation | None = None
    """De Engelse vertaling (titel, waarvoor je er terechtkunt, Engelse zoekwoorden en de datum van nakijken). Nummers en adressen komen uit dit record."""
