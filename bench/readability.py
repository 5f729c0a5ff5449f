"""Print the reading grade of every reader page of the built site (aim: 9 or lower).

Usage: .venv/bin/python bench/readability.py [site-folder]   (builds into a temp folder if omitted)

Measures the page's own article text (not menus or the crisis box), with headings, tables,
source lists and figure citations left out, since those are references rather than prose.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import textstat
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SKIP = "h1, h2, h3, h4, table, ol.sources, .fact__cite, .source-entry, dl.requirements dt, .reviewed, nav"


def prose(html: str) -> str:
    article = BeautifulSoup(html, "lxml").select_one("article")
    if article is None:
        return ""
    for element in article.select(SKIP):
        element.decompose()
    blocks = [block.get_text(" ", strip=True) for block in article.select("p, li, dd")]
    return "\n".join(text if text.endswith((".", "?", "!", ":")) else text + "." for text in blocks if text)


def build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)], cwd=ROOT, env=env, check=True)


def main() -> None:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        build(site)
    rows = []
    for path in sorted(site.rglob("index.html")):
        if path.parent.name in ("search", "assets") or "sources" == path.parent.name:
            continue
        text = prose(path.read_text(encoding="utf-8"))
        if len(text.split()) < 60:
            continue
        grade = textstat.flesch_kincaid_grade(text)
        rows.append((grade, ("home" if path.parent == site else path.parent.relative_to(site).as_posix()), len(text.split())))
    print(f"{'page':45} {'words':>6} {'FK grade':>9}")
    for grade, page, words in sorted(rows, key=lambda row: row[1]):
        flag = "" if grade <= 9 else "  above 9"
        print(f"{page:45} {words:6d} {grade:9.1f}{flag}")
    grades = [row[0] for row in rows]
    print(f"\n{len(rows)} pages; median grade {statistics.median(grades):.1f}; "
          f"{sum(g <= 9 for g in grades)} at 9 or below; highest {max(grades):.1f}")


if __name__ == "__main__":
    main()
