/* Routewijzer search: Dutch text rules.
 *
 * How a Dutch query and a Dutch page are read: normalising, splitting into words, function
 * (stop) words, inflections and derivations, regular verb forms, separable verbs, compounds,
 * typo edits, and the capitals rules for place names and abbreviations that are also everyday
 * words. Pure functions: no state, no search engine, no worker. Whatever depends on an index
 * (which words exist, how often) is passed in as an argument.
 *
 * Loaded by the search worker with importScripts (sets the global RwDutch) and by Node with
 * require (tests/search/js/).
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.RwDutch = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Dutch function words: they carry no meaning in a question and, with a prefix wildcard,
  // "de" or "op" would match half the site ("decentralisatie", "opvoeding").
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

  // Short Dutch endings of one word's forms: kind/kinderen, plaats/plaatsen, scheiding/scheidingen.
  var INFLECTION = new Set(["s", "e", "n", "en", "er", "ers", "ere", "eren", "es", "je", "jes", "tje", "tjes",
    "etje", "etjes", "d", "t", "de", "te", "den", "ten", "ren", "nen", "ste", "st"]);

  // Endings of two word forms of one word: "begeleider"/"begeleiding", "kwetsbaar"/"kwetsbaarheid".
  var DERIVATION = new Set(["", "e", "en", "er", "ers", "ing", "ingen", "ie", "ies", "ief", "ieve", "isch", "ische",
    "ig", "ige", "heid", "s", "d", "t", "de", "te", "den", "ten", "el", "elen", "ster", "me", "tisch", "tische"]);

  // Separable verb particles: "zet de kinderen tegen mij op" → "opzetten", "opgezet".
  var PARTICLES = ["op", "af", "uit", "weg", "aan", "in", "mee", "terug", "door", "over", "toe",
    "om", "na", "bij", "voor", "samen", "tegen", "los", "vast", "thuis", "binnen", "neer"];

  // Words before a common word that make it a common noun, not a place: "de buren", "mijn best".
  var NOT_PLACE_BEFORE = new Set(["de", "het", "een", "mijn", "mn", "je", "jouw", "zijn", "zn", "haar", "ons", "onze",
    "hun", "jullie", "die", "deze", "dat", "dit", "elke", "alle", "veel", "beste"]);
  // Words before a name that make it a place: "in Buren", "gemeente Best".
  var PLACE_CUE = new Set(["in", "uit", "gemeente", "regio", "te", "omgeving", "rond", "naar", "jeugdregio"]);
  // Articles after which a function word is a noun: "een ben" (the abbreviation BEN).
  var ARTICLES = ["een", "de", "het"];

  var VOWELS = "aeiou";

  // Lower case without accents: "Café" → "cafe".
  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // The normalised words of a text.
  function words(text) {
    // "18e", "21ste" → "18", "21": people write ordinals, pages write numbers.
    return normalise(text).replace(/\b(\d+)(e|ste|de)\b/g, "$1")
      .split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }

  // The words as typed (lower case, accents kept), for a search index that keeps accents too.
  function rawWords(text) {
    return text.toLowerCase().split(/[^0-9a-z\u00c0-\u024f]+/).filter(function (w) { return w.length > 0; });
  }

  // The words of the query, normalised, that were typed in a way `test` accepts (capitals).
  function typedWith(query, test) {
    return new Set(query.split(/[^0-9A-Za-z\u00c0-\u024f]+/).filter(test).map(normalise));
  }

  function isStopWord(word) {
    return STOP.has(word);
  }

  // The words that carry meaning: no function words (unless kept), no lone letters.
  function meaningful(list, kept) {
    return list.filter(function (w) {
      return (kept && kept.has(w)) || (!STOP.has(w) && (w.length > 1 || /\d/.test(w)));
    });
  }

  // Two forms of one word: one is the other plus a short Dutch ending (kind/kinderen).
  function same(a, b) {
    if (a === b) return true;
    var short = a.length <= b.length ? a : b;
    var long = a.length <= b.length ? b : a;
    return short.length >= 4 && long.slice(0, short.length) === short && INFLECTION.has(long.slice(short.length));
  }

  // Whether the query words hold a phrase: a one-word phrase must be typed as such; in a
  // longer phrase each word may carry an ending.
  function contains(queryWords, phraseWords) {
    if (phraseWords.length === 1) return queryWords.indexOf(phraseWords[0]) !== -1;
    return phraseWords.every(function (p) {
      return queryWords.some(function (q) { return same(q, p); });
    });
  }

  // Two derived forms of one stem of at least five letters: "begeleider"/"begeleiding". The
  // stem is the longest common start, so "depressie"/"depressief" are not ("" and "f").
  function sibling(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n >= 5 && DERIVATION.has(a.slice(n)) && DERIVATION.has(b.slice(n));
  }

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

  // Separable verbs: when a particle stands elsewhere in the query ("zet ... op"), the word
  // joined with it as infinitive stem and as participle ("opzet", "opgezet"), particles in
  // a fixed order.
  function separableForms(word, typed) {
    var forms = [];
    PARTICLES.forEach(function (p) {
      if (typed.indexOf(p) === -1 || word.length < 3) return;
      forms.push(p + word, p + "ge" + word);
    });
    return forms;
  }

  // A compound of two known words, longest known head first ("veiligthuis" → "veilig",
  // "thuis"); Dutch linking letters -s- and -e- may sit between the parts. `isWord` says
  // which words are known.
  function splitCompound(word, isWord) {
    for (var i = word.length - 3; i >= 3; i--) {
      var head = word.slice(0, i);
      var tail = word.slice(i);
      if (!isWord(head)) continue;
      if (tail.length >= 4 && isWord(tail)) return [head, tail];
      if ((tail[0] === "s" || tail[0] === "e") && tail.length > 4 && isWord(tail.slice(1))) return [head, tail.slice(1)];
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

  // Typo corrections of a word among `vocabulary` (an iterable of words): no corrections for
  // words under five letters, one edit for words under nine, two for longer ones; candidates
  // of at least four letters; the three with the highest `frequency(word)`, ties in
  // vocabulary order.
  function nearWords(word, vocabulary, frequency) {
    if (word.length < 5) return [];
    var max = word.length >= 9 ? 2 : 1;
    var found = [];
    for (var candidate of vocabulary) {
      if (candidate.length < 4) continue;
      if (editDistance(word, candidate, max) <= max) found.push(candidate);
    }
    found.sort(function (a, b) { return frequency(b) - frequency(a); });
    return found.slice(0, 3);
  }

  // Capitals rule for abbreviations: a glossary abbreviation that is also a function word
  // ("BEN", "WET") is the abbreviation when typed in capitals, when it is the whole query, or
  // after an article ("een ben"). `abbreviations` has the abbreviations (lower case).
  function keptAbbreviations(query, abbreviations) {
    var plain = words(query);
    var capitals = typedWith(query, function (w) { return w.length >= 2 && w === w.toUpperCase() && /[A-Z]/.test(w); });
    var kept = new Set();
    plain.forEach(function (w, i) {
      if (!STOP.has(w) || !abbreviations.has(w)) return;
      if (capitals.has(w) || plain.length === 1 || (i > 0 && ARTICLES.indexOf(plain[i - 1]) !== -1)) kept.add(w);
    });
    return kept;
  }

  // Capitals rule for places: the place names in a query (of up to maxWords words, longest
  // first), each with what `places` (name → value) holds for it. A name that is also a
  // frequent Dutch word (`common`: "Buren", "Best", "Houten") counts as a place when typed
  // with a capital, in a short query, or after "in", "gemeente" and the like, never after
  // "de", "mijn" and the like.
  function placesIn(query, places, common, maxWords) {
    var typed = words(query);
    var capitals = typedWith(query, function (w) { return /^[A-Z\u00c0-\u00de]/.test(w); });
    var found = [];
    for (var n = Math.min(maxWords, typed.length); n >= 1; n--) {
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

  return Object.freeze({
    normalise: normalise,
    words: words,
    rawWords: rawWords,
    typedWith: typedWith,
    isStopWord: isStopWord,
    meaningful: meaningful,
    same: same,
    contains: contains,
    sibling: sibling,
    verbForms: verbForms,
    separableForms: separableForms,
    splitCompound: splitCompound,
    editDistance: editDistance,
    nearWords: nearWords,
    keptAbbreviations: keptAbbreviations,
    placesIn: placesIn,
  });
});
