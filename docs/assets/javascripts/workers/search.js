/*
  The site's search worker, in place of Material's (overrides/partials/on-demand.html starts it
  when Material asks for its own). It speaks Material's worker messages, so Material's search box,
  results list and keyboard handling stay as they are, but it needs no whole index: for a query
  it fetches the term files of its words, ranks sections from their weights alone, then fetches
  the page files of the best pages only. The files are written by hooks/search_shards.py
  (hooks/careers/site/search_shards.py says what is in them); words are folded the same way there.
*/
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's message types
// Before fetching a query's page files, wait in case the reader types on and a newer query
// replaces it: 150 ms; while the reader is typing (queries less than 1 s apart) a quarter more
// than their own pace, up to 600 ms; 600 ms when the last word is one letter (a word just
// begun). Results then come once the reader stops, not at every key.
var WAIT_MS = 150, TYPING_MS = 1000, MAX_WAIT_MS = 600;
var PREFIX_MATCH = 0.8;  // a word the query word only starts ("supervis" for "supervision") counts less
var WORD = /[\p{L}\p{N}\p{M}]+/gu;

var shards = null;       // config.shards of search/head.json
var base = null;         // the address of search/<version>/
var files = new Map();   // address -> promise of the file's JSON
var latest = 0;          // the number of the newest query
var lastArrival = 0;     // when it came

function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function queryWords(query) {
  var seen = [];
  (fold(query).match(/[\p{L}\p{N}]+/gu) || []).forEach(function (word) {
    if (shards.stopwords.indexOf(word) < 0 && seen.indexOf(word) < 0) seen.push(word);
  });
  return seen.slice(0, shards.words);
}

function load(path) {
  if (!files.has(path)) {
    files.set(path, fetch(new URL(path, base)).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.json();
    }).catch(function (error) {
      files.delete(path);
      throw error;
    }));
  }
  return files.get(path);
}

// The term files a word's matches are in: the one whose key is the longest start of the word,
// and for the last word (the one being typed) those whose keys start with it, unless that is more
// than `expand` files in all.
function termFiles(word, last) {
  var own = -1, deeper = [];
  shards.keys.forEach(function (key, n) {
    if (word.lastIndexOf(key, 0) === 0 && (own < 0 || key.length > shards.keys[own].length)) own = n;
    else if (key.length > word.length && key.lastIndexOf(word, 0) === 0) deeper.push(n);
  });
  var found = own < 0 ? [] : [own];
  if (last && found.length + deeper.length <= shards.expand) found = found.concat(deeper);
  return found.map(function (n) { return "t/" + n + ".json"; });
}

// Every section with one of the words: `found`, page -> section -> the best weight of each word
// in it; `unsure`, for each word, whether its list was cut (a section without it may have it).
function match(words, termFileLists) {
  var found = new Map();
  var unsure = words.map(function () { return false; });
  termFileLists.forEach(function (list, i) {
    list.forEach(function (file) {
      var cut = file["~"] || [];
      Object.keys(file).forEach(function (term) {
        if (term === "~" || term.lastIndexOf(words[i], 0) !== 0) return;
        if (cut.indexOf(term) >= 0) unsure[i] = true;  // its list holds only its best sections
        var factor = term === words[i] ? 1 : PREFIX_MATCH;
        var flat = file[term], page = 0, section = 0;
        for (var k = 0; k < flat.length; k += 3) {
          if (flat[k] !== 0) section = 0;
          page += flat[k];
          section += flat[k + 1];
          if (!found.has(page)) found.set(page, new Map());
          var sections = found.get(page);
          if (!sections.has(section)) sections.set(section, words.map(function () { return 0; }));
          var best = sections.get(section);
          best[i] = Math.max(best[i], flat[k + 2] * factor);
        }
      });
    });
  });
  return { found: found, unsure: unsure };
}

// The best sections of a page, at most `sections` of them, from at most `parts` page files (the
// first always, for the page's own entry): a long page costs no more than a short one.
function shownSections(ranked) {
  var parts = [0];
  return ranked.filter(function (s) {
    var part = Math.floor(s.section / shards.part);
    if (parts.indexOf(part) < 0) {
      if (parts.length >= shards.parts) return false;
      parts.push(part);
    }
    return true;
  }).slice(0, shards.sections);
}

