"""Compare roles in Debian's Chromium: sorting by mouse and keyboard with aria-sort kept right,
picking roles and reopening the shared address, the phone layout at 360 × 640 with no
horizontal page scroll (each role a card there: tests/test_tables_browser.py), the whole table
folded on a phone under its summary (open on a wide screen, in print, at an address into it),
and the page without JavaScript. Orders are checked against the table
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
ALL = "details[data-compare-all]"  # the whole table, folded on a phone until the reader opens it
SUMMARY = f"{ALL} > summary"


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
    if page.locator(ALL).count():
        page.locator(SUMMARY).tap()  # the whole table, as the reader who opens it sees it
        assert page.locator(f"{MAIN} tbody tr").last.is_visible()
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
    assert is_open(page)  # nothing folded
    assert page.locator(f"{MAIN} tbody tr").last.is_visible()
    assert row_order(page) == table.slugs
    assert page.locator(f"{MAIN} thead button").count() == 0 and aria_sort(page) == {}
    assert page.locator("figure.pay-chart svg").is_visible()
    assert page.evaluate(NO_PAGE_SCROLL)


# ---------------------------------------------------------------------------
# The whole table on a phone: folded under its summary, so the picker comes first
# ---------------------------------------------------------------------------

# The page at 360 × 640 with the whole table folded: 16.7 screens when this was written (the pay
# chart is most of the rest), 35.9 with the table open (bench/phone_screens.py).
MOST_PHONE_SCREENS = 18
SHOWN_ROWS = f"""() => [...document.querySelectorAll('{MAIN} tbody tr')]
    .filter(row => row.checkVisibility()).map(row => row.dataset.role)"""


def is_open(page) -> bool:
    return page.locator(ALL).evaluate("details => details.open")


def tab_to_summary(page) -> None:
    """Tab from the picker's last control to the summary, as a keyboard reader does."""
    page.get_by_role("button", name="Clear picks").focus()
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.activeElement === document.querySelector('{SUMMARY}')")


def test_on_a_phone_the_whole_table_is_folded_and_the_picked_roles_come_first(open_page, table):
    page = open_page("/compare/?roles=recovery-coach,social-worker", viewport=PHONE)
    assert not is_open(page) and page.evaluate(SHOWN_ROWS) == []
    summary = page.locator(SUMMARY)
    assert summary.text_content().strip() == f"All {len(table.rows)} roles in one table"
    box = summary.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a tap target
    cards = page.locator("[data-compare-side-cards] tbody tr")
    assert cards.evaluate_all("rows => rows.map(row => row.dataset.role)") == ["recovery-coach", "social-worker"]
    assert cards.first.is_visible() and cards.last.bounding_box()["y"] < box["y"]  # above the summary
    plain = open_page("/compare/", viewport=PHONE)
    assert not is_open(plain)
    assert plain.evaluate("document.documentElement.scrollHeight") / PHONE["height"] <= MOST_PHONE_SCREENS
    assert page.errors == [] and plain.errors == []


def test_opening_the_summary_shows_every_role_and_it_is_not_folded_again(open_page, table):
    page = open_page("/compare/", viewport=PHONE)
    summary = page.locator(SUMMARY)
    summary.tap()
    assert is_open(page) and page.evaluate(SHOWN_ROWS) == table.slugs
    assert page.locator(f"{MAIN} thead th[data-column='pay'] button").is_visible()
    # Wider and back again (a phone turned on its side and back): still open.
    page.set_viewport_size(DESKTOP)
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(100)
    assert is_open(page)
    # By keyboard, with its focus shown: Enter closes and opens it.
    tab_to_summary(page)
    outline = summary.evaluate("s => { const c = getComputedStyle(s); return [c.outlineStyle, parseFloat(c.outlineWidth)]; }")
    assert outline[0] != "none" and outline[1] >= 2
    page.keyboard.press("Enter")
    assert not is_open(page) and page.evaluate(SHOWN_ROWS) == []
    page.keyboard.press("Enter")
    assert is_open(page) and page.evaluate(SHOWN_ROWS) == table.slugs
    assert page.errors == []


