"""Drop the rules of a stylesheet that style nothing on the site.

Material's stylesheet (23 KB compressed) styles every feature it has: code highlighting, tabs,
keyboard keys, a dozen kinds of admonition with their icons, annotations, tags... Every page waits
for it before the first paint. This module keeps what the site uses:

- a selector is dropped when it names a class (`.name`) that no built page carries and no script
  mentions (Material's script creates elements with `md-...` classes: search results, tooltips;
  and gives others to `classList`: `focus-visible`, `js`);
- or an element (`kbd`, `blockquote`) that no page has and no script names ("kbd", `<kbd`);
- or an attribute value (`[data-md-color-primary=red]`) that no page gives an attribute the pages
  do have, and no script names ("red"); an attribute no page has at all is left alone, since a
  script may set it;
  a rule goes when none of its selectors is left, an `@media` or `@supports` block when it is empty;
- then a custom property (`--md-admonition-icon--bug: url(...)`) goes when nothing that is left
  reads it with `var()`: not in the stylesheets pruned together (Material's main and palette
  stylesheets read each other's), nor in the site's own stylesheets and scripts (`read_elsewhere`).

Id selectors, other attribute tests (`[name^=x]`) and anything inside `:not()`, `:is()`... are kept
as they are. Uses tinycss2, a real CSS parser, and lxml for the pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import tinycss2
from lxml import html as lxml_html

_WORD = re.compile(r"md-[\w-]+")
_CLASS_LIST = re.compile(r"classList\.(?:add|remove|toggle|replace|contains)\(\s*[\"']([\w-]+)[\"']")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_PROPERTY = re.compile(r"--[\w-]+")
_GROUPS = {"media", "supports"}
_QUOTED = re.compile(r"\"([\w-]+)\"|'([\w-]+)'|`([\w-]+)`|<([a-zA-Z][\w-]*)")
_COMBINATORS = {">", "+", "~"}


@dataclass
class Usage:
    """What the built site uses. `elements` or `attributes` None: not known, nothing dropped for them."""

    classes: set[str]
    elements: set[str] | None = None
    attributes: dict[str, set[str]] | None = None  # attribute name -> every value pages give it
    script_words: set[str] = field(default_factory=set)  # "word", 'word', `word` and <tag in scripts


def site_usage(pages: Iterable[str], scripts: Iterable[str]) -> Usage:
    """The classes, elements and attribute values of these HTML documents, with what scripts name."""
    scripts = list(scripts)
    classes: set[str] = set()
    elements: set[str] = set()
    attributes: dict[str, set[str]] = {}
    for page in pages:
        for element in lxml_html.fromstring(page).iter():
            if isinstance(element.tag, str):
                elements.add(element.tag.lower())
                classes.update((element.get("class") or "").split())
                for name, value in element.attrib.items():
                    attributes.setdefault(name.lower(), set()).add(value)
    words = {next(group for group in match if group) for script in scripts for match in _QUOTED.findall(script)}
    return Usage(classes | classes_in_scripts(scripts), elements, attributes, words)


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


def without_comments(css: str) -> str:
    """The stylesheet's rules, one a line, without its comments: they document the source file,
    a reader's browser does not need them."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(tinycss2.serialize([rule]).strip() for rule in rules)


def properties_read(texts: Iterable[str]) -> set[str]:
    """Custom properties other stylesheets or scripts may read: every `--name` they mention."""
    return {name for text in texts for name in _PROPERTY.findall(text)}


def prune_stylesheets(sheets: dict[str, str], used: Usage, read_elsewhere: set[str]) -> dict[str, str]:
    """Each stylesheet without the selectors, rules and custom properties nothing uses."""
    rules = {name: _prune_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used)
             for name, css in sheets.items()}
    read = _properties_read_by(list(rules.values()), read_elsewhere)
    return {name: _write(kept, read) for name, kept in rules.items()}


def _prune_rules(rules, used: Usage) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(rule.prelude) if _selects_something_used(s, used)]
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


def _selects_something_used(selector: list, used: Usage) -> bool:
    """False when the selector names an unused class, element or attribute value. What is inside
    :not(), :is()... is not looked at: `:not(.unused)` matches everything, so the selector stays
    (safe either way)."""
    previous = None
    for token in selector:
        if token.type == "ident" and previous is not None and previous.type == "literal" and previous.value == ".":
            if token.value not in used.classes:
                return False
        elif token.type == "ident" and _starts_compound(previous) and used.elements is not None:
            if token.lower_value not in used.elements and token.lower_value not in used.script_words:
                return False
        elif token.type == "[] block" and used.attributes is not None:
            test = [t for t in token.content if t.type != "whitespace"]
            if len(test) == 3 and test[0].type == "ident" and test[1] == "=" and test[2].type in ("ident", "string"):
                name, value = test[0].lower_value, test[2].value
                if name in used.attributes and value not in used.attributes[name] and value not in used.script_words:
                    return False
        previous = token
    return True


def _starts_compound(previous) -> bool:
    """Whether a name after this token is an element (type) selector: at the start, or after a combinator."""
    return previous is None or previous.type == "whitespace" or (
        previous.type == "literal" and previous.value in _COMBINATORS)


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
