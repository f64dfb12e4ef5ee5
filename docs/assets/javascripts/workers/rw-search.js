/* Routewijzer search worker.
 *
 * Wraps Material for MkDocs' lunr search worker (loaded with importScripts from the same
 * folder when the index arrives, so its relative paths to the lunr language files keep
 * working). Two steps per query, both fed by rw-search.json, which the build writes from
 * data/ (glossary synonyms and abbreviations, municipality → region, each page's keywords
 * and weight, everyday word families, frequent Dutch words):
 *
 * 1. Finding (`rewrite`): the query becomes weighted lunr clauses, so lunr returns every
 *    candidate page and Material highlights the words: function words dropped; synonyms and
 *    abbreviations ("OTS" ↔ "ondertoezichtstelling"); a municipality name adds its region;
 *    compounds split or joined ("expert team" → "expertteam"); small typos corrected.
 *
 * 2. Ranking (`rank`, then `reorder` on Material's answer): lunr's order puts any page with
 *    one query word in its title above a page that answers the whole question, so the order
 *    is ours: a field-weighted BM25 per page over title, keywords and text, where each query
 *    word also matches its inflections, compounds, separable verbs, everyday family words and
 *    typo corrections; pages that answer more of the query rank higher; a title or keyword
 *    phrase found whole in the query (in any order and form) is a strong answer; frequent
 *    everyday words that are not this field's own weigh lightly.
 *
 * Any error in these steps falls back to Material's own order: the search keeps working.
 */
"use strict";

var SETUP = 0;
var QUERY = 2;
var params = new URL(self.location.href).searchParams;
var materialHandler = null;

var realAddEventListener = self.addEventListener.bind(self);

// Load Material's worker when the index arrives (the page asks for it only when someone is
// about to search), and capture the message listener it registers, so we can call it ourselves.
function loadMaterial() {
  if (materialHandler !== null) return;
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && materialHandler === null) {
      materialHandler = listener;
      return;
    }
    return realAddEventListener(type, listener, options);
  };
  try {
    importScripts(params.get("material"));
  } finally {
    self.addEventListener = realAddEventListener;
  }
}

var prefixes = new Set();     // every prefix (3+ letters) of the words in the index
var synonyms = [];            // [{words: [content words of the phrase], add: [expansion words]}]
var places = new Map();       // municipality name → words of its region's title
var abbreviations = new Set(); // glossary and law abbreviations: specific however often they occur
var maxPlaceWords = 1;

// Dutch function words: they carry no meaning in a question and, with Material's prefix
// wildcard, "de" or "op" would match half the site ("decentralisatie", "opvoeding").
var STOP = new Set(("aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doe doen " +
  "door dus een en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets " +
  "ik in is ja je jij jou jouw jullie kan kon kun kunnen maar me meer men met mij mijn moet moeten na naar " +
  "niet niets nog nu of om omdat onder ons onze ook op over reeds te tegen toch toen tot u uit uw van veel " +
  "voor want waren was wat we wel welk welke werd wezen wie wij wil willen word worden wordt zal ze zich " +
  "zij zijn zo zonder zou zoals echt even steeds mag mogen had hadden heel erg zeer gewoon eigenlijk " +
  "precies nou allemaal graag ergens zomaar waar wanneer waarom hoeveel waarheen dat deze dezelfde " +
  "gaat ga gaan komt kom komen zit zitten staat laat laten weet weten vind vindt vinden krijg krijgt " +
  "krijgen terecht iets hé hoi hallo alsjeblieft svp dr dus iemand anders tussen sinds via per tijdens " +
  "vanaf vanuit volgens rond langs naast mn zn ff bv bijv evt ivm enz etc ofzo zo'n dr hen hun haar").split(" "));

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

// A word on more than one in twenty pages says little about what someone looks for
// ("hulp", "kind"): on its own it may not pull in a glossary term.
function generic(word) {
  return pagesWith(word) > pageList.length / 20;
}

// How many pages use the word (in title, keywords or text).
function pagesWith(word) {
  var pages = postings.get(word);
  return pages ? pages.size : 0;
}

function known(word) {
  return word.length < 3 ? postings.has(word) : prefixes.has(word);
}

