#!/usr/bin/env python3
"""How long a build takes: the real site, then synthetic data with 100 and 1,000 roles.

    .venv/bin/python bench/build_time.py [--sizes 100 1000] [--runs 1]

Each build runs `mkdocs build` on a copy of the project in a temporary folder, so nothing here
touches the working tree. Synthetic roles are clones of a real role file with new slugs and
titles (data/roles/synthetic-role-0001.yml ...), added to the real data. Also times how long a
bad data file takes to be reported. Budgets (GUIDE.md §3): real site <= 5 s, 1,000 roles <= 60 s
and growing linearly, a bad data file reported <= 1 s.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the build reads; everything else (tests, bench, node_modules, .venv, site) stays behind.
SKIP = {".git", ".venv", "node_modules", "site", "bench", "tests", ".pytest_cache", "__pycache__", "notes", ".github"}
TEMPLATE_ROLE = "community-health-worker"


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for item in ROOT.iterdir():
        if item.name in SKIP:
            continue
        if item.is_dir():
            shutil.copytree(item, destination / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, destination / item.name)
    return destination


def add_synthetic_roles(project: Path, count: int) -> None:
    """Clone one real role into `count` new ones, each with its own slug, title and order."""
    source = (project / "data/roles" / f"{TEMPLATE_ROLE}.yml").read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", source, re.MULTILINE).group(1)
    for n in range(1, count + 1):
        slug = f"synthetic-role-{n:04d}"
        text = re.sub(r"^slug: .+$", f"slug: {slug}", source, count=1, flags=re.MULTILINE)
        text = re.sub(r"^title: .+$", f"title: Synthetic Role {n:04d}", text, count=1, flags=re.MULTILINE)
        text = re.sub(r"^order: .+$", f"order: {1000 + n}", text, count=1, flags=re.MULTILINE)
        text = text.replace(title, f"Synthetic Role {n:04d}")
        (project / "data/roles" / f"{slug}.yml").write_text(text, encoding="utf-8")


def build(project: Path) -> tuple[float, subprocess.CompletedProcess, tuple[int, float, float]]:
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    html = list(site.rglob("*.html")) if site.exists() else []
    kb = sum(path.stat().st_size for path in html) / 1024 / max(len(html), 1)
    return seconds, result, (len(html), kb, role_page_gzip_kb(site))


def role_page_gzip_kb(site: Path) -> float:
    """The compressed size of one role page, the one every synthetic role is cloned from."""
    page = site / "roles" / TEMPLATE_ROLE / "index.html"
    return len(gzip.compress(page.read_bytes(), compresslevel=9)) / 1024 if page.exists() else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000], help="synthetic role counts")
    parser.add_argument("--runs", type=int, default=1, help="builds per size (the fastest is kept)")
    args = parser.parse_args()

    real_roles = len(list((ROOT / "data/roles").glob("*.yml")))
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        for extra in [0, *args.sizes]:
            best = None
            for run in range(args.runs):
                project = copy_project(Path(tmp) / f"roles-{extra}-{run}")
                if extra:
                    add_synthetic_roles(project, extra)
                print(f"building with {real_roles + extra} roles (run {run + 1}/{args.runs}) ...", file=sys.stderr)
                seconds, result, (pages, kb, role_kb) = build(project)
                if result.returncode != 0:
                    print(result.stderr[-3000:], file=sys.stderr)
                    sys.exit(f"the build with {extra} synthetic roles failed")
                best = min(best or (seconds, pages, kb, role_kb), (seconds, pages, kb, role_kb))
                shutil.rmtree(project)
            rows.append(("real site" if not extra else f"real + {extra:,} synthetic", real_roles + extra, *best))

        # A content editor's mistake: a role file with a misspelt field must stop the build fast.
        project = copy_project(Path(tmp) / "bad")
        role = project / "data/roles" / f"{TEMPLATE_ROLE}.yml"
        role.write_text(role.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
        bad_seconds, bad, _ = build(project)
        assert bad.returncode != 0, "the bad data file did not stop the build"

    print(f"\nmkdocs build --strict, Python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    print("| data                      | roles | pages | build (s) | ms per page | KB of HTML per page | role page KB gzip |")
    print("|---------------------------|-------|-------|-----------|-------------|---------------------|-------------------|")
    for name, roles, seconds, pages, kb, role_kb in rows:
        print(f"| {name:<25} | {roles:>5} | {pages:>5} | {seconds:>9.1f} | {1000 * seconds / max(pages, 1):>11.1f} "
              f"| {kb:>19.0f} | {role_kb:>17.1f} |")
    print(f"\nA bad data file (misspelt field) stopped the build after {bad_seconds:.2f} s "
          f"(including Python and MkDocs start-up):\n  {bad.stderr.strip().splitlines()[-1] if bad.stderr.strip() else ''}")
    if len(rows) >= 3:
        (_, r1, s1, p1, _, _), (_, r2, s2, p2, _, _) = rows[-2], rows[-1]
        print(f"\nFrom {r1} to {r2} roles: {s2 / s1:.1f}x the time for {p2 / p1:.1f}x the pages "
              f"({'about linear' if 0.7 <= (s2 / s1) / (p2 / p1) <= 1.4 else 'not linear'}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
