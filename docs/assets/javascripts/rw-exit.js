// "Snel weg" (quick exit, docs/overrides/partials/rw-exit.html). A click on the button, or Escape
// pressed three times within two seconds, hides the page at once and replaces it with a neutral
// site through location.replace: the page leaves the tab's history, so Back does not return to it.
// Without JavaScript the button is a plain link to the same site.
(function () {
  var button = document.querySelector("a[data-rw-exit]");
  if (!button) return;
  var target = button.href;
  var leaving = false;

  function leave(event) {
    if (event) event.preventDefault();
    if (leaving) return;
    leaving = true;
    // Hide first: whoever looks at the screen sees nothing of the page while the other site loads.
    document.documentElement.classList.add("rw-leaving");
    if (document.body) document.body.hidden = true;
    document.title = "";
    window.location.replace(target);
  }

  button.addEventListener("click", leave);

  var presses = [];
  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") return;
      var now = Date.now();
      presses = presses.filter(function (time) { return now - time < 2000; });
      presses.push(now);
      if (presses.length >= 3) leave(event);
    },
    true
  );
})();
