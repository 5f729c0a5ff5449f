"""Property: whatever text an editor puts in data/, the built pages keep the shape the templates gave them.

Hypothesis writes arbitrary strings (markup, entities, Markdown, YAML-special characters, Unicode
controls, template syntax) into every text field of one real data file, and the real site is
built. Either every built page has exactly the elements, attributes and classes it has when
those fields hold plain words, and shows each string as written; or the build stops with one
`data/<file>:<line>: ...` line a problem and leaves the previous build as it was.
"""

from __future__ import annotations

from collections import Counter
import re
import shutil
import sys
from pathlib import Path

import lxml.html
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, copy_project, digest, mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))
from careers.data.dataset import read_dataset  # noqa: E402
from careers.data.walk import walk  # noqa: E402

FILES = [
    "data/roles/psychologist.yml",
    "data/credentials/mha-ncps.yml",
    "data/states/pa.yml",
    "data/faq.yml",
    "data/articles/working-as-a-peer.yml",
    "data/crisis.yml",
    "data/jobs/recovery-coach.yml",
    "data/ladder.yml",
]
# Fields other data must agree with: a state credential's name (the finder and the paths repeat it),
# a separate credential's name (its state's `scope` must name it) and a crisis link's label (it must
# name the chat link's site).
CROSS_REFERENCED = {"name", "label"}
MARKER = "Zqx"
ERROR_LINE = re.compile(r"^ERROR\s+-\s+(data/[\w/.-]+\.yml:\d+: \S.*|Build stopped: \d+ problems? in data/\. Nothing was written\.)$")

FRAGMENTS = [
    "&lt;", "&amp;", "&#60;", "&#x3c;", "&quot;", "<b>", "</p>", "<!--", "{: #__config .md-button onclick=x }",
    "!!! danger", "??? note", "[x](y)", "[x](faq)", "![i](https://example.org/i.png)", "javascript:", "1. ", "# ",
    "---", "===", "***", "> ", "| a | b |", "`code`", "```", "~~~", "<https://example.org>", "{{ config }}",
    "{% raw %}", "{#", "%s", "{0}", "{organization}", "{nope}", "\\", "\\*", "*", "_", "__", "]]>", "'", '"',
    ": ", " #", "- ", "+ ", "@", "=", "\n", "\n\n", "\t", "    ", "\u202e", "\u200b", "\u00ad", "\ufeff",
    "\u0007", "é", "ﬁ", "Ａ", "😀", "a", "b", "x y",
]
# At most 28 characters: with the marker and a year it still fits a figure's `year` (40 at most).
texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5).map("".join).filter(lambda text: len(text) <= 28)


# ---------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------


class TextFields(dict):
    def __repr__(self) -> str:  # Hypothesis prints its arguments when a case fails: keep it short
        return f"<text fields of {len(self)} files>"


@pytest.fixture(scope="module")
def text_fields() -> dict[str, list[tuple]]:
    """For each file: the location of every text field, and its kind (see `project_with`)."""
    dataset = read_dataset(ROOT / "data")
    found = TextFields()
    for loaded in dataset.everything():
        if loaded.document.path in FILES:
            found[loaded.document.path] = [
                (location, _kind(owner, location)) for location, value, owner in walk(loaded.model)
                if isinstance(value, str) and _is_text(owner, location)]
    return found


def _field(owner, location):
    name = next(part for part in reversed(location) if isinstance(part, str))
    return name, type(owner).model_fields[name]


def _validators(owner, location) -> set[str]:
    _name, info = _field(owner, location)
    names, pending = set(), [info.annotation, *info.metadata]
    while pending:
        item = pending.pop()
        names.add(getattr(getattr(item, "func", None), "__name__", ""))
        pending += list(getattr(item, "__metadata__", ())) + list(getattr(item, "__args__", ()) or ())
    return names


def _is_text(owner, location) -> bool:
    name = _field(owner, location)[0]
    return "_plain" in _validators(owner, location) and not (name in CROSS_REFERENCED and type(owner).__name__ in ("StateCredential", "SeparateCredential", "CrisisAction"))


def _kind(owner, location) -> str:
    if "_has_a_year" in _validators(owner, location):
        return "year"
    if type(owner).__name__ in ("LadderLevel", "LadderMove") and _field(owner, location)[0] in ("label", "title"):
        return "label"
    return "words"


