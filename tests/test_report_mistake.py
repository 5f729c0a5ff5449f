""""Report a mistake on this page", at the foot of every page: a plain link to a new issue on the
project's GitHub repository (mkdocs.yml `extra.report_mistake_url`), with the page's address filled
in. Nothing goes to GitHub until the reader follows it: no script, no prefetch. The editorial
policy points to it."""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import PHONE, ROOT, mkdocs_build

LABEL = "Report a mistake on this page"


def configured_address() -> str:
    """The issue form's address the build used: REPORT_MISTAKE_URL, or mkdocs.yml's default."""
    default = re.search(r'report_mistake_url: !ENV \[REPORT_MISTAKE_URL, "([^"]+)"\]',
                        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert default, "mkdocs.yml has no extra.report_mistake_url"
    return os.environ.get("REPORT_MISTAKE_URL", default.group(1))


def report_link(page):
    links = [a for a in page.find_all("a") if " ".join(a.get_text().split()) == LABEL]
    assert len(links) == 1, len(links)
    return links[0]


def test_the_default_address_is_a_github_issue_form():
    parts = urlsplit(configured_address())
    assert parts.scheme == "https" and parts.netloc == "github.com"
    assert re.fullmatch(r"/[\w.-]+/[\w.-]+/issues/new", parts.path), parts.path


def test_every_page_links_to_the_issue_form_with_its_own_address(html_pages):
    address = configured_address()
    assert "404.html" in html_pages and len(html_pages) > 50
    for path, page in html_pages.items():
        link = report_link(page)
        href = link["href"]
        assert href.startswith(address + "?"), (path, href)
        query = parse_qs(urlsplit(href).query)
        assert set(query) == {"title", "body"}, (path, query)
        canonical = page.select_one('link[rel="canonical"]')
        if canonical is None:  # the 404 page is served at any address: it asks for it
            assert path == "404.html"
            assert "paste the address" in query["body"][0]
            assert link.find_parent("article") is not None
            continue
        url = canonical["href"]
        assert quote(url, safe="") in href, (path, href)  # the address, URL-encoded
        assert query["body"][0].startswith(f"Page: {url}\n"), path
        assert url in query["title"][0], path
        assert "public" in query["body"][0]  # the reader is told before writing anything
        # A plain link: opens in the same tab, nothing fetched early; at the foot of the article,
        # with the suggested citation.
        assert not {"target", "rel", "ping", "onclick"} & set(link.attrs), (path, link.attrs)
        assert link.find_parent("article") is not None, path
        assert link.find_parent("footer", class_="citation") is not None, path


def test_no_page_fetches_anything_from_github_before_the_link_is_followed(html_pages):
    for path, page in html_pages.items():
        for element in page.select("link[href], script[src], img[src], iframe, [srcset]"):
            address = element.get("href") or element.get("src") or ""
            assert not urlsplit(address).netloc.endswith("github.com"), (path, str(element)[:200])
        for script in page.find_all("script"):
            assert "github.com" not in (script.string or ""), path
        assert not page.select('link[rel~="prefetch"], link[rel~="preconnect"], link[rel~="dns-prefetch"], '
                               'link[rel~="prerender"], script[type="speculationrules"]'), path
        # And no `repo_url`: Material would ask GitHub's API about the repository on every page.
        assert not page.select(".md-source"), path


def test_the_editorial_policy_points_to_the_link(html_pages):
    policy = html_pages["editorial-policy/index.html"].select_one("article")
    section = policy.find(id="how-to-report-a-mistake").find_next("p")
    text = " ".join(section.get_text().split())
    assert f'"{LABEL}" link at the foot of every page' in text
    assert "GitHub" in text and "public" in text
    assert "write to the editors" not in policy.get_text()  # no address was ever given for it


def test_a_fork_sets_its_own_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_MISTAKE_URL", "https://github.com/someone/their-fork/issues/new")
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/their-fork/")
    result = mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site/faq/index.html").read_text(encoding="utf-8"), "lxml")
    href = report_link(page)["href"]
    assert href.startswith("https://github.com/someone/their-fork/issues/new?")
    assert quote("https://someone.github.io/their-fork/faq/", safe="") in href
    # The Pages workflow sets it from the repository it runs in.
    workflow = (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert 'REPORT_MISTAKE_URL=https://github.com/$GITHUB_REPOSITORY/issues/new' in workflow


@pytest.mark.browser
def test_in_chromium_nothing_goes_to_github_until_the_link_is_followed(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    # GitHub itself is not contacted: a stand-in answers for it.
    context.route("https://github.com/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                          body="<title>issue form</title>"))
    page.goto(site_url + "/faq/")
    link = page.get_by_role("link", name=LABEL)
    link.scroll_into_view_if_needed()
    assert link.is_visible()
    link.hover()
    link.focus()
    page.wait_for_timeout(300)
    assert not [url for url in requests if urlsplit(url).netloc.endswith("github.com")], requests
    link.tap()
    page.wait_for_url("https://github.com/**")
    parts = urlsplit(page.url)
    assert page.url.startswith(configured_address() + "?")
    assert parse_qs(parts.query)["body"][0].startswith("Page: ")
    assert "/faq/" in parse_qs(parts.query)["body"][0]
    context.close()
