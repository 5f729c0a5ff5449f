"""The job-description generator in Debian's Chromium: keyboard, preview, copy, downloads, print,
the peer-language check, bad input shown as text, no JavaScript, and no request leaving the page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from careers.data.dataset import read_dataset
from careers.pages.language_check import Checker
from conftest import wait_for_material

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect  # waits without evaluating strings (the pages' CSP forbids eval)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 360, "height": 640}
PAGE = "/jobs/recovery-coach/"
ORGANIZATION = "Harbor Light Recovery"


# `browser` and `site_url` are the session fixtures of conftest.py (one Chromium for every test).


class Visit:
    """A page of the generator, with every request it made, before and after it was ready."""

    def __init__(self, browser, site_url, **options):
        self.origin = urlparse(site_url).netloc
        self.context = browser.new_context(viewport=PHONE, accept_downloads=True, **options)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(site_url + PAGE)
        self.page.wait_for_load_state("networkidle")
        if options.get("java_script_enabled", True):
            self.page.wait_for_selector("#jd-generator[data-ready=yes]", state="attached")
            # Material's own script loads on the reader's first action (partials/on-demand.html): let it, so
            # that every request after this point could only come from what the employer does.
            self.page.mouse.move(1, 1)
            wait_for_material(self.page)
            self.page.wait_for_load_state("networkidle")
        self.loaded = len(self.requests)

    def web_requests(self, since: int = 0) -> list[str]:
        return [url for url in self.requests[since:] if urlparse(url).scheme in ("http", "https")]

    def assert_nothing_left_the_page(self):
        assert self.requests, "no request at all: the test would prove nothing"
        assert [u for u in self.web_requests() if urlparse(u).netloc != self.origin] == []
        assert self.web_requests(self.loaded) == [], "a request was made after the page was ready"

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site_url):
    opened = []

    def open_page(**options) -> Visit:
        opened.append(Visit(browser, site_url, **options))
        return opened[-1]

    yield open_page
    for item in opened:
        item.close()


def fill_valid(page):
    page.fill("#jd-organization", ORGANIZATION)
    page.fill("#jd-city", "Dayton")
    page.fill("#jd-state", "Ohio")
    page.fill("#jd-pay-min", "38,000")
    page.fill("#jd-pay-max", "$44,500")
    page.fill("#jd-apply", "Email jobs@harborlight.example by 30 June.")


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def tab_to(page, target: str, most: int = 3) -> None:
    """Press Tab until `target` has focus; anything passed on the way must be a link (a source)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if focused_id(page) == target:
            return
        assert page.evaluate("document.activeElement.tagName") == "A", focused_id(page)
    raise AssertionError(f"Tab did not reach #{target}; focus is on #{focused_id(page)}")


def preview_text(page) -> str:
    return page.inner_text("#jd-preview")


# ---------------------------------------------------------------------------
# Keyboard, preview, copy
# ---------------------------------------------------------------------------


def test_fill_the_form_by_keyboard_and_copy_the_result(visit):
    v = visit(permissions=["clipboard-read", "clipboard-write"])
    page = v.page
    assert page.is_visible("#jd-form") and not page.is_visible(".jd-nojs")
    page.focus("#jd-organization")
    page.keyboard.type(ORGANIZATION)
    tab_to(page, "jd-about")
    page.keyboard.type("We run two peer-led recovery centers in the Miami Valley.")
    tab_to(page, "jd-city")
    page.keyboard.type("Dayton")
    tab_to(page, "jd-state")
    page.keyboard.type("Ohio")
    tab_to(page, "jd-level-entry")
    page.keyboard.press("ArrowDown")  # radios: arrow keys choose
    assert page.is_checked("#jd-level-experienced")
    tab_to(page, "jd-work-1")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#jd-work-2")
    tab_to(page, "jd-employment")
    page.keyboard.press("ArrowDown")  # a closed select changes with the arrow keys
    assert page.input_value("#jd-employment") == "Part-time"
    tab_to(page, "jd-reports")
    tab_to(page, "jd-pay-min")
    page.keyboard.type("20")
    tab_to(page, "jd-pay-max")
    page.keyboard.type("24.5")
    tab_to(page, "jd-pay-period")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#jd-pay-period") == "hour"
    tab_to(page, "jd-responsibilities")
    tab_to(page, "jd-qualifications")
    tab_to(page, "jd-benefits")
    tab_to(page, "jd-apply")
    page.keyboard.type("Apply at harborlight.example/jobs by 30 June.")

    text = preview_text(page)
    assert text.startswith("Recovery Coach II")  # the experienced title
    assert f"{ORGANIZATION} is looking for a Recovery Coach II in Dayton, Ohio." in text
    assert "We run two peer-led recovery centers in the Miami Valley." in text
    assert "Pay range: $20.00 to $24.50 an hour" in text
    assert "Location: Dayton, Ohio (Hybrid)" in text
    assert "Employment type: Part-time" in text
    assert "Mentor newer coaches" not in text and "mentor newer coaches" in text  # an experienced-level line
    assert page.locator("#jd-preview .jd-placeholder").count() == 0
    assert page.inner_text("#jd-check-status") == "No wording to reconsider, and every essential is there."

    # Copy: focus the button by keyboard and press Enter.
    page.focus("[data-action=copy]")
    page.keyboard.press("Enter")
    expect(page.locator("#jd-status")).to_contain_text("Copied the job description")
    assert page.is_hidden("#jd-confirm")  # nothing flagged: no confirm step
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Recovery Coach II\n=================\n")
    assert f"{ORGANIZATION} is looking for a Recovery Coach II in Dayton, Ohio." in copied
    assert "- Pay range: $20.00 to $24.50 an hour" in copied
    v.assert_nothing_left_the_page()


