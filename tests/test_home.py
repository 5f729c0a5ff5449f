"""The home page as a front door (docs/index.md, docs/assets/stylesheets/features/home.css).

Built HTML: the main tasks are cards, one link each, to pages that exist, with Material's own
icons written into the page and hidden from screen readers; the role descriptions live on /roles/
only (the home page names the roles and links there). Chromium at 360 x 640, in both palettes:
Tab reaches every card with a visible focus, the cards are within the first two phone screens,
a tap anywhere on a card follows its link, and the card text is readable.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from test_crisis_help import contrast

ROOT = Path(__file__).resolve().parent.parent
MATERIAL_ICONS = ROOT / ".venv/lib/python3.11/site-packages/material/templates/.icons"
PHONE = {"width": 360, "height": 640}
CARDS = ".home-tasks > ul > li"
# The tasks the home page leads to, in order (the brief of the home page).
TASKS = {
    "Find your state": "states/",
    "Which credential fits me?": "finder/",
    "Compare roles": "compare/",
    "What it pays": "pay/",
    "How to become a peer specialist": "paths/peer-specialist/",
    "Questions people ask": "faq/",
    "For employers": "jobs/",
}


def cards(home: BeautifulSoup) -> list:
    found = home.select(f"article {CARDS}")
    assert found, "the home page has no task cards"
    return found


def test_each_card_is_one_link_to_a_page_that_exists(html_pages, built_site):
    home = html_pages["index.html"]
    links = []
    for card in cards(home):
        (link,) = card.find_all("a")  # one link a card: the card is its target
        assert "home-task__link" in link["class"]
        assert card.select_one(".home-task__hint").get_text(strip=True), link
        links.append((link.get_text(" ", strip=True), link["href"]))
    assert links == list(TASKS.items())
    for _, href in links:
        target = built_site / href / "index.html"
        assert target.is_file(), href
        page = html_pages[f"{href}index.html"]
        assert page.select_one("article h1"), href
        assert "404" not in page.title.get_text(), href
    # The cards come before the rest of the page's content, right after the one short paragraph.
    article = home.select_one("article")
    assert [el.name for el in article.find_all(["h1", "p", "h2", "div"], recursive=False)][:4] == ["h1", "p", "h2", "div"]
    assert len(article.find("p").get_text(" ", strip=True).split()) <= 60


@lru_cache(maxsize=1)
def material_icon_paths() -> dict[str, str]:
    """Every path of the icon sets Material ships: path data -> icon file."""
    paths = {}
    for svg in MATERIAL_ICONS.rglob("*.svg"):
        for d in re.findall(r'<path d="([^"]+)"', svg.read_text(encoding="utf-8")):
            paths.setdefault(d, svg.relative_to(MATERIAL_ICONS).as_posix())
    return paths


def test_card_icons_are_materials_written_into_the_page_and_hidden(html_pages):
    icons = material_icon_paths()
    assert len(icons) > 1000  # the icon sets are where they should be
    seen = []
    for card in cards(html_pages["index.html"]):
        assert not card.find("img") and not card.find("use"), card  # nothing to fetch
        (svg,) = card.find_all("svg")
        assert svg["aria-hidden"] == "true"
        assert not svg.find("title") and not svg.get_text(strip=True)
        assert not svg.find_parent("a")  # the link's name is its words only
        (path,) = svg.find_all("path")
        assert path["d"] in icons, f"not one of Material's icons: {card.a.get_text()}"
        seen.append(icons[path["d"]])
    assert len(set(seen)) == len(seen), seen  # a different icon for each task


def sentences(text: str) -> set[str]:
    """The sentences of a text of five words or more, spaces folded."""
    parts = re.split(r"(?<=[.!?:])\s+", re.sub(r"\s+", " ", text))
    return {part.strip() for part in parts if len(part.split()) >= 5}


def main_text(page: BeautifulSoup) -> BeautifulSoup:
    """The page's article without the citation footer every page has."""
    article = BeautifulSoup(str(page.select_one("article")), "lxml")
    for footer in article.select("footer.citation"):
        footer.decompose()
    return article


def test_role_descriptions_live_once_on_the_roles_page(html_pages):
    roles, home = main_text(html_pages["roles/index.html"]), main_text(html_pages["index.html"])
    descriptions = []
    for item in roles.select("li"):
        link = item.find("a", href=re.compile(r"^[a-z-]+/$"))
        if link:
            descriptions.append(item.get_text(" ", strip=True).removeprefix(link.get_text(" ", strip=True)).lstrip(": "))
    assert len(descriptions) >= 10 and all(len(d.split()) >= 15 for d in descriptions)
    home_text = re.sub(r"\s+", " ", home.get_text(" ", strip=True))
    for description in descriptions:
        repeated = [s for s in sentences(description) if s in home_text]
        assert not repeated, f"the home page repeats the roles page: {repeated}"
    assert not sentences(home.get_text(" ", strip=True)) & sentences(roles.get_text(" ", strip=True))
    # The home page still names each role, links to it, and to the page that describes them all.
    role_links = {a["href"] for a in roles.select("li a")}
    assert {f"roles/{href}" for href in role_links} <= {a["href"] for a in home.select("a")}
    assert home.find("a", href="roles/")


