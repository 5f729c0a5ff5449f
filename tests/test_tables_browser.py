"""Every table on the site in Debian's Chromium, at 360 and 1280 px, in the light and dark palettes:
it looks like a table (padding, a line between rows, headings left-aligned, text readable on its
background), no word is broken inside a cell, its caption is shown whole, and a table that scrolls
does so in a box a keyboard can reach, with its headings in view. On /compare/ at 360 px, with
three roles picked, each role is a card under the last, with nothing wider than two screens."""

from __future__ import annotations

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
SCHEMES = ["default", "slate"]
THREE = ["certified-peer-support-specialist", "recovery-coach", "social-worker"]
PICKED = "/compare/?roles=" + ",".join(THREE)


@pytest.fixture(scope="module")
def table_pages(html_pages) -> list[str]:
    """The address of every built page with a table in its text, found in the build (so a new one is tested too)."""
    pages = ["/" + path.removesuffix("index.html") for path, soup in html_pages.items() if soup.select("article table")]
    assert {"/pay/", "/finder/rules/", "/finder/rules/n/", "/compare/", "/states/", "/editing-guide/"} <= set(pages)
    return pages


@pytest.fixture
def open_page(browser, site_url):
    contexts = []

    def open_(path: str, viewport: dict, scheme: str = "default", javascript: bool = True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + path)
        if javascript:
            page.mouse.move(5, 5)  # the page's scripts start on the first action (partials/on-demand.html)
            page.wait_for_load_state("networkidle")
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            if path.startswith("/compare/"):
                page.wait_for_selector("table[data-compare-ready]", state="attached")
                # On a phone the table of every role is folded under its summary (compare.js): open
                # it, as a reader would, so what follows checks it too.
                page.evaluate("document.querySelectorAll('details[data-compare-all]').forEach(d => { d.open = true; })")
        return page

    yield open_
    for context in contexts:
        context.close()


# A word as Unicode segments it (Intl.Segmenter): a line may break at spaces, hyphens, dashes,
# slashes and other punctuation, never inside a word ("Arizo|na", "Certif|ied"). A word in one
# text node drawn as more than one box was broken across lines.
BROKEN_WORDS = """() => {
  const segmenter = new Intl.Segmenter('en', {granularity: 'word'});
  const range = document.createRange();
  const broken = [];
  for (const cell of document.querySelectorAll('article table :is(th, td, caption)')) {
    if (!cell.getClientRects().length) continue;  // not shown at this width (display: none)
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (const part of segmenter.segment(node.textContent)) {
        if (!part.isWordLike) continue;
        range.setStart(node, part.index);
        range.setEnd(node, part.index + part.segment.length);
        if (range.getClientRects().length > 1) broken.push(part.segment);
      }
    }
  }
  return broken;
}"""

# The look of each shown table: its headings' alignment, the padding and row lines of its cells,
# and the contrast of heading, cell and caption text with the colour behind it.
LOOK = """() => {
  const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const rgba = text => text.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const behind = element => {
    for (let e = element; e; e = e.parentElement) {
      const colour = rgba(getComputedStyle(e).backgroundColor);
      if (colour.length < 4 || colour[3] > 0.9) return colour;
    }
    return [255, 255, 255];
  };
  const contrast = element => {
    const [a, b] = [luminance(rgba(getComputedStyle(element).color)), luminance(behind(element))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  return [...document.querySelectorAll('article table')].filter(t => t.getClientRects().length).map(table => {
    const heads = [...table.querySelectorAll('thead th')];
    const cells = [...table.querySelectorAll('tbody td')].filter(c => c.getClientRects().length);
    const rows = [...table.tBodies[0].rows];
    const lined = rows.slice(0, -1).flatMap(r => [...r.cells]).filter(c => c.getClientRects().length);
    const text = [table.caption, heads.find(h => h.getClientRects().length), cells[0]].filter(Boolean);
    return {
      table: table.id || table.className || table.closest('[aria-label]')?.getAttribute('aria-label') || 'markdown',
      align: [...new Set(heads.map(h => getComputedStyle(h).textAlign))],
      padding: Math.min(...cells.map(c => Math.min(parseFloat(getComputedStyle(c).paddingLeft), parseFloat(getComputedStyle(c).paddingRight)))),
      lines: Math.min(...lined.map(c => parseFloat(getComputedStyle(c).borderBottomWidth) || parseFloat(getComputedStyle(c.parentElement).borderBottomWidth))),
      contrast: Math.min(...text.map(contrast)),
    };
  });
}"""

# Every box that scrolls sideways, and whether a keyboard can reach it and a screen reader name it.
SCROLL_BOXES = """() => [...document.querySelectorAll('article *')]
  .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
  .map(e => ({
    what: e.className || e.tagName, width: e.scrollWidth, role: e.getAttribute('role'), tabindex: e.getAttribute('tabindex'),
    name: (e.getAttribute('aria-label') || document.getElementById(e.getAttribute('aria-labelledby'))?.textContent || '').trim(),
  }))"""

