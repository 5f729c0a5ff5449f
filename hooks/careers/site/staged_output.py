"""Build into a folder beside the output and move it into place only when the build succeeded.

MkDocs empties its output folder before it writes a page, so a build that fails half-way (a
broken link in strict mode, a template error) would leave readers, or the next deploy, with a
half-written site. Building into a staging folder next to it, then swapping the two folders,
leaves the earlier build exactly as it was whenever anything goes wrong.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def staging_for(output: str) -> str:
    """A new empty folder beside `output` (same disk, so the swap is a rename)."""
    target = Path(output).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent)


def publish(staging: str, output: str) -> None:
    """Put the finished build at `output`; the earlier one is removed only once the new one is there."""
    target = Path(output).resolve()
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        target.rename(old / target.name)
    Path(staging).rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: str | None) -> None:
    """Remove an unfinished build."""
    if staging:
        shutil.rmtree(staging, ignore_errors=True)
