"""Drop the rules of a stylesheet that style nothing on the site.

Material's stylesheet (23 KB compressed) styles every feature it has: code highlighting, tabs,
keyboard keys, a dozen kinds of admonition with their icons, annotations, tags... Every page waits
for it before the first paint. This module keeps what the site uses:

- a selector is dropped when it names a class (`.name`) that no built page carries and no script
  mentions (Material's script creates elements with `md-...` classes: search results, tooltips;
  and gives others to `classList`: `focus-visible`, `js`);
  a rule goes when none of its selectors is left, an `@media` or `@supports` block when it is empty;
- then a custom property (`--md-admonition-icon--bug: url(...)`) goes when nothing that is left
  reads it with `var()`: not in the stylesheets pruned together (Material's main and palette
  stylesheets read each other's), nor in the site's own stylesheets and scripts (`read_elsewhere`).

Element, id and attribute selectors are kept as they are. Uses tinycss2, a real CSS parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import tinycss2
from lxml import html as lxml_html

_WORD = re.compile(r"md-[\w-]+")
_CLASS_LIST = re.compile(r"classList\.(?:add|remove|toggle|replace|contains)\(\s*[\"']([\w-]+)[\"']")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_PROPERTY = re.compile(r"--[\w-]+")
_GROUPS = {"media", "supports"}


def classes_in_pages(pages: Iterable[str]) -> set[str]:
    """Every class in the class attributes of these HTML documents."""
    found: set[str] = set()
    for page in pages:
        for element in lxml_html.fromstring(page).iter():
            if isinstance(element.tag, str):
                found.update((element.get("class") or "").split())
    return found


def classes_in_scripts(scripts: Iterable[str]) -> set[str]:
    """Classes a script may put on elements: Material's names (`md-...`, the elements it creates or
    marks) and any class given to `classList` (`focus-visible`, which Material's keyboard-focus
    helper adds and its stylesheet uses to draw the focus ring of the colour toggle)."""
    return {word for script in scripts for word in (*_WORD.findall(script), *_CLASS_LIST.findall(script))}


def classes_styled(css: str) -> set[str]:
    """Every class a stylesheet's selectors name (in rules and inside @media and @supports)."""
    found: set[str] = set()

    def visit(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                tokens = list(rule.prelude)
                found.update(token.value for before, token in zip(tokens, tokens[1:])
                             if before.type == "literal" and before.value == "." and token.type == "ident")
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _GROUPS:
                visit(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    visit(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def properties_read(texts: Iterable[str]) -> set[str]:
    """Custom properties other stylesheets or scripts may read: every `--name` they mention."""
    return {name for text in texts for name in _PROPERTY.findall(text)}


def prune_stylesheets(sheets: dict[str, str], used_classes: set[str], read_elsewhere: set[str]) -> dict[str, str]:
    """Each stylesheet without the selectors, rules and custom properties nothing uses."""
    rules = {name: _prune_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used_classes)
             for name, css in sheets.items()}
    read = _properties_read_by(list(rules.values()), read_elsewhere)
    return {name: _write(kept, read) for name, kept in rules.items()}


def _prune_rules(rules, used: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(rule.prelude) if _only_used_classes(s, used)]
            if selectors:
                kept.append(("rule", ",".join(tinycss2.serialize(s).strip() for s in selectors), rule.content))
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _GROUPS:
            inner = _prune_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                kept.append(("group", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner))
        elif rule.type == "at-rule":
            kept.append(("verbatim", tinycss2.serialize([rule]), None))
    return kept


def _split_selectors(prelude) -> list[list]:
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _only_used_classes(selector: list, used: set[str]) -> bool:
    """False when the selector names an unused class. Classes inside :not(), :is()... are not
    looked at: `:not(.unused)` matches everything, so the selector stays (safe either way)."""
    for before, token in zip(selector, selector[1:]):
        if before.type == "literal" and before.value == "." and token.type == "ident" and token.value not in used:
            return False
    return True


def _declarations(content) -> list:
    return [d for d in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)
            if d.type == "declaration"]


def _properties_read_by(sheets: list[list], read_elsewhere: set[str]) -> set[str]:
    """Custom properties read by a kept declaration, or elsewhere, directly or through another."""
    declared: dict[str, list[str]] = {}
    read = set(read_elsewhere)

    def survey(group):
        for kind, head, body in group:
            if kind == "group":
                survey(body)
            elif kind == "rule":
                for declaration in _declarations(body):
                    value = tinycss2.serialize(declaration.value)
                    if declaration.name.startswith("--"):
                        declared.setdefault(declaration.name, []).append(value)
                    else:
                        read.update(_VAR.findall(value))
            else:  # @keyframes, @font-face...: kept whole, and what they read is read
                read.update(_VAR.findall(head))

    for sheet in sheets:
        survey(sheet)
    waiting = list(read)
    while waiting:  # a property read by a read property is read too
        for value in declared.get(waiting.pop(), []):
            for name in _VAR.findall(value):
                if name not in read:
                    read.add(name)
                    waiting.append(name)
    return read


def _write(group: list, read: set[str]) -> str:
    out = []
    for kind, head, body in group:
        if kind == "verbatim":
            out.append(head)
        elif kind == "group":
            inner = _write(body, read)
            if inner:
                out.append(f"{head}{{{inner}}}")
        else:
            kept = [d for d in _declarations(body) if not d.name.startswith("--") or d.name in read]
            if kept:
                out.append(f"{head}{{{';'.join(_declaration(d) for d in kept)}}}")
    return "".join(out)


def _declaration(declaration) -> str:
    important = "!important" if declaration.important else ""
    return f"{declaration.name}:{tinycss2.serialize(declaration.value).strip()}{important}"
