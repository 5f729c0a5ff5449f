"""Checks across files that a single model cannot make: references, uniqueness, figures."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from . import finder, job_descriptions, ladder, paths
from .dataset import Dataset, Loaded
from .load import Location, dotted
from .models import YEAR_IN_TEXT, Detail, Fact, OtherValue, Source, StateCredential
from .problems import Problem
from .text import as_reader_sees
from .walk import walk

FIGURE_IN_PROSE = re.compile(r"\$\s?\d|\d\s?%")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")
NEGATIVE_FIGURE = re.compile(r"(?<![\w\-–])[-−]\s?\$?\d")
MONEY_RANGE = re.compile(r"\$([\d,.]+)\s*(?:–|-|to)\s*\$([\d,.]+)")
# Fields that hold one source id, and fields that hold a list of them.
SOURCE_FIELDS = {"source", "official_source"}
SOURCE_LIST_FIELDS = {"sources", "background_sources"}
# Models whose text may carry figures, because they carry a source and year too.
SOURCED = (Fact, Source, Detail, OtherValue, StateCredential)


def check_dataset(dataset: Dataset, today: datetime.date | None = None) -> list[Problem]:
    """Every cross-file problem in the dataset."""
    today = today or datetime.date.today()
    context = _Context(dataset, today)
    problems: list[Problem] = []
    for loaded in dataset.everything():
        problems += context.check(loaded)
    problems += _duplicate_source_ids(dataset.sources)
    # Titles compared as a reader sees them (careers.text.as_reader_sees): case, spacing and look-alike forms ignored.
    problems += _unique(dataset.roles, "title", lambda role: as_reader_sees(role.title), "another role has the same title")
    problems += _unique(dataset.credentials, "title", lambda c: as_reader_sees(c.title), "another credential has the same title")
    problems += _unique(dataset.credentials, "short_name", lambda c: as_reader_sees(c.short_name), "another credential has the same short name")
    problems += _unique(dataset.states, "name", lambda state: as_reader_sees(state.name), "another state has the same name")
    problems += _duplicate_question_ids(dataset.faq)
    for feature in (paths, ladder, finder):  # Plan your path: references, and the finder's hours as written
        problems += feature.check(dataset)
    problems += job_descriptions.check(dataset)  # job-description templates and the peer-language rules
    return problems


# ---------------------------------------------------------------------------
# Checks on every value of every file
# ---------------------------------------------------------------------------


class _Context:
    def __init__(self, dataset: Dataset, today: datetime.date):
        self.sources = set(dataset.sources_by_id)
        self.roles = set(dataset.roles_by_slug)
        self.today = today

    def check(self, loaded: Loaded) -> list[Problem]:
        document, model = loaded.document, loaded.model
        problems: list[Problem] = []

        def add(location: Location, message: str) -> None:
            problems.append(Problem(document.path, document.line_of(location), dotted(location), message))

        stem = document.path.rsplit("/", 1)[-1].removesuffix(".yml")
        name = getattr(model, "slug", None)
        if name is not None and "/" in document.path.removeprefix("data/") and name != stem:
            field_name = "code" if hasattr(model, "code") else "slug"
            shown = getattr(model, field_name)
            add((field_name,), f"`{shown}` does not match the file name `{stem}.yml`: make them the same"
                + (" (the file name is the code in lower case)" if field_name == "code" else ""))
        for location, value, owner in walk(model):
            field_name = _field_name(location)
            if isinstance(value, str):
                self._check_text(location, value, owner, add)
                if field_name in SOURCE_FIELDS or (field_name is None and _parent_name(location) in SOURCE_LIST_FIELDS):
                    if value not in self.sources:
                        add(location, f"`{value}` is not in data/sources.yml: add it there or fix the id")
                if (field_name == "role" or (field_name is None and _parent_name(location) == "roles")) and value not in self.roles:
                    add(location, f"no role `{value}` in data/roles/: use one of " + ", ".join(f"`{s}`" for s in sorted(self.roles)))
                if field_name == "year" and isinstance(owner, (Fact, StateCredential)):
                    first = YEAR_IN_TEXT.search(value)
                    if first and int(first.group()) > self.today.year:
                        add(location, f"`{value}` is in the future: give the year the figure describes")
            elif isinstance(value, datetime.date) and value > self.today:
                add(location, f"{value} is in the future: give the date the page was last reviewed")
            elif isinstance(value, int) and field_name in ("year", "checked") and value > self.today.year:
                add(location, f"{value} is in the future: give the year the page was published or read")
        if getattr(model, "group", None) == "peer" and not model.experience_levels:
            add(("experience_levels",), "peer roles need experience levels (entry, experienced, senior): add them")
        if getattr(model, "group", None) == "peer" and model.at_a_glance.diagnoses_or_treats.answer != "never":
            add(("at_a_glance", "diagnoses_or_treats", "answer"),
                "peer workers never diagnose or treat: write `never`, or make the role `group: neighbouring`")
        for index, similar in enumerate(getattr(model, "similar_roles", [])):
            if similar.role == name:
                add(("similar_roles", index, "role"), "a role cannot be similar to itself: name another role")
        return problems

    @staticmethod
    def _check_text(location: Location, text: str, owner: Any, add: Callable[[Location, str], None]) -> None:
        if HTML_TAG.search(text):
            add(location, "HTML is not allowed here: write plain text (it is shown as typed)")
        if not isinstance(owner, SOURCED) and FIGURE_IN_PROSE.search(text):
            add(location, "money amounts and percentages need a source and year: move the figure into a `facts` entry")
        if NEGATIVE_FIGURE.search(text):
            add(location, "a figure cannot be negative: check the number (a dash before a number reads as minus)")
        for low, high in MONEY_RANGE.findall(text):
            if _amount(low) > _amount(high):
                add(location, f"the range ${low}–${high} runs backwards: put the smaller amount first")


# ---------------------------------------------------------------------------
# Uniqueness
# ---------------------------------------------------------------------------


def _duplicate_source_ids(loaded: Loaded) -> list[Problem]:
    document, problems = loaded.document, []
    seen: dict[str, int] = {}
    for index, source in enumerate(loaded.model.sources):
        location = ("sources", index, "id")
        if source.id in seen:
            problems.append(Problem(document.path, document.line_of(location), dotted(location),
                f"`{source.id}` is listed twice (first at item {seen[source.id] + 1}): keep one"))
        seen.setdefault(source.id, index)
    return problems


def _duplicate_question_ids(loaded: Loaded) -> list[Problem]:
    document, problems = loaded.document, []
    seen: dict[str, str] = {}
    for t, topic in enumerate(loaded.model.topics):
        for q, question in enumerate(topic.questions):
            location = ("topics", t, "questions", q, "id")
            if question.id in seen:
                problems.append(Problem(document.path, document.line_of(location), dotted(location),
                    f"`{question.id}` is already used by another question ({seen[question.id]}): each question needs its own id"))
            seen.setdefault(question.id, dotted(location))
    return problems


def _unique(items: list[Loaded], name: str, key, message: str) -> list[Problem]:
    seen: dict[Any, str] = {}
    problems = []
    for loaded in items:
        value = key(loaded.model)
        if value in seen:
            problems.append(Problem(loaded.document.path, loaded.document.line_of((name,)), name,
                f"{message} ({seen[value]}): make it unique"))
        else:
            seen[value] = loaded.document.path
    return problems


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _amount(text: str) -> float:
    try:
        return float(text.replace(",", "").rstrip("."))
    except ValueError:
        return 0.0


def _field_name(location: Location) -> str | None:
    return location[-1] if location and isinstance(location[-1], str) else None


def _parent_name(location: Location) -> str | None:
    return location[-2] if len(location) >= 2 and isinstance(location[-2], str) else None
