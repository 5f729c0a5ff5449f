"""The FAQ page (/faq/) in Debian's Chromium: answers folded, opened by the address, by links, by
search and by the reader; printed open; short on a phone.

Every answer is a native <details> whose <summary> holds the question's heading
(hooks/careers/templates/faq/faq.md.j2); docs/assets/javascripts/faq.js opens the answer an
address or a link points to, and the answers a search result found; faq.css prints them open.
The built HTML and the search index: tests/test_faq.py.
"""

from __future__ import annotations

import html
import io
import json
import re
from urllib.parse import urlparse

import pytest

from careers.data.dataset import read_dataset
from careers.data.text import LINK
from conftest import PHONE, ROOT
from quality_helpers import AXE_JS, require_tool

pytestmark = pytest.mark.browser

FAQ = read_dataset(ROOT / "data").faq.model
QUESTIONS = [question for topic in FAQ.topics for question in topic.questions]
DESKTOP = {"width": 1280, "height": 800}
# With every answer open the FAQ was 41 phone screens long (360 x 640); folded it is under 8.
MOST_PHONE_SCREENS = 10

OPEN_ANSWERS = "() => [...document.querySelectorAll('details.faq-question')].filter(d => d.open).map(d => d.querySelector('h3').id)"
# Where a question's row is, and whether its answer's first paragraph is on the screen below the sticky header.
PLACE = """(id) => {
  const summary = document.getElementById(id).closest('summary');
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const box = summary.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, header: header, height: innerHeight};
}"""


def shown(answer_item) -> str:
    """An answer paragraph as a reader sees it: `[words](page)` links are their words."""
    return LINK.sub(lambda match: match.group(1), str(answer_item))


@pytest.fixture
def new_page(browser, site_url):
    """A page in a fresh context; at the end, no script error and no request to another site."""
    opened = []

    def make(viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, **options)
        page = context.new_page()
        page.requests, page.errors = [], []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        opened.append((context, page))
        return page

    yield make
    origin = urlparse(site_url).netloc
    for context, page in opened:
        foreign = [url for url in page.requests if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != origin]
        assert foreign == [] and page.errors == [], (foreign, page.errors)
        context.close()


def open_faq(page, site_url, address="/faq/"):
    page.goto(site_url + address)
    # faq.js starts once the page is painted (overrides/partials/on-demand.html); it marks <body>.
    page.wait_for_selector("body[data-faq-ready]", state="attached", timeout=10_000)


def assert_on_screen(page, question_id):
    place = page.evaluate(PLACE, question_id)
    assert place["top"] >= place["header"] - 1 and place["bottom"] <= place["height"], (question_id, place)
    first = page.locator(f"details:has(> summary > #{question_id}) > p").first
    assert first.is_visible(), question_id


def test_answers_start_closed_and_the_page_is_short_on_a_phone(new_page, site_url):
    page = new_page()
    open_faq(page, site_url)
    assert page.evaluate(OPEN_ANSWERS) == []
    assert page.locator("details.faq-question").count() == len(QUESTIONS)
    for question in QUESTIONS:
        assert page.locator(f"summary > h3#{question.id}").is_visible()
        assert not page.locator(f"details:has(> summary > #{question.id}) > p").first.is_visible()
    folded = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
    assert folded <= MOST_PHONE_SCREENS, f"{folded:.1f} phone screens"
    # "Show all answers" opens every one (the page is long again), and closes them.
    button = page.get_by_role("button", name="Show all answers")
    button.click()
    assert len(page.evaluate(OPEN_ANSWERS)) == len(QUESTIONS)
    unfolded = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
    assert unfolded > 3 * folded, (folded, unfolded)
    page.get_by_role("button", name="Hide all answers").click()
    assert page.evaluate(OPEN_ANSWERS) == []
    assert page.get_by_role("button", name="Show all answers").is_visible()


@pytest.mark.parametrize("viewport, material", [(PHONE, False), (DESKTOP, True)],
                         ids=["phone, faq.js alone", "desktop, with Material's script"])
