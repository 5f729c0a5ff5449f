"""Page kind: the questions people ask (/faq/)."""

from __future__ import annotations

from ..data.dataset import Dataset
from ..data.problems import Problem

PAGE = "faq.md"


def check(dataset: Dataset) -> list[Problem]:
    return []  # question ids are checked in careers.data.checks; links from answers in careers.data.links


def render(renderer) -> None:
    faq = renderer.data.faq.model
    renderer.render(PAGE, "faq/faq.md.j2", "Frequently asked questions", faq, faq=faq)


def nav(dataset: Dataset) -> dict:
    return {"Questions": PAGE}
