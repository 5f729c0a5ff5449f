"""Job-description templates: the peer-language rules, the build-time check of our own templates,
their data mistakes, and the pages and JSON built from the real data/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from careers import DataError, build_site
from careers.data.dataset import read_dataset
from careers.pages.jobs import templates
from careers.pages.language_check import Checker, phrase_regex
from conftest import line_of, problems_after

ROOT = Path(__file__).resolve().parent.parent
PEER_ROLES = ["certified-peer-support-worker", "certified-peer-support-specialist", "recovery-coach",
              "family-peer-specialist", "youth-peer-specialist", "peer-supervisor"]
SECTIONS = ["Job brief", "Responsibilities", "Qualifications", "Benefits", "Additional information"]
# Seed 000's own duties, word for word: wording that does not fit peer work.
SEED_WORDING = {
    "Providing emotional support and counseling during crisis situations": {"counseling"},
    "Monitor client’s progress towards recovery goals": {"monitoring", "clients"},
    "Assist clients in developing recovery plans": {"clients"},
    "provide emotional and practical support to individuals with mental health disorders or substance abuse problems": {"labels"},
}


@pytest.fixture(scope="module")
def dataset():
    return read_dataset(ROOT / "data")


@pytest.fixture(scope="module")
def checker(dataset):
    return Checker(dataset.language_rules.model)


def rules_hit(checker, text):
    return {hit.rule.id for hit in checker.hits(text)}


# ---------------------------------------------------------------------------
# The rules, unit by unit
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", sorted(SEED_WORDING))
def test_seed_000_wording_is_flagged(checker, text):
    assert rules_hit(checker, text) == SEED_WORDING[text]


@pytest.mark.parametrize("text, expected", [
    ("Diagnose mental illness and write treatment plans.", {"diagnosing", "treating"}),
    ("Complete clinical assessments of new patients.", {"clinical-assessment", "patients"}),
    ("Prescribe and manage medications.", {"prescribing"}),
    ("Provide therapy sessions to clients.", {"counseling", "clients"}),
    ("Check that participants stay compliant with medication.", {"monitoring"}),
    ("Work with addicts and the mentally ill.", {"labels"}),
])
def test_clinical_wording_is_flagged(checker, text, expected):
    assert rules_hit(checker, text) == expected


@pytest.mark.parametrize("text", [
    "You will not diagnose, treat or prescribe.",                     # negated in the same sentence
    "Leave diagnosis and medication questions to the clinical team.",  # `leave` negates
    "Treat people with respect and treat everyone with kindness.",     # `unless: treat * with`
    "Be patient and kind.",                                            # patient, the quality
    "Help people complete a self-assessment of their strengths.",      # `unless: self-assessment*`
    "Help people connect with treatment when they choose it.",         # treatment, not treating
    "Work alongside prescribers, nurses and counselors.",              # the professions are fine
])
def test_peer_wording_is_not_flagged(checker, text):
    assert checker.hits(text) == []


def test_negation_does_not_reach_into_the_next_sentence(checker):
    assert rules_hit(checker, "We do not pay for parking. Diagnose conditions.") == {"diagnosing"}


def test_calling_people_clients_is_flagged_even_when_negated(checker):
    assert rules_hit(checker, "Never keep clients waiting.") == {"clients"}


def test_each_hit_says_where_and_keeps_the_words_as_written(checker):
    text = "Support people. Monitor Client's progress."
    hits = checker.hits(text)
    assert [(h.rule.id, h.text) for h in hits] == [("monitoring", "Monitor Client's progress"), ("clients", "Client's")]
    for hit in hits:
        assert text[hit.start:hit.end] == hit.text


def test_overlapping_hits_of_one_rule_count_once(checker):
    assert [h.text for h in checker.hits("Complete clinical assessments.")] == ["clinical assessments"]


def test_missing_essentials_are_named(checker):
    text = "Run support groups. Keep notes confidential. Regular supervision."
    assert [rule.id for rule in checker.missing(text)] == ["lived-experience", "core-competencies"]
    full = "Lived experience. Supervision. Confidentiality. SAMHSA's core competencies."
    assert checker.missing(full) == []


@pytest.mark.parametrize("phrase, matches, misses", [
    ("diagnos*", ["diagnosis", "Diagnosing"], ["prediagnosis"]),
    ("monitor * progress", ["monitor client’s progress", "Monitor  their progress"], ["monitor progress"]),
    ("patient's", ["patient's", "patient’s"], ["patients"]),
    ("self-assessment*", ["self-assessments"], ["assessment"]),
])
def test_phrase_patterns(phrase, matches, misses):
    pattern = re.compile(phrase_regex(phrase), re.IGNORECASE | re.ASCII)
    for text in matches:
        assert pattern.search(text), text
    for text in misses:
        assert not pattern.search(text), text


# ---------------------------------------------------------------------------
# Our own templates pass, at every level
# ---------------------------------------------------------------------------


def test_every_peer_role_has_a_template(dataset):
    assert [t.role.slug for t in templates(dataset)] == [r.slug for r in dataset.roles_in("peer")]
    assert sorted(t.role.slug for t in templates(dataset)) == sorted(PEER_ROLES)


@pytest.mark.parametrize("level", ["entry", "experienced", "senior"])
def test_our_templates_pass_the_check_at_every_level(dataset, checker, level):
    for template in templates(dataset):
        text = template.plain_text(level)
        assert checker.hits(text) == [], template.role.slug
        assert checker.missing(text) == [], template.role.slug
        assert template.job.level(level).title in text


# ---------------------------------------------------------------------------
# Data mistakes: file, line, field and what to do
# ---------------------------------------------------------------------------


JOB = "jobs/recovery-coach.yml"


def test_flagged_wording_in_our_template_stops_the_build(data_copy):
    found = problems_after(data_copy, JOB, lambda t: t.replace(
        "  - Run or co-lead recovery groups and activities.",
        "  - Run or co-lead recovery groups and monitor clients' progress.", 1))
    line = line_of(data_copy, JOB, "monitor clients' progress")
    rules = read_dataset(ROOT / "data").language_rules.model
    why = {rule.id: rule for rule in rules.avoid}
    assert found == [
        f"data/{JOB}:{line}: responsibilities[8]: “clients'” does not fit peer work (calling people clients, "
        f"data/language-rules.yml rule `clients`): {why['clients'].why} Rewrite it, for example: {why['clients'].rewrite}",
        f"data/{JOB}:{line}: responsibilities[8]: “monitor clients' progress” does not fit peer work (monitoring people "
        f"or compliance, data/language-rules.yml rule `monitoring`): {why['monitoring'].why} Rewrite it, for example: "
        f"{why['monitoring'].rewrite}",
    ]


def test_flagged_wording_in_a_level_variant_names_its_field(data_copy):
    found = problems_after(data_copy, JOB, lambda t: t.replace(
        "    - Lead groups on your own, and mentor newer coaches.",
        "    - Lead groups on your own, and counsel newer coaches.", 1))
    line = line_of(data_copy, JOB, "counsel newer coaches")
    assert len(found) == 1
    assert found[0].startswith(f"data/{JOB}:{line}: experienced.responsibilities[2]: “counsel” does not fit peer work")


def test_a_template_without_an_essential_stops_the_build(data_copy):
    found = problems_after(data_copy, JOB, lambda t: t.replace(
        "  - Knowledge of SAMHSA's Core Competencies for Peer Workers, or willingness to learn them in training.\n", "", 1))
    rule = next(r for r in read_dataset(ROOT / "data").language_rules.model.require if r.id == "core-competencies")
    assert found == [
        f"data/{JOB}: the {level} template lacks an essential of peer job descriptions (“SAMHSA core competencies”, "
        f"data/language-rules.yml rule `core-competencies`): {rule.why} {rule.rewrite}"
        for level in ("entry level", "experienced", "senior")]


def test_wording_in_the_shared_file_is_checked(data_copy):
    relative = "job-descriptions.yml"
    found = problems_after(data_copy, relative, lambda t: t.replace("  - Paid time off\n", "  - Free therapy sessions\n", 1))
    line = line_of(data_copy, relative, "Free therapy sessions")
    assert len(found) == 1 and found[0].startswith(f"data/{relative}:{line}: benefits[4]: “therapy sessions” does not fit")


def test_template_role_must_match_its_file_name(data_copy):
    found = problems_after(data_copy, JOB, lambda t: t.replace("role: recovery-coach", "role: peer-supervisor", 1))
    line = line_of(data_copy, JOB, "role: peer-supervisor")
    assert found == [f"data/{JOB}:{line}: role: `peer-supervisor` does not match the file name `recovery-coach.yml`: make them the same"]


def test_template_for_an_unknown_or_neighbouring_role(data_copy):
    (data_copy / "jobs/psychologist.yml").write_text(
        (data_copy / JOB).read_text(encoding="utf-8").replace("role: recovery-coach", "role: psychologist"), encoding="utf-8")
    found = problems_after(data_copy, "jobs/psychologist.yml", lambda t: t)
    assert found == ["data/jobs/psychologist.yml:2: role: `psychologist` is not a peer role: "
                     "job-description templates are for peer roles only"]


def test_unknown_placeholder_in_the_brief(data_copy):
    found = problems_after(data_copy, JOB, lambda t: t.replace("{organization} is looking", "{organisation} is looking", 1))
    line = line_of(data_copy, JOB, "brief:") + 1  # the line of the list item
    assert found == [f"data/{JOB}:{line}: brief[1]: `{{organisation}}` is not a placeholder: use `{{organization}}`, "
                     "`{job_title}`, `{location}`"]


def test_example_pay_range_must_be_labelled_an_example(data_copy):
    relative = "job-descriptions.yml"
    found = problems_after(data_copy, relative, lambda t: t.replace("  confidence: example\n", "  confidence: verified\n", 1))
    line = line_of(data_copy, relative, "pay_example:")
    assert found == [f"data/{relative}:{line}: pay_example: `pay_example` is a placeholder, not market data: give it `confidence: example`"]


RULES = "language-rules.yml"


def test_rule_with_an_unknown_source(data_copy):
    found = problems_after(data_copy, RULES, lambda t: t.replace("      - peertac-job-description-tips-2024\n",
                                                                 "      - peertac-2024\n", 1))
    line = line_of(data_copy, RULES, "- peertac-2024")
    assert found == [f"data/{RULES}:{line}: avoid[1].sources[1]: `peertac-2024` is not in data/sources.yml or data/sources/: add it to one of them or fix the id"]


def test_rule_phrase_that_cannot_be_matched(data_copy):
    found = problems_after(data_copy, RULES, lambda t: t.replace("      - diagnose\n", "      - diagn(o)se\n", 1))
    line = line_of(data_copy, RULES, "diagn(o)se")
    assert found == [f"data/{RULES}:{line}: avoid[1].phrases[1]: `diagn(o)se` cannot be used in a phrase: use letters, digits, "
                     "apostrophes and hyphens; `*` alone stands for any one word, `*` at the end of a word for any ending"]


def test_rule_ids_are_unique(data_copy):
    found = problems_after(data_copy, RULES, lambda t: t.replace("  - id: treating\n", "  - id: diagnosing\n", 1))
    second = line_of(data_copy, RULES, "    label: Treating") - 1
    assert found == [f"data/{RULES}:{second}: avoid[2].id: `diagnosing` is already the id of avoid[1].id: give each rule its own id"]


def test_a_rewrite_the_check_would_flag(data_copy):
    found = problems_after(data_copy, RULES, lambda t: t.replace(
        "      Support people to track their own progress toward the goals they set.",
        "      Support clients to track their own progress toward the goals they set.", 1))
    line = line_of(data_copy, RULES, "Support clients to track")
    assert found == [f"data/{RULES}:{line - 1}: avoid[6].rewrite: the suggested rewrite itself uses “clients”, "
                     "which rule `clients` flags: reword it"]


def test_a_new_rule_catches_our_own_wording(data_copy):
    """An editor adds a rule: the build names every place in our templates that it now flags."""
    found = problems_after(data_copy, RULES, lambda t: t.replace(
        "      - therapeutic intervention*\n", "      - therapeutic intervention*\n      - workshops\n", 1))
    job = "jobs/certified-peer-support-specialist.yml"
    assert len(found) == 1
    assert found[0].startswith(f"data/{job}:{line_of(data_copy, job, 'workshops')}: responsibilities[4]: "
                               "“workshops” does not fit peer work (counseling or therapy")


# ---------------------------------------------------------------------------
# The built pages and files
# ---------------------------------------------------------------------------


def job_page(html_pages, slug):
    return html_pages[f"jobs/{slug}/index.html"]


def test_index_lists_every_template_and_every_rule(html_pages, dataset):
    page = html_pages["jobs/index.html"]
    article = page.select_one("article")
    assert article.h1.get_text(strip=True) == "Job descriptions"
    links = {a["href"] for a in article.select("a[href]")}
    for slug in PEER_ROLES:
        assert f"../jobs/{slug}/" in links
    rules = dataset.language_rules.model
    listed = [li["id"] for li in article.select("li.jd-rule")]
    assert listed == [f"rule-{r.id}" for r in [*rules.avoid, *rules.require]]
    for item in article.select("li.jd-rule"):
        assert item.select_one(".jd-rule__rewrite").get_text(strip=True)
        assert item.select(".jd-rule__sources a[href^='../sources/'][href*='/#source-']")


def test_for_employers_menu(html_pages):
    nav = html_pages["jobs/index.html"].select_one("nav.md-nav--primary")
    section = next(item for item in nav.select("li.md-nav__item--section")
                   if item.select_one(".md-ellipsis").get_text(strip=True) == "For employers")
    titles = [a.get_text(strip=True) for a in section.select("nav a.md-nav__link[href]")
              if a.get_text(strip=True) != "For employers"]
    assert titles == ["Certified Peer Support Worker", "Certified Peer Support Specialist", "Recovery Coach",
                      "Family Peer Specialist", "Youth Peer Specialist", "Peer Supervisor"]


@pytest.mark.parametrize("slug", PEER_ROLES)
def test_template_page_shows_the_whole_template_without_javascript(html_pages, dataset, checker, slug):
    template = next(t for t in templates(dataset) if t.role.slug == slug)
    page = job_page(html_pages, slug)
    article = page.select_one("article")
    assert article.h1.get_text(strip=True) == f"{template.role.title} job description"
    document = article.select_one("#jd-template")
    assert [h.get_text(strip=True) for h in document.find_all("h3")] == SECTIONS
    placeholders = {span.get_text() for span in document.select(".jd-placeholder")}
    assert {"[Organization name]", "[City, State]", "[Pay range]", f"[{template.job.reporting_line}]"} <= placeholders
    text = document.get_text(" ", strip=True)
    for info, variant in template.levels:
        assert variant.title in text and info.years in text
    for item in template.job.responsibilities:
        assert item in text
    # Our own template, as readers see it, passes the peer-language check.
    assert checker.hits(text) == [] and checker.missing(text) == []
    # The form is there for the script, hidden until it runs; a note explains what to do without it.
    generator = article.select_one("#jd-generator")
    assert generator.has_attr("hidden")
    assert "replace each part in [brackets]" in article.select_one(".jd-nojs").get_text()


@pytest.mark.parametrize("slug", PEER_ROLES)
def test_form_fields_are_labelled_and_described(html_pages, slug):
    page = job_page(html_pages, slug)
    form = page.select_one("#jd-form")
    ids = {tag["id"] for tag in page.select("[id]")}
    controls = form.select("input, select, textarea")
    assert len(controls) >= 14
    for control in controls:
        assert page.select_one(f"label[for='{control['id']}']"), control["id"]
        for described in control.get("aria-describedby", "").split():
            assert described in ids, (control["id"], described)
    errors = [p["id"] for p in form.select("p.jd-error")]
    for name in ("organization", "city", "state", "reports", "pay-min", "pay-max", "responsibilities",
                 "qualifications", "apply"):
        assert f"jd-{name}-error" in errors
        assert f"jd-{name}-error" in form.select_one(f"#jd-{name}")["aria-describedby"]
    levels = [label.get_text(" ", strip=True) for label in form.select("input[name=level] + label")]
    assert [level.split(":")[0] for level in levels] == ["Entry level (1–2 years)", "Experienced (3+ years)", "Senior (5+ years)"]


def test_example_pay_range_appears_only_as_a_labelled_example(html_pages, dataset):
    # The range itself ("$30,000 to $45,000"), not any "30,000" (the guides count 30,000 peer workers).
    example = re.search(r"\$[\d,]+ to \$[\d,]+", dataset.job_descriptions.model.pay_example.text).group()
    seen = 0
    for path, page in html_pages.items():
        for text in page.find_all(string=re.compile(re.escape(example))):
            if text.find_parent(["script", "style"]):
                continue
            fact = text.find_parent(class_="fact")
            assert fact is not None, path
            label = fact.select_one(".fact__confidence--example")
            assert label and "not market data" in label.get_text(), path
            assert fact.select_one("a.fact__source")["href"].endswith("#source-cpsw-job-description-template-2025")
            seen += path.startswith("jobs/")
    assert seen == 1 + len(PEER_ROLES) * 2  # the index, and each page's template and form hint


def test_seed_wording_never_appears_on_the_job_pages(html_pages, checker):
    for path, page in html_pages.items():
        if not path.startswith("jobs/"):
            continue
        for selector in ("#jd-template", ".jd-lede", "#jd-form"):
            for node in page.select(selector):
                text = node.get_text(" ", strip=True)
                assert checker.hits(text) == [], (path, selector, checker.hits(text))
                assert "clients" not in text.lower()


def test_sources_are_cited_and_listed(html_pages):
    page = job_page(html_pages, "recovery-coach")
    listed = {li["id"] for li in page.select("ol.sources > li")}
    assert {"source-peertac-job-description-tips-2024", "source-samhsa-core-competencies",
            "source-cpsw-job-description-template-2025"} <= listed
    cited_on = html_pages["sources/p/index.html"].select_one("#source-peertac-job-description-tips-2024").get_text(" ", strip=True)
    assert "Recovery Coach job description" in cited_on and "Job descriptions" in cited_on


def test_generator_json_matches_the_data(built_site, dataset):
    rules = json.loads((built_site / "jobs/language-rules.json").read_text(encoding="utf-8"))
    model = dataset.language_rules.model
    assert [r["id"] for r in rules["avoid"]] == [r.id for r in model.avoid]
    assert rules["avoid"][0]["phrases"] == [phrase_regex(p) for p in model.avoid[0].phrases]
    for rule in rules["avoid"] + rules["require"]:
        for pattern in rule["phrases"]:
            re.compile(pattern)
        assert all(s["href"] == f"sources/{s['publisher'][0].lower()}/#source-{s['id']}" for s in rule["sources"])
    for template in templates(dataset):
        job = json.loads((built_site / f"jobs/{template.role.slug}.json").read_text(encoding="utf-8"))
        assert job["responsibilities"] == list(template.job.responsibilities)
        assert [level["key"] for level in job["levels"]] == ["entry", "experienced", "senior"]
        assert job["payExample"] == template.shared.pay_example.text


def test_job_pages_load_our_script_and_no_inline_script(html_pages):
    def page_scripts(page):
        # The one inline script, partials/on-demand.html, starts these once the page is painted.
        return page.select_one("script[data-page-scripts]")["data-page-scripts"].split()

    page = job_page(html_pages, "peer-supervisor")
    assert page_scripts(page) == ["../../assets/javascripts/job-generator.js"]
    generator = page.select_one("#jd-generator")
    # The generator is loaded on the job pages only.
    for path, other in html_pages.items():
        if path.startswith("jobs/") and path != "jobs/index.html":
            continue
        assert not any("job-generator" in s for s in page_scripts(other)), path
    assert generator.find("script") is None
    assert not any(attr.startswith("on") for tag in generator.find_all(True) for attr in tag.attrs)
