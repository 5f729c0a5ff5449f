"""Markers in hand-written pages that the build replaces with generated Markdown.

A marker is an HTML comment such as `<!-- careers:role-list -->`. An unknown marker is
an error, so a typo cannot silently leave a hole in a page.
"""

from __future__ import annotations

import re

MARKER = re.compile(r"<!--\s*careers:([a-z0-9-]+)\s*-->")


class UnknownMarker(ValueError):
    pass


def expand_markers(markdown: str, snippets: dict[str, str], page: str) -> str:
    """Replace every marker with its snippet; raise UnknownMarker naming the page and marker."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in snippets:
            known = ", ".join(f"careers:{known}" for known in sorted(snippets))
            raise UnknownMarker(f"docs/{page}: unknown marker `careers:{name}`: use one of {known}")
        return snippets[name]

    return MARKER.sub(replace, markdown)


def unknown_markers(docs_dir, snippets: dict[str, str]) -> list[str]:
    """One message per unknown marker in the hand-written pages, checked before the build writes."""
    messages = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            expand_markers(path.read_text(encoding="utf-8"), snippets, path.relative_to(docs_dir).as_posix())
        except UnknownMarker as error:
            messages.append(str(error))
    return messages
