/* Routewijzer search worker.
 *
 * Wraps Material for MkDocs' lunr search worker (loaded with importScripts from the same
 * folder, so its relative paths to the lunr language files keep working) and rewrites each
 * query before Material's index sees it:
 *   - synonyms and abbreviations from the glossary and the laws (rw-search.json, generated
 *     from data/ on every build): "OTS" also searches "ondertoezichtstelling" and back;
 *   - multi-word phrases people type ("uit huis geplaatst") that map to a glossary term;
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

var vocabulary = new Set();   // every word in the index, lower case
var prefixes = new Set();     // every prefix (3+ letters) of those words
var frequency = new Map();
var synonyms = new Map();     // normalised phrase -> list of expansion words
var maxPhraseWords = 1;

function normalise(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function words(text) {
  return normalise(text).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
}

function learn(docs) {
  docs.forEach(function (doc) {
    words((doc.title || "") + " " + (doc.text || "").replace(/<[^>]+>/g, " ")).forEach(function (w) {
      if (w.length < 2) return;
      vocabulary.add(w);
      frequency.set(w, (frequency.get(w) || 0) + 1);
      for (var i = 3; i <= w.length; i++) prefixes.add(w.slice(0, i));
    });
  });
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
    if (known(tail)) return [head, tail];
    if ((tail[0] === "s" || tail[0] === "e") && tail.length > 3 && known(tail.slice(1))) return [head, tail.slice(1)];
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
  var max = word.length >= 8 ? 2 : 1;
  var found = [];
  vocabulary.forEach(function (candidate) {
    if (candidate.length < 4) return;
    if (editDistanceAtMost(word, candidate, max)) found.push(candidate);
  });
  found.sort(function (a, b) { return (frequency.get(b) || 0) - (frequency.get(a) || 0); });
  return found.slice(0, 3);
}

function rewrite(query) {
  var terms = words(query);
  if (!terms.length) return query;
  var extra = [];
  // Phrases and single words from the glossary, longest phrase first.
  for (var n = Math.min(maxPhraseWords, terms.length); n >= 1; n--) {
    for (var s = 0; s + n <= terms.length; s++) {
      var expansion = synonyms.get(terms.slice(s, s + n).join(" "));
      if (expansion) extra.push.apply(extra, expansion);
    }
  }
  terms.forEach(function (term, i) {
    if (known(term) || term.length < 4) {
      // Two known words that the index also knows as one compound.
      if (i + 1 < terms.length && vocabulary.has(term + terms[i + 1])) extra.push(term + terms[i + 1]);
      return;
    }
    var parts = splitCompound(term);
    if (parts) {
      extra.push(parts[0], parts[1]);
      return;
    }
    extra.push.apply(extra, nearWords(term));
  });
  var seen = new Set(terms);
  var added = extra.filter(function (w) {
    if (seen.has(w)) return false;
    seen.add(w);
    return true;
  });
  return terms.concat(added).join(" ");
}

function loadSynonyms() {
  return fetch(new URL("rw-search.json", self.location.href).href)
    .then(function (response) { return response.ok ? response.json() : { synonyms: {} }; })
    .catch(function () { return { synonyms: {} }; })
    .then(function (data) {
      Object.keys(data.synonyms || {}).forEach(function (key) {
        synonyms.set(key, data.synonyms[key]);
        maxPhraseWords = Math.max(maxPhraseWords, key.split(" ").length);
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
