"""Page kind: every source, with the pages that cite it (/sources/). Rendered last: it lists the
citations the other pages made (renderer.citations)."""

from __future__ import annotations

from ..data.dataset import Dataset
from ..data.problems import Problem

PAGE = "sources.md"
EDITING_GUIDE = "editing-guide.md"  # made from CONTRIBUTING.md by careers.site.editing_guide


def check(dataset: Dataset) -> list[Problem]:
    return []  # source ids are checked in careers.data.checks


def render(renderer) -> None:
    renderer.render(PAGE, "sources/sources.md.j2", "Sources", sources=renderer.data.all_sources,
                    citations=renderer.citations, labels=renderer.labels,
                    crisis_sources=set(renderer.data.crisis.model.source_ids()))


def nav(dataset: Dataset) -> dict:
    return {"About": [{"Sources": PAGE}, {"Editing guide": EDITING_GUIDE}]}