function splitCompound(word) {
  // Longest known head first; Dutch linking letters -s- and -e- may sit between the parts.
  for (var i = word.length - 3; i >= 3; i--) {
    var head = word.slice(0, i);
    var tail = word.slice(i);
    if (!postings.has(head)) continue;
    if (tail.length >= 4 && postings.has(tail)) return [head, tail];
    if ((tail[0] === "s" || tail[0] === "e") && tail.length > 4 && postings.has(tail.slice(1))) return [head, tail.slice(1)];
  }
  return null;
}

// Edit distance with swapped neighbours counting as one edit ("plaatsnig" → "plaatsing"),
// or Infinity as soon as it exceeds max.
function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  var before = null;
  var prev = [];
  for (var j = 0; j <= b.length; j++) prev[j] = j;
  for (var i = 1; i <= a.length; i++) {
    var cur = [i];
    var rowMin = i;
    for (var k = 1; k <= b.length; k++) {
      var cost = a[i - 1] === b[k - 1] ? 0 : 1;
      cur[k] = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost);
      if (before && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) {
        cur[k] = Math.min(cur[k], before[k - 2] + 1);
      }
      if (cur[k] < rowMin) rowMin = cur[k];
    }
    if (rowMin > max) return Infinity;
    before = prev;
    prev = cur;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

function editDistanceAtMost(a, b, max) {
  return editDistance(a, b, max) <= max;
}

function nearWords(word) {
  if (word.length < 5) return [];
  var max = word.length >= 9 ? 2 : 1;
  var found = [];
  postings.forEach(function (_pages, candidate) {
    if (candidate.length < 4) return;
    if (editDistanceAtMost(word, candidate, max)) found.push(candidate);
  });
  found.sort(function (a, b) { return pagesWith(b) - pagesWith(a); });
  return found.slice(0, 3);
}

// A light stemmer for synonym matching: two words are "the same" when one is the other plus
// a short Dutch ending (kind/kinderen, plaats/plaatsen, scheiding/scheidingen).
var INFLECTION = new Set(["s", "e", "n", "en", "er", "ers", "ere", "eren", "es", "je", "jes", "tje", "tjes",
  "etje", "etjes", "d", "t", "de", "te", "den", "ten", "ren", "nen", "ste", "st"]);
