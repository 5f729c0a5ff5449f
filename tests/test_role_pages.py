"""Role pages (/roles/<slug>/) laid out for a phone: a contents list near the top, the quick facts
one line each (each linking down to its detail, every figure with its source and year), "How to
become one" next as numbered steps within the first three phone screens, and the long sections
folded in native <details> (hooks/careers/templates/roles/role.md.j2,
docs/assets/stylesheets/features/role.css).

Built HTML from the real data, then Debian's Chromium at 360 × 640: where the sections start, the
contents links, a fold opened from the keyboard with its focus shown, and every fold printed open.
The sections themselves, the sources and the structured data: tests/test_site_html.py and
tests/test_publishing.py. Figures: bench/phone_screens.py.
"""

from __future__ import annotations

import io

import pytest

from careers.data.dataset import read_dataset
from careers.pages.comparison import CLINICAL_LABELS, NO_PAY_FIGURE
from conftest import PHONE, ROOT
from test_crisis_help import contrast

DATA = read_dataset(ROOT / "data")
ROLES = DATA.roles_by_slug
SOURCES = DATA.sources_by_id
SLUGS = sorted(ROLES)
QUESTIONS_SHOWN = 5  # role.md.j2: the first questions are shown, the rest folded
SCREEN = PHONE["height"]
QUICK_FACTS = ["Lived experience", "Education", "Certification or licence", "Diagnoses or treats",
               "Typical settings", "Pay"]


def words(text: str) -> str:
    return " ".join(text.split())


def article_of(html_pages, slug):
    return html_pages[f"roles/{slug}/index.html"].select_one("article")


def quick_facts(article) -> dict:
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in article.select("dl.quick-facts dt")}


def section(article, heading_id: str) -> list:
    """The elements of one section: from its <h2> to the next."""
    elements = []
    for sibling in article.find("h2", id=heading_id).find_next_siblings():
        if sibling.name == "h2":
            break
        elements.append(sibling)
    return elements


def folds(article, heading_id: str) -> list:
    return [element for element in section(article, heading_id) if element.name == "details"]


def citation(figure) -> str:
    """A figure as a reader sees it: its words, then (publisher, year; label)."""
    return words(f"{figure.text} ({SOURCES[figure.source].publisher}, {figure.year}")


# ---------------------------------------------------------------------------
# Built HTML
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_the_contents_list_comes_before_the_first_section_and_links_every_one(html_pages, slug):
    article = article_of(html_pages, slug)
    contents = article.select("nav.role-contents")
    assert len(contents) == 1
    nav = contents[0]
    assert nav.find_previous("h2") is None and nav.find_next("h2")["id"] == "quick-facts"
    assert nav.find(id=nav["aria-labelledby"]).get_text(strip=True) == "On this page"
    headings = [(f"#{h2['id']}", h2.get_text(strip=True)) for h2 in article.find_all("h2")]
    links = [(a["href"], a.get_text(strip=True)) for a in nav.select("a")]
    assert links == headings


@pytest.mark.parametrize("slug", SLUGS)
def test_quick_facts_are_one_line_each_from_the_short_answers(html_pages, slug):
    role, article = ROLES[slug], article_of(html_pages, slug)
    facts = quick_facts(article)
    assert list(facts) == QUICK_FACTS
    for term, dd in facts.items():
        # one line of text: no paragraph, list or box, no figure's long note
        assert not dd.find(["p", "ul", "ol", "div", "dl", "table"]), (slug, term)
        assert not dd.select(".fact__note"), (slug, term)
    glance = role.at_a_glance
    assert facts["Education"].get_text(strip=True) == words(glance.education)
    assert facts["Certification or licence"].get_text(strip=True) == words(glance.certification)
    assert facts["Diagnoses or treats"].get_text(strip=True) == CLINICAL_LABELS[glance.diagnoses_or_treats.answer]
    assert facts["Typical settings"].get_text(strip=True) == ", ".join(role.settings)
    lived = facts["Lived experience"]
    required = "Required" if role.lived_experience.required else "Not required"
    assert words(lived.get_text()) == f"{required} — what counts" and lived.a["href"] == "#requirements"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_pay_line_cites_its_figure_and_links_to_every_figure_below(html_pages, slug):
    role, article = ROLES[slug], article_of(html_pages, slug)
    pay = quick_facts(article)["Pay"]
    (down,) = pay.select("a[href='#pay-and-outlook']")
    detail = [words(fact.get_text()) for fact in article.select("#pay-and-outlook ~ .role-pay .fact")]
    if not role.pay.figures:
        assert words(pay.get_text()) == f"{NO_PAY_FIGURE} — why, below" and not pay.select(".fact")
        assert detail == []
        return
    (line,) = pay.select(".fact")
    first = role.pay.figures[0]
    assert words(line.get_text()).startswith(citation(first))
    assert line.select_one("a.fact__source")["href"].endswith(f"/#source-{first.source}")
    assert line.select_one(".fact__year").get_text() == first.year
    # Below, every pay figure with its source, year and note.
    assert len(detail) == len(role.pay.figures)
    for shown, figure in zip(detail, role.pay.figures):
        assert shown.startswith(citation(figure)), shown
        if figure.note:
            assert shown.endswith(words(figure.note)), shown
    count = len(role.pay.figures)
    assert down.get_text() == (f"all {count} figures below" if count > 1 else "details below")


