#!/usr/bin/env python3
"""How much search transfers before the reader sees results: the compressed (gzip -9) size of
every file search fetches, from opening the search box to the results of a query on the screen.

    .venv/bin/python bench/search_weight.py [site-folder] [--synthetic N ...] [--typed]
    (builds the real site into a temp folder if no folder is given; --synthetic 1000 also builds
    a copy of the project with 1,000 more role pages, clones of a real one, as bench/build_time.py
    does; --typed also types each query one key at a time, 400 ms apart, as on a phone)

Opens the home page in Debian's Chromium at 360 x 640, starts Material's script (a mouse move:
it loads on the reader's first action, search or not, so it is not counted), then opens the
search box, enters a query and waits until the results of that query are shown. Every address
asked for from opening the box until then is a file of the built site: its size is read from
that file and compressed with gzip -9 here (what a gzip server sends, without headers), so the
figure does not depend on the server or on timing. Works on any build, before or after a change
to search (Material's own index, or the site's sharded one). Also prints the search files of the
build: their number, the largest of each kind and the total. Figures, not a test:
tests/test_search_browser.py and tests/test_search.py hold the budget (60 KB); bench/README.md
has the latest figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks"), str(ROOT / "bench")]
from site_server import serve  # noqa: E402  (the tests' static server, as GitHub Pages serves)
from test_search import worst_query  # noqa: E402  (the most one query can fetch)
from test_search_browser import RESULTS_OF_QUERY, enter_query  # noqa: E402  (the query's own results)

QUERIES = ["background check", "Ohio", "disability benefits", "supervision", "peer"]
BUDGET_KB = 60
PHONE = {"width": 360, "height": 640}
TYPING_DELAY_MS = 400  # a phone reader's pace


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def page_count(site: Path) -> int:
    return sum(1 for page in site.rglob("index.html"))


def build(project: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)],
                   cwd=project, env=env, check=True)


def search_fetches(site: Path, query: str, typed: bool) -> dict:
    """What search asks for, from opening the box to the results of `query`: {file: gzip bytes}."""
    with serve(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport=PHONE)
        page.set_default_timeout(90_000)  # a busy machine
        page.goto(root, wait_until="networkidle")
        page.mouse.move(10, 10)  # the reader's first action: Material's bundle loads, search does not
        page.wait_for_function("() => document.documentElement.classList.contains('js')")
        page.wait_for_load_state("networkidle")
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        page.locator("label.md-header__button[for='__search']").click()
        if typed:
            enter_query(page, query, typed=True, delay=TYPING_DELAY_MS)
        else:  # at once, as when pasted; a key too, for a build before on-demand.html searched on input
            page.locator(".md-search__input").fill(query)
            page.locator(".md-search__input").press("End")
            page.wait_for_function(RESULTS_OF_QUERY, arg=query, timeout=60_000)
        shown = list(asked)  # asked for before the results were on the screen
        count = page.locator(".md-search-result__meta").inner_text()
        first = page.locator(".md-search-result__item a").first
        first_link = urlparse(first.get_attribute("href")).path if first.count() else None
        browser.close()
    files, others = {}, []
    origin = urlparse(root).netloc
    for url in shown:
        parsed = urlparse(url)
        if parsed.netloc != origin:
            others.append(url)
            continue
        path = site / unquote(parsed.path).lstrip("/")
        files[parsed.path] = gzip_size(path) if path.is_file() else 0
    return {"files": files, "others": others, "count": count, "first": first_link}


def index_files(site: Path) -> dict:
    """Every search file in the built site, whether fetched or not: count, total and largest (gzip)."""
    shards = [path for path in (site / "search").rglob("*.json") if path.name != "search_index.json"]
    head = site / "search" / "head.json"
    if not head.is_file():
        return {"kind": "Material's index", "full index": gzip_size(site / "search/search_index.json")}
    terms = [p for p in shards if p.parent.name == "t"]
    docs = [p for p in shards if p.parent.name == "d"]
    folder = site / "search" / json.loads(head.read_text(encoding="utf-8"))["config"]["shards"]["version"]
    files = {path.relative_to(folder).as_posix(): path.read_bytes() for path in terms + docs}
    worker = (site / "assets/javascripts/workers/search.js").read_bytes()
    return {"kind": "sharded index", "head": gzip_size(head), "term files": len(terms),
            "largest term file": max(map(gzip_size, terms)), "page files": len(docs),
            "largest page file": max(map(gzip_size, docs)), "all search files": sum(map(gzip_size, shards)),
            "the most one query can fetch": worst_query(head.read_bytes(), files, worker),
            "Material's whole index (no longer fetched)": gzip_size(site / "search/search_index.json")}


def report(name: str, site: Path, queries: list[str], typed: bool) -> None:
    print(f"\n## {name}: {page_count(site)} pages ({site})\n")
    print("index files: " + ", ".join(f"{key} {value:,}" if isinstance(value, int) else f"{key} {value}"
                                      for key, value in index_files(site).items()) + " (bytes, gzip -9)\n")
    print("| query | entered | files fetched | KB gzip | results (Material's count) | first result | other origins |")
    print("|---|---|---|---|---|---|---|")
    for query in queries:
        for mode in ([False, True] if typed else [False]):
            found = search_fetches(site, query, mode)
            kb = sum(found["files"].values()) / 1024
            verdict = "" if kb <= BUDGET_KB else " (over budget)"
            print(f"| {query} | {'typed' if mode else 'at once'} | {len(found['files'])} | {kb:.1f}{verdict} "
                  f"| {found['count']} | {found['first']} | {len(found['others'])} |")
            if os.environ.get("SEARCH_WEIGHT_FILES"):
                for path, size in sorted(found["files"].items(), key=lambda item: -item[1]):
                    print(f"|   | | {path} | {size / 1024:.1f} | | | |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site folder (default: build the real site)")
    parser.add_argument("--synthetic", type=int, nargs="*", default=[], help="also build with N more role pages")
    parser.add_argument("--typed", action="store_true", help="also type each query a key at a time")
    parser.add_argument("--queries", nargs="*", default=QUERIES)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(ROOT, site)
        report("this site", site, args.queries, args.typed)
        for extra in args.synthetic:
            from build_time import add_synthetic_roles, copy_project
            project = copy_project(Path(tmp) / f"synthetic-{extra}")
            add_synthetic_roles(project, extra)
            print(f"building with {extra:,} synthetic roles ...", file=sys.stderr)
            build(project, project / "site")
            report(f"with {extra:,} synthetic roles", project / "site", args.queries, args.typed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
