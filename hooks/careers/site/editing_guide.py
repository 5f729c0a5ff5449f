"""The editing guide's field reference, generated from the models' field descriptions.

CONTRIBUTING.md holds the hand-written guide; between its two reference markers sits the
generated reference, so the guide cannot drift from the code. `python -m careers.site.editing_guide`
(run from hooks/) rewrites that part; a test fails when it is out of date.
"""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any

import jinja2
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..pages.render import TEMPLATES
from ..data.schema import SCHEMAS
from ..data.text import TextWithLinks

START = "<!-- field-reference:start (generated from hooks/careers/data/models.py; do not edit by hand) -->"
END = "<!-- field-reference:end -->"
TITLES = {
    "role": "A role: `data/roles/<slug>.yml`",
    "credential": "A national credential: `data/credentials/<slug>.yml`",
    "state": "A state: `data/states/<code>.yml`",
    "article": "A guide page: `data/articles/<slug>.yml`",
    "faq": "The questions: `data/faq.yml`",
    "crisis": "Crisis help: `data/crisis.yml`",
    "sources": "Sources: `data/sources.yml`",
    "path": "A certification path: `data/paths/<slug>.yml`",
    "ladder": "The career ladder: `data/ladder.yml`",
    "finder": "The credential finder's rules: `data/finder.yml`",
    "job-description": "A peer role's job-description template: `data/jobs/<role>.yml`",
    "job-descriptions": "What every job-description template shares: `data/job-descriptions.yml`",
    "language-rules": "The peer-language check: `data/language-rules.yml`",
}


def field_rows(model: type[BaseModel]) -> list[dict]:
    """One row per field, nested models indented under the field that holds them."""
    rows: list[dict] = []
    _collect(model, "", rows, seen=set())
    return rows


def reference() -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    kinds = [{"title": TITLES[name], "rows": field_rows(model)} for name, model in SCHEMAS.items()]
    return env.get_template("editing-guide/field-reference.md.j2").render(kinds=kinds).strip() + "\n"


def with_reference(guide: str) -> str:
    """The guide text with its generated part replaced by the current reference."""
    before, rest = guide.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n\n{reference()}\n{END}{after}"


def page(guide_path: Path) -> str:
    """The editing guide as a site page (CONTRIBUTING.md with front matter)."""
    text = guide_path.read_text(encoding="utf-8")
    # For editors, not readers: in search, below the pages about what a reader looks for.
    front = ("---\ndescription: How to add and change roles, credentials, states, sources and questions.\n"
             "search:\n  boost: 0.5\n---\n\n")
    return front + tables_in_regions(text)


def tables_in_regions(markdown: str) -> str:
    """Each Markdown table in a scroll box a keyboard can reach, named by the heading above it.

    A table never breaks a word (tables.css). A field path such as
    `at_a_glance.diagnoses_or_treats.answer` may break after each dot, as a web address may
    after a slash (templates/editing-guide/field-path.html.j2); a table still wider than the
    screen scrolls sideways in its box (table-region.md.j2). Code blocks are left alone.
    """
    templates = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                   undefined=jinja2.StrictUndefined)
    region = templates.get_template("editing-guide/table-region.md.j2")
    path = templates.get_template("editing-guide/field-path.html.j2")

    def breakable(match: re.Match) -> str:
        return path.render(parts=re.split(r"(?<=\.)", match.group(1))).strip()

    lines, out, heading, fenced = markdown.split("\n"), [], "Table", False
    index = 0
    while index < len(lines):
        line = lines[index]
        fenced = fenced != line.startswith("```")
        if not fenced and line.startswith("#"):
            heading = line.lstrip("#").strip().replace("`", "")
        if fenced or not line.startswith("|"):
            out.append(line)
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        table = FIELD_PATH.sub(breakable, "\n".join(lines[index:end]))
        out.append(region.render(name=heading, table=table))
        index = end
    return "\n".join(out)


FIELD_PATH = re.compile(r"`([A-Za-z_][\w\[\]]*(?:\.[\w\[\]]+)+)`")  # a code span like `pay.figures[].source`


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _collect(model: type[BaseModel], prefix: str, rows: list[dict], seen: set) -> None:
    for name, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        is_list = typing.get_origin(info.annotation) is list
        path = f"{prefix}{name}"
        rows.append({
            "field": path + ("[]" if is_list and nested else ""),
            "required": "required" if info.is_required() else f"optional{_default(info)}",
            "type": _type_name(info.annotation),
            "description": _escape_outside_code((info.description or "").strip().replace("\n", " ")) or "—",
        })
        if nested and (nested, path) not in seen:
            seen.add((nested, path))
            _collect(nested, f"{path}{'[].' if is_list else '.'}", rows, seen)


def _escape_outside_code(text: str) -> str:
    """Show `<` and `>` as typed: Markdown would read `<slug>` outside backticks as HTML."""
    parts = text.split("`")
    for index in range(0, len(parts), 2):  # even parts are outside code spans
        parts[index] = parts[index].replace("<", "&lt;").replace(">", "&gt;")
    return "`".join(parts)


def _default(info: FieldInfo) -> str:
    if info.default_factory is not None:
        return ", default empty"
    if info.default is None:
        return ""
    return f", default `{info.default}`"


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found:
            return found
    return None


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None))
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is typing.Annotated:
        if any(getattr(meta, "func", None) is TextWithLinks for meta in args[1:]):
            return "plain text; may link to this site's pages as `[words](page)`"
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "fields below"
    return {"str": "plain text", "int": "whole number", "bool": "`true` or `false`", "date": "date `YYYY-MM-DD`"}.get(
        getattr(annotation, "__name__", str(annotation)), str(annotation))

