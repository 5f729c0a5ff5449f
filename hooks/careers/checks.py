"""Checks across files that a single model cannot make: references, uniqueness, figures."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .dataset import Dataset, Loaded
from .load import Location, dotted
from .models import YEAR_IN_TEXT, Fact, Role, Source
from .problems import Problem

FIGURE_IN_PROSE = re.compile(r"\$\s?\d|\d\s?%")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")


def check_dataset(dataset: Dataset, this_year: int | None = None) -> list[Problem]:
    """Every cross-file problem in the dataset."""
    this_year = this_year or datetime.date.today().year
    known_sources = set(dataset.sources_by_id)
    problems = [*_source_problems(dataset.sources, this_year)]
    problems += _unique(dataset.roles, "title", lambda role: role.title.casefold(), "another role has the same title")
    for loaded in dataset.roles:
        problems += _role_problems(loaded, dataset, known_sources, this_year)
    problems += _text_problems(dataset.crisis)
    return problems


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def _source_problems(loaded: Loaded, this_year: int) -> list[Problem]:
    document, problems = loaded.document, []
    seen: dict[str, int] = {}
    for index, source in enumerate(loaded.model.sources):
        where = ("sources", index)
        if source.id in seen:
            problems.append(Problem(document.path, document.line_of((*where, "id")), dotted((*where, "id")),
                f"`{source.id}` is listed twice (first at item {seen[source.id] + 1}): keep one"))
        seen.setdefault(source.id, index)
        for name in ("year", "checked"):
            value = getattr(source, name)
            if value and value > this_year:
                problems.append(Problem(document.path, document.line_of((*where, name)), dotted((*where, name)),
                    f"{value} is in the future: give the year the page was published or read"))
    return problems + _text_problems(loaded)


def _role_problems(loaded: Loaded[Role], dataset: Dataset, known: set[str], this_year: int) -> list[Problem]:
    document, role = loaded.document, loaded.model
    problems = []

    def add(location: Location, message: str) -> None:
        problems.append(Problem(document.path, document.line_of(location), dotted(location), message))

    stem = document.path.rsplit("/", 1)[-1].removesuffix(".yml")
    if role.slug != stem:
        add(("slug",), f"`{role.slug}` does not match the file name `{stem}.yml`: make them the same")
    for location, fact in _facts_with_location(role):
        if fact.source not in known:
            add((*location, "source"), f"`{fact.source}` is not in data/sources.yml: add it there or fix the id")
        first_year = YEAR_IN_TEXT.search(fact.year)
        if first_year and int(first_year.group()) > this_year:
            add((*location, "year"), f"`{fact.year}` is in the future: give the year the figure describes")
    for index, source_id in enumerate(role.background_sources):
        if source_id not in known:
            add(("background_sources", index), f"`{source_id}` is not in data/sources.yml: add it there or fix the id")
    slugs = dataset.roles_by_slug
    for index, similar in enumerate(role.similar_roles):
        if similar.role == role.slug:
            add(("similar_roles", index, "role"), "a role cannot be similar to itself: name another role")
        elif similar.role not in slugs:
            add(("similar_roles", index, "role"),
                f"no role `{similar.role}` in data/roles/: use one of " + ", ".join(f"`{s}`" for s in sorted(slugs)))
    if role.group == "peer" and not role.experience_levels:
        add(("experience_levels",), "peer roles need experience levels (entry, experienced, senior): add them")
    return problems + _text_problems(loaded)


def _text_problems(loaded: Loaded) -> list[Problem]:
    """Figures outside a sourced fact, and HTML where plain text belongs."""
    document, problems = loaded.document, []
    for location, text, owner in _strings(loaded.model, ()):
        where = (document.path, document.line_of(location), dotted(location))
        if HTML_TAG.search(text):
            problems.append(Problem(*where, "HTML is not allowed here: write plain text (it is shown as typed)"))
        if not isinstance(owner, (Fact, Source)) and FIGURE_IN_PROSE.search(text):
            problems.append(Problem(*where,
                "money amounts and percentages need a source and year: move the figure into a `facts` entry"))
    return problems


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


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


def _facts_with_location(role: Role) -> Iterator[tuple[Location, Fact]]:
    for location, value, _ in _walk(role, ()):
        if isinstance(value, Fact):
            yield location, value


def _strings(model: BaseModel, location: Location) -> Iterator[tuple[Location, str, BaseModel]]:
    for where, value, owner in _walk(model, location):
        if isinstance(value, str):
            yield where, value, owner


def _walk(value: Any, location: Location, owner: Any = None) -> Iterator[tuple[Location, Any, Any]]:
    """Every value inside a model with its location, and the model that holds it."""
    yield location, value, owner
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*location, name), value)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _walk(item, (*location, index), owner)
