"""Hostile data: text in data/ reaches readers as the characters typed, or the build stops at its line.

Each case edits one file of a scratch copy of the project, as a pull request would, and runs the
real `mkdocs build --strict`. A case the build accepts must show the text exactly as written and
add no element, attribute, class or id; a case it refuses must say file, line, field and what to
do, and leave the previous build in the output folder exactly as it was.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, copy_project, digest, line_of, mkdocs_build

ROLE = "data/roles/psychologist.yml"
CREDENTIAL = "data/credentials/mha-ncps.yml"
FAQ = "data/faq.yml"
CRISIS = "data/crisis.yml"


# ---------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """A good build of the real project: every refused case must leave it exactly as it is."""
    site = tmp_path_factory.mktemp("good") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


def edited_project(tmp_path: Path, relative: str, change) -> Path:
    project = copy_project(tmp_path / "project")
    path = project / relative
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def replace_line(field: str, value: str, occurrence: int = 1):
    """A change that gives the `occurrence`-th line starting `field:` (any indent) a new quoted value."""
    def change(text: str) -> str:
        lines, seen = text.splitlines(), 0
        for number, line in enumerate(lines):
            if line.lstrip().removeprefix("- ").startswith(f"{field}:"):
                seen += 1
                if seen == occurrence:
                    indent = line[: len(line) - len(line.lstrip())] + ("- " if line.lstrip().startswith("- ") else "")
                    lines[number] = f"{indent}{field}: {yaml_quoted(value)}"
                    # drop a folded value's continuation lines
                    while number + 1 < len(lines) and _continues(lines[number + 1], indent):
                        del lines[number + 1]
                    return "\n".join(lines) + "\n"
        raise AssertionError(f"no `{field}:` line")
    return change


def _continues(line: str, indent: str) -> bool:
    return line.strip() != "" and len(line) - len(line.lstrip()) > len(indent.replace("- ", "  ")) and ":" not in line.split()[0]


def yaml_quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def refused(project: Path, site: Path) -> list[str]:
    """Build into a folder holding a good build; return the editor's error lines."""
    before = digest(site)
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert digest(site) == before, "a failed build changed the previous build"
    return [line.removeprefix("ERROR").strip(" -") for line in result.stderr.splitlines() if line.startswith("ERROR")]


def accepted(project: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path).read_bytes())


def shape(document: lxml.html.HtmlElement) -> list[tuple]:
    """Every element's name, attribute names and classes: what a template wrote, not what text says."""
    return [(el.tag, tuple(sorted(el.attrib)), el.get("class")) for el in document.iter() if isinstance(el.tag, str)]


def visible_text(document: lxml.html.HtmlElement) -> str:
    for hidden in document.xpath("//script|//style"):
        hidden.drop_tree()
    return " ".join(document.text_content().split())


# ---------------------------------------------------------------------------
# Text a build accepts is shown as typed, and adds nothing
# ---------------------------------------------------------------------------

SHOWN_AS_TYPED = [
    # (file, field, occurrence, value, page that shows it)
    pytest.param(ROLE, "title", 1, "&lt;/title&gt;&lt;meta http-equiv=refresh content=0;url=https://example.org&gt;",
                 "roles/psychologist/index.html", id="entities-in-a-title"),
    pytest.param(CREDENTIAL, "short_name", 1, "&lt;script&gt;alert(1)&lt;/script&gt;",
                 "credentials/index.html", id="entities-in-a-short-name"),
    pytest.param(ROLE, "intro", 1, "See [this](javascript:alert(1)) and ![x](https://example.org/x.png)",
                 "roles/psychologist/index.html", id="markdown-link-and-image"),
    pytest.param(ROLE, "setting", 1, "Clinics {: onclick=alert(1) #__config .md-typeset }",
                 "roles/psychologist/index.html", id="attribute-list-in-a-heading"),
    pytest.param(ROLE, "description", 1, "!!! danger Call 555 0100 instead of 988",
                 "roles/psychologist/index.html", id="admonition-box"),
    pytest.param(ROLE, "description", 2, "{: #__config onclick=alert(1) }",
                 "roles/psychologist/index.html", id="attribute-list-alone"),
    pytest.param(ROLE, "why", 1, "# A heading | a | table | *emphasis* __strong__ `code` ~~strike~~",
                 "roles/psychologist/index.html", id="heading-table-emphasis"),
    pytest.param(ROLE, "detail", 1, "1. not a list\n\n- nor this\n    nor code &amp; &#60;b&#62;",
                 "roles/psychologist/index.html", id="list-code-and-numeric-entities"),
    pytest.param(CRISIS, "elsewhere", 1, "]]> {{ config }} {% raw %} &copy; \\* %}",
                 "index.html", id="template-and-comment-syntax-in-crisis-help"),
]


