"""Shared by the quality gates (tests/test_quality_*.py): the built site's pages, a local server
for it, Debian's Chromium, and the npm tools (axe-core, the Nu HTML checker) from node_modules/.

The gates run on every HTML file the build writes, so pages added later are checked without
touching the tests.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import ContextManager
from urllib.parse import urlparse

import pytest

import site_server

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


def require_tool(path: Path) -> Path:
    """A tool from node_modules/, or a clear failure (never a silent skip: a gate that skips proves nothing)."""
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `npm ci` in {ROOT} (scripts/test.sh does it)")
    return path


def site_path_prefix() -> str:
    """The path the site is published under ("/" or "/repo/"), from SITE_URL as mkdocs.yml reads it.

    Pages like 404.html use absolute links under this path, so the test server mounts the site there.
    """
    site_url = os.environ.get("SITE_URL")
    if not site_url:
        default = re.search(r'SITE_URL,\s*"([^"]+)"', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        site_url = default.group(1) if default else "/"
    path = urlparse(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def html_files(site_dir: Path) -> list[str]:
    """Every HTML page the build wrote, as paths relative to the site folder."""
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))


def url_path(relative: str) -> str:
    """The address a reader uses for a built file: roles/x/index.html -> roles/x/."""
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def page_kinds(relative_paths: list[str]) -> dict[str, str]:
    """One page of each kind: pages in the same folder at the same depth share a template.

    roles/recovery-coach/ and roles/psychologist/ are one kind ("roles/*/"); roles/ (the section
    index), about/, compare/ and 404.html are each a kind of their own.
    """
    kinds: dict[str, str] = {}
    for relative in relative_paths:
        parts = url_path(relative).strip("/").split("/")
        kind = f"{parts[0]}/*/" if len(parts) > 1 else (url_path(relative) or "home")
        kinds.setdefault(kind, relative)
    return kinds


# linkchecker throttles each host to about 10 requests a second unless the server answers
# with this header (its documented way to allow a local server more).
LINKCHECKER_HEADERS = {"LinkChecker": "local test server"}


def serve(directory: Path, prefix: str | None = None) -> ContextManager[str]:
    """Serve a built site on 127.0.0.1 (a free port) under its published path; yields the site's
    root URL, ending in '/'."""
    return site_server.serve(directory, prefix=prefix or site_path_prefix(), headers=LINKCHECKER_HEADERS)
