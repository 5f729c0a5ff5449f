"""The site menu: which pages it lists, and where the pages it leaves out belong.

The menu is data in mkdocs.yml's `nav` shape: a list of `{title: path}` and `{title: [entries]}`,
where a section whose first entry is a bare `<folder>/index.md` has that page as its index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

# A menu section lists its folder's pages only up to this many. A bigger one shows its index page
# alone (the index links every page of the folder) and its pages are left out of the menu: every
# page then carries a short menu, so the build grows linearly with the number of pages, and a reader
# on a phone does not scroll past a long list. The real site's 10 roles stay in the menu; its 22
# states do not (the states index has a table of them all).
MENU_SECTION_LIMIT = 12


@dataclass
class Menu:
    """The nav to hand to MkDocs, and each shortened section's index -> its pages left out, in order."""

    nav: list = field(default_factory=list)
    outside: dict[str, list[str]] = field(default_factory=dict)

    def outside_pages(self) -> set[str]:
        return {path for paths in self.outside.values() for path in paths}


def fit_menu(nav: list, limit: int = MENU_SECTION_LIMIT) -> Menu:
    """Shorten every section with an index page and more than `limit` pages in its folder."""
    menu = Menu()
    menu.nav = [_fit(entry, limit, menu.outside) for entry in nav]
    return menu


def _fit(entry: Any, limit: int, outside: dict[str, list[str]]) -> Any:
    if not isinstance(entry, dict):
        return entry
    (title, items), = entry.items()
    if not isinstance(items, list):
        return entry
    items = [_fit(item, limit, outside) for item in items]
    index = items[0] if items and _is_index(items[0]) else None
    if index is None:
        return {title: items}
    folder = index.removesuffix("index.md")
    pages = [path for path in pages_of(items[1:]) if path.startswith(folder)]
    if len(pages) <= limit:
        return {title: items}
    outside[index] = pages
    return {title: [index, *(item for item in items[1:] if not _inside(item, folder))]}


def _is_index(entry: Any) -> bool:
    return isinstance(entry, str) and (entry == "index.md" or entry.endswith("/index.md"))


def _inside(entry: Any, folder: str) -> bool:
    return all(path.startswith(folder) for path in pages_of([entry]))


def pages_of(entries: list) -> list[str]:
    """The page paths under nav entries, in menu order."""
    found = []
    for entry in entries:
        if isinstance(entry, str):
            found.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                found.extend(pages_of(value if isinstance(value, list) else [value]))
    return found


def merge_nav(configured: list, generated: list[dict]) -> list:
    """Add generated sections to mkdocs.yml's nav: into a same-named section, or after the first entry."""
    merged = list(configured)
    new_sections = []
    for section in generated:
        (title, items), = section.items()
        index = next((i for i, entry in enumerate(merged) if isinstance(entry, dict) and title in entry), None)
        if index is None:
            new_sections.append(section)
        else:
            existing = merged[index][title]
            existing = existing if isinstance(existing, list) else [existing]
            merged[index] = {title: [*existing, *(items if isinstance(items, list) else [items])]}
    return [*merged[:1], *new_sections, *merged[1:]]


def place_outside_menu(index: Any, pages: list[Any]) -> None:
    """Give pages left out of the menu the section, previous and next links of a menu page.

    `index` and `pages` are page objects with `parent`, `previous_page` and `next_page` (MkDocs'
    pages): each page belongs to its index's section (so breadcrumbs run home, section, page), and
    previous/next walk the index, then the pages in order, then whatever follows the index.
    """
    chain = [index, *pages]
    for before, page, after in zip(chain, pages, [*pages[1:], index.next_page]):
        page.parent = index.parent
        page.previous_page = before
        page.next_page = after


def escape_titles(nav: list) -> list:
    """The nav with every title HTML-escaped, as Markup: Material prints menu titles as HTML, raw."""
    def escaped(entry: Any) -> Any:
        if not isinstance(entry, dict):
            return entry
        return {escape(str(title)): ([escaped(item) for item in items] if isinstance(items, list) else items)
                for title, items in entry.items()}
    return [escaped(entry) for entry in nav]
