"""Page kind: certification by state (/states/<code>/) and the states index."""

from __future__ import annotations

from ..data.dataset import Dataset
from ..data.models import State
from ..data.problems import Problem
from ..data.load import dotted
from . import guides, state_glance, tile_map

COMPARISON_SOURCE = "power2u-state-comparison-2021"  # the national comparison the index links to


def check(dataset: Dataset) -> list[Problem]:
    """Each credential's heading id unique on its state's page."""
    problems = []
    for loaded in dataset.states:
        state, document = loaded.model, loaded.document
        seen: dict[str, int] = {}
        for index, credential in enumerate(state.credentials):
            if credential.anchor in seen:
                location = ("credentials", index, "short_name" if credential.short_name else "name")
                problems.append(Problem(document.path, document.line_of(location), dotted(location),
                    f"credential {seen[credential.anchor] + 1} has the same name or initials: make them differ"))
            seen.setdefault(credential.anchor, index)
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
    elsewhere = state_glance.named_elsewhere(renderer.data)
    renderer.render("states/index.md", "states/states-index.md.j2", "Certification by state", states=states,
                    comparison=renderer.data.sources_by_id[COMPARISON_SOURCE], place_count=place_count(states),
                    rows=state_glance.rows(states, elsewhere), columns=state_glance.DETAIL_COLUMNS,
                    sortable=state_glance.SORTABLE, separate_labels=state_glance.SEPARATE,
                    tiles=tile_map.tiles(states, lambda state: state_glance.separate_credentials(
                        state, elsewhere.get(state.code, frozenset()))), width=width, height=height)


def nav(dataset: Dataset) -> dict:
    return {"States": ["states/index.md", *({s.name: f"states/{s.slug}.md"} for s in dataset.sorted_states())]}
