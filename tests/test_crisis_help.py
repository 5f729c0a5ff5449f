"""Crisis help on every page: the compact box under the header, the crisis link in the sticky header,
and every line at the foot of the page (#crisis-lines), from data/crisis.yml.

Built HTML: every page has 988, 911, Samaritans 116 123, Shout 85258, NHS 111 and 999 with working
`tel:` and `sms:` links, each line with its source and label. Chromium at 360 x 640: the box is
one line of words and at most two rows of 44 px targets, the header's link stays on screen to the
foot of long pages in both palettes and jumps to every line, with and without JavaScript. The
data checks: a number in a box label or a line's name must be the one dialled.
"""

from __future__ import annotations

import re

import pytest

from careers import DataError, build_site
from conftest import PHONE, line_of, link_target, problems_after

CRISIS = "crisis.yml"

# href -> (words its link shows, words its line says), as a reader must find them on every page
LINES = {
    "tel:988": ("Call 988", "988 Suicide & Crisis Lifeline"),
    "sms:988": ("Text 988", "988 Suicide & Crisis Lifeline"),
    "tel:911": ("Call 911", "If a life is in immediate danger"),
    "tel:116123": ("Call 116 123", "Samaritans"),
    "sms:85258?body=SHOUT": ("Text SHOUT to 85258", "Shout"),
    "tel:111": ("Call 111", "choose the mental health option"),
    "tel:999": ("Call 999", "If it is serious or a life is at risk"),
}
BOX = ["tel:988", "sms:988", "tel:911", "#crisis-lines"]
LONG_PAGES = ["/roles/recovery-coach/", "/faq/", "/states/pa/"]


def text_of(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


# ---------------------------------------------------------------------------
# The built pages
# ---------------------------------------------------------------------------


def test_every_page_lists_every_crisis_line_with_working_links(html_pages):
    assert "404.html" in html_pages and len(html_pages) > 50
    for path, page in html_pages.items():
        lines = page.select("#crisis-lines")
        assert len(lines) == 1, path
        section = lines[0]
        assert section.name == "section" and section.find("h2"), path
        links = {a["href"]: text_of(a) for a in section.find_all("a") if not a["href"].startswith(("..", "/", "sources"))}
        for href, (label, words) in LINES.items():
            assert links.get(href) == label, (path, href, links.get(href))
            item = section.find("a", href=href).find_parent("li", class_="crisis-line")
            assert words in text_of(item), (path, href)
        text = text_of(section)
        for number in ("911", "116 123", "85258", "111", "999"):
            assert number in text, (path, number)
        assert "A&E" in text and "call your local emergency number" in text
        # After the page's content, where the box and the header jump to; never inside it.
        assert section.find_parent("main") is None and section.find_previous("main") is not None, path


def test_each_line_shows_its_source_and_the_secondary_one_is_labelled(html_pages, built_site):
    page = html_pages["roles/recovery-coach/index.html"]
    for item in page.select("#crisis-lines li.crisis-line"):
        cited = [a["href"] for a in item.select(".crisis-line__cite a")]
        assert cited, text_of(item)
        for href in cited:  # each citation leads to its entry on a sources page
            target, entry = link_target(html_pages, "roles/recovery-coach/index.html", href)
            assert target.startswith("sources/") and entry is not None, href
            assert "Crisis help, on every page" in text_of(entry), href
    section = page.select_one("#crisis-lines")
    danger = section.find("a", href="tel:911").find_parent("li", class_="crisis-line")
    assert "secondary source" in text_of(danger.select_one(".crisis-line__source"))
    samaritans = section.find("a", href="tel:116123").find_parent("li", class_="crisis-line")
    assert re.search(r"24 hours a day.*secondary source", text_of(samaritans))
    nhs = section.find("a", href="tel:111").find_parent("li", class_="crisis-line")
    assert "option 2" in text_of(nhs) and "sources disagree" in text_of(nhs)  # both values, labelled


def test_the_compact_box_holds_the_short_row_of_links_on_every_page(html_pages):
    for path, page in html_pages.items():
        box = page.select_one("aside.crisis")
        assert box is not None, path
        assert [a["href"] for a in box.find_all("a")] == BOX, path
        assert [text_of(a) for a in box.find_all("a")] == ["Call 988", "Text 988", "Danger to life: 911",
                                                            "UK and more lines"], path
        assert text_of(box).startswith("In crisis?"), path
        assert box.find_next("main") is not None, path  # before the page's content


def test_every_page_has_the_crisis_link_in_its_header(html_pages):
    for path, page in html_pages.items():
        header = page.select_one("header.md-header")
        links = header.select("a.crisis-control")
        assert len(links) == 1, path  # Material's header changed if this fails: see overrides/main.html
        assert links[0]["href"] == "#crisis-lines" and text_of(links[0]) == "Crisis help", path
        assert links[0].find_parent("nav", class_="md-header__inner") is not None, path
        assert not links[0].has_attr("hidden") and not links[0].has_attr("style"), path


# ---------------------------------------------------------------------------
# The data checks: each number shown is the one dialled
# ---------------------------------------------------------------------------


def replace(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return change


NOT_THE_NUMBER = "make the link's number and the label's the same"


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ('"Danger to life: 911"', '"Danger to life: 999"', "lines[2].actions[1].box_label",
     f"`tel:911` does not use the number the label gives (`Danger to life: 999`): {NOT_THE_NUMBER}"),
    ('"tel:116123"', '"tel:116124"', "lines[3].actions[1].href",
     f"`tel:116124` does not use the number the label gives (`Call 116 123`): {NOT_THE_NUMBER}"),
    ("Emergency services (911)", "Emergency services (999)", "lines[2].name",
     "`Emergency services (999)` names 999, but none of the line's call or text links uses it: make the number "
     "in the name and a link's the same"),
], ids=["box-label-not-the-links-number", "number-in-groups-is-one-number", "name-not-a-number-dialled"])
def test_each_number_shown_must_be_the_one_dialled(data_copy, old, new, field, message):
    found = problems_after(data_copy, CRISIS, replace(old, new))
    assert found == [f"data/{CRISIS}:{line_of(data_copy, CRISIS, new)}: {field}: {message}"]


