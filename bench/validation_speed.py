"""How fast a content editor hears about a mistake, and how long validating all of data/ takes.

Usage: .venv/bin/python bench/validation_speed.py [runs]

Prints three figures (target: under one second):
- broken file -> error report (mkdocs build): wall time of `mkdocs build` on a copy of the project
  whose data/roles/psychologist.yml cites a source that does not exist, until it exits with the
  report (Python, MkDocs and Material start-up included);
- broken file -> error report (mkdocs serve): an editor previewing with `mkdocs serve` saves the
  same mistake; time from the save until the report is printed (MkDocs polls files every 0.5 s);
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
sys.path.insert(0, str(ROOT / "tests"))

from careers.build import check_all  # noqa: E402
from careers.data.dataset import read_dataset  # noqa: E402
from mkdocs_serve import mkdocs_serve  # noqa: E402

PARTS = ["mkdocs.yml", "CONTRIBUTING.md", "data", "docs", "hooks", "overrides"]


BROKEN_ROLE = "data/roles/psychologist.yml"


def copy_project(folder: Path) -> Path:
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    return folder


def broken_text(project: Path) -> str:
    text = (project / BROKEN_ROLE).read_text()
    return text.replace("source: bls-ooh-psychologists", "source: bls-2030", 1)


def broken_project(folder: Path) -> Path:
    copy_project(folder)
    (folder / BROKEN_ROLE).write_text(broken_text(folder))
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


def time_errors_while_serving(project: Path, runs: int) -> list[float]:
    """Start `mkdocs serve` on a good copy; save the mistake, time the report, undo it; repeat."""
    good = (project / BROKEN_ROLE).read_text()
    bad = broken_text(project)
    times = []
    with mkdocs_serve(project) as read_until:
        for _ in range(runs):
            time.sleep(1)  # let the watcher settle
            start = time.perf_counter()
            (project / BROKEN_ROLE).write_text(bad)
            read_until("bls-2030")
            times.append(time.perf_counter() - start)
            read_until("Reloading browsers")  # the preview's pages now list the problem
            (project / BROKEN_ROLE).write_text(good)
            read_until("Reloading browsers")
    return times


def time_validation() -> float:
    start = time.perf_counter()
    check_all(read_dataset(ROOT / "data"))
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    files = len(list((ROOT / "data").rglob("*.yml")))
    with tempfile.TemporaryDirectory() as folder:
        project = broken_project(Path(folder))
        reports = [time_error_report(project) for _ in range(runs)]
    with tempfile.TemporaryDirectory() as folder:
        serving = time_errors_while_serving(copy_project(Path(folder)), runs)
    validations = [time_validation() for _ in range(runs)]
    report = statistics.median(r[0] for r in reports)
    served = statistics.median(serving)
    validate = statistics.median(validations)
    print(f"{'figure':48} {'median':>8} {'worst':>8} {'runs':>5}")
    print(f"{'broken file -> error report (mkdocs build)':48} {report:7.2f}s {max(r[0] for r in reports):7.2f}s {runs:5d}")
    print(f"{'broken file -> error report (mkdocs serve)':48} {served:7.2f}s {max(serving):7.2f}s {runs:5d}")
    print(f"{f'validate all of data/ ({files} files)':48} {validate:7.2f}s {max(validations):7.2f}s {runs:5d}")
    print(f"\nthe report it printed:\n  {reports[0][1]}")
    for label, figure in [("mkdocs build", report), ("mkdocs serve", served), ("validate", validate)]:
        print(f"target under 1 s, {label}:", "met" if figure < 1 else "NOT met")


if __name__ == "__main__":
    main()
