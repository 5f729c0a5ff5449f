"""The stigmatizing-word rules of data/language-rules.yml, run through the build's check
(careers.pages.language_check) and the generator's (job-generator.js, in Chromium) on the same
sentences: each rule catches its words in both, and wording that only looks alike stays quiet in both."""

from __future__ import annotations

from pathlib import Path

import pytest

from careers.data.dataset import read_dataset
from careers.pages.language_check import Checker
from conftest import line_of, problems_after

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "data/language-rules.yml"

# Each new rule with sentences it must flag, and the words it flags in each, as written.
CAUGHT = {
    "clean-and-dirty": [
        ("Applicants must pass a clean drug test.", ["clean drug test"]),
        ("Report dirty urines to the team.", ["dirty urines"]),
        ("Bring clean UAs to each meeting.", ["clean UAs"]),
        ("Help people stay clean.", ["stay clean"]),
        ("You need two years clean and sober.", ["years clean"]),
        ("Must be clean and sober.", ["clean and sober"]),
        ("Clean time of at least one year.", ["Clean time"]),
        ("Must be clean for at least two years.", ["clean for at least two years"]),
        ("Tell us if a screen comes back dirty.", ["comes back dirty"]),
        ("People who tested dirty twice.", ["tested dirty"]),
    ],
    "names-for-substance-use": [
        ("Work with junkies and alcoholics downtown.", ["junkies", "alcoholics"]),
        ("Support drug abusers in the shelter.", ["drug abusers"]),
        ("No druggie stereotypes.", ["druggie"]),
    ],
    "abuse-and-habit": [
        ("Experience with drug abuse and alcohol abuse.", ["drug abuse", "alcohol abuse"]),
        ("Help people with a drug habit.", ["drug habit"]),
        ("Knowledge of drug/alcohol abuse services.", ["drug/alcohol abuse"]),
    ],
    "diagnosis-as-a-name": [
        ("Support schizophrenics to find housing.", ["schizophrenics"]),
        ("Sit with a schizophrenic in the waiting room.", ["schizophrenic"]),
        ("Many people here are bipolar.", ["are bipolar"]),
    ],
    "frequent-flyer": [
        ("Know the frequent flyers by name.", ["frequent flyers"]),
        ("A frequent-flier of the crisis line.", ["frequent-flier"]),
    ],
    "judging-behavior": [
        ("Set limits with manipulative people.", ["manipulative"]),
        ("Reach people who are in denial or attention-seeking.", ["in denial", "attention-seeking"]),
        ("Engage unmotivated people who lack insight.", ["unmotivated", "lack insight"]),
    ],
}

# Wording that shares words with the rules but is fine, all quiet.
QUIET = [
    "Clean the office after groups.",
    "Keep the space clean and welcoming.",
    "Keep the kitchen clean, and clean up after events.",
    "A clean, quiet room for one-to-one talks.",
    "Applicants need a clean driving record.",
    "Keep your phone screen clean.",
    "Cleaning supplies are provided.",
    "Offer non-alcoholic drinks at events; no alcoholic beverages on site.",
    "Introduce people to Alcoholics Anonymous and other mutual-help groups.",
    "We never hire a known child abuser.",
    "Notice the early signs of a schizophrenic episode and call the team.",
    "Learn what is bipolar disorder and what helps.",
    "Support people who use drugs, and people in recovery.",
    "Frequent travel within the county.",
    "Share the dirty work of filing and scheduling.",
    "Help people test their own ideas.",
]

SAMPLES = [(rule, text, words) for rule, cases in CAUGHT.items() for text, words in cases]


@pytest.fixture(scope="module")
def rules():
    return read_dataset(ROOT / "data").language_rules.model


@pytest.fixture(scope="module")
def checker(rules):
    return Checker(rules)


