// A filter box for long A–Z lists (Vind je regio). Without JavaScript the list and the
// letter links still work; with it, typing narrows the list to matching names.
(function () {
  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/^['’]s-/, "");
  }
  function setup(holder) {
    var list = document.getElementById(holder.getAttribute("data-rw-filter"));
    if (!list || holder.querySelector("input")) return;
    var label = document.createElement("label");
    label.textContent = "Typ je gemeente";
    label.setAttribute("for", "rw-filter-input");
    var input = document.createElement("input");
    input.type = "search";
    input.id = "rw-filter-input";
    input.autocomplete = "off";
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    status.className = "rw-filter__status";
    holder.append(label, input, status);
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var headings = Array.prototype.slice.call(list.querySelectorAll("h2"));
    input.addEventListener("input", function () {
      var needle = normalise(input.value.trim());
      var shown = 0;
      items.forEach(function (li) {
        var match = !needle || normalise(li.textContent).indexOf(needle) !== -1;
        li.hidden = !match;
        if (match) shown++;
      });
      headings.forEach(function (h) {
        var ul = h.nextElementSibling;
        var any = ul && Array.prototype.some.call(ul.querySelectorAll("li"), function (li) { return !li.hidden; });
        h.hidden = !any;
        if (ul) ul.hidden = !any;
      });
      status.textContent = needle ? shown + (shown === 1 ? " gemeente gevonden" : " gemeenten gevonden") : "";
    });
    // The home page's "Vind je regio" form sends ?gemeente=…: start with that name filled in.
    var asked = new URLSearchParams(location.search).get("gemeente");
    if (asked) {
      input.value = asked;
      input.dispatchEvent(new Event("input"));
    }
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rw-filter]"), setup);
  }
  // Material loads pages without a full reload (instant navigation) when enabled; run on each.
  if (typeof document$ !== "undefined") document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
