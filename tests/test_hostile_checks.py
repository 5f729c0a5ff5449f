"""Hostile edits of the real data: implausible pay and hours, crisis links that do not go where they
say, placeholder typos, and pydantic's errors in plain words. Each case breaks one file of a copy of
data/ and asserts the exact lines the build prints; none may be a traceback or "please report it"."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from careers import build_site
from careers.pages.pay_chart import OFF_SCALE_WARNING, OFF_SCALE_WORDS, plot_width
from conftest import line_of, problems_after

PSYCHOLOGIST = "roles/psychologist.yml"
SPECIALIST = "roles/certified-peer-support-specialist.yml"
COACH = "roles/recovery-coach.yml"
JOB = "jobs/recovery-coach.yml"
SHARED = "job-descriptions.yml"
CRISIS = "crisis.yml"
PLACEHOLDERS = "`{organization}`, `{job_title}`, `{location}`"
WHERE_PLACEHOLDERS_WORK = (f"Placeholders ({PLACEHOLDERS}) work only in a template's `brief` and in "
                           "data/job-descriptions.yml's `equal_opportunity`")
NOT_FILLED = ("is not filled in here, so readers would see the braces: write the words themselves, e.g. “our "
              f"organization”. {WHERE_PLACEHOLDERS_WORK}")


def replace(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return change


def expect(data_copy, relative: str, old: str, new: str, needle: str, field: str, message: str) -> None:
    """Replace `old` with `new` in one file: the build must report exactly one problem, at `needle`'s line."""
    found = problems_after(data_copy, relative, replace(old, new))
    assert found == [f"data/{relative}:{line_of(data_copy, relative, needle)}: {field}: {message}"]


# ---------------------------------------------------------------------------
# Plausible pay: every figure read as yearly or hourly
# ---------------------------------------------------------------------------

HIGH = "check the figure against its source (an extra digit, or a lost decimal point?)"


@pytest.mark.parametrize(("relative", "old", "new", "message"), [
    (PSYCHOLOGIST, "$85,330 a year", "$9,999,999 a year",
     f"`$9,999,999 a year` is more than $500,000 a year, far above any pay for this work: {HIGH}"),
    (SPECIALIST, "$15.42 an hour", "$500 an hour",
     f"`$500 an hour` is more than $300 an hour, far above any pay for this work: {HIGH}; if it is yearly pay, write `a year`"),
    (SPECIALIST, "$15.42 an hour", "$3 an hour",
     "`$3 an hour` is less than the federal minimum wage of $7.25 an hour: check the figure against its source; "
     "if it is a difference between two pays, say so (for example `$2 an hour more than`)"),
    (PSYCHOLOGIST, "$85,330 a year", "$1,000 a year",
     "`$1,000 a year` is less than $15,080 a year, the federal minimum wage for full-time work ($7.25 an hour × "
     "2,080 hours): check the figure against its source; give part-time pay by the hour"),
], ids=["9999999-a-year", "500-an-hour", "3-an-hour", "1000-a-year"])
def test_implausible_pay_figure(data_copy, relative, old, new, message):
    expect(data_copy, relative, old, new, new, "pay.figures[1].text", message)


def test_implausible_pay_in_a_range_outside_the_roles(data_copy):
    expect(data_copy, SHARED, "$30,000 to $45,000 a year", "$30,000 to $4,500,000 a year", "$4,500,000",
           "pay_example.text", f"`$30,000 to $4,500,000 a year` is more than $500,000 a year, far above any pay "
           f"for this work: {HIGH}")


@pytest.mark.parametrize(("relative", "old", "new", "needle", "field", "message"), [
    ("faq.yml", "US national survey: $15.42 an hour", "US national survey: $1,542 an hour", "$1,542",
     "topics[4].questions[1].facts[1].text",
     f"`$1,542 an hour` is more than $300 an hour, far above any pay for this work: {HIGH}; if it is yearly pay, "
     "write `a year`"),
    ("articles/pay.yml", "started at $12.58 an hour", "started at $1.25 an hour", "$1.25", "sections[6].facts[1].text",
     "`$1.25 an hour` is less than the federal minimum wage of $7.25 an hour: check the figure against its source; "
     "if it is a difference between two pays, say so (for example `$2 an hour more than`)"),
], ids=["faq", "article"])
def test_implausible_pay_elsewhere_than_a_role(data_copy, relative, old, new, needle, field, message):
    expect(data_copy, relative, old, new, needle, field, message)


