"""The credential finder in Debian's Chromium: keyboard only, shared addresses, same answers as Python.

The script (docs/assets/javascripts/finder.js) applies the rules published in finder/rules.json;
these tests check it reaches the same result as careers.pages.finder.evaluate on the same rules.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from careers.data.dataset import read_dataset
from careers.pages.finder import evaluate, parse_query, rules
from conftest import PHONE, ROOT

pytestmark = pytest.mark.browser

SHARED = [
    "focus=mental-health&focus=substance-use&state=ny&training=30&work=100",
    "focus=substance-use&state=pa&training=46&work=500",
    "focus=family&focus=youth&state=other&training=88&work=999",
    "focus=youth&state=fl",
    "focus=mental-health&state=wa&training=80&work=1000",
    "focus=substance-use&state=nj&training=45",
    "focus=mental-health&state=az",
    "focus=mental-health&training=12",
    "focus=mental-health&state=ny",  # routes: the provisional certificate needs no work hours
    "focus=substance-use&state=in&training=46",
    "focus=mental-health&state=tx&work=0",
    "focus=substance-use&state=ak",  # no credential our sources describe
    "focus=family&state=ms",
]


@pytest.fixture(scope="module")
def known():
    return rules(read_dataset(ROOT / "data"))


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    origin = urlparse(site_url).netloc
    foreign = [url for url in page.requests if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != origin]
    assert foreign == [], "the finder must not send anything to another site"
    assert page.errors == []
    context.close()


def open_finder(page, site_url, query=""):
    page.goto(f"{site_url}/finder/" + (f"?{query}" if query else ""))
    # The form is drawn with the page; the script marks the no-script note hidden when it starts.
    page.wait_for_selector("#finder-nojs[hidden]", state="attached")


def shown(page) -> list[tuple]:
    return page.eval_on_selector_all("#finder-output li.finder-result", """items => items.map(li => [
        li.dataset.id, li.dataset.trainingStatus, li.dataset.trainingMissing, li.dataset.workStatus, li.dataset.workMissing])""")


def expected(known, query) -> list[tuple]:
    result = evaluate(known, parse_query(query, known))
    as_text = lambda value: "" if value is None else str(value)  # noqa: E731
    return [[m["id"], m["training"]["status"], as_text(m["training"]["missing"]),
             m["work"]["status"], as_text(m["work"]["missing"])] for m in result["matches"]]


def tab_to(page, selector: str, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_answering_by_keyboard_only(page, site_url, known):
    open_finder(page, site_url)
    tab_to(page, "#finder-focus-mental-health")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "finder-focus-substance-use"
    page.keyboard.press("Space")
    tab_to(page, "#finder-state", limit=5)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "focus must be visible"
    page.keyboard.type("New Y")
    assert page.eval_on_selector("#finder-state", "s => s.value") == "ny"
    page.keyboard.press("Tab")
    page.keyboard.type("30")
    page.keyboard.press("Tab")
    page.keyboard.type("100")
    page.keyboard.press("Enter")
    page.wait_for_selector("#finder-results:not([hidden])")

    query = SHARED[0]
    assert urlparse(page.url).query == query
    assert page.evaluate("document.activeElement.id") == "finder-results-heading"
    assert shown(page) == expected(known, query)
    in_state = sum(m[0].startswith("state-") for m in expected(known, query))
    assert page.text_content("#finder-status") == (f"{len(expected(known, query))} credentials fit your answers: "
                                                   f"{in_state} in New York and {len(expected(known, query)) - in_state} national.")
    gap = page.text_content(".finder__gap")
    assert "separate credential for substance use: the CRPA (its full name is not in our sources)" in gap
    # the result says what is missing, in words
    icrc = page.locator("li.finder-result[data-id='national-icrc-peer-recovery']")
    assert "16 more hours needed (46 in all; you have 30)" in icrc.text_content()
    assert page.get_attribute("#finder-link", "href") == page.url
    assert any(url.endswith("/finder/rules.json") for url in page.requests)


@pytest.mark.parametrize("query", SHARED)
def test_reopening_a_shared_address_shows_the_same_result_as_the_python_rules(page, site_url, known, query):
    open_finder(page, site_url, query)
    page.wait_for_selector("#finder-results:not([hidden])")
    assert shown(page) == expected(known, query)
    answers = parse_query(query, known)
    checked = page.eval_on_selector_all("input[name=focus]:checked", "boxes => boxes.map(b => b.value)")
    assert tuple(checked) == answers.focus
    assert page.eval_on_selector("#finder-state", "s => s.value") == (answers.state or "").lower()
    assert page.input_value("#finder-training") == ("" if answers.training is None else str(answers.training))
    assert page.input_value("#finder-work") == ("" if answers.work is None else str(answers.work))
    result = evaluate(known, answers)
    assert page.locator(".finder__gap").count() == len(result["gaps"])
    if answers.state == "other":
        assert "Outside the 50 states and DC" in page.text_content("#finder-output")


def test_junk_in_the_address_is_ignored(page, site_url, known):
    open_finder(page, site_url, "focus=astronaut&state=zz&training=-1&work=<script>alert(1)</script>")
    assert page.is_hidden("#finder-results")
    assert page.eval_on_selector_all("input[name=focus]:checked", "boxes => boxes.length") == 0
    assert page.input_value("#finder-training") == "" and page.input_value("#finder-work") == ""


def test_bad_hours_get_a_message_beside_the_field(page, site_url):
    open_finder(page, site_url)
    page.check("#finder-focus-family")
    page.fill("#finder-training", "-5")
    page.click(".finder__submit")
    error = page.locator("#finder-training-error")
    assert error.is_visible() and "whole number of hours" in error.text_content()
    assert page.get_attribute("#finder-training", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "finder-training"
    assert urlparse(page.url).query == ""
    page.fill("#finder-training", "88")
    page.click(".finder__submit")
    page.wait_for_selector("#finder-results:not([hidden])")
    assert error.is_hidden() and page.get_attribute("#finder-training", "aria-invalid") is None


def test_no_focus_chosen_asks_for_one(page, site_url):
    open_finder(page, site_url)
    page.click(".finder__submit")
    assert page.text_content("#finder-focus-error") == "Choose at least one."
    assert page.evaluate("document.activeElement.id") == "finder-focus-mental-health"
    page.check("#finder-focus-youth")  # fixed: the message goes at once
    assert page.is_hidden("#finder-focus-error")


def test_the_finder_does_not_move_when_its_script_starts(browser, site_url):
    """No layout shift: the form is drawn with the page, not swapped in for a note later."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(f"{site_url}/finder/?focus=youth")
    page.wait_for_selector("#finder-results:not([hidden])")  # the script has run
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.01
    context.close()


