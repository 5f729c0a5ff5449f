"""How fast a content editor hears about a mistake, and how long validating all of data/ takes.

Usage: .venv/bin/python bench/validation_speed.py [runs]

Prints two figures (target: both under one second):
- broken file -> error report: wall time of `mkdocs build` on a copy of the project whose
  data/roles/psychologist.yml cites a source that does not exist, until it exits with the report;
- validate all data: load, validate and cross-check every file in data/, in process (median).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from careers.checks import check_dataset  # noqa: E402
from careers.dataset import read_dataset  # noqa: E402

PARTS = ["mkdocs.yml", "CONTRIBUTING.md", "data", "docs", "hooks", "overrides"]


def broken_project(folder: Path) -> Path:
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    role = folder / "data/roles/psychologist.yml"
    role.write_text(role.read_text().replace("source: bls-ooh-psychologists", "source: bls-2030", 1))
    return folder


def time_error_report(project: Path) -> tuple[float, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    assert result.returncode == 1 and "bls-2030" in result.stderr, result.stderr
    line = next(line for line in result.stderr.splitlines() if "bls-2030" in line)
    return elapsed, line


def time_validation() -> float:
    start = time.perf_counter()
    check_dataset(read_dataset(ROOT / "data"))
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    files = len(list((ROOT / "data").rglob("*.yml")))
    with tempfile.TemporaryDirectory() as folder:
        project = broken_project(Path(folder))
        reports = [time_error_report(project) for _ in range(runs)]
    validations = [time_validation() for _ in range(runs)]
    report = statistics.median(r[0] for r in reports)
    validate = statistics.median(validations)
    print(f"{'figure':44} {'median':>8} {'runs':>5}")
    print(f"{'broken file -> error report (mkdocs build)':44} {report:7.2f}s {runs:5d}")
    print(f"{f'validate all of data/ ({files} files)':44} {validate:7.2f}s {runs:5d}")
    print(f"\nthe report it printed:\n  {reports[0][1]}")
    print("\ntarget: under 1 s each —", "met" if max(report, validate) < 1 else "NOT met")


if __name__ == "__main__":
    main()
