"""The peer-language warnings of the job-description generator, in Debian's Chromium: the confirm
step before copying, downloading or printing with warnings left (its count, keyboard, focus and
name), and each warning's button that selects the flagged words in their field."""

from __future__ import annotations

import pytest

from test_jobs_browser import PHONE, expect, fill_valid, focused_id, visit  # noqa: F401  (visit: the fixture)

pytestmark = pytest.mark.browser

SELECTION = "(() => { const t = document.activeElement; return [t.selectionStart, t.selectionEnd]; })()"


def flag(page, about: str) -> None:
    """A valid form whose only flagged wording is in "About your organization"."""
    fill_valid(page)
    page.fill("#jd-about", about)


def confirm_message(page) -> str:
    return page.inner_text("#jd-confirm-message")


# ---------------------------------------------------------------------------
# The confirm step
# ---------------------------------------------------------------------------


def test_copy_with_warnings_asks_first_and_copies_when_told(visit):
    v = visit(permissions=["clipboard-read", "clipboard-write"])
    page = v.page
    page.evaluate("navigator.clipboard.writeText('before')")
    flag(page, "We support junkies and frequent flyers.")
    qualifications = [line for line in page.input_value("#jd-qualifications").splitlines() if "Core Competencies" not in line]
    page.fill("#jd-qualifications", "\n".join(qualifications))
    assert page.inner_text("#jd-check-status") == "2 words or phrases to reconsider, 1 missing essential."
    assert page.is_hidden("#jd-confirm")

    page.click("[data-action=copy]")
    confirm = page.locator("#jd-confirm")
    expect(confirm).to_be_visible()
    # The step is a named group that takes the focus, so a screen reader reads its question at once.
    assert focused_id(page) == "jd-confirm"
    assert confirm.get_attribute("role") == "group"
    assert confirm.get_attribute("aria-labelledby") == "jd-confirm-message"
    assert confirm_message(page) == "3 warnings are not resolved. Review them, or copy anyway?"
    assert [b.inner_text() for b in confirm.locator("button").all()] == ["Review them", "Copy anyway"]
    assert page.evaluate("navigator.clipboard.readText()") == "before"  # nothing copied yet
    # The step, the quoted words and their buttons fit a phone: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.confirm") == "review"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.confirm") == "anyway"
    page.keyboard.press("Enter")
    expect(page.locator("#jd-status")).to_contain_text("Copied the job description")
    assert "junkies and frequent flyers" in page.evaluate("navigator.clipboard.readText()")
    assert page.is_hidden("#jd-confirm")
    assert page.evaluate("document.activeElement.dataset.action") == "copy"  # focus back on the button it came from
    v.assert_nothing_left_the_page()


def test_review_takes_the_keyboard_to_the_warnings_and_nothing_is_downloaded(visit):
    v = visit()
    page = v.page
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    flag(page, "We support people who stay clean.")
    page.focus("[data-action=markdown]")
    page.keyboard.press("Enter")
    assert focused_id(page) == "jd-confirm"
    assert confirm_message(page) == "1 warning is not resolved. Review it, or download anyway?"
    assert page.locator("#jd-confirm [data-confirm=review]").inner_text() == "Review it"
    assert page.locator("#jd-confirm [data-confirm=anyway]").inner_text() == "Download anyway"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.is_hidden("#jd-confirm")
    assert page.evaluate("document.activeElement.tagName + ': ' + document.activeElement.textContent") == \
        "H4: Wording to reconsider"
    assert page.evaluate("document.activeElement.closest('#jd-check-results') !== null")
    # The focused heading is on the screen, below the sticky header.
    box = page.locator("#jd-check-results h4").bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert header["y"] + header["height"] <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
    page.wait_for_timeout(300)
    assert downloads == []
    v.assert_nothing_left_the_page()


