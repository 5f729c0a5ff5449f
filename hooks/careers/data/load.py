"""Read YAML data files, keeping the line every value came from.

PyYAML's composer gives nodes with positions; we build plain Python values from
them ourselves so that duplicate keys are errors (not last-one-wins) and every
value's line is known for error messages.

Data files come from many hands, so the loader defends itself against YAML that is broken or hostile
before PyYAML's C code sees it; every refusal is one line naming the file, the line and what to write:

- YAML's copy-and-paste features are refused outright: anchors (`&name`), aliases (`*name`) and merge
  keys (`<<: *name`). Data files are short and written by hand, editors rarely use them and are often
  surprised by what they do, and an alias of an alias of an alias is the "billion laughs" bomb: a few
  hundred bytes that expand to billions of values. Refusing them all is simpler and safer than counting
  the expansion; a node-count cap in `_Converter` stays as a second line of defence.
- Tags (`!!python/object`, `!foo`, even `!!str`) are refused: the schema says what each field is.
- Nesting is capped at MAX_DEPTH levels. libyaml's composer recurses once a level and crashes the whole
  process (a segfault, no traceback) when the C stack runs out: 40,000 `[` do it. Before it runs, a
  count of the characters that can open a level (`[ { - ? :`) bounds the depth, at C speed; when that
  bound is past what the composer handles safely, libyaml's parser (a loop, not a recursion) measures
  the real depth exactly, so brackets inside quotes, comments and block text never count and the line
  reported is exact. Below that bound `_Converter` stops at MAX_DEPTH while building values, so Python
  never recurses deeper than that either. (A hand-written bracket scanner would have to re-implement
  YAML's quoting rules, and any mistake in it would let a bomb through to the composer.)
- Values that PyYAML cannot build or that cannot be right are refused where they are written: impossible
  dates (2026-02-30), dates with a time, numbers too large to print or store exactly, infinity, NaN.
- A quote that is never closed is reported where it opens, not where the YAML reader gives up.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 50  # lists and `field:` sets inside one another; the real data goes 8 deep
MAX_NODES = 100_000  # values in one file; only an alias bomb that slipped past the checks would get near it
MAX_DIGITS = 15  # whole numbers stay exact in JSON read by JavaScript (2**53 is 16 digits)
LINKED_FILE = "this file is a symbolic link: data files must be real files in the repository; replace the link with the file itself"
LINKED_FOLDER = ("this folder is a symbolic link: data folders must be real folders in the repository; "
                 "replace the link with the folder itself")
YAML_ODDITIES = {
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "empty (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}

Location = tuple[str | int, ...]


@dataclass
class Document:
    """The plain data of one YAML file, with the line of every value."""

    path: str
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    scalars: dict[Location, tuple[str, str]] = field(default_factory=dict)

    def line_of(self, location: Location) -> int | None:
        """Line of the value at `location`, or of its nearest parent that has one."""
        location = tuple(location)
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location)

    def read_as(self, location: Location) -> str | None:
        """How YAML read a plain scalar that was not text, e.g. `no` as false."""
        raw = self.scalars.get(tuple(location))
        if raw is None:
            return None
        text, tag = raw
        return f"`{text}` was read as {YAML_ODDITIES[tag]}: put it in quotes, like \"{text}\""


def load_document(path: Path, display: str) -> Document:
    """Load one YAML file. Raises DataError naming the file and line of each problem."""
    raw, size = _read_bytes(path, display)
    if size > MAX_FILE_BYTES:
        size_kb = size // 1024
        raise DataError([Problem(display, None, None,
            f"the file is {size_kb} KB, larger than the {MAX_FILE_BYTES // 1024} KB limit: split it or remove what was pasted by mistake")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(display, line, None,
            "the file is not valid UTF-8 text: save it as UTF-8 in your editor") ]) from None
    if not _has_content(text):
        raise DataError([Problem(display, 1, None, "the file is empty: add its fields, or delete the file")])
    tab_line = _first_tab_indent(text)
    if tab_line:
        raise DataError([Problem(display, tab_line, None,
            "a tab is used for indentation: YAML needs spaces; replace the tab with spaces")])
    problems = _before_composing(text, raw, display)
    if problems:
        raise DataError(problems)
    try:
        nodes = list(yaml.compose_all(text, Loader=_FAST_LOADER))
    except yaml.YAMLError as error:
        raise DataError([_syntax_problem(error, text, raw, display)]) from None
    nodes = [node for node in nodes if node is not None]
    if len(nodes) != 1:
        raise DataError([Problem(display, 1, None,
            "the file holds several YAML documents (`---`): keep one document a file")])
    document = Document(display, None)
    converter = _Converter(document)
    document.data = converter.value(nodes[0], ())
    if converter.problems:
        raise DataError(converter.problems)
    return document


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------

_CONSTRUCTOR = yaml.SafeLoader("")
# libyaml's parser (bundled with PyYAML's wheels) is about ten times faster; same nodes and marks.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _first_tab_indent(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return number
    return None


# Tags the resolver gives plain scalars, and the constructors that build their values.
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"  # a plain `<<`
_VALUE = "tag:yaml.org,2002:value"  # a plain `=`, which SafeLoader cannot build
_BUILDERS = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    _INT: _CONSTRUCTOR.construct_yaml_int,
    _FLOAT: _CONSTRUCTOR.construct_yaml_float,
    _TIMESTAMP: _CONSTRUCTOR.construct_yaml_timestamp,
}
# libyaml's composer recurses once a level, using about 300 bytes of C stack each: 40,000 levels overflow
# the main thread's 8 MB (a segfault); 2,000 levels (600 KB) fit in any thread's stack, including the
# one `mkdocs serve` builds in. PyYAML's own composer would hit Python's recursion limit near 500.
_COMPOSER_SAFE_DEPTH = 2_000 if _FAST_LOADER is not yaml.SafeLoader else 200
_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
_END_EVENTS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
# Characters after which `&`, `*` or `!` can begin an anchor, alias or tag (a new token).
_TOKEN_START = frozenset(" \t\r\n\x85\u2028\u2029\ufeff[]{},:?-")
# The first character of a line's value, after its indentation, `- ` and `name: ` (possessive `*+`: no
# backtracking, so a hostile line of 100,000 dashes takes linear time).
_VALUE_START = re.compile(r"""^ *+(?:- +)*+(?:[^ #"'\-?][^#]*?: ++)?(?:- +)*+(\S)""")
_QUOTED_VALUE = re.compile(r"""^ *+(?:- +)*+(?:[^ #"'\-?][^#]*?: ++)?(?:- +)*+(["'])""")
_CLOSED = {'"': re.compile(r'"(?:[^"\\]|\\.)*+"', re.DOTALL), "'": re.compile(r"'(?:[^']|'')*+'")}
DEPTH_MESSAGE = (f"the data is nested more than {MAX_DEPTH} levels deep here (lists or fields inside one another): "
                 "remove the extra brackets or indentation")


def _read_bytes(path: Path, display: str) -> tuple[bytes, int]:
    """The file's bytes (never more than the size limit) and its size; a symbolic link is not followed."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if path.is_symlink():
            raise DataError([Problem(display, None, None, LINKED_FILE)]) from None
        reason = error.strerror or type(error).__name__
        raise DataError([Problem(display, None, None,
            f"the file cannot be opened ({reason.lower()}): make it an ordinary file you can read")]) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):  # a folder, a pipe that would never end, a device
            raise DataError([Problem(display, None, None,
                "this is not an ordinary file: data files must be plain text files; replace it with one")])
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(descriptor)
    return raw, max(status.st_size, len(raw))


def _before_composing(text: str, raw: bytes, display: str) -> list[Problem]:
    """Anchors, aliases, merge keys, tags and too-deep nesting, found before libyaml's composer runs."""
    # Every level of nesting opens with one of these characters, so their count bounds the depth.
    depth_bound = raw.count(b"[") + raw.count(b"{") + raw.count(b"-") + raw.count(b"?") + raw.count(b":")
    if depth_bound >= _COMPOSER_SAFE_DEPTH or _may_hold_yaml_features(text):
        return _event_problems(text, raw, display)
    return []  # deep nesting below the composer's safe depth is caught while building values


def _may_hold_yaml_features(text: str) -> bool:
    """Could the text hold an anchor, alias, tag or merge key? (Prose `Q&A`, `A & B`, `Yes!` cannot.)"""
    if "<<" in text:
        return True
    for mark in "&*!":
        start = text.find(mark)
        while start != -1:
            after = text[start + 1:start + 2]
            if (start == 0 or text[start - 1] in _TOKEN_START) and (mark == "!" or (after and not after.isspace())):
                return True
            start = text.find(mark, start + 1)
    return False


class _Open:
    """A list or set of fields the event scan is inside."""

    __slots__ = ("location", "mapping", "expect_key", "key", "index", "merge")

    def __init__(self, location: Location, mapping: bool, merge: bool):
        self.location, self.mapping, self.merge = location, mapping, merge
        self.expect_key, self.key, self.index = True, "?", 0

    def child(self) -> Location:
        if not self.mapping:
            return (*self.location, self.index)
        return self.location if self.expect_key else (*self.location, self.key)

    def done(self, event: Any) -> None:
        if not self.mapping:
            self.index += 1
        elif self.expect_key:
            self.key = event.value if type(event) is yaml.ScalarEvent else "?"
            self.expect_key = False
        else:
            self.expect_key, self.merge = True, False


def _event_problems(text: str, raw: bytes, display: str) -> list[Problem]:
    """Scan libyaml's parser events (a loop, no recursion, nothing expanded) for what the loader refuses."""
    problems: list[Problem] = []
    anchors: dict[str, int] = {}
    seen: set[tuple[int, str]] = set()
    stack: list[_Open] = []
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            kind = type(event)
            if kind in _END_EVENTS:
                stack.pop()
                if stack:
                    stack[-1].done(event)
                continue
            if kind not in _NODE_EVENTS:
                continue
            line = event.start_mark.line + 1
            parent = stack[-1] if stack else None
            location = parent.child() if parent else ()
            field = dotted(location) or None
            in_merge = parent is not None and parent.merge and not (parent.mapping and parent.expect_key)
            if kind is yaml.AliasEvent:
                if not in_merge and (line, event.anchor) not in seen:
                    seen.add((line, event.anchor))
                    if event.anchor in anchors:
                        message = (f"`*{event.anchor}` is a YAML alias (a copy of the value marked `&{event.anchor}` "
                                   f"on line {anchors[event.anchor]}), which data files do not use: write the value out in full here")
                    else:  # most likely text that starts with `*`
                        message = (f"`*{event.anchor}` is read as a YAML alias, which data files do not use: "
                                   "if it is text, put the whole value in quotes")
                    problems.append(Problem(display, line, field, message))
            else:
                if event.anchor is not None:
                    anchors[event.anchor] = line
                    problems.append(Problem(display, line, field,
                        f"`&{event.anchor}` is a YAML anchor (it marks a value to copy with `*{event.anchor}`), "
                        f"which data files do not use: remove `&{event.anchor}`"))
                if event.tag is not None:
                    shown = _shown_tag(event.tag)
                    problems.append(Problem(display, line, field,
                        f"`{shown}` is a YAML tag, which data files do not use: remove `{shown}` and write a plain value"))
            if kind is yaml.ScalarEvent and parent is not None and parent.mapping and parent.expect_key \
                    and event.value == "<<" and event.tag is None and event.implicit[0]:
                problems.append(Problem(display, line, field,
                    "`<<` is a YAML merge key, which data files do not use: write the fields out in full here"))
                parent.merge = True
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                if len(stack) >= MAX_DEPTH:
                    return [Problem(display, line, None, DEPTH_MESSAGE)]
                stack.append(_Open(location, kind is yaml.MappingStartEvent, in_merge))
            elif parent is not None:
                parent.done(event)
    except yaml.YAMLError as error:
        return [_syntax_problem(error, text, raw, display)]
    return problems


def _shown_tag(tag: str) -> str:
    if tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag.removeprefix("tag:yaml.org,2002:")
    return tag if tag.startswith("!") else f"!<{tag}>"


def _syntax_problem(error: yaml.YAMLError, text: str, raw: bytes, display: str) -> Problem:
    """One plain-English line for a YAML syntax error, at the line where the mistake is."""
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow
        before = raw[: error.position].count(b"\n") if _FAST_LOADER is not yaml.SafeLoader else \
            text[: error.position].count("\n")
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        return Problem(display, before + 1, None,
            f"the file holds an invisible control character (U+{code:04X}), which YAML does not allow: "
            "delete it (retype the line if you cannot see it)")
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(display, None, None, f"YAML syntax error ({error}): check the file's indentation, colons and quotes")
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    lines = text.split("\n")
    if context == "while scanning a quoted scalar" and error.context_mark and "escape" not in problem:
        opening = error.context_mark
        quote = lines[opening.line][opening.column:opening.column + 1] if opening.line < len(lines) else '"'
        return _unclosed_quote(display, opening.line + 1, quote if quote in "\"'" else '"')
    if line is not None:
        opened = _quote_closed_on(text, lines, line)
        if opened:
            return _unclosed_quote(display, *opened)
    opening = error.context_mark
    bracket = lines[opening.line][opening.column:opening.column + 1] if opening and opening.line < len(lines) else ""
    if context.startswith("while parsing a flow") and bracket in ("[", "{"):
        closing = "]" if bracket == "[" else "}"
        if closing in lines[opening.line][opening.column:]:
            return Problem(display, opening.line + 1, None,
                f"YAML syntax error: the `{bracket} {closing}` on this line cannot be read as a "
                f"{'list' if bracket == '[' else 'set of fields'}: if it is text, put the whole value in quotes")
        return Problem(display, opening.line + 1, None,
            f"YAML syntax error: a `{bracket}` opened on this line is never closed: close it with `{closing}`, "
            "or put the whole value in quotes if it is text")
    advice = _value_advice(lines[mark.line]) if mark and mark.line < len(lines) else None
    if context in ("while scanning an alias", "while scanning an anchor") and error.context_mark:
        line = error.context_mark.line + 1
        advice = advice or "a value that starts with `*` or `&` must be in quotes: put the whole value in quotes"
    elif advice and problem.startswith(("did not find expected key", "did not find expected '-' indicator")):
        pass
    elif problem.startswith("mapping values are not allowed"):
        advice = "a colon and a space (`: `) inside a value: put the whole value in quotes"
    elif problem == "could not find expected ':'" and error.context_mark:
        line = error.context_mark.line + 1
        advice = "this line has no colon after the field name: write `name: value`, or start a list item with `- `"
    elif problem == "found character that cannot start any token" and mark:
        character = lines[mark.line][mark.column:mark.column + 1] if mark.line < len(lines) else ""
        shown = "a backtick (`)" if character == "`" else f"`{character}`"
        advice = f"a value cannot start with {shown}: put the whole value in quotes"
    elif problem == "found unknown escape character":
        advice = "a backslash (\\) inside double quotes starts an unknown escape: write \\\\ for a backslash, or use single quotes"
    elif problem.startswith(("did not find expected key", "did not find expected '-' indicator", "expected <block end>")):
        advice = ("this line does not fit the lines above: check that it is indented like the fields around it "
                  "and that nothing follows a closing quote")
    else:
        advice = f"{problem or 'the YAML cannot be read'}: check the indentation, colons and quotes on this line and the one before"
    return Problem(display, line, None, f"YAML syntax error: {advice}")


def _value_advice(line: str) -> str | None:
    """What is wrong with a value YAML stopped reading: it starts with `*` or `&`, or text follows its quotes."""
    match = _VALUE_START.match(line)
    first = match.group(1) if match else ""
    if first in ("*", "&"):
        return f"a value that starts with `{first}` must be in quotes: put the whole value in quotes"
    if first in ("'", '"'):
        closed = _CLOSED[first].match(line, match.start(1))
        rest = line[closed.end():] if closed else ""
        if rest.strip() and not rest.lstrip().startswith("#"):
            if first == "'" and rest[0].isalpha():
                return ("an apostrophe inside single quotes ends the value: write it twice (`''`), "
                        "or put the value in double quotes")
            return "text follows the closing quote: put the whole value inside the quotes"
    return None


def _quote_closed_on(text: str, lines: list[str], error_line: int) -> tuple[int, str] | None:
    """A quoted value that opens on an earlier line and only closes on `error_line`: the quote left open."""
    offset = 0
    for number, line in enumerate(lines[:error_line], start=1):
        match = _QUOTED_VALUE.match(line)
        if match:
            quote, start = match.group(1), match.start(1)
            closed = _CLOSED[quote].match(text, offset + start)
            end_line = number + text.count("\n", offset + start, closed.end()) if closed else None
            if end_line is not None and end_line != number and error_line - 1 <= end_line <= error_line:
                return number, quote
        offset += len(line) + 1
    return None


def _unclosed_quote(display: str, line: int, quote: str) -> Problem:
    return Problem(display, line, None,
        f"a quote ({quote}) opened on this line is never closed: close it with {quote} at the end of the value")


class _Converter:
    """Builds plain Python values from composed nodes, noting lines; refuses values that cannot be right."""

    def __init__(self, document: Document):
        self.document = document
        self.problems: list[Problem] = []
        self.nodes_left = MAX_NODES

    def value(self, node: yaml.Node, location: Location) -> Any:
        document = self.document
        line = node.start_mark.line + 1
        document.lines.setdefault(location, line)
        self.nodes_left -= 1
        if self.nodes_left < 0:
            raise DataError([Problem(document.path, line, None,
                f"the file holds more than {MAX_NODES:,} values: split it, or remove what was pasted by mistake")])
        kind = type(node)
        if kind is yaml.ScalarNode:
            if node.tag in YAML_ODDITIES and not node.style:  # plain (unquoted) scalar
                document.scalars[location] = (node.value, node.tag)
            value, message = _construct(node)
            if message:
                self.problems.append(Problem(document.path, line, dotted(location) or None, message))
            return value
        if len(location) >= MAX_DEPTH:
            raise DataError([Problem(document.path, line, None, DEPTH_MESSAGE)])
        if kind is yaml.SequenceNode:
            return [self.value(item, (*location, index)) for index, item in enumerate(node.value)]
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, location)
            if key is None:
                continue
            line = key_node.start_mark.line + 1
            if key in first_seen:
                self.problems.append(Problem(document.path, line, dotted((*location, key)),
                    f"duplicate key `{key}` (first given on line {first_seen[key]}): keep only one"))
                continue
            first_seen[key] = line
            document.lines[(*location, key)] = line
            result[key] = self.value(value_node, (*location, key))
        return result

    def key(self, node: yaml.Node, location: Location) -> str | None:
        """A field name as text, or None (and a problem) if it cannot be one."""
        if type(node) is yaml.ScalarNode and node.tag == _STR:
            return node.value
        message = None
        if type(node) is not yaml.ScalarNode:
            message = ("a field name must be plain text, not a list or a set of fields: write `name: value`; "
                       "if this is text, put all of it in quotes (\"...\"): text that starts with `{` or `[` needs them")
        elif node.tag == _MERGE:
            message = "`<<` is a YAML merge key, which data files do not use: write the fields out in full here"
        else:
            key, message = _construct(node)
        if message:
            self.problems.append(Problem(self.document.path, node.start_mark.line + 1, dotted(location) or None, message))
            return None
        return str(key)


def _construct(node: yaml.ScalarNode) -> tuple[Any, str | None]:
    """The value of a scalar, or None and what is wrong with it."""
    tag, text = node.tag, node.value
    if tag == _STR:
        return text, None
    build = _BUILDERS.get(tag)
    if build is None:
        if tag in (_MERGE, _VALUE):  # `<<` or `=` written as a value: it is text
            return text, None
        shown = _shown_tag(tag)
        return None, f"`{shown}` is a YAML tag, which data files do not use: remove `{shown}` and write a plain value"
    shown = f"{text[:20]}..." if len(text) > 20 else text
    too_large = f"`{shown}` is too large a number: write a smaller number, or put it in quotes if it is text"
    if tag == _INT:
        if len(text) > 2 * MAX_DIGITS:
            return None, too_large
        try:
            value = build(node)
        except ValueError:
            return None, f"`{shown}` is not a number YAML can read: write digits only, or put it in quotes if it is text"
        return (value, None) if abs(value) < 10 ** MAX_DIGITS else (None, too_large)
    if tag == _FLOAT:
        value = build(node)
        if math.isinf(value):
            return None, too_large
        if math.isnan(value):
            return None, f"`{shown}` means \"not a number\": write a number, or put it in quotes if it is text"
        return value, None
    if tag == _TIMESTAMP:
        if len(text) > len("YYYY-MM-DD"):
            return None, f"{text} has a time of day: write the date alone, as YYYY-MM-DD (or put it in quotes if it is text)"
        try:
            return build(node), None
        except ValueError:
            return None, f"{text} is not a real date: check the day and month (write YYYY-MM-DD)"
    return build(node), None

def dotted(location: Location) -> str:
    """`('pay', 'figures', 0, 'source')` -> `pay.figures[1].source` (items counted from 1)."""
    text = ""
    for part in location:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text

