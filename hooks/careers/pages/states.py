"""Page kind: certification by state (/states/<code>/) and the states index."""

from __future__ import annotations

from ..data.dataset import Dataset
from ..data.problems import Problem

COMPARISON_SOURCE = "power2u-state-comparison-2021"  # the national comparison the index links to
# Guides (data/articles/) a state page links to where they apply, by what they are about.
GUIDES = {"moving": "moving-to-another-state", "record": "criminal-record-and-background-checks",
          "costs": "costs-and-who-pays"}


def check(dataset: Dataset) -> list[Problem]:
    return []  # a state's own rules are in its model and careers.data.checks


def render(renderer) -> None:
    states = renderer.data.sorted_states()
    for state in states:
        renderer.render(f"states/{state.slug}.md", "states/state.md.j2", state.name, state, state=state,
                        comparison=COMPARISON_SOURCE, guides=guides_for(renderer.data))
    renderer.render("states/index.md", "states/states-index.md.j2", "Certification by state", states=states,
                    comparison=renderer.data.sources_by_id[COMPARISON_SOURCE])


def guides_for(dataset: Dataset) -> dict[str, str]:
    """The guides a state page links to, by what they are about, when they exist (page paths)."""
    slugs = {article.slug for article in dataset.sorted_articles()}
    return {about: f"{slug}.md" for about, slug in GUIDES.items() if slug in slugs}


def nav(dataset: Dataset) -> dict:
    return {"States": ["states/index.md", *({s.name: f"states/{s.slug}.md"} for s in dataset.sorted_states())]}
