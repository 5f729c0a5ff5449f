"""Page kind: the guide pages written as data (/pay/, /working-as-a-peer/, /editorial-policy/)."""

from __future__ import annotations

from ..data.dataset import Dataset
from ..data.problems import Problem
from . import pay_chart
from .roles import GROUPS


def check(dataset: Dataset) -> list[Problem]:
    return []  # an article's own rules are in its model and careers.data.checks


def render(renderer) -> None:
    rows, chart = pay_rows(renderer.groups), pay_chart.chart_of(renderer.data)
    for article in renderer.data.sorted_articles():
        renderer.render(f"{article.slug}.md", "articles/article.md.j2", article.title, article, article=article,
                        pay_rows=rows, pay_chart=chart)


def pay_rows(groups: dict) -> list[dict]:
    """Every role's pay figures, for a section's `table: role-pay`."""
    return [{"role": role, "group": GROUPS[group], "fact": figure}
            for group, roles in groups.items() for role in roles for figure in role.pay.figures]


def nav(dataset: Dataset) -> dict:
    """Articles go in the "Guides" or the "About" menu, as each says."""
    articles = dataset.sorted_articles()
    return {menu: [{a.title: f"{a.slug}.md"} for a in articles if a.menu == menu] for menu in ("Guides", "About")}
