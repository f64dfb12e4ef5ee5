/* Routewijzer search worker.
 *
 * Wraps Material for MkDocs' lunr search worker (loaded with importScripts from the same
 * folder, so its relative paths to the lunr language files keep working) and rewrites each
 * query into weighted lunr clauses before Material's index sees it:
 *   - Dutch function words are dropped; each remaining word counts as an exact (stemmed)
 *     match, weighted up, and as a prefix match;
 *   - synonyms and abbreviations from the glossary and the laws (rw-search.json, generated
 *     from data/ on every build): "OTS" also searches "ondertoezichtstelling" and back, and
 *     a glossary phrase whose words all occur in the query ("kind uit huis") adds its term;
 *   - a municipality name, current, former or otherwise known ("Den Bosch", "Weesp"),
 *     adds the name of its jeugdregio with a high weight;
 *   - Dutch compounds: a word the index does not know is split into two words it does know
 *     ("jeugdbeschermingstafel" → "jeugdbescherming tafel"), and two adjacent words are joined
 *     when the index knows the compound ("expert team" → "expertteam");
 *   - small typos: a word the index does not know is matched to index words one or two
 *     edits away ("ondertoezigtstelling").
 * Material's own transformation (prefix wildcards, Dutch stemming, stop words) still applies.
 */
"use strict";

var SETUP = 0;
var QUERY = 2;
var params = new URL(self.location.href).searchParams;
var materialHandler = null;

// Capture the message listener Material's worker registers, so we can call it ourselves.
var realAddEventListener = self.addEventListener.bind(self);
self.addEventListener = function (type, listener, options) {
  if (type === "message" && materialHandler === null) {
    materialHandler = listener;
    return;
  }
  return realAddEventListener(type, listener, options);
};
importScripts(params.get("material"));
self.addEventListener = realAddEventListener;

var vocabulary = new Set();   // every word in the index, lower case, without accents
var prefixes = new Set();     // every prefix (3+ letters) of those words
var frequency = new Map();     // word → number of documents (pages and sections) it occurs in
var documents = 0;
var synonyms = [];            // [{words: [content words of the phrase], add: [expansion words]}]
var places = new Map();       // municipality name → words of its region's title
var abbreviations = new Set(); // glossary and law abbreviations: specific however often they occur
var maxPlaceWords = 1;

// Dutch function words: they carry no meaning in a question and, with Material's prefix
// wildcard, "de" or "op" would match half the site ("decentralisatie", "opvoeding").
var STOP = new Set(("aan al alle als ben bij daar dan dat de deze die dit doe doen door dus een en er " +
  "ga gaan geen hem het hier hij hoe hun ik in is ja je jij jou jouw jullie kan kun kunnen maar me meer " +
  "met mij mijn moet moeten na naar niet nog nu of om omdat ons onze ook op over te tegen toe tot u uit " +
  "van veel voor waar wanneer wat we wel welk welke wie wij wil willen wordt worden zal ze zelf zij zijn " +
  "zo zou zoals echt even steeds al maar iets iemand mag mogen heb hebben had word werd").split(" "));