def project_with(tmp_path: Path, relative: str, fields: list[tuple], text: str) -> Path:
    """A copy of the project whose file `relative` has `text MARKER` at the start of every text field.

    The field's own words follow (so figures, years and the names other files check stay there),
    except in the ladder picture's short titles and labels, which hold `text MARKER` alone, and in the years of figures
    (40 characters at most), which hold `text MARKER 2020`.
    """
    project = copy_project(tmp_path)
    path = project / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for location, kind in fields:
        holder = data
        for part in location[:-1]:
            holder = holder[part]
        own = {"words": f" {holder[location[-1]]}", "label": "", "year": " 2020"}[kind]
        holder[location[-1]] = f"{text} {MARKER}{own}"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6), encoding="utf-8")
    return project


def shown(text: str) -> str:
    """What a reader should see for `text MARKER`: the characters typed, spaces collapsed."""
    return " ".join(f"{text} {MARKER}".split())


def read_pages(site: Path) -> dict[str, lxml.html.HtmlElement]:
    return {path.relative_to(site).as_posix(): lxml.html.fromstring(path.read_bytes()) for path in site.rglob("*.html")}


def shape(document) -> Counter:
    """Every element's name, attribute names and classes, counted: what the templates wrote.

    Counted, not listed in order: pages sort by text (the finder lists states by name)."""
    return Counter((el.tag, tuple(sorted(el.attrib)), el.get("class")) for el in document.iter() if isinstance(el.tag, str))


def visible_text(document) -> str:
    document = lxml.html.fromstring(lxml.html.tostring(document))
    for hidden in document.xpath("//script|//style"):
        hidden.drop_tree()
    return " ".join(document.text_content().split())


@pytest.fixture(scope="module")
def plain_builds(tmp_path_factory, text_fields):
    """Each file's text fields holding plain words, built once: the shape every other build must keep."""
    builds = {}

    def build(relative: str):
        if relative not in builds:
            folder = tmp_path_factory.mktemp("plain")
            project = project_with(folder / "project", relative, text_fields[relative], "plain")
            site = folder / "site"
            result = mkdocs_build(project, site)
            assert result.returncode == 0, result.stderr
            builds[relative] = (site, read_pages(site))
        return builds[relative]
    return build


# ---------------------------------------------------------------------------
# The property
# ---------------------------------------------------------------------------


@settings(max_examples=8, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(relative=st.sampled_from(FILES), text=texts)
@example(relative="data/roles/psychologist.yml", text="&lt;/title&gt;&lt;meta&gt;")
@example(relative="data/roles/psychologist.yml", text="# *x* {: #__config }")
@example(relative="data/credentials/mha-ncps.yml", text="!!! danger | a | b |")
@example(relative="data/faq.yml", text="[x](y) ![i](https://e.org/i)")
@example(relative="data/crisis.yml", text="\u202e")
@example(relative="data/states/pa.yml", text="1. ---\n\n    === {{ x }} &amp;")
@example(relative="data/jobs/recovery-coach.yml", text="{nope} `code` ~~~ @=+")
def test_arbitrary_text_stays_text(tmp_path_factory, text_fields, plain_builds, relative, text):
    plain_site, plain_pages = plain_builds(relative)
    folder = tmp_path_factory.mktemp("hostile")
    project = project_with(folder / "project", relative, text_fields[relative], text)
    site = folder / "site"
    shutil.copytree(plain_site, site)
    before = digest(site)
    result = mkdocs_build(project, site)

    if result.returncode != 0:  # refused: every line names its file and line; the earlier build stays
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
        assert errors and all(ERROR_LINE.match(line) for line in errors), result.stderr
        assert "Traceback" not in result.stderr
        assert digest(site) == before
        return

    pages = read_pages(site)
    assert pages.keys() == plain_pages.keys()
    for path, document in pages.items():
        assert shape(document) == shape(plain_pages[path]), f"{path}: the text added, removed or changed an element"
        plain_count = visible_text(plain_pages[path]).count(shown("plain"))
        assert visible_text(document).count(shown(text)) == plain_count, f"{path}: the text is not shown as typed"
