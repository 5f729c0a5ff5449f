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

PAGE = "sources/index.md"
EDITING_GUIDE = "editing-guide.md"  # made from CONTRIBUTING.md by careers.site.editing_guide
DIGITS = "0-9"  # the shelf of publishers whose name starts with a figure


def shelf(source: Source) -> str:
    """The letter a source is shelved under: its publisher's first letter or figure (`0-9`)."""
    first = next((char for char in source.publisher if char.isalnum()), "")
    if first.isascii() and first.isalpha():
        return first.lower()
    return DIGITS if first.isdigit() else "other"


def page_of(source: Source) -> str:
    return f"sources/{shelf(source)}.md"


def link(source: Source) -> str:
    """The source's entry, as a link from the site root: `sources/c/#source-<id>`."""
    return f"sources/{shelf(source)}/#source-{source.id}"


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
        renderer.render(f"sources/{letter}.md", "sources/shelf.md.j2", f"Sources: {_title(letter)}",
                        letter=letter, letters=names, sources=sources, citations=renderer.citations,
                        labels=renderer.labels, crisis_sources=crisis_sources, title_of=_title)
    renderer.render(PAGE, "sources/index.md.j2", "Sources", letters=letters, title_of=_title,
                    count=len(renderer.data.all_sources))


def nav(dataset: Dataset) -> dict:
    letters = [{f"Sources: {_title(letter)}": f"sources/{letter}.md"} for letter, _ in shelves(dataset)]
    return {"About": [{"Sources": [PAGE, *letters]}, {"Editing guide": EDITING_GUIDE}]}


def _title(letter: str) -> str:
    return {DIGITS: "0–9", "other": "other"}.get(letter, letter.upper())
