"""The real `mkdocs build`: a data mistake stops it with a clear message and writes nothing."""

from __future__ import annotations

import time

from conftest import mkdocs_build
from mkdocs_serve import mkdocs_serve


def test_bad_data_stops_the_build_and_keeps_the_earlier_site(project_copy, tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    earlier = site_dir / "index.html"
    earlier.write_text("earlier build")
    role = project_copy / "data/roles/psychologist.yml"
    role.write_text(role.read_text().replace("source: bls-ooh-psychologists", "source: bls-2030", 1))

    result = mkdocs_build(project_copy, site_dir)

    assert result.returncode == 1
    assert "data/roles/psychologist.yml:" in result.stderr
    assert "`bls-2030` is not in data/sources.yml" in result.stderr
    assert "Build stopped: " in result.stderr
    assert "Traceback" not in result.stderr
    assert earlier.read_text() == "earlier build"
    assert sorted(p.name for p in site_dir.iterdir()) == ["index.html"]


def test_unknown_marker_in_a_page_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs/about.md"
    page.write_text(page.read_text() + "\n<!-- careers:role-lists -->\n")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/about.md: unknown marker `careers:role-lists`: use one of careers:role-list" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_unexpected_error_names_the_file(project_copy, tmp_path, monkeypatch):
    # A data file whose top level is a list reaches validation as an odd shape, not a crash.
    role = project_copy / "data/roles/psychologist.yml"
    role.write_text("- just\n- a list\n")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1
    assert "data/roles/psychologist.yml:1: the file must be a set of `field: value` lines" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_reports_a_mistake_every_time_it_is_saved(project_copy):
    """`mkdocs serve` rebuilds in one process: MkDocs' own logger shows a message once per process,
    so the hook reports problems through its own; an editor saving the same mistake twice (or
    saving another change while it is still there) sees it each time."""
    role = project_copy / "data/roles/psychologist.yml"
    good = role.read_text()
    bad = good.replace("source: bls-ooh-psychologists", "source: bls-2030", 1)
    reports = []
    with mkdocs_serve(project_copy) as read_until:
        for text in (bad, good, bad):
            time.sleep(1)  # MkDocs polls for changes every half second
            role.write_text(text)
            seen = read_until("Reloading browsers" if text == good else "Preview: every page lists")
            reports.append([line for line in seen if "bls-2030" in line])
    first, fixed, again = reports
    assert first and again and not fixed
    assert "data/roles/psychologist.yml:" in again[0] and "`bls-2030` is not in data/sources.yml" in again[0]