// Material's ranking: the sum of the words' weights, times (1 + boost squared), the boost being
// 1 for a page itself plus the share of the query's words the section has. Pages by their best
// section; `all`: the page has every word (in one section or several).
function rank(words, matched) {
  var pages = [];
  matched.found.forEach(function (sections, page) {
    var ranked = [];
    sections.forEach(function (best, section) {
      var sum = 0, has = 0;
      best.forEach(function (weight, i) {
        sum += weight;
        if (weight > 0 || matched.unsure[i]) has += 1;
      });
      var boost = (section === 0 ? 1 : 0) + has / words.length;
      var terms = {};
      words.forEach(function (word, i) { terms[word] = best[i] > 0 || matched.unsure[i]; });
      ranked.push({ section: section, score: sum * (1 + boost * boost), terms: terms });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
    var all = words.every(function (word) { return ranked.some(function (s) { return s.terms[word]; }); });
    pages.push({ page: page, score: ranked[0].score, sections: shownSections(ranked), all: all });
  });
  pages.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
  return pages;
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
  });
}

// The text as HTML, each word that starts with a query word marked.
function highlight(text, words) {
  var html = "", last = 0;
  text.replace(WORD, function (found, offset) {
    var folded = fold(found);
    if (words.some(function (word) { return folded.lastIndexOf(word, 0) === 0; })) {
      html += escapeHTML(text.slice(last, offset)) + "<mark>" + escapeHTML(found) + "</mark>";
      last = offset + found.length;
    }
    return found;
  });
  return html + escapeHTML(text.slice(last));
}

function pageFile(page, section) {
  return "d/" + page + "-" + Math.floor(section / shards.part) + ".json";
}

// One result group as Material draws it: the page's sections, best first, and the page itself.
function group(words, ranked, parts) {
  var location = parts[pageFile(ranked.page, 0)].l;
  function item(section, score, terms) {
    var record = parts[pageFile(ranked.page, section)].r[section % shards.part];
    return {
      location: location + record[0],
      title: highlight(record[1], words),
      text: record[2] ? "<p>" + highlight(record[2], words) + "</p>" : "",
      score: score,
      terms: terms
    };
  }
  var items = ranked.sections.map(function (s) { return item(s.section, s.score, s.terms); });
  if (!ranked.sections.some(function (s) { return s.section === 0; })) items.push(item(0, 0, {}));
  return items;
}

function sleep(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

// The result of a query, or null when a newer query came while its files were fetched. The pages
// that have every word of the query; when none has, those that have some (Material then shows the
// missing words). `total` is their number (`atLeast`: or more): Material's count says it when it
// is more than are shown.
async function search(query, number, arrived, wait) {
  var words = queryWords(query);
  if (!words.length) return { items: [], total: 0 };
  var lists = await Promise.all(words.map(function (word, i) {
    return Promise.all(termFiles(word, i === words.length - 1).map(load));
  }));
  var matched = match(words, lists);
  var pages = rank(words, matched);
  var complete = pages.filter(function (ranked) { return ranked.all; });
  if (complete.length) pages = complete;
  var shown = pages.slice(0, shards.pages);
  var wanted = new Set();
  shown.forEach(function (ranked) {
    wanted.add(pageFile(ranked.page, 0));
    ranked.sections.forEach(function (s) { wanted.add(pageFile(ranked.page, s.section)); });
  });
  var missing = Array.from(wanted).filter(function (path) { return !files.has(path); });
  if (words[words.length - 1].length === 1) wait = MAX_WAIT_MS;
  if (missing.length && Date.now() - arrived < wait) await sleep(wait - (Date.now() - arrived));
  if (number !== latest) return null;
  var parts = {};
  await Promise.all(Array.from(wanted).map(function (path) {
    return load(path).then(function (file) { parts[path] = file; });
  }));
  return {
    items: shown.map(function (ranked) { return group(words, ranked, parts); }),
    total: pages.length,
    atLeast: matched.unsure.some(Boolean)  // a word's list held only its best sections
  };
}

addEventListener("message", async function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    shards = message.data.config.shards;
    base = new URL("../../../search/" + shards.version + "/", self.location);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var number = ++latest;
    var arrived = Date.now(), gap = arrived - lastArrival;
    var wait = gap < TYPING_MS ? Math.min(MAX_WAIT_MS, Math.max(WAIT_MS, gap * 1.25)) : WAIT_MS;
    lastArrival = arrived;
    var result;
    try {
      result = await search(String(message.data), number, arrived, wait);
    } catch (error) {  // a file missing: the site was published again since the page was opened
      console.warn("Search failed: " + error.message);
      result = { items: [], total: 0, failed: true };
    }
    if (result && number === latest) {
      result.query = String(message.data);  // on-demand.html shows it only while the box still says it
      postMessage({ type: RESULT, data: result });
    }
  }
});