def test_every_new_rule_has_samples_and_its_sources_list_its_words(rules):
    """The new rules cite only the guides in data/sources/language.yml, which list these words;
    PeerTAC's tips and the iNAPS guidelines name none of them."""
    by_id = {rule.id: rule for rule in rules.avoid}
    assert set(CAUGHT) <= set(by_id)
    language_sources = set(read_dataset(ROOT / "data").sources_by_id) & {
        "shatterproof-stigma-reducing-language", "uofl-health-power-of-language", "renfrewshire-language-matters",
        "nottinghamshire-nhs-recovery-oriented-language", "nih-person-first-language"}
    assert len(language_sources) == 5
    for rule_id in CAUGHT:
        rule = by_id[rule_id]
        assert rule.why and rule.rewrite
        assert rule.sources and set(rule.sources) <= language_sources, rule_id


@pytest.mark.parametrize("rule_id, text, words", SAMPLES, ids=[f"{r}:{t}" for r, t, _ in SAMPLES])
def test_each_new_rule_catches_its_words(checker, rule_id, text, words):
    hits = checker.hits(text)
    assert [(h.rule.id, h.text) for h in hits] == [(rule_id, w) for w in words]


@pytest.mark.parametrize("text", QUIET)
def test_lookalike_wording_stays_quiet(checker, text):
    assert checker.hits(text) == []


def test_clean_alone_is_never_a_phrase(rules):
    """`clean` and `dirty` are flagged only in phrases about tests, urine, screens and people."""
    rule = next(r for r in rules.avoid if r.id == "clean-and-dirty")
    assert "clean" not in rule.phrases and "dirty" not in rule.phrases
    assert all(len(phrase.split()) >= 2 for phrase in rule.phrases)


# ---------------------------------------------------------------------------
# The same sentences in the browser: job-generator.js on the built rules
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generator_page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/jobs/recovery-coach/")
    page.wait_for_selector("#jd-generator[data-ready=yes]", state="attached")
    page.evaluate("""async () => {
        window.rules = PeerLanguageCheck.compile(await (await fetch('../language-rules.json')).json());
    }""")
    yield page
    context.close()


def browser_hits(page, text):
    return page.evaluate("text => PeerLanguageCheck.hits(text, window.rules).map(h => [h.rule.id, h.text, h.start])", text)


@pytest.mark.browser
@pytest.mark.parametrize("rule_id, text, words", SAMPLES, ids=[f"{r}:{t}" for r, t, _ in SAMPLES])
def test_the_browser_catches_the_same_words(generator_page, checker, rule_id, text, words):
    expected = [[h.rule.id, h.text, h.start] for h in checker.hits(text)]
    assert expected and {e[0] for e in expected} == {rule_id}
    assert browser_hits(generator_page, text) == expected


@pytest.mark.browser
def test_the_browser_stays_quiet_on_lookalike_wording(generator_page):
    assert {text: browser_hits(generator_page, text) for text in QUIET} == {text: [] for text in QUIET}


@pytest.mark.browser
def test_a_new_rule_warns_beside_the_field_it_is_in(generator_page):
    """In the form itself: typed into a field, a new rule's words are quoted in the check's list."""
    page = generator_page
    page.fill("#jd-about", "We welcome frequent flyers and people who stay clean.")
    items = page.locator(".jd-check__item--avoid")
    assert [items.nth(i).locator("strong").first.inner_text() for i in range(items.count())] == [
        "“frequent flyers”", "“stay clean”"]
    assert page.inner_text("#jd-about-check") == ("Peer-language check: “frequent flyers”, “stay clean”. "
                                                  "See the suggestions under “Peer-language check”.")
    page.fill("#jd-about", "We keep the space clean and welcoming.")
    assert page.locator(".jd-check__item--avoid").count() == 0 and page.is_hidden("#jd-about-check")


def test_a_new_rule_stops_the_build_on_our_own_template(data_copy):
    """The build applies the new rules to data/jobs/ too, with file, line and field."""
    job = "jobs/recovery-coach.yml"
    found = problems_after(data_copy, job, lambda t: t.replace(
        "  - Run or co-lead recovery groups and activities.",
        "  - Run or co-lead groups that help people stay clean.", 1))
    assert len(found) == 1
    assert found[0].startswith(f"data/{job}:{line_of(data_copy, job, 'stay clean')}: responsibilities[8]: "
                               "“stay clean” does not fit peer work (“clean” and “dirty”, data/language-rules.yml "
                               "rule `clean-and-dirty`)")
