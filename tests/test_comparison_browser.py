"""Compare roles in Debian's Chromium: sorting by mouse and keyboard with aria-sort kept right,
picking roles and reopening the shared address, the phone layout at 360 × 640 with no
horizontal page scroll (each role a card there: tests/test_tables_browser.py), and the page
without JavaScript. Orders are checked against the table
model (careers.pages.comparison), so the page and the model cannot disagree."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from careers.pages.comparison import COLUMNS, table_of
from careers.data.dataset import read_dataset

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
MAIN = "table[data-compare-table]"


@pytest.fixture(scope="module")
def table():
    return table_of(read_dataset(ROOT / "data"))


READY = """() => { const table = document.querySelector('table[data-compare-table]');
    return !table || table.hasAttribute('data-compare-ready'); }"""


@pytest.fixture
def open_page(browser, site_url):  # browser and site_url: tests/conftest.py
    contexts = []

    def open_(path: str, viewport=DESKTOP, javascript: bool = True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript,
                                      is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.errors = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        if javascript:  # compare.js starts after the largest paint: on a busy machine, after networkidle
            page.wait_for_function(READY, timeout=10_000)
        return page

    yield open_
    for context in contexts:
        context.close()


def row_order(page) -> list[str]:
    return page.eval_on_selector_all(f"{MAIN} tbody tr", "rows => rows.map(row => row.dataset.role)")


def aria_sort(page) -> dict[str, str]:
    return page.eval_on_selector_all(f"{MAIN} thead th[aria-sort]",
                                     "ths => Object.fromEntries(ths.map(th => [th.dataset.column, th.getAttribute('aria-sort')]))")


def sort_button(page, column: str):
    return page.locator(f"{MAIN} thead th[data-column='{column}'] button")


# ---------------------------------------------------------------------------
# Sorting
# ---------------------------------------------------------------------------


def test_sorting_by_mouse_follows_the_model_and_keeps_aria_sort_right(open_page, table, site_url):
    page = open_page("/compare/")
    assert row_order(page) == table.slugs and aria_sort(page) == {}
    buttons = page.locator(f"{MAIN} thead th button")
    assert buttons.count() == sum(column.sortable for column in COLUMNS)

    sort_button(page, "pay").click()
    assert aria_sort(page) == {"pay": "ascending"}
    assert row_order(page) == table.sorted("pay").slugs
    sort_button(page, "pay").click()
    assert aria_sort(page) == {"pay": "descending"}
    assert row_order(page) == table.sorted("pay", descending=True).slugs
    assert page.get_by_role("status").filter(has_text="Table sorted by").text_content() == "Table sorted by Pay, descending."
    sort_button(page, "education").click()
    assert aria_sort(page) == {"education": "ascending"}  # only one column says it is sorted
    assert row_order(page) == table.sorted("education").slugs

    assert page.errors == []
    origin = urlparse(site_url).netloc
    assert [url for url in page.requests if urlparse(url).netloc != origin] == []


def test_sorting_by_keyboard_with_visible_focus(open_page, table):
    page = open_page("/compare/")
    sort_button(page, "role").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('th').dataset.column") == "lived-experience"
    outline = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()")
    assert outline[0] != "none" and outline[1] != "0px"

    for column in [c.key for c in COLUMNS if c.sortable]:
        sort_button(page, column).focus()
        page.keyboard.press("Enter")
        assert aria_sort(page) == {column: "ascending"}
        assert row_order(page) == table.sorted(column).slugs, column
        page.keyboard.press("Space")
        assert aria_sort(page) == {column: "descending"}
        assert row_order(page) == table.sorted(column, descending=True).slugs, column
    assert page.errors == []


# ---------------------------------------------------------------------------
# Picking roles side by side
# ---------------------------------------------------------------------------


def side_by_side(page) -> dict:
    return page.evaluate("""(() => {
        const side = document.querySelector('[data-compare-side]');
        const table = side.querySelector('table');
        return {
            hidden: side.hidden,
            roles: table ? [...table.tHead.rows[0].cells].slice(1).map(th => th.querySelector('a').getAttribute('href')) : [],
            rows: table ? [...table.tBodies[0].rows].map(tr => tr.cells[0].textContent.trim()) : [],
            link: side.querySelector('[data-compare-link]').getAttribute('href'),
        };
    })()""")


def query(page) -> str:
    """The address's query as the page sees it (page.url can lag behind history.replaceState)."""
    return page.evaluate("location.search").removeprefix("?")


def checked(page) -> list[str]:
    return page.eval_on_selector_all("input[data-compare-choice]:checked", "boxes => boxes.map(box => box.value)")


