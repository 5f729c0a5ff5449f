"""The menu stays short: long sections show their index page only, and no page is left unreachable.

careers.site.menu decides which pages the menu lists (MENU_SECTION_LIMIT); Material's navigation.prune
leaves the pages of nested sections that are not open out of each page's HTML.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from careers.data.dataset import read_dataset
from careers.site.menu import MENU_SECTION_LIMIT, fit_menu, place_outside_menu
from conftest import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from build_time import add_synthetic_roles  # noqa: E402  the benchmark's synthetic roles, reused

SITE = "https://site.test/"  # a stand-in origin for resolving relative links between built pages


@pytest.fixture(scope="module")
def dataset():
    return read_dataset(ROOT / "data")


def menu_of(page: BeautifulSoup) -> BeautifulSoup:
    return page.select_one("nav.md-nav--primary")


def menu_targets(page: BeautifulSoup, path: str) -> set[str]:
    """The built files the page's menu links to."""
    return {target for a in menu_of(page).select("a[href]") if (target := built_file(path, a["href"]))}


def built_file(path: str, href: str) -> str | None:
    """The built HTML file a link on the page at `path` opens, or None when it leaves the site."""
    url = urlsplit(urljoin(SITE + path, href))
    if f"{url.scheme}://{url.netloc}/" != SITE:
        return None
    target = url.path.removeprefix("/")
    return target + "index.html" if target == "" or target.endswith("/") else target


def crumbs_of(page: BeautifulSoup) -> list[str]:
    (data,) = [json.loads(script.string) for script in page.select("script[type='application/ld+json']")
               if "breadcrumb" in json.loads(script.string)]
    return [item["name"] for item in data["breadcrumb"]["itemListElement"]]


# ---------------------------------------------------------------------------
# The real site: the 10 roles are in the menu, the 22 states are not
# ---------------------------------------------------------------------------


def test_the_real_roles_fit_in_the_menu_and_the_states_do_not(dataset):
    assert len(dataset.roles) <= MENU_SECTION_LIMIT < len(dataset.states)


@pytest.mark.parametrize("group", ["peer", "neighbouring"])
def test_a_role_page_menu_lists_the_roles_of_its_group(dataset, html_pages, group):
    roles = dataset.roles_in(group)
    for role in roles:
        path = f"roles/{role.slug}/index.html"
        menu = menu_of(html_pages[path])
        assert {f"roles/{other.slug}/index.html" for other in roles} <= menu_targets(html_pages[path], path)
        (active,) = menu.select("a.md-nav__link--active[href]")
        assert active.get_text(strip=True) == role.title


def test_every_page_menu_shows_the_states_as_their_index_alone(dataset, html_pages):
    states = {f"states/{state.slug}/index.html" for state in dataset.sorted_states()}
    for path, page in html_pages.items():
        if menu_of(page) is None:
            continue
        targets = menu_targets(page, path)
        assert not targets & states, path
        assert "states/index.html" in targets, path


def test_the_states_index_links_every_state_page_and_each_is_built(dataset, html_pages):
    index = html_pages["states/index.html"]
    linked = {built_file("states/index.html", a["href"]) for a in index.select("article a[href]")}
    for state in dataset.sorted_states():
        assert f"states/{state.slug}/index.html" in linked
        assert f"states/{state.slug}/index.html" in html_pages


def test_a_state_page_keeps_its_section_breadcrumbs_and_neighbours(dataset, html_pages):
    states = dataset.sorted_states()
    first, second = states[0], states[1]
    page = html_pages[f"states/{second.slug}/index.html"]
    assert crumbs_of(page)[:2] == ["Home", "States"]
    assert page.select_one("link[rel=prev]")["href"] == f"../{first.slug}/"
    assert page.select_one("link[rel=next]")["href"] == f"../{states[2].slug}/"
    assert html_pages[f"states/{first.slug}/index.html"].select_one("link[rel=prev]")["href"] == "../"
    open_section = menu_of(page).select_one("li.md-nav__item--active")
    assert open_section.select_one("a[href]").get_text(strip=True) == "States"


def test_no_built_page_is_orphaned(html_pages):
    """Every page can be reached from the home page by following links."""
    reached, queue = {"index.html"}, ["index.html"]
    while queue:
        path = queue.pop()
        for a in html_pages[path].select("a[href]"):
            target = built_file(path, a["href"])
            if target in html_pages and target not in reached:
                reached.add(target)
                queue.append(target)
    assert set(html_pages) - reached == {"404.html"}


# ---------------------------------------------------------------------------
# careers.site.menu on its own
# ---------------------------------------------------------------------------


def test_a_section_over_the_limit_keeps_its_index_and_its_pages_from_other_folders():
    nav = [{"Roles": ["roles/index.md", {"Compare roles": "compare.md"},
                      {"Peer": [{"A": "roles/a.md"}, {"B": "roles/b.md"}]}, {"Other": [{"C": "roles/c.md"}]}]},
           {"Guides": [{"Pay": "pay.md"}, {"Work": "work.md"}, {"Policy": "policy.md"}]}]
    menu = fit_menu(nav, limit=2)
    assert menu.nav == [{"Roles": ["roles/index.md", {"Compare roles": "compare.md"}]}, nav[1]]
    assert menu.outside == {"roles/index.md": ["roles/a.md", "roles/b.md", "roles/c.md"]}
    assert fit_menu(nav, limit=3).nav == nav


def test_pages_outside_the_menu_chain_from_their_index_to_what_follows_it():
    after = SimpleNamespace(title="after")
    index = SimpleNamespace(title="index", parent="section", next_page=after)
    pages = [SimpleNamespace(title=name, parent=None, previous_page=None, next_page=None) for name in "abc"]
    place_outside_menu(index, pages)
    assert [page.parent for page in pages] == ["section"] * 3
    assert [page.previous_page.title for page in pages] == ["index", "a", "b"]
    assert [page.next_page.title for page in pages] == ["b", "c", "after"]


# ---------------------------------------------------------------------------
# A built site with more roles than the menu lists
# ---------------------------------------------------------------------------


def test_roles_over_the_limit_are_linked_from_the_roles_index_and_built(project_copy, tmp_path):
    add_synthetic_roles(project_copy, MENU_SECTION_LIMIT + 1 - len(list((ROOT / "data/roles").glob("*.yml"))))
    slugs = [path.stem for path in (project_copy / "data/roles").glob("*.yml")]
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    roles_index = BeautifulSoup((site / "roles/index.html").read_text(encoding="utf-8"), "lxml")
    linked = {built_file("roles/index.html", a["href"]) for a in roles_index.select("article a[href]")}
    menu = menu_targets(home, "index.html")
    for slug in slugs:
        assert (site / f"roles/{slug}/index.html").is_file()
        assert f"roles/{slug}/index.html" in linked
        assert f"roles/{slug}/index.html" not in menu
    assert {"roles/index.html", "compare/index.html"} <= menu
    role = BeautifulSoup((site / f"roles/{slugs[0]}/index.html").read_text(encoding="utf-8"), "lxml")
    assert crumbs_of(role)[:2] == ["Home", "Roles"]
