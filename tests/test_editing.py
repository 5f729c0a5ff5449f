"""The content editor's experience: schema, editing guide, warnings, live reload."""

from __future__ import annotations

import datetime
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from careers import DataError, build_site
from careers.data import dataset as dataset_module
from careers.data.dataset import read_dataset
from careers.site.editing_guide import END, START, with_reference
from careers.data.schema import SCHEMAS, schema_comment, schema_texts
from careers.data.stale import stale_figures
from conftest import ROOT, mkdocs_build

GUIDE = ROOT / "CONTRIBUTING.md"


def test_committed_schema_matches_the_models():
    committed = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "schema").glob("*.json")}
    assert committed == schema_texts(), "run: cd hooks && ../.venv/bin/python -m careers --update"


def test_every_data_file_names_its_schema_on_its_first_line():
    for path in sorted((ROOT / "data").rglob("*.yml")):
        relative = path.relative_to(ROOT / "data").as_posix()
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_comment(relative), relative


def test_field_reference_in_the_guide_is_up_to_date():
    text = GUIDE.read_text(encoding="utf-8")
    assert START in text and END in text
    assert text == with_reference(text), "run: cd hooks && ../.venv/bin/python -m careers --update"


def test_every_field_is_described_for_editors():
    def fields(model, seen):
        for name, info in model.model_fields.items():
            yield model, name, info
            for arg in [info.annotation, *getattr(info.annotation, "__args__", ())]:
                nested = arg if isinstance(arg, type) and hasattr(arg, "model_fields") else None
                if nested and nested not in seen:
                    seen.add(nested)
                    yield from fields(nested, seen)

    for model in SCHEMAS.values():
        for owner, name, info in fields(model, set()):
            assert info.description, f"{owner.__name__}.{name} has no description"


def yaml_examples() -> dict[str, str]:
    """The YAML examples of the editing guide, keyed by the heading they stand under."""
    text = GUIDE.read_text(encoding="utf-8")
    examples = {}
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        heading = section.splitlines()[0].strip()
        blocks = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
        for number, block in enumerate(blocks):
            examples[heading if number == 0 else f"{heading} ({number + 1})"] = block
    return examples


def test_the_guide_examples_build(data_copy):
    examples = yaml_examples()
    assert set(examples) == {"Add a source", "Add a role", "Add a national credential", "Add a state",
                             "Add a state (2)", "Add a state (3)", "Add a state (4)", "Add a question to the FAQ"}
    sources = data_copy / "sources.yml"
    sources.write_text(sources.read_text() + "\n" + examples["Add a source"])
    (data_copy / "roles" / "peer-bridger.yml").write_text(examples["Add a role"])
    (data_copy / "credentials" / "example-credential.yml").write_text(examples["Add a national credential"])
    state = examples["Add a state"].replace("    official_source:", examples["Add a state (2)"] + "    official_source:", 1)
    (data_copy / "states" / "xx.yml").write_text(state)
    finder = data_copy / "finder.yml"
    finder.write_text(finder.read_text().replace("\nstates:\n", "\nstates:\n" + examples["Add a state (3)"], 1))
    # the separate credential's example is New York's: in place of New York's own entry
    new_york = data_copy / "states" / "ny.yml"
    text = new_york.read_text()
    own = text[text.index("\nseparate_credentials:\n") + 1:text.index("\nreviewed:")]
    assert "CRPA" in own
    new_york.write_text(text.replace(own + "\n", "").replace("\nreviewed:", "\n" + examples["Add a state (4)"] + "reviewed:"))
    faq = data_copy / "faq.yml"
    lines = faq.read_text().splitlines(keepends=True)
    first_question = next(i for i, line in enumerate(lines) if line.startswith("      - id:"))
    faq.write_text("".join(lines[:first_question]) + examples["Add a question to the FAQ"] + "".join(lines[first_question:]))
    site = build_site(data_copy)
    assert {"roles/peer-bridger.md", "credentials/example-credential.md", "states/xx.md"} <= set(site.pages)
    assert "ends Medicaid peer counselor services" in site.pages["states/xx.md"]
    assert "can-i-work-part-time" in site.pages["faq.md"]
    new_york_rules = next(s for s in json.loads(site.files["finder/rules.json"])["states"] if s["code"] == "NY")
    assert [item["name"] for item in new_york_rules["separate"]] == ["CRPA"]
    assert "example-agency-peer-page" in yaml.safe_load(sources.read_text())["sources"][-1]["id"]


