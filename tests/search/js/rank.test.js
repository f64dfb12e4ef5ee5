// Unit tests of finding and ranking (docs/assets/javascripts/search/rank.js) on a small
// invented index (toy.js): the principles of tests/search/test_ranking.py, without a build,
// a browser or Material. Where a principle rests on one piece of data, the test also shows
// that the order changes without it.
// Run: node --test tests/search/js/   (also run by `make test` through tests/search/test_js_units.py)
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const rank = require("../../../docs/assets/javascripts/search/rank.js");
const toy = require("./toy.js");

const MODULES = path.join(__dirname, "../../../docs/assets/javascripts/search");
const index = rank.createIndex(toy.docs, toy.data);

function top(query, data = toy.data) {
  const ix = data === toy.data ? index : rank.createIndex(toy.docs, data);
  return (ix.rank(query) || []).map((r) => "/" + r.location);
}

test("the whole question beats one common word in a title", () => {
  // "jeugdzorg" is on many pages, "weghalen" only in a keyword of one.
  assert.equal(top("jeugdzorg wil mijn kinderen weghalen")[0], "/begrip/uithuisplaatsing/");
  assert.equal(top("jeugdzorg wil mijn kinderen weghalen", { ...toy.data, pages: {} })[0], "/begrip/jeugdzorg/");
});

test("a keyword phrase matches in other words, order and inflection (everyday word families)", () => {
  const query = "mijn dochter wil haar vader niet meer zien";
  assert.equal(top(query)[0], "/begrip/ouderverstoting/");
  assert.equal(top(query, { ...toy.data, families: {} })[0], "/les/zien-en-gezien-worden/");
  assert.equal(top("opgezet tegen mij kind")[0], "/begrip/ouderverstoting/");
});

test("a separable verb is joined again", () => {
  // "zet ... op" is "opzetten", participle "opgezet"; else "Kinderen centraal" (a title word) wins.
  const results = top("mijn ex zet de kinderen tegen mij op");
  assert.equal(results[0], "/begrip/ouderverstoting/");
  assert.equal(results[1], "/les/kinderen-centraal/");
});

test("everyday question words do not outweigh the subject", () => {
  const query = "wat gebeurt er meestal bij dwang, wat is het verschil";
  assert.equal(top(query)[0], "/begrip/drang-en-dwang/");
  assert.equal(top(query, { ...toy.data, common: [] })[0], "/les/samen-beslissen/");
});

test("swapped letters count as one typo", () => {
  assert.equal(top("uithuisplaatsnig")[0], "/begrip/uithuisplaatsing/");
});

test("an overview page asked for by name is found despite its low weight", () => {
  assert.ok(top("jeugdregio's").slice(0, 3).includes("/regio/overzicht/"));
});

test("sources and see-also sections do not make a page an answer", () => {
  // Every toy page names "Rapport over jeugdzorg en kinderen" among its sources.
  assert.equal(top("jeugdzorg rapport")[0], "/begrip/jeugdzorg/");
  assert.ok(!top("rapport").length, "words only in the sources find nothing");
});

test("a place name that is also a word is read as the word after 'de'", () => {
  assert.equal(top("geweld bij de buren")[0], "/contact/veilig-thuis/");
  assert.equal(top("jeugdhulp Buren")[0], "/regio/rivierenland/");
  assert.equal(top("buren")[0], "/regio/rivierenland/");
});

test("an abbreviation that is also a function word counts in capitals", () => {
  assert.equal(top("wat is een BEN")[0], "/begrip/ben/");
  assert.equal(top("BEN")[0], "/begrip/ben/");
});

test("a keyword phrase typed word for word counts with its function words", () => {
  // Without "wil", "geen" and "meer" only "hulp" is left, and "Meer hulp in huis" says it more.
  assert.equal(top("ik wil geen hulp meer")[0], "/begrip/hulpmoeheid/");
  const shorter = { ...toy.data, pages: { ...toy.data.pages, "begrip/hulpmoeheid/": { boost: 1.2, keywords: ["hulp meer"] } } };
  assert.equal(top("ik wil geen hulp meer", shorter)[0], "/les/meer-hulp/");
});

