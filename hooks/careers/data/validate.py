"""Turn loaded documents into models, translating pydantic's errors for editors."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .load import Document, Location, dotted
from .models import SLUG_PATTERN
from .problems import Problem

M = TypeVar("M", bound=BaseModel)


def validate(document: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document against a model: the model, or None and every problem."""
    if not isinstance(document.data, dict):
        return None, [Problem(document.path, 1, None,
            "the file must be a set of `field: value` lines, not a list or a single value")]
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        return None, [_problem(document, model, item) for item in error.errors()]


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _problem(document: Document, model: type[BaseModel], error: Any) -> Problem:
    location: Location = tuple(error["loc"])
    field = dotted(location) or None
    return Problem(document.path, document.line_of(location), field, _message(document, model, location, error))


# Kinds of value a field expects, as an editor would say them.
EXPECTED = {
    "string_type": "text",
    "list_type": "a list (lines starting with `- `)",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "model_type": "a set of `field: value` lines",
    "dict_type": "a set of `field: value` lines",
    "date_type": "a date",
}
# What to write in a field left empty (`title:` with nothing after it), by the kind expected.
WHEN_EMPTY = {
    "list_type": "add at least one item, each on its own line starting with `- `",
    "bool_type": "write `true` or `false`",
    "int_type": "write a whole number",
    "model_type": "add its `field: value` lines, indented under it",
    "dict_type": "add its `field: value` lines, indented under it",
    "date_type": "write a date, e.g. `2026-11-23`",
}
STATE_CODE_PATTERN = r"^[A-Z]{2}$"


def _message(document: Document, model: type[BaseModel], location: Location, error: Any) -> str:
    """Pydantic's error in words for editors: what is wrong and what to do."""
    kind, given, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    name = location[-1] if location else None
    if kind == "missing":
        return f"this required field is missing: add `{name}:`"
    if kind == "extra_forbidden":
        return _unknown_field(document, model, location)
    if given is None and (kind in EXPECTED or kind.startswith("date_")):
        return "is empty: " + (_write_text(model, location) if kind == "string_type"
                               else WHEN_EMPTY.get(kind, WHEN_EMPTY["date_type"]))
    if kind.startswith("date_"):
        return f"{_shown(given)} is not a date: write it as year-month-day, e.g. `2026-11-23`"
    if kind in EXPECTED:
        return document.read_as(location) or _wrong_type(kind, given)
    if kind in ("int_parsing", "int_parsing_size", "int_from_float", "finite_number"):
        return f"{_shown(given)} is not a whole number: write digits only, without a decimal point, e.g. `40`"
    if kind == "bool_parsing":
        return f"{_shown(given)} is not true or false: write `true` or `false`"
    if kind == "string_pattern_mismatch":
        return _pattern_message(ctx.get("pattern"), given)
    if kind == "literal_error":
        return f"{_shown(given)} is not allowed: use {ctx['expected']}"
    if kind == "string_too_short":
        if not str(given).strip():
            return "is empty: " + _write_text(model, location)
        return f"`{given}` is too short: write at least {ctx['min_length']} characters"
    if kind == "too_short":
        need, have = ctx["min_length"], ctx.get("actual_length", 0)
        if have == 0:
            return f"is empty: add at least {_items(need)}, each on its own line starting with `- `"
        return f"has {_items(have)}, fewer than the {need} needed: add {_items(need - have, 'more')}"
    if kind == "too_long":
        limit, have = ctx["max_length"], ctx.get("actual_length", 0)
        return f"has {_items(have)}, more than the {limit} allowed: remove {_items(have - limit)}"
    if kind == "string_too_long":
        return f"is {len(given)} characters long, over the limit of {ctx['max_length']}: shorten it"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"{_shown(given)} is too small: use {bound} or more" if kind == "greater_than_equal" \
            else f"{_shown(given)} is too small: use a number above {bound}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"{_shown(given)} is too large: use {bound} or less" if kind == "less_than_equal" \
            else f"{_shown(given)} is too large: use a number below {bound}"
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, ")
    # Any other kind: pydantic's words, with its "Input should be" made a plain instruction.
    return f"{_shown(given)} cannot be used here: " + error["msg"].replace("Input should be", "it should be")


def _write_text(model: type[BaseModel], location: Location) -> str:
    name = location[-1] if location else None
    if isinstance(name, int):
        return "write this item, or remove the line"
    try:
        optional = not _model_in(_annotation_at(model, location[:-1])).model_fields[name].is_required()
    except (KeyError, TypeError):
        optional = False
    return f"write the text after `{name}:`" + (", or remove the line (this field is optional)" if optional else "")


def _pattern_message(pattern: str | None, given: Any) -> str:
    if pattern == SLUG_PATTERN:
        return f"`{given}` is not a valid id: use lowercase letters, digits and hyphens, e.g. `recovery-coach`"
    if pattern == STATE_CODE_PATTERN:
        return f"`{given}` is not a state code: write the state's two-letter postal code in capitals, e.g. `CA`"
    return f"`{given}` is not written in the form this field needs: see this field in the editing guide"


def _items(count: int, word: str = "") -> str:
    noun = "item" if count == 1 else "items"
    return f"{count} {word} {noun}" if word else f"{count} {noun}"


def _shown(given: Any) -> str:
    """A value in a message: `as typed`, or what kind of block it is."""
    if isinstance(given, dict):
        return "a set of `field: value` lines"
    if isinstance(given, list):
        return "a list"
    return f"`{given}`"


def _wrong_type(kind: str, given: Any) -> str:
    expected = EXPECTED[kind]
    if isinstance(given, dict):
        found = "a set of `field: value` pairs"
        hint = "text that starts with `{` or holds `: ` needs them"
    elif isinstance(given, list):
        found = "a list"
        hint = "text that starts with `[` or `- ` needs them"
    else:
        return f"expected {expected}, found `{given}`"
    if kind == "string_type":
        return f"expected text, found {found}: if this is text, put all of it in quotes (\"...\"); {hint}"
    return f"expected {expected}, found {found}"


def _unknown_field(document: Document, model: type[BaseModel], location: Location) -> str:
    name = str(location[-1])
    try:
        owner = _model_in(_annotation_at(model, location[:-1]))
    except (KeyError, TypeError):
        return f"unknown field `{name}`: remove it"
    moved = owner.moved_field(name, _data_at(document.data, location[:-1]))
    if moved:
        return moved
    allowed = list(owner.model_fields)
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field `{name}`: did you mean `{close[0]}`?"
    return f"unknown field `{name}`: remove it; allowed fields here are " + ", ".join(f"`{a}`" for a in allowed)


def _data_at(data: Any, location: Location) -> Any:
    """The value as written at `location` (None when it is not there)."""
    for part in location:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _annotation_at(model: type[BaseModel], location: Location) -> Any:
    """The type of the value at `location` inside `model`."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            current = _item_type(current)
        else:
            current = _model_in(current).model_fields[part].annotation
    return current


def _item_type(annotation: Any) -> Any:
    for arg in typing.get_args(annotation):
        return arg
    return annotation


def _model_in(annotation: Any) -> type[BaseModel]:
    """The model class inside `X`, `list[X]` or `X | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            try:
                return _model_in(arg)
            except TypeError:
                continue
    raise TypeError(f"no model in {annotation!r}")
