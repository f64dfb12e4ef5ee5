// The home page's "Vind je regio" field (docs/overrides/partials/rw-home.html): while a visitor
// types a municipality, show its jeugdregio with a link. The list (municipality, note, region,
// page) is rw-gemeenten.json beside this script, generated from data/regio/ on every build and
// fetched when the field is first used. The offline copy opened from disk (file://) cannot fetch:
// there the page loads the list as a script first (rw-gemeenten.js sets self.RW_MUNICIPALITIES,
// region pages as that copy's files). Without JavaScript the form opens the A–Z instead.
(function () {
  var script = document.currentScript;
  var input = document.getElementById("rw-region-q");
  var answer = document.querySelector("[data-rw-region]");
  if (!script || !input || !answer) return;
  var listUrl = new URL("rw-gemeenten.json", script.src);
  var siteRoot = new URL("../../", script.src);
  var rows = null;
  var loading = null;

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/^['’]s[- ]/, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  function load() {
    if (loading) return loading;
    if (self.RW_MUNICIPALITIES) {
      loading = Promise.resolve(self.RW_MUNICIPALITIES).then(use);
    } else if (location.protocol === "file:") {
      // From disk nothing can be fetched; without the script there is no live answer, and the
      // form still opens the A–Z.
      loading = Promise.resolve();
    } else {
      loading = fetch(listUrl.href)
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(use)
        .catch(function () { rows = []; });
    }
    return loading;
  }

  function use(data) {
    rows = data.map(function (row) { return { name: row[0], note: row[1], region: row[2], page: row[3], key: normalise(row[0]) }; });
  }

  function matches(needle) {
    var exact = [], start = [], inside = [];
    rows.forEach(function (row) {
      if (row.key === needle) exact.push(row);
      else if (row.key.indexOf(needle) === 0) start.push(row);
      else if (needle.length >= 3 && row.key.indexOf(needle) > 0) inside.push(row);
    });
    return exact.concat(start, inside);
  }

  function show() {
    var needle = normalise(input.value);
    answer.textContent = "";
    if (!needle || !rows) return;
    var found = matches(needle);
    if (!found.length) {
      answer.textContent = "Geen gemeente gevonden. Kijk in de lijst van alle gemeenten.";
      return;
    }
    var list = document.createElement("ul");
    found.slice(0, 5).forEach(function (row) {
      var item = document.createElement("li");
      item.append(row.name + (row.note ? " (" + row.note + ")" : "") + " hoort bij jeugdregio ");
      var link = document.createElement("a");
      link.href = new URL(row.page, siteRoot).href;
      link.textContent = row.region;
      item.append(link);
      list.append(item);
    });
    answer.append(list);
    if (found.length > 5) {
      var more = document.createElement("p");
      more.textContent = "En nog " + (found.length - 5) + " andere. Typ verder.";
      answer.append(more);
    }
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load().then(show); });
  input.form.addEventListener("submit", function (event) {
    if (!rows) return;
    var found = matches(normalise(input.value));
    var regions = {};
    found.forEach(function (row) { regions[row.page] = true; });
    // One region for everything that matches: go straight there; otherwise the A–Z narrows the list.
    if (found.length && Object.keys(regions).length === 1) {
      event.preventDefault();
      location.href = new URL(found[0].page, siteRoot).href;
    }
  });
})();
