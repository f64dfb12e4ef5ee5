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
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rw-filter]"), setup);
  }
  // Material loads pages without a full reload (instant navigation) when enabled; run on each.
  if (typeof document$ !== "undefined") document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();

// Facet filters for grouped overviews (lessons; documents and tools): generator/render/facets.py
// writes an empty holder, data-rw-facets="<id of the lists>", with the facets' labels and options in
// data-rw-facets-spec, and gives every list item a hidden marker with its values
// (data-rw-item="niveau:gezin soort:knooppunt thema:..."). Without JavaScript the grouped lists
// and the "Snel naar" links are the way in; with it, one select box per facet narrows the lists,
// and a group heading whose items are all hidden is hidden too.
(function () {
  function setup(holder) {
    var list = document.getElementById(holder.getAttribute("data-rw-facets"));
    if (!list || holder.querySelector("select")) return;
    var spec;
    try { spec = JSON.parse(holder.getAttribute("data-rw-facets-spec") || "[]"); } catch (err) { return; }
    var items = Array.prototype.map.call(list.querySelectorAll("li"), function (li) {
      var marker = li.querySelector("[data-rw-item]");
      var tokens = marker ? marker.getAttribute("data-rw-item").split(/\s+/) : [];
      return { li: li, tokens: tokens };
    });
    var selects = [];
    var form = document.createElement("div");
    form.className = "rw-facets__fields";
    spec.forEach(function (facet) {
      if (!facet.options || facet.options.length < 2) return;
      var id = holder.getAttribute("data-rw-facets") + "-" + facet.key;
      var field = document.createElement("div");
      field.className = "rw-facets__field";
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.textContent = facet.label;
      var select = document.createElement("select");
      select.id = id;
      select.setAttribute("data-rw-facet", facet.key);
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "Alle";
      select.appendChild(all);
      facet.options.forEach(function (option) {
        var el = document.createElement("option");
        el.value = option[0];
        el.textContent = option[1];
        select.appendChild(el);
      });
      select.addEventListener("change", apply);
      field.append(label, select);
      form.appendChild(field);
      selects.push(select);
    });
    if (!selects.length) return;
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    status.className = "rw-filter__status";
    holder.append(form, status);

    function apply() {
      var wanted = selects
        .filter(function (s) { return s.value; })
        .map(function (s) { return s.getAttribute("data-rw-facet") + ":" + s.value; });
      var shown = 0;
      items.forEach(function (item) {
        var match = wanted.every(function (token) { return item.tokens.indexOf(token) !== -1; });
        item.li.hidden = !match;
        if (match) shown++;
      });
      // A list with nothing left is hidden, and so is each heading with no visible item below it
      // before the next heading of the same or a higher level.
      Array.prototype.forEach.call(list.querySelectorAll("ul"), function (ul) {
        ul.hidden = !Array.prototype.some.call(ul.children, function (li) { return !li.hidden; });
      });
      var children = Array.prototype.slice.call(list.children);
      children.forEach(function (el, i) {
        var level = /^H([1-6])$/.exec(el.tagName);
        if (!level) return;
        var any = false;
        for (var j = i + 1; j < children.length; j++) {
          var next = /^H([1-6])$/.exec(children[j].tagName);
          if (next && next[1] <= level[1]) break;
          if (children[j].tagName === "UL" && !children[j].hidden) { any = true; break; }
        }
        el.hidden = !any;
      });
      status.textContent = wanted.length ? shown + " van de " + items.length + " gevonden" : "";
    }
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rw-facets]"), setup);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