function normalise(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function words(text) {
  // "18e", "21ste" → "18", "21": people write ordinals, pages write numbers.
  return normalise(text).replace(/\b(\d+)(e|ste|de)\b/g, "$1")
    .split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
}

// The words as typed (lower case, accents kept), because the index keeps accents too.
function rawWords(text) {
  return text.toLowerCase().split(/[^0-9a-z\u00c0-\u024f]+/).filter(function (w) { return w.length > 0; });
}

function learn(docs) {
  documents = docs.length;
  docs.forEach(function (doc) {
    var inDoc = new Set(words((doc.title || "") + " " + (doc.text || "").replace(/<[^>]+>/g, " ")));
    inDoc.forEach(function (w) {
      if (w.length < 2) return;
      vocabulary.add(w);
      frequency.set(w, (frequency.get(w) || 0) + 1);
      for (var i = 3; i <= w.length; i++) prefixes.add(w.slice(0, i));
    });
  });
}

// A word on more than one in twenty pages says little about what someone looks for
// ("hulp", "kind"): on its own it may not pull in a glossary term.
function generic(word) {
  return (frequency.get(word) || 0) > documents / 20;
}

function known(word) {
  return word.length < 3 ? vocabulary.has(word) : prefixes.has(word);
}

function splitCompound(word) {
  // Longest known head first; Dutch linking letters -s- and -e- may sit between the parts.
  for (var i = word.length - 3; i >= 3; i--) {
    var head = word.slice(0, i);
    var tail = word.slice(i);
    if (!vocabulary.has(head)) continue;
    if (tail.length >= 4 && vocabulary.has(tail)) return [head, tail];
    if ((tail[0] === "s" || tail[0] === "e") && tail.length > 4 && vocabulary.has(tail.slice(1))) return [head, tail.slice(1)];
  }
  return null;
}

function editDistanceAtMost(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return false;
  var prev = [];
  for (var j = 0; j <= b.length; j++) prev[j] = j;
  for (var i = 1; i <= a.length; i++) {
    var cur = [i];
    var rowMin = i;
    for (var k = 1; k <= b.length; k++) {
      var cost = a[i - 1] === b[k - 1] ? 0 : 1;
      cur[k] = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost);
      if (cur[k] < rowMin) rowMin = cur[k];
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

function nearWords(word) {
  if (word.length < 5) return [];
  var max = word.length >= 9 ? 2 : 1;
  var found = [];
  vocabulary.forEach(function (candidate) {
    if (candidate.length < 4) return;
    if (editDistanceAtMost(word, candidate, max)) found.push(candidate);
  });
  found.sort(function (a, b) { return (frequency.get(b) || 0) - (frequency.get(a) || 0); });
  return found.slice(0, 3);
}

// A light stemmer for synonym matching: two words are "the same" when one is the other plus
// a short Dutch ending (kind/kinderen, plaats/plaatsen, scheiding/scheidingen).
function same(a, b) {
  if (a === b) return true;
  var short = a.length <= b.length ? a : b;
  var long = a.length <= b.length ? b : a;
  return short.length >= 4 && long.length - short.length <= 4 && long.slice(0, short.length) === short;
}

function contains(queryWords, phraseWords) {
  // A one-word synonym must be typed as such; in a phrase each word may carry an ending.
  if (phraseWords.length === 1) return queryWords.indexOf(phraseWords[0]) !== -1;
  return phraseWords.every(function (p) {
    return queryWords.some(function (q) { return same(q, p); });
  });
}

function clause(term, boost, prefix) {
  // lunr syntax; a trailing ^N keeps Material's transform from adding its own wildcard.
  term = term.replace(/[^0-9a-z\u00c0-\u024f]/g, "");
  if (!term) return [];
  var out = [term + "^" + boost];
  if (prefix && term.length >= 4) out.push(term + "*^1");
  return out;
}

function rewrite(query) {
  var typed = rawWords(query);
  var plain = words(query);
  if (!plain.length) return query;
  var content = plain.filter(function (w) { return !STOP.has(w) && (w.length > 1 || /\d/.test(w)); });
  if (!content.length) content = plain;
  // term → {boost, prefix}: a word reached twice keeps its highest weight.
  var weights = new Map();
  function add(term, boost, prefix) {
    var current = weights.get(term);
    if (!current) weights.set(term, { boost: boost, prefix: prefix });
    else weights.set(term, { boost: Math.max(current.boost, boost), prefix: current.prefix || prefix });
  }
  // The words themselves: exact (stemmed by lunr) weighs more than a prefix match.
  typed.forEach(function (w) { if (!STOP.has(normalise(w)) && w.length > 1) add(w, 4, true); });
  content.forEach(function (w) { add(w, 4, true); });
  // Place names, also of two or three words ("bergen op zoom", "den haag") → their region.
  for (var n = Math.min(maxPlaceWords, plain.length); n >= 1; n--) {
    for (var s = 0; s + n <= plain.length; s++) {
      var region = places.get(plain.slice(s, s + n).join(" "));
      if (region) region.forEach(function (w) { add(w, 12, false); });
    }
  }
  // Glossary phrases whose words all occur in the query (in any form) → the glossary term.
  synonyms.forEach(function (entry) {
    if (!entry.words.length) return;
    if (entry.words.every(generic) && !(entry.words.length === 1 && abbreviations.has(entry.words[0]))) return;
    if (contains(content, entry.words)) entry.add.forEach(function (w) { add(w, 6, false); });
  });
  content.forEach(function (term, i) {
    // Two words the index knows as one compound ("expert team" → "expertteam").
    // Two or three words the index knows as one compound ("pleeg zorg" → "pleegzorg").
    if (i + 1 < content.length && vocabulary.has(term + content[i + 1])) add(term + content[i + 1], 6, false);
    if (i + 2 < content.length && vocabulary.has(term + content[i + 1] + content[i + 2])) add(term + content[i + 1] + content[i + 2], 6, false);
    // A compound of two known words also searches its parts ("veiligthuis" → "veilig thuis");
    // a word the index knows only rarely may be a typo of a common one.
    var parts = term.length >= 8 && (frequency.get(term) || 0) <= 2 ? splitCompound(term) : null;
    if (parts) { add(parts[0], 3, false); add(parts[1], 3, false); }
    if (!known(term) || (frequency.get(term) || 0) <= 1) nearWords(term).forEach(function (w) { add(w, 3, false); });
  });
  var clauses = [];
  weights.forEach(function (w, term) { clauses.push.apply(clauses, clause(term, w.boost, w.prefix)); });
  return clauses.join(" ");
}

function loadSynonyms() {
  return fetch(new URL("rw-search.json", self.location.href).href)
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (data) {
      Object.keys(data.synonyms || {}).forEach(function (key) {
        var phrase = words(key).filter(function (w) { return !STOP.has(w); });
        synonyms.push({ words: phrase, add: data.synonyms[key] });
      });
      (data.abbreviations || []).forEach(function (a) { abbreviations.add(a); });
      Object.keys(data.places || {}).forEach(function (key) {
        places.set(key, data.places[key]);
        maxPlaceWords = Math.max(maxPlaceWords, key.split(" ").length);
      });
    });
}

realAddEventListener("message", function (ev) {
  var message = ev.data;
  if (message && message.type === SETUP) {
    learn(message.data.docs || []);
    loadSynonyms().then(function () { materialHandler({ data: message }); });
    return;
  }
  if (message && message.type === QUERY && typeof message.data === "string") {
    message = { type: QUERY, data: rewrite(message.data) };
  }
  materialHandler({ data: message });
});