# Each caption within its scroll box (or the page), left-aligned, shown whole.
CAPTIONS = """() => [...document.querySelectorAll('article table caption')].filter(c => c.getClientRects().length).map(c => {
  const box = (c.closest('[role=region]') || document.querySelector('article')).getBoundingClientRect();
  const own = c.getBoundingClientRect();
  return {caption: c.textContent.trim().slice(0, 40), align: getComputedStyle(c).textAlign,
          inside: own.left >= box.left - 1 && own.right <= box.right + 1, clipped: c.scrollWidth > c.clientWidth + 1};
})"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_a_phone_no_table_breaks_a_word(open_page, table_pages, scheme):
    for path in table_pages + [PICKED]:
        page = open_page(path, PHONE, scheme)
        assert page.evaluate(BROKEN_WORDS) == [], path
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
        page.context.close()


def test_on_a_wide_screen_no_table_breaks_a_word(open_page, table_pages):
    for path in table_pages + [PICKED]:
        page = open_page(path, DESKTOP)
        assert page.evaluate(BROKEN_WORDS) == [], path
        page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_table_looks_like_a_table_in_both_palettes(open_page, table_pages, viewport, scheme):
    for path in table_pages:
        page = open_page(path, viewport, scheme)
        looks = page.evaluate(LOOK)
        assert looks, path
        for look in looks:
            assert look["align"] in (["left"], ["start"], []), (path, look)
            assert look["padding"] >= 6, (path, look)  # px on each side of the text
            assert look["lines"] >= 1, (path, look)  # a line between rows (or between cards)
            assert look["contrast"] >= 4.5, (path, look)
        for caption in page.evaluate(CAPTIONS):
            assert caption["align"] in ("left", "start") and caption["inside"] and not caption["clipped"], (path, caption)
        page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_table_that_scrolls_does_so_in_a_named_box_a_keyboard_reaches(open_page, table_pages, viewport):
    seen = 0
    for path in table_pages + [PICKED]:
        page = open_page(path, viewport)
        for box in page.evaluate(SCROLL_BOXES):
            seen += 1
            assert box["role"] == "region" and box["tabindex"] == "0" and box["name"], (path, box)
        page.context.close()
    assert seen  # the editing guide's field tables scroll on a phone, the comparison on a desktop


def test_on_a_phone_three_picked_roles_are_cards_one_under_another(open_page):
    page = open_page(PICKED, PHONE)
    widest = page.evaluate("""() => Math.max(...[...document.querySelectorAll('article *')]
        .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map(e => e.scrollWidth), 0)""")
    assert widest <= 2 * PHONE["width"]
    cards = page.locator("[data-compare-side-cards] tbody tr")
    assert cards.evaluate_all("rows => rows.map(r => r.dataset.role)") == THREE
    assert not page.locator("[data-compare-side-table]").is_visible()  # the side-by-side table is for wide screens
    boxes = [cards.nth(i).bounding_box() for i in range(3)]
    for box in boxes:
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # seen without scrolling sideways
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"] and boxes[1]["y"] + boxes[1]["height"] <= boxes[2]["y"]
    # Each card has every row of the comparison, its label shown beside nothing but its value.
    headings = page.eval_on_selector_all("table[data-compare-table] thead th", "ths => ths.slice(1).map(th => th.textContent.trim())")
    for i in range(3):
        labels = cards.nth(i).locator("td").evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content.replace(/^\"|\"$/g, ''))")
        assert labels == headings
    # Scrolling down reaches the last one.
    cards.nth(2).scroll_into_view_if_needed()
    last = cards.nth(2).bounding_box()
    assert last["y"] < PHONE["height"] and last["x"] >= 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_on_a_phone_the_comparison_is_cards_with_the_sort_buttons_on_screen(open_page):
    page = open_page("/compare/", PHONE)
    assert page.locator("table[data-compare-table] tbody tr").first.evaluate("row => getComputedStyle(row).display") == "block"
    button = page.locator("table[data-compare-table] thead th[data-column='pay'] button")
    assert button.is_visible() and button.bounding_box()["height"] >= 44
    button.click()
    assert page.locator("table[data-compare-table] thead th[data-column='pay']").get_attribute("aria-sort") == "ascending"
    # Without JavaScript the cards are there too, and nothing scrolls sideways.
    plain = open_page("/compare/", PHONE, javascript=False)
    assert plain.locator("table[data-compare-table] tbody tr").first.evaluate("row => getComputedStyle(row).display") == "block"
    head = plain.locator("table[data-compare-table] thead").bounding_box()
    assert head["x"] + head["width"] <= 0  # no sort row that does nothing: the headings are for screen readers only
    assert plain.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_a_wide_screen_the_headings_stay_in_view_while_the_table_scrolls(open_page, scheme):
    page = open_page(PICKED, DESKTOP, scheme)
    for region in ["[aria-labelledby='compare-caption']", "[data-compare-side-table]"]:
        box = page.locator(region)
        box.scroll_into_view_if_needed()
        assert box.evaluate("b => b.scrollHeight > b.clientHeight"), region  # at most a screen tall, so it scrolls
        box.evaluate("b => { b.scrollTop = 300; b.scrollLeft = 200; }")
        top = box.evaluate("b => b.getBoundingClientRect().top + b.clientTop")
        heading = box.locator("thead th").nth(1).bounding_box()
        assert abs(heading["y"] - top) < 2, region
        # The caption stays in view too, whole, while the table scrolls sideways under it.
        caption = box.locator("caption").bounding_box()
        left = box.evaluate("b => b.getBoundingClientRect().left")
        assert caption["x"] >= left - 1 and caption["x"] + caption["width"] <= left + box.evaluate("b => b.clientWidth") + 1


def test_on_a_phone_the_cards_do_not_move_when_the_sort_buttons_arrive(browser, site_url):
    """The sort row takes its place from the first paint (compare.css, `scripting: enabled`)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(f"{site_url}/compare/#all-roles-in-one-table")  # the table on screen while the script starts
    page.wait_for_selector("table[data-compare-ready] thead button", state="attached")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.01
    context.close()
