"""Read YAML data files, keeping the line every value came from.

PyYAML's composer gives nodes with positions; we build plain Python values from
them ourselves so that duplicate keys are errors (not last-one-wins) and every
value's line is known for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, Problem

MAX_FILE_BYTES = 256 * 1024
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
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        size_kb = len(raw) // 1024
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
    try:
        nodes = list(yaml.compose_all(text, Loader=_FAST_LOADER))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or "the YAML cannot be read"
        raise DataError([Problem(display, line, None,
            f"YAML syntax error ({reason}): check indentation, colons and quotes on this line or the one before")]) from None
    nodes = [node for node in nodes if node is not None]
    if len(nodes) != 1:
        raise DataError([Problem(display, 1, None,
            "the file holds several YAML documents (`---`): keep one document a file")])
    document = Document(display, None)
    problems: list[Problem] = []
    document.data = _to_python(nodes[0], (), document, problems)
    if problems:
        raise DataError(problems)
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


def _to_python(node: yaml.Node, location: Location, document: Document, problems: list[Problem]) -> Any:
    document.lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _CONSTRUCTOR.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                key = str(key)
            if key in first_seen:
                problems.append(Problem(document.path, line, dotted((*location, key)),
                    f"duplicate key `{key}` (first given on line {first_seen[key]}): keep only one"))
                continue
            first_seen[key] = line
            document.lines[(*location, key)] = line
            result[key] = _to_python(value_node, (*location, key), document, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*location, index), document, problems) for index, item in enumerate(node.value)]
    if node.tag in YAML_ODDITIES and not node.style:  # plain (unquoted) scalar
        document.scalars[location] = (node.value, node.tag)
    return _CONSTRUCTOR.construct_object(node, deep=True)


def dotted(location: Location) -> str:
    """`('pay', 'figures', 0, 'source')` -> `pay.figures[1].source` (items counted from 1)."""
    text = ""
    for part in location:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text

