/*
 * Job-description generator for the /jobs/<role>/ pages (data: data/jobs/, data/job-descriptions.yml,
 * data/language-rules.yml; built by hooks/careers/pages/jobs.py). job-generator-loader.js,
 * which every page loads, loads this file on those pages only.
 *
 * The page works without this script: it shows the full template with the parts to replace in
 * [brackets]. With it, a form fills the template in, a live preview shows the result, the
 * peer-language check reads every word, and the result can be copied, downloaded (Markdown,
 * plain text, HTML) or printed. Nothing typed leaves the browser: the only requests are for the
 * two JSON files the build published next to the page, made when the page loads.
 *
 * Each warning of the check quotes the flagged words in their line and has a button that selects
 * them in their field. Copying, downloading or printing with warnings left goes through a confirm
 * step in the page (#jd-confirm: how many, "review them, or copy anyway?").
 *
 * Everything the user types is shown with textContent or written into files as text, never as
 * markup. The language check applies the same regular expressions as the build
 * (hooks/careers/pages/language_check.py); a browser test compares the two.
 */
(function () {
  "use strict";

  var HTML_TAG = /<\s*\/?\s*[a-zA-Z!]/;
  var LIMITS = { organization: 120, about: 1000, city: 80, state: 60, reports: 120, responsibilities: 5000,
                 qualifications: 5000, benefits: 3000, apply: 500 };
  var EMPTY = {
    organization: "Enter the name of your organization.",
    city: "Enter the city where the job is based.",
    state: "Enter the state where the job is based.",
    reports: "Enter who this post reports to, for example a peer supervisor.",
    "pay-min": "Enter the lowest pay for this post.",
    "pay-max": "Enter the highest pay for this post.",
    responsibilities: "Write at least one responsibility, one a line.",
    qualifications: "Write at least one qualification, one a line.",
    apply: "Say how to apply, for example an email address or a web page."
  };
  var LABELS = { organization: "Organization name", about: "About your organization", city: "City", state: "State",
                 reports: "Reports to", "pay-min": "Lowest pay", "pay-max": "Highest pay",
                 responsibilities: "Responsibilities", qualifications: "Qualifications", benefits: "Benefits",
                 apply: "How to apply" };
  var CHECKED = ["about", "reports", "responsibilities", "qualifications", "benefits", "apply"];
  var TEXT_FIELDS = ["organization", "about", "city", "state", "reports", "responsibilities", "qualifications",
                     "benefits", "apply"];

  // -------------------------------------------------------------------------
  // The peer-language check (same rules and logic as hooks/careers/pages/language_check.py)
  // -------------------------------------------------------------------------

  function compileRules(json) {
    var global = function (source) { return new RegExp(source, "gi"); };
    return {
      clauseEnd: json.clauseEnd,
      negation: new RegExp(json.negation, "i"),
      avoid: json.avoid.map(function (rule) {
        return { rule: rule, phrases: rule.phrases.map(global), unless: rule.unless.map(global) };
      }),
      require: json.require.map(function (rule) {
        return { rule: rule, phrases: rule.phrases.map(function (s) { return new RegExp(s, "i"); }) };
      })
    };
  }

  function matches(regex, text) {
    var found = [];
    var match;
    regex.lastIndex = 0;
    while ((match = regex.exec(text)) !== null) {
      found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
      if (match[0].length === 0) regex.lastIndex += 1;
    }
    return found;
  }

  function negated(text, start, rules) {
    var before = text.slice(0, start);
    var clauseStart = 0;
    matches(new RegExp(rules.clauseEnd, "g"), before).forEach(function (m) { clauseStart = m.end; });
    return rules.negation.test(before.slice(clauseStart));
  }

  function hits(text, rules) {
    var found = [];
    rules.avoid.forEach(function (entry) {
      var allowed = [];
      entry.unless.forEach(function (regex) { allowed = allowed.concat(matches(regex, text)); });
      entry.phrases.forEach(function (regex) {
        matches(regex, text).forEach(function (m) {
          var inside = allowed.some(function (a) { return a.start <= m.start && m.end <= a.end; });
          if (inside || (entry.rule.fineWhenNegated && negated(text, m.start, rules))) return;
          found.push({ rule: entry.rule, text: m.text, start: m.start, end: m.end });
        });
      });
    });
    // "clinical assessments" is one hit, not also "assessments": of overlapping hits of one rule,
    // keep the one that starts first (the longest, when they start together).
    var byId = function (a, b) { return a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0; };
    var kept = [];
    found.sort(function (a, b) {
      return a.start - b.start || (b.end - b.start) - (a.end - a.start) || byId(a, b);
    }).forEach(function (hit) {
      var overlaps = kept.some(function (k) { return k.rule.id === hit.rule.id && k.start < hit.end && hit.start < k.end; });
      if (!overlaps) kept.push(hit);
    });
    return kept.sort(function (a, b) {
      return a.start - b.start || (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0);
    });
  }

  function missing(text, rules) {
    return rules.require.filter(function (entry) {
      return !entry.phrases.some(function (regex) { return regex.test(text); });
    }).map(function (entry) { return entry.rule; });
  }

  window.PeerLanguageCheck = { compile: compileRules, hits: hits, missing: missing };

  // -------------------------------------------------------------------------
  // Helpers
  // -------------------------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function lines(text) {
    return text.split(/\r?\n/).map(function (line) { return line.replace(/^\s*[-*•]\s+/, "").trim(); })
      .filter(function (line) { return line; });
  }

  function parseMoney(text) {
    var cleaned = text.replace(/[$,\s]/g, "");
    if (!/^\d+(\.\d+)?$/.test(cleaned)) return NaN;
    return Number(cleaned);
  }

  function money(value, period) {
    var digits = period === "hour" ? 2 : 0;
    return "$" + value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  // A piece of a text: words, or a placeholder still to fill in.
  function words(text) { return { text: text }; }
  function slot(label) { return { placeholder: label }; }

  // The placeholders a template's texts may hold (hooks/careers/data/models.py PLACEHOLDERS); the build
  // refuses any other, and here anything else in braces stays words, exactly as written.
  var PLACEHOLDERS = ["organization", "job_title", "location"];
  var PLACEHOLDER = /\{([^{}]*)\}/g;

  function textOf(value) { return typeof value === "string" ? value : ""; }
  function textsOf(value) { return Array.isArray(value) ? value.map(textOf) : []; }

  // `text` cut at its placeholders: `values` maps a placeholder's name to the piece that stands for it.
  function fillText(text, values) {
    var parts = [];
    var last = 0;
    var source = textOf(text);
    var match;
    PLACEHOLDER.lastIndex = 0;
    while ((match = PLACEHOLDER.exec(source)) !== null) {
      var end = match.index + match[0].length;
      var known = PLACEHOLDERS.indexOf(match[1]) !== -1 && Object.prototype.hasOwnProperty.call(values, match[1]) &&
        source.charAt(match.index - 1) !== "{" && source.charAt(end) !== "}";  // `{{organization}}` is not one
      if (!known) continue;  // not a placeholder: left in the words around it
      if (match.index > last) parts.push(words(source.slice(last, match.index)));
      parts.push(values[match[1]]);
      last = end;
    }
    if (last < source.length) parts.push(words(source.slice(last)));
    return parts;
  }

  // A placeholder's label from the published JSON, or its name in brackets when the JSON lacks it.
  function slotFor(labels, name) {
    var label = labels && Object.prototype.hasOwnProperty.call(labels, name) ? labels[name] : null;
    return slot(typeof label === "string" ? label : name);
  }

  function plain(parts) {
    return parts.map(function (p) { return p.placeholder !== undefined ? "[" + p.placeholder + "]" : p.text; }).join("");
  }

  function markdownEscape(text) {
    return text.replace(/[\\`*_{}\[\]<>#|~&]/g, "\\$&").replace(/^(\s*)(\d+)\.(\s)/, "$1$2\\.$3")
      .replace(/^(\s*)([-+])(\s)/, "$1\\$2$3");
  }

  // -------------------------------------------------------------------------
  // The generator
  // -------------------------------------------------------------------------

  function Generator(root, job, rulesJson) {
    this.root = root;
    this.job = job;
    this.rules = compileRules(rulesJson);
    this.form = root.querySelector("#jd-form");
    this.touched = {};
    this.showAll = false;
    this.defaults = {};
    this.fileName = root.getAttribute("data-file-name") || "job-description";
    this.sourcesRoot = root.getAttribute("data-root") || "";
    this.fill(true);
    var self = this;
    this.form.addEventListener("input", function (event) { self.onInput(event); });
    this.form.addEventListener("change", function (event) { self.onChange(event); });
    this.form.addEventListener("focusout", function (event) {
      if (event.target.name) { self.touched[event.target.name] = true; self.update(); }
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelectorAll("[data-action]").forEach(function (button) {
      button.addEventListener("click", function () { self.act(button.getAttribute("data-action")); });
    });
    var confirmStep = root.querySelector("#jd-confirm");
    confirmStep.querySelectorAll("[data-confirm]").forEach(function (button) {
      button.addEventListener("click", function () { self.confirm(button.getAttribute("data-confirm")); });
    });
    confirmStep.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && self.pending) { event.preventDefault(); self.confirm("cancel"); }
    });
    root.hidden = false;
    document.documentElement.classList.add("jd-ready");
    document.querySelectorAll(".jd-nojs").forEach(function (note) { note.hidden = true; });
    // The form and preview first; the peer-language check (its first run compiles every rule's
    // pattern) in a task of its own, so the phone is never held up long while the page starts.
    this.update(true);
    window.setTimeout(function () {
      self.showCheck(self.values(), self.doc);
      root.setAttribute("data-ready", "yes");
    }, 0);
  }

  Generator.prototype.control = function (name) { return this.form.elements.namedItem(name); };

  Generator.prototype.level = function () {
    var chosen = this.form.querySelector("input[name=level]:checked");
    var key = chosen ? chosen.value : this.job.levels[0].key;
    return this.job.levels.filter(function (level) { return level.key === key; })[0] || this.job.levels[0];
  };

  // The editable lists start as the template for the chosen level; edited lists are kept.
  Generator.prototype.fill = function (first) {
    var level = this.level();
    var fresh = {
      responsibilities: this.job.responsibilities.concat(level.responsibilities).join("\n"),
      qualifications: [level.experience].concat(this.job.qualifications, level.qualifications).join("\n"),
      benefits: this.job.benefits.join("\n")
    };
    var kept = [];
    Object.keys(fresh).forEach(function (name) {
      var field = this.control(name);
      var unchanged = first ? field.value.trim() === "" : field.value === this.defaults[name];
      if (unchanged) field.value = fresh[name];
      else if (name !== "benefits") kept.push(LABELS[name].toLowerCase());
      this.defaults[name] = fresh[name];
    }, this);
    if (!first && kept.length) {
      this.say("You edited the " + kept.join(" and ") + ", so we kept your text. Check it fits the new level.");
    }
  };

  Generator.prototype.values = function () {
    var form = this.form;
    var value = function (name) { return form.elements.namedItem(name).value; };
    var work = form.querySelector("input[name=work]:checked");
    return {
      organization: value("organization").trim(), about: value("about").trim(), city: value("city").trim(),
      state: value("state").trim(), reports: value("reports").trim(), employment: value("employment"),
      work: work ? work.value : "", "pay-min": value("pay-min").trim(), "pay-max": value("pay-max").trim(),
      period: value("pay-period"), responsibilities: value("responsibilities"), qualifications: value("qualifications"),
      benefits: value("benefits"), apply: value("apply").trim(), level: this.level()
    };
  };

  // -------------------------------------------------------------------------
  // Validation: a message for each field that needs fixing
  // -------------------------------------------------------------------------

  Generator.prototype.validate = function (v) {
    var errors = {};
    TEXT_FIELDS.forEach(function (name) {
      var text = v[name];
      if (HTML_TAG.test(text)) {
        errors[name] = "Remove the HTML or code, and write plain text. What you type is shown exactly as typed and never run.";
      } else if (text.length > LIMITS[name]) {
        errors[name] = "This is " + text.length.toLocaleString("en-US") + " characters long. Keep it to " +
          LIMITS[name].toLocaleString("en-US") + " characters or fewer.";
      } else if (EMPTY[name] && !lines(text).length) {
        errors[name] = EMPTY[name];
      }
    });
    var pay = {};
    ["pay-min", "pay-max"].forEach(function (name) {
      var text = v[name];
      var amount = parseMoney(text);
      if (!text) { errors[name] = EMPTY[name]; return; }
      if (HTML_TAG.test(text)) { errors[name] = "Enter a number, like 42000 or 21.50, not code."; return; }
      if (isNaN(amount)) { errors[name] = "Enter a number, like 42000 or 21.50."; return; }
      if (amount <= 0) { errors[name] = "Pay must be more than zero."; return; }
      if (v.period === "hour" && amount > 1000) {
        errors[name] = "This is very high for hourly pay. Check the number, or choose “year” if it is a salary.";
      } else if (v.period === "year" && amount > 1000000) {
        errors[name] = "This is very high for a yearly salary. Check the number.";
      } else if (v.period === "year" && amount < 1000) {
        errors[name] = "This is very low for a yearly salary. If it is an hourly rate, choose “hour”.";
      } else {
        pay[name] = amount;
      }
    });
    if (pay["pay-min"] !== undefined && pay["pay-max"] !== undefined && pay["pay-min"] > pay["pay-max"]) {
      errors["pay-min"] = "The lowest pay is higher than the highest pay. Check both numbers.";
      delete pay["pay-min"];
    }
    v.pay = pay;
    return errors;
  };

  // -------------------------------------------------------------------------
  // The job description, as sections of text and placeholders
  // -------------------------------------------------------------------------

  Generator.prototype.build = function (v, errors) {
    var job = this.job;
    // What the user typed is shown even while it has an error: as text, so nothing in it can run.
    var ok = function (name) { return Boolean(v[name]); };
    var location = ok("city") && ok("state") ? words(v.city + ", " + v.state) : slotFor(job.placeholders, "location");
    var organization = ok("organization") ? words(v.organization) : slotFor(job.placeholders, "organization");
    var fillIn = function (text) {
      return fillText(text, { organization: organization, location: location, job_title: words(textOf(v.level.title)) });
    };
    var listOf = function (name) { return lines(v[name]).map(function (line) { return [words(line)]; }); };
    var brief = textsOf(job.brief).map(fillIn);
    if (ok("about")) brief.push([words(v.about)]);
    var pay = v.pay["pay-min"] !== undefined && v.pay["pay-max"] !== undefined
      ? words((v.pay["pay-min"] === v.pay["pay-max"] ? money(v.pay["pay-min"], v.period)
              : money(v.pay["pay-min"], v.period) + " to " + money(v.pay["pay-max"], v.period)) +
              (v.period === "hour" ? " an hour" : " a year"))
      : slotFor(job.placeholders, "pay");
    var sections = [
      { key: "brief", heading: job.sections.brief, paragraphs: brief },
      { key: "responsibilities", heading: job.sections.responsibilities, items: listOf("responsibilities") },
      { key: "qualifications", heading: job.sections.qualifications, items: listOf("qualifications") }
    ];
    var benefits = listOf("benefits");
    if (benefits.length) sections.push({ key: "benefits", heading: job.sections.benefits, items: benefits });
    sections.push({ key: "additional", heading: job.sections.additional, fields: [
      { label: "Job title", value: [words(v.level.title)] },
      { label: "Reports to", value: [ok("reports") ? words(v.reports) : slot(job.reportingLine)] },
      { label: "Employment type", value: [words(v.employment)] },
      { label: "Location", value: [location, words(" (" + v.work + ")")] },
      { label: "Pay range", value: [pay] },
      { label: "Equal opportunity", value: fillIn(job.equalOpportunity) },
      { label: "How to apply", value: [ok("apply") ? words(v.apply) : slot(job.howToApply)] }
    ] });
    return { title: v.level.title, sections: sections };
  };

  // -------------------------------------------------------------------------
  // Output formats
  // -------------------------------------------------------------------------

  function asText(doc) {
    var out = [doc.title, doc.title.replace(/./g, "="), ""];
    doc.sections.forEach(function (section) {
      out.push(section.heading, section.heading.replace(/./g, "-"), "");
      (section.paragraphs || []).forEach(function (p) { out.push(plain(p), ""); });
      (section.items || []).forEach(function (item) { out.push("- " + plain(item)); });
      (section.fields || []).forEach(function (f) { out.push("- " + f.label + ": " + plain(f.value)); });
      if (section.items || section.fields) out.push("");
    });
    return out.join("\n").replace(/\n+$/, "\n");
  }

  function asMarkdown(doc) {
    var md = function (parts) { return parts.map(function (p) {
      return markdownEscape(p.placeholder !== undefined ? "[" + p.placeholder + "]" : p.text);
    }).join(""); };
    var out = ["# " + markdownEscape(doc.title), ""];
    doc.sections.forEach(function (section) {
      out.push("## " + markdownEscape(section.heading), "");
      (section.paragraphs || []).forEach(function (p) { out.push(md(p), ""); });
      (section.items || []).forEach(function (item) { out.push("- " + md(item)); });
      (section.fields || []).forEach(function (f) { out.push("- **" + markdownEscape(f.label) + ":** " + md(f.value)); });
      if (section.items || section.fields) out.push("");
    });
    return out.join("\n").replace(/\n+$/, "\n");
  }

  // Written into `container` with createElement and textContent only.
  function renderInto(container, doc, headingTag, titleTag) {
    var target = container.ownerDocument;
    var make = function (tag, className, text) {
      var node = target.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    var addParts = function (node, parts) {
      parts.forEach(function (p) {
        if (p.placeholder !== undefined) node.appendChild(make("span", "jd-placeholder", "[" + p.placeholder + "]"));
        else node.appendChild(target.createTextNode(p.text));
      });
      return node;
    };
    container.appendChild(make(titleTag, "jd-document__title", doc.title));
    doc.sections.forEach(function (section) {
      container.appendChild(make(headingTag, null, section.heading));
      (section.paragraphs || []).forEach(function (p) { container.appendChild(addParts(make("p"), p)); });
      if (section.items) {
        var list = make("ul");
        section.items.forEach(function (item) { list.appendChild(addParts(make("li"), item)); });
        container.appendChild(list);
      }
      if (section.fields) {
        var fields = make("ul", "jd-additional");
        section.fields.forEach(function (f) {
          var item = make("li");
          item.appendChild(make("strong", null, f.label + ":"));
          item.appendChild(target.createTextNode(" "));
          fields.appendChild(addParts(item, f.value));
        });
        container.appendChild(fields);
      }
    });
  }

  function asHtml(doc) {
    var page = document.implementation.createHTMLDocument(doc.title);
    page.documentElement.setAttribute("lang", "en");
    var charset = page.createElement("meta");
    charset.setAttribute("charset", "utf-8");
    page.head.insertBefore(charset, page.head.firstChild);
    var viewport = page.createElement("meta");
    viewport.setAttribute("name", "viewport");
    viewport.setAttribute("content", "width=device-width, initial-scale=1");
    page.head.appendChild(viewport);
    var style = page.createElement("style");
    style.textContent = "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;" +
      "padding:0 1rem}.jd-placeholder{background:#fff3bf}";
    page.head.appendChild(style);
    renderInto(page.body, doc, "h2", "h1");
    return "<!DOCTYPE html>\n" + page.documentElement.outerHTML + "\n";
  }

  // -------------------------------------------------------------------------
  // Updating the page
  // -------------------------------------------------------------------------

  Generator.prototype.onInput = function (event) {
    if (event.target.name === "level") return;
    this.update();
  };

  Generator.prototype.onChange = function (event) {
    if (event.target.name) this.touched[event.target.name] = true;
    if (event.target.name === "level") this.fill(false);
    this.update();
  };

  Generator.prototype.update = function (checkLater) {
    var v = this.values();
    var errors = this.validate(v);
    this.errors = errors;
    this.doc = this.build(v, errors);
    this.showErrors(v, errors);
    if (!checkLater) this.showCheck(v, this.doc);
    var preview = this.root.querySelector("#jd-preview");
    preview.replaceChildren();
    renderInto(preview, this.doc, "h4", "p");
    if (this.showAll) this.showSummary(errors);
    this.showConfirm();
  };

  Generator.prototype.showErrors = function (v, errors) {
    Object.keys(LABELS).forEach(function (name) {
      var field = this.control(name);
      var message = this.root.querySelector("#jd-" + name + "-error");
      // An empty field is only an error once the user has left it or tried to use the result.
      var visible = errors[name] && (this.showAll || this.touched[name] || (v[name] && errors[name] !== EMPTY[name]));
      message.textContent = visible ? errors[name] : "";
      message.hidden = !visible;
      if (visible) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }, this);
  };

  Generator.prototype.showSummary = function (errors) {
    var summary = this.root.querySelector("#jd-summary");
    var list = summary.querySelector("ul");
    var signature = JSON.stringify(errors);
    summary.hidden = Object.keys(errors).length === 0;
    if (signature === this.summarySignature) return;
    this.summarySignature = signature;
    list.replaceChildren();
    Object.keys(errors).forEach(function (name) {
      var item = element("li");
      var link = element("a", null, LABELS[name] + ": " + errors[name]);
      link.href = "#jd-" + name;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        document.getElementById("jd-" + name).focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
  };

  // The words around a hit in its line, cut at whole words: what the warning quotes.
  var CONTEXT = 30;
  function around(line, start, end) {
    var from = Math.max(0, start - CONTEXT);
    var to = Math.min(line.length, end + CONTEXT);
    var before = line.slice(from, start);
    var after = line.slice(end, to);
    if (from > 0) before = "…" + before.replace(/^\S*\s+/, "");
    if (to < line.length) after = after.replace(/\s+\S*$/, "") + "…";
    return { before: before, after: after };
  }

  // Every flagged wording in one field, with where it is in the field's own value. Each line is
  // checked on its own, so a "not" on one line never reaches the next.
  function fieldHits(name, value, rules) {
    var found = [];
    var offset = 0;
    value.split("\n").forEach(function (line) {
      hits(line, rules).forEach(function (hit) {
        found.push({ name: name, hit: hit, start: offset + hit.start, end: offset + hit.end, line: line });
      });
      offset += line.length + 1;
    });
    return found;
  }

  // The peer-language check: wording in what the employer wrote, essentials in the whole text.
  Generator.prototype.showCheck = function (v, doc) {
    var rules = this.rules;
    var found = [];
    CHECKED.forEach(function (name) {
      var inField = fieldHits(name, this.control(name).value, rules);
      found = found.concat(inField);
      var note = this.root.querySelector("#jd-" + name + "-check");
      note.textContent = inField.length ? "Peer-language check: " +
        inField.map(function (e) { return "“" + e.hit.text + "”"; }).join(", ") +
        ". See the suggestions under “Peer-language check”." : "";
      note.hidden = !inField.length;
    }, this);
    var absent = missing(asText(doc), rules);
    this.warnings = found.length + absent.length;
    var status = this.root.querySelector("#jd-check-status");
    var text = found.length || absent.length
      ? count(found.length, "word or phrase to reconsider", "words or phrases to reconsider") + ", " +
        count(absent.length, "missing essential", "missing essentials") + "."
      : "No wording to reconsider, and every essential is there.";
    if (status.textContent !== text) status.textContent = text;
    var results = this.root.querySelector("#jd-check-results");
    // Rebuild only when the findings change, so a button being clicked is never replaced under the pointer.
    var signature = JSON.stringify([found.map(function (e) { return [e.name, e.start, e.end, e.hit.rule.id, e.line]; }),
                                    absent.map(function (r) { return r.id; })]);
    if (signature === this.checkSignature) return;
    this.checkSignature = signature;
    results.replaceChildren();
    if (found.length) {
      results.appendChild(element("h4", null, "Wording to reconsider"));
      var list = element("ul", "jd-check__list");
      found.forEach(function (entry) { list.appendChild(this.warningItem(entry)); }, this);
      results.appendChild(list);
    }
    if (absent.length) {
      results.appendChild(element("h4", null, "Missing essentials"));
      var essentials = element("ul", "jd-check__list");
      absent.forEach(function (rule) {
        var item = element("li", "jd-check__item jd-check__item--missing");
        item.appendChild(element("strong", null, rule.label + "."));
        item.appendChild(document.createTextNode(" " + rule.why + " "));
        item.appendChild(element("span", "jd-check__rewrite", rule.rewrite));
        item.appendChild(this.sourcesOf(rule));
        essentials.appendChild(item);
      }, this);
      results.appendChild(essentials);
    }
    results.querySelectorAll("h4").forEach(function (heading) { heading.tabIndex = -1; });
  };

  // One flagged wording: the words, quoted in their line with a little context, and a button that
  // puts the cursor on them in their field (line numbers mean nothing once lines wrap on a phone).
  Generator.prototype.warningItem = function (entry) {
    var item = element("li", "jd-check__item jd-check__item--avoid");
    var label = LABELS[entry.name];
    item.appendChild(element("strong", null, "“" + entry.hit.text + "”"));
    item.appendChild(document.createTextNode(" in " + label + ":"));
    var quote = element("span", "jd-check__context");
    var context = around(entry.line, entry.hit.start, entry.hit.end);
    quote.appendChild(document.createTextNode("“" + context.before));
    quote.appendChild(element("mark", null, entry.hit.text));
    quote.appendChild(document.createTextNode(context.after + "”"));
    item.appendChild(quote);
    var select = element("button", "jd-check__select", "Select these words");
    select.type = "button";
    select.setAttribute("aria-label", "Select these words: “" + entry.hit.text + "” in " + label);
    select.addEventListener("click", function () { this.selectWords(entry); }.bind(this));
    item.appendChild(select);
    item.appendChild(element("span", "jd-check__reason", entry.hit.rule.label + ": " + entry.hit.rule.why));
    item.appendChild(element("span", "jd-check__rewrite", "Try: " + entry.hit.rule.rewrite));
    item.appendChild(this.sourcesOf(entry.hit.rule));
    return item;
  };

  // How far down a textarea's text the character at `index` is, in pixels: a hidden copy of the
  // field (.jd-measure: as wide, the same font) holding the text up to there is as tall as it.
  function depth(field, index) {
    var copy = document.createElement("textarea");
    copy.className = field.className + " jd-measure";
    copy.rows = 1;
    copy.tabIndex = -1;
    copy.setAttribute("aria-hidden", "true");
    copy.value = field.value.slice(0, index);
    field.parentNode.appendChild(copy);
    var height = copy.scrollHeight;
    copy.remove();
    return height;
  }

  // Focus the field and select the flagged words, scrolled into view inside the field as well.
  Generator.prototype.selectWords = function (entry) {
    var field = this.control(entry.name);
    field.focus({ preventScroll: true });
    field.setSelectionRange(entry.start, entry.end);
    if (field.tagName === "TEXTAREA") {
      field.scrollTop = Math.max(0, depth(field, entry.end) - field.clientHeight / 2);
    }
    field.scrollIntoView({ block: "center" });
  };

  function count(n, one, many) { return n + " " + (n === 1 ? one : many); }

  Generator.prototype.sourcesOf = function (rule) {
    var span = element("span", "jd-check__sources", " Sources: ");
    rule.sources.forEach(function (source, index) {
      var link = element("a", null, source.publisher);
      link.href = this.sourcesRoot + source.href;
      span.appendChild(link);
      span.appendChild(document.createTextNode(index < rule.sources.length - 1 ? "; " : "."));
    }, this);
    return span;
  };

  Generator.prototype.say = function (message) {
    var status = this.root.querySelector("#jd-status");
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  };

  // -------------------------------------------------------------------------
  // Copy, download, print
  // -------------------------------------------------------------------------

  // What each action does with the result, in the words of the confirm step.
  var VERBS = { copy: "copy", markdown: "download", text: "download", html: "download", print: "print" };

  // Errors stop the action (the summary says what and where). Warnings of the peer-language check
  // are advice: the confirm step says how many, and the reader reviews them or goes on anyway.
  Generator.prototype.act = function (action, anyway) {
    this.showAll = true;
    this.update();
    if (Object.keys(this.errors).length) {
      this.closeConfirm();
      var summary = this.root.querySelector("#jd-summary");
      summary.focus();
      this.say("Fix the problems listed above the form first.");
      return;
    }
    this.root.querySelector("#jd-summary").hidden = true;
    if (this.warnings && !anyway) {
      this.pending = action;
      this.showConfirm();
      this.root.querySelector("#jd-confirm").focus();
      return;
    }
    this.closeConfirm();
    if (action === "copy") this.copy(asText(this.doc));
    else if (action === "markdown") this.download(asMarkdown(this.doc), "md", "text/markdown", "Markdown");
    else if (action === "text") this.download(asText(this.doc), "txt", "text/plain", "plain text");
    else if (action === "html") this.download(asHtml(this.doc), "html", "text/html", "HTML");
    else if (action === "print") this.print();
  };

  // The confirm step's words follow the check while it is open; with no warning left, it closes.
  Generator.prototype.showConfirm = function () {
    if (!this.pending) return;
    if (!this.warnings) { this.closeConfirm(); return; }
    var verb = VERBS[this.pending];
    var one = this.warnings === 1;
    this.root.querySelector("#jd-confirm-message").textContent =
      count(this.warnings, "warning is", "warnings are") + " not resolved. Review " + (one ? "it" : "them") +
      ", or " + verb + " anyway?";
    this.root.querySelector("#jd-confirm [data-confirm=review]").textContent = "Review " + (one ? "it" : "them");
    this.root.querySelector("#jd-confirm [data-confirm=anyway]").textContent =
      verb.charAt(0).toUpperCase() + verb.slice(1) + " anyway";
    this.root.querySelector("#jd-confirm").hidden = false;
  };

  Generator.prototype.closeConfirm = function () {
    this.pending = null;
    this.root.querySelector("#jd-confirm").hidden = true;
  };

  // From the confirm step: to the warnings, on with the action, or (Escape) back to its button.
  Generator.prototype.confirm = function (choice) {
    var action = this.pending;
    var button = this.root.querySelector("[data-action=" + action + "]");
    this.closeConfirm();
    if (choice === "anyway") {
      button.focus();
      this.act(action, true);
    } else if (choice === "review") {
      var first = this.root.querySelector("#jd-check-results h4");
      first.scrollIntoView({ block: "center" });
      first.focus({ preventScroll: true });
    } else {
      button.focus();
    }
  };

  Generator.prototype.copy = function (text) {
    var self = this;
    var fallback = function () {
      var box = self.root.querySelector("#jd-copy-fallback");
      var area = self.root.querySelector("#jd-copy-text");
      area.value = text;
      box.hidden = false;
      area.focus();
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      if (copied) {
        box.hidden = true;
        self.say("Copied the job description as plain text.");
      } else {
        self.say("Select the text in the box and copy it.");
      }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        self.root.querySelector("#jd-copy-fallback").hidden = true;
        self.say("Copied the job description as plain text.");
      }, fallback);
    } else {
      fallback();
    }
  };

  Generator.prototype.download = function (content, extension, type, name) {
    var url = URL.createObjectURL(new Blob([content], { type: type + ";charset=utf-8" }));
    var link = element("a");
    link.href = url;
    link.download = this.fileName + "." + extension;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.say("Downloaded the job description as " + name + " (" + link.download + ").");
  };

  Generator.prototype.print = function () {
    var html = document.documentElement;
    var done = function () { html.classList.remove("jd-printing"); };
    html.classList.add("jd-printing");
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  };

  // -------------------------------------------------------------------------
  // Start
  // -------------------------------------------------------------------------

  function start() {
    var root = document.getElementById("jd-generator");
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "loading");
    Promise.all([getJSON(root.getAttribute("data-job")), getJSON(root.getAttribute("data-rules"))])
      .then(function (loaded) {
        root.generator = new Generator(root, loaded[0], loaded[1]);  // sets data-ready="yes" once checked
      })
      .catch(function () {
        root.setAttribute("data-ready", "failed");
        document.documentElement.classList.add("jd-failed");
        document.querySelectorAll(".jd-nojs").forEach(function (note) {
          note.textContent = "The form could not load. Use the template below: copy it and replace each part in [brackets].";
        });
      });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);  // Material's instant navigation, if it is turned on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
