"""JSON Schema of every kind of data file, generated from the models (one source of truth).

`python -m careers.data.schema` (run from hooks/) writes them to schema/; a test fails when the
committed files are out of date. Editors' YAML files name their schema in their first line,
so VS Code and other editors autocomplete fields and underline mistakes as you type.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import Article, CareerPath, Credential, Crisis, Faq, Finder, Ladder, Role, SourcesFile, State
from .models import JobDescription, JobDescriptionsShared, LanguageRules

SCHEMAS: dict[str, type[BaseModel]] = {
    "role": Role,
    "credential": Credential,
    "state": State,
    "article": Article,
    "faq": Faq,
    "crisis": Crisis,
    "sources": SourcesFile,
    "path": CareerPath,
    "ladder": Ladder,
    "finder": Finder,
    "job-description": JobDescription,
    "job-descriptions": JobDescriptionsShared,
    "language-rules": LanguageRules,
}
# Which schema each data file uses, by folder or file name.
SCHEMA_OF = {
    "roles": "role",
    "credentials": "credential",
    "states": "state",
    "articles": "article",
    "faq.yml": "faq",
    "crisis.yml": "crisis",
    "sources.yml": "sources",
    "sources": "sources",  # data/sources/*.yml: more lists of sources
    "paths": "path",
    "ladder.yml": "ladder",
    "finder.yml": "finder",
    "jobs": "job-description",
    "job-descriptions.yml": "job-descriptions",
    "language-rules.yml": "language-rules",
}


def schema_texts() -> dict[str, str]:
    """File name -> JSON text of each schema, stable so that git diffs stay small."""
    texts = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}
        texts[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return texts


def schema_comment(relative: str) -> str:
    """The first line a data file should start with, e.g. for `roles/x.yml`."""
    parts = relative.split("/")
    kind = SCHEMA_OF[parts[0]]
    up = "../" * len(parts)
    return f"# yaml-language-server: $schema={up}schema/{kind}.schema.json"


def write(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written