test("rank: best first with ties by page order, nothing for an empty query or index", () => {
  const ranked = index.rank("jeugdzorg");
  for (let i = 1; i < ranked.length; i++) {
    assert.ok(ranked[i - 1].score > ranked[i].score ||
      (ranked[i - 1].score === ranked[i].score && ranked[i - 1].page < ranked[i].page));
  }
  assert.equal(index.rank("wat is het"), null);
  assert.equal(index.rank(""), null);
  assert.equal(rank.createIndex([], {}).rank("jeugdzorg"), null);
  assert.equal(index.pageCount(), 14);
});

test("finding: query words, region, glossary term, compounds joined and split, typos, each with its weight", () => {
  const W = rank.WEIGHTS;
  assert.deepEqual(index.terms("wat is een BEN in Buren"), [
    { term: "ben", boost: W.findWord, prefix: true },
    { term: "buren", boost: W.findWord, prefix: true },
    { term: "rivierenland", boost: W.findRegion, prefix: false },
    { term: "bovenregionaal", boost: W.findSynonym, prefix: false },
    { term: "expertisenetwerk", boost: W.findSynonym, prefix: false },
  ]);
  assert.deepEqual(index.terms("uithuisplaatsnig"), [
    { term: "uithuisplaatsnig", boost: W.findWord, prefix: true },
    { term: "uithuisplaatsing", boost: W.findTypo, prefix: false },
  ]);
  const compounds = rank.createIndex([...toy.page("begrip/expertteam", "Expertteam", "Het expertteam van de regio."),
    ...toy.page("contact/veilig-thuis", "Veilig Thuis", "Bel ons.")], {});
  assert.ok(compounds.terms("expert team").some((t) => t.term === "expertteam" && t.boost === W.findCompound));
  assert.ok(compounds.terms("veiligthuis").some((t) => t.term === "veilig" && t.boost === W.findCompoundPart));
  assert.deepEqual(index.terms("de"), [{ term: "de", boost: W.findWord, prefix: true }], "only function words: kept");
  assert.equal(index.terms("?!"), null);
});

test("summary: a page found through its keywords shows its own document and its first answering section", () => {
  const i = index.rank("kinderen weghalen")[0].page;
  assert.deepEqual(index.summary(i).map((d) => d.location), ["begrip/uithuisplaatsing/", "begrip/uithuisplaatsing/#uithuisplaatsing"]);
  assert.equal(rank.pageOf("begrip/ots/#uitleg"), "begrip/ots/");
});

test("a stemmer passed in joins word forms, called only when ranking starts", () => {
  const calls = [];
  const stem = (w) => { calls.push(w); return { kids: "kind", kinderen: "kind" }[w] || w; };
  const docs = toy.page("les/kinderen-centraal", "Kinderen centraal", "Kijk naar wat kinderen nodig hebben.");
  const ix = rank.createIndex(docs, {}, { stem });
  assert.equal(calls.length, 0);
  assert.deepEqual(ix.rank("kids").map((r) => r.location), ["les/kinderen-centraal/"]);
  assert.ok(calls.length > 0);
  assert.deepEqual(rank.createIndex(docs, {}).rank("kids"), [], "without a stemmer a word is its own stem");
});

test("state lives per index: two indexes with different data do not affect each other", () => {
  const query = "mijn dochter wil haar vader niet meer zien";
  const withFamilies = rank.createIndex(toy.docs, toy.data);
  const first = withFamilies.rank(query);
  const without = rank.createIndex(toy.docs, { ...toy.data, families: {} });
  assert.equal(without.rank(query)[0].location, "les/zien-en-gezien-worden/");
  assert.deepEqual(withFamilies.rank(query), first);
});