def test_money_that_is_not_pay_is_not_held_to_the_pay_ranges(data_copy):
    path = data_copy / "articles/pay.yml"
    path.write_text(replace("started at $12.58 an hour", "started at $12.58 an hour (a training grant of $2,000,000 "
                            "a year paid for it)")(path.read_text(encoding="utf-8")), encoding="utf-8")
    build_site(data_copy)


def test_a_difference_between_two_pays_may_be_small(data_copy):
    """"more than $2.00 an hour more than women" is below the minimum wage, and is not pay: the real data builds."""
    assert "more than $2.00 an hour more than" in (data_copy / SPECIALIST).read_text(encoding="utf-8")
    build_site(data_copy)


# ---------------------------------------------------------------------------
# Plausible hours: the finder's numbers and hour figures in any text
# ---------------------------------------------------------------------------


def test_finder_training_hours_over_the_limit(data_copy):
    expect(data_copy, "finder.yml", "training_hours: 40", "training_hours: 99999", "training_hours: 99999",
           "national[1].training_hours", "99,999 hours of training is more than 2,000 (a full-time year of training, "
           "more than any credential asks): check the number against the credential's rules, or leave "
           "`training_hours` out")


def test_finder_work_hours_over_the_limit(data_copy):
    expect(data_copy, "finder.yml", "work_hours: 3000", "work_hours: 99999", "work_hours: 99999",
           "national[1].work_hours", "99,999 hours of work is more than 10,000 (about five years of full-time work, "
           "more than any credential asks): check the number against the credential's rules, or leave "
           "`work_hours` out")


def test_hour_figure_in_a_text_over_the_work_limit(data_copy):
    expect(data_copy, "states/ca.yml", "1,550 hours of work", "15,500 hours of work", "15,500 hours",
           "credentials[1].work_and_supervision.value", "`15,500 hours` is more than 10,000 hours (about five years "
           "of full-time work, more than any credential asks): check the number against its source")


def test_hour_figure_in_a_training_answer_over_the_training_limit(data_copy):
    expect(data_copy, COACH, 'Peer Recovery: 46 hours of training"', 'Peer Recovery: 4,600 hours of training"',
           "4,600 hours", "at_a_glance.training_hours.facts[1].text", "`4,600 hours` of training is more than 2,000 "
           "hours (a full-time year of training, more than any credential asks): check the number against its source")


# ---------------------------------------------------------------------------
# Crisis links
# ---------------------------------------------------------------------------

CALL = "lines[1].actions[1].href"
NOT_A_NUMBER = ("is not a phone number: after `{scheme}` write digits only, with an optional + first and - . ( ) "
                "between them, no letters or spaces{extra}, e.g. `{scheme}988` or `{scheme}+18002738255`")


@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ('"tel:988"', '"tel:abc"', CALL, "`tel:abc` " + NOT_A_NUMBER.format(scheme="tel:", extra="")),
    ('"tel:988"', '"tel:"', CALL,
     "`tel:` has no phone number: write the number to call after `tel:`, e.g. `tel:988` or `tel:+18002738255`"),
    ('"sms:988"', '"sms:letters"', "lines[1].actions[2].href", "`sms:letters` " + NOT_A_NUMBER.format(
        scheme="sms:", extra=" (words to send go after the number, as `?body=WORD`)")),
    ('"tel:988"', '"tel:98"', CALL, "`tel:98` has 2 digits; a phone number has 3 to 15: check the number, "
     "e.g. `tel:988` or `tel:+18002738255`"),
    ('"tel:988"', '"tel:911"', CALL, "`tel:911` does not use the number the label gives (`Call 988`): make the "
     "link's number and the label's the same"),
    ("https://988lifeline.org/", "https://example.com/chat", "lines[1].actions[3].href",
     "`https://example.com/chat` goes to example.com, but the label says 988lifeline.org: link to a page on that "
     "site, or change the label to name the site the link goes to"),
    ("https://988lifeline.org/", "https://988lifeline.org.example.com/", "lines[1].actions[3].href",
     "`https://988lifeline.org.example.com/` goes to 988lifeline.org.example.com, but the label says "
     "988lifeline.org: link to a page on that site, or change the label to name the site the link goes to"),
    ("https://988lifeline.org/", "https://[988lifeline.org/", "lines[1].actions[3].href",
     "`https://[988lifeline.org/` is not a full web address: write the chat page's address in full, e.g. "
     "`https://988lifeline.org/chat/`"),
    ("https://988lifeline.org/", "ftp://988lifeline.org/", "lines[1].actions[3].href",
     "`ftp://988lifeline.org/` is not a link a reader can use here: start it with `tel:` (to call), `sms:` "
     "(to text) or `https://` (a chat page), e.g. `tel:988`"),
], ids=["tel-letters", "tel-empty", "sms-letters", "tel-too-short", "tel-not-the-labels-number",
        "chat-on-another-host", "chat-on-a-look-alike-host", "chat-address-unreadable", "ftp"])
