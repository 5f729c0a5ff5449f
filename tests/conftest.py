"""Shared fixtures: the real site built once from the real data/, and scratch copies of the project."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from site_server import serve

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "CONTRIBUTING.md", "data", "docs", "hooks", "overrides"]


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build` on a project folder, as an editor or CI would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_project(destination: Path) -> Path:
    """A scratch copy of everything the build reads, to break on purpose."""
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def digest(folder: Path) -> str:
    """One hash of every file's path and bytes under `folder`: whether a build changed it."""
    hashed = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        hashed.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            hashed.update(path.read_bytes())
    return hashed.hexdigest()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once from the real data/ into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def html_pages(built_site) -> dict[str, BeautifulSoup]:
    """Every built HTML page, parsed with lxml, keyed by its path in the site."""
    return {
        path.relative_to(built_site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for path in sorted(built_site.rglob("*.html"))
    }


@pytest.fixture(scope="session")
def source_entries(html_pages) -> dict[str, tuple[str, BeautifulSoup]]:
    """Every source's entry on the sources pages (one a letter, sources/<letter>/): id -> (page, entry)."""
    entries = {}
    for path, page in html_pages.items():
        if path.startswith("sources/") and path != "sources/index.html":
            for entry in page.select("section.source-entry"):
                assert entry["id"] not in entries, entry["id"]
                entries[entry["id"].removeprefix("source-")] = (path, entry)
    return entries


def link_target(html_pages: dict[str, BeautifulSoup], page: str, href: str) -> tuple[str, BeautifulSoup | None]:
    """Where a link on `page` leads: the built page's path and the element its #anchor names (or None)."""
    url = urljoin("/" + page, href)
    path, _, anchor = url.partition("#")
    path = path.lstrip("/")
    path = path + "index.html" if path == "" or path.endswith("/") else path
    target = html_pages.get(path)
    return path, target.find(id=anchor) if target is not None and anchor else None


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A scratch copy of data/ alone, for generator-level tests."""
    destination = tmp_path / "data"
    shutil.copytree(ROOT / "data", destination)
    return destination


# ---------------------------------------------------------------------------
# Browser fixtures: the built site on a local server, and Debian's Chromium
# ---------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"width": 360, "height": 640}


def wait_for_material(page, timeout: float = 30_000) -> None:
    """Wait until Material's bundle has run (it marks <html> with the class `js`). It loads on the
    reader's first action (overrides/partials/on-demand.html), so make one first."""
    page.wait_for_function("() => document.documentElement.classList.contains('js')", timeout=timeout)


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served on a free local port, as static files (like GitHub Pages); no trailing '/'."""
    with serve(built_site) as root:
        yield root.rstrip("/")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# ---------------------------------------------------------------------------
# Helpers for data-mistake tests: break one file, read the problems back
# ---------------------------------------------------------------------------


def problems_after(data: Path, relative: str, change) -> list[str]:
    """Apply `change` to one data file's text, build, and return the problem lines."""
    from careers import DataError, build_site

    path = data / relative
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_site(data)
    return [str(problem) for problem in caught.value.problems]


def line_of(data: Path, relative: str, needle: str) -> int:
    """The line number of the first line of a data file that contains `needle`."""
    for number, line in enumerate((data / relative).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {relative}")
