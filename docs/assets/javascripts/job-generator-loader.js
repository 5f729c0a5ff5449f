/*
 * Loads the job-description generator (job-generator.js, 8 KB compressed) only on the pages that
 * have one (/jobs/<role>/), so every other page stays light. The page names the script in
 * data-script; it comes from the site's own origin, like every script here.
 */
(function () {
  "use strict";

  function load() {
    var root = document.getElementById("jd-generator");
    if (!root || root.getAttribute("data-script-loaded")) return;
    root.setAttribute("data-script-loaded", "yes");
    var script = document.createElement("script");
    script.src = root.getAttribute("data-script");
    document.body.appendChild(script);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(load);  // Material's instant navigation, if it is turned on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
})();
