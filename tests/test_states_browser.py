"""The states page in Debian's Chromium: the map's squares lead to each state, the table sorts and
filters, and on a phone it is a list of cards with no sideways scrolling and no word cut in two,
drawn a few at a time after the page shows, with the keyboard's focus always on the screen."""

from __future__ import annotations

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser


def _states_page(browser, site_url, viewport):
    """The states page at `viewport`, its scripts started (they start on the first action: on-demand.html)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}/states/")
    page.mouse.move(5, 5)
    page.wait_for_selector("[data-glance-filter][data-ready]", state="attached")
    page.wait_for_function(ALL_DRAWN)
    return context, page


ALL_DRAWN = "() => [...document.querySelectorAll('.glance-table tbody > tr')].every(row => row.hasAttribute('data-drawn'))"
CONTENT_VISIBILITY = "() => [...document.querySelectorAll('.glance-table tbody > tr')].map(row => getComputedStyle(row).contentVisibility)"


@pytest.fixture
def phone(browser, site_url):
    context, page = _states_page(browser, site_url, PHONE)
    yield page
    context.close()


@pytest.fixture
def desktop(browser, site_url):
    context, page = _states_page(browser, site_url, {"width": 1280, "height": 800})
    yield page
    context.close()


def visible_states(page) -> list[str]:
    return page.eval_on_selector_all(".glance-table tbody tr:not([hidden]) th a", "links => links.map(a => a.textContent)")


def test_a_square_on_the_map_opens_its_state(desktop, site_url):
    desktop.locator("figure.tile-map a[aria-label^='OH, Ohio:']").click()
    desktop.wait_for_url("**/states/oh/")
    assert "Ohio" in desktop.locator("h1").inner_text()


def test_the_filter_finds_a_state_by_name_and_by_question(desktop):
    assert desktop.locator("[data-glance-filter]").is_visible()  # shown once the script marks it ready
    everyone = visible_states(desktop)
    assert len(everyone) == 51
    desktop.fill("#glance-name", "new")
    assert visible_states(desktop) == ["New Hampshire", "New Jersey", "New Mexico", "New York"]
    assert "Showing 4 of 51 states." in desktop.inner_text("[data-glance-status]")
    desktop.fill("#glance-name", "")
    desktop.select_option("#glance-separate", "separate")
    separate = visible_states(desktop)
    assert "New York" in separate and "Florida" not in separate
    desktop.select_option("#glance-separate", "")
    assert visible_states(desktop) == everyone


def test_sorting_by_training_puts_states_without_a_figure_last(desktop):
    desktop.locator(".glance-table thead th:has-text('Training') button").click()
    cells = desktop.eval_on_selector_all(".glance-table tbody tr", "rows => rows.map(r => r.cells[2].dataset.sort)")
    numbers = [int(c) for c in cells if c != ""]
    assert numbers == sorted(numbers) and numbers
    assert all(c == "" for c in cells[len(numbers):])  # the empty ranks come after every figure


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_on_a_phone_nothing_scrolls_sideways_and_no_word_is_cut(phone, scheme):
    phone.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # No cell is narrower than its longest word: each word's box fits inside its cell.
    cut = phone.evaluate("""() => {
        const bad = [];
        for (const cell of document.querySelectorAll('.glance-table td, .glance-table th')) {
          const range = document.createRange();
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            for (const m of node.textContent.matchAll(/[^\\s\\-–/]+/g)) {  // a line may break at a space, hyphen, dash or slash
              range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
              if (range.getClientRects().length > 1) bad.push(m[0]);
            }
          }
        }
        return bad.slice(0, 10);
    }""")
    assert cut == []
    # Each state is a card: its label and value side by side.
    first = phone.locator(".glance-table tbody tr").first
    assert first.evaluate("row => getComputedStyle(row).display") == "block"


def test_on_a_phone_cards_wait_to_be_drawn_until_states_js_draws_them_all(phone):
    # The fixture has waited for states.js to mark every card drawn.
    assert set(phone.evaluate(CONTENT_VISIBILITY)) == {"visible"}
    # A card not yet drawn is left to the browser to draw when it nears the screen.
    phone.evaluate("document.querySelector('.glance-table tbody > tr:last-child').removeAttribute('data-drawn')")
    assert phone.evaluate(CONTENT_VISIBILITY)[-1] == "auto"


def test_without_scripts_every_card_is_drawn_at_once(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/states/")
    visibility = page.evaluate(CONTENT_VISIBILITY)
    assert len(visibility) == 51 and set(visibility) == {"visible"}
    context.close()


@pytest.mark.parametrize("width", [320, 360, 412])
def test_tabbing_back_up_through_the_cards_keeps_the_focus_on_screen(browser, site_url, width):
    """From the table's last link, Shift+Tab back up through every card, once states.js has drawn
    them: no card may then change height and push the focused link off the screen."""
    context, page = _states_page(browser, site_url, {"width": width, "height": 640})
    links = page.locator(".glance-table a").count()
    page.evaluate("() => { const links = document.querySelectorAll('.glance-table a'); links[links.length - 1].focus(); }")
    off_screen = []
    for _ in range(links + 1):
        # After two frames: a card the browser draws as it nears the screen changes height then.
        where = page.evaluate("""async () => { await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            const el = document.activeElement; const r = el.getBoundingClientRect();
            return {inTable: !!el.closest('.glance-table'), text: el.textContent.trim(),
                    seen: r.bottom > 0 && r.top < innerHeight && r.width > 0}; }""")
        if not where["inTable"]:
            break
        if not where["seen"]:
            off_screen.append(where["text"])
        page.keyboard.press("Shift+Tab")
    else:
        pytest.fail("Shift+Tab never left the table")
    assert off_screen == []
    context.close()
