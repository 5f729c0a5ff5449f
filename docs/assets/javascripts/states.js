/* Certification by state (/states/): filter the states table by name and by two questions.
   The form shows once this script marks it ready (states.css); without JavaScript every state
   is shown (sorting is compare.js). On a phone it also draws the states' cards that the page left
   undrawn while it loaded (content-visibility in states.css), a few a frame, so none changes
   height later under a reader's focus. */
(function () {
  "use strict";

  var CARDS_A_FRAME = 4;  /* about 6 ms of layout on a desktop processor, 25 ms on a slow phone */

  function drawCards(rows) {
    var next = 0;
    (function draw() {
      for (var end = Math.min(next + CARDS_A_FRAME, rows.length); next < end; next += 1) {
        rows[next].setAttribute("data-drawn", "");
      }
      if (next < rows.length) requestAnimationFrame(function () { setTimeout(draw, 0); });
    })();
  }

  function init() {
    var form = document.querySelector("[data-glance-filter]");
    var table = document.querySelector(".glance-table");
    if (!form || !table || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    drawCards(Array.prototype.slice.call(table.tBodies[0].rows));
    var name = form.querySelector("[data-glance-name]");
    var separate = form.querySelector("[data-glance-separate]");
    var icrc = form.querySelector("[data-glance-icrc]");
    var status = form.querySelector("[data-glance-status]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);

    function update() {
      var words = name.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var keep = (!words || row.getAttribute("data-name").indexOf(words) !== -1) &&
          (!separate.value || row.getAttribute("data-separate") === separate.value) &&
          (!icrc.value || row.getAttribute("data-icrc") === icrc.value);
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      status.textContent = shown === rows.length ? "Showing all " + rows.length + " states." :
        "Showing " + shown + " of " + rows.length + " states.";
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    [name, separate, icrc].forEach(function (field) {
      field.addEventListener("input", update);
      field.addEventListener("change", update);
    });
    update();
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
