/* Routewijzer search: finding and ranking.
 *
 * createIndex(docs, data, options) builds one search index from the site's documents (the
 * MkDocs search documents: {location, title, text, boost}) and rw-search.json's data (glossary
 * synonyms and abbreviations, municipality → region, each page's keywords and weight, everyday
 * word families, frequent Dutch words). The index answers two questions per query:
 *
 * 1. Finding (`terms`): which words to look for, each with a weight and whether a prefix
 *    counts, so a full-text engine returns every candidate page: function words dropped;
 *    synonyms and abbreviations ("OTS" ↔ "ondertoezichtstelling"); a municipality name adds
 *    its region; compounds split or joined ("expert team" → "expertteam"); small typos
 *    corrected.
 *
 * 2. Ranking (`rank`): a field-weighted BM25 per page over title, keywords and text, where
 *    each query word also matches its inflections, compounds, separable verbs, everyday family
 *    words and typo corrections; pages that answer more of the query rank higher; a title or
 *    keyword phrase found whole in the query (in any order and form) is a strong answer;
 *    frequent everyday words that are not this field's own weigh lightly.
 *
 * All state lives in the index object; the weights are named in WEIGHTS. Knows nothing of
 * workers or of any search engine: a stemmer can be passed in (options.stem). Loaded by the
 * search worker with importScripts after dutch.js (sets the global RwRank) and by Node with
 * require (tests/search/js/).
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./dutch.js"));
  else root.RwRank = factory(root.RwDutch);
})(typeof self !== "undefined" ? self : this, function (dutch) {
  "use strict";

  var WEIGHTS = Object.freeze({
    // --- Ranking: BM25 per page over three fields (title, keywords, text).
    // Weight of a keyword occurrence in BM25's summed term frequency (keywords are chosen by editors).
    keywords: 2.5,
    // Weight of a text occurrence in BM25's summed term frequency (the baseline).
    text: 1,
    // A query word in the page title adds this much on top of the BM25 score of keywords and
    // text (divided by the title's length normalisation).
    title: 1.5,
    // BM25 term-frequency saturation: how fast more occurrences stop adding.
    k1: 1.2,
    // BM25 length normalisation of the title (0: length ignored, 1: fully normalised).
    bTitle: 0.3,
    // BM25 length normalisation of the keywords.
    bKeywords: 0.5,
    // BM25 length normalisation of the text.
    bText: 0.75,

    // --- Ranking: how much each query word counts.
    // A frequent everyday word, or a number, that is not in a title or glossary term ("gebeurt", "13").
    common: 0.35,
    // A glossary term's own word added because the query holds one of its synonyms or its abbreviation.
    synonym: 0.8,
    // A region's title word added because the query names one of its municipalities.
    place: 2,

    // --- Ranking: how sure a match is (1 = the word as typed).
    // A word with the same Dutch (Snowball) stem.
    stem: 0.9,
    // The word plus or minus a short inflection ("kind"/"kinderen").
    inflection: 0.85,
    // Another derivation of the same stem ("begeleider"/"begeleiding").
    derivation: 0.75,
    // A compound with the word as its head or tail ("bescherming" in "jeugdbescherming").
    compound: 0.45,
    // A regular verb form ("woont"/"wonen").
    verbForm: 0.85,
    // A broader word of the word's everyday family ("dochter" → "kind").
    family: 0.8,
    // An inflection of such a broader word ("kind" → "kinderen").
    familyInflection: 0.75,
    // A separable verb joined again with its particle ("zet ... op" → "opzet", "opgezet").
    separable: 0.9,
    // An inflection of such a joined verb ("opgezet" → "opgezette").
    separableInflection: 0.8,
    // A typo correction one edit away (a swap of neighbours counts as one edit).
    typoOneEdit: 0.9,
    // A typo correction two edits away.
    typoTwoEdits: 0.7,
    // A part of an unknown compound ("veiligthuis" → "veilig", "thuis").
    compoundPart: 0.5,

    // --- Ranking: phrases (a page's title or keyword phrase found whole in the query).
    // Multiplies the best phrase's score; added to the page's BM25 total.
    phrase: 1.5,
    // Added per word (function words included) of a keyword phrase of three or more words typed word for word.
    exactWord: 0.5,
    // How sure a word's match must be to count as that word of a phrase.
    phraseMatch: 0.7,

    // --- Ranking: coverage (how much of the query a page answers).
    // Share of the score a page keeps when it answers none of the query (all of it at full coverage).
    coverageFloor: 0.2,
    // Lowest reference score for "answers this word fully", so one rare weak match does not count as full.
    coverageReference: 0.1,
    // Lowest weight of a query word in the coverage, so a word the site hardly uses still counts a little.
    coverageWordFloor: 0.5,

    // --- Finding: weights of the words to look for (for the full-text engine).
    // A word of the query (also as a prefix).
    findWord: 4,
    // A region's title word for a municipality named in the query.
    findRegion: 12,
    // A glossary term's word for a synonym or abbreviation in the query.
    findSynonym: 6,
    // Two or three query words the index knows as one compound.
    findCompound: 6,
    // A part of a query word that is a compound of two known words.
    findCompoundPart: 3,
    // A typo correction of a query word.
    findTypo: 3,
    // A word on more than one in this many pages is generic: on its own it does not pull in a glossary term.
    genericPages: 20,

    // --- Admitting there is no answer.
    // A best page scoring below this is no good answer: the search says so first. Measured on the
    // real site (the query sets in tests/search/, the unanswerable ones included): the lowest best
    // score of the 468 answerable queries is 4.8 (one below 5, 4 below 6), while 26 of the 32
    // unanswerable queries score below 5 (or find nothing). Scores depend on the index: measure
    // again (`make bench-search`) after large changes to the content or the weights.
    noAnswer: 5,
  });

  // Sections that describe other pages or the sources, not this page's answer.
  var NOT_ANSWER = /#(zie-ook|bronnen)$/;

  // The page a document belongs to: "begrip/ots/#uitleg" → "begrip/ots/".
  function pageOf(location) {
    return location.split("#")[0];
  }

  // One search index over `docs` with rw-search.json's `data`. options.stem(word) gives a
  // word's stem (called lazily, on the first ranking; without it a word is its own stem).
  function createIndex(docs, data, options) {
    var W = WEIGHTS;
    data = data || {};
    var stemmer = (options && options.stem) || function (word) { return word; };
    var FIELD_WEIGHT = [0, W.keywords, W.text];  // the title counts apart, on top (W.title)
    var FIELD_B = [W.bTitle, W.bKeywords, W.bText];

    // This index's state.
    var prefixes = new Set();      // every prefix (3+ letters) of the words in the index
    var synonyms = [];             // [{words: [content words of the phrase], add: [expansion words]}]
    var places = new Map();        // municipality name → words of its region's title
    var abbreviations = new Set(); // glossary and law abbreviations: specific however often they occur
    var maxPlaceWords = 1;
    var common = new Set();        // frequent everyday Dutch words ("gebeurt", "verschil", "eigenlijk")
    var curated = new Set();       // words of page titles and glossary terms: this field's own words
    var families = new Map();      // everyday word → broader words the site uses ("dochter" → "kind")
    var pageData = new Map();      // page location → {boost, keywords} from rw-search.json
    var pageList = [];             // [{location, title, docs: [section docs], boost, phrases, exact, len: [t, k, x]}]
    var pageIndex = new Map();     // page location → index in pageList
    var postings = new Map();      // word → Map(page index → [tf title, tf keywords, tf text])
    var averageLength = [1, 1, 1];
    var stems = null;              // word → stem, filled on the first ranking
    var byStem = null;             // stem → [words]

    function isWord(word) {
      return postings.has(word);
    }

    // How many pages use the word (in title, keywords or text).
    function pagesWith(word) {
      var pages = postings.get(word);
      return pages ? pages.size : 0;
    }

    // A word on more than one in twenty pages says little about what someone looks for
    // ("hulp", "kind"): on its own it may not pull in a glossary term.
    function generic(word) {
      return pagesWith(word) > pageList.length / W.genericPages;
    }

    function known(word) {
      return word.length < 3 ? postings.has(word) : prefixes.has(word);
    }

    function nearWords(word) {
      return dutch.nearWords(word, postings.keys(), pagesWith);
    }

    function keptAbbreviations(query) {
      return dutch.keptAbbreviations(query, abbreviations);
    }

    function placesIn(query) {
      return dutch.placesIn(query, places, common, maxPlaceWords);
    }

    // A glossary entry the query holds: all its words (in any form), unless they are all
    // generic words (a lone abbreviation always counts).
    function synonymApplies(entry, content) {
      if (!entry.words.length) return false;
      if (entry.words.every(generic) && !(entry.words.length === 1 && abbreviations.has(entry.words[0]))) return false;
      return dutch.contains(content, entry.words);
    }

    // --- Building.

    function addPosting(word, page, field) {
      var forWord = postings.get(word);
      if (!forWord) { forWord = new Map(); postings.set(word, forWord); }
      var tf = forWord.get(page);
      if (!tf) { tf = [0, 0, 0]; forWord.set(page, tf); }
      tf[field] += 1;
    }

    function indexPages() {
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
          dutch.words(page.title).forEach(function (w) { addPosting(w, i, 0); page.len[0] += 1; curated.add(w); });
        }
        if (!NOT_ANSWER.test(doc.location) && (doc.location !== location || text)) {
          var heading = doc.location === location ? "" : doc.title || "";
          dutch.words(heading + " " + text.replace(/<[^>]+>/g, " ")).forEach(function (w) {
            addPosting(w, i, 2);
            page.len[2] += 1;
          });
        }
      });
    }

    function indexData() {
      (data.abbreviations || []).forEach(function (a) { abbreviations.add(a); });
      Object.keys(data.synonyms || {}).forEach(function (key) {
        var phrase = dutch.words(key).filter(function (w) { return !dutch.isStopWord(w) || abbreviations.has(w); });
        synonyms.push({ words: phrase, add: data.synonyms[key] });
      });
      // Maps, not plain objects: a query word such as "constructor" must not find Object's own properties.
      Object.keys(data.pages || {}).forEach(function (location) { pageData.set(location, data.pages[location]); });
      Object.keys(data.families || {}).forEach(function (word) { families.set(word, data.families[word]); });
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
    }

    function indexKeywords() {
      pageData.forEach(function (entry, location) {
        var i = pageIndex.get(location);
        if (i === undefined) return;
        var page = pageList[i];
        (entry.keywords || []).forEach(function (phrase) {
          var all = dutch.words(phrase);
          all.forEach(function (w) {
            addPosting(w, i, 1);
            page.len[1] += 1;
          });
          var content = dutch.meaningful(all);
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

    // --- Finding.

    // The words to look for, [{term, boost, prefix}] (a word reached twice keeps its highest
    // weight), or null when the query has no words.
    function terms(query) {
      var typed = dutch.rawWords(query);
      var plain = dutch.words(query);
      if (!plain.length) return null;
      var kept = keptAbbreviations(query);
      var content = plain.filter(function (w) { return kept.has(w) || (!dutch.isStopWord(w) && (w.length > 1 || /\d/.test(w))); });
      if (!content.length) content = plain;
      // term → {boost, prefix}: a word reached twice keeps its highest weight.
      var weights = new Map();
      function add(term, boost, prefix) {
        var current = weights.get(term);
        if (!current) weights.set(term, { boost: boost, prefix: prefix });
        else weights.set(term, { boost: Math.max(current.boost, boost), prefix: current.prefix || prefix });
      }
      // The words themselves, exact and as a prefix.
      typed.forEach(function (w) {
        var n = dutch.normalise(w);
        if ((kept.has(n) || !dutch.isStopWord(n)) && w.length > 1) add(w, W.findWord, true);
      });
      content.forEach(function (w) { add(w, W.findWord, true); });
      // Place names, also of two or three words ("bergen op zoom", "den haag") → their region.
      placesIn(query).forEach(function (place) { place.region.forEach(function (w) { add(w, W.findRegion, false); }); });
      // Glossary phrases whose words all occur in the query (in any form) → the glossary term.
      synonyms.forEach(function (entry) {
        if (synonymApplies(entry, content)) entry.add.forEach(function (w) { add(w, W.findSynonym, false); });
      });
      content.forEach(function (term, i) {
        // Two or three words the index knows as one compound ("pleeg zorg" → "pleegzorg").
        if (i + 1 < content.length && postings.has(term + content[i + 1])) add(term + content[i + 1], W.findCompound, false);
        if (i + 2 < content.length && postings.has(term + content[i + 1] + content[i + 2])) {
          add(term + content[i + 1] + content[i + 2], W.findCompound, false);
        }
        // A compound of two known words also searches its parts ("veiligthuis" → "veilig thuis");
        // a word the index knows only rarely may be a typo of a common one.
        var parts = term.length >= 8 && pagesWith(term) <= 2 ? dutch.splitCompound(term, isWord) : null;
        if (parts) { add(parts[0], W.findCompoundPart, false); add(parts[1], W.findCompoundPart, false); }
        if (!known(term) || pagesWith(term) <= 1) nearWords(term).forEach(function (w) { add(w, W.findTypo, false); });
      });
      var out = [];
      weights.forEach(function (w, term) { out.push({ term: term, boost: w.boost, prefix: w.prefix }); });
      return out;
    }

    // --- Ranking.

    function stemOf(word) {
      if (stems === null) {
        stems = new Map();
        byStem = new Map();
        postings.forEach(function (_pages, w) {
          var s = stemmer(w);
          stems.set(w, s);
          var list = byStem.get(s);
          if (!list) byStem.set(s, [w]); else list.push(w);
        });
      }
      var found = stems.get(word);
      return found !== undefined ? found : stemmer(word);
    }

    function idf(word) {
      var df = pagesWith(word);
      var n = pageList.length;
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    // The index words a query word stands for, each with how sure we are (1 = the word itself).
    function alternatives(word, typed) {
      var alts = new Map();
      function put(w, weight) {
        if (!postings.has(w)) return;
        if ((alts.get(w) || 0) < weight) alts.set(w, weight);
      }
      put(word, 1);
      (byStem.get(stemOf(word)) || []).forEach(function (w) { put(w, W.stem); });
      postings.forEach(function (_pages, v) {
        if (v === word || v.length < 4) return;
        if (dutch.same(word, v)) put(v, W.inflection);
        else if (dutch.sibling(word, v)) put(v, W.derivation);
        // A Dutch compound contains the word as its head or tail ("bescherming" in
        // "jeugdbescherming", "pleeg" in "pleegzorg"): related, but less sure.
        else if (word.length >= 5 && v.length - word.length >= 3 &&
          (v.slice(0, word.length) === word || v.slice(-word.length) === word)) put(v, W.compound);
      });
      dutch.verbForms(word).forEach(function (w) { put(w, W.verbForm); });
      // Everyday words for what pages call otherwise ("dochter" → "kind", "opa" → "grootouders").
      (families.get(word) || []).forEach(function (broader) {
        put(broader, W.family);
        postings.forEach(function (_pages, v) { if (v !== broader && dutch.same(broader, v)) put(v, W.familyInflection); });
      });
      // Separable verbs: the particle stands elsewhere in the sentence ("zet ... op").
      dutch.separableForms(word, typed).forEach(function (joined) {
        put(joined, W.separable);
        postings.forEach(function (_pages, v) { if (v !== joined && dutch.same(joined, v)) put(v, W.separableInflection); });
      });
      if (pagesWith(word) <= 1 && !common.has(word)) {
        // One edit away is almost surely what was meant; two edits less so.
        nearWords(word).forEach(function (w) { put(w, dutch.editDistance(word, w, 1) <= 1 ? W.typoOneEdit : W.typoTwoEdits); });
        var parts = word.length >= 8 ? dutch.splitCompound(word, isWord) : null;
        if (parts) parts.forEach(function (w) { put(w, W.compoundPart); });
      }
      return alts;
    }

    function fieldScore(tf, page) {
      var weighted = 0;
      for (var f = 1; f < 3; f++) {
        if (!tf[f]) continue;
        var norm = 1 - FIELD_B[f] + FIELD_B[f] * (page.len[f] / averageLength[f]);
        weighted += FIELD_WEIGHT[f] * tf[f] / norm;
      }
      var score = weighted * (W.k1 + 1) / (weighted + W.k1);
      if (tf[0]) score += W.title / (1 - FIELD_B[0] + FIELD_B[0] * (page.len[0] / averageLength[0]));
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
        if (top >= W.phraseMatch) {
          matched += 1;
          gain += top * idf(w);
          covers.push.apply(covers, by.covers);
        }
      });
      return { matched: matched, gain: gain, covers: covers };
    }

    // The query as concepts: each content word with its alternatives, plus the words that
    // glossary synonyms and place names add.
    function conceptsOf(query) {
      var typed = dutch.words(query);
      var content = dutch.meaningful(typed, keptAbbreviations(query));
      if (!content.length) return [];
      // A frequent everyday word that is not one of this field's own words ("gebeurt",
      // "verschil") says little about which page answers, however rarely the site uses it.
      var concepts = content.map(function (w) {
        // A number that is not in a title or glossary term ("zoon van 13") is usually an age or a date.
        var weight = (common.has(w) || /^\d+$/.test(w)) && !curated.has(w) ? W.common : 1;
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
        if (!synonymApplies(entry, content)) return;
        var covers = content.filter(function (q) {
          return entry.words.some(function (p) { return entry.words.length === 1 ? q === p : dutch.same(q, p); });
        });
        entry.add.forEach(function (w) {
          if (content.indexOf(w) !== -1) return;
          concepts.push({ word: w, alts: alternatives(w, []), weight: W.synonym, covers: covers, original: false });
        });
      });
      // A place name stands for its region.
      placesIn(query).forEach(function (place) {
        place.region.forEach(function (w) {
          var alts = new Map();
          if (postings.has(w)) alts.set(w, 1);
          concepts.push({ word: w, alts: alts, weight: W.place, covers: place.name.split(" "), original: false });
        });
      });
      return concepts;
    }

    // The pages that answer the query, best first: [{page, location, score, coverage (the share of
    // the query the page answers, 0..1)}], or null when
    // the index is empty or the query has no content words.
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
          cover(i, c.covers, Math.min(1, s / Math.max(top, W.coverageReference)));
        });
      });
      // Phrases: the page title, or one of its keyword phrases, occurs in the query (in any
      // order and inflection): "wat is het verschil tussen drang en dwang" → "Drang en dwang".
      var typedText = " " + dutch.words(query).join(" ") + " ";
      pageList.forEach(function (page, i) {
        var best = 0;
        var bestCovers = null;
        var title = dutch.meaningful(dutch.words(page.title));
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
          var value = m.gain + W.exactWord * phrase.words;
          if (value > best) { best = value; bestCovers = dutch.meaningful(dutch.words(phrase.text)); }
        });
        if (best > 0) {
          phrases.set(i, W.phrase * best);
          cover(i, bestCovers, 1);
        }
      });
      var weightOf = new Map();
      var totalWeight = 0;
      originals.forEach(function (c) {
        var top = 0;
        c.alts.forEach(function (m, w) { top = Math.max(top, m * idf(w)); });
        var weight = Math.max(top, W.coverageWordFloor) * c.weight;
        weightOf.set(c.word, weight);
        totalWeight += weight;
      });
      var ranked = [];
      phrases.forEach(function (_score, i) { if (!totals.has(i)) totals.set(i, 0); });
      totals.forEach(function (score, i) {
        var answered = 0;
        (covered.get(i) || new Map()).forEach(function (amount, w) { answered += amount * (weightOf.get(w) || 0); });
        var coverage = totalWeight ? Math.min(1, answered / totalWeight) : 1;
        var data_ = pageData.get(pageList[i].location);
        var boost = data_ ? data_.boost : pageList[i].boost;
        // An overview page (weight below 1) lists other pages' summaries: its text counts for
        // less, but its own title asked for by name ("overzicht jeugdregio's") counts in full.
        var phrase = phrases.get(i) || 0;
        ranked.push({
          page: i,
          location: pageList[i].location,
          coverage: coverage,
          score: (score * boost + phrase * Math.max(boost, 1)) *
            (W.coverageFloor + (1 - W.coverageFloor) * coverage * coverage),
        });
      });
      ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
      return ranked;
    }

    // What to show for a page found through its keywords alone (which a full-text engine over
    // the documents cannot find): the page's own document and its first section that answers
    // (the summary), not "Zie ook" or the sources.
    function summary(page) {
      var docs_ = pageList[page].docs;
      var head = docs_[0];
      var first = docs_.filter(function (d) { return d !== head && !NOT_ANSWER.test(d.location); })[0];
      return first ? [head, first] : [head];
    }

    indexPages();
    indexData();

    return Object.freeze({
      terms: terms,
      rank: rank,
      summary: summary,
      pageCount: function () { return pageList.length; },
    });
  }

  // Whether the ranked pages hold a good answer: the best one scores at least WEIGHTS.noAnswer.
  // Nothing found (an empty list, or null for a query without content words) is no answer either.
  function answers(ranked) {
    return !!(ranked && ranked.length && ranked[0].score >= WEIGHTS.noAnswer);
  }

  return Object.freeze({ WEIGHTS: WEIGHTS, pageOf: pageOf, createIndex: createIndex, answers: answers });
});
