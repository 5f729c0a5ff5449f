"""The career ladder page: rungs of a peer career and side steps, as an SVG drawn at build time.

The picture is laid out here (plain numbers) and drawn by a template (ladder-picture.html.j2);
the page's ordered list of levels, with every figure and its source, is its text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.dataset import Dataset
from ..data.models import Credential, Fact, LadderLevel, LadderMove, Role
from .paths import Cited, References, problem_adder, unique_credentials, requirement_problems
from ..data.problems import Problem

LADDER_PAGE = "ladder.md"
# The picture: a viewBox 340 units wide, so that one unit is about one CSS pixel on a phone.
WIDTH = 340
RAIL_LEFT, RAIL_RIGHT = 20, 60
BOX_X, BOX_WIDTH = 72, 260
ROW = 60
TOP = 8
MOVE_ROW = 56
# Longest title the picture fits at its font size; longer ones are a data error.
MAX_PICTURE_TITLE = 30


@dataclass(frozen=True)
class Rung:
    number: int
    level: LadderLevel
    facts: list[Fact]
    credentials: list[Credential]
    roles: list[Role]
    y: int  # top of its box in the picture


@dataclass(frozen=True)
class Move:
    move: LadderMove
    role: Role
    y: int


@dataclass(frozen=True)
class LadderView:
    rungs: list[Rung]  # from the first job upward
    moves: list[Move]
    height: int
    ground: int  # y of the ladder's foot
    moves_heading: int  # y of the "side steps" heading

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def top_down(self) -> list[Rung]:
        return list(reversed(self.rungs))


def view(dataset: Dataset) -> LadderView:
    ladder = dataset.ladder.model
    refs = References(dataset)
    count = len(ladder.levels)
    rungs = []
    for index, level in enumerate(ladder.levels):
        facts = list(level.facts)
        credentials: list[Credential] = []
        for ref in level.requirements:
            facts += refs.requirement(ref)[0]
            credentials.append(refs.credentials[ref.credential])
        y = TOP + (count - 1 - index) * ROW
        rungs.append(Rung(index + 1, level, facts, unique_credentials(credentials),
                          [dataset.roles_by_slug[slug] for slug in level.roles], y))
    ground = TOP + count * ROW
    moves_heading = ground + 30
    moves = [Move(move, dataset.roles_by_slug[move.role], moves_heading + 14 + i * MOVE_ROW)
             for i, move in enumerate(ladder.moves)]
    height = (moves[-1].y + MOVE_ROW) if moves else ground + 8
    return LadderView(rungs, moves, height, ground, moves_heading)


def cited(dataset: Dataset, ladder_view: LadderView) -> Cited:
    ladder = dataset.ladder.model
    items = [*ladder.facts, *(f for rung in ladder_view.rungs for f in rung.facts),
             *(f for move in ladder.moves for f in move.facts)]
    ids = [item.source for item in items] + list(ladder.background_sources)
    return Cited(items=items, reviewed=ladder.reviewed, sources=list(dict.fromkeys(ids)))


def check(dataset: Dataset) -> list[Problem]:
    loaded = dataset.ladder
    if loaded is None:
        return []
    refs = References(dataset)
    problems: list[Problem] = []
    add = problem_adder(loaded, problems)
    seen: set[str] = set()
    for index, level in enumerate(loaded.model.levels):
        if level.id in seen:
            add(("levels", index, "id"), f"`{level.id}` is used by another level: each level needs its own id")
        seen.add(level.id)
        if len(level.title) > MAX_PICTURE_TITLE:
            add(("levels", index, "title"),
                f"too long for the ladder picture ({len(level.title)} characters): keep it to {MAX_PICTURE_TITLE}")
        problems += requirement_problems(loaded, refs, level.requirements, ("levels", index, "requirements"))
    for index, move in enumerate(loaded.model.moves):
        role = dataset.roles_by_slug.get(move.role)
        if role is not None and role.group != "neighbouring":
            add(("moves", index, "role"), f"`{move.role}` is a peer role: side steps lead to neighbouring roles")
        if role is not None and len(role.title) > MAX_PICTURE_TITLE:
            add(("moves", index, "role"),
                f"the title of `{move.role}` is too long for the ladder picture: keep it to {MAX_PICTURE_TITLE} characters")
    return problems


def render(renderer) -> None:
    """Add the ladder page to the site (called by pages._Renderer.site)."""
    ladder_view = view(renderer.data)
    page_cites = cited(renderer.data, ladder_view)
    renderer.render(LADDER_PAGE, "ladder/ladder.md.j2", "Career ladder", page_cites, cited_ids=page_cites.source_ids(),
                    ladder=renderer.data.ladder.model, view=ladder_view,
                    geometry={"rail_left": RAIL_LEFT, "rail_right": RAIL_RIGHT, "box_x": BOX_X,
                              "box_width": BOX_WIDTH, "row": ROW, "move_row": MOVE_ROW})


def nav(dataset: Dataset) -> dict:
    return {}  # in the "Plan your path" menu of careers.pages.paths