def test_on_a_wide_screen_the_whole_table_is_open_with_no_summary(open_page, table):
    page = open_page("/compare/", viewport=DESKTOP)
    assert is_open(page) and page.evaluate(SHOWN_ROWS) == table.slugs
    assert not page.locator(SUMMARY).is_visible()
    # A phone's page that becomes wide opens it too.
    phone = open_page("/compare/", viewport=PHONE)
    assert not is_open(phone)
    phone.set_viewport_size(DESKTOP)
    phone.wait_for_function(f"document.querySelector('{ALL}').open")
    assert not phone.locator(SUMMARY).is_visible() and phone.evaluate(SHOWN_ROWS) == table.slugs


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_summary_reads_on_both_palettes(browser, site_url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "/compare/")
    page.wait_for_function(READY, timeout=10_000)
    tab_to_summary(page)
    colours = page.locator(SUMMARY).evaluate("""summary => {
        const rgb = text => text.match(/[\\d.]+/g).map(Number);
        const over = (top, under) => top.length > 3 ? [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])) : top;
        let behind = null;
        for (let e = summary; e && !behind; e = e.parentElement) {
            const colour = rgb(getComputedStyle(e).backgroundColor);
            if (colour.length < 4 || colour[3] > 0.9) behind = colour.slice(0, 3);
        }
        const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        const contrast = colour => { const [a, b] = [luminance(over(rgb(colour), behind)), luminance(behind)];
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
        const style = getComputedStyle(summary);
        return {scheme: document.body.dataset.mdColorScheme, text: contrast(style.color), border: contrast(style.borderTopColor),
                outline: style.outlineStyle, focus: contrast(style.outlineColor)};
    }""")
    assert colours["scheme"] == {"light": "default", "dark": "slate"}[scheme]
    assert colours["text"] >= 4.5 and colours["border"] >= 3, colours
    assert colours["outline"] != "none" and colours["focus"] >= 3, colours  # the focus ring (WCAG 2.4.7, 1.4.11)
    context.close()


def test_printing_shows_the_whole_table_and_the_fold_comes_back_after(open_page, table):
    page = open_page("/compare/", viewport=PHONE)
    assert not is_open(page)
    page.emulate_media(media="print")  # even with no beforeprint event (compare.css)
    assert page.evaluate(SHOWN_ROWS) == table.slugs
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert is_open(page) and page.evaluate(SHOWN_ROWS) == table.slugs
    assert not page.locator(SUMMARY).is_visible()
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not is_open(page)
    assert page.errors == []


@pytest.mark.parametrize("target", ["all-roles-in-one-table", "compare-caption"])
def test_an_address_that_points_at_the_table_keeps_it_open(open_page, table, target):
    page = open_page(f"/compare/#{target}", viewport=PHONE)
    assert is_open(page) and page.evaluate(SHOWN_ROWS) == table.slugs
    folded = open_page("/compare/", viewport=PHONE)
    assert not is_open(folded)
    folded.evaluate(f"location.hash = '#{target}'")
    folded.wait_for_function(f"document.querySelector('{ALL}').open")
    assert page.errors == [] and folded.errors == []


def test_a_reader_already_at_the_table_when_the_script_starts_keeps_it(browser, site_url, table):
    """The script starts late (partials/on-demand.html): folding then would move what the reader reads."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.route("**/compare.js", lambda route: route.abort())
    page.goto(site_url + "/compare/")
    page.wait_for_load_state("networkidle")
    page.locator(f"{MAIN} tbody tr").nth(2).scroll_into_view_if_needed()
    page.unroute("**/compare.js")
    page.add_script_tag(url=site_url + "/assets/javascripts/compare.js")
    page.wait_for_function(READY, timeout=10_000)
    assert is_open(page) and page.evaluate(SHOWN_ROWS) == table.slugs
    context.close()