def test_copy_falls_back_to_a_selected_text_box(visit):
    v = visit()
    page = v.page
    page.evaluate("() => { Object.defineProperty(navigator, 'clipboard', {value: undefined}); document.execCommand = () => false; }")
    fill_valid(page)
    page.click("[data-action=copy]")
    assert page.is_visible("#jd-copy-fallback")
    assert focused_id(page) == "jd-copy-text"
    value = page.input_value("#jd-copy-text")
    assert value.startswith("Recovery Coach\n") and ORGANIZATION in value
    assert page.evaluate("(() => { const t = document.activeElement; return t.selectionEnd - t.selectionStart; })()") == len(value)
    v.assert_nothing_left_the_page()


# ---------------------------------------------------------------------------
# Downloads and print
# ---------------------------------------------------------------------------


def download(page, action) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(f"[data-action={action}]")
    item = info.value
    return item.suggested_filename, Path(item.path()).read_text(encoding="utf-8")


def test_each_download_holds_the_job_description(visit):
    v = visit()
    page = v.page
    fill_valid(page)
    page.fill("#jd-organization", "Harbor *Light* [Recovery] & Friends")  # characters Markdown would read

    name, markdown = download(page, "markdown")
    assert name == "recovery-coach-job-description.md"
    lines = markdown.splitlines()
    assert lines[0] == "# Recovery Coach"
    assert [line for line in lines if line.startswith("## ")] == [
        "## Job brief", "## Responsibilities", "## Qualifications", "## Benefits", "## Additional information"]
    assert "Harbor \\*Light\\* \\[Recovery\\] \\& Friends is looking for a Recovery Coach in Dayton, Ohio." in markdown
    assert "- **Pay range:** $38,000 to $44,500 a year" in markdown
    assert "- Build a trusting, judgment-free relationship with each person you support." in markdown

    name, text = download(page, "text")
    assert name == "recovery-coach-job-description.txt"
    assert text.startswith("Recovery Coach\n==============\n\nJob brief\n---------\n\n")
    assert "Harbor *Light* [Recovery] & Friends is looking for a Recovery Coach in Dayton, Ohio." in text
    assert "- How to apply: Email jobs@harborlight.example by 30 June." in text

    name, html = download(page, "html")
    assert name == "recovery-coach-job-description.html"
    assert html.startswith("<!DOCTYPE html>")
    soup = BeautifulSoup(html, "lxml")
    assert soup.html["lang"] == "en" and soup.title.get_text() == "Recovery Coach"
    assert soup.h1.get_text() == "Recovery Coach"
    assert [h.get_text() for h in soup.find_all("h2")] == [
        "Job brief", "Responsibilities", "Qualifications", "Benefits", "Additional information"]
    assert soup.find("script") is None
    assert "Harbor *Light* [Recovery] & Friends is looking" in soup.get_text()
    expect(page.locator("#jd-status")).to_have_text("Downloaded the job description as HTML (recovery-coach-job-description.html).")
    v.assert_nothing_left_the_page()


def test_print_shows_only_the_job_description(visit):
    v = visit()
    page = v.page
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    fill_valid(page)
    page.click("[data-action=print]")
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    assert page.is_visible("#jd-preview")
    for hidden in ("#jd-form", "#jd-template", ".jd-actions", ".jd-check", "h1"):
        assert not page.is_visible(hidden), hidden
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    # Printed from the browser's menu: the filled-in preview, never the form's controls.
    assert page.is_visible("#jd-preview") and page.is_visible("h1")
    for hidden in ("#jd-form", "#jd-template", ".jd-actions", ".jd-check"):
        assert not page.is_visible(hidden), hidden
    v.assert_nothing_left_the_page()