@pytest.mark.parametrize("slug", SLUGS)
def test_requirements_in_detail_give_the_long_answers(html_pages, slug):
    role, article = ROLES[slug], article_of(html_pages, slug)
    elements = section(article, "requirements")
    (requirements,) = [element for element in elements if "role-requirements" in element.get("class", [])]
    detail = {dt.get_text(strip=True): words(dt.find_next_sibling("dd").get_text(" ")) for dt in requirements.select("dt")}
    required = "Required." if role.lived_experience.required else "Not required."
    assert detail == {"Lived experience": f"{required} {words(role.lived_experience.detail)}",
                      "Education": words(role.education), "Certification or licence": words(role.certification)}
    # The comparison's short answers, with their figures, follow them.
    assert [element for element in elements if "role-glance" in element.get("class", [])]


@pytest.mark.parametrize("slug", SLUGS)
def test_how_to_become_one_follows_the_quick_facts_as_numbered_steps(html_pages, slug):
    role, article = ROLES[slug], article_of(html_pages, slug)
    ids = [h2["id"] for h2 in article.find_all("h2")]
    assert ids[:2] == ["quick-facts", "how-to-become-one"]
    (steps,) = [element for element in section(article, "how-to-become-one") if element.name == "ol"]
    assert "steps" in steps["class"]
    items = steps.find_all("li", recursive=False)
    assert [item.select_one(".steps__title").get_text(strip=True) for item in items] == [step.title for step in role.steps]
    for item, step in zip(items, role.steps):
        assert len(item.select(".fact")) == len(step.facts)


@pytest.mark.parametrize("slug", SLUGS)
def test_long_sections_are_folded_under_their_names(html_pages, slug):
    role, article = ROLES[slug], article_of(html_pages, slug)
    expected = {
        "where-they-work": [(place.setting, place.description) for place in role.workplaces],
        "skills-and-qualities": [(skill.name, skill.detail) for skill in role.skills],
        "experience-levels": [(f"{level.level} ({level.years})", level.description) for level in role.experience_levels],
    }
    for heading_id, items in expected.items():
        if not items:
            assert not article.find("h2", id=heading_id)
            continue
        shown = folds(article, heading_id)
        assert [(fold.summary.get_text(strip=True), words(fold.p.get_text())) for fold in shown] == \
            [(words(name), words(text)) for name, text in items], heading_id
        assert all(fold.get("open") is None and "role-fold" in fold["class"] for fold in shown)


@pytest.mark.parametrize("slug", SLUGS)
def test_questions_beyond_the_first_few_and_the_sources_are_folded(html_pages, slug):
    article = article_of(html_pages, slug)
    asked = [question for question in DATA.faq.model.questions() if slug in question.roles]
    if asked:
        shown = [a["href"] for element in section(article, "questions-people-ask") if element.name == "ul"
                 for a in element.select("a")]
        assert shown == [f"../../faq/#{question.id}" for question in asked[:QUESTIONS_SHOWN]]
        more = folds(article, "questions-people-ask")
        if len(asked) > QUESTIONS_SHOWN:
            (fold,) = more
            rest = len(asked) - QUESTIONS_SHOWN
            assert fold.summary.get_text(strip=True) == f"{rest} more question{'s' if rest > 1 else ''}"
            assert [a["href"] for a in fold.select("a")] == [f"../../faq/#{q.id}" for q in asked[QUESTIONS_SHOWN:]]
        else:
            assert more == []
    (sources,) = folds(article, "sources")
    cited = ROLES[slug].source_ids()
    assert sources.summary.get_text(strip=True) == (f"The {len(cited)} sources this page cites" if len(cited) > 1
                                                    else "The source this page cites")
    assert [li["id"] for li in sources.select("ol.sources > li")] == [f"source-{source_id}" for source_id in cited]


def test_the_role_stylesheet_is_written_into_role_pages_only(html_pages):
    for path, page in html_pages.items():
        carries = bool(page.select('style[data-stylesheet="role"]'))
        assert carries == (path.startswith("roles/") and path != "roles/index.html"), path


