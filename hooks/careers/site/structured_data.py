"""schema.org JSON-LD for the site's pages, built from the validated models.

Plain Python: knows nothing about MkDocs. It works in two steps:

- `render_site` stores, for each generated page, a partial node built from the data alone
  (`node_for`): the role's `Occupation`, the FAQ's questions, the date an editor last
  reviewed the page (`role_page`, `faq_page`, `reviewed_page`, `collection_page`).
- The MkDocs hook completes it with what only the build knows, the page's address, heading
  and place in the navigation (`breadcrumb_trail`, which becomes a `BreadcrumbList`), through
  `page_publishing`, which also returns the date the page's suggested citation shows
  (`reviewed_date`; the hook gives sitemap.xml the same date).

Structured data must never say more than the reader sees: every string here is one the page
shows, and a figure becomes an `estimatedSalary` only when it is a sourced pay figure in US
dollars, a median or an average, read on a source we trust (not `uncertain`, not `example`).
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..data.dataset import Dataset
from ..data.models import YEAR_IN_TEXT, Fact, Faq, Role, Source
from ..data.text import words_of

SCHEMA_ORG = "https://schema.org"
# What a rendered figure shows after its source and year when it is not verified
# (a test keeps this equal to CONFIDENCE_LABELS in pages.py, which imports this module).
CONFIDENCE_LABELS = {
    "verified": "",
    "secondary": "secondary source",
    "uncertain": "sources disagree",
    "example": "example only, not market data",
}
# Figures that never become structured pay data: sources disagree, or an illustration only.
NOT_MARKET_DATA = {"uncertain", "example"}

MONEY = re.compile(r"\$(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s+(a year|an hour)\b")
MONTHS = {month: number for number, month in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
# Words that make a dollar amount a bound or a difference rather than a figure of pay.
NOT_A_POINT_FIGURE = re.compile(r"\b(more|less|fewer|higher|lower) than\b|\bup to\b|\bat least\b|\bgap\b", re.I)

Node = dict[str, Any]
# A place in the navigation: its name and its absolute URL (None when the site has no address).
Crumb = tuple[str, str | None]


@dataclass(frozen=True)
class PagePublishing:
    """What the theme needs for one page: its name, its JSON-LD document and the date its citation shows."""

    title: str
    json_ld: Node
    reviewed: datetime.date


# ---------------------------------------------------------------------------
# Nodes built from the data (called by render_site)
# ---------------------------------------------------------------------------


def role_page(role: Role, sources: dict[str, Source]) -> Node:
    """A role guide: a web page whose main entity is the occupation."""
    return _with_reviewed({"@type": "WebPage", "mainEntity": occupation(role, sources)}, role)


def faq_page(faq: Faq, sources: dict[str, Source]) -> Node:
    """The FAQ page: every question with the answer the page shows."""
    questions = [
        {
            "@type": "Question",
            "name": question.question,
            "acceptedAnswer": {"@type": "Answer", "text": answer_text(question.answer, question.facts, sources)},
        }
        for question in faq.questions()
    ]
    return _with_reviewed({"@type": "FAQPage", "mainEntity": questions}, faq)


def node_for(model: Any, dataset: Dataset) -> Node:
    """The partial node of a generated page made from `model` (None: an index or list page)."""
    if isinstance(model, Role):
        return role_page(model, dataset.sources_by_id)
    if isinstance(model, Faq):
        return faq_page(model, dataset.sources_by_id)
    if model is not None:
        return reviewed_page(model)
    return collection_page(loaded.model for loaded in dataset.everything())


def reviewed_page(model: Any) -> Node:
    """Any other page generated from one data file: a web page with the date it was reviewed."""
    return _with_reviewed({"@type": "WebPage"}, model)


def collection_page(models: Iterable[Any]) -> Node:
    """A generated page with no data file of its own (an index, the sources list): reviewed when
    the latest data file was."""
    dates = [date for model in models if (date := getattr(model, "reviewed", None))]
    node: Node = {"@type": "CollectionPage"}
    if dates:
        node["lastReviewed"] = max(dates).isoformat()
    return node


def occupation(role: Role, sources: dict[str, Source]) -> Node:
    """schema.org Occupation: every value is text the role page shows."""
    node: Node = {
        "@type": "Occupation",
        "name": role.title,
        "description": role.summary,
        "educationRequirements": role.education,
        "qualifications": role.certification,
        "experienceRequirements": lived_experience_text(role),
        "responsibilities": list(role.duties.items),
        "skills": [skill.name for skill in role.skills],
    }
    if role.also_called:
        node["alternateName"] = list(role.also_called)
    salaries = [salary for fact in role.pay.figures if (salary := estimated_salary(fact, sources[fact.source]))]
    if salaries:
        node["estimatedSalary"] = salaries
        # Every dollar figure the site shows is a United States figure.
        node["occupationLocation"] = [{"@type": "Country", "name": "United States"}]
    return node


def lived_experience_text(role: Role) -> str:
    """As the quick facts show it: "Lived experience" then "Required." and the detail."""
    required = "Required" if role.lived_experience.required else "Not required"
    return f"Lived experience: {required}. {role.lived_experience.detail}"


def estimated_salary(fact: Fact, source: Source) -> Node | None:
    """A pay figure as schema.org money, or None when the figure is not one amount of pay.

    "Median pay ...: $85,330 a year" becomes a distribution with its median; "average pay ...:
    $15.42 an hour" becomes an amount. Anything else (a band, a gap between groups, a share of
    people, a figure labelled `uncertain` or `example`) is left to the page's text alone.
    """
    if fact.confidence in NOT_MARKET_DATA or NOT_A_POINT_FIGURE.search(fact.text):
        return None
    amounts = MONEY.findall(fact.text)
    lowered = fact.text.lower()
    statistic = "median" if "median" in lowered else "average" if "average" in lowered else None
    if len(amounts) != 1 or statistic is None:
        return None
    whole, cents, per = amounts[0]
    value = float(whole.replace(",", "") + cents) if cents else int(whole.replace(",", ""))
    common = {"currency": "USD", "description": fact_text(fact, source)}
    if valid_from := period_start(fact.year):
        common["validFrom"] = valid_from
    if statistic == "median":
        return {"@type": "MonetaryAmountDistribution", "name": "median pay", **common,
                "duration": "P1Y" if per == "a year" else "PT1H", "median": value}
    return {"@type": "MonetaryAmount", **common,
            "value": {"@type": "QuantitativeValue", "value": value, "unitText": "YEAR" if per == "a year" else "HOUR"}}


def fact_text(fact: Fact, source: Source, with_note: bool = False) -> str:
    """A figure as the page prints it: text, then (publisher, year[; label]), then its note."""
    label = CONFIDENCE_LABELS[fact.confidence]
    text = f"{fact.text} ({source.publisher}, {fact.year}{'; ' + label if label else ''})"
    return f"{text} {fact.note}" if with_note and fact.note else text


def answer_text(paragraphs: list[str], facts: list[Fact], sources: dict[str, Source]) -> str:
    """An FAQ answer, whole, as the page shows it: its paragraphs, then its figures with their notes."""
    figures = [fact_text(fact, sources[fact.source], with_note=True) for fact in facts]
    return "\n\n".join([*map(words_of, paragraphs), *figures])


def period_start(period: str) -> str | None:
    """`May 2022` -> `2022-05`, `2016` -> `2016`, `2022–32` -> `2022`: when the figure's period starts."""
    year = YEAR_IN_TEXT.search(period)
    if not year:
        return None
    month = next((number for name, number in MONTHS.items() if re.search(rf"\b{name}\b", period, re.I)), None)
    return f"{year.group()}-{month:02d}" if month else year.group()


