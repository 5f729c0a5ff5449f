/* Compare roles (/compare/): sort the table by a column, pick two or three roles to see side
   by side, and on a phone fold the whole table under its summary until the reader opens it. It
   only enhances the page: without JavaScript the whole table is there, open. It makes no request
   and stores nothing: the picked roles live in the page's address (?roles=a,b,c), so a
   comparison can be shared or bookmarked.

   Each sortable cell carries data-sort, the row's rank under the column's sort key, computed at
   build time by hooks/careers/pages/comparison.py (empty: no value, always last). Ties keep the
   table's first order (data-position), as Python's stable sort does. */
(function () {
  "use strict";

  var MAX_PICKS = 3;
  var toArray = function (list) { return Array.prototype.slice.call(list); };

  function init() {
    var table = document.querySelector("table[data-compare-table]");
    if (!table || table.hasAttribute("data-compare-ready")) return;
    table.setAttribute("data-compare-ready", "");
    setUpSorting(table);
    var picker = document.querySelector("[data-compare-picker]");
    if (picker) setUpPicker(picker, table);
    var all = document.querySelector("details[data-compare-all]");
    if (all) setUpFolding(all);
  }

  /* ---------------------------------------------------------------- The whole table on a phone */

  /* The whole table is open in the HTML. On a phone (under 45em, as in compare.css and tables.css)
     it is folded once, here, so the picker and the picked roles come first; the reader opens it
     with its summary, and it is never folded again. It opens when the screen widens past 45em,
     when the address points at it or into it, and for printing (closed again after, if it was). */
  var PHONE = "(max-width: 44.9375em)";
  var listening = false;

  function currentAll() {
    return document.querySelector("details[data-compare-all]");
  }

  function targetsAll(all) {
    var id = window.location.hash.slice(1);
    if (!id) return false;
    try { id = decodeURIComponent(id); } catch (error) { return false; }
    var target = document.getElementById(id);
    return !!target && (all.contains(target) || target === all.previousElementSibling);
  }

  function setUpFolding(all) {
    var phone = window.matchMedia(PHONE);
    /* Not if it is already on the screen or above it (the address pointed into it, or the reader
       scrolled there before this script started): folding would move what they are reading. */
    if (phone.matches && all.getBoundingClientRect().top >= window.innerHeight) {
      all.open = false;
    }
    if (listening) return;
    listening = true;
    var openedForPrint = null;
    var widen = function () {
      var current = currentAll();
      if (current && !phone.matches) current.open = true;
    };
    if (phone.addEventListener) phone.addEventListener("change", widen);
    else if (phone.addListener) phone.addListener(widen);
    window.addEventListener("hashchange", function () {
      var current = currentAll();
      if (current && targetsAll(current)) current.open = true;
    });
    window.addEventListener("beforeprint", function () {
      var current = currentAll();
      if (!current || current.open) return;
      openedForPrint = current;
      current.open = true;
    });
    window.addEventListener("afterprint", function () {
      if (openedForPrint && openedForPrint === currentAll() && phone.matches) openedForPrint.open = false;
      openedForPrint = null;
    });
  }

  /* ---------------------------------------------------------------- Sorting */

  function setUpSorting(table) {
    var headers = toArray(table.tHead.rows[0].cells);
    var hint = document.querySelector("[data-compare-sort-hint]");
    if (hint) hint.hidden = false;
    var status = document.createElement("p");
    status.className = "compare-visually-hidden";
    status.setAttribute("role", "status");
    var wrapper = table.parentNode;
    wrapper.parentNode.insertBefore(status, wrapper.nextSibling);

    headers.forEach(function (th, index) {
      if (!th.hasAttribute("data-sortable")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "compare-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "compare-sort__icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        sortBy(table, headers, index, descending);
        status.textContent = "Table sorted by " + headingText(th) + ", " + (descending ? "descending." : "ascending.");
      });
    });
  }

  function sortBy(table, headers, index, descending) {
    var body = table.tBodies[0];
    var rows = toArray(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort") || "";
      var y = b.cells[index].getAttribute("data-sort") || "";
      if ((x === "") !== (y === "")) return x === "" ? 1 : -1;
      if (x !== y) return (Number(x) - Number(y)) * (descending ? -1 : 1);
      return Number(a.getAttribute("data-position")) - Number(b.getAttribute("data-position"));
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (th, i) {
      if (i === index) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }

  function headingText(th) {
    return th.textContent.replace(/\s+/g, " ").trim();
  }

  /* ---------------------------------------------------------------- Picking roles */

  function setUpPicker(picker, table) {
    var boxes = toArray(picker.querySelectorAll("input[data-compare-choice]"));
    var known = boxes.map(function (box) { return box.value; });
    var status = picker.querySelector("[data-compare-status]");
    var side = picker.querySelector("[data-compare-side]");
    var holder = picker.querySelector("[data-compare-side-table]");
    var cards = picker.querySelector("[data-compare-side-cards]");
    var link = picker.querySelector("[data-compare-link]");
    var picks = picksFromAddress(known);

    function update(writeAddress) {
      boxes.forEach(function (box) {
        box.checked = picks.indexOf(box.value) !== -1;
        box.disabled = !box.checked && picks.length >= MAX_PICKS;
      });
      status.textContent = statusText(picks.map(function (slug) { return titleOf(table, slug); }));
      var address = window.location.pathname + (picks.length ? "?roles=" + picks.join(",") : "") + window.location.hash;
      if (writeAddress) window.history.replaceState(null, "", address);
      while (holder.firstChild) holder.removeChild(holder.firstChild);
      while (cards && cards.firstChild) cards.removeChild(cards.firstChild);
      if (picks.length >= 2) {
        holder.appendChild(sideBySide(table, picks));
        if (cards) cards.appendChild(pickedCards(table, picks));
        link.href = address;
        link.textContent = window.location.origin + address;
        side.hidden = false;
      } else {
        side.hidden = true;
      }
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        picks = picks.filter(function (slug) { return slug !== box.value; });
        if (box.checked && picks.length < MAX_PICKS) picks.push(box.value);
        update(true);
      });
    });
    picker.querySelector("[data-compare-clear]").addEventListener("click", function () {
      picks = [];
      update(true);
    });
    picker.hidden = false;
    update(false);
  }

  function picksFromAddress(known) {
    var value = new URLSearchParams(window.location.search).get("roles") || "";
    var picks = [];
    value.split(",").forEach(function (slug) {
      if (known.indexOf(slug) !== -1 && picks.indexOf(slug) === -1 && picks.length < MAX_PICKS) picks.push(slug);
    });
    return picks;
  }

  function statusText(titles) {
    if (titles.length === 0) return "No roles picked yet.";
    if (titles.length === 1) return "You picked " + titles[0] + ". Pick one or two more.";
    if (titles.length < MAX_PICKS) return "You picked " + titles.join(" and ") + ". You can pick one more.";
    return "You picked " + titles.slice(0, -1).join(", ") + " and " + titles[titles.length - 1] +
      ". That is the most this view shows: to pick another, uncheck one.";
  }

  function rowOf(table, slug) {
    return toArray(table.tBodies[0].rows).filter(function (row) { return row.getAttribute("data-role") === slug; })[0];
  }

  function titleOf(table, slug) {
    var link = rowOf(table, slug).cells[0].querySelector("a");
    return link ? link.textContent.trim() : slug;
  }

  /* The picked roles as columns and the table's columns as rows, made of copies of the table's cells. */
  function sideBySide(table, picks) {
    var headers = toArray(table.tHead.rows[0].cells);
    var rows = picks.map(function (slug) { return rowOf(table, slug); });
    var side = document.createElement("table");
    side.className = "compare-table compare-table--side";
    var caption = side.createCaption();
    caption.id = "compare-side-caption";
    caption.textContent = "Side by side: " + picks.map(function (slug) { return titleOf(table, slug); }).join(", ");
    var head = side.createTHead().insertRow();
    head.appendChild(document.createElement("td"));
    rows.forEach(function (row) {
      var th = document.createElement("th");
      th.scope = "col";
      copyChildren(row.cells[0], th);
      head.appendChild(th);
    });
    var body = side.createTBody();
    for (var column = 1; column < headers.length; column++) {
      var tr = body.insertRow();
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = headingText(headers[column]);
      tr.appendChild(th);
      rows.forEach(function (row) {
        var td = document.createElement("td");
        copyChildren(row.cells[column], td);
        tr.appendChild(td);
      });
    }
    return side;
  }

  /* For a phone: the picked roles' own rows, which tables.css shows as cards, one under the other
     (compare.css shows these instead of the side-by-side table under 45em). */
  function pickedCards(table, picks) {
    var cards = document.createElement("table");
    cards.className = "compare-table compare-table--cards";
    var caption = cards.createCaption();
    caption.textContent = "Side by side: " + picks.map(function (slug) { return titleOf(table, slug); }).join(", ");
    var head = cards.createTHead().insertRow();
    toArray(table.tHead.rows[0].cells).forEach(function (th) {
      var copy = document.createElement("th");
      copy.scope = "col";
      copy.textContent = headingText(th);
      head.appendChild(copy);
    });
    var body = cards.createTBody();
    picks.forEach(function (slug) { body.appendChild(rowOf(table, slug).cloneNode(true)); });
    return cards;
  }

  function copyChildren(from, to) {
    toArray(from.childNodes).forEach(function (node) { to.appendChild(node.cloneNode(true)); });
  }

  /* Material's instant navigation replays document$ on every page; without it, run once. */
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
