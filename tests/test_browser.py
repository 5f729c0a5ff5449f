"""In Debian's Chromium at phone size: crisis help in the first screen, no request leaves the site."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/roles/recovery-coach/", "/roles/psychologist/", "/no-such-page/"])
def test_crisis_help_is_in_the_first_phone_screen_and_nothing_leaves_the_site(browser, site_url, built_site, path):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    if path == "/no-such-page/":
        # GitHub Pages answers unknown addresses with 404.html; load it the same way.
        page.goto(f"{site_url}/404.html")
    else:
        page.goto(site_url + path)
    page.wait_for_load_state("networkidle")

    crisis = page.locator("aside.crisis")
    assert crisis.is_visible()
    box = crisis.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    # The box's links, and the header's: every other line is one tap away (#crisis-lines, at the
    # foot of the page; tests/test_crisis_help.py).
    for link in (*(crisis.get_by_role("link", name=name, exact=True)
                   for name in ("Call 988", "Text 988", "Danger to life: 911", "UK and more lines")),
                 page.locator("header").get_by_role("link", name="Crisis help", exact=True)):
        assert link.is_visible()
        link_box = link.bounding_box()
        assert link_box["y"] >= 0 and link_box["y"] + link_box["height"] <= PHONE["height"]
    assert page.locator("#crisis-lines").get_by_role("link", name="Chat at 988lifeline.org").count() == 1

    origin = urlparse(site_url).netloc
    foreign = [url for url in requests if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != origin]
    assert foreign == []
    assert requests, "the page made no request at all: the test would prove nothing"
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}])
def test_a_citation_lands_on_its_source_though_far_entries_are_drawn_late(browser, site_url, html_pages, viewport):
    """A sources page draws only the entries near the screen (content-visibility, sources.css): a link to
    an entry far down still puts it at the top, under the header, and its text is there to find."""
    shelf = max((path for path in html_pages if path.startswith("sources/") and path != "sources/index.html"),
                key=lambda path: len(html_pages[path].select("section.source-entry")))
    entries = [section["id"] for section in html_pages[shelf].select("section.source-entry")]
    assert len(entries) > 40
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for entry in (entries[len(entries) // 2], entries[-1]):
        page.goto(f"{site_url}/{shelf.removesuffix('index.html')}#{entry}")
        page.wait_for_timeout(300)  # a frame or two: the entries above it are drawn as they come near
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", entry)
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        assert header - 1 <= top <= header + 60, (entry, top, header)
        assert page.locator(f"#{entry} h2").is_visible()
    context.close()
