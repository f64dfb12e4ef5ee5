/* Routewijzer search worker: the bridge to Material for MkDocs' search worker.
 *
 * Wraps Material's lunr search worker (loaded with importScripts from the same folder when
 * the index arrives, so its relative paths to the lunr language files keep working), and
 * hands each query to Routewijzer's own search (../search/dutch.js: Dutch text rules;
 * ../search/rank.js: finding and ranking; ../search/language.js: English or Dutch), built from Material's documents and rw-search.json,
 * which the build writes from data/. Per query:
 *
 * 1. Finding: the words our index says to look for become weighted lunr clauses, so lunr
 *    returns every candidate page and Material highlights the words.
 * 2. Ranking: our index ranks the pages; Material's answer is put in that order on its way
 *    out (a page lunr missed gets a plain group of its own).
 * 3. No good answer: when the best page scores below RwRank's threshold (or nothing is found),
 *    a first result group says so and points to help (NO_ANSWER below), in the page's language.
 *
 * This file knows Material's messages and result format; the modules know neither. Any error
 * in our steps falls back to Material's own order: the search keeps working.
 *
 * Written for Material for MkDocs 9.8 (pyproject.toml pins that minor version;
 * tests/search/test_material_version.py fails when another one is installed). What this
 * bridge relies on, to check against a new Material version:
 * - its search worker is workers/search.<hash>.min.js (rw-search-config.js swaps config.search
 *   for this file and passes that name as ?material=), and registers exactly one "message"
 *   listener through the global addEventListener while it is imported;
 * - it answers through the global postMessage; message types SETUP 0 (data: {config, docs,
 *   options}), READY 1, QUERY 2 (data: the query string), RESULT 3 (data: {items: [groups]},
 *   each group a list of {location, title, text, score, terms} of one page, page first);
 * - its client sends no query before READY, which it answers SETUP with;
 * - it loads lunr's Dutch support for a Dutch site as self.lunr.nl.stemmer and self.lunr.Token;
 * - the lunr query syntax it passes on (term^boost, term*) and its transform that adds a
 *   wildcard to a term without a boost.
 */
"use strict";

// Material's message types (its worker's SearchMessageType).
var SETUP = 0;
var QUERY = 2;
var RESULT = 3;
// Our modules, relative to this worker; loaded together with Material's worker.
var MODULES = ["../search/dutch.js", "../search/rank.js", "../search/language.js"];
// The worker's own address: in the offline copy opened from disk, the worker runs in a frame
// (../rw-file-worker.js), which passes the address it was started with as RW_WORKER_URL.
var WORKER_URL = self.RW_WORKER_URL || self.location.href;
var params = new URL(WORKER_URL).searchParams;
var materialHandler = null;
var engine = null;             // our search index (RwRank.createIndex), built when the index arrives
var language = null;           // which language a query is in (RwLanguage.createDetector)
var loading = null;            // the promise of loadMaterial

var realAddEventListener = self.addEventListener.bind(self);

// Load our modules and Material's worker when the index arrives (the page asks for it only
// when someone is about to search), and capture the message listener Material registers, so
// we can call it ourselves. A worker's importScripts loads at once; the offline copy's frame
// loads script files one after another and returns a promise: both end in a promise here.
function loadMaterial() {
  if (loading !== null) return loading;
  var modules;
  if (!self.RwRank) {
    try { modules = importScripts.apply(self, MODULES); } catch (err) { console.warn(err); }
  }
  loading = Promise.resolve(modules).catch(function (err) { console.warn(err); }).then(function () {
    self.addEventListener = function (type, listener, options) {
      if (type === "message" && materialHandler === null) {
        materialHandler = listener;
        return;
      }
      return realAddEventListener(type, listener, options);
    };
    var material;
    try {
      material = importScripts(params.get("material"));
    } catch (err) {
      self.addEventListener = realAddEventListener;
      throw err;
    }
    return Promise.resolve(material).finally(function () { self.addEventListener = realAddEventListener; });
  });
  return loading;
}

// The Dutch stemmer of lunr's language support, which Material's worker loads for a Dutch
// site; until it is there (or without it) a word is its own stem.
function stem(word) {
  var stemmer = self.lunr && self.lunr.nl && self.lunr.nl.stemmer;
  return stemmer ? stemmer(new self.lunr.Token(word)).toString() : word;
}

function loadData() {
  if (self.RW_WORKER_URL) {
    // Opened from disk: nothing can be fetched, so the offline build also writes the data as a script.
    return Promise.resolve(importScripts("rw-search-data.js"))
      .then(function () { return self.RW_SEARCH_TERMS || {}; })
      .catch(function () { return {}; });
  }
  return fetch(new URL("rw-search.json", WORKER_URL).href)
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; });
}

