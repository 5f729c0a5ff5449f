"""Page kind: certification by state (/states/<code>/) and the states index."""

from __future__ import annotations

from ..data.dataset import Dataset
from ..data.models import State
from ..data.problems import Problem
from ..data.load import dotted
from . import guides, state_glance, tile_map

COMPARISON_SOURCE = "power2u-state-comparison-2021"  # the national comparison the index links to


def check(dataset: Dataset) -> list[Problem]:
    """Each credential's heading id unique on its state's page; each separate credential named in a
    `scope` and for a focus no credential of the state covers."""
    problems = []
    for loaded in dataset.states:
        state, document = loaded.model, loaded.document

        def add(location: tuple, message: str) -> None:
            problems.append(Problem(document.path, document.line_of(location), dotted(location), message))

        seen: dict[str, int] = {}
        for index, credential in enumerate(state.credentials):
            if credential.anchor in seen:
                add(("credentials", index, "short_name" if credential.short_name else "name"),
                    f"credential {seen[credential.anchor] + 1} has the same name or initials: make them differ")
            seen.setdefault(credential.anchor, index)
        covered = {focus for credential in state.credentials for focus in credential.covers}
        for index, separate in enumerate(state.separate_credentials):
            at = ("separate_credentials", index)
            if state.scope_naming(separate.name) is None:
                add((*at, "name"), f"`{separate.name}` is not named in the `scope` of any credential in this file: "
                    "write the name exactly as a `scope` does, or add it to the `scope` that mentions it")
            if separate.focus in covered:
                names = [f"`{c.short_name or c.name}`" for c in state.credentials if separate.focus in c.covers]
                whose = "that credential's" if len(names) == 1 else "those credentials'"
                add((*at, "focus"), f"`{separate.focus}` is already in the `covers` of {', '.join(names)} in this file: "
                    "`separate_credentials` is for a focus no credential here covers; remove this entry, "
                    f"or remove `{separate.focus}` from {whose} `covers`")
    return problems


def place_count(states: list[State]) -> str:
    """`50 states and Washington, DC`, or `22 states`, as the data has them."""
    count = sum(state.code != "DC" for state in states)
    places = f"{count} state{'s' if count != 1 else ''}"
    return f"{'all ' if count == 50 else ''}{places} and Washington, DC" if any(s.code == "DC" for s in states) else places


def render(renderer) -> None:
    states = renderer.data.sorted_states()
    guide_links = guides.links(renderer.data, guides.FOR_STATES)
    for state in states:
        renderer.render(f"states/{state.slug}.md", "states/state.md.j2", state.name, state, state=state,
                        comparison=COMPARISON_SOURCE, guides=guide_links)
    width, height = tile_map.size(states)
    renderer.render("states/index.md", "states/states-index.md.j2", "Certification by state", states=states,
                    comparison=renderer.data.sources_by_id[COMPARISON_SOURCE], place_count=place_count(states),
                    rows=state_glance.rows(states), columns=state_glance.DETAIL_COLUMNS,
                    sortable=state_glance.SORTABLE, separate_labels=state_glance.SEPARATE,
                    tiles=tile_map.tiles(states, state_glance.separate_credentials), width=width, height=height)


def nav(dataset: Dataset) -> dict:
    return {"States": ["states/index.md", *({s.name: f"states/{s.slug}.md"} for s in dataset.sorted_states())]}
