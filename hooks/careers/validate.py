"""Turn loaded documents into models, translating pydantic's errors for editors."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .load import Document, Location, dotted
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
    kind = error["type"]
    field = dotted(location) or None
    line = document.line_of(location)
    if kind == "missing":
        message = f"this required field is missing: add `{location[-1]}:`"
    elif kind == "extra_forbidden":
        message = _unknown_field(model, location)
    elif kind in ("string_type", "list_type", "bool_type", "int_type", "model_type", "dict_type"):
        message = document.read_as(location) or _wrong_type(kind, error["input"])
    elif kind == "string_pattern_mismatch" and location[-1] in ("slug", "id", "role", "source"):
        message = f"`{error['input']}` is not a valid id: use lowercase letters, digits and hyphens, e.g. `recovery-coach`"
    elif kind == "string_pattern_mismatch" and location[-1] == "href":
        message = f"`{error['input']}` must start with tel:, sms: or https://"
    elif kind == "literal_error":
        message = f"`{error['input']}` is not allowed: use {error['ctx']['expected']}"
    elif kind in ("too_short", "string_too_short"):
        message = "is empty: " + error["msg"].replace("List should", "give").replace("String should", "write")
    elif kind == "string_too_long":
        message = f"is {len(error['input'])} characters long, over the limit of {error['ctx']['max_length']}: shorten it"
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = f"`{error['input']}` is out of range: {error['msg'].lower().replace('input should be', 'it should be')}"
    elif kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
    else:
        message = error["msg"]
    return Problem(document.path, line, field, message)


def _wrong_type(kind: str, given: Any) -> str:
    expected = {
        "string_type": "text",
        "list_type": "a list (lines starting with `- `)",
        "bool_type": "true or false",
        "int_type": "a whole number",
        "model_type": "a set of `field: value` lines",
        "dict_type": "a set of `field: value` lines",
    }[kind]
    shown = "nothing" if given is None else f"`{given}`"
    return f"expected {expected}, found {shown}"


def _unknown_field(model: type[BaseModel], location: Location) -> str:
    name = str(location[-1])
    try:
        allowed = _fields_at(model, location[:-1])
    except (KeyError, TypeError):
        return f"unknown field `{name}`: remove it"
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field `{name}`: did you mean `{close[0]}`?"
    return f"unknown field `{name}`: remove it; allowed fields here are " + ", ".join(f"`{a}`" for a in allowed)


def _fields_at(model: type[BaseModel], location: Location) -> list[str]:
    """Names of the fields allowed at `location` inside `model`."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            current = _item_type(current)
        else:
            current = _model_in(current).model_fields[part].annotation
    return list(_model_in(current).model_fields)


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