function clause(term, boost, prefix) {
  // lunr syntax; a trailing ^N keeps Material's transform from adding its own wildcard.
  term = term.replace(/[^0-9a-z\u00c0-\u024f]/g, "");
  if (!term) return [];
  var out = [term + "^" + boost];
  if (prefix && term.length >= 4) out.push(term + "*^1");
  return out;
}

// The query as weighted lunr clauses (the query itself when it has no words).
function rewrite(query) {
  var terms = engine ? engine.terms(query) : null;
  if (!terms) return query;
  var clauses = [];
  terms.forEach(function (t) { clauses.push.apply(clauses, clause(t.term, t.boost, t.prefix)); });
  return clauses.join(" ");
}

// What the results say first when the best page is no good answer (RwRank.answers): one
// result group, in Material's format, that admits it and points to help, the glossary and the
// pages for parents and young people, in the language of the page the reader is on (?lang=,
// from rw-search-config.js): plain English on the English pages under en/. Each document carries
// rwNoAnswer, so the test harness can tell it from a page found; Material ignores the extra field.
// Locations are directory-style paths of pages the site has ("contact/#hulp-en-contact");
// realLocation turns them into the page's location in this build's index.
var NO_ANSWER = {
  nl: [
    { location: "contact/", title: "Hier hebben we geen goed antwoord op", text: "" },
    {
      location: "contact/#hulp-en-contact",
      title: "Vraag het iemand: hulp en contact",
      text: "<p>Onze pagina's gaan niet over wat je zoekt. Hier staan hulplijnen en organisaties " +
        "die je kunt bellen, mailen of chatten.</p>",
    },
    {
      location: "ouders/#voor-ouders-en-jongeren",
      title: "Voor ouders en jongeren",
      text: "<p>Is er nu gevaar? Hier staat wie je direct kunt bellen, en de vragen die ouders en jongeren vaak hebben.</p>",
    },
    {
      location: "begrip/#begrippen",
      title: "Begrippen",
      text: "<p>Zoek je wat een woord uit de jeugdzorg betekent? Hier staat het in gewone taal.</p>",
    },
  ],
  en: [
    { location: "en/contact/", title: "We do not have a good answer to this", text: "" },
    {
      location: "en/contact/#help-and-contacts",
      title: "Ask someone: help and contacts",
      text: "<p>Our pages are not about what you are looking for. Here you find help lines and " +
        "organisations that you can call, e-mail or chat with.</p>",
    },
    {
      location: "en/parents/#for-parents",
      title: "For parents",
      text: "<p>Is there danger right now? Here you find whom to call at once, and the questions parents often have.</p>",
    },
    {
      location: "en/young-people/#for-young-people",
      title: "For young people",
      text: "<p>Are you young and do you need help? Here you find whom you can talk to.</p>",
    },
    {
      location: "en/begrip/#words-you-may-meet-in-letters",
      title: "Words you may meet in letters",
      text: "<p>Do you want to know what a Dutch word from a letter means? Here it is explained in plain English.</p>",
    },
    {
      location: "en/#routewijzer-in-english",
      title: "Routewijzer in English",
      text: "<p>All our pages in English, and where to start.</p>",
    },
  ],
};
var NO_ANSWER_LANG = params.get("lang") === "en" ? "en" : "nl";

// Queries shorter than this are still being typed: no verdict on them.
var MIN_VERDICT_CHARS = 3;

// The offline copy opened from disk has pages as files: "contact/" is "contact/index.html" there,
// "ouders/" is "ouders.html".
var PAGES_AS_FILES = WORKER_URL.indexOf("file:") === 0;
var pageLocations = new Map();  // directory-style path ("ouders/") → the page's location in the index

// A location in the index as a directory-style path: "ouders.html" and "ouders/" → "ouders/",
// "contact/index.html" → "contact/", "index.html" → "".
function directoryPath(location) {
  var page = String(location).split("#")[0];
  if (!/\.html$/.test(page)) return page;
  page = page.replace(/\.html$/, "");
  if (page === "index") return "";
  return page.replace(/\/index$/, "") + "/";
}

function learnPages(docs) {
  pageLocations = new Map();
  docs.forEach(function (doc) {
    if (doc.location.indexOf("#") < 0) pageLocations.set(directoryPath(doc.location), doc.location);
  });
}

// A directory-style path ("ouders/#voor-ouders-en-jongeren") as the location of that page in
// this build: the same on a web server, "ouders.html#voor-ouders-en-jongeren" from disk.
function realLocation(location) {
  var hash = location.indexOf("#");
  var page = hash < 0 ? location : location.slice(0, hash);
  var anchor = hash < 0 ? "" : location.slice(hash);
  var found = pageLocations.get(page);
  if (found !== undefined) return found + anchor;
  return PAGES_AS_FILES ? page.replace(/\/$/, "/index.html") + anchor : location;
}

