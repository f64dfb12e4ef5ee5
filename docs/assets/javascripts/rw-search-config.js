// Runs before Material's bundle: swap the search worker for Routewijzer's wrapper, which
// loads Material's own worker and rewrites each query before Material's index sees it.
(function () {
  var el = document.getElementById("__config");
  if (!el) return;
  var config = JSON.parse(el.textContent);
  if (!config.search) return;
  var material = new URL(config.search, document.baseURI);
  var wrapper = new URL("rw-search.js", material);
  wrapper.searchParams.set("material", material.pathname.split("/").pop());
  config.search = wrapper.href;
  el.textContent = JSON.stringify(config);
})();
