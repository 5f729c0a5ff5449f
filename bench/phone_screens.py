#!/usr/bin/env python3
"""How long each kind of page is on a phone: its height in phone screens (360 × 640) and the
screen on which its key section starts.

    .venv/bin/python bench/phone_screens.py [site-folder] [--all-roles]
    (builds into a temp folder if no folder is given; --all-roles adds every role page)

Opens one page of each page kind in Debian's Chromium at 360 × 640, as a phone reader first sees
it (no tap yet, so Material's script has not loaded: the layout is the page's own HTML and CSS),
and prints the page's height in screens and the screen (1 = the first) on which the heading of
its key section starts, with how many screens are above it: for a role page, "How to become one". Figures, not a test: see
bench/README.md for the latest ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from site_server import serve  # noqa: E402  (the tests' static server, as GitHub Pages serves)

WIDTH, HEIGHT = 360, 640
# page kind -> (address in the site, id of the key section's heading)
PAGES = {
    "home": ("", "roles-in-this-guide"),
    "peer role": ("roles/certified-peer-support-specialist/", "how-to-become-one"),
    "neighbouring role": ("roles/psychologist/", "how-to-become-one"),
    "state": ("states/ny/", "nycps"),
    "states index": ("states/", "every-state-at-a-glance"),
    "FAQ": ("faq/", "the-work"),
    "guide": ("costs-and-who-pays/", "what-you-may-have-to-pay-for"),
    "compare": ("compare/", "all-roles-in-one-table"),
    "finder": ("finder/", "finder-results-heading"),
    "finder tables": ("finder/rules/", "national-credentials"),
    "finder state tables": ("finder/rules/k-m/", "finder-states-caption"),
    "sources of a letter": ("sources/c/", "sources-c"),
    "job description": ("jobs/recovery-coach/", "write-your-job-description"),
    "path": ("paths/peer-specialist/", "the-steps-at-a-glance"),
}
# The page's height, and the top of the key heading from the top of the page, in CSS pixels.
MEASURE = """key => {
  const heading = document.getElementById(key);
  return {height: document.documentElement.scrollHeight,
          top: heading ? heading.getBoundingClientRect().top + window.scrollY : null};
}"""


def build(site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)], cwd=ROOT, env=env, check=True)


def measure(site: Path, pages: dict[str, tuple[str, str]]) -> list[tuple[str, str, float, float | None]]:
    """[(kind, address, height in screens, where the key section starts, in screens from the top)]."""
    rows = []
    with serve(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        for kind, (address, key) in pages.items():
            page.goto(root + address, wait_until="networkidle")
            figures = page.evaluate(MEASURE, key)
            start = None if figures["top"] is None else figures["top"] / HEIGHT
            rows.append((kind, "/" + address, figures["height"] / HEIGHT, start))
        browser.close()
    return rows


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if argument != "--all-roles"]
    if arguments:
        site = Path(arguments[0])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        build(site)
    pages = dict(PAGES)
    if "--all-roles" in sys.argv:
        pages |= {f"role {path.parent.name}": (f"roles/{path.parent.name}/", "how-to-become-one")
                  for path in sorted((site / "roles").glob("*/index.html"))}
    print(f"{'page':40} {'address':42} {'screens':>7}  key section: on screen (screens above it)")
    for kind, address, screens, start in measure(site, pages):
        where = "not found" if start is None else f"{int(start) + 1} ({start:.2f})"
        print(f"{kind:40} {address:42} {screens:7.1f}  {pages[kind][1]}: {where}")


if __name__ == "__main__":
    main()