def test_an_address_with_a_question_opens_that_answer_and_shows_it(new_page, site_url, viewport, material):
    """Material's script also opens the details an address points into, once it runs (the scroll to
    the question is a first action that starts it): on the phone it is kept out, so faq.js alone
    must do it, as it does where Material's 35 KB have not arrived."""
    page = new_page(viewport)
    if not material:
        page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    ids = [q.id for q in QUESTIONS] if not material else [QUESTIONS[0].id, QUESTIONS[len(QUESTIONS) // 2].id, QUESTIONS[-1].id]
    for question_id in ids:
        page.goto("about:blank")
        open_faq(page, site_url, f"/faq/#{question_id}")
        page.wait_for_function("id => document.getElementById(id).closest('details').open", arg=question_id, timeout=10_000)
        assert page.evaluate(OPEN_ANSWERS) == [question_id]
        assert_on_screen(page, question_id)


def test_links_on_the_page_and_a_changed_address_open_answers(new_page, site_url):
    page = new_page(DESKTOP)
    open_faq(page, site_url)
    middle = QUESTIONS[len(QUESTIONS) // 2].id
    contents_link = page.locator(f".md-sidebar--secondary a[href='#{middle}']")
    contents_link.click()
    page.wait_for_function("id => document.getElementById(id).closest('details').open", arg=middle)
    assert_on_screen(page, middle)
    # Closed again by the reader, the same link (the address does not change) opens it again.
    page.locator(f"summary:has(#{middle})").click()
    assert page.evaluate(OPEN_ANSWERS) == []
    page.evaluate("window.scrollTo(0, 0)")
    contents_link.click()
    page.wait_for_function("id => document.getElementById(id).closest('details').open", arg=middle)
    assert_on_screen(page, middle)
    # A new #part in the address (typed, or from history) opens that answer too.
    last = QUESTIONS[-1].id
    page.evaluate("id => { location.hash = '#' + id; }", last)
    page.wait_for_function("id => document.getElementById(id).closest('details').open", arg=last)
    assert_on_screen(page, last)
    page.go_back()
    page.wait_for_function("() => location.hash === '#' + %r" % middle)
    assert_on_screen(page, middle)


def test_without_javascript_the_reader_lands_on_the_closed_question_and_opens_it(new_page, site_url):
    page = new_page(java_script_enabled=False)
    question_id = QUESTIONS[-3].id
    page.goto(f"{site_url}/faq/#{question_id}")
    assert page.evaluate("document.querySelectorAll('details[open]').length") == 0
    place = page.evaluate(PLACE, question_id)
    assert place["top"] >= place["header"] - 1 and place["bottom"] <= place["height"], place
    assert not page.get_by_role("button", name="Show all answers").is_visible()  # it needs the script
    page.locator(f"summary:has(#{question_id})").click()
    assert page.evaluate("id => document.getElementById(id).closest('details').open", question_id)
    assert_on_screen(page, question_id)


def test_a_question_opens_and_closes_from_the_keyboard_with_its_focus_shown(new_page, site_url):
    page = new_page()
    open_faq(page, site_url)
    page.get_by_role("button", name="Show all answers").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, id: e.querySelector('h3') && e.querySelector('h3').id,
                outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")
    assert focused == {"tag": "SUMMARY", "id": QUESTIONS[0].id, "outline": "solid", "width": 3}
    page.keyboard.press("Enter")
    assert page.evaluate(OPEN_ANSWERS) == [QUESTIONS[0].id]
    page.keyboard.press("Space")
    assert page.evaluate(OPEN_ANSWERS) == []


def _index_words(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [(entry["location"], set(re.findall(r"[a-z]+", html.unescape(re.sub(r"<[^>]+>", " ", entry["title"] + " " + entry["text"])).lower())))
            for entry in index["docs"]]


@pytest.fixture(scope="module")
def searched_word(built_site):
    """A word of one answer that no other entry of the site's search index has (nor a longer word
    starting with it), with the topic it is filed under and its question."""
    entries = _index_words(built_site)
    for topic in FAQ.topics:
        for question in topic.questions:
            answer = " ".join(shown(item) for item in question.answer).lower()
            others = " ".join(" ".join(shown(item) for item in q.answer) + " " + q.question
                              for q in QUESTIONS if q is not question).lower()
            for word in sorted(set(re.findall(r"[a-z]{7,}", answer))):
                elsewhere = [location for location, found in entries if any(w.startswith(word) for w in found)]
                if elsewhere == [f"faq/#{topic.id}"] and not re.search(rf"\b{word}", others):
                    return word, topic.id, question.id
    pytest.fail("no word of an answer is found nowhere else on the site")


def test_a_search_result_opens_the_answer_that_has_the_words(new_page, site_url, searched_word):
    word, topic_id, question_id = searched_word
    page = new_page(DESKTOP)
    open_faq(page, site_url)
    page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement.classList.contains('md-search__input')", timeout=10_000)
    page.keyboard.type(word)
    result = page.locator(f".md-search-result__link[href*='#{topic_id}']")
    result.wait_for(timeout=15_000)
    assert f"?h={word}" in result.get_attribute("href")
    result.click()
    page.wait_for_function("id => document.getElementById(id).closest('details').open", arg=question_id, timeout=10_000)
    assert page.evaluate(OPEN_ANSWERS) == [question_id]
    assert_on_screen(page, question_id)
    page.wait_for_function("() => document.querySelector('details[open] mark[data-md-highlight]')", timeout=10_000)


def test_printing_prints_every_answer(new_page, site_url):
    """faq.css does it (Material's script opens every details before printing too, once it runs:
    here it is kept out)."""
    page = new_page(DESKTOP)
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    open_faq(page, site_url)
    page.emulate_media(media="print")
    for question in QUESTIONS:
        assert page.locator(f"details:has(> summary > #{question.id}) > p").first.is_visible(), question.id
    assert not page.locator("[data-faq-all]").is_visible()
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter")))
    printed = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in reader.pages))
    for question in (QUESTIONS[0], QUESTIONS[-1]):
        assert re.sub(r"\s+", "", shown(question.answer[0]))[:80] in printed, question.id
    assert page.evaluate(OPEN_ANSWERS) == []  # and nothing changed on the screen


AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
  return result.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '));
}"""


@pytest.mark.parametrize("scheme, viewport", [("light", DESKTOP), ("dark", PHONE)], ids=["light-desktop", "dark-phone"])
def test_axe_finds_nothing_with_answers_open_and_closed(new_page, site_url, scheme, viewport):
    """The quality gate checks every page as it loads (answers closed); here also with them open."""
    page = new_page(viewport, color_scheme=scheme, reduced_motion="reduce")
    page.context.add_init_script(script=require_tool(AXE_JS).read_text(encoding="utf-8"))
    open_faq(page, site_url, f"/faq/#{QUESTIONS[1].id}")
    page.wait_for_function("() => document.querySelector('details[open]')")
    assert page.evaluate(AXE_RUN) == []
    page.get_by_role("button", name="Show all answers").click()
    assert page.evaluate(AXE_RUN) == []