def test_the_editing_guide_is_published(html_pages):
    page = html_pages["editing-guide/index.html"]
    assert page.select_one("article h1").get_text(strip=True) == "Editing guide"
    tables = page.select("article table")
    assert len(tables) == len(SCHEMAS)
    assert any(code.get_text() == "pay.figures[].source" for code in page.select("article table code"))


# ---------------------------------------------------------------------------
# Stale figures: a warning, never a failure
# ---------------------------------------------------------------------------


def test_old_figures_are_warnings(data_copy):
    dataset = read_dataset(data_copy)
    warnings = [str(w) for w in stale_figures(dataset, max_age=8, today=datetime.date(2026, 11, 23))]
    survey = [w for w in warnings if w.startswith("data/roles/certified-peer-support-worker.yml:") and "from 2016" in w]
    assert survey and survey[0].endswith(
        "this figure is from 2016, 10 years ago (over 8): look for a newer one, or keep it and make sure the page says how old it is")
    assert stale_figures(dataset, max_age=50, today=datetime.date(2026, 11, 23)) == []


def test_the_build_prints_warnings_and_still_succeeds(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("stale_figure_years: 8", "stale_figure_years: 3"))
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    # One line for all of them, naming the command that lists them
    summary = [line for line in result.stderr.splitlines() if "years old" in line]
    assert len(summary) == 1 and re.fullmatch(
        r"WARNING -  \d+ figures are more than 3 years old: list them with `cd hooks && \.\./\.venv/bin/python -m careers "
        r"--stale`, then look for newer ones or mark each `old_on_purpose`", summary[0]), summary
    assert "this figure is from" not in result.stderr
    assert (tmp_path / "site" / "index.html").exists()
    listed = subprocess.run([sys.executable, "-m", "careers", "--stale"], cwd=project_copy / "hooks",
                            capture_output=True, text=True, timeout=120)
    lines = listed.stdout.splitlines()
    count = int(re.search(r"WARNING -  (\d+) figures", summary[0]).group(1))
    assert len(lines) == count + 1 and lines[-1].startswith(f"{count} figures older than 3 years")
    assert any(re.match(r"data/roles/psychologist\.yml:\d+: pay\.figures\[1\]\.year: this figure is from 2022", line) for line in lines)


def test_a_figure_old_on_purpose_is_not_stale(data_copy):
    dataset = read_dataset(data_copy)
    letters = [w for w in map(str, stale_figures(dataset, max_age=8, today=datetime.date(2026, 11, 23))) if "from 2007" in w]
    assert letters == []  # the 2007 CMS letter's facts are marked `old_on_purpose`
    faq = data_copy / "faq.yml"
    faq.write_text(re.sub(r"\n *old_on_purpose: .*", "", faq.read_text(), count=1))
    letters = [w for w in map(str, stale_figures(read_dataset(data_copy), max_age=8, today=datetime.date(2026, 11, 23)))
               if "from 2007" in w]
    assert len(letters) == 1 and letters[0].startswith("data/faq.yml:")


# ---------------------------------------------------------------------------
# Failures that are not the editor's fault still name the file
# ---------------------------------------------------------------------------


def test_an_unexpected_exception_names_the_file(data_copy, monkeypatch):
    real = dataset_module.validate

    def broken(document, model):
        if document.path.endswith("psychologist.yml"):
            raise RuntimeError("simulated bug")
        return real(document, model)

    monkeypatch.setattr(dataset_module, "validate", broken)
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    assert [str(p) for p in caught.value.problems] == [
        "data/roles/psychologist.yml: unexpected error while reading this file (RuntimeError: simulated bug): please report it"]


def test_negative_and_backwards_figures(data_copy):
    role = data_copy / "roles" / "psychologist.yml"
    text = role.read_text()
    role.write_text(text.replace("    text: ", "    text: -40 hours, then $45,000–$30,000; ", 1))
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    found = [str(p) for p in caught.value.problems]
    assert any("a figure cannot be negative" in p for p in found), found
    assert any("the range $45,000–$30,000 runs backwards: put the smaller amount first" in p for p in found), found


# ---------------------------------------------------------------------------
# Live reload: `mkdocs serve` rebuilds when a data file is saved
# ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_reloads_when_a_data_file_is_saved(project_copy):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/roles/psychologist/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project_copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _wait_for(lambda: "Psychologist" in _get(url), 90), "mkdocs serve did not start"
        role = project_copy / "data" / "roles" / "psychologist.yml"
        role.write_text(role.read_text().replace("\ntitle: Psychologist\n", "\ntitle: Psychologist (edited)\n", 1))
        assert _wait_for(lambda: "Psychologist (edited)" in _get(url), 60), "the page did not change after saving"
    finally:
        server.terminate()
        server.wait(timeout=30)
