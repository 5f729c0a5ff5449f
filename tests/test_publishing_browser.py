"""Publishing, in Debian's Chromium: printing, and the 404 page as GitHub Pages serves it.

Printing: pages print to PDF as clean documents. No header, navigation, search or footer;
crisis help kept at the top; web addresses of sources written out; the suggested citation at
the end. Checked twice: in the PDF's own text (pypdf), and by emulating print media and asking
Chromium what is displayed.
"""

from __future__ import annotations

import io
import re
from urllib.parse import urlparse

import pytest

from site_server import serve

pytest.importorskip("playwright.sync_api")
pypdf = pytest.importorskip("pypdf")

# Chrome the page must not print: Material's header, tabs, both sidebars, search, footer, back-to-top.
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
          ".md-footer", ".md-top"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages_url(built_site):
    """The built site on a local port, answering unknown addresses with 404.html like GitHub Pages.
    (`browser` is the shared Chromium from conftest.py.)"""
    with serve(built_site, not_found_page="404.html") as root:
        yield root.rstrip("/")


def printable_pages(html_pages) -> list[str]:
    """A role page, and the FAQ, a state page and a job-description page where they exist."""
    wanted = ["roles/psychologist/index.html", "faq/index.html"]
    for prefix in ("states/", "job-descriptions/", "jobs/"):
        found = sorted(p for p in html_pages if p.startswith(prefix) and p != f"{prefix}index.html")
        wanted += found[:1]
    return [p for p in wanted if p in html_pages]


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pages_print_cleanly_to_pdf(browser, pages_url, html_pages):
    paths = printable_pages(html_pages)
    assert "roles/psychologist/index.html" in paths and len(paths) >= 3
    context = browser.new_context()
    page = context.new_page()
    for path in paths:
        soup = html_pages[path]
        page.goto(f"{pages_url}/{path.removesuffix('index.html')}")
        page.wait_for_load_state("networkidle")
        pdf = page.pdf(format="Letter", print_background=True)
        text = pdf_text(pdf)
        flat = squash(text)
        assert pypdf.PdfReader(io.BytesIO(pdf)).pages, path

        # Crisis help is kept, and comes first.
        crisis = text.find("In crisis?")
        assert crisis != -1, path
        assert crisis < text.find(soup.select_one("article h1").get_text(strip=True)), path
        for words in ("Call 988", "Text 988", "988lifeline.org", "press 1 for the Veterans Crisis Line"):
            assert squash(words) in flat, (path, words)

        # No navigation, search or header chrome: none of their words reach the paper
        # (unless the article itself uses them).
        article = soup.select_one("article").get_text(" ")
        for label in ("Skip to content", "Table of contents", "Search", "Related roles", "Credentials",
                      "Guides", "Back to top", "Peer support roles"):
            if label not in article:
                assert squash(label) not in flat, (path, label)

        # Every source's web address is written out in full.
        for item in soup.select("ol.sources > li"):
            url = item.select_one(".source__url")
            if url:
                assert squash(url.get_text()) in flat, (path, url.get_text())

        # The suggested citation closes the page, with its address.
        citation = soup.select_one("footer.citation .citation__text").get_text()
        assert squash(citation) in flat, path
        assert flat.rstrip(".").endswith(squash(citation).rstrip(".")), path
    context.close()


def test_print_media_hides_the_chrome_and_keeps_the_content(browser, pages_url, html_pages):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in printable_pages(html_pages):
        page.goto(f"{pages_url}/{path.removesuffix('index.html')}")
        page.emulate_media(media="print")
        for selector in CHROME:
            locator = page.locator(selector)
            for i in range(locator.count()):
                assert not locator.nth(i).is_visible(), (path, selector)
        for selector in ("aside.crisis", "article h1", "footer.citation"):
            assert page.locator(selector).first.is_visible(), (path, selector)
        urls = page.locator(".source__url")
        for i in range(urls.count()):
            assert urls.nth(i).is_visible(), path
        # The text uses the page's width: nothing sticks out past it.
        overflow = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
        assert overflow == [], (path, overflow)
        page.emulate_media(media="screen")
        assert page.locator(".md-header").is_visible()
        if urls.count():
            assert not urls.first.is_visible()  # written out on paper only
    context.close()


def test_print_is_dark_on_white_in_the_dark_palette_too(browser, pages_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(f"{pages_url}/roles/psychologist/")
    page.wait_for_load_state("networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    for selector in ("aside.crisis", ".crisis__heading", "article h1", "article p", "footer.citation"):
        color = page.locator(selector).first.evaluate("e => getComputedStyle(e).color")
        red, green, blue = (int(v) for v in re.findall(r"\d+", color)[:3])
        assert max(red, green, blue) < 128, (selector, color)  # dark ink; paper is white
    context.close()


# ---------------------------------------------------------------------------
# The 404 page, served at an unknown address as GitHub Pages does
# ---------------------------------------------------------------------------


def test_404_page_works_at_any_address_and_its_search_box_opens_search(browser, pages_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed, requests = [], []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(f"{pages_url}/roles/no-such-role/deeper/")
    page.wait_for_load_state("networkidle")
    assert response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    assert page.locator("aside.crisis").is_visible()
    # Styles and scripts load from the site root even three folders down.
    assert failed == [f"{pages_url}/roles/no-such-role/deeper/"], failed
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    origin = urlparse(pages_url).netloc
    assert all(urlparse(url).netloc == origin for url in requests if url.startswith("http"))
    # Main sections lead somewhere real.
    page.get_by_role("link", name="Roles", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{pages_url}/roles/" and page.locator("article h1").inner_text() == "All roles"
    # The search box opens the site's own search with the words typed.
    page.goto(f"{pages_url}/no-such-page/")
    page.mouse.move(5, 5)  # the reader's first action loads Material's script, search among it
    field = page.get_by_label("Search this guide")
    field.fill("certification")
    field.press("Enter")
    page.wait_for_load_state("networkidle")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert page.locator("#__search").is_checked()
    assert page.locator(".md-search__input").input_value() == "certification"
    assert page.locator(".md-search-result__item").count() > 0
    context.close()
