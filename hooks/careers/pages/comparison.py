"""The role comparison table as a typed model: rows built from Role models, columns that know
how to sort and how to read as plain text. `filtered()` and `sorted()` return new tables;
rendering is a separate step (the templates `compare*.j2` and the CSV in `open_data`).

Plain Python, no MkDocs, so the table is tested without building the site. The browser sorts
the rendered table by each cell's `data-sort`, which is the row's rank under the column's sort
key computed here: sorting means the same thing in Python, in the CSV and on the page.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..data.dataset import Dataset
from ..data.models import Answer, EducationLevel, Fact, Role, Source
from .pay_chart import PayAmount, pay_amount

EDUCATION_RANK = {level: rank for rank, level in enumerate(EducationLevel.__args__)}
CLINICAL_LABELS = {"never": "Never", "in some jobs": "In some jobs", "always": "Yes"}
CLINICAL_RANK = {"never": 0, "in some jobs": 1, "always": 2}
PER_RANK = {"hour": 0, "year": 1}
NO_HOUR_FIGURE = "No sourced hour figure."
NO_PAY_FIGURE = "No reliable figure"
HOURS = re.compile(r"(\d[\d,]*)(?:\s+to\s+\d[\d,]*)?[\s-]+(?:contact\s+)?hours?\b")

SortKey = Any  # a tuple of comparable values, or None (no value: always last)


@dataclass(frozen=True)
class Row:
    """One role as the comparison shows it."""

    role: Role
    position: int  # place in the default order: peer roles first, then by `order` and title
    pay: Fact | None  # the first pay figure on the role page, or None when none is reliable
    pay_amount: PayAmount | None  # that figure as one amount of pay, when it is one

    @property
    def slug(self) -> str:
        return self.role.slug

    @property
    def title(self) -> str:
        return self.role.title

    @property
    def peer(self) -> bool:
        return self.role.group == "peer"

    @property
    def glance(self):
        return self.role.at_a_glance

    def facts(self) -> list[Fact]:
        """Every sourced figure the row shows, in column order."""
        glance = self.glance
        return [*glance.training_hours.facts, *glance.supervision.facts,
                *([self.pay] if self.pay else []), *glance.who_pays.facts]


@dataclass(frozen=True)
class Column:
    """A column: its heading, how its value reads as plain text, and how it sorts (None: it does not)."""

    key: str
    heading: str
    text: Callable[[Row, dict[str, Source]], str]
    sort_key: Callable[[Row], SortKey] | None = None

    @property
    def sortable(self) -> bool:
        return self.sort_key is not None


def _answer_text(answer: Answer, sources: dict[str, Source], empty: str = "") -> str:
    parts = [answer.summary]
    parts += [fact_text(fact, sources) for fact in answer.facts] or ([empty] if empty else [])
    return " ".join(parts)


def fact_text(fact: Fact, sources: dict[str, Source]) -> str:
    """A figure as plain text with its source and year, e.g. for the CSV."""
    label = {"secondary": "; secondary source", "uncertain": "; sources disagree", "example": "; example only"}
    return f"{fact.text} ({sources[fact.source].publisher}, {fact.year}{label.get(fact.confidence, '')})."


def _pay_text(row: Row, sources: dict[str, Source]) -> str:
    if row.pay is None:
        return f"{NO_PAY_FIGURE}: {row.role.pay.no_figure_reason}"
    return fact_text(row.pay, sources)


def _pay_key(row: Row) -> SortKey:
    # Hourly before yearly, then by amount: the two are never converted into each other.
    return None if row.pay_amount is None else (PER_RANK[row.pay_amount.per], row.pay_amount.value)


def _hours_key(row: Row) -> SortKey:
    hours = [hours for fact in row.glance.training_hours.facts if (hours := first_hours(fact.text)) is not None]
    return (min(hours),) if hours else None


COLUMNS: tuple[Column, ...] = (
    Column("role", "Role", lambda row, _: row.title, lambda row: (row.title.casefold(),)),
    Column("lived-experience", "Lived experience required",
           lambda row, _: "Yes" if row.role.lived_experience.required else "No",
           lambda row: (0 if row.role.lived_experience.required else 1,)),
    Column("diagnoses-or-treats", "Diagnoses or treats",
           lambda row, _: f"{CLINICAL_LABELS[row.glance.diagnoses_or_treats.answer]}. {row.glance.diagnoses_or_treats.detail}",
           lambda row: (CLINICAL_RANK[row.glance.diagnoses_or_treats.answer],)),
    Column("education", "Education", lambda row, _: row.glance.education,
           lambda row: (EDUCATION_RANK[row.glance.education_level],)),
    Column("certification", "Certification or licence", lambda row, _: row.glance.certification),
    Column("training-hours", "Typical training hours",
           lambda row, sources: _answer_text(row.glance.training_hours, sources, NO_HOUR_FIGURE), _hours_key),
    Column("supervision", "Supervision", lambda row, sources: _answer_text(row.glance.supervision, sources)),
    Column("settings", "Typical settings", lambda row, _: ", ".join(row.role.settings)),
    Column("pay", "Pay", _pay_text, _pay_key),
    Column("who-pays", "Who pays for the service", lambda row, sources: _answer_text(row.glance.who_pays, sources)),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}


@dataclass(frozen=True)
class ComparisonTable:
    """The rows of the comparison, in order. Every method returns a new table."""

    rows: tuple[Row, ...]
    columns: tuple[Column, ...] = COLUMNS
    sorted_by: tuple[str, bool] | None = None  # (column key, descending)

    @property
    def slugs(self) -> list[str]:
        return [row.slug for row in self.rows]

    def filtered(self, slugs: Iterable[str] | None = None, group: str | None = None) -> ComparisonTable:
        """Only the rows of the given roles (kept in the order given) and/or of one group."""
        rows = self.rows
        if group is not None:
            rows = tuple(row for row in rows if row.role.group == group)
        if slugs is not None:
            by_slug = {row.slug: row for row in rows}
            rows = tuple(by_slug[slug] for slug in dict.fromkeys(slugs) if slug in by_slug)
        return ComparisonTable(rows, self.columns, self.sorted_by)

    def sorted(self, column: str, descending: bool = False) -> ComparisonTable:
        """Rows ordered by a column; rows without a value come last either way; ties keep their order."""
        key = self._sort_key(column)
        valued = [row for row in self.rows if key(row) is not None]
        missing = [row for row in self.rows if key(row) is None]
        valued.sort(key=key, reverse=descending)  # Python's sort is stable, in reverse too
        return ComparisonTable((*valued, *missing), self.columns, (column, descending))

    def ranks(self, column: str) -> dict[str, int | None]:
        """Each row's dense rank under a column's sort key (None: no value). The page's `data-sort`."""
        key = self._sort_key(column)
        distinct = sorted({value for row in self.rows if (value := key(row)) is not None})
        rank = {value: index for index, value in enumerate(distinct)}
        return {row.slug: (None if key(row) is None else rank[key(row)]) for row in self.rows}

    def text_rows(self, sources: dict[str, Source]) -> list[dict[str, str]]:
        """Every cell as plain text, by column heading (the CSV's rows)."""
        return [{column.heading: column.text(row, sources) for column in self.columns} for row in self.rows]

    def facts(self) -> list[Fact]:
        return [fact for row in self.rows for fact in row.facts()]

    def source_ids(self) -> list[str]:
        """Sources of every figure in the table, each once (the sources page lists this page under them)."""
        return list(dict.fromkeys(fact.source for fact in self.facts()))

    @property
    def reviewed(self) -> datetime.date | None:
        """The page is as fresh as its most recently reviewed role."""
        return max((row.role.reviewed for row in self.rows), default=None)

    def _sort_key(self, column: str) -> Callable[[Row], SortKey]:
        found = COLUMNS_BY_KEY.get(column)
        if found is None or found.sort_key is None:
            sortable = ", ".join(c.key for c in self.columns if c.sortable)
            raise ValueError(f"column `{column}` does not sort; these do: {sortable}")
        return found.sort_key


def table_of(dataset: Dataset) -> ComparisonTable:
    """All roles, peer roles first, each group in its menu order."""
    roles = [*dataset.roles_in("peer"), *dataset.roles_in("neighbouring")]
    return ComparisonTable(tuple(_row(role, position) for position, role in enumerate(roles)))


def first_hours(text: str) -> Decimal | None:
    """The first number of hours a figure's text gives: `about 40 to 60 hours` -> 40, `a 12-hour training` -> 12."""
    match = HOURS.search(text)
    return Decimal(match.group(1).replace(",", "")) if match else None


def _row(role: Role, position: int) -> Row:
    pay = role.pay.figures[0] if role.pay.figures else None
    return Row(role, position, pay, pay_amount(pay) if pay else None)
