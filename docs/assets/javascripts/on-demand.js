/*
 * Material's scripts load when the reader first does something, not with every page.
 *
 * A reader who only reads needs no script: the text, the links, the menu drawer (a CSS toggle)
 * and crisis help all work without one. Material's bundle (35 KB compressed, and a few hundred
 * milliseconds of a phone's processor) adds search, the colour toggle, the back-to-top button and
 * other enhancements; it loads on the reader's first touch, click, key, scroll or mouse move.
 * Its search index (about 110 KB compressed) and search worker wait longer: until the search box
 * is opened. Together this keeps a first visit under 60 KB (bench/lighthouse.py).
 *
 * The bundle's address comes from the data-bundle attribute of this script's own tag
 * (overrides/main.html). tests/test_on_demand.py checks all of this in Chromium.
 */
(function () {
  "use strict";

  var bundle = document.currentScript && document.currentScript.getAttribute("data-bundle");

  /* ---- Search: the index and the worker wait until the search box is opened -------------- */

  var searchOpen = false;
  var heldRequests = [];

  function openSearch() {
    if (searchOpen) return;
    searchOpen = true;
    heldRequests.splice(0).forEach(function (send) { send(); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) openSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) openSearch();
  });
  // An address that searches (?q=..., from the 404 page's search box) or highlights the words of
  // a search (?h=..., a link from a search result) needs Material and the index at once.
  if (/[?&][qh]=/.test(location.search)) openSearch();

  // Material asks for the index with XMLHttpRequest: hold that one request back until search opens.
  var request = XMLHttpRequest.prototype;
  var openRequest = request.open;
  var sendRequest = request.send;
  request.open = function (method, url) {
    this.isSearchIndex = /\/search\/search_index\.json$/.test(String(url));
    return openRequest.apply(this, arguments);
  };
  request.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.isSearchIndex || searchOpen) return sendRequest.apply(xhr, args);
    heldRequests.push(function () { sendRequest.apply(xhr, args); });
  };

  // Material starts its search worker at once and first writes to it once the index has arrived:
  // hand it a stand-in that starts the real worker with that first message.
  var RealWorker = window.Worker;
  function WorkerOnFirstMessage(url, options) {
    var stand = new EventTarget();
    var worker = null;
    stand.postMessage = function (message) {
      if (!worker) {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          stand.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        worker.addEventListener("error", function () { stand.dispatchEvent(new Event("error")); });
      }
      worker.postMessage(message);
    };
    stand.terminate = function () { if (worker) worker.terminate(); };
    return stand;
  }
  if (RealWorker && typeof EventTarget === "function") {
    window.Worker = function (url, options) {
      return /\/workers\/search\.[^/]*\.js$/.test(String(url))
        ? WorkerOnFirstMessage(url, options)
        : new RealWorker(url, options);
    };
  }

  /* ---- Material's bundle: on the reader's first action ------------------------------------ */

  var FIRST_ACTIONS = ["pointerdown", "touchstart", "keydown", "focusin", "wheel", "scroll", "mousemove"];
  var loading = false;
  var firstKey = null;

  function loadBundle(event) {
    if (loading || !bundle) return;
    loading = true;
    FIRST_ACTIONS.forEach(function (type) { window.removeEventListener(type, loadBundle, true); });
    // A shortcut key (/ or s to search) pressed before the bundle ran is played again after it.
    if (event && event.type === "keydown" && /^[/sf]$/.test(event.key) &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName || "")) {
      firstKey = event.key;
    }
    // The bundle starts on DOMContentLoaded, which has passed: while it runs its first lines,
    // a DOMContentLoaded listener is called at once instead of waiting for an event that is over.
    var addListener = document.addEventListener;
    document.addEventListener = function (type, listener) {
      if (type !== "DOMContentLoaded") return addListener.apply(document, arguments);
      setTimeout(function () {
        if (typeof listener === "function") listener.call(document, new Event(type));
        else listener.handleEvent(new Event(type));
      });
    };
    var script = document.createElement("script");
    script.src = bundle;
    script.onload = script.onerror = function () {
      document.addEventListener = addListener;
      if (firstKey) {
        setTimeout(function () {
          window.dispatchEvent(new KeyboardEvent("keydown", { key: firstKey, bubbles: true }));
        });
      }
    };
    document.body.appendChild(script);
  }

  if (searchOpen) {
    loadBundle();
  } else {
    FIRST_ACTIONS.forEach(function (type) {
      window.addEventListener(type, loadBundle, { capture: true, passive: true });
    });
  }
})();