@pytest.mark.parametrize(("relative", "field", "occurrence", "value", "shown_on"), SHOWN_AS_TYPED)
def test_text_is_shown_as_typed_and_adds_nothing(tmp_path, good_site, relative, field, occurrence, value, shown_on):
    site = accepted(edited_project(tmp_path, relative, replace_line(field, value, occurrence)), tmp_path)
    expected = " ".join(value.split())
    document = page(site, shown_on)
    assert expected in visible_text(page(site, shown_on)), "the text is not shown as typed"
    assert shape(document) == shape(page(good_site, shown_on)), "the text added or changed an element"
    for built in site.rglob("*.html"):
        parsed = lxml.html.fromstring(built.read_bytes())
        assert not parsed.xpath("//meta[@http-equiv='refresh']|//*[@onclick]|//a[starts-with(@href, 'javascript')]")
        assert not parsed.xpath("//img[starts-with(@src, 'http')]")
        assert len(parsed.xpath("//*[@id='__config']")) <= 1


def test_entities_in_a_title_stay_text_in_the_browser_tab_menu_and_search(tmp_path):
    title = "&lt;/title&gt;&lt;b&gt;Psychologist"
    site = accepted(edited_project(tmp_path, ROLE, replace_line("title", title)), tmp_path)
    document = page(site, "roles/psychologist/index.html")
    assert document.findtext(".//title") == f"{title} - Peer Support Careers"
    assert document.xpath("string(//meta[@property='og:title']/@content)") == title
    assert any(" ".join(link.text_content().split()) == title for link in document.xpath("//nav//a"))
    search = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "&amp;lt;/title&amp;gt;&amp;lt;b&amp;gt;Psychologist" in search  # Material shows it as HTML: as typed


# ---------------------------------------------------------------------------
# Text a build refuses: file, line, field, what to do; the last good build stays
# ---------------------------------------------------------------------------


def test_a_direction_override_in_a_title_is_refused(tmp_path, good_site):
    project = edited_project(tmp_path, ROLE, replace_line("title", "Psycho\u202elogist"))
    line = line_of(project, ROLE, "title:")
    assert refused(project, good_site) == [
        f"{ROLE}:{line}: title: contains an invisible or direction-changing character, U+202E (right-to-left override): "
        "delete it (it can make the text read differently from what is stored; retype the words around it)",
        "Build stopped: 1 problem in data/. Nothing was written.",
    ]


def test_a_zero_width_space_in_a_state_name_is_refused(tmp_path, good_site):
    project = edited_project(tmp_path, "data/states/pa.yml", replace_line("name", "Penn\u200bsylvania"))
    line = line_of(project, "data/states/pa.yml", "name:")
    assert refused(project, good_site)[0] == (
        f"data/states/pa.yml:{line}: name: contains an invisible or direction-changing character, U+200B (zero width space): "
        "delete it (it can make the text read differently from what is stored; retype the words around it)")


def test_titles_that_look_the_same_are_duplicates(tmp_path, good_site):
    # Full-width letters and extra spaces read the same as "Social worker"
    project = edited_project(tmp_path, ROLE, replace_line("title", "ＳＯＣＩＡＬ   worker"))
    line = line_of(project, ROLE, "title:")
    assert refused(project, good_site) == [
        f"data/roles/social-worker.yml:{line}: title: another role has the same title ({ROLE}): make it unique",
        "Build stopped: 1 problem in data/. Nothing was written.",
    ]


