"""The real site, built from the real data/, read back with an HTML parser."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ROLE_FILES = sorted((ROOT / "data/roles").glob("*.yml"))
ROLES = {path.stem: yaml.safe_load(path.read_text()) for path in ROLE_FILES}
SECTIONS = ["quick-facts", "how-to-become-one", "what-they-do", "where-they-work", "requirements",
            "pay-and-outlook", "skills-and-qualities", "similar-roles", "sources"]
YEAR = re.compile(r"(19|20)\d\d")

EXPECTED_ROLES = {
    "certified-peer-support-worker", "certified-peer-support-specialist", "recovery-coach",
    "family-peer-specialist", "youth-peer-specialist", "peer-supervisor",
    "community-health-worker", "mental-health-counselor", "social-worker", "psychologist",
}


def role_page(html_pages, slug):
    return html_pages[f"roles/{slug}/index.html"]


def test_all_ten_roles_have_data_and_a_page(html_pages):
    assert set(ROLES) == EXPECTED_ROLES
    for slug in EXPECTED_ROLES:
        assert f"roles/{slug}/index.html" in html_pages


@pytest.mark.parametrize("slug", sorted(EXPECTED_ROLES))
def test_role_page_has_every_section(html_pages, slug):
    page = role_page(html_pages, slug)
    article = page.select_one("article")
    assert article.h1.get_text(strip=True) == ROLES[slug]["title"]
    assert article.select_one(".role-summary").get_text(strip=True)
    ids = [h2.get("id") for h2 in article.find_all("h2")]
    expected = list(SECTIONS)
    if ROLES[slug]["group"] == "peer":
        expected.insert(expected.index("similar-roles"), "experience-levels")
        # each level is folded under its name and years (tests/test_role_pages.py)
        levels = [summary.get_text(" ", strip=True) for summary in article.select("details.role-fold > summary")]
        assert any("1–2 years" in level for level in levels)
        assert any("3+ years" in level for level in levels)
        assert any("5+ years" in level for level in levels)
    optional = {"credentials-for-this-role", "questions-people-ask", "guides-to-the-hard-questions"}
    assert [i for i in ids if i not in optional] == expected
    quick_facts = [dt.get_text(strip=True) for dt in article.select(".quick-facts dt")]
    assert quick_facts == ["Lived experience", "Education", "Certification or licence", "Diagnoses or treats",
                           "Typical settings", "Pay"]
    details = [dt.get_text(strip=True) for dt in article.select("#requirements ~ .role-requirements dt")]
    assert details == ["Lived experience", "Education", "Certification or licence"]
    assert len(article.select("ol.steps > li")) == len(ROLES[slug]["steps"])


@pytest.mark.parametrize("slug", sorted(EXPECTED_ROLES))
def test_pay_is_sourced_or_says_why_not(html_pages, slug):
    page = role_page(html_pages, slug)
    line = page.select(".quick-facts > div")[-1]  # the quick facts' one line, then the detail
    pay = page.select_one("#pay-and-outlook ~ .role-pay")
    if ROLES[slug]["pay"].get("figures"):
        assert line.select(".fact .fact__source") and line.select(".fact .fact__year")
        assert len(pay.select(".fact")) == len(ROLES[slug]["pay"]["figures"])
    else:
        assert line.dd.get_text(" ", strip=True).startswith("No reliable figure")
        text = pay.select_one(".no-figure").get_text(" ", strip=True)
        assert text.startswith("No reliable pay figure exists for this role.")
        assert len(text) > len("No reliable pay figure exists for this role.") + 20


def test_every_figure_carries_a_source_link_and_year(html_pages):
    facts = [fact for page in html_pages.values() for fact in page.select(".fact")]
    assert len(facts) > 20
    for fact in facts:
        link = fact.select_one("a.fact__source")
        assert link and urlparse(link["href"]).scheme in ("https", "http", "") and link.get_text(strip=True)
        assert YEAR.search(fact.select_one(".fact__year").get_text())


def test_unverified_figures_are_labelled(html_pages, built_site):
    labels = {"secondary": "secondary source", "uncertain": "sources disagree"}
    for slug, role in ROLES.items():
        page = role_page(html_pages, slug)
        # The quick facts repeat the first pay figure in one line (with its label); the rest, once.
        shown = [label.get_text(strip=True) for label in page.select(".fact__confidence")
                 if not label.find_parent(class_="quick-facts")]
        wanted = [labels[f["confidence"]] for f in _facts(role) if f.get("confidence") in labels]
        assert sorted(shown) == sorted(wanted), slug
        first = (role["pay"].get("figures") or [{}])[0]
        line = [label.get_text(strip=True) for label in page.select(".quick-facts .fact__confidence")]
        assert line == ([labels[first["confidence"]]] if first.get("confidence") in labels else []), slug


def test_sources_list_every_cited_source_with_publisher_year_and_link(html_pages):
    sources = {s["id"]: s for path in [ROOT / "data/sources.yml", *sorted((ROOT / "data/sources").glob("*.yml"))]
               for s in yaml.safe_load(path.read_text())["sources"]}
    for slug, role in ROLES.items():
        page = role_page(html_pages, slug)
        cited = {f["source"] for f in _facts(role)} | set(role.get("background_sources", []))
        items = page.select("ol.sources > li")
        assert {item["id"].removeprefix("source-") for item in items} == cited, slug
        for item in items:
            source = sources[item["id"].removeprefix("source-")]
            text = item.get_text(" ", strip=True)
            assert source["publisher"] in text
            assert str(source.get("year") or source["checked"]) in text
            if source.get("url"):
                assert item.find("a")["href"] == source["url"]


def test_similar_roles_link_to_real_pages(html_pages):
    for slug in ROLES:
        links = role_page(html_pages, slug).select("#similar-roles + ul a")
        assert links, slug
        for link in links:
            target = link["href"].strip("./").split("/")[0]
            assert target in ROLES and target != slug


def test_crisis_help_on_every_page(html_pages):
    assert "404.html" in html_pages
    for path, page in html_pages.items():
        crisis = page.select_one("aside.crisis")
        assert crisis, path
        assert {"tel:988", "sms:988", "#crisis-lines"} <= {a["href"] for a in crisis.find_all("a")}, path
        # Near the top: before the main content, in the page's own markup.
        assert crisis.find_next("main") is not None, path
        # Every line, with its options, at the foot of the page (tests/test_crisis_help.py).
        lines = page.select_one("#crisis-lines")
        assert {"tel:988", "sms:988", "https://988lifeline.org/"} <= {a["href"] for a in lines.find_all("a")}, path
        text = lines.get_text(" ", strip=True)
        assert "press 1 for the Veterans Crisis Line" in text and "2 for Spanish" in text
        assert "call your local emergency number" in text


def test_home_page_leads_to_the_roles(html_pages):
    home = html_pages["index.html"]
    links = {a["href"] for a in home.select("article a")}
    for slug in EXPECTED_ROLES:
        assert f"roles/{slug}/" in links


def test_navigation_groups_the_roles(html_pages):
    nav = html_pages["index.html"].select_one("nav.md-nav--primary")
    # navigation.prune: a group that is not open is a link to its first role rather than a label
    labels = [label.get_text(" ", strip=True) for label in nav.select("label.md-nav__link, span.md-nav__link, a.md-nav__link")]
    assert any("Peer support roles" in label for label in labels)
    assert any("Related roles" in label for label in labels)


def test_nothing_is_loaded_from_another_origin(html_pages, built_site):
    for path, page in html_pages.items():
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in page.find_all(tag):
                value = element.get(attribute)
                if tag == "link" and "stylesheet" not in (element.get("rel") or []) and "preload" not in (element.get("rel") or []):
                    continue
                assert not value or not urlparse(value).netloc, f"{path}: {tag} {value}"
        for style in page.find_all("style"):
            assert "@import" not in style.get_text(), path
    for css in built_site.rglob("*.css"):
        assert not re.search(r"@import\s+(url\()?['\"]?https?:", css.read_text()), css


def _facts(role):
    steps = [fact for step in role["steps"] for fact in step.get("facts", [])]
    glance = [fact for key in ("training_hours", "supervision", "who_pays")  # shown in "Requirements in detail"
              for fact in role["at_a_glance"][key].get("facts", [])]
    return [*role["pay"].get("figures", []), *glance, *steps, *role.get("outlook", [])]