# ---------------------------------------------------------------------------
# Completing a page's node (called by the MkDocs hook for every page)
# ---------------------------------------------------------------------------


def page_publishing(
    node: Node | None,
    *,
    title: str,
    url: str | None,
    trail: list[Crumb],
    site_name: str,
    site_url: str | None,
    reviewed: datetime.date | str | None = None,
    today: datetime.date | None = None,
) -> PagePublishing:
    """The page's JSON-LD document and the date its citation shows.

    `title` is the page's own heading (its h1), which names it in the JSON-LD, the citation
    and the share card.

    The page node carries no description of its own: a page's meta description is not shown on
    the page, and structured data says only what the reader sees (a role's summary, which the
    page shows first, is the Occupation's description).

    `trail` is the page's place in the navigation, home first and the page itself last
    (`breadcrumb_trail`); it becomes a BreadcrumbList when there is more than the home page.
    The reviewed date is `reviewed_date(node, reviewed, today)`.
    """
    document: Node = {"@context": SCHEMA_ORG, **(node or {"@type": "WebPage"})}
    document["name"] = title
    if url:
        document["url"] = url
    document["inLanguage"] = "en"
    website: Node = {"@type": "WebSite", "name": site_name}
    if site_url:
        website["url"] = site_url
    document["isPartOf"] = website
    date = reviewed_date(document, reviewed, today)
    document["lastReviewed"] = date.isoformat()
    if len(trail) > 1:
        document["breadcrumb"] = breadcrumb_list(trail)
    return PagePublishing(title=title, json_ld=document, reviewed=date)


def reviewed_date(node: Node | None, reviewed: datetime.date | str | None = None,
                  today: datetime.date | None = None) -> datetime.date:
    """When the page was last reviewed, the date its citation, its JSON-LD and sitemap.xml show.

    In order: the data's `reviewed:` date (in `node`, from `node_for`), `reviewed` (a hand-written
    page's front matter, or its last commit date), and the build date (`today` in tests).
    """
    return _as_date((node or {}).get("lastReviewed")) or _as_date(reviewed) or today or build_date()


def breadcrumb_trail(page: Crumb, sections: list[Crumb | None], home: Crumb | None) -> list[Crumb]:
    """The page's place in the navigation: home, each enclosing section that has its own index
    page, then the page itself.

    `sections` are the sections around the page, outermost first, each named by its title and
    its index page's URL, or None when it has no index page (nothing to link to: left out). Pages
    are told apart by URL: a section whose index page is this page is not repeated, and the home
    page itself (or a site without one, `home` None) has no trail.
    """
    _, url = page
    if home is None or home[1] == url:
        return []
    return [home, *(section for section in sections if section is not None and section[1] != url), page]


def breadcrumb_list(trail: list[Crumb]) -> Node:
    """schema.org BreadcrumbList; every item but the last needs its address."""
    items = []
    for position, (name, url) in enumerate(trail, start=1):
        item: Node = {"@type": "ListItem", "position": position, "name": name}
        if url:
            item["item"] = url
        items.append(item)
    return {"@type": "BreadcrumbList", "itemListElement": items}


def build_date() -> datetime.date:
    """Today, or SOURCE_DATE_EPOCH's date for reproducible builds (as MkDocs does)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _with_reviewed(node: Node, model: Any) -> Node:
    reviewed = getattr(model, "reviewed", None)
    if reviewed:
        node["lastReviewed"] = reviewed.isoformat()
    return node


def _as_date(value: datetime.date | str | None) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None