# ---------------------------------------------------------------------------------------------
# Chromium at phone size
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def phone(browser, site_url):  # tests/conftest.py
    contexts = []

    def open_(scheme: str = "light"):
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + "/")
        page.wait_for_load_state("networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()


FOCUSED = """() => {
  const el = document.activeElement, card = el.closest('.home-tasks > ul > li');
  const r = (card || el).getBoundingClientRect(), after = getComputedStyle(el, '::after');
  const header = document.querySelector('header.md-header').getBoundingClientRect().bottom;
  return {href: el.getAttribute('href'), card: !!card, text: el.textContent.trim(),
          top: r.top, bottom: r.bottom, header,
          outline: [after.outlineStyle, parseFloat(after.outlineWidth)],
          underline: getComputedStyle(el).textDecorationLine};
}"""


def test_tab_reaches_every_card_with_focus_visible_on_a_phone(phone):
    page = phone()
    reached, crisis_first = [], None
    for _ in range(60):
        page.keyboard.press("Tab")
        page.wait_for_timeout(30)  # Tab scrolls the focused card into view
        stop = page.evaluate(FOCUSED)
        if stop["href"] == "tel:988" and crisis_first is None:
            crisis_first = not reached
        if not stop["card"]:
            if reached and len(reached) == len(TASKS):
                break
            continue
        reached.append(stop["href"])
        # On screen, clear of the sticky header, the whole card outlined and its words underlined.
        assert stop["top"] >= stop["header"] and stop["bottom"] <= PHONE["height"], stop
        assert stop["outline"][0] == "solid" and stop["outline"][1] >= 2, stop
        assert stop["underline"] == "underline", stop
    assert reached == list(TASKS.values())
    assert crisis_first, "crisis help should come before the cards in the Tab order"


def test_cards_are_within_the_first_two_phone_screens(phone):
    page = phone()
    boxes = page.eval_on_selector_all(CARDS, "cards => cards.map(c => { const r = c.getBoundingClientRect();"
                                             " return [r.top + scrollY, r.bottom + scrollY, r.width, r.height]; })")
    assert len(boxes) == len(TASKS)
    first_top, first_bottom = boxes[0][:2]
    assert first_bottom <= 2 * PHONE["height"], f"first card ends at {first_bottom} px"
    assert all(top < 2 * PHONE["height"] for top, *_ in boxes), boxes
    assert all(width >= 44 and height >= 44 for *_, width, height in boxes), boxes


def test_a_tap_anywhere_on_a_card_follows_its_link(phone, site_url):
    page = phone()
    for href in TASKS.values():
        card = page.locator(CARDS).filter(has=page.locator(f'a[href="{href}"]'))
        card.evaluate("card => card.scrollIntoView({block: 'center'})")
        box = card.bounding_box()  # in the viewport
        for fx, fy in ((0.03, 0.1), (0.5, 0.9), (0.97, 0.9), (0.1, 0.5)):
            hit = page.evaluate("([x, y]) => { const el = document.elementFromPoint(x, y);"
                                " return el && el.closest('a') && el.closest('a').getAttribute('href'); }",
                                [box["x"] + box["width"] * fx, box["y"] + box["height"] * fy])
            assert hit == href, (href, fx, fy)
    # And a real tap on the hint (not the link's words) goes to the page.
    hint = page.locator(".home-task__hint").nth(1)
    hint.scroll_into_view_if_needed()
    box = hint.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(site_url + "/finder/")


CARD_COLOURS = """() => {
  const parse = (c) => { const v = c.match(/[\\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, under) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat(1); };
  // The colour behind an element: its own and its ancestors' backgrounds, laid over each other.
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c); if (c[3] === 1) break; }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const rgb = (c) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
  const pair = (el) => { const bg = background(el);
    return [rgb(over(parse(getComputedStyle(el).color), bg)), rgb(bg)]; };
  return {scheme: document.body.getAttribute('data-md-color-scheme'),
          cards: [...document.querySelectorAll('.home-tasks > ul > li')].map(card => ({
            link: pair(card.querySelector('a')), hint: pair(card.querySelector('.home-task__hint')),
            outline: [rgb(over(parse(getComputedStyle(card.querySelector('a'), '::after').outlineColor), background(card))),
                      rgb(background(card.parentElement))]}))};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_card_text_is_readable_in_both_palettes(phone, scheme):
    page = phone(scheme)
    colours = page.evaluate(CARD_COLOURS)
    assert colours["scheme"] == {"light": "default", "dark": "slate"}[scheme]
    assert len(colours["cards"]) == len(TASKS)
    problems = []
    for state in ("at rest", "focused", "hovered"):
        for index, card in enumerate(page.locator(CARDS).all()):
            if state == "focused":
                card.locator("a").focus()
            elif state == "hovered":
                card.hover()
            measured = page.evaluate(CARD_COLOURS)["cards"][index]
            for part, minimum in (("link", 4.5), ("hint", 4.5)) + ((("outline", 3),) if state == "focused" else ()):
                ratio = contrast(*measured[part])
                if ratio < minimum:
                    problems.append(f"{state} card {index + 1} {part}: {ratio:.2f}:1 {measured[part]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [320, 360])
def test_each_roles_icon_stays_on_the_line_of_its_name_in_the_link_colour(browser, site_url, width):
    """"Roles in this guide": no icon ends a line while its role's name starts the next (home.css)."""
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto(site_url + "/")
    placed = page.eval_on_selector_all("svg.role-list__name-icon", """icons => icons.map(icon => {
      const link = icon.parentElement.querySelector('a'), first = link.getClientRects()[0], box = icon.getBoundingClientRect();
      return {name: link.textContent, iconTop: box.top, iconBottom: box.bottom, lineTop: first.top, lineBottom: first.bottom,
              same: getComputedStyle(icon).color === getComputedStyle(link).color};
    })""")
    assert len(placed) >= 10
    for icon in placed:
        assert icon["iconTop"] < icon["lineBottom"] and icon["iconBottom"] > icon["lineTop"], icon
        assert icon["same"], icon
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