function noAnswerGroup(score) {
  return NO_ANSWER[NO_ANSWER_LANG].map(function (doc) {
    return Object.assign({}, doc, { location: realLocation(doc.location), score: score, terms: {}, rwNoAnswer: true });
  });
}

// Put Material's result groups (with its highlighting) in our order; a page lunr missed
// gets a plain group of its own. When the best page is no good answer, the results say so first.
function reorder(result, entry) {
  if (!entry || !result || !result.items || !engine) return result;
  var ranked = entry.ranked;
  var first = entry.weak ? [noAnswerGroup(ranked && ranked.length ? ranked[0].score : 0)] : [];
  if (!ranked) return first.length ? Object.assign({}, result, { items: first.concat(result.items) }) : result;
  var groups = new Map();
  result.items.forEach(function (group) { groups.set(self.RwRank.pageOf(group[0].location), group); });
  var items = [];
  var seen = new Set();
  ranked.slice(0, 50).forEach(function (r) {
    var group = groups.get(r.location);
    if (!group) {
      // Found through its keywords, which lunr does not index: show the page and its first
      // section (the summary).
      group = engine.summary(r.page).map(function (doc) { return Object.assign({}, doc, { score: r.score, terms: {} }); });
    }
    items.push(group);
    seen.add(r.location);
  });
  result.items.forEach(function (group) {
    if (!seen.has(self.RwRank.pageOf(group[0].location))) items.push(group);
  });
  return Object.assign({}, result, { items: first.concat(items) });
}

// Limits on one query: its length and its words (a question is a few dozen characters; the
// longest of the benchmarks' queries has 111 characters and 21 words). Beyond them the query is
// cut, never refused, so a long pasted text still finds something, and typo matching, phrase
// matching and lunr all stay cheap. The search box takes no more than MAX_QUERY_CHARS either
// (rw-search-config.js).
var MAX_QUERY_CHARS = 200;
var MAX_QUERY_WORDS = 32;

function capQuery(query) {
  var text = query.length > MAX_QUERY_CHARS ? query.slice(0, MAX_QUERY_CHARS) : query;
  var parts = text.split(/\s+/);
  return parts.length > MAX_QUERY_WORDS ? parts.slice(0, MAX_QUERY_WORDS).join(" ") : text;
}

realAddEventListener("message", function (ev) {
  loadMaterial().then(function () { handle(ev.data); });
});

function handle(message) {
  if (message && message.type === SETUP) {
    var docs = message.data.docs || [];
    try { learnPages(docs); } catch (err) { console.warn(err); }
    loadData().then(function (data) {
      try {
        engine = self.RwRank.createIndex(docs, data, { stem: stem });
      } catch (err) {
        console.warn(err);
        engine = null;
      }
      try {
        // The language of the page the reader is on (?lang=, from rw-search-config.js) decides a tie.
        language = self.RwLanguage.createDetector(docs, { pageLanguage: params.get("lang") });
      } catch (err) {
        console.warn(err);
        language = null;
      }
      materialHandler({ data: message });
    });
    return;
  }
  if (message && message.type === QUERY && typeof message.data === "string") {
    // A bounded amount of work per query, whatever is typed or pasted: the page never freezes.
    message = { type: QUERY, data: capQuery(message.data) };
    // Our own steps must never cost a visitor the search: on an error, Material's order.
    var ranked = null;
    var weak = false;
    var lunrQuery = message.data;
    // English or Dutch: an English question is asked without its function words, and the pages
    // of the question's language come first (../search/language.js).
    var lang = null;
    var asked = message.data;
    try {
      lang = language ? language.detect(message.data) : null;
      asked = self.RwLanguage.focus(message.data, lang);
    } catch (err) { console.warn(err); }
    try { ranked = engine ? engine.rank(asked) : null; } catch (err) { console.warn(err); }
    try {
      weak = !!engine && message.data.trim().length >= MIN_VERDICT_CHARS && !self.RwRank.answers(ranked);
    } catch (err) { console.warn(err); }
    try { ranked = lang ? self.RwLanguage.prefer(ranked, lang) : ranked; } catch (err) { console.warn(err); }
    try { lunrQuery = rewrite(asked); } catch (err) { console.warn(err); }
    pending.push({ ranked: ranked, weak: weak });  // exactly one per query handed to Material, which always answers
    message = { type: QUERY, data: lunrQuery };
  }
  materialHandler({ data: message });
}

// Material's worker answers with postMessage; a query's answer is reordered on its way out.
var pending = [];
var realPostMessage = self.postMessage;
self.postMessage = function (message) {
  if (message && message.type === RESULT && pending.length) {
    message = { type: RESULT, data: reorder(message.data, pending.shift()) };
  }
  return realPostMessage.apply(self, arguments.length > 1 ? [message, arguments[1]] : [message]);
};
