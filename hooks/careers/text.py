"""Data text is text: what an editor writes in data/ reaches the reader as the characters typed.

Every string a data model holds is a `PlainText`. Jinja's autoescape asks a value for its
`__html__`, so wherever a template prints one (`{{ value }}`, `join`, `~`, `| e`) it comes out
escaped twice over: for HTML (`& < > " '`) and for Markdown, whose syntax characters are written
as numeric character references (`&#42;` for `*`). Markdown leaves references alone and the
browser shows the character, so neither can turn the text into an element, attribute, class,
id, heading, list, table or box, whether the template puts it in Markdown, in an HTML block or
in an attribute. Entities an editor types (`&lt;`) come out as typed, because their `&` is
escaped too. A string a template changes with a filter (`| lower`, `| replace`) is a plain
`str` again: the page environment's `finalize` escapes those the same way (careers.pages).

Markup that data may carry is an allow-list of one: links to pages of this site, written
`[words](page)` in the fields whose model type is `LinkedText` (see `links_in` and
`render_links`); the generator resolves and checks them. Everything else is plain text.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

# Characters that are Markdown syntax wherever they stand (emphasis, code, links, attribute
# lists, tables, escapes), and those that are syntax only at the start of a line (headings,
# admonitions, lists, setext underlines, block quotes, definition lists).
MARKDOWN_ANYWHERE = frozenset("\\`*_[]{}|")
MARKDOWN_AT_START = frozenset("#!+-=~:>")
ORDERED_LIST_START = re.compile(r"^(\d+)([.)])")
WHITESPACE = re.compile(r"\s+")


def escape_text(value: str) -> str:
    """HTML for `value` that shows exactly its characters in Markdown, in HTML and in attributes."""
    value = WHITESPACE.sub(" ", value)
    html = str(escape(value))
    out = []
    for index, char in enumerate(html):
        if char in MARKDOWN_ANYWHERE or (index == 0 and char in MARKDOWN_AT_START):
            out.append(f"&#{ord(char)};")
        else:
            out.append(char)
    text = "".join(out)
    start = ORDERED_LIST_START.match(text)
    if start:  # `1.` or `1)` at the start would open a numbered list
        text = f"{start.group(1)}&#{ord(start.group(2))};{text[start.end():]}"
    return text


class PlainText(str):
    """A string from data/: printed by a template, it is always escaped (see the module's notes)."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return Markup(escape_text(self))


def as_plain_text(value):
    """`value` with every string inside it (lists included) made a PlainText."""
    if isinstance(value, str) and not isinstance(value, PlainText):
        return PlainText(value)
    if isinstance(value, list):
        return [as_plain_text(item) for item in value]
    return value


def finalize(value):
    """Jinja `finalize`: a plain `str` printed by a template is escaped like data text."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(escape_text(value))
    return value


# ---------------------------------------------------------------------------
# Characters a reader cannot see
# ---------------------------------------------------------------------------

# Unicode "format" characters (zero-width spaces and joiners, direction overrides and isolates,
# the byte-order mark, soft hyphens) and control characters other than line breaks: they make
# text read differently from how it is stored, so two titles that look the same can differ, or
# a line can display backwards.
ALLOWED_CONTROLS = frozenset("\n\r\t")


def invisible_character(value: str) -> str | None:
    """A description of the first invisible or direction-changing character in `value`, or None."""
    for char in value:
        category = unicodedata.category(char)
        if category == "Cf" or (category == "Cc" and char not in ALLOWED_CONTROLS) or category in ("Co", "Cs", "Cn"):
            name = unicodedata.name(char, "an unnamed character")
            return f"U+{ord(char):04X} ({name.lower()})"
    return None


def as_reader_sees(value: str) -> str:
    """The text as a reader sees it, to compare titles: compatibility forms folded, case and spaces ignored."""
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


# ---------------------------------------------------------------------------
# Links to pages of this site, in `LinkedText` fields
# ---------------------------------------------------------------------------

# `[words](page)` or `[words](page#anchor)`: page is a path of this site without `.md`,
# e.g. `finder`, `states/ny`, `roles/recovery-coach`.
LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]*)\)")
PAGE_TARGET = re.compile(r"^(?P<page>[a-z0-9]+(?:[-/][a-z0-9]+)*)(?:#(?P<anchor>[a-z0-9]+(?:-[a-z0-9]+)*))?$")


def links_in(value: str) -> list[tuple[str, str]]:
    """Each `[words](target)` link in `value`, as (words, target)."""
    return [(match.group(1), match.group(2)) for match in LINK.finditer(value)]


def link_problem(target: str, pages: set[str]) -> str | None:
    """Why `target` is not a page of this site, or None when it is."""
    match = PAGE_TARGET.match(target)
    if not match:
        return (f"`{target}` is not a page of this site: write the page's path without `.md`, "
                "e.g. `[the finder](finder)` or `[New York](states/ny)`; links to other sites belong in data/sources.yml")
    page = match.group("page")
    if f"{page}.md" not in pages and f"{page}/index.md" not in pages:
        return f"no page `{page}` on this site: check the path (e.g. `states/ny`, `roles/recovery-coach`, `faq`)"
    return None


def render_links(value: str, docs_root: str, pages: set[str]) -> Markup:
    """Markdown for a `LinkedText` value: its words escaped, its links to this site's pages."""
    out, position = [], 0
    for match in LINK.finditer(value):
        out.append(escape_text(value[position:match.start()]) if match.start() > position else "")
        words, target = match.group(1), PAGE_TARGET.match(match.group(2))
        page = target.group("page")
        source = f"{page}.md" if f"{page}.md" in pages else f"{page}/index.md"
        anchor = f"#{target.group('anchor')}" if target.group("anchor") else ""
        out.append(f"[{escape_text(words)}]({docs_root}{source}{anchor})")
        position = match.end()
    out.append(escape_text(value[position:]))
    return Markup("".join(out))
