/* Routewijzer search: the language of a query and of a page (Dutch or English).
 *
 * The site has Dutch pages and English pages (under en/). An English question should find the
 * English pages, a Dutch question the Dutch ones; both kinds of page share one index.
 *
 * createDetector(docs, options) learns from the documents ({location, title, text}) which words
 * occur only on English pages and which only on Dutch ones. `detect(query)` then weighs the
 * query's words: common function words of each language ("the", "my", "what" / "de", "mijn",
 * "wat") count twice, a word found only on pages of one language once, a word on both (a Dutch
 * term explained on an English page: "gezinsvoogd") not at all. A tie falls back to
 * options.pageLanguage (the language of the page the reader is on), else to Dutch, the site's
 * language.
 *
 * `focus(query, language)`: for an English query, the query without English function words,
 * which the Dutch-minded ranking would otherwise take for content words ("what is a wijkteam"
 * → "wijkteam"). A Dutch query is returned as it is.
 *
 * `prefer(ranked, language)`: the ranked pages of the query's language first, each group in
 * its own order, so a Dutch query keeps exactly its Dutch order and the English pages follow.
 *
 * Knows nothing of workers, lunr or Material. Loaded by the search worker with importScripts
 * (sets the global RwLanguage) and by Node with require (tests/search/js/).
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.RwLanguage = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var ENGLISH_PREFIX = "en/";

  // Function words that are clearly one language (words both languages write alike, such as
  // "in", "is", "was", "hoe"/"how" aside, are left out on purpose).
  var ENGLISH = new Set(("a an the my our your his her their its this that these those what who whom which " +
    "where when why how can could should would will shall do does did doing am are was were be been being " +
    "have has i you he she it we they him us them not no yes and or but if then than so because " +
    "to of for from with about after before into at on by under over there here just only also very " +
    "please any some every all more most much many child children son daughter kid kids parent parents " +
    "mother father mum mom dad home care youth court judge letter law rights free call talk " +
    "someone somebody anyone nobody something danger safe family").split(" "));
  var DUTCH = new Set(("de het een mijn onze jouw je jij zijn haar hun wat wie welke waar wanneer waarom hoe " +
    "kan kun kunnen moet moeten mag mogen wil willen wordt worden ben bent heb hebt heeft hebben ik wij we " +
    "zij ze hij niet geen ja nee en of maar als dan omdat naar van voor met over na bij uit aan door onder " +
    "er hier daar ook nog al alle meer veel kind kinderen zoon dochter ouder ouders moeder vader thuis " +
    "school hulp zorg jeugd rechter brief wet rechten gratis bellen praten iemand niemand iets gevaar " +
    "veilig gezin").split(" "));

  function words(text) {
    return String(text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9']+/).map(function (w) { return w.replace(/^'+|'+$/g, ""); })
      .filter(function (w) { return w.length > 0; });
  }

  function pageLanguage(location) {
    return String(location || "").indexOf(ENGLISH_PREFIX) === 0 ? "en" : "nl";
  }

  function createDetector(docs, options) {
    options = options || {};
    var seen = { en: new Set(), nl: new Set() };
    (docs || []).forEach(function (doc) {
      var lang = pageLanguage(doc.location);
      words(doc.title).concat(words(doc.text)).forEach(function (w) { seen[lang].add(w); });
    });
    var fallback = options.pageLanguage === "en" ? "en" : "nl";

    function score(query) {
      var total = 0;
      words(query).forEach(function (w) {
        if (ENGLISH.has(w) && !DUTCH.has(w)) total += 2;
        else if (DUTCH.has(w) && !ENGLISH.has(w)) total -= 2;
        else if (seen.en.has(w) && !seen.nl.has(w)) total += 1;
        else if (seen.nl.has(w) && !seen.en.has(w)) total -= 1;
      });
      return total;
    }

    function detect(query) {
      var s = score(query);
      return s > 0 ? "en" : s < 0 ? "nl" : fallback;
    }

    return Object.freeze({ detect: detect, score: score });
  }

  // Only function words: the nouns of ENGLISH ("child", "help") carry the question.
  var FUNCTION_WORDS = new Set(("a an the my our your his her their its this that these those what who whom " +
    "which where when why how can could should would will shall do does did am are was were be been being " +
    "have has had i you he she it we they me him us them is to of for from with about at on by into " +
    "there here just please any some").split(" "));

  function focus(query, language) {
    if (language !== "en") return query;
    var kept = String(query).split(/\s+/).filter(function (token) {
      var w = words(token)[0];
      return w !== undefined && !FUNCTION_WORDS.has(w);
    });
    return kept.length ? kept.join(" ") : query;
  }

  function prefer(ranked, language) {
    if (!ranked || !language) return ranked;
    var first = [];
    var rest = [];
    ranked.forEach(function (r) { (pageLanguage(r.location) === language ? first : rest).push(r); });
    return first.concat(rest);
  }

  return Object.freeze({
    createDetector: createDetector,
    focus: focus,
    prefer: prefer,
    pageLanguage: pageLanguage,
  });
});
