"""Valid HTML and no broken internal link, on every built page, by tools others trust.

- The Nu HTML checker (vnu.jar from npm `vnu-jar`, the W3C validator's engine) finds no error,
  apart from a short list of quirks in Material's own templates, each filtered as narrowly as
  possible (message and the markup it points at) and each with its reason below.
- linkchecker (PyPI) crawls the site from every page, served over HTTP as GitHub Pages would, and
  finds no broken internal link, stylesheet, script or image.
- Every #anchor a link points at exists, on the same page or another. This is a short lxml pass
  over the built files rather than linkchecker's AnchorCheck plugin, which downloads and parses
  the target page again for every link with an anchor (3,000+ here: over three minutes against
  ten seconds without it), reports a missing anchor only as a warning, and ignores links within
  a page.

Both gates first prove they can fail: a planted broken page must be caught.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from quality_helpers import VNU_JAR, html_files, require_tool, serve, site_path_prefix, url_path

# Material 9.8.1 template quirks the Nu checker reports on every page. Each entry: the message
# (a regular expression), the markup it must point at, and why it is harmless and left as is.
MATERIAL_QUIRKS = [
    {
        "message": r"^Attribute “autocomplete” is only allowed when the input type is ",
        "extract": r'class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        "why": "base.html puts autocomplete=off on the hidden checkboxes that open the drawer and search, "
               "so Firefox does not reopen them from its form cache after a reload. Browsers ignore the "
               "attribute on a checkbox otherwise; it changes nothing for readers.",
    },
    {
        "message": r"^Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer\.$",
        "extract": r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex=',
        "why": "nav-item.html writes tabindex=\"\" on the labels of navigation sections "
               "(navigation.sections). An empty tabindex is ignored by every browser, so the section "
               "title is not a Tab stop, which is what Material intends: the links under it are.",
    },
    {
        "message": r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\.$",
        "extract": r'<label class="md-nav__title" for="__toc">',
        "why": "toc.html's title points at the __toc toggle, which nav-item.html only writes for a page "
               "that is a plain navigation entry; section index pages (navigation.indexes) have none. "
               "The label is then only a heading; clicking it does nothing.",
    },
]


# CSS the Nu checker's built-in CSS validator does not know yet, in the content stylesheets written
# into pages (docs/assets/stylesheets/features/tables.css). Each entry as above, as narrow.
CSS_THE_CHECKER_DOES_NOT_KNOW = [
    {
        "message": r"^CSS: “container-type”: Property “container-type” doesn't exist\.$",
        "extract": r"ner-type: inline-size",  # the checker quotes a few characters around the spot
        "why": "container queries (CSS Containment Level 3) came after the checker's CSS validator; "
               "Chromium, Firefox and Safari support them. tables.css makes a table's scroll box a "
               "container so its caption can be as wide as the box and stay in view.",
    },
    {
        "message": r"^CSS: “max-width”: Unknown dimension\.$",
        "extract": r"ax-width: 100cqi",
        "why": "`cqi` is the container-query unit (the container's inline size): the caption's width "
               "is the scroll box's (tables.css); the checker predates the unit.",
    },
]


def _quirk(message: dict) -> dict | None:
    for quirk in MATERIAL_QUIRKS + CSS_THE_CHECKER_DOES_NOT_KNOW:
        if re.search(quirk["message"], message.get("message", "")) and re.search(quirk["extract"], message.get("extract", "")):
            return quirk
    return None


@pytest.fixture(scope="module")
def vnu_messages(built_site, tmp_path_factory) -> dict[str, list[dict]]:
    """vnu's errors, keyed by the page's path in the site ("planted" for the planted page)."""
    require_tool(VNU_JAR)
    if shutil.which("java") is None:
        pytest.fail("java is missing: the Nu HTML checker needs Java 11 or newer (apt-get install default-jre-headless)")
    planted = tmp_path_factory.mktemp("vnu-planted") / "planted.html"
    planted.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
                       '<body><p><span>unclosed</p><div id="x"></div><div id="x"></div></body></html>', encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "json",
                             str(built_site), str(planted)], capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    report = json.loads(result.stderr or result.stdout)  # vnu writes its JSON report to stderr
    messages: dict[str, list[dict]] = {}
    for message in report["messages"]:
        path = Path(message.get("url", "").removeprefix("file:"))
        key = "planted" if path == planted else (path.relative_to(built_site).as_posix()
                                                  if path.is_relative_to(built_site) else str(path))
        messages.setdefault(key, []).append(message)
    return messages


def test_nu_checker_catches_a_planted_error(vnu_messages):
    planted = [m["message"] for m in vnu_messages.get("planted", []) if m["type"] == "error"]
    assert any("Duplicate ID" in m for m in planted), planted


def test_nu_checker_finds_no_error_on_any_page(built_site, vnu_messages):
    pages = set(html_files(built_site))
    problems = []
    for key, messages in sorted(vnu_messages.items()):
        if key == "planted":
            continue
        for m in messages:
            if m["type"] in ("error", "non-document-error") and not _quirk(m):
                where = f"{key}:{m.get('lastLine', '?')}" if key in pages else key
                problems.append(f"{where}: {m['message']}  [{m.get('extract', '').strip()[:100]}]")
    assert not problems, f"{len(problems)} HTML error(s):\n" + "\n".join(problems[:60])


def test_every_material_quirk_filter_is_still_needed(vnu_messages):
    """A filter that no longer matches anything is dropped, so the list stays short and true."""
    used = {id(q) for messages in vnu_messages.values() for m in messages if (q := _quirk(m))}
    unused = [q["message"] for q in MATERIAL_QUIRKS + CSS_THE_CHECKER_DOES_NOT_KNOW if id(q) not in used]
    assert not unused, f"these quirk filters match nothing any more; remove them: {unused}"


# ---------------------------------------------------------------------------------------------
# linkchecker
# ---------------------------------------------------------------------------------------------

LINKCHECKER_CONFIG = """[checking]
threads=4
maxrequestspersecond=1000
"""


def _linkchecker(site_dir: Path, pages: list[str], config: Path, prefix: str | None = None) -> list[dict]:
    """Run linkchecker from every given page of a served site (the first must be its home page,
    which makes the whole site internal); return what it found broken."""
    linkchecker = Path(sys.executable).parent / "linkchecker"
    if not linkchecker.exists():
        pytest.fail("linkchecker is missing: it is in requirements.txt (scripts/setup.sh installs it)")
    with serve(site_dir, prefix=prefix) as root:
        result = subprocess.run([str(linkchecker), "--config", str(config), "--no-status", "--no-warnings",
                                 "--output", "csv", *[root + url_path(page) for page in pages]],
                                capture_output=True, text=True, timeout=900)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))
    assert lines and "valid" in lines[0], result.stdout[-2000:]
    return [row for row in rows if row["valid"] != "True"]


@pytest.fixture(scope="module")
def linkchecker_config(tmp_path_factory) -> Path:
    config = tmp_path_factory.mktemp("linkchecker") / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    return config


def test_link_checks_catch_a_planted_broken_link_and_anchor(tmp_path, linkchecker_config):
    site = tmp_path / "planted"
    (site / "other").mkdir(parents=True)
    (site / "index.html").write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
                                     '<a href="other/">ok</a> <a href="other/#here">ok</a> <a href="other/#nowhere">bad anchor</a>'
                                     ' <a href="missing/">bad link</a> <a href="#top">ok</a> <a href="#nope">bad anchor</a>'
                                     '<p id="top">top</p></body></html>', encoding="utf-8")
    (site / "other/index.html").write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>o</title></head>'
                                           '<body><h1 id="here">Here</h1></body></html>', encoding="utf-8")
    broken = _linkchecker(site, ["index.html"], linkchecker_config, prefix="/")
    found = {row["urlname"] for row in broken}
    assert found == {"missing/"}, broken
    anchors = broken_anchors(site)
    assert sorted(anchors) == ["index.html: #nope", "index.html: other/#nowhere"], anchors


def test_linkchecker_finds_no_broken_internal_link(built_site, linkchecker_config):
    pages = sorted(html_files(built_site), key=lambda page: page != "index.html")
    broken = _linkchecker(built_site, pages, linkchecker_config)
    problems = [f"{row['parentname'] or '(start)'}:{row['line']}: {row['urlname']}: {row['result']}" for row in broken]
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:60])


def broken_anchors(site_dir: Path, prefix: str | None = None) -> list[str]:
    """Links whose #fragment names no id (or <a name>) on the page they point at."""
    prefix = prefix or site_path_prefix()
    ids: dict[Path, set[str]] = {}

    def anchors_of(page: Path) -> set[str]:
        if page not in ids:
            tree = lxml.html.parse(str(page))
            ids[page] = {str(v) for v in tree.xpath("//@id | //a/@name")}
        return ids[page]

    broken = []
    for page in sorted(site_dir.rglob("*.html")):
        for href in lxml.html.parse(str(page)).xpath("//a/@href | //area/@href"):
            parts = urlsplit(str(href))
            if not parts.fragment or parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path)
            if path.startswith("/"):  # 404.html links from the site's root path (see site_path_prefix)
                path = str(site_dir) + "/" + path.removeprefix(prefix)
            target = page if not path else (page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                continue  # a missing page is linkchecker's to report
            if unquote(parts.fragment) not in anchors_of(target):
                broken.append(f"{page.relative_to(site_dir).as_posix()}: {href}")
    return broken


def test_every_anchor_a_link_points_at_exists(built_site):
    broken = broken_anchors(built_site)
    assert not broken, f"{len(broken)} link(s) to a missing #anchor:\n" + "\n".join(broken[:60])
