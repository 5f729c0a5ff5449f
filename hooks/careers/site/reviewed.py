"""When a hand-written page last changed, read from git: the date its suggested citation shows.

Generated pages take their date from the data (`reviewed:` in data/). A hand-written page in
docs/ has no such field unless its front matter gives one, so the next best witness is the
date of the last commit that changed the file: an editor saved and a reviewer merged it then.
A file with uncommitted changes, or a copy outside git, has no such date (None): the caller
then falls back to the build date.

Two git commands for the whole repository, whatever the number of pages, run once per process
(so `mkdocs serve` keeps the dates it read first; a fresh build reads them again).
"""

from __future__ import annotations

import datetime
import functools
import os
import subprocess
from pathlib import Path


def last_commit_date(path: str | Path | None) -> datetime.date | None:
    """Date (committer's, UTC day) of the last commit that changed `path`, or None."""
    if not path:
        return None
    path = Path(path).resolve()
    root = _repository_root(path.parent)
    if root is None:
        return None
    relative = path.relative_to(root).as_posix()
    dates, changed = _history(root)
    if relative in changed:
        return None
    return dates.get(relative)


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                                env={**os.environ, "TZ": "UTC"})
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


@functools.lru_cache(maxsize=None)
def _repository_root(folder: Path) -> Path | None:
    output = _git(folder, "rev-parse", "--show-toplevel")
    return Path(output.strip()).resolve() if output else None


@functools.lru_cache(maxsize=None)
def _history(root: Path) -> tuple[dict[str, datetime.date], frozenset[str]]:
    """Last commit date of every file in the history, and the files changed since the last commit."""
    dates: dict[str, datetime.date] = {}
    log = _git(root, "-c", "log.showSignature=false", "log", "--format=@%cd", "--date=format-local:%Y-%m-%d",
               "--name-only", "--no-renames") or ""
    current = None
    for line in log.splitlines():
        if line.startswith("@"):
            current = datetime.date.fromisoformat(line[1:])
        elif line and current:
            dates.setdefault(line, current)
    status = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all") or ""
    changed = frozenset(entry[3:] for entry in status.split("\0") if len(entry) > 3)
    return dates, changed