def test_crisis_link(data_copy, old, new, field, message):
    expect(data_copy, CRISIS, old, new, new.strip('"'), field, message)


def test_chat_link_whose_label_names_no_site_must_be_on_the_sources_site(data_copy):
    found = problems_after(data_copy, CRISIS, lambda text: replace("Chat at 988lifeline.org", "Chat online")(
        replace("https://988lifeline.org/", "https://example.com/chat")(text)))
    line = line_of(data_copy, CRISIS, "https://example.com/chat")
    assert found == [f"data/{CRISIS}:{line}: lines[1].actions[3].href: `https://example.com/chat` goes to example.com, "
                     "which neither the label nor the line's name names, and the line's source `cdcr-988-2022` is "
                     "on cdcr.ca.gov: name the site in the label, e.g. `Chat at example.com`, or link to the line's "
                     "own site"]


@pytest.mark.parametrize("href", ["tel:+18002738255", "tel:1-800-273-8255", "sms:741741?body=HOME",
                                  "https://chat.988lifeline.org/"])
def test_good_crisis_links_are_accepted(data_copy, href):
    path = data_copy / CRISIS
    text = path.read_text(encoding="utf-8")
    old = '"sms:988"' if href.startswith("sms:") else ("https://988lifeline.org/" if href.startswith("https") else '"tel:988"')
    label = {"tel:": "Call 988", "sms:": "Text 988"}.get(href[:4])
    text = text.replace(old, f'"{href}"', 1)
    if label:  # the label (and the compact box's `box_label`) must give the link's number
        text = text.replace(f"label: {label}", f"label: {label[:5]}{href[4:].split('?')[0]}", 2)
    path.write_text(text, encoding="utf-8")
    build_site(data_copy)


# ---------------------------------------------------------------------------
# Placeholders in job-description texts
# ---------------------------------------------------------------------------

BRIEF = "{organization} is looking"


@pytest.mark.parametrize(("typo", "message"), [
    ("{organisation}", f"`{{organisation}}` is not a placeholder: use {PLACEHOLDERS}"),
    ("{ organization }", "`{ organization }` is not a placeholder: write `{organization}`, with one pair of braces "
     f"and no spaces inside; the placeholders are {PLACEHOLDERS}"),
    ("{}", f"`{{}}` is not a placeholder: use {PLACEHOLDERS}"),
    ("{0}", f"`{{0}}` is not a placeholder: use {PLACEHOLDERS}"),
    ("{{organization}}", "`{{organization}}` is not a placeholder: write `{organization}`, with one pair of braces "
     f"and no spaces inside; the placeholders are {PLACEHOLDERS}"),
    ("{organization", "a `{` is unmatched near `{organization`: write a placeholder in one pair of braces, "
     f"{PLACEHOLDERS}"),
], ids=["misspelt", "spaces", "empty", "number", "double-braces", "unmatched"])
def test_placeholder_typo_in_the_brief(data_copy, typo, message):
    found = problems_after(data_copy, JOB, replace(BRIEF, BRIEF.replace("{organization}", typo)))
    line = line_of(data_copy, JOB, "brief:") + 1  # a folded text's line is its list item's
    assert found == [f"data/{JOB}:{line}: brief[1]: {message}"]


def test_placeholder_typo_in_the_equal_opportunity_statement(data_copy):
    expect(data_copy, SHARED, "  {organization} is an equal", "  {organisation} is an equal", "equal_opportunity:",
           "equal_opportunity", f"`{{organisation}}` is not a placeholder: use {PLACEHOLDERS}")