function same(a, b) {
  if (a === b) return true;
  var short = a.length <= b.length ? a : b;
  var long = a.length <= b.length ? b : a;
  return short.length >= 4 && long.slice(0, short.length) === short && INFLECTION.has(long.slice(short.length));
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

// The words of the query, normalised, that were typed in a way `test` accepts (capitals).
function typedWith(query, test) {
  return new Set(query.split(/[^0-9A-Za-z\u00c0-\u024f]+/).filter(test).map(normalise));
}

// Words before a common word that make it a common noun, not a place: "de buren", "mijn best".
var NOT_PLACE_BEFORE = new Set(["de", "het", "een", "mijn", "mn", "je", "jouw", "zijn", "zn", "haar", "ons", "onze",
  "hun", "jullie", "die", "deze", "dat", "dit", "elke", "alle", "veel", "beste"]);
var PLACE_CUE = new Set(["in", "uit", "gemeente", "regio", "te", "omgeving", "rond", "naar", "jeugdregio"]);

// Municipality names in the query (current, former or otherwise known, of up to three words),
// each with its region's title words. A name that is also a frequent Dutch word ("Buren",
// "Best", "Houten") counts as a place when typed with a capital, in a short query, or after
// "in", "gemeente" and the like, never after "de", "mijn" and the like.
function placesIn(query) {
  var typed = words(query);
  var capitals = typedWith(query, function (w) { return /^[A-Z\u00c0-\u00de]/.test(w); });
  var found = [];
  for (var n = Math.min(maxPlaceWords, typed.length); n >= 1; n--) {
    for (var s = 0; s + n <= typed.length; s++) {
      var name = typed.slice(s, s + n).join(" ");
      var region = places.get(name);
      if (!region) continue;
      if (n === 1 && common.has(name) && !capitals.has(name)) {
        var before = s > 0 ? typed[s - 1] : "";
        if (NOT_PLACE_BEFORE.has(before)) continue;
        if (!PLACE_CUE.has(before) && meaningful(typed).length > 2) continue;
      }
      found.push({ name: name, region: region });
    }
  }
  return found;
}

// A glossary abbreviation that is also a function word ("BEN", "WET") is the abbreviation
// when typed in capitals, when it is the whole query, or after an article ("een ben").
function keptAbbreviations(query) {
  var plain = words(query);
  var capitals = typedWith(query, function (w) { return w.length >= 2 && w === w.toUpperCase() && /[A-Z]/.test(w); });
  var kept = new Set();
  plain.forEach(function (w, i) {
    if (!STOP.has(w) || !abbreviations.has(w)) return;
    if (capitals.has(w) || plain.length === 1 || (i > 0 && ["een", "de", "het"].indexOf(plain[i - 1]) !== -1)) kept.add(w);
  });
  return kept;
}

function rewrite(query) {
  var typed = rawWords(query);
  var plain = words(query);
  if (!plain.length) return query;
  var kept = keptAbbreviations(query);
  var content = plain.filter(function (w) { return kept.has(w) || (!STOP.has(w) && (w.length > 1 || /\d/.test(w))); });
  if (!content.length) content = plain;
  // term → {boost, prefix}: a word reached twice keeps its highest weight.
  var weights = new Map();
  function add(term, boost, prefix) {
    var current = weights.get(term);
    if (!current) weights.set(term, { boost: boost, prefix: prefix });
    else weights.set(term, { boost: Math.max(current.boost, boost), prefix: current.prefix || prefix });
  }
  // The words themselves: exact (stemmed by lunr) weighs more than a prefix match.
  typed.forEach(function (w) { if ((kept.has(normalise(w)) || !STOP.has(normalise(w))) && w.length > 1) add(w, 4, true); });
  content.forEach(function (w) { add(w, 4, true); });
  // Place names, also of two or three words ("bergen op zoom", "den haag") → their region.
  placesIn(query).forEach(function (place) { place.region.forEach(function (w) { add(w, 12, false); }); });
  // Glossary phrases whose words all occur in the query (in any form) → the glossary term.
  synonyms.forEach(function (entry) {
    if (!entry.words.length) return;
    if (entry.words.every(generic) && !(entry.words.length === 1 && abbreviations.has(entry.words[0]))) return;
    if (contains(content, entry.words)) entry.add.forEach(function (w) { add(w, 6, false); });
  });
  content.forEach(function (term, i) {
    // Two words the index knows as one compound ("expert team" → "expertteam").
    // Two or three words the index knows as one compound ("pleeg zorg" → "pleegzorg").
    if (i + 1 < content.length && postings.has(term + content[i + 1])) add(term + content[i + 1], 6, false);
    if (i + 2 < content.length && postings.has(term + content[i + 1] + content[i + 2])) add(term + content[i + 1] + content[i + 2], 6, false);
    // A compound of two known words also searches its parts ("veiligthuis" → "veilig thuis");
    // a word the index knows only rarely may be a typo of a common one.
    var parts = term.length >= 8 && pagesWith(term) <= 2 ? splitCompound(term) : null;
    if (parts) { add(parts[0], 3, false); add(parts[1], 3, false); }
    if (!known(term) || pagesWith(term) <= 1) nearWords(term).forEach(function (w) { add(w, 3, false); });
  });
  var clauses = [];
  weights.forEach(function (w, term) { clauses.push.apply(clauses, clause(term, w.boost, w.prefix)); });
  return clauses.join(" ");
}

// ---------------------------------------------------------------------------------------
// Ranking. Lunr scores a page by its best-matching terms, with titles weighing a thousand
// times the text, so one common query word in a title ("jeugdzorg") beats a page that
// answers the whole question. We rank the pages ourselves, over the same documents.

var common = new Set();       // frequent everyday Dutch words ("gebeurt", "verschil", "eigenlijk")
var curated = new Set();      // words of page titles and glossary terms: this field's own words
var families = {};             // everyday word → broader words the site uses ("dochter" → "kind")
var pageData = {};             // page location → {boost, keywords} from rw-search.json
var pageList = [];             // [{location, title, docs: [section docs], boost, phrases, len: [t, k, x]}]
var pageIndex = new Map();     // page location → index in pageList
var postings = new Map();      // word → Map(page index → [tf title, tf keywords, tf text])
var averageLength = [1, 1, 1];
var stems = null;              // word → Dutch (Snowball) stem, filled on the first query
var byStem = null;             // stem → [words]

var FIELD_WEIGHT = [4, 2.5, 1];  // title, keywords, text
var FIELD_B = [0.3, 0.5, 0.75];  // length normalisation per field
var K1 = 1.2;
// Separable verb particles: "zet de kinderen tegen mij op" → "opzetten", "opgezet".
var PARTICLES = ["op", "af", "uit", "weg", "aan", "in", "mee", "terug", "door", "over", "toe",
  "om", "na", "bij", "voor", "samen", "tegen", "los", "vast", "thuis", "binnen", "neer"];
// Sections that describe other pages or the sources, not this page's answer.
var NOT_ANSWER = /#(zie-ook|bronnen)$/;

function pageOf(location) {
  return location.split("#")[0];
}

function addPosting(word, page, field) {
  var forWord = postings.get(word);
  if (!forWord) { forWord = new Map(); postings.set(word, forWord); }
  var tf = forWord.get(page);
  if (!tf) { tf = [0, 0, 0]; forWord.set(page, tf); }
  tf[field] += 1;
}

function indexPages(docs) {
  docs.forEach(function (doc) {
    var location = pageOf(doc.location);
    var i = pageIndex.get(location);
    if (i === undefined) {
      i = pageList.length;
      pageIndex.set(location, i);
      pageList.push({ location: location, title: "", docs: [], boost: 1, phrases: [], exact: [], len: [0, 0, 0] });
    }
    var page = pageList[i];
    page.docs.push(doc);
    var text = doc.text || "";
    if (doc.location === location) {
      page.title = doc.title || "";
      page.boost = doc.boost || 1;
      words(page.title).forEach(function (w) { addPosting(w, i, 0); page.len[0] += 1; curated.add(w); });
    }
    if (!NOT_ANSWER.test(doc.location) && (doc.location !== location || text)) {
      var heading = doc.location === location ? "" : doc.title || "";
      words(heading + " " + text.replace(/<[^>]+>/g, " ")).forEach(function (w) {
        addPosting(w, i, 2);
        page.len[2] += 1;
      });
    }
  });
}

function indexKeywords() {
  Object.keys(pageData).forEach(function (location) {
    var i = pageIndex.get(location);
    if (i === undefined) return;
    var page = pageList[i];
    (pageData[location].keywords || []).forEach(function (phrase) {
      var all = words(phrase);
      all.forEach(function (w) {
        addPosting(w, i, 1);
        page.len[1] += 1;
      });
      var content = meaningful(all);
      if (content.length > 1) page.phrases.push(content);
      // Typed word for word, function words included ("ik wil geen hulp meer"): those words
      // carry the meaning here, so the whole phrase counts.
      if (all.length >= 3) page.exact.push({ text: " " + all.join(" ") + " ", words: all.length, content: content });
    });
  });
  postings.forEach(function (_pages, w) {
    for (var n = 3; n <= w.length; n++) prefixes.add(w.slice(0, n));
  });
  for (var f = 0; f < 3; f++) {
    var total = 0;
    pageList.forEach(function (p) { total += p.len[f]; });
    averageLength[f] = Math.max(1, total / Math.max(1, pageList.length));
  }
}

function stemOf(word) {
  if (stems === null) {
    stems = new Map();
    byStem = new Map();
    var stemmer = self.lunr && self.lunr.nl && self.lunr.nl.stemmer;
    postings.forEach(function (_pages, w) {
      var s = stemmer ? stemmer(new self.lunr.Token(w)).toString() : w;
      stems.set(w, s);
      var list = byStem.get(s);
      if (!list) byStem.set(s, [w]); else list.push(w);
    });
  }
  var known = stems.get(word);
  if (known !== undefined) return known;
  var stemmer2 = self.lunr && self.lunr.nl && self.lunr.nl.stemmer;
  return stemmer2 ? stemmer2(new self.lunr.Token(word)).toString() : word;
}

function idf(word) {
  var df = pagesWith(word);
  var n = pageList.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

// Two word forms of one word: "depressie"/"depressief", "begeleider"/"begeleiding".
var DERIVATION = new Set(["", "e", "en", "er", "ers", "ing", "ingen", "ie", "ies", "ief", "ieve", "isch", "ische",
  "ig", "ige", "heid", "s", "d", "t", "de", "te", "den", "ten", "el", "elen", "ster", "me", "tisch", "tische"]);
function sibling(a, b) {
  var n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 5 && DERIVATION.has(a.slice(n)) && DERIVATION.has(b.slice(n));
}

var VOWELS = "aeiou";

// Regular Dutch verb forms of a word as typed: "woont" → "wonen", "stopt" → "stoppen",
// "slaat" → "slaan", "betaalt" → "betalen", "gewoond" → "wonen", "wonen" → "woont".
function verbForms(word) {
  var forms = [];
  function fromStem(stem) {
    if (stem.length < 2) return;
    var last = stem[stem.length - 1];
    var before = stem[stem.length - 2];
    forms.push(stem, stem + "t", stem + "en");
    if (VOWELS.indexOf(last) !== -1 && last === before) forms.push(stem + "n");  // slaa → slaan
    if (VOWELS.indexOf(last) === -1 && stem.length >= 3 && before === stem[stem.length - 3] && VOWELS.indexOf(before) !== -1) {
      forms.push(stem.slice(0, -2) + last + "en");                              // woon → wonen
    }
    if (VOWELS.indexOf(last) === -1 && VOWELS.indexOf(before) !== -1 &&
      (stem.length < 3 || VOWELS.indexOf(stem[stem.length - 3]) === -1)) {
      forms.push(stem + last + "en");                                           // stop → stoppen
    }
  }
  if (word.length >= 4 && /[td]$/.test(word)) fromStem(word.slice(0, -1));
  if (word.length >= 6 && /^ge.+[td]$/.test(word)) fromStem(word.slice(2, -1));
  if (word.length >= 5 && /en$/.test(word)) {
    var stem = word.slice(0, -2);
    var last = stem[stem.length - 1];
    if (stem.length >= 3 && last === stem[stem.length - 2] && VOWELS.indexOf(last) === -1) stem = stem.slice(0, -1);  // stopp → stop
    else if (stem.length >= 2 && VOWELS.indexOf(last) === -1 && VOWELS.indexOf(stem[stem.length - 2]) !== -1 &&
      (stem.length < 3 || VOWELS.indexOf(stem[stem.length - 3]) === -1)) {
      fromStem(stem.slice(0, -1) + stem[stem.length - 2] + last);                // won → woon
    }
    fromStem(stem);
  }
  return forms.filter(function (f) { return f !== word && f.length >= 3; });
}

// The index words a query word stands for, each with how sure we are (1 = the word itself).
function alternatives(word, typed) {
  var alts = new Map();
  function put(w, weight) {
    if (!postings.has(w)) return;
    if ((alts.get(w) || 0) < weight) alts.set(w, weight);
  }
  put(word, 1);
  (byStem.get(stemOf(word)) || []).forEach(function (w) { put(w, 0.9); });
  postings.forEach(function (_pages, v) {
    if (v === word || v.length < 4) return;
    if (same(word, v)) put(v, 0.85);
    else if (sibling(word, v)) put(v, 0.75);
    // A Dutch compound contains the word as its head or tail ("bescherming" in
    // "jeugdbescherming", "pleeg" in "pleegzorg"): related, but less sure.
    else if (word.length >= 5 && v.length - word.length >= 3 &&
      (v.slice(0, word.length) === word || v.slice(-word.length) === word)) put(v, 0.45);
  });
  verbForms(word).forEach(function (w) { put(w, 0.85); });
  // Everyday words for what pages call otherwise ("dochter" → "kind", "opa" → "grootouders").
  (families[word] || []).forEach(function (broader) {
    put(broader, 0.8);
    postings.forEach(function (_pages, v) { if (v !== broader && same(broader, v)) put(v, 0.75); });
  });
  // Separable verbs: the particle stands elsewhere in the sentence ("zet ... op").
  PARTICLES.forEach(function (p) {
    if (typed.indexOf(p) === -1 || word.length < 3) return;
    [p + word, p + "ge" + word].forEach(function (joined) {
      put(joined, 0.9);
      postings.forEach(function (_pages, v) { if (v !== joined && same(joined, v)) put(v, 0.8); });
    });
  });
  if (pagesWith(word) <= 1 && !common.has(word)) {
    // One edit away is almost surely what was meant; two edits less so.
    nearWords(word).forEach(function (w) { put(w, editDistance(word, w, 1) <= 1 ? 0.9 : 0.7); });
    var parts = word.length >= 8 ? splitCompound(word) : null;
    if (parts) parts.forEach(function (w) { put(w, 0.5); });
  }
  return alts;
}

var TITLE_WEIGHT = 1.5;
var PHRASE_WEIGHT = 1.5;
var EXACT_WORD = 0.5;  // per word of a keyword phrase typed word for word
var COMMON_WEIGHT = 0.35;  // an everyday word outside titles and the glossary  // a title or keyword phrase found whole in the query  // a query word in the page title, on top of its weight in the text

function fieldScore(tf, page) {
  var weighted = 0;
  for (var f = 1; f < 3; f++) {
    if (!tf[f]) continue;
    var norm = 1 - FIELD_B[f] + FIELD_B[f] * (page.len[f] / averageLength[f]);
    weighted += FIELD_WEIGHT[f] * tf[f] / norm;
  }
  var score = weighted * (K1 + 1) / (weighted + K1);
  if (tf[0]) score += TITLE_WEIGHT / (1 - FIELD_B[0] + FIELD_B[0] * (page.len[0] / averageLength[0]));
  return score;
}

// Score every page for one concept: the best of its alternatives on each page. A rare
// variant ("ouderlijke" for "ouders") weighs no more than the word itself.
function conceptScores(alts) {
  var scores = new Map();
  var best = 0;
  var cap = Infinity;
  alts.forEach(function (weight, w) {
    if (weight > best) { best = weight; cap = idf(w); } else if (weight === best) cap = Math.min(cap, idf(w));
  });
  alts.forEach(function (weight, w) {
    var wordIdf = Math.min(idf(w), cap);
    postings.get(w).forEach(function (tf, i) {
      var s = weight * wordIdf * fieldScore(tf, pageList[i]);
      if (s > (scores.get(i) || 0)) scores.set(i, s);
    });
  });
  return scores;
}

// How much of a phrase (a page title or keyword phrase, content words only) the query holds:
// the words found, their summed weight, and the query words that found them.
function matchPhrase(phrase, concepts) {
  var matched = 0;
  var gain = 0;
  var covers = [];
  phrase.forEach(function (w) {
    var top = 0;
    var by = null;
    concepts.forEach(function (c) {
      var m = c.alts.get(w) || 0;
      if (m > top) { top = m; by = c; }
    });
    if (top >= 0.7) {
      matched += 1;
      gain += top * idf(w);
      covers.push.apply(covers, by.covers);
    }
  });
  return { matched: matched, gain: gain, covers: covers };
}

// The words of a title or phrase that a query must hold: no function words, no lone letters.
function meaningful(list, kept) {
  return list.filter(function (w) {
    return (kept && kept.has(w)) || (!STOP.has(w) && (w.length > 1 || /\d/.test(w)));
  });
}

function conceptsOf(query) {
  var typed = words(query);
  var content = meaningful(typed, keptAbbreviations(query));
  if (!content.length) return [];
  // A frequent everyday word that is not one of this field's own words ("gebeurt",
  // "verschil") says little about which page answers, however rarely the site uses it.
  var concepts = content.map(function (w) {
    // A number that is not in a title or glossary term ("zoon van 13") is usually an age or a date.
    var weight = (common.has(w) || /^\d+$/.test(w)) && !curated.has(w) ? COMMON_WEIGHT : 1;
    return { word: w, alts: alternatives(w, typed), weight: weight, covers: [w], original: true };
  });
  // Two or three words that form a compound the site knows ("pleeg gezin" → "pleeggezin").
  concepts.forEach(function (c, i) {
    for (var n = 2; n <= 3 && i + n <= concepts.length; n++) {
      var joined = content.slice(i, i + n).join("");
      if (!postings.has(joined)) continue;
      for (var j = i; j < i + n; j++) concepts[j].alts.set(joined, 1);
    }
  });
  // Glossary synonyms and abbreviations: the term's own words join the query.
  synonyms.forEach(function (entry) {
    if (!entry.words.length) return;
    if (entry.words.every(generic) && !(entry.words.length === 1 && abbreviations.has(entry.words[0]))) return;
    if (!contains(content, entry.words)) return;
    var covers = content.filter(function (q) {
      return entry.words.some(function (p) { return entry.words.length === 1 ? q === p : same(q, p); });
    });
    entry.add.forEach(function (w) {
      if (content.indexOf(w) !== -1) return;
      concepts.push({ word: w, alts: alternatives(w, []), weight: 0.8, covers: covers, original: false });
    });
  });
  // A place name stands for its region.
  placesIn(query).forEach(function (place) {
    place.region.forEach(function (w) {
      var alts = new Map();
      if (postings.has(w)) alts.set(w, 1);
      concepts.push({ word: w, alts: alts, weight: 2, covers: place.name.split(" "), original: false });
    });
  });
  return concepts;
}

function rank(query) {
  if (!pageList.length) return null;
  stemOf("");
  var concepts = conceptsOf(query);
  if (!concepts.length) return null;
  var originals = concepts.filter(function (c) { return c.original; });
  var totals = new Map();      // page → summed concept score
  var phrases = new Map();     // page → score of its best phrase found whole in the query
  var covered = new Map();     // page → Map(original query word → how well the page answers it, 0..1)
  function cover(i, words_, amount) {
    var map = covered.get(i);
    if (!map) { map = new Map(); covered.set(i, map); }
    words_.forEach(function (w) { if ((map.get(w) || 0) < amount) map.set(w, amount); });
  }
  concepts.forEach(function (c) {
    var top = 0;
    c.alts.forEach(function (m, w) { if (m === 1 || top === 0) top = Math.max(top, idf(w)); });
    conceptScores(c.alts).forEach(function (s, i) {
      totals.set(i, (totals.get(i) || 0) + c.weight * s);
      // One mention deep in a long text answers a word less than a title or keyword does.
      cover(i, c.covers, Math.min(1, s / Math.max(top, 0.1)));
    });
  });
  // Phrases: the page title, or one of its keyword phrases, occurs in the query (in any
  // order and inflection): "wat is het verschil tussen drang en dwang" → "Drang en dwang".
  var typedText = " " + words(query).join(" ") + " ";
  pageList.forEach(function (page, i) {
    var best = 0;
    var bestCovers = null;
    var title = meaningful(words(page.title));
    if (title.length) {
      var t = matchPhrase(title, concepts);
      if (t.matched === title.length) { best = t.gain; bestCovers = t.covers; }
    }
    page.phrases.forEach(function (phrase) {
      var m = matchPhrase(phrase, concepts);
      if (m.matched < 2 && m.matched < phrase.length) return;
      var share = m.matched / phrase.length;
      var value = m.gain * share * share;
      if (value > best) { best = value; bestCovers = m.covers; }
    });
    page.exact.forEach(function (phrase) {
      if (typedText.indexOf(phrase.text) === -1) return;
      var m = matchPhrase(phrase.content, concepts);
      var value = m.gain + EXACT_WORD * phrase.words;
      if (value > best) { best = value; bestCovers = meaningful(words(phrase.text)); }
    });
    if (best > 0) {
      phrases.set(i, PHRASE_WEIGHT * best);
      cover(i, bestCovers, 1);
    }
  });
  var weightOf = new Map();
  var totalWeight = 0;
  originals.forEach(function (c) {
    var top = 0;
    c.alts.forEach(function (m, w) { top = Math.max(top, m * idf(w)); });
    var weight = Math.max(top, 0.5) * c.weight;
    weightOf.set(c.word, weight);
    totalWeight += weight;
  });
  var ranked = [];
  phrases.forEach(function (_score, i) { if (!totals.has(i)) totals.set(i, 0); });
  totals.forEach(function (score, i) {
    var answered = 0;
    (covered.get(i) || new Map()).forEach(function (amount, w) { answered += amount * (weightOf.get(w) || 0); });
    var coverage = totalWeight ? Math.min(1, answered / totalWeight) : 1;
    var data = pageData[pageList[i].location];
    var boost = data ? data.boost : pageList[i].boost;
    // An overview page (weight below 1) lists other pages' summaries: its text counts for
    // less, but its own title asked for by name ("overzicht jeugdregio's") counts in full.
    var phrase = phrases.get(i) || 0;
    ranked.push({ page: i, score: (score * boost + phrase * Math.max(boost, 1)) * (0.2 + 0.8 * coverage * coverage) });
  });
  ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
  return ranked;
}

// Put Material's result groups (with its highlighting) in our order; a page lunr missed
// gets a plain group of its own.
function reorder(result, ranked) {
  if (!ranked || !result || !result.items) return result;
  var groups = new Map();
  result.items.forEach(function (group) { groups.set(pageOf(group[0].location), group); });
  var items = [];
  var seen = new Set();
  ranked.slice(0, 50).forEach(function (r) {
    var page = pageList[r.page];
    var group = groups.get(page.location);
    if (!group) {
      // Found through its keywords, which lunr does not index: show the page and its first
      // section (the summary).
      var head = page.docs[0];
      var first = page.docs.filter(function (d) { return d !== head && !NOT_ANSWER.test(d.location); })[0];
      group = [Object.assign({}, head, { score: r.score, terms: {} })];
      if (first) group.push(Object.assign({}, first, { score: r.score, terms: {} }));
    }
    items.push(group);
    seen.add(page.location);
  });
  result.items.forEach(function (group) {
    if (!seen.has(pageOf(group[0].location))) items.push(group);
  });
  return Object.assign({}, result, { items: items });
}

function loadSynonyms() {
  return fetch(new URL("rw-search.json", self.location.href).href)
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (data) {
      (data.abbreviations || []).forEach(function (a) { abbreviations.add(a); });
      Object.keys(data.synonyms || {}).forEach(function (key) {
        var phrase = words(key).filter(function (w) { return !STOP.has(w) || abbreviations.has(w); });
        synonyms.push({ words: phrase, add: data.synonyms[key] });
      });
      pageData = data.pages || {};
      families = data.families || {};
      (data.common || []).forEach(function (w) { common.add(w); });
      synonyms.forEach(function (entry) {
        entry.words.forEach(function (w) { curated.add(w); });
        entry.add.forEach(function (w) { curated.add(w); });
      });
      indexKeywords();
      Object.keys(data.places || {}).forEach(function (key) {
        places.set(key, data.places[key]);
        maxPlaceWords = Math.max(maxPlaceWords, key.split(" ").length);
      });
    });
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
  var message = ev.data;
  loadMaterial();
  if (message && message.type === SETUP) {
    indexPages(message.data.docs || []);
    loadSynonyms().then(function () { materialHandler({ data: message }); });
    return;
  }
  if (message && message.type === QUERY && typeof message.data === "string") {
    // A bounded amount of work per query, whatever is typed or pasted: the page never freezes.
    message = { type: QUERY, data: capQuery(message.data) };
    // Our own steps must never cost a visitor the search: on an error, Material's order.
    var ranked = null;
    var lunrQuery = message.data;
    try { ranked = rank(message.data); } catch (err) { console.warn(err); }
    try { lunrQuery = rewrite(message.data); } catch (err) { console.warn(err); }
    pending.push(ranked);  // exactly one per query handed to Material, which always answers
    message = { type: QUERY, data: lunrQuery };
  }
  materialHandler({ data: message });
});

// Material's worker answers with postMessage; a query's answer is reordered on its way out.
var RESULT = 3;
var pending = [];
var realPostMessage = self.postMessage;
self.postMessage = function (message) {
  if (message && message.type === RESULT && pending.length) {
    message = { type: RESULT, data: reorder(message.data, pending.shift()) };
  }
  return realPostMessage.apply(self, arguments.length > 1 ? [message, arguments[1]] : [message]);
};
