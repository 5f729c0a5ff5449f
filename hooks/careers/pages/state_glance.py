"""States at a glance (/states/): one row a state, drawn from each credential's `short` values, and
the tile map's shading. Templates print it (states/states-index.md.j2, states/tile-map.svg.j2)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data.models import Detail, State, StateCredential

# Columns of the table after the state's name: key, heading, the credential field it reads.
DETAIL_COLUMNS = [
    ("training", "Training", "training"),
    ("work", "Work hours", "work_and_supervision"),
    ("exam", "Exam", "exam"),
    ("renewal", "Renewal", "renewal"),
    ("background", "Background check", "background_check"),
]
SORTABLE = {"state", "training", "work", "separate", "icrc"}

# The question the map answers: does the state keep separate mental-health and substance-use credentials?
SEPARATE = {
    "separate": "Separate credentials for mental health and substance use",
    "one": "One credential covers both",
    "other": "Other, or not found in our sources",
}


@dataclass(frozen=True)
class Item:
    """One credential's entry in a cell: `CPRS: 46 h` (prefix only when the state has several)."""

    prefix: str | None
    text: str | None  # None: the credential's field was not found in our sources
    confidence: str
    disagree: bool = False
    see_page: bool = False  # found, but no `short`: the state page has it

    @property
    def found(self) -> bool:
        return self.text is not None or self.see_page


@dataclass
class Row:
    state: State
    position: int
    cells: dict[str, list[Item]] = field(default_factory=dict)
    separate: str = "other"
    icrc: str = "Not found"
    moving: Item | None = None
    ranks: dict[str, int | None] = field(default_factory=dict)


def separate_credentials(state: State) -> str:
    """`separate`, `one` or `other`, from each credential's `covers` and the focuses of the state's
    `separate_credentials` (credentials its scope names but its file does not describe, e.g. New
    York's CRPA for substance use)."""
    covers = [set(credential.covers) for credential in state.credentials]
    named_elsewhere = {item.focus for item in state.separate_credentials}
    mental_only = any("mental-health" in c and "substance-use" not in c for c in covers) or "mental-health" in named_elsewhere
    substance_only = any("substance-use" in c and "mental-health" not in c for c in covers) or "substance-use" in named_elsewhere
    if mental_only and substance_only:
        return "separate"
    if any({"mental-health", "substance-use"} <= c for c in covers):
        return "one"
    return "other"


def icrc_exam(state: State) -> str:
    answers = [credential.icrc_exam for credential in state.credentials]
    if any(answer is True for answer in answers):
        return "Yes"
    if answers and all(answer is False for answer in answers):
        return "No"
    return "Not found"


def rows(states: list[State]) -> list[Row]:
    table = [_row(state, position) for position, state in enumerate(states)]
    _rank(table)
    return table


def _row(state: State, position: int) -> Row:
    several = len(state.credentials) > 1
    row = Row(state=state, position=position, separate=separate_credentials(state), icrc=icrc_exam(state))
    for key, _heading, name in DETAIL_COLUMNS:
        items = [_item(credential, getattr(credential, name), several) for credential in state.credentials]
        # A cell where no credential's value was found says "Not found" once, not once a credential.
        row.cells[key] = items if any(item.found for item in items) else []
    row.moving = _item(None, state.moving_in, False) if state.moving_in.found else None
    return row


def _item(credential: StateCredential | None, detail: Detail, several: bool) -> Item:
    prefix = (credential.short_name or credential.name) if credential is not None and several else None
    if not detail.found:
        return Item(prefix, None, detail.confidence)
    if detail.other_values:
        return Item(prefix, detail.short, detail.confidence, disagree=True, see_page=detail.short is None)
    return Item(prefix, detail.short, detail.confidence, see_page=detail.short is None)


def _first_hours(items: list[Item]) -> float | None:
    """The first number in the first credential's cell that has one (`19.5 h` -> 19.5, `1,000 h` -> 1000):
    the hours a reader meets first. Cells with none sort last."""
    for item in items:
        found = re.search(r"\d[\d,]*(?:\.\d+)?", item.text or "")
        if found:
            return float(found.group().replace(",", ""))
    return None


def _rank(table: list[Row]) -> None:
    """Each sortable column's rank for compare.js (ties share a rank; None sorts last)."""
    keys = {
        "state": lambda row: row.state.name,
        "training": lambda row: _first_hours(row.cells["training"]),
        "work": lambda row: _first_hours(row.cells["work"]),
        "separate": lambda row: list(SEPARATE).index(row.separate),
        "icrc": lambda row: ["Yes", "No", "Not found"].index(row.icrc),
    }
    for column, key in keys.items():
        values = sorted({value for row in table if (value := key(row)) is not None})
        for row in table:
            value = key(row)
            row.ranks[column] = None if value is None else values.index(value)