# ---------------------------------------------------------------------------
# The peer-language check
# ---------------------------------------------------------------------------


def test_wording_and_missing_essentials_are_flagged_with_rewrites(visit):
    v = visit()
    page = v.page
    fill_valid(page)
    responsibilities = page.input_value("#jd-responsibilities")
    page.fill("#jd-responsibilities", responsibilities + "\nMonitor client’s progress towards recovery goals")
    qualifications = [line for line in page.input_value("#jd-qualifications").splitlines()
                      if "Core Competencies" not in line]
    page.fill("#jd-qualifications", "\n".join(qualifications))
    page.fill("#jd-about", "Our clinic serves patients across the county.")

    assert page.inner_text("#jd-check-status") == "3 words or phrases to reconsider, 1 missing essential."
    items = page.locator(".jd-check__item--avoid")
    texts = [items.nth(i).inner_text() for i in range(items.count())]
    # Each warning quotes the words in their line, not a line number (which means nothing once lines wrap).
    assert texts[0].startswith("“patients” in About your organization:\n“Our clinic serves patients across the county.”")
    assert texts[1].startswith("“Monitor client’s progress” in Responsibilities:\n"
                               "“Monitor client’s progress towards recovery goals”")
    # A little context, cut at a whole word.
    assert texts[2].startswith("“client’s” in Responsibilities:\n“Monitor client’s progress towards recovery…”")
    assert "Monitoring people or compliance:" in texts[1] and "Calling people clients:" in texts[2]
    assert not any("line" in text.lower() for text in texts)
    assert "Try: Support people to track their own progress toward the goals they set." in texts[1]
    assert page.locator(".jd-check__item--avoid .jd-check__sources a").first.get_attribute("href") == \
        "../../sources/p/#source-peertac-job-description-tips-2024"
    missing = page.locator(".jd-check__item--missing")
    assert missing.count() == 1
    assert missing.first.inner_text().startswith("SAMHSA core competencies.")
    assert "Add to the qualifications" in missing.first.inner_text()
    # Beside the field, too, and announced with it.
    note = page.locator("#jd-responsibilities-check")
    assert note.is_visible() and note.inner_text() == ("Peer-language check: “Monitor client’s progress”, “client’s”. "
                                                       "See the suggestions under “Peer-language check”.")
    assert "jd-responsibilities-check" in page.get_attribute("#jd-responsibilities", "aria-describedby")
    # The button in a warning takes the keyboard to the field, with the words selected.
    page.locator(".jd-check__item--avoid .jd-check__select").nth(1).click()
    assert focused_id(page) == "jd-responsibilities"
    assert page.evaluate("(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, t.selectionEnd); })()") \
        == "Monitor client’s progress"
    # Warnings are advice, not errors: after the confirm step, the result can still be downloaded.
    page.click("[data-action=text]")
    expect(page.locator("#jd-confirm")).to_be_visible()
    with page.expect_download() as info:
        page.click("#jd-confirm [data-confirm=anyway]")
    assert "Monitor client’s progress" in Path(info.value.path()).read_text(encoding="utf-8")
    v.assert_nothing_left_the_page()


def test_browser_and_build_checks_agree(visit):
    rules = read_dataset(ROOT / "data").language_rules.model
    checker = Checker(rules)
    sentences = [
        "Providing emotional support and counseling during crisis situations",
        "Monitor client’s progress towards recovery goals; assist CLIENTS with treatment plans.",
        "You will not diagnose, treat or prescribe. Diagnose people.",
        "Treat people with respect. Complete clinical assessments and a self-assessment.",
        "Be patient with the patient's family; never keep clients waiting.",
        "Leave medication management to nurses, and administer medications.",
        "Lived experience, supervision, confidentiality and the SAMHSA core competencies.",
        "Support people in recovery from substance use.",
    ]
    v = visit()
    result = v.page.evaluate("""async (sentences) => {
        const rules = PeerLanguageCheck.compile(await (await fetch('../language-rules.json')).json());
        return sentences.map(s => ({
            hits: PeerLanguageCheck.hits(s, rules).map(h => [h.rule.id, h.text, h.start]),
            missing: PeerLanguageCheck.missing(s, rules).map(r => r.id)}));
    }""", sentences)
    expected = [{"hits": [[h.rule.id, h.text, h.start] for h in checker.hits(s)],
                 "missing": [r.id for r in checker.missing(s)]} for s in sentences]
    assert result == expected
    assert sum(len(r["hits"]) for r in result) >= 8


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------


