/*
 * Live reload for `mkdocs serve`, as a file the Content-Security-Policy allows ('self'), in place
 * of the inline script MkDocs writes into each page (which the policy blocks). Only pages built
 * by `mkdocs serve` name this script (overrides/main.html, config.extra.live_reload): published
 * pages never load it.
 *
 * MkDocs' server answers /livereload/<epoch>/<id> once it holds a build newer than <epoch>
 * (at once for epoch 0, which tells us the current build), or after a minute with the same one.
 */
(function () {
  "use strict";
  var id = String(Math.floor(Math.random() * 1e9));
  var known = null;
  var request = null;

  function poll() {
    request = new XMLHttpRequest();
    request.onloadend = function () {
      var epoch = parseInt(this.responseText, 10);
      if (this.status === 200 && !isNaN(epoch)) {
        if (known !== null && epoch > known) {
          location.reload();
          return;
        }
        known = epoch;
      }
      setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    request.open("GET", "/livereload/" + (known === null ? 0 : known) + "/" + id);
    request.send();
  }

  window.addEventListener("beforeunload", function () {
    if (request) {
      request.abort();
    }
  });
  poll();
})();
