"""Data text is text: what an editor writes in data/ reaches the reader as the characters typed.

Every string a data model holds is a `PlainText`. Jinja's autoescape asks a value for its
`__html__`, so wherever a template prints one (`{{ value }}`, `join`, `~`, `| e`) it comes out
escaped twice over: for HTML (`& < > " '`) and for Markdown, whose syntax characters are written
as numeric character references (`&#42;` for `*`). Markdown leaves references alone and the
browser shows the character, so neither can turn the text into an element, attribute, class,
id, heading, list, table or box, whether the template puts it in Markdown, in an HTML block or
in an attribute. Entities an editor types (`&lt;`) come out as typed, because their `&` is
escaped too. A string a template changes with a filter (`| lower`, `| replace`) is a plain
`str` again: the page environment's `finalize` escapes those the same way (careers.pages.render).

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
LINK = re.compile(r"\[([^\[\]]+)\]\((.*?)\)")
PAGE_TARGET = re.compile(r"^(?P<page>[a-z0-9]+(?:[-/][a-z0-9]+)*)(?:#(?P<anchor>[a-z0-9]+(?:-[a-z0-9]+)*))?$")


def links_in(value: str) -> list[tuple[str, str]]:
    """Each `[words](target)` link in `value`, as (words, target)."""
    return [(match.group(1), match.group(2)) for match in LINK.finditer(value)]


class TextWithLinks(PlainText):
    """A `LinkedText` value: plain text, except for `[words](page)` links to this site's pages."""

    __slots__ = ()


def words_of(value: str) -> str:
    """The text a reader reads: each `[words](page)` link as its words."""
    return LINK.sub(lambda match: match.group(1), value) if isinstance(value, TextWithLinks) else value


def link_problem(target: str, pages: set[str], anchors: dict[str, set[str]]) -> str | None:
    """Why `target` is not a page of this site, or None when it is.

    `anchors`: page file -> the anchors a link may name on it (the FAQ's questions and topics).
    """
    match = PAGE_TARGET.match(target)
    if not match:
        return (f"`{target}` is not a page of this site: write the page's path without `.md`, "
                "e.g. `[the finder](finder)` or `[New York](states/ny)`; links to other sites belong in data/sources.yml")
    if _page_file(match.group("page"), pages) is None:
        return f"no page `{match.group('page')}` on this site: check the path (e.g. `states/ny`, `roles/recovery-coach`, `faq`)"
    anchor, page = match.group("anchor"), _page_file(match.group("page"), pages)
    if anchor and anchor not in anchors.get(page, set()):
        if page not in anchors:
            return f"`#{anchor}`: link to the page itself, without `#...` (only the FAQ's questions can be linked to directly)"
        return f"no question or topic `{anchor}` on that page: use one of its `id`s, e.g. `faq#{sorted(anchors[page])[0]}`"
    return None


# A link from data is written with this mark in place of its page; `resolve_links` swaps the mark
# for the page's Markdown file once every page is known. Data text cannot write the mark: its `]`
# is always escaped.
PAGE_MARK = re.compile(r"\]\(careers-page:([^()#\s]*)(#[^()\s]*)?\)")


def render_links(value: str) -> Markup:
    """Markdown for a `LinkedText` value: its words escaped, each link marked for `resolve_links`."""
    out, position = [], 0
    for match in LINK.finditer(value):
        target = PAGE_TARGET.match(match.group(2))
        if target is None:  # the checks report it; shown as text meanwhile
            continue
        out.append(escape_text(value[position:match.start()]))
        anchor = f"#{target.group('anchor')}" if target.group("anchor") else ""
        out.append(f"[{escape_text(match.group(1))}](careers-page:{target.group('page')}{anchor})")
        position = match.end()
    out.append(escape_text(value[position:]))
    return Markup("".join(out))


def resolve_links(markdown: str, docs_root: str, pages: set[str]) -> str:
    """A rendered page with each marked link pointing at its page's Markdown file (MkDocs checks it too)."""
    def replace(match: re.Match) -> str:
        page = _page_file(match.group(1), pages) or f"{match.group(1)}.md"
        return f"]({docs_root}{page}{match.group(2) or ''})"
    return PAGE_MARK.sub(replace, markdown)


def _page_file(page: str, pages: set[str]) -> str | None:
    for candidate in (f"{page}.md", f"{page}/index.md"):
        if candidate in pages:
            return candidate
    return None
