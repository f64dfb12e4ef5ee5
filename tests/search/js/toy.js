// A small invented index for the ranking tests: the pages and data of tests/search/test_ranking.py,
// as the MkDocs search documents and rw-search.json would hold them. Not a test file itself.
"use strict";

const FILLER = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(" ");

function doc(location, title, text = "", boost = 1) {
  return { location, title, text, tags: [], boost };
}

// A record page as MkDocs indexes it: the page itself, then its sections.
function page(slug, title, text, boost = 1) {
  const anchor = slug.split("/").pop();
  return [
    doc(`${slug}/`, title, "", boost),
    doc(`${slug}/#${anchor}`, title, `<p>${text} ${FILLER}</p>`, boost),
    doc(`${slug}/#bronnen`, "Bronnen", "<ul><li>Rapport over jeugdzorg en kinderen</li></ul>", boost),
  ];
}

const docs = [
  ...page("begrip/jeugdzorg", "Jeugdzorg", "Jeugdzorg is alle hulp aan kinderen."),
  ...page("begrip/uithuisplaatsing", "Uithuisplaatsing",
    "Een kind gaat ergens anders wonen, soms tegen de wil van de ouders. Jeugdzorg zoekt een plek."),
  ...page("begrip/drang-en-dwang", "Drang en dwang", "Hulp in de jeugdzorg onder druk of op bevel van de rechter."),
  ...page("les/samen-beslissen", "Samen beslissen", "Wat gebeurt er meestal als ouders zelf het verschil maken?"),
  ...page("begrip/ouderverstoting", "Ouderverstoting", "Een kind wijst een ouder af. Ook jeugdzorg ziet dat."),
  ...page("les/kinderen-centraal", "Kinderen centraal", "Kijk eerst naar wat kinderen nodig hebben."),
  ...page("les/zien-en-gezien-worden", "Zien en gezien worden", "Professionals zien het gezin."),
  ...page("les/ouders-aan-tafel", "Ouders aan tafel", "Ouders praten mee over het plan."),
  ...page("regio/rivierenland", "Rivierenland", "Jeugdregio met onder meer de gemeente Buren."),
  ...page("contact/veilig-thuis", "Veilig Thuis", "Zorgen om geweld thuis of bij de buren? Bel ons."),
  ...page("begrip/ben", "Bovenregionaal expertisenetwerk", "Een netwerk van experts voor heel moeilijke vragen."),
  ...page("begrip/hulpmoeheid", "Hulpverleningsmoeheid", "Een gezin is op van alle hulpverleners."),
  ...page("les/meer-hulp", "Meer hulp in huis", "Hulp thuis helpt, hulp dichtbij helpt meer."),
  ...page("regio/overzicht", "Jeugdregio's", "Alle regio's op een rij.", 0.3),
];

const data = {
  synonyms: { ben: ["bovenregionaal", "expertisenetwerk"] },
  places: { buren: ["rivierenland"] },
  abbreviations: ["ben"],
  families: { dochter: ["kind"], vader: ["ouder"] },
  common: ["gebeurt", "meestal", "verschil", "maken", "buren"],
  pages: {
    "begrip/uithuisplaatsing/": { boost: 1.2, keywords: ["kinderen weghalen", "kind uit huis"] },
    "begrip/hulpmoeheid/": { boost: 1.2, keywords: ["ik wil geen hulp meer"] },
    "begrip/ouderverstoting/": { boost: 1.2, keywords: ["kind wil ouder niet meer zien", "kind tegen mij opgezet"] },
  },
};

module.exports = { docs, data, doc, page };
