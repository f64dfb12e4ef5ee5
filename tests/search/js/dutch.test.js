// Unit tests of the Dutch text rules (docs/assets/javascripts/search/dutch.js).
// Run: node --test tests/search/js/   (also run by `make test` through tests/search/test_js_units.py)
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const dutch = require("../../../docs/assets/javascripts/search/dutch.js");

test("normalise: lower case without accents", () => {
  assert.equal(dutch.normalise("Café Één Ëindhoven"), "cafe een eindhoven");
});

test("words: normalised words, ordinals become numbers, punctuation splits", () => {
  assert.deepEqual(dutch.words("Wat is de 18e verjaardag? 21ste keer, jeugdregio's"),
    ["wat", "is", "de", "18", "verjaardag", "21", "keer", "jeugdregio", "s"]);
  assert.deepEqual(dutch.words("  ?! "), []);
  assert.deepEqual(dutch.words("Café-bezoek"), ["cafe", "bezoek"]);
});

test("rawWords: words as typed, lower case with accents kept", () => {
  assert.deepEqual(dutch.rawWords("Café-bezoek, ÉÉN keer"), ["café", "bezoek", "één", "keer"]);
});

test("stop words: function words carry no meaning, content words and numbers do", () => {
  for (const w of ["de", "het", "een", "op", "wat", "mijn", "ben", "mn", "zo'n"]) assert.ok(dutch.isStopWord(w), w);
  for (const w of ["jeugdzorg", "kind", "ots", "13"]) assert.ok(!dutch.isStopWord(w), w);
  assert.deepEqual(dutch.meaningful(["wat", "is", "x", "ots", "13", "ben"]), ["ots", "13"]);
  assert.deepEqual(dutch.meaningful(["een", "ben"], new Set(["ben"])), ["ben"]);
});

test("inflections: a word plus a short Dutch ending is the same word", () => {
  assert.ok(dutch.same("kind", "kinderen"));
  assert.ok(dutch.same("plaatsen", "plaats"));
  assert.ok(dutch.same("scheiding", "scheidingen"));
  assert.ok(dutch.same("huis", "huisje"));
  assert.ok(!dutch.same("wet", "wetten"), "shorter than four letters: no ending rule");
  assert.ok(!dutch.same("zorg", "zorgverzekeraar"), "a compound is not an inflection");
});

test("inflections: a one-word phrase must be typed as such, in a longer phrase each word may carry an ending", () => {
  assert.ok(dutch.contains(["ots", "aanvragen"], ["ots"]));
  assert.ok(!dutch.contains(["otsen"], ["ots"]));
  assert.ok(dutch.contains(["kinderen", "weghalen", "nu"], ["kind", "weghalen"]));
  assert.ok(!dutch.contains(["kinderen"], ["kind", "weghalen"]));
});

test("derivations: two forms of one stem of five or more letters", () => {
  assert.ok(dutch.sibling("begeleider", "begeleiding"));
  assert.ok(dutch.sibling("kwetsbaar", "kwetsbaarheid"));
  assert.ok(!dutch.sibling("depressie", "depressief"), "the stem is the longest common start");
  assert.ok(!dutch.sibling("zorg", "zorgen"), "stem shorter than five letters");
});

test("verb forms: regular present, plural and participle forms", () => {
  assert.ok(dutch.verbForms("woont").includes("wonen"));
  assert.ok(dutch.verbForms("stopt").includes("stoppen"));
  assert.ok(dutch.verbForms("slaat").includes("slaan"));
  assert.ok(dutch.verbForms("betaalt").includes("betalen"));
  assert.ok(dutch.verbForms("gewoond").includes("wonen"));
  assert.ok(dutch.verbForms("wonen").includes("woont"));
  assert.deepEqual(dutch.verbForms("zet"), []);
  assert.ok(!dutch.verbForms("woont").includes("woont"), "never the word itself");
});

test("separable verbs: a particle elsewhere in the query joins the verb, in particle order", () => {
  const typed = dutch.words("mijn ex zet de kinderen tegen mij op");
  assert.deepEqual(dutch.separableForms("zet", typed), ["opzet", "opgezet", "tegenzet", "tegengezet"]);
  assert.deepEqual(dutch.separableForms("zet", ["zet", "de", "kinderen"]), []);
  assert.deepEqual(dutch.separableForms("ga", ["ga", "op"]), [], "words under three letters are not joined");
});