def test_script_in_a_field_is_shown_as_text_and_never_run(visit):
    v = visit()
    page = v.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fill_valid(page)
    attack = '<img src=x onerror="window.pwned=1"><script>window.pwned=1; alert(1)</script>'
    page.fill("#jd-organization", attack)
    page.fill("#jd-about", "<b>We</b> help.")
    error = page.locator("#jd-organization-error")
    assert error.is_visible() and "Remove the HTML or code" in error.inner_text()
    assert page.get_attribute("#jd-organization", "aria-invalid") == "true"
    assert "jd-organization-error" in page.get_attribute("#jd-organization", "aria-describedby")
    assert f"{attack} is looking for a Recovery Coach" in preview_text(page)
    assert page.locator("#jd-preview img, #jd-preview script, #jd-preview b").count() == 0
    assert "<b>We</b> help." in preview_text(page)
    # Nothing can be copied or downloaded until it is fixed: the summary says what and where.
    page.click("[data-action=html]")
    assert focused_id(page) == "jd-summary"
    summary = page.inner_text("#jd-summary")
    assert "Organization name: Remove the HTML or code" in summary and "About your organization" in summary
    page.locator("#jd-summary a").first.click()
    assert focused_id(page) == "jd-organization"
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert [u for u in v.web_requests() if "/x" in urlparse(u).path] == []  # the <img> was never loaded
    v.assert_nothing_left_the_page()


def test_empty_and_absurd_fields_get_a_message_beside_them(visit):
    v = visit()
    page = v.page
    # An empty required field is not an error until the user leaves it.
    assert not page.is_visible("#jd-city-error")
    page.focus("#jd-city")
    page.keyboard.press("Tab")
    assert page.inner_text("#jd-city-error") == "Enter the city where the job is based."
    page.fill("#jd-organization", "A" * 2000)
    assert page.inner_text("#jd-organization-error") == "This is 2,000 characters long. Keep it to 120 characters or fewer."
    page.fill("#jd-pay-min", "52000")
    page.fill("#jd-pay-max", "41000")
    assert page.inner_text("#jd-pay-min-error") == "The lowest pay is higher than the highest pay. Check both numbers."
    assert page.get_attribute("#jd-pay-min", "aria-invalid") == "true"
    assert "[Pay range]" in preview_text(page)
    page.fill("#jd-pay-max", "forty")
    assert page.inner_text("#jd-pay-max-error") == "Enter a number, like 42000 or 21.50."
    page.fill("#jd-pay-max", "0")
    assert page.inner_text("#jd-pay-max-error") == "Pay must be more than zero."
    page.select_option("#jd-pay-period", "hour")
    page.fill("#jd-pay-max", "52000")
    assert "very high for hourly pay" in page.inner_text("#jd-pay-max-error")
    page.fill("#jd-responsibilities", "   \n  ")
    page.focus("#jd-responsibilities")
    page.keyboard.press("Tab")
    assert page.inner_text("#jd-responsibilities-error") == "Write at least one responsibility, one a line."
    # Nothing is cut short without a word, and nothing scrolls sideways on a phone.
    assert len(page.input_value("#jd-organization")) == 2000
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    v.assert_nothing_left_the_page()


def test_changing_level_updates_the_lists_but_keeps_edits(visit):
    v = visit()
    page = v.page
    entry = page.input_value("#jd-responsibilities")
    page.check("#jd-level-senior")
    senior = page.input_value("#jd-responsibilities")
    assert senior != entry and "Lead the recovery coaching program day to day" in senior
    assert page.input_value("#jd-qualifications").startswith("At least 5 years")
    page.fill("#jd-responsibilities", "Run groups.")
    page.check("#jd-level-experienced")
    assert page.input_value("#jd-responsibilities") == "Run groups."
    expect(page.locator("#jd-status")).to_contain_text("so we kept your text")
    assert preview_text(page).startswith("Recovery Coach II")


# ---------------------------------------------------------------------------
# Without JavaScript
# ---------------------------------------------------------------------------


def test_other_pages_do_not_load_the_generator(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(urlparse(request.url).path))
    page.goto(site_url + "/roles/recovery-coach/")
    page.wait_for_load_state("networkidle")
    context.close()
    assert not [path for path in requests if path.endswith("/job-generator.js") or path.startswith("/jobs/")]


def test_without_javascript_the_full_template_shows_with_marked_placeholders(visit):
    v = visit(java_script_enabled=False)
    page = v.page
    assert not page.is_visible("#jd-generator")
    assert page.is_visible(".jd-nojs")
    assert page.is_visible("#jd-template")
    placeholders = page.locator("#jd-template .jd-placeholder")
    assert placeholders.count() >= 6 and placeholders.first.is_visible()
    assert page.locator("#jd-template .fact__confidence--example").inner_text() == "example only, not market data"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.emulate_media(media="print")
    assert page.is_visible("#jd-template")  # printed without JavaScript: the template
    assert [u for u in v.web_requests() if urlparse(u).netloc != v.origin] == []
