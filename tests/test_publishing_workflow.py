"""The GitHub Pages workflow, checked offline: GitHub cannot be reached from here.

check-jsonschema validates it against the GitHub workflow JSON Schema that ships inside the
package (`--builtin-schema vendor.github-workflows`, no download); the rest reads the YAML and
checks what the schema cannot: tests gate the deployment, pull requests never deploy, only the
deploy job can write, and every action is pinned to a full commit SHA.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github/workflows/pages.yml"
FULL_SHA = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")


def check_jsonschema(path: Path) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).parent / "check-jsonschema"
    command = [str(executable)] if executable.exists() else [shutil.which("check-jsonschema") or "check-jsonschema"]
    return subprocess.run([*command, "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def triggers(workflow: dict) -> dict:
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1).
    return workflow.get("on", workflow.get(True))


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_workflow_is_valid_against_the_github_workflow_schema():
    result = check_jsonschema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_the_schema_check_really_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "pages.yml"
    # A misspelt key inside a job: GitHub rejects it, and so must our check.
    broken.write_text(WORKFLOW.read_text().replace("    needs: test\n", "    need: test\n", 1))
    result = check_jsonschema(broken)
    assert result.returncode != 0
    assert "need" in result.stdout + result.stderr


def test_runs_on_push_to_main_by_hand_and_on_pull_requests(workflow):
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert "pull_request" in on


def test_test_job_runs_the_readme_test_command_then_a_strict_build_then_uploads(workflow):
    job = workflow["jobs"]["test"]
    runs = [step.get("run", "") for step in steps(job)]
    uses = [step.get("uses", "") for step in steps(job)]
    readme = (ROOT / "README.md").read_text()
    assert "bash scripts/test.sh" in readme
    test_index = next(i for i, run in enumerate(runs) if run.strip() == "bash scripts/test.sh")
    build_index = next(i for i, run in enumerate(runs) if "mkdocs build --strict" in run)
    upload_index = next(i for i, use in enumerate(uses) if use.startswith("actions/upload-pages-artifact@"))
    assert test_index < build_index < upload_index
    site_dir = re.search(r"--site-dir\s+(\S+)", runs[build_index]).group(1)
    assert steps(job)[upload_index]["with"]["path"] == site_dir
    # Pull requests build but do not even upload a Pages artifact.
    assert "pull_request" in steps(job)[upload_index]["if"]


def test_deploy_depends_on_test_and_never_runs_for_pull_requests(workflow):
    deploy = workflow["jobs"]["deploy"]
    needs = deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]]
    assert needs == ["test"]
    condition = deploy["if"]
    assert "github.ref == 'refs/heads/main'" in condition
    assert "github.event_name == 'push'" in condition and "github.event_name == 'workflow_dispatch'" in condition
    assert "pull_request" not in condition
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in steps(deploy)] == ["actions/deploy-pages"]


def test_only_the_deploy_job_can_write(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", workflow["permissions"])
        writes = {scope for scope, level in granted.items() if level == "write"}
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}
        else:
            assert writes == set(), name


def test_every_action_is_pinned_to_a_full_commit_sha(workflow):
    used = [step["uses"] for job in workflow["jobs"].values() for step in steps(job) if "uses" in step]
    assert used, "no actions found"
    for action in used:
        assert FULL_SHA.match(action), f"{action}: pin to a 40-character commit SHA"
    text = WORKFLOW.read_text()
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"# v\d+\.\d+\.\d+$", line), f"say which release the SHA is: {line.strip()}"