def test_html_in_a_field_is_refused(tmp_path, good_site):
    project = edited_project(tmp_path, ROLE, replace_line("education", "<script>alert(1)</script>"))
    line = line_of(project, ROLE, "education:")
    assert refused(project, good_site) == [
        f"{ROLE}:{line}: education: HTML is not allowed here: write plain text (it is shown as typed)",
        "Build stopped: 1 problem in data/. Nothing was written.",
    ]


def _answer(text: str):
    """Prepend `text` to the FAQ's first answer."""
    def change(source: str) -> str:
        old = "            A peer support specialist uses"
        assert old in source
        return source.replace(old, f"            {text}\n{old}", 1)
    return change


@pytest.mark.parametrize(("link", "message"), [
    pytest.param("[a state](states/zz)", "no page `states/zz` on this site: check the path (e.g. `states/ny`, "
                 "`roles/recovery-coach`, `faq`)", id="missing-page"),
    pytest.param("[elsewhere](https://example.org/)", "`https://example.org/` is not a page of this site: write the page's "
                 "path without `.md`, e.g. `[the finder](finder)` or `[New York](states/ny)`; links to other sites belong "
                 "in data/sources.yml", id="other-site"),
    pytest.param("[run](javascript:alert(1))", "`javascript:alert(1` is not a page of this site: write the page's "
                 "path without `.md`, e.g. `[the finder](finder)` or `[New York](states/ny)`; links to other sites belong "
                 "in data/sources.yml", id="javascript"),
    pytest.param("[training](states/pa#training)", "`#training`: link to the page itself, without `#...` (only the "
                 "FAQ's questions can be linked to directly)", id="anchor-on-another-page"),
    pytest.param("[a question](faq#no-such-question)", "no question or topic `no-such-question` on that page: use one of "
                 "its `id`s, e.g. `faq#career-ladder`", id="missing-question"),
])
def test_a_bad_link_from_data_stops_the_build_at_its_line(tmp_path, good_site, link, message):
    project = edited_project(tmp_path, FAQ, _answer(f"See {link}."))
    line = line_of(project, FAQ, "See [") - 1  # the answer item starts on the line before
    assert refused(project, good_site) == [
        f"{FAQ}:{line}: topics[1].questions[1].answer[1]: {message}",
        "Build stopped: 1 problem in data/. Nothing was written.",
    ]


def test_a_good_link_from_data_is_a_link_on_the_page(tmp_path):
    project = edited_project(tmp_path, FAQ, _answer("Try [the finder](finder) or [Pennsylvania](states/pa)."))
    site = accepted(project, tmp_path)
    links = {a.text_content(): a.get("href") for a in page(site, "faq/index.html").xpath("//article//a")}
    assert links["the finder"] == "../finder/"
    assert links["Pennsylvania"] == "../states/pa/"


def test_a_strict_mode_warning_leaves_the_last_good_build(tmp_path, good_site):
    """MkDocs' own warnings (here a broken link in a hand-written page) come after it has written pages."""
    project = edited_project(tmp_path, "docs/about.md", lambda text: text + "\n[broken](no-such-page.md)\n")
    before = digest(good_site)
    result = mkdocs_build(project, good_site)
    assert result.returncode == 1
    assert "contains a link 'no-such-page.md', but the target is not found" in result.stderr
    assert digest(good_site) == before
    assert not [path for path in good_site.parent.iterdir() if "-building-" in path.name]  # no staging folder left


def test_a_good_build_replaces_the_last_one(tmp_path, good_site):
    site = tmp_path / "copy"
    shutil.copytree(good_site, site)
    (site / "stale.html").write_text("left from an earlier build")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert (site / "index.html").is_file()
    assert re.search(r"The finished build is now in .*copy", result.stderr)
