"""sitemap.xml, read with a real XML parser: each page's <lastmod> is the date it was last reviewed.

A page generated from a data file carries that file's `reviewed:` date; a hand-written page the
date its citation shows (its front matter's `reviewed:`, else its last commit, else the build date).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml
from lxml import etree

from conftest import mkdocs_build

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FORK = "https://someone.example/careers/"
BUILD_DAY = datetime.date(2026, 1, 15)


def lastmods(site: Path, site_url: str) -> dict[str, str]:
    """sitemap.xml as {page path under the site ("roles/x/", "" for home): its <lastmod>}."""
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    assert root.tag == f"{SITEMAP}urlset"
    dates = {}
    for url in root.iterfind(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        assert loc.startswith(site_url), loc
        dates[loc[len(site_url):]] = url.findtext(f"{SITEMAP}lastmod")
    return dates


def set_reviewed(path: Path, day: str) -> None:
    """Change a data file's top-level `reviewed:` date."""
    text, count = re.subn(r"^reviewed: .*$", f"reviewed: {day}", path.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1, path
    path.write_text(text, encoding="utf-8")


def test_lastmod_is_the_data_files_reviewed_date(project_copy, tmp_path, monkeypatch):
    set_reviewed(project_copy / "data/roles/psychologist.yml", "2024-02-29")
    about = project_copy / "docs/about.md"
    about.write_text(about.read_text().replace("---\n", "---\nreviewed: 2025-02-03\n", 1))
    monkeypatch.setenv("SITE_URL", FORK)
    build_time = datetime.datetime.combine(BUILD_DAY, datetime.time(), tzinfo=datetime.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(build_time.timestamp())))
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    dates = lastmods(tmp_path / "site", FORK)
    assert dates["roles/psychologist/"] == "2024-02-29"
    for role in sorted((project_copy / "data/roles").glob("*.yml")):
        assert dates[f"roles/{role.stem}/"] == str(yaml.safe_load(role.read_text())["reviewed"]), role.name
    # A hand-written page: its front matter's date; outside git (this copy), otherwise the build date.
    assert dates["about/"] == "2025-02-03"
    assert dates[""] == BUILD_DAY.isoformat()


def test_every_lastmod_is_the_date_the_page_cites(built_site, html_pages):
    site_url = html_pages["index.html"].select_one('link[rel="canonical"]')["href"]
    dates = lastmods(built_site, site_url)
    assert dates
    for path, lastmod in dates.items():
        page = html_pages[f"{path}index.html"]
        assert page.select_one("footer.citation time")["datetime"] == lastmod, path

