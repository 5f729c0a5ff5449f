"""The README, ARCHITECTURE.md and bench/README.md stay true: short, every path they name exists,
every dependency is explained, every page kind is on the map."""

from __future__ import annotations

import re

from careers.pages.kinds import KINDS
from conftest import ROOT

DOCS = ["README.md", "ARCHITECTURE.md", "bench/README.md"]
TOP = ("data/", "hooks/", "overrides/", "docs/", "tests/", "bench/", "schema/", "scripts/", ".github/", ".ci/")
ROOT_FILES = {"mkdocs.yml", "CONTRIBUTING.md", "ARCHITECTURE.md", "README.md", "requirements.txt", "package.json",
              "package-lock.json", "pytest.ini"}


def paths_named(text: str) -> set[str]:
    named = set()
    for token in re.findall(r"`([^`\s]+)`", text):
        token = token.split("#")[0].rstrip(".,:")
        if any(mark in token for mark in "<*{$") or "://" in token:
            continue
        if token.startswith(TOP) or token in ROOT_FILES:
            named.add(token)
    return named


def test_the_readme_fits_in_a_few_screens():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 150


def test_every_path_the_docs_name_exists():
    missing = [f"{doc}: {path}" for doc in DOCS for path in sorted(paths_named((ROOT / doc).read_text(encoding="utf-8")))
               if not (ROOT / path).exists()]
    assert not missing


def test_every_dependency_is_explained_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([\w.-]+)==([\w.]+)", line):
            name, version = match.groups()
            assert re.search(rf"^\| {re.escape(name)} {re.escape(version)}\b|\+ {re.escape(name)} {re.escape(version)}\b",
                             readme, re.M), f"{name} {version} is not in the README's dependency table"


def test_every_page_kind_is_on_the_map():
    architecture = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    layout = architecture.split("## The layout", 1)[1].split("##", 1)[0]
    for kind in KINDS:
        name = kind.__name__.rsplit(".", 1)[1]
        assert re.search(rf"\b{name}\b", layout), f"pages/{name}.py is not in ARCHITECTURE.md's layout"
        assert (ROOT / "hooks/careers/templates" / name).is_dir(), name


def test_the_readme_commands_are_the_scripts_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/serve.sh" in readme and "bash scripts/test.sh" in readme
    assert "bash scripts/test.sh" in (ROOT / ".ci/run").read_text(encoding="utf-8")
