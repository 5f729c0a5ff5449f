"""Material's scripts load on the reader's first action, search when it is opened.

overrides/partials/on-demand.html holds back Material's bundle until the reader first touches,
clicks, types, scrolls or moves the mouse, and the search index and worker until search is opened,
so a first visit stays small. These tests load real pages in Chromium and watch the network.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import PHONE, wait_for_material

DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def visit(browser, site_url):
    """Open a page in a fresh context; yields (page, requested paths, script errors)."""
    contexts = []

    def open_page(path, viewport=PHONE):
        context = browser.new_context(viewport=viewport, reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda request: requests.append(urlparse(request.url).path))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        return page, requests, errors

    yield open_page
    for context in contexts:
        context.close()


def _bundle(requests):
    return [path for path in requests if "/assets/javascripts/bundle." in path]


def _search(requests):
    """Search's requests: the head of its index (Material asks for search_index.json; on-demand.html
    sends that request to search/head.json), the worker, and the index files it fetches."""
    return [path for path in requests if path.startswith("/search/") or "/workers/search." in path]


def test_a_page_that_is_only_read_loads_no_material_script(visit):
    page, requests, errors = visit("/roles/recovery-coach/")
    page.wait_for_timeout(500)
    assert _bundle(requests) == [] and _search(requests) == []
    assert page.workers == []
    # The page is whole without it: text, crisis help, the menu drawer (a CSS toggle).
    assert page.locator("aside.crisis").is_visible()
    assert page.locator("article h1").inner_text() == "Recovery Coach"
    page.locator("label.md-header__button[for='__drawer']").click()
    page.get_by_role("navigation", name="Navigation").first.wait_for(state="visible")
    assert errors == []


def test_the_first_action_loads_the_bundle_but_not_search(visit):
    page, requests, errors = visit("/roles/recovery-coach/")
    page.mouse.wheel(0, 400)
    wait_for_material(page)
    page.wait_for_load_state("networkidle")
    assert len(_bundle(requests)) == 1
    assert _search(requests) == []
    # Material is running: its back-to-top button appears when scrolling back up.
    page.mouse.wheel(0, 1200)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -300)
    page.locator(".md-top").wait_for(state="visible", timeout=5_000)
    assert errors == []


def test_opening_search_on_a_phone_loads_it_and_finds_pages(visit):
    page, requests, errors = visit("/roles/recovery-coach/")
    page.mouse.move(10, 10)
    wait_for_material(page)
    page.locator("label.md-header__button[for='__search']").click()
    page.locator(".md-search__input").fill("certification")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 0", timeout=15_000)
    searched = _search(requests)
    assert [p for p in searched if p.endswith(".json") and p.count("/") == 2] == ["/search/head.json"]
    assert any("/workers/search." in path for path in searched)
    assert errors == []


def test_the_search_shortcut_works_as_the_very_first_key(visit):
    page, requests, errors = visit("/faq/", DESKTOP)
    page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')", timeout=10_000)
    page.keyboard.type("supervision")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 0", timeout=15_000)
    assert len(_bundle(requests)) == 1 and _search(requests)
    assert errors == []


def test_the_colour_toggle_appears_with_the_first_action_and_works(visit):
    page, requests, errors = visit("/", DESKTOP)
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.mouse.move(200, 200)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') !== {before!r}", timeout=10_000)
    assert errors == []


def test_a_link_from_search_results_still_highlights_the_words(visit):
    page, requests, errors = visit("/roles/recovery-coach/?h=coach", DESKTOP)
    page.wait_for_function("() => document.querySelectorAll('article mark').length > 0", timeout=15_000)
    assert len(_bundle(requests)) == 1
    assert "/search/head.json" in requests  # Material's highlighter reads the index's separator
    assert errors == []


# When the page's own script was asked for, and when the page's first largest-paint entry was shown
# (the loader starts on that one; the script's own drawing may add a later, larger entry).
SCRIPT_AFTER_PAINT = """(name) => {
  const script = performance.getEntriesByType("resource").find(entry => entry.name.endsWith(name));
  return new Promise(resolve => new PerformanceObserver((list) => {
    const paints = list.getEntries();
    resolve({script: script ? script.startTime : null, paint: paints[0].startTime});
  }).observe({type: "largest-contentful-paint", buffered: true}));
}"""


@pytest.mark.parametrize("path, name", [("/compare/", "compare.js"), ("/jobs/recovery-coach/", "job-generator.js")])
def test_a_pages_own_script_starts_once_the_page_is_on_the_screen(visit, path, name):
    page, requests, errors = visit(path)
    assert [p for p in requests if p.endswith("/" + name)] == [path.split("/")[0] + "/assets/javascripts/" + name]
    times = page.evaluate(SCRIPT_AFTER_PAINT, name)
    # Asked for after the largest paint was on the screen (a few milliseconds, not seconds: the
    # 3 s fallback did not have to run), and it ran: the picker or the form works.
    assert times["paint"] <= times["script"] < times["paint"] + 1000, times
    assert page.locator("#jd-generator[data-ready=yes], .compare-picker:not([hidden])").count() == 1
    assert errors == []


def test_a_pages_own_script_starts_at_the_first_action_when_no_paint_is_reported(browser, site_url):
    """A page loaded in a background tab reports no largest paint: the reader's first action
    (here, a key) starts the script at once; 3 s after load it would start anyway."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(urlparse(request.url).path))
        page.add_init_script("""{
          const observe = PerformanceObserver.prototype.observe;
          PerformanceObserver.prototype.observe = function (options) {
            if (options && options.type === "largest-contentful-paint") return;  // never reported
            return observe.apply(this, arguments);
          };
        }""")
        page.goto(site_url + "/jobs/recovery-coach/", wait_until="load")
        page.wait_for_timeout(500)
        assert not [p for p in requests if p.endswith("/job-generator.js")]
        page.keyboard.press("Shift")
        page.wait_for_selector("#jd-generator[data-ready=yes]", state="attached", timeout=2_000)
    finally:
        context.close()