test("WEIGHTS: frozen, finite numbers, each with a comment saying what it does", () => {
  assert.ok(Object.isFrozen(rank.WEIGHTS));
  for (const [name, value] of Object.entries(rank.WEIGHTS)) assert.ok(Number.isFinite(value), name);
  const source = fs.readFileSync(path.join(MODULES, "rank.js"), "utf8");
  const block = source.slice(source.indexOf("var WEIGHTS = Object.freeze({"), source.indexOf("});", source.indexOf("var WEIGHTS")));
  const lines = block.split("\n");
  for (const name of Object.keys(rank.WEIGHTS)) {
    const at = lines.findIndex((l) => l.trim().startsWith(name + ":"));
    assert.ok(at > 0 && lines[at - 1].trim().startsWith("//"), `WEIGHTS.${name} has no comment above it`);
  }
});

test("the modules load as classic scripts (as the worker's importScripts does): two globals, nothing else", () => {
  const context = vm.createContext({});
  context.self = context;
  for (const file of ["dutch.js", "rank.js"]) vm.runInContext(fs.readFileSync(path.join(MODULES, file), "utf8"), context);
  assert.deepEqual(Object.keys(context).sort(), ["RwDutch", "RwRank", "self"]);
  const ix = context.RwRank.createIndex(toy.docs, toy.data);
  assert.equal(ix.rank("uithuisplaatsnig")[0].location, "begrip/uithuisplaatsing/");
});

test("the modules know nothing of workers, Material or lunr", () => {
  for (const file of ["dutch.js", "rank.js"]) {
    const code = fs.readFileSync(path.join(MODULES, file), "utf8").replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "");
    for (const word of ["importScripts", "postMessage", "addEventListener", "lunr", "material", "fetch("]) {
      assert.ok(!code.toLowerCase().includes(word.toLowerCase()), `${file} uses ${word}`);
    }
  }
});

test("a query word that is a property of every JavaScript object is just an unknown word", () => {
  // "constructor" once threw (the word families were a plain object), and the worker fell back
  // to Material's own order.
  for (const query of ["constructor", "__proto__", "toString", "hasOwnProperty", "mijn kind constructor"]) {
    assert.doesNotThrow(() => index.rank(query), query);
    assert.doesNotThrow(() => index.terms(query), query);
  }
  assert.deepEqual(top("constructor"), []);
  const families = Object.assign(Object.create(null), toy.data.families, { constructor: ["kind"] });
  assert.equal(top("constructor", { ...toy.data, families })[0], "/les/kinderen-centraal/",
    "a real family entry of that name still counts");
});

test("answers: no good answer when nothing is found or the best page scores below the threshold", () => {
  const limit = rank.WEIGHTS.noAnswer;
  assert.equal(rank.answers(null), false);
  assert.equal(rank.answers([]), false);
  assert.equal(rank.answers([{ score: limit }]), true);
  assert.equal(rank.answers([{ score: limit - 0.01 }, { score: 100 }]), false, "only the best page counts");
  // On the toy index: a page's own title is an answer; a word only in filler text, one generic
  // word, and a word the index does not have are not.
  assert.equal(rank.answers(index.rank("uithuisplaatsing")), true);
  assert.equal(rank.answers(index.rank("jeugdzorg wil mijn kinderen weghalen")), true);
  assert.equal(rank.answers(index.rank("woord3")), false);
  assert.equal(rank.answers(index.rank("hulp")), false);
  assert.equal(rank.answers(index.rank("banaan")), false);
});

test("rank: each page says how much of the query it answers (coverage 0..1)", () => {
  const ranked = index.rank("uithuisplaatsing banaan");
  assert.equal(ranked[0].location, "begrip/uithuisplaatsing/");
  assert.ok(ranked[0].coverage > 0 && ranked[0].coverage < 1, String(ranked[0].coverage));
  assert.equal(index.rank("uithuisplaatsing")[0].coverage, 1);
});