# ---------------------------------------------------------------------------
# Chromium at 360 × 640
# ---------------------------------------------------------------------------

# Where each heading starts from the top of the page, in CSS pixels, and the page's height.
PLACES = """() => ({
  height: document.documentElement.scrollHeight,
  contents: document.querySelector('nav.role-contents').getBoundingClientRect().top + scrollY,
  headings: Object.fromEntries([...document.querySelectorAll('article h2[id]')]
    .map(h => [h.id, h.getBoundingClientRect().top + scrollY])),
})"""


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


@pytest.mark.browser
def test_on_a_phone_the_contents_and_how_to_become_one_come_within_the_first_screens(phone, site_url):
    for slug in SLUGS:
        phone.goto(f"{site_url}/roles/{slug}/", wait_until="networkidle")
        places = phone.evaluate(PLACES)
        # measured: the contents list starts 1.1 to 1.3 screens down, "How to become one" 2.3 to 2.9
        assert places["contents"] < 2 * SCREEN, (slug, places["contents"] / SCREEN)
        assert places["headings"]["how-to-become-one"] < 3 * SCREEN, (slug, places["headings"]["how-to-become-one"] / SCREEN)
        # the quick facts box is about a screen, not five
        facts = phone.locator("dl.quick-facts").bounding_box()
        assert facts["height"] < 1.2 * SCREEN, (slug, facts["height"] / SCREEN)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], slug


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_step_numbers_are_readable_in_both_palettes(phone, site_url, scheme):
    phone.goto(f"{site_url}/roles/recovery-coach/")
    phone.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    numbers = phone.evaluate("""() => [...document.querySelectorAll('ol.steps > li')].map(li => {
        const number = getComputedStyle(li, '::before');
        return {content: number.content, colour: number.color, background: number.backgroundColor,
                width: parseFloat(number.width), marker: getComputedStyle(li.parentElement).listStyleType};
    })""")
    assert len(numbers) == len(ROLES["recovery-coach"].steps)
    for number in numbers:
        # the number is the counter in a circle, in place of the list's own marker
        assert number["content"] == "counter(step)" and number["marker"] == "none", number
        assert number["width"] >= 24, number
        assert contrast(number["colour"], number["background"]) >= 4.5, number


@pytest.mark.browser
def test_a_contents_link_shows_its_section_below_the_sticky_header(phone, site_url):
    phone.goto(f"{site_url}/roles/certified-peer-support-specialist/")
    for heading_id in ("how-to-become-one", "pay-and-outlook", "sources"):
        phone.locator(f"nav.role-contents a[href='#{heading_id}']").click()
        phone.wait_for_function(f"() => location.hash === '#{heading_id}'")
        phone.wait_for_timeout(300)  # Material's script may start on this first click and scroll again
        header = phone.locator("header.md-header").bounding_box()
        heading = phone.locator(f"h2#{heading_id}").bounding_box()
        assert heading["y"] >= header["y"] + header["height"] - 1, heading_id
        assert heading["y"] + heading["height"] <= PHONE["height"], heading_id


@pytest.mark.browser
def test_a_fold_opens_from_the_keyboard_with_its_focus_shown_before_materials_script(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/roles/recovery-coach/")
    skill = ROLES["recovery-coach"].skills[0]
    fold = page.locator("details.role-fold", has=page.locator("summary", has_text=skill.name)).first
    detail = fold.locator("p")
    assert not detail.is_visible()
    fold.locator("summary").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # focus from the keyboard, so :focus-visible applies
    outline = fold.locator("summary").evaluate("s => [getComputedStyle(s).outlineStyle, getComputedStyle(s).outlineWidth]")
    assert outline[0] != "none" and float(outline[1].removesuffix("px")) >= 2, outline
    page.keyboard.press("Enter")
    assert fold.evaluate("d => d.open") and detail.is_visible()
    assert words(detail.inner_text()) == words(skill.detail)
    page.keyboard.press("Enter")
    assert not fold.evaluate("d => d.open")
    context.close()


@pytest.mark.browser
def test_on_paper_every_fold_is_printed_open(browser, site_url):
    pypdf = pytest.importorskip("pypdf")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/roles/certified-peer-support-specialist/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.locator("details.role-fold").count() > 10
    assert page.evaluate("""() => [...document.querySelectorAll('details.role-fold > :not(summary)')]
        .every(e => e.getBoundingClientRect().height > 0)""")
    assert not page.locator("nav.role-contents").is_visible()
    text = words(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(page.pdf())).pages))
    role = ROLES["certified-peer-support-specialist"]
    for folded in (role.skills[-1].detail, role.workplaces[-1].description, role.experience_levels[-1].description):
        assert words(folded)[:60] in text, folded[:60]
    context.close()