test("compounds: longest known head first, linking -s- and -e- allowed", () => {
  const known = (list) => (w) => list.includes(w);
  assert.deepEqual(dutch.splitCompound("veiligthuis", known(["veilig", "thuis"])), ["veilig", "thuis"]);
  assert.deepEqual(dutch.splitCompound("beschermingsplan", known(["bescherming", "plan"])), ["bescherming", "plan"]);
  assert.deepEqual(dutch.splitCompound("pleegzorgteam", known(["pleeg", "pleegzorg", "zorgteam", "team"])),
    ["pleegzorg", "team"]);
  assert.equal(dutch.splitCompound("veiligthuis", known(["veilig"])), null);
  assert.equal(dutch.splitCompound("opzorgen", known(["op", "zorgen"])), null, "a head of two letters is not split off");
  assert.equal(dutch.splitCompound("jeugdwet", known(["jeugd", "wet"])), null, "a tail of three letters is not split off");
});

test("typo edits: swapped neighbours count as one edit; beyond the maximum is Infinity", () => {
  assert.equal(dutch.editDistance("plaatsnig", "plaatsing", 2), 1);
  assert.equal(dutch.editDistance("kinderechter", "kinderrechter", 1), 1);
  assert.equal(dutch.editDistance("jeugdzorg", "jeugdzorg", 1), 0);
  assert.equal(dutch.editDistance("jeugdzrog", "jeugdzorg", 0), Infinity);
  assert.equal(dutch.editDistance("abc", "abcdef", 2), Infinity);
});

test("typo edits: none under five letters, one edit under nine, two from nine, most frequent first, three at most", () => {
  const frequency = (w) => ({ plaatsing: 5, plaatsingen: 1, plaatsen: 9 }[w] || 0);
  assert.deepEqual(dutch.nearWords("zorh", ["zorg"], frequency), []);
  assert.deepEqual(dutch.nearWords("plaatsnig", ["plaatsing", "plaatsen", "pleegzorg"], frequency), ["plaatsing"]);
  assert.deepEqual(dutch.nearWords("plaatsin", ["plaatsing", "plaatsen"], frequency), ["plaatsen", "plaatsing"]);
  assert.deepEqual(dutch.nearWords("plaatig", ["plaatsing"], frequency), [], "two edits in a word under nine letters");
  assert.deepEqual(dutch.nearWords("uithuisplatsng", ["uithuisplaatsing"], frequency), ["uithuisplaatsing"]);
  assert.deepEqual(dutch.nearWords("kinderx", ["kindera", "kinderb", "kinderc", "kinderd", "kin"], () => 0),
    ["kindera", "kinderb", "kinderc"], "ties keep the vocabulary's order");
});

test("capitals rule: an abbreviation that is also a function word counts in capitals, alone or after an article", () => {
  const abbreviations = new Set(["ben", "wet", "ots"]);
  assert.deepEqual([...dutch.keptAbbreviations("wat is een BEN", abbreviations)], ["ben"]);
  assert.deepEqual([...dutch.keptAbbreviations("wat doet de BEN", abbreviations)], ["ben"]);
  assert.deepEqual([...dutch.keptAbbreviations("ben", abbreviations)], ["ben"]);
  assert.deepEqual([...dutch.keptAbbreviations("wat is een ben", abbreviations)], ["ben"]);
  assert.deepEqual([...dutch.keptAbbreviations("ik ben moe", abbreviations)], []);
  assert.deepEqual([...dutch.keptAbbreviations("ik Ben moe", abbreviations)], [], "one capital is not capitals");
  assert.deepEqual([...dutch.keptAbbreviations("OTS aanvragen", abbreviations)], [], "not a function word: nothing to keep");
});

test("capitals rule: a place name that is also a word is a place with a capital, alone, after a cue, never after 'de'", () => {
  const places = new Map([["buren", ["rivierenland"]], ["bergen op zoom", ["west-brabant-west"]], ["utrecht", ["utrecht"]]]);
  const common = new Set(["buren"]);
  const names = (q) => dutch.placesIn(q, places, common, 3).map((p) => p.name);
  assert.deepEqual(names("geweld bij de buren"), []);
  assert.deepEqual(names("geweld bij de Buren"), ["buren"]);
  assert.deepEqual(names("buren"), ["buren"]);
  assert.deepEqual(names("jeugdhulp in buren voor pubers"), ["buren"]);
  assert.deepEqual(names("ruzie met lastige buren altijd"), []);
  assert.deepEqual(names("jeugdhulp utrecht voor pubers"), ["utrecht"], "not a common word: always a place");
  assert.deepEqual(dutch.placesIn("wijkteam Bergen op Zoom", places, common, 3),
    [{ name: "bergen op zoom", region: ["west-brabant-west"] }]);
});
