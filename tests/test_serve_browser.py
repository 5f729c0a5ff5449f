"""`mkdocs serve` as an editor uses it, in Chromium: the open page reloads when a data file is saved,
and a mistake turns it into the list of problems until the file is fixed. Published pages never
load the live-reload script, and their Content-Security-Policy is the one the preview keeps."""

from __future__ import annotations

import re
import urllib.request

import lxml.html

from conftest import copy_project
from mkdocs_serve import mkdocs_serve

ROLE = "data/roles/psychologist.yml"


def _policy(html: str) -> str:
    return lxml.html.fromstring(html).xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")


def test_the_preview_reloads_and_shows_data_problems_in_the_page(tmp_path, browser):
    project = copy_project(tmp_path / "project")
    role = project / ROLE
    original = role.read_text(encoding="utf-8")
    with mkdocs_serve(project) as read_until:
        page = browser.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(read_until.url + "roles/psychologist/")
        page.wait_for_function("() => document.querySelector('h1').textContent.trim() === 'Psychologist'")

        role.write_text(original.replace("title: Psychologist", "title: Psychologist and researcher", 1), encoding="utf-8")
        page.wait_for_function("() => document.querySelector('h1').textContent.includes('and researcher')", timeout=60_000)

        role.write_text(original.replace("title: Psychologist", 'title: ""', 1), encoding="utf-8")
        page.wait_for_selector("#data-problems-heading", timeout=60_000)
        assert page.inner_text("h1") == "Fix 1 problem in data/ to see this page"
        items = [" ".join(text.split()) for text in page.locator(".data-problems__list > li").all_inner_texts()]
        assert items == [f"{ROLE}, line 3, field title is empty: write the text after `title:`"]
        log = read_until("Preview:")
        assert any(f"{ROLE}:3: title: is empty: write the text after `title:`" in line for line in log)

        role.write_text(original, encoding="utf-8")
        page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').textContent.trim() === 'Psychologist'",
                               timeout=60_000)
        page.close()
    assert not [text for text in console if re.search("Content.Security.Policy", text, re.I)], console


def test_published_pages_never_load_live_reload(html_pages, tmp_path):
    for path, soup in html_pages.items():
        assert not soup.select('script[src*="live-reload"]'), path
        assert not soup.select(".data-problems"), path
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project) as read_until:
        served = urllib.request.urlopen(read_until.url + "roles/psychologist/").read().decode("utf-8")
    assert 'src="../../assets/javascripts/live-reload.js"' in served
    built = str(html_pages["roles/psychologist/index.html"])
    # The preview's policy is the published one: live reload needs nothing more than 'self'.
    assert _policy(served) == _policy(built)
    assert "'unsafe-inline'" not in _policy(built)