def test_the_rules_are_fetched_only_once_the_reader_uses_the_form(page, site_url):
    """finder/rules.json (about 30 KB compressed) waits for a touch of the form or answers in the address."""
    open_finder(page, site_url)
    page.mouse.move(5, 5)
    page.wait_for_timeout(500)
    assert not any(url.endswith("/finder/rules.json") for url in page.requests)
    page.focus("#finder-state")  # the first touch of the form
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/finder/rules.json'))")
    page.select_option("#finder-state", "ny")
    page.check("#finder-focus-youth")
    page.click(".finder__submit")
    page.wait_for_selector("#finder-results:not([hidden])")
    assert sum(url.endswith("/finder/rules.json") for url in page.requests) == 1


def test_when_the_rules_cannot_load_the_note_links_to_the_tables(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.route("**/finder/rules.json", lambda route: route.fulfill(status=503, body="down"))
    page.goto(f"{site_url}/finder/?focus=youth&state=fl")
    page.wait_for_selector("#finder-nojs[data-failed]", state="visible")
    note = page.locator("#finder-nojs")
    assert note.text_content().startswith("The finder could not load its rules. The finder's rules as tables")
    assert page.is_hidden("#finder-form") and page.is_hidden("#finder-results")
    note.locator("a").click()
    page.wait_for_url(f"{site_url}/finder/rules/")
    assert page.is_visible("table#finder-national") and page.is_visible("ul.finder-shelves")
    context.close()


def test_without_javascript_the_tables_carry_the_rules(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/finder/?focus=youth&state=fl")
    assert page.is_hidden("#finder-form") and page.is_hidden("#finder-results")
    assert page.is_visible("#finder-nojs")
    page.click("#finder-nojs a")
    page.wait_for_url(f"{site_url}/finder/rules/")
    assert page.is_visible("table#finder-national") and page.is_visible("ul.finder-shelves")
    context.close()


@pytest.mark.parametrize("path", ["/finder/?" + SHARED[0], "/paths/peer-specialist/", "/ladder/", "/paths/"])
def test_phone_width_has_no_sideways_page_scroll(browser, site_url, path):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_paths_and_ladder_print_on_paper(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    for path, selector in (("/paths/peer-specialist/", "ol.plan-path > li"), ("/ladder/", "ol.ladder-levels > li")):
        page.goto(site_url + path)
        page.emulate_media(media="print")
        steps = page.locator(selector)
        assert steps.count() >= 5 and all(steps.nth(i).is_visible() for i in range(steps.count()))
        pdf = page.pdf(format="Letter")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    assert page.is_visible("svg.ladder-svg")
    page.goto(site_url + "/finder/?" + SHARED[1])
    page.emulate_media(media="print")
    assert page.is_hidden("#finder-form")
    page.goto(site_url + "/finder/rules/")
    assert page.is_visible("table#finder-national")
    page.goto(site_url + "/finder/rules/n/")
    assert page.is_visible("table#finder-states")
    context.close()


def test_a_route_the_reader_fits_is_shown_with_its_own_hours(page, site_url, known):
    """New York with no work hours: the provisional certificate needs none, and the count names the state."""
    open_finder(page, site_url, "focus=mental-health&state=ny")
    status = page.inner_text("#finder-status") if page.query_selector("#finder-status") else page.inner_text("[role=status]")
    assert "in New York" in status and "national" in status
    card = page.locator("#finder-output li.finder-result").first
    routes = card.locator("li.finder-route")
    assert routes.count() == 2
    provisional = routes.nth(0).inner_text()
    assert "Provisional certificate" in provisional and "closest to your hours" in provisional
    assert "none needed on this route" in provisional
    assert "2,000 more hours needed" in routes.nth(1).inner_text()


def test_a_separate_credential_is_spelled_out_or_says_so_and_links_the_state(page, site_url):
    open_finder(page, site_url, "focus=substance-use&state=ny")
    gap = page.locator("#finder-output .finder__gap").first
    assert "CRPA" in gap.inner_text() and "full name is not in our sources" in gap.inner_text()
    assert gap.locator("a").first.get_attribute("href").rstrip("/").endswith("states/ny")
