"""Page kind: every source, with the pages that cite it. Rendered last: it lists the citations the
other pages made (renderer.citations).

The sources are shelved A to Z by their publisher's first letter, one page a letter (/sources/c/),
with an index (/sources/) that links the letters: a reader who follows a citation loads the entries
of one letter, not all of them, and a source stays on its page whatever is added beside it. Every
citation links through `link()`.
"""

from __future__ import annotations

from itertools import groupby

from ..data.dataset import Dataset
from ..data.models import Source
from ..data.problems import Problem
from .addresses import url_of

PAGE = "sources/index.md"
EDITING_GUIDE = "editing-guide.md"  # made from CONTRIBUTING.md by careers.site.editing_guide
DIGITS = "0-9"  # the shelf of publishers whose name starts with a figure


def shelf(source: Source) -> str:
    """The letter a source is shelved under: its publisher's first letter or figure (`0-9`)."""
    first = next((char for char in source.publisher if char.isalnum()), "")
    if first.isascii() and first.isalpha():
        return first.lower()
    return DIGITS if first.isdigit() else "other"


def shelf_page(letter: str) -> str:
    """The page of a letter's sources, under docs/: `sources/c.md`."""
    return f"sources/{letter}.md"


def shelf_url(letter: str) -> str:
    """The address of a letter's page from the site root: `sources/c/`."""
    return url_of(shelf_page(letter))


def link(source: Source) -> str:
    """The source's entry, as a link from the site root: `sources/c/#source-<id>`."""
    return f"{shelf_url(shelf(source))}#source-{source.id}"


def check(dataset: Dataset) -> list[Problem]:
    return []  # source ids are checked in careers.data.checks


def shelves(dataset: Dataset) -> list[tuple[str, list[Source]]]:
    """(letter, its sources by publisher then title), letters in order, figures first and `other` last."""
    order = lambda letter: (letter != DIGITS, letter == "other", letter)  # noqa: E731
    ranked = sorted(dataset.all_sources, key=lambda s: (order(shelf(s)), s.publisher.lower(), s.title.lower()))
    return [(letter, list(group)) for letter, group in groupby(ranked, key=shelf)]


def render(renderer) -> None:
    letters = shelves(renderer.data)
    names = [letter for letter, _ in letters]
    crisis_sources = set(renderer.data.crisis.model.source_ids())
    for letter, sources in letters:
        renderer.render(shelf_page(letter), "sources/shelf.md.j2", f"Sources: {_title(letter)}",
                        letter=letter, letters=names, sources=sources, citations=renderer.citations,
                        labels=renderer.labels, crisis_sources=crisis_sources, title_of=_title, shelf_url=shelf_url)
    renderer.render(PAGE, "sources/index.md.j2", "Sources", letters=letters, title_of=_title, shelf_url=shelf_url,
                    count=len(renderer.data.all_sources))


def nav(dataset: Dataset) -> dict:
    letters = [{f"Sources: {_title(letter)}": shelf_page(letter)} for letter, _ in shelves(dataset)]
    return {"About": [{"Sources": [PAGE, *letters]}, {"Editing guide": EDITING_GUIDE}]}


def _title(letter: str) -> str:
    return {DIGITS: "0–9", "other": "other"}.get(letter, letter.upper())
