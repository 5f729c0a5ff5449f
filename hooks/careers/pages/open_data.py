"""Open data: the site's data/ as JSON, the comparison as CSV and the JSON Schema of each data file.

Plain Python, no MkDocs. Everything is made at build time from the same validated models the
pages come from, so a download can never say something the site does not: each JSON file is
the models dumped back (`model_dump(mode="json")`; reading it with the same models gives the
same data), and the schemas are `model_json_schema()` (careers.data.schema). The MkDocs hook adds
every file to the site through `RenderedSite.files`.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .comparison import CLINICAL_LABELS, ComparisonTable
from ..data.dataset import Dataset
from ..data.models import SourcesFile
from ..data.schema import SCHEMA_OF, schema_texts

FOLDER = "open-data"
CSV_FILE = f"{FOLDER}/comparison.csv"
INDEX_FILE = f"{FOLDER}/index.json"
SCHEMA_FOLDER = f"{FOLDER}/schema"


# What each kind of data file holds, in words for the download list (other kinds get a plain default).
ABOUT = {
    "roles": ("Roles", "every role page's data, including the comparison's short answers"),
    "credentials": ("National credentials", "the requirements of each national credential"),
    "states": ("States", "each state's peer certification"),
    "articles": ("Guides", "the guide pages, such as pay"),
    "faq": ("Questions", "the frequently asked questions"),
    "sources": ("Sources", "every source the site cites, with its address"),
    "crisis": ("Crisis help", "the crisis lines on every page"),
}


@dataclass(frozen=True)
class Download:
    """One published file: where it is, what it holds and which schema its data follows."""

    path: str
    title: str
    kind: str
    about: str
    schema: str | None = None  # schema file name under open-data/schema/
    is_list: bool = False  # a list of items, each following the schema (one a data file)


def downloads(dataset: Dataset) -> list[Download]:
    """Every file the site publishes, in the order the comparison page lists them."""
    found = [Download(CSV_FILE, "The comparison table", "CSV",
                      "one row for each role and one column for each column of the table on this page, "
                      "then the role's id and the pay figure's amount, year and source")]
    for name, group in _groups(dataset).items():
        title, about = ABOUT.get(name, (name.replace("-", " ").capitalize(), f"the data of data/{name}"))
        found.append(Download(f"{FOLDER}/{name}.json", title, "JSON", about, f"{_schema_name(name)}.schema.json",
                              is_list=isinstance(group, list)))
    found.append(Download(INDEX_FILE, "List of files", "JSON",
                          f"each file above with the JSON Schema its data follows (in {SCHEMA_FOLDER}/)"))
    return found


def files(dataset: Dataset, table: ComparisonTable) -> dict[str, str]:
    """Path under the site -> text of every open-data file."""
    out = {CSV_FILE: comparison_csv(table, dataset)}
    for name, group in _groups(dataset).items():
        out[f"{FOLDER}/{name}.json"] = _json(group)
    schemas = _schemas()  # careers.data.schema: the same text as the schema/ folder editors use
    for name, group in _groups(dataset).items():
        model = type(group[0] if isinstance(group, list) else group)
        file_name = f"{_schema_name(name)}.schema.json"
        out[f"{SCHEMA_FOLDER}/{file_name}"] = schemas.get(file_name) or _schema_text(file_name, model)
    entries = [_index_entry(item) for item in downloads(dataset) if item.path != INDEX_FILE]
    out[INDEX_FILE] = json.dumps({"files": entries}, ensure_ascii=False, indent=2) + "\n"
    return out


# The CSV's columns beyond the table's own: ids and figures split out for spreadsheets.
EXTRA_COLUMNS = ["slug", "group", "page", "education_level", "diagnoses_or_treats", "pay_amount", "pay_per",
                 "pay_year", "pay_source", "pay_confidence"]


def comparison_csv(table: ComparisonTable, dataset: Dataset) -> str:
    """The comparison as CSV (RFC 4180, UTF-8): the table's columns as the page shows them, then ids and figures."""
    sources = dataset.sources_by_id
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*(column.heading for column in table.columns), *EXTRA_COLUMNS])
    for row, texts in zip(table.rows, table.text_rows(sources)):
        amount = row.pay_amount
        writer.writerow([
            *texts.values(),
            row.slug,
            row.role.group,
            f"roles/{row.slug}/",
            row.glance.education_level,
            CLINICAL_LABELS[row.glance.diagnoses_or_treats.answer].lower(),
            "" if amount is None else str(amount.value),
            "" if amount is None else amount.per,
            row.pay.year if row.pay else "",
            row.pay.source if row.pay else "",
            row.pay.confidence if row.pay else "",
        ])
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _json(value: BaseModel | list[BaseModel]) -> str:
    data: Any = [item.model_dump(mode="json") for item in value] if isinstance(value, list) else value.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _groups(dataset: Dataset) -> dict[str, BaseModel | list[BaseModel]]:
    """Each folder of data/ as a list of its files' models (by file name); each top-level file as its model."""
    groups: dict[str, Any] = {}
    more_sources = {id(loaded) for loaded in dataset.more_sources}
    for loaded in sorted((l for l in dataset.everything() if l.document is not None), key=lambda l: l.document.path):
        parts = loaded.document.path.removeprefix("data/").split("/")
        if id(loaded) in more_sources:
            continue  # data/sources/*.yml: in the one list of sources below
        if len(parts) == 2:
            groups.setdefault(parts[0], []).append(loaded.model)
        else:
            groups[parts[0].removesuffix(".yml")] = loaded.model
    groups["sources"] = SourcesFile.model_construct(sources=dataset.all_sources)  # every list of sources as one
    return groups


@functools.cache
def _schemas() -> dict[str, str]:
    """The models' schemas, made once a process (they change only when the code does)."""
    return schema_texts()


@functools.cache
def _schema_text(file_name: str, model: type[BaseModel]) -> str:
    """A kind of data file careers.data.schema does not list yet, in the same form."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": file_name, **model.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _schema_name(group: str) -> str:
    return SCHEMA_OF.get(group) or SCHEMA_OF.get(f"{group}.yml") or group


def _index_entry(item: Download) -> dict[str, str]:
    entry = {"file": item.path.removeprefix(f"{FOLDER}/"), "title": item.title, "format": item.kind, "about": item.about}
    if item.schema:
        entry["schema"] = f"schema/{item.schema}"
        entry["schema_applies_to"] = "each item of the list" if item.is_list else "the whole file"
    return entry