@pytest.mark.parametrize(("relative", "old", "new", "needle", "field", "shown"), [
    # `{organisation}` here used to end the build in a Python traceback (KeyError: 'organisation').
    (JOB, "  - Build a trusting", "  - At {organisation}, build a trusting", "{organisation}", "responsibilities[1]",
     "`{organisation}`"),
    (JOB, "  - Build a trusting", "  - At {organization}, build a trusting", "At {organization}", "responsibilities[1]",
     "`{organization}`"),
    (JOB, "    1–2 years of paid", "    At {organisation}, 1–2 years of paid", "  experience:", "entry.experience",
     "`{organisation}`"),
    (JOB, "  title: Recovery Coach\n", "  title: Recovery Coach at {location}\n", "Coach at {location}", "entry.title",
     "`{location}`"),
    (SHARED, "  - Health insurance", "  - Health insurance at {organisation}", "{organisation}", "benefits[1]",
     "`{organisation}`"),
    (SHARED, 'how_to_apply: "How', 'how_to_apply: "{organization}: How', "how_to_apply:", "how_to_apply",
     "`{organization}`"),
], ids=["responsibility-typo", "responsibility-known", "level-experience", "level-title", "benefit", "how-to-apply"])
def test_placeholders_where_they_are_not_filled_in(data_copy, relative, old, new, needle, field, shown):
    expect(data_copy, relative, old, new, needle, field, f"{shown} {NOT_FILLED}")


def test_a_stray_brace_where_placeholders_are_not_filled_in(data_copy):
    expect(data_copy, SHARED, 'how_to_apply: "How', 'how_to_apply: "Write to us} How', "how_to_apply:", "how_to_apply",
           f"a `{{` or `}}` here would reach readers as typed: remove it. {WHERE_PLACEHOLDERS_WORK}")


def test_a_list_item_that_starts_with_a_brace_needs_quotes(data_copy):
    expect(data_copy, JOB, "  - A high school diploma", "  - {organization}: A high school diploma", "{organization}:",
           "qualifications[6]", "a field name must be plain text, not a list or a set of fields: write `name: value`; "
           "if this is text, put all of it in quotes (\"...\"): text that starts with `{` or `[` needs them")


# ---------------------------------------------------------------------------
# Pydantic's errors in plain words
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("relative", "old", "new", "needle", "field", "message"), [
    (PSYCHOLOGIST, "\nsettings:\n  - Private practice\n  - Hospitals and clinics\n  - Schools and universities\n"
     "  - Government and research\n", "\nsettings: []\n", "settings: []", "settings",
     "is empty: add at least 1 item, each on its own line starting with `- `"),  # was "give have at least 1 item"
    (PSYCHOLOGIST, "\ntitle: Psychologist", '\ntitle: ""', 'title: ""', "title",
     "is empty: write the text after `title:`"),  # was "write have at least 1 character"
    (PSYCHOLOGIST, "\ntitle: Psychologist", "\ntitle:", "title:", "title", "is empty: write the text after `title:`"),
    (PSYCHOLOGIST, "year: May 2022", 'year: "22"', 'year: "22"', "pay.figures[1].year",
     "`22` is too short: write at least 4 characters"),
    (PSYCHOLOGIST, "reviewed: 2026-11-23", "reviewed: yesterday", "reviewed:", "reviewed",
     "`yesterday` is not a date: write it as year-month-day, e.g. `2026-11-23`"),
    (PSYCHOLOGIST, "order: 40", 'order: "first"', "order:", "order",
     "`first` is not a whole number: write digits only, without a decimal point, e.g. `40`"),
    (PSYCHOLOGIST, "order: 40", "order: -1", "order:", "order", "`-1` is too small: use 0 or more"),
    (PSYCHOLOGIST, "required: false", 'required: "maybe"', "required:", "lived_experience.required",
     "`maybe` is not true or false: write `true` or `false`"),
    ("states/ca.yml", "code: CA", "code: ca", "code: ca", "code",
     "`ca` is not a state code: write the state's two-letter postal code in capitals, e.g. `CA`"),
    ("finder.yml", "credential: mha-ncps", "credential: MHA NCPS", "MHA NCPS", "national[1].credential",
     "`MHA NCPS` is not a valid id: use lowercase letters, digits and hyphens, e.g. `recovery-coach`"),
    (SHARED, "  - key: senior\n    label: Senior\n    years: 5+ years\n",
     "  - key: senior\n    label: Senior\n    years: 5+ years\n  - key: senior\n    label: Senior\n    years: 5+ years\n",
     "levels:", "levels", "has 4 items, more than the 3 allowed: remove 1 item"),
    (PSYCHOLOGIST, "title: Psychologist", "title: [Psychologist]", "title: [", "title",
     "expected text, found a list: if this is text, put all of it in quotes (\"...\"); text that starts with `[` "
     "or `- ` needs them"),
], ids=["empty-list", "empty-text", "null-text", "short-period", "date", "whole-number", "negative", "boolean",
        "state-code", "id", "list-too-long", "list-for-text"])
