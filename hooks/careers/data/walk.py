"""Walk every value inside a model, with its location in the data file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .load import Location


def walk(value: Any, location: Location = (), owner: Any = None) -> Iterator[tuple[Location, Any, Any]]:
    """Yield (location, value, the model that holds it) for a value and everything inside it."""
    yield location, value, owner
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), (*location, name), value)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from walk(item, (*location, index), owner)
