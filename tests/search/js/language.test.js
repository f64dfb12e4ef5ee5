// Unit tests of the query language (docs/assets/javascripts/search/language.js) on a few invented
// documents: English and Dutch questions are told apart, a tie follows the reader's page, English
// function words are dropped, and the query's language comes first without reordering within it.
// Run: node --test tests/search/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const language = require("../../../docs/assets/javascripts/search/language.js");

const docs = [
  { location: "begrip/ots/", title: "Ondertoezichtstelling", text: "De kinderrechter beslist over een OTS." },
  { location: "en/begrip/ots/", title: "Family supervision order (OTS)", text: "The judge decides. Dutch word: ondertoezichtstelling." },
  { location: "contact/112/", title: "112: alarmnummer", text: "Bel bij direct gevaar." },
  { location: "en/contact/112/", title: "112: emergency number", text: "Call when there is danger right now." },
];

test("function words and one-language words decide the language", () => {
  const detector = language.createDetector(docs);
  assert.equal(detector.detect("who can I call if my child is in danger"), "en");
  assert.equal(detector.detect("wie kan ik bellen als mijn kind in gevaar is"), "nl");
  assert.equal(detector.detect("emergency number"), "en"); // words found on English pages only
  assert.equal(detector.detect("alarmnummer"), "nl");
});

test("a word on pages of both languages decides nothing: the reader's page does", () => {
  assert.equal(language.createDetector(docs).detect("ondertoezichtstelling"), "nl");
  assert.equal(language.createDetector(docs, { pageLanguage: "en" }).detect("ondertoezichtstelling"), "en");
  assert.equal(language.createDetector(docs, { pageLanguage: "en" }).detect("OTS"), "en");
});

test("an English query loses its function words; a Dutch query stays as typed", () => {
  assert.equal(language.focus("what is a wijkteam", "en"), "wijkteam");
  assert.equal(language.focus("what is the", "en"), "what is the"); // nothing left: keep the query
  assert.equal(language.focus("wat is een wijkteam", "nl"), "wat is een wijkteam");
});

test("the query's language first, each language in its own order", () => {
  const ranked = [
    { location: "en/contact/112/", score: 9 },
    { location: "contact/112/", score: 8 },
    { location: "en/begrip/ots/", score: 7 },
    { location: "begrip/ots/", score: 6 },
  ];
  assert.deepEqual(language.prefer(ranked, "nl").map((r) => r.location),
    ["contact/112/", "begrip/ots/", "en/contact/112/", "en/begrip/ots/"]);
  assert.deepEqual(language.prefer(ranked, "en").map((r) => r.location),
    ["en/contact/112/", "en/begrip/ots/", "contact/112/", "begrip/ots/"]);
  assert.equal(language.prefer(null, "en"), null);
});
