"""The peer-language check: wording that does not fit peer work, and essentials that are missing.

The rules live in data/language-rules.yml. This module turns each rule's phrases into regular
expressions that mean the same in Python and in the browser (ASCII word boundaries, no
look-behind, only `\\b`, `\\s+`, `[...]` and `(?:...)`), so the build check of our own templates
and the job-description generator (docs/assets/javascripts/job-generator.js, which reads
`rules_json`) flag exactly the same words. A test runs both on the same sentences.

How a text is checked:

- an `avoid` rule flags each match of one of its phrases, except where the match lies inside
  a match of one of its `unless` phrases, or (when `fine_when_negated`) where a negation word
  comes before it in the same sentence ("you will not diagnose"); of overlapping matches of one
  rule, only the first (the longest, when they start together) is flagged;
- a `require` rule is missing when none of its phrases occurs anywhere in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..data.models import AvoidRule, EssentialRule, LanguageRules, Source

# Characters that end a sentence or clause for negation: . ! ? ; and :
CLAUSE_END = r"[.!?;:]"
_SPECIAL = set("\\^$.|?*+()[]{}")
FLAGS = re.IGNORECASE | re.ASCII


@dataclass(frozen=True)
class Hit:
    """Wording an `avoid` rule flags: the rule, the words as written and where they are."""

    rule: AvoidRule
    text: str
    start: int
    end: int


def phrase_regex(phrase: str) -> str:
    """The regular expression (Python and JavaScript alike) for one phrase of a rule."""
    parts = []
    for word in phrase.split():
        if word == "*":
            parts.append(r"[\w'’-]+")
            continue
        wildcard = word.endswith("*")
        word = word.rstrip("*")
        text = "".join("['’]" if char in "'’" else ("\\" + char if char in _SPECIAL else char) for char in word)
        parts.append(text + (r"\w*" if wildcard else ""))
    pattern = r"\s+".join(parts)
    first, last = phrase[0], phrase.rstrip("*")[-1]
    start = r"\b" if first.isalnum() or first == "*" else ""
    end = r"\b" if last.isalnum() or phrase.endswith("*") else ""
    return f"{start}(?:{pattern}){end}"


class Checker:
    """The rules of data/language-rules.yml, compiled once."""

    def __init__(self, rules: LanguageRules):
        self.rules = rules
        self.negation = re.compile("|".join(phrase_regex(p) for p in rules.negations), FLAGS)
        self.avoid = [
            (rule, [re.compile(phrase_regex(p), FLAGS) for p in rule.phrases],
             [re.compile(phrase_regex(p), FLAGS) for p in rule.unless])
            for rule in rules.avoid
        ]
        self.require = [(rule, [re.compile(phrase_regex(p), FLAGS) for p in rule.phrases]) for rule in rules.require]

    def hits(self, text: str) -> list[Hit]:
        """Every flagged wording in `text`, in order of where it starts."""
        found: list[Hit] = []
        for rule, patterns, exceptions in self.avoid:
            allowed = [m.span() for pattern in exceptions for m in pattern.finditer(text)]
            for pattern in patterns:
                for match in pattern.finditer(text):
                    start, end = match.span()
                    if any(a <= start and end <= b for a, b in allowed):
                        continue
                    if rule.fine_when_negated and self._negated(text, start):
                        continue
                    found.append(Hit(rule, match.group(), start, end))
        # "clinical assessments" is one hit, not also "assessments": of overlapping hits of one rule,
        # keep the one that starts first (the longest, when they start together).
        kept: list[Hit] = []
        for hit in sorted(found, key=lambda h: (h.start, h.start - h.end, h.rule.id)):
            if not any(k.rule.id == hit.rule.id and k.start < hit.end and hit.start < k.end for k in kept):
                kept.append(hit)
        return sorted(kept, key=lambda hit: (hit.start, hit.rule.id))

    def missing(self, text: str) -> list[EssentialRule]:
        """The `require` rules none of whose phrases occurs in `text`."""
        return [rule for rule, patterns in self.require if not any(p.search(text) for p in patterns)]

    def _negated(self, text: str, start: int) -> bool:
        clause_start = max((m.end() for m in re.finditer(CLAUSE_END, text[:start])), default=0)
        return bool(self.negation.search(text[clause_start:start]))


def rules_json(rules: LanguageRules, sources: dict[str, Source], link: Callable[[Source], str]) -> dict[str, Any]:
    """The rules as the browser reads them: regular expressions ready for `new RegExp(x, "gi")`;
    `link` gives a source's entry as a link from the site root."""

    def cite(ids: Iterable[str]) -> list[dict[str, str]]:
        return [{"id": i, "publisher": sources[i].publisher, "title": sources[i].title,
                 "href": link(sources[i])} for i in ids]

    return {
        "clauseEnd": CLAUSE_END,
        "negation": "|".join(phrase_regex(p) for p in rules.negations),
        "avoid": [
            {"id": rule.id, "label": rule.label, "phrases": [phrase_regex(p) for p in rule.phrases],
             "unless": [phrase_regex(p) for p in rule.unless], "fineWhenNegated": rule.fine_when_negated,
             "why": rule.why, "rewrite": rule.rewrite, "sources": cite(rule.sources)}
            for rule in rules.avoid
        ],
        "require": [
            {"id": rule.id, "label": rule.label, "phrases": [phrase_regex(p) for p in rule.phrases],
             "why": rule.why, "rewrite": rule.rewrite, "sources": cite(rule.sources)}
            for rule in rules.require
        ],
    }

