"""The comparison page (/compare/) and the open-data files, added to the site by pages._Renderer.

The table model is comparison.py, the chart pay_chart.py, the downloads open_data.py; this module
only hands them to the templates `compare*.j2` and `pay-chart.html.j2`. Plain Python, no MkDocs.
"""

from __future__ import annotations

from . import open_data
from .comparison import CLINICAL_LABELS, NO_HOUR_FIGURE, NO_PAY_FIGURE, ComparisonTable, table_of
from .pay_chart import chart_of

PAGE = "compare.md"
TITLE = "Compare roles"
PAY_GUIDE = "pay"  # the guide page a "no reliable figure" cell links to, when it exists
GROUP_LABELS = {"peer": "Peer support role", "neighbouring": "Related role"}
# Jinja globals (pages._environment): the comparison and the role pages' short answers use them.
TEMPLATE_GLOBALS = {
    "group_labels": GROUP_LABELS,
    "clinical_labels": CLINICAL_LABELS,
    "no_hour_figure": NO_HOUR_FIGURE,
    "no_pay_figure": NO_PAY_FIGURE,
    "compare_page": "compare/",
}


def render(renderer) -> None:
    """Add the comparison page and every open-data file to the rendered site."""
    data = renderer.data
    table = table_of(data)
    renderer.out.files.update(open_data.files(data, table))
    renderer.render(
        PAGE, "compare/compare.md.j2", TITLE, table,
        table=table,
        ranks=ranks(table),
        chart=chart_of(data),
        downloads=open_data.downloads(data),
        pay_page=PAY_GUIDE if any(article.slug == PAY_GUIDE for article in data.sorted_articles()) else None,
        description=(f"{len(table.rows)} roles side by side: lived experience, whether they diagnose or treat, "
                     "education, certification, training, supervision, settings, pay and who pays."),
    )


def ranks(table: ComparisonTable) -> dict[str, dict[str, int | None]]:
    """Column key -> role slug -> rank: each sortable cell's `data-sort`."""
    return {column.key: table.ranks(column.key) for column in table.columns if column.sortable}


def nav_entry() -> dict[str, str]:
    """The page's place in the menu, under Roles."""
    return {TITLE: PAGE}


def check(dataset) -> list:
    return []  # the short answers' rules are in the role model and careers.data.checks


def nav(dataset) -> dict:
    return {}  # listed in the "Roles" menu by careers.pages.roles (nav_entry)
