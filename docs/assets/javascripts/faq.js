/* Frequently asked questions (/faq/): each answer is folded in a <details> whose <summary> holds
   the question's heading, with the question's id (hooks/careers/templates/faq/faq.md.j2).
   This script opens the answer an address points to: on arrival (/faq/#question-id), when the
   address's #part changes, and when a link on the page is followed (the contents list, or the
   same link twice, which changes nothing in the address). A search result (?h=words#topic) opens
   the answers of that topic that have all the words. "Show all answers" opens or closes every one.
   Material's script, once it runs (at the reader's first action), also opens the details an
   address points into, and opens every one for printing; faq.css prints them open without it.
   Without JavaScript the reader lands on the closed question and opens it. */
(function () {
  "use strict";

  var QUESTION = "details.faq-question";

  function answerFor(id) {
    var target = id && document.getElementById(id);
    return target ? target.closest(QUESTION) : null;
  }

  function idIn(hash) {
    try {
      return decodeURIComponent(hash.slice(1));
    } catch (error) {
      return hash.slice(1);
    }
  }

  /* On the screen, and not under the sticky header. */
  function onScreen(element) {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var box = element.getBoundingClientRect();
    return box.top >= top - 1 && box.bottom <= window.innerHeight;
  }

  function open(answer) {
    answer.open = true;
    if (!onScreen(answer.querySelector("summary"))) answer.scrollIntoView({ block: "start" });
  }

  /* The answers a search result points to: Material's search adds the words it found (?h=) to the
     address of the section (here a topic); open the answers there that have every one of them. */
  function searched(words, id) {
    var topic = id && document.getElementById(id);
    var answers = [];
    if (topic && topic.tagName === "H2") {
      for (var next = topic.nextElementSibling; next && next.tagName !== "H2"; next = next.nextElementSibling) {
        if (next.matches(QUESTION)) answers.push(next);
      }
    } else {
      answers = Array.prototype.slice.call(document.querySelectorAll(QUESTION));
    }
    return answers.filter(function (answer) {
      var text = " " + answer.textContent.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
      return words.every(function (word) { return text.indexOf(" " + word) !== -1; });
    });
  }

  function openFromAddress() {
    var id = idIn(location.hash);
    var answer = answerFor(id);
    if (answer) return open(answer);
    var words = (new URLSearchParams(location.search).get("h") || "").toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word.length > 1; });
    if (!words.length) return;
    var found = searched(words, id);
    found.forEach(function (each) { each.open = true; });
    if (found.length) open(found[0]);
  }

  function init() {
    if (document.body.hasAttribute("data-faq-ready")) return;
    document.body.setAttribute("data-faq-ready", "");
    var answers = Array.prototype.slice.call(document.querySelectorAll(QUESTION));
    var all = document.querySelector("[data-faq-all]");

    function label() {
      if (!all) return;
      var closed = answers.some(function (answer) { return !answer.open; });
      all.textContent = closed ? "Show all answers" : "Hide all answers";
    }

    if (all) {
      all.addEventListener("click", function () {
        var closed = answers.some(function (answer) { return !answer.open; });
        answers.forEach(function (answer) { answer.open = closed; });
        label();
      });
    }
    answers.forEach(function (answer) { answer.addEventListener("toggle", label); });

    /* A link to a question on this page opens its answer before the browser scrolls to it. */
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href*='#']");
      if (!link || link.pathname !== location.pathname || link.search !== location.search) return;
      var answer = answerFor(idIn(link.hash));
      if (answer) answer.open = true;
    });
    window.addEventListener("hashchange", openFromAddress);

    openFromAddress();
    label();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