def test_picking_roles_puts_them_in_the_address_and_the_address_reopens_them(open_page, table):
    page = open_page("/compare/")
    assert page.locator("[data-compare-picker]").is_visible()
    assert side_by_side(page)["hidden"] is True

    page.get_by_role("checkbox", name="Recovery Coach").check()  # by mouse
    assert query(page) == "roles=recovery-coach"
    assert side_by_side(page)["hidden"] is True
    page.get_by_role("checkbox", name="Social Worker").focus()  # by keyboard
    page.keyboard.press("Space")
    assert query(page) == "roles=recovery-coach,social-worker"
    side = side_by_side(page)
    assert side["hidden"] is False
    assert side["roles"] == ["../roles/recovery-coach/", "../roles/social-worker/"]
    assert side["rows"] == [column.heading for column in COLUMNS[1:]]
    assert "You picked Recovery Coach and Social Worker." in page.locator("[data-compare-status]").text_content()

    page.get_by_role("checkbox", name="Psychologist").check()
    assert query(page) == "roles=recovery-coach,social-worker,psychologist"
    shared = page.evaluate("location.href")
    disabled = page.eval_on_selector_all("input[data-compare-choice]:disabled", "boxes => boxes.map(box => box.value)")
    assert sorted(disabled) == sorted(set(table.slugs) - {"recovery-coach", "social-worker", "psychologist"})
    assert side_by_side(page)["link"] == urlparse(shared).path + "?" + urlparse(shared).query

    # The shared address, opened fresh, shows the same comparison in the same order.
    again = open_page(urlparse(shared).path + "?" + urlparse(shared).query)
    assert checked(again) == ["recovery-coach", "social-worker", "psychologist"]  # in table order
    assert side_by_side(again)["roles"] == ["../roles/recovery-coach/", "../roles/social-worker/",
                                           "../roles/psychologist/"]
    cells = again.eval_on_selector_all("[data-compare-side] tbody tr:nth-child(8) td",
                                       "tds => tds.map(td => td.textContent.trim())")
    assert cells[0].startswith("No reliable figure.") and "$49,470 a year" in cells[1] and "$85,330 a year" in cells[2]

    again.get_by_role("checkbox", name="Social Worker").uncheck()
    assert query(again) == "roles=recovery-coach,psychologist"
    again.get_by_role("button", name="Clear picks").click()
    assert query(again) == "" and checked(again) == [] and side_by_side(again)["hidden"] is True
    assert page.errors == [] and again.errors == []


def test_an_address_with_unknown_or_repeated_roles_keeps_the_known_ones(open_page):
    page = open_page("/compare/?roles=psychologist,astronaut,psychologist,recovery-coach,social-worker,peer-supervisor")
    assert side_by_side(page)["roles"] == ["../roles/psychologist/", "../roles/recovery-coach/", "../roles/social-worker/"]


# ---------------------------------------------------------------------------
# Phone and no JavaScript
# ---------------------------------------------------------------------------

NO_PAGE_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth"
CLIPPED_CELLS = """[...document.querySelectorAll('article table th, article table td')]
    .filter(cell => cell.scrollWidth > cell.clientWidth + 1).map(cell => cell.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("path", ["/compare/", "/compare/?roles=recovery-coach,social-worker,psychologist", "/pay/"])
def test_phone_layout_has_no_horizontal_page_scroll_and_no_clipped_text(open_page, path):
    page = open_page(path, viewport=PHONE)
    assert page.evaluate(NO_PAGE_SCROLL)
    assert page.evaluate(CLIPPED_CELLS) == []
    chart = page.locator("figure.pay-chart svg").bounding_box()
    assert chart["x"] >= 0 and chart["x"] + chart["width"] <= PHONE["width"]
    assert page.errors == []


def test_on_a_wide_screen_the_table_scrolls_in_its_own_box_with_the_role_column_in_view(open_page):
    # (On a phone each role is a card instead: tests/test_tables_browser.py.)
    page = open_page("/compare/", viewport=DESKTOP)
    region = page.locator(f"[role='region']:has({MAIN})")
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    first = page.locator(f"{MAIN} tbody tr:first-child th")
    before = first.bounding_box()["x"]
    region.evaluate("box => { box.scrollLeft = 600; }")
    assert region.evaluate("box => box.scrollLeft") > 0
    assert abs(first.bounding_box()["x"] - before) < 1  # the sticky first column stays put
    region.focus()
    page.keyboard.press("ArrowRight")  # the box scrolls by keyboard too
    assert page.evaluate(NO_PAGE_SCROLL)


def test_without_javascript_the_whole_table_reads_and_nothing_pretends_to_work(open_page, table):
    page = open_page("/compare/?roles=recovery-coach,social-worker", viewport=PHONE, javascript=False)
    assert not page.locator("[data-compare-picker]").is_visible()
    assert not page.locator("[data-compare-sort-hint]").is_visible()
    assert page.locator(MAIN).is_visible()
    assert row_order(page) == table.slugs
    assert page.locator(f"{MAIN} thead button").count() == 0 and aria_sort(page) == {}
    assert page.locator("figure.pay-chart svg").is_visible()
    assert page.evaluate(NO_PAGE_SCROLL)