def test_pydantic_errors_read_as_plain_words(data_copy, relative, old, new, needle, field, message):
    expect(data_copy, relative, old, new, needle, field, message)


# ---------------------------------------------------------------------------
# The pay chart: one large figure cannot squash the others
# ---------------------------------------------------------------------------


def yearly_panel(markdown: str):
    figure = BeautifulSoup(markdown, "html.parser").select_one("figure.pay-chart")
    return next(panel for panel in figure.select("g.pay-chart__panel")
                if panel.select_one("text.pay-chart__panel-title").get_text().startswith("Yearly"))


def bars_of(panel) -> dict[str, float]:
    """Amount written beside each bar -> the bar's drawn width."""
    widths = [float(rect["width"]) for rect in panel.select("rect.pay-chart__bar")]
    amounts = [text.get_text() for text in panel.select("text.pay-chart__value")]
    assert len(widths) == len(amounts) >= 3
    return dict(zip(amounts, widths))


def test_a_large_but_allowed_figure_keeps_the_other_bars_visible(data_copy):
    real = bars_of(yearly_panel(build_site(data_copy).pages["compare.md"]))
    path = data_copy / PSYCHOLOGIST
    path.write_text(replace("$85,330 a year", "$450,000 a year")(path.read_text(encoding="utf-8")), encoding="utf-8")
    site = build_site(data_copy)  # inside the plausible range: it builds
    for page in ("compare.md", "pay.md"):
        panel = yearly_panel(site.pages[page])
        bars = bars_of(panel)
        assert bars["$450,000"] == pytest.approx(plot_width(), abs=0.1)  # cut at the end of the scale...
        assert OFF_SCALE_WORDS in " ".join(t.get_text() for t in panel.select("text.pay-chart__meta"))  # ...and says so
        assert " ".join(t.get_text() for t in panel.select("text.pay-chart__warning")).endswith(OFF_SCALE_WARNING)
        others = {amount: width for amount, width in bars.items() if amount != "$450,000"}
        assert set(others) == set(real) - {"$85,330"}
        for amount, width in others.items():  # drawn on the scale the other figures set, as without the outlier
            assert width == pytest.approx(real[amount], abs=0.1) and width > plot_width() / 3, amount
        assert panel.select("text.pay-chart__axis")[-1].get_text() == "$100,000"  # the top of the others' scale


# ---------------------------------------------------------------------------
# The browser generator: unknown placeholders in its JSON stay text
# ---------------------------------------------------------------------------


@pytest.mark.browser
def test_generator_shows_unknown_placeholders_in_its_json_as_text(browser, site_url):
    pytest.importorskip("playwright.sync_api")
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    hostile = "{organisation} {constructor} {__proto__} {0} {} {{organization}} <img src=x onerror=alert(1)>"

    def tamper(route):
        job = json.loads(route.fetch().text())
        job["brief"] = [hostile + " {organization} in {location}", *job["brief"][1:]]
        job["equalOpportunity"] = "{toString} {hasOwnProperty} {organization} is an equal opportunity employer."
        del job["placeholders"]["location"]  # a label the JSON lacks: the placeholder's name shows instead
        route.fulfill(status=200, content_type="application/json", body=json.dumps(job))

    try:
        page.route("**/jobs/recovery-coach.json", tamper)
        page.goto(site_url + "/jobs/recovery-coach/")
        page.wait_for_selector("#jd-generator[data-ready=yes]", state="attached")
        preview = page.locator("#jd-preview")
        first = preview.locator("p").nth(1)  # the title is the first <p>
        assert first.text_content() == hostile + " [Organization name] in [location]"
        assert preview.locator("img").count() == 0
        assert "{toString} {hasOwnProperty} [Organization name] is an equal" in preview.text_content()
        page.fill("#jd-organization", "Harbor Light")
        assert first.text_content().endswith("<img src=x onerror=alert(1)> Harbor Light in [location]")
        assert errors == []
    finally:
        context.close()
