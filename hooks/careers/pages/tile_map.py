"""The states tile map (/states/): one equal square a state and DC, placed roughly where the state
is, each a link to its page and shaded by one question (careers.pages.state_glance.SEPARATE).
Drawn as SVG at build time (states/tile-map.svg.j2): no script, no request."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.models import State

# (column, row) of each tile on a 12 × 8 grid: a common tile-map layout of the US.
GRID = {
    "AK": (0, 0), "ME": (11, 0),
    "VT": (10, 1), "NH": (11, 1),
    "WA": (1, 2), "ID": (2, 2), "MT": (3, 2), "ND": (4, 2), "MN": (5, 2), "IL": (6, 2), "WI": (7, 2),
    "MI": (8, 2), "NY": (9, 2), "RI": (10, 2), "MA": (11, 2),
    "OR": (1, 3), "NV": (2, 3), "WY": (3, 3), "SD": (4, 3), "IA": (5, 3), "IN": (6, 3), "OH": (7, 3),
    "PA": (8, 3), "NJ": (9, 3), "CT": (10, 3),
    "CA": (1, 4), "UT": (2, 4), "CO": (3, 4), "NE": (4, 4), "MO": (5, 4), "KY": (6, 4), "WV": (7, 4),
    "VA": (8, 4), "MD": (9, 4), "DE": (10, 4),
    "AZ": (2, 5), "NM": (3, 5), "KS": (4, 5), "AR": (5, 5), "TN": (6, 5), "NC": (7, 5), "SC": (8, 5),
    "DC": (9, 5),
    "OK": (4, 6), "LA": (5, 6), "MS": (6, 6), "AL": (7, 6), "GA": (8, 6),
    "HI": (0, 7), "TX": (4, 7), "FL": (9, 7),
}
TILE = 44  # px in the picture's own units; the SVG scales to the page's width
GAP = 4


@dataclass(frozen=True)
class Tile:
    code: str
    x: int
    y: int
    state: State | None  # None: no page for it yet (the tile is shown, not linked)
    shade: str


def places(states: list[State]) -> dict[str, tuple[int, int]]:
    """Each code's (column, row): the grid, then any other code with a page (a territory, say) in
    rows of its own under it, in order."""
    columns = max(c for c, _ in GRID.values()) + 1
    below = max(r for _, r in GRID.values()) + 1
    others = [state.code for state in states if state.code not in GRID]
    return {**GRID, **{code: (i % columns, below + i // columns) for i, code in enumerate(others)}}


def tiles(states: list[State], shade_of) -> list[Tile]:
    by_code = {state.code: state for state in states}
    placed = []
    for code, (column, row) in places(states).items():
        state = by_code.get(code)
        placed.append(Tile(code, column * (TILE + GAP), row * (TILE + GAP), state,
                           shade_of(state) if state else "none"))
    return placed


def size(states: list[State]) -> tuple[int, int]:
    spots = places(states).values()
    columns = max(c for c, _ in spots) + 1
    rows = max(r for _, r in spots) + 1
    return columns * (TILE + GAP) - GAP, rows * (TILE + GAP) - GAP
