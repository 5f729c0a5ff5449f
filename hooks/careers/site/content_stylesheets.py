"""Which content stylesheets a page needs: those that name one of the elements or classes in its HTML.

A content stylesheet (mkdocs.yml, `extra.content_stylesheets`: `tables: [table]`, `notes:
[.inset-text, .warning-text]`...) is a feature stylesheet no page has to name: hooks/inline_assets.py
writes it into every page whose content holds what it is for, whoever wrote the page.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import html as lxml_html


def names_in(content: str) -> set[str]:
    """Every element name and `.class` in an HTML fragment."""
    names: set[str] = set()
    for element in lxml_html.fragment_fromstring(content, create_parent="div").iter():
        if isinstance(element.tag, str):
            names.add(element.tag.lower())
            names.update("." + name for name in (element.get("class") or "").split())
    return names


def needed(content: str | None, sheets: Mapping[str, list[str]]) -> list[str]:
    """The sheets (name -> the elements and .classes it styles) a page's HTML needs, in their order."""
    if not content or not content.strip():
        return []
    names = names_in(content)
    return [sheet for sheet, wanted in sheets.items() if names.intersection(wanted)]