def test_escape_closes_the_step_and_returns_to_its_button(visit):
    v = visit()
    page = v.page
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    flag(page, "Some of our members are bipolar.")
    page.click("[data-action=print]")
    assert confirm_message(page) == "1 warning is not resolved. Review it, or print anyway?"
    page.keyboard.press("Escape")
    assert page.is_hidden("#jd-confirm")
    assert page.evaluate("document.activeElement.dataset.action") == "print"
    assert page.evaluate("window.printed") is None
    page.click("[data-action=print]")
    page.click("#jd-confirm [data-confirm=anyway]")
    assert page.evaluate("window.printed") == 1


def test_the_count_follows_edits_and_the_step_closes_when_all_are_resolved(visit):
    v = visit()
    page = v.page
    flag(page, "We support junkies and frequent flyers.")
    page.click("[data-action=html]")
    assert confirm_message(page) == "2 warnings are not resolved. Review them, or download anyway?"
    page.fill("#jd-about", "We support people who use drugs and frequent flyers.")
    assert confirm_message(page) == "1 warning is not resolved. Review it, or download anyway?"
    page.fill("#jd-about", "We support people who use drugs and use our services often.")
    assert page.is_hidden("#jd-confirm")
    # With nothing left to review, the download happens at once.
    with page.expect_download() as info:
        page.click("[data-action=html]")
    assert info.value.suggested_filename == "recovery-coach-job-description.html"
    assert page.is_hidden("#jd-confirm")


def test_errors_come_before_the_confirm_step(visit):
    v = visit()
    page = v.page
    flag(page, "We support junkies.")
    page.fill("#jd-city", "")
    page.click("[data-action=copy]")
    assert focused_id(page) == "jd-summary" and page.is_hidden("#jd-confirm")
    page.fill("#jd-city", "Dayton")
    page.click("[data-action=copy]")
    assert focused_id(page) == "jd-confirm"


# ---------------------------------------------------------------------------
# A warning selects its words in the field
# ---------------------------------------------------------------------------


def test_a_warning_selects_its_words_even_far_down_a_long_field(visit):
    v = visit()
    page = v.page
    fill_valid(page)
    template = page.input_value("#jd-responsibilities")
    lines = template.splitlines() + ["Keep the office clean.", "Help people stay clean, and keep the shared kitchen and the space tidy."]
    page.fill("#jd-responsibilities", "\n".join(lines))
    start = len("\n".join(lines[:-1])) + 1 + len("Help people ")
    item = page.locator(".jd-check__item--avoid")
    assert item.count() == 1  # "clean" about the office is not flagged
    assert item.locator(".jd-check__context").inner_text() == "“Help people stay clean, and keep the shared kitchen…”"
    assert item.locator(".jd-check__context mark").inner_text() == "stay clean"
    button = item.locator(".jd-check__select")
    assert button.inner_text() == "Select these words"
    assert button.get_attribute("aria-label") == "Select these words: “stay clean” in Responsibilities"
    assert button.bounding_box()["height"] >= 24

    page.evaluate("document.getElementById('jd-responsibilities').scrollTop = 0")
    button.focus()
    page.keyboard.press("Enter")
    assert focused_id(page) == "jd-responsibilities"
    assert page.evaluate(SELECTION) == [start, start + len("stay clean")]
    # The words are in sight: the field scrolled down to them and is itself on the screen.
    field = page.locator("#jd-responsibilities")
    scroll = page.evaluate("(() => { const f = document.getElementById('jd-responsibilities'); "
                           "return [f.scrollTop, f.scrollHeight, f.clientHeight]; })()")
    assert scroll[1] > scroll[2] and scroll[0] >= scroll[1] - 2 * scroll[2]
    box = field.bounding_box()
    assert box["y"] < PHONE["height"] and box["y"] + box["height"] > 0


def test_the_same_words_twice_each_select_their_own_place(visit):
    v = visit()
    page = v.page
    fill_valid(page)
    text = "Support alcoholics.\nRun a group for alcoholics on Fridays."
    page.fill("#jd-about", text)
    buttons = page.locator(".jd-check__select")
    assert buttons.count() == 2
    for index, expected in enumerate([text.index("alcoholics"), text.rindex("alcoholics")]):
        buttons.nth(index).click()
        assert focused_id(page) == "jd-about"
        assert page.evaluate(SELECTION) == [expected, expected + len("alcoholics")]