def test_the_box_needs_at_least_one_link(data_copy):
    path = data_copy / CRISIS
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if "box_label:" not in line) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    assert [str(problem) for problem in caught.value.problems] == [
        f"data/{CRISIS}:{line_of(data_copy, CRISIS, 'heading:')}: the compact crisis box at the top of every page would have no link: give at least one "
        "action a `box_label`, e.g. `box_label: Call 988`"]


def test_the_new_lines_are_accepted_as_they_are(data_copy):
    site = build_site(data_copy)
    hrefs = [action["href"] for line in site.crisis["lines"] for action in line["actions"]]
    assert set(LINES) <= set(hrefs)


# ---------------------------------------------------------------------------
# In Chromium, at phone size
# ---------------------------------------------------------------------------

BOXES = """(selector) => [...document.querySelectorAll(selector)].map((el) => {
    const r = el.getBoundingClientRect();
    return {text: el.textContent.trim(), top: r.top, bottom: r.bottom, width: r.width, height: r.height,
            font: parseFloat(getComputedStyle(el).fontSize)};
})"""


def phone_page(browser, scheme="light", javascript=True):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  color_scheme=scheme, java_script_enabled=javascript)
    return context, context.new_page()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/roles/recovery-coach/"])
def test_the_box_is_a_line_of_words_and_two_rows_of_large_targets_at_most(browser, site_url, path):
    context, page = phone_page(browser)
    page.goto(site_url + path)
    box = page.locator("aside.crisis").bounding_box()
    assert box["height"] <= 150, box  # measured: 134 px (a line of words, two rows of 44 px links)
    assert box["y"] + box["height"] <= PHONE["height"]
    links = page.evaluate(BOXES, "aside.crisis a")
    assert [link["text"] for link in links] == ["Call 988", "Text 988", "Danger to life: 911", "UK and more lines"]
    for link in links:
        assert link["height"] >= 44 and link["width"] >= 44, link
        assert link["font"] >= 16, link
    assert len({round(link["top"]) for link in links}) <= 2  # at most two rows
    for text in page.evaluate(BOXES, "aside.crisis p, #crisis-lines p, #crisis-lines h2"):
        assert text["font"] >= 16, text
    for link in page.evaluate(BOXES, "#crisis-lines .crisis__action"):
        assert link["height"] >= 44 and link["width"] >= 44, link
    context.close()


def control_is_on_screen(page) -> dict:
    control = page.locator("header .crisis-control")
    assert control.is_visible()
    box = control.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert box["height"] >= 44 and box["width"] >= 44, box
    assert control.inner_text().strip() == "Crisis help"
    return box


def assert_lines_in_view(page) -> None:
    page.wait_for_function("() => location.hash === '#crisis-lines'")
    heading = page.locator("#crisis-lines h2").bounding_box()
    header = page.locator("header.md-header").bounding_box()
    # the heading shows below the sticky header, and the first line's links follow it on screen
    assert heading["y"] >= header["y"] + header["height"] - 1, (heading, header)
    assert heading["y"] + heading["height"] <= PHONE["height"], heading
    first = page.locator("#crisis-lines .crisis__action").first.bounding_box()
    assert first["y"] + first["height"] <= PHONE["height"], first


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", LONG_PAGES)
def test_the_header_link_stays_on_screen_and_jumps_to_every_line(browser, site_url, path, scheme):
    context, page = phone_page(browser, scheme)
    page.goto(site_url + path)
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height > 3 * PHONE["height"], "not a long page: the test would prove nothing"
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") > 2 * PHONE["height"]
    control_is_on_screen(page)
    # Its words stand out from the header in this palette (WCAG contrast of text: 4.5:1).
    colours = page.locator("header .crisis-control").evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert contrast(*colours) >= 4.5, colours
    # ...and the link itself from the header around it (non-text contrast: 3:1).
    header = page.locator("header.md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert contrast(colours[1], header) >= 3, (colours, header)
    # Back at the top of the page, one tap on it shows every line.
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("header .crisis-control").tap()
    assert_lines_in_view(page)
    context.close()


@pytest.mark.browser
def test_without_javascript_the_box_the_header_link_and_the_jump_still_work(browser, site_url):
    context, page = phone_page(browser, javascript=False)
    page.goto(site_url + "/faq/")
    for name in ("Call 988", "Text 988", "Danger to life: 911", "UK and more lines"):
        link = page.locator("aside.crisis").get_by_role("link", name=name)
        assert link.is_visible(), name
        assert link.bounding_box()["y"] + link.bounding_box()["height"] <= PHONE["height"], name
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    control_is_on_screen(page)
    page.locator("header .crisis-control").tap()
    assert_lines_in_view(page)
    assert not page.evaluate("document.documentElement.classList.contains('js')")  # Material never ran
    # The box's last link goes to the same list.
    page.goto(site_url + "/roles/recovery-coach/")
    page.locator("aside.crisis").get_by_role("link", name="UK and more lines").tap()
    assert_lines_in_view(page)
    context.close()


def contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
