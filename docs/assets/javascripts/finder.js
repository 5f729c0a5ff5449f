/* "Which credential fits me?" (the /finder/ page).
 *
 * Reads the finder's rules from finder/rules.json (built from data/ by hooks/careers/pages/finder.py),
 * applies them to the reader's answers and shows the result. The answers live in the page's
 * address only (?focus=...&state=...&training=...&work=...), so a result can be bookmarked or
 * shared; nothing is stored or sent anywhere. `evaluate` mirrors finder.evaluate() in Python, and
 * the browser tests compare the two. Without this script the page shows the same rules as tables.
 */
(function () {
  "use strict";

  var MAX_HOURS = 100000;
  var OTHER_STATE = "other";

  var finder = document.getElementById("finder");
  if (!finder || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var form = document.getElementById("finder-form");
  var results = document.getElementById("finder-results");
  var heading = document.getElementById("finder-results-heading");
  var status = document.getElementById("finder-status");
  var output = document.getElementById("finder-output");
  var link = document.getElementById("finder-link");
  var root = finder.getAttribute("data-root") || "";

  // ---------------------------------------------------------------------------
  // The rules, applied (same as careers.pages.finder.parse_query and evaluate)
  // ---------------------------------------------------------------------------

  function parseHours(text) {
    text = (text || "").trim();
    if (!/^\d{1,6}$/.test(text)) {
      return null;
    }
    return Math.min(parseInt(text, 10), MAX_HOURS);
  }

  function parseQuery(query, known) {
    var params = new URLSearchParams(query);
    var chosen = params.getAll("focus");
    var focus = known.focuses
      .map(function (f) { return f.id; })
      .filter(function (id) { return chosen.indexOf(id) !== -1; });
    var state = (params.get("state") || "").trim();
    var codes = known.states.map(function (s) { return s.code; });
    var stateValue = null;
    if (state.toLowerCase() === OTHER_STATE) {
      stateValue = OTHER_STATE;
    } else if (codes.indexOf(state.toUpperCase()) !== -1) {
      stateValue = state.toUpperCase();
    }
    return {
      focus: focus,
      state: stateValue,
      training: parseHours(params.get("training")),
      work: parseHours(params.get("work"))
    };
  }

  function hoursStatus(rule, have) {
    var needed = rule.hours;
    if (needed === null || needed === undefined) {
      var stated = rule.rules.some(function (item) { return Boolean(item.text); });
      return { status: stated ? "read" : "unknown", needed: null, missing: null };
    }
    have = have || 0;
    if (have >= needed) {
      return { status: "met", needed: needed, missing: 0 };
    }
    return { status: "short", needed: needed, missing: needed - have };
  }

  function evaluate(known, answers) {
    var chosen = known.focuses
      .map(function (f) { return f.id; })
      .filter(function (id) { return answers.focus.indexOf(id) !== -1; });
    var state = null;
    known.states.forEach(function (s) {
      if (s.code === answers.state) { state = s; }
    });
    var result = { focus: chosen, state: answers.state, state_known: state !== null, matches: [], gaps: [] };
    if (!chosen.length) {
      return result;
    }
    var candidates = [];
    if (state) {
      candidates = candidates.concat(state.credentials);
      chosen.forEach(function (focus) {
        var covered = state.credentials.some(function (c) { return c.focus.indexOf(focus) !== -1; });
        if (!covered) {
          result.gaps.push({
            focus: focus,
            separate: state.separate
              .filter(function (s) { return s.focus === focus; })
              .map(function (s) { return s.name; })
          });
        }
      });
    }
    candidates = candidates.concat(known.national);
    candidates.forEach(function (credential) {
      var fits = chosen.filter(function (focus) { return credential.focus.indexOf(focus) !== -1; });
      if (fits.length) {
        var routes = credential.routes.map(function (route) { return routeStatus(credential, route, answers); });
        var best = null;
        routes.forEach(function (route) {
          if (best === null || stillNeeded(route) < stillNeeded(best)) { best = route; }
        });
        result.matches.push({
          id: credential.id,
          fits: fits,
          training: best ? best.training : hoursStatus(credential.training, answers.training),
          work: best ? best.work : hoursStatus(credential.work, answers.work),
          routes: routes,
          route: best ? best.name : null
        });
      }
    });
    return result;
  }

  // A route's own hours, compared with the reader's; its rules text is the credential's.
  function routeStatus(credential, route, answers) {
    return {
      name: route.name,
      note: route.note,
      training: hoursStatus({ hours: route.training, rules: credential.training.rules }, answers.training),
      work: hoursStatus({ hours: route.work, rules: credential.work.rules }, answers.work)
    };
  }

  function stillNeeded(route) {
    return (route.training.missing || 0) + (route.work.missing || 0);
  }

  // ---------------------------------------------------------------------------
  // Drawing the result (text only: createElement and textContent, never HTML strings)
  // ---------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function anchor(href, text) {
    var a = el("a", null, text);
    a.href = href;
    return a;
  }

  function longDate(iso) {
    var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"];
    var parts = iso.split("-");
    return Number(parts[2]) + " " + months[Number(parts[1]) - 1] + " " + parts[0];
  }

  function number(value) {
    return value.toLocaleString("en-US");
  }

  function citation(item) {
    var cite = el("span", "fact__cite");
    cite.appendChild(document.createTextNode("("));
    var source = anchor(root + item.href, item.publisher);
    source.className = "fact__source";
    cite.appendChild(source);
    if (item.year) {
      cite.appendChild(document.createTextNode(", "));
      cite.appendChild(el("span", "fact__year", item.year));
    }
    if (item.confidence) {
      cite.appendChild(document.createTextNode("; "));
      cite.appendChild(el("strong", "fact__confidence", item.confidence));
    }
    cite.appendChild(document.createTextNode(")"));
    return cite;
  }

  // A rule as the static tables show it: text and citation, both values when sources disagree.
  function rule(item, withLabel) {
    var wrap = el("span");
    if (withLabel) {
      wrap.appendChild(el("span", "finder-rule__label", item.label + ":"));
      wrap.appendChild(document.createTextNode(" "));
    }
    if (!item.text) {
      wrap.appendChild(el("span", "detail detail--missing", "not found in our sources."));
      return wrap;
    }
    var fact = el("span", "fact");
    if (item.others && item.others.length) {
      fact.appendChild(el("strong", "fact__confidence fact__confidence--uncertain", "Sources disagree:"));
      fact.appendChild(document.createTextNode(" "));
    }
    fact.appendChild(document.createTextNode(item.text + " "));
    fact.appendChild(citation(item.others && item.others.length ? { href: item.href, publisher: item.publisher, year: item.year } : item));
    (item.others || []).forEach(function (other) {
      fact.appendChild(document.createTextNode("; " + other.text + " "));
      fact.appendChild(citation({ href: other.href, publisher: other.publisher }));
    });
    if (item.note) {
      fact.appendChild(document.createTextNode(" "));
      fact.appendChild(el("span", "fact__note", item.note));
    }
    wrap.appendChild(fact);
    return wrap;
  }

  function hoursLine(label, state, rulePart, have, withoutRules) {
    var li = el("li");
    li.appendChild(el("strong", null, label + ": "));
    var text;
    if (state.status === "met" && state.needed === 0) {
      text = "none needed on this route.";
    } else if (state.status === "met") {
      text = "you have enough (" + number(state.needed) + " hours needed).";
    } else if (state.status === "short") {
      text = number(state.missing) + " more hours needed (" + number(state.needed) + " in all; you have " +
        number(have || 0) + ").";
    } else if (state.status === "read") {
      text = "no single number to compare. Read the rule:";
    } else {
      text = "not found in our sources. Ask the certifying body.";
    }
    li.appendChild(el("span", "finder-status finder-status--" + state.status, text));
    if (state.status !== "unknown" && !withoutRules) {
      rulePart.rules.forEach(function (item) {
        if (item.text) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(rule(item, false));
        }
      });
    }
    return li;
  }

  function focusLabels(known, ids) {
    return known.focuses
      .filter(function (f) { return ids.indexOf(f.id) !== -1; })
      .map(function (f) { return f.label.toLowerCase(); })
      .join(", ");
  }

  function credentialCard(known, credential, match, answers) {
    var li = el("li", "finder-result");
    li.setAttribute("data-id", match.id);
    li.setAttribute("data-training-status", match.training.status);
    li.setAttribute("data-training-missing", match.training.missing === null ? "" : String(match.training.missing));
    li.setAttribute("data-work-status", match.work.status);
    li.setAttribute("data-work-missing", match.work.missing === null ? "" : String(match.work.missing));
    var kind = credential.kind === "state" ? "State credential" : "National credential";
    li.appendChild(el("p", "finder-result__kind", kind + " · fits " + focusLabels(known, match.fits)));
    var name = el("h4", "finder-result__name");
    name.appendChild(anchor(root + credential.url, credential.name));
    li.appendChild(name);
    li.appendChild(el("p", null, "Awarded by " + credential.body + "."));
    if (credential.confidence) {
      li.appendChild(el("p", null, "How sure we are: " + credential.confidence + "."));
    }
    if (match.routes.length) {
      li.appendChild(el("p", null, "There are " + match.routes.length + " ways in. Each asks for its own hours:"));
      var ways = el("ul", "finder-result__routes");
      match.routes.forEach(function (route) {
        var way = el("li", "finder-route");
        way.setAttribute("data-route", route.name);
        way.appendChild(el("strong", null, route.name + (route.name === match.route ? " (closest to your hours)" : "")));
        var routeHours = el("ul", "finder-result__hours");
        routeHours.appendChild(hoursLine("Training", route.training, credential.training, answers.training, true));
        routeHours.appendChild(hoursLine("Supervised work", route.work, credential.work, answers.work, true));
        way.appendChild(routeHours);
        if (route.note) { way.appendChild(el("p", "finder-route__note", route.note)); }
        ways.appendChild(way);
      });
      li.appendChild(ways);
      var rulesText = el("p", null, "The rules as our sources state them:");
      li.appendChild(rulesText);
      var ruleList = el("ul");
      [credential.training.rules, credential.work.rules].forEach(function (items) {
        items.forEach(function (item) {
          var entry = el("li");
          entry.appendChild(rule(item, true));
          ruleList.appendChild(entry);
        });
      });
      li.appendChild(ruleList);
    } else {
      var hours = el("ul", "finder-result__hours");
      hours.appendChild(hoursLine("Training", match.training, credential.training, answers.training));
      hours.appendChild(hoursLine("Supervised work", match.work, credential.work, answers.work));
      li.appendChild(hours);
    }
    var also = credential.also.filter(function (item) { return item.text; });
    if (also.length) {
      li.appendChild(el("p", null, "Also check:"));
      var list = el("ul");
      also.forEach(function (item) {
        var entry = el("li");
        entry.appendChild(rule(item, true));
        list.appendChild(entry);
      });
      li.appendChild(list);
    }
    credential.changes.forEach(function (change) {
      // The browser knows today's date: a change whose day has passed says so, as the state page does.
      var passed = new Date(change.date + "T23:59:59") < new Date();
      var changeNote = el("p", "finder-result__change");
      changeNote.appendChild(el("strong", null, (passed ? "This was due to change on " : "Due to change on ") +
        longDate(change.date) + ": "));
      changeNote.appendChild(document.createTextNode(change.what + (passed ? " Check the current rules before you apply." : "")));
      li.appendChild(changeNote);
    });
    if (credential.note) {
      var note = el("p");
      note.appendChild(el("strong", null, "Note: "));
      note.appendChild(document.createTextNode(credential.note));
      li.appendChild(note);
    }
    return li;
  }

  function show(known, answers, result) {
    output.textContent = "";
    results.hidden = false;
    link.href = window.location.href;
    if (!result.focus.length) {
      status.textContent = "Choose at least one focus in question 1 to see the credentials that fit.";
      return;
    }
    var byId = {};
    var state = null;
    known.states.forEach(function (s) {
      s.credentials.forEach(function (c) { byId[c.id] = c; });
      if (s.code === result.state) { state = s; }
    });
    known.national.forEach(function (c) { byId[c.id] = c; });
    var count = result.matches.length;
    var inState = result.matches.filter(function (m) { return byId[m.id].kind === "state"; }).length;
    var counted = count === 1 ? "1 credential fits your answers" : count + " credentials fit your answers";
    if (state) {
      counted += ": " + inState + " in " + state.name + " and " + (count - inState) + " national";
    }
    status.textContent = counted + ".";

    if (result.state === OTHER_STATE) {
      var other = el("p", "finder__note", "Outside the 50 states and DC, this list shows national credentials only. Ask the agency that runs behavioral health services where you live about peer certification, and ");
      other.appendChild(anchor(root + known.other_state.url, "see how to find your rules"));
      other.appendChild(document.createTextNode("."));
      output.appendChild(other);
    } else if (!result.state) {
      output.appendChild(el("p", "finder__note", "Choose your state in question 2 to see its credentials too. Most people start with their state's certification."));
    }

    var stateMatches = result.matches.filter(function (m) { return byId[m.id].kind === "state"; });
    var nationalMatches = result.matches.filter(function (m) { return byId[m.id].kind === "national"; });
    if (state) {
      output.appendChild(el("h3", null, "In " + state.name));
      result.gaps.forEach(function (gap) {
        var label = focusLabels(known, [gap.focus]);
        var p = el("p", "finder__gap");
        if (gap.separate.length) {
          var named = state.separate.filter(function (s) { return s.focus === gap.focus; });
          p.appendChild(document.createTextNode(state.name + " has a separate credential for " + label + ": "));
          named.forEach(function (item, i) {
            if (i) { p.appendChild(document.createTextNode(", ")); }
            p.appendChild(anchor(root + state.url, item.full_name ? item.full_name + " (" + item.name + ")" :
              "the " + item.name + " (its full name is not in our sources)"));
          });
          p.appendChild(document.createTextNode(". Our sources do not give its rules, so ask the certifying body. "));
          var scope = named.filter(function (s) { return s.scope; })[0];
          if (scope) { p.appendChild(rule(scope.scope, false)); }
        } else if (state.unknown_scope.length) {
          p.appendChild(document.createTextNode("Our sources do not say whom these " + state.name + " credentials are for: "));
          state.unknown_scope.forEach(function (item, i) {
            if (i) { p.appendChild(document.createTextNode(", ")); }
            p.appendChild(anchor(root + item.url, item.name));
          });
          p.appendChild(document.createTextNode(". Ask the certifying body whether one fits you."));
        } else {
          p.textContent = "Our sources name no credential for " + label + " in " + state.name +
            ". Ask the state's certifying body what applies to you.";
        }
        output.appendChild(p);
      });
      if (stateMatches.length) {
        var stateList = el("ul", "finder-results");
        stateMatches.forEach(function (m) { stateList.appendChild(credentialCard(known, byId[m.id], m, answers)); });
        output.appendChild(stateList);
      }
      var more = el("p");
      more.appendChild(anchor(root + state.url, "All of " + state.name + "'s rules, with sources"));
      output.appendChild(more);
    }
    output.appendChild(el("h3", null, "National credentials"));
    if (nationalMatches.length) {
      output.appendChild(el("p", null, "These sit beside state certification; they do not replace it."));
      var nationalList = el("ul", "finder-results");
      nationalMatches.forEach(function (m) { nationalList.appendChild(credentialCard(known, byId[m.id], m, answers)); });
      output.appendChild(nationalList);
    } else {
      output.appendChild(el("p", null, "We found no national credential for what you chose."));
    }
    var roles = known.focuses.filter(function (f) { return result.focus.indexOf(f.id) !== -1; });
    var read = el("p", null, "Read more: ");
    roles.forEach(function (f, i) {
      if (i) { read.appendChild(document.createTextNode(", ")); }
      read.appendChild(anchor(root + f.role.url, f.role.title));
    });
    read.appendChild(document.createTextNode("."));
    output.appendChild(read);
  }

  // ---------------------------------------------------------------------------
  // The form and the page address
  // ---------------------------------------------------------------------------

  function fill(answers) {
    Array.prototype.forEach.call(form.querySelectorAll('input[name="focus"]'), function (box) {
      box.checked = answers.focus.indexOf(box.value) !== -1;
    });
    form.elements.state.value = answers.state ? answers.state.toLowerCase() : "";
    form.elements.training.value = answers.training === null ? "" : String(answers.training);
    form.elements.work.value = answers.work === null ? "" : String(answers.work);
  }

  function setError(input, errorId, message) {
    var error = document.getElementById(errorId);
    error.textContent = message || "";
    error.hidden = !message;
    if (input) {
      if (message) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
    }
  }

  // Read and check the form; returns the query string, or null after showing what to fix.
  function readForm() {
    var params = new URLSearchParams();
    var firstInvalid = null;
    var boxes = form.querySelectorAll('input[name="focus"]');
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.checked) { params.append("focus", box.value); }
    });
    if (!params.getAll("focus").length) {
      setError(null, "finder-focus-error", "Choose at least one.");
      firstInvalid = boxes[0];
    } else {
      setError(null, "finder-focus-error", "");
    }
    if (form.elements.state.value) { params.set("state", form.elements.state.value); }
    ["training", "work"].forEach(function (name) {
      var input = form.elements[name];
      var text = input.value.trim();
      var bad = (input.validity && input.validity.badInput) || (text !== "" && parseHours(text) === null) ||
        (text !== "" && parseInt(text, 10) > MAX_HOURS);
      if (bad) {
        setError(input, "finder-" + name + "-error", "Write a whole number of hours, from 0 to " + number(MAX_HOURS) + ", or leave it empty.");
        firstInvalid = firstInvalid || input;
      } else {
        setError(input, "finder-" + name + "-error", "");
        if (text !== "") { params.set(name, String(parseHours(text))); }
      }
    });
    if (firstInvalid) {
      firstInvalid.focus();
      return null;
    }
    return params.toString();
  }

  // The rules (finder/rules.json, about 30 KB compressed) are fetched when they are needed: when
  // the address holds answers, or when the reader first touches the form. A reader who only
  // looks at the page never downloads them.
  var loading = null;
  function rules() {
    if (!loading) {
      loading = fetch(finder.getAttribute("data-rules"), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status); }
          return response.json();
        });
      loading.catch(failed);
    }
    return loading;
  }

  // The rules could not be fetched: the note says so and links to the same rules as tables.
  function failed() {
    var note = document.getElementById("finder-nojs");
    if (note && !note.hasAttribute("data-failed")) {
      note.setAttribute("data-failed", "");
      note.hidden = false;
      note.firstChild.textContent = "The finder could not load its rules. ";
      form.hidden = true;
    }
  }

  function start() {
    var note = document.getElementById("finder-nojs");
    if (note) { note.hidden = true; }
    var search = window.location.search;
    if (search) {
      rules().then(function (known) {
        var answers = parseQuery(search, known);
        fill(answers);
        if (answers.focus.length || answers.state) {
          show(known, answers, evaluate(known, answers));
        }
      });
    }
    ["focusin", "pointerdown", "input"].forEach(function (type) {
      form.addEventListener(type, function () { rules(); }, { once: true });
    });
    // A "Choose at least one" message goes as soon as one is chosen.
    Array.prototype.forEach.call(form.querySelectorAll('input[name="focus"]'), function (box) {
      box.addEventListener("change", function () {
        if (form.querySelector('input[name="focus"]:checked')) { setError(null, "finder-focus-error", ""); }
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = readForm();
      if (query === null) {
        return;
      }
      rules().then(function (known) {
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
        var current = parseQuery(query, known);
        show(known, current, evaluate(known, current));
        heading.focus();
      });
    });
  }

  start();
})();
