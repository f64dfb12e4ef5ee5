// Runs before Material's bundle: swap the search worker for Routewijzer's wrapper, which
// loads Material's own worker and ranks the results with the site's own data.
(function () {
  var el = document.getElementById("__config");
  if (!el) return;
  var config = JSON.parse(el.textContent);
  if (!config.search) return;
  var material = new URL(config.search, document.baseURI);
  var wrapper = new URL("rw-search.js", material);
  wrapper.searchParams.set("material", material.pathname.split("/").pop());
  // The page's language (en on /en/ pages) decides the search language when a query does not.
  wrapper.searchParams.set("lang", document.documentElement.lang === "en" ? "en" : "nl");
  config.search = wrapper.href;
  el.textContent = JSON.stringify(config);
})();

// Load the search index when someone is about to search, not on every page view.
// Material requests search/search_index.json (about 1 MB) as soon as a page opens; on a phone
// that costs data and time for the many visitors who only read. We hold that one request back
// until the visitor points at, touches or focuses the search box, presses a search shortcut,
// or opens a link with ?q=. Every other request passes untouched.
(function () {
  var INDEX = /\/search\/search_index\.json(?:$|\?)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var wanted = /[?&]q=/.test(location.search);
  var held = [];

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (release) { release(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.rwSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.rwSearchIndex || wanted) return send.apply(this, arguments);
    var xhr = this;
    var args = arguments;
    held.push(function () { send.apply(xhr, args); });
  };

  function isSearch(target) {
    return !!(target && target.closest && target.closest(".md-search, label[for='__search'], [data-md-toggle='search']"));
  }
  ["pointerover", "touchstart", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (ev) { if (isSearch(ev.target)) want(); }, { passive: true, capture: true });
  });
  // Material's shortcuts that open the search: "/", "s" and "f".
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" || ev.key === "s" || ev.key === "f" || ev.key === "S" || ev.key === "F") want();
  }, { capture: true });
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) want();
  }, { capture: true });
})();

// The search box takes at most as many characters as the search worker reads (MAX_QUERY_CHARS in
// workers/rw-search.js): a long paste is cut here, before Material handles a single keystroke.
(function () {
  var field = document.querySelector("input.md-search__input");
  if (field) field.maxLength = 200;
})();

// The hreflang links in the page head (partials/rw-hreflang.html) are for search engines. Material
// fetches sitemap.xml beside every link[rel=alternate] for its own language selector, which this
// site does not use: two needless requests on every page that has an English or Dutch version (and
// a cross-origin one when site_url names another host). Those requests are not sent.
(function () {
  var SITEMAP = /\/sitemap\.xml(?:$|[?#])/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.rwSitemap = SITEMAP.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.rwSitemap) return undefined;
    return send.apply(this, arguments);
  };
})();
