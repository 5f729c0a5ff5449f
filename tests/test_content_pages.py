"""Credentials, states, FAQ, guides and the sources page, built from the real data/."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCES = {s["id"]: s for s in yaml.safe_load((DATA / "sources.yml").read_text())["sources"]}
STATES = {p.stem: yaml.safe_load(p.read_text()) for p in sorted((DATA / "states").glob("*.yml"))}
CREDENTIALS = {p.stem: yaml.safe_load(p.read_text()) for p in sorted((DATA / "credentials").glob("*.yml"))}
FAQ = yaml.safe_load((DATA / "faq.yml").read_text())
ARTICLES = {p.stem: yaml.safe_load(p.read_text()) for p in sorted((DATA / "articles").glob("*.yml"))}
DETAILS = ["scope", "training", "work_and_supervision", "exam", "other_requirements", "renewal"]


def test_the_22_states_of_our_sources_are_covered():
    assert sorted(code.upper() for code in STATES) == sorted(
        "CA TX FL NY PA IL OH GA NC MI WA AZ MA VA NJ CO OR TN IN MO DE ID".split())


def test_the_five_national_credentials_are_covered():
    assert set(CREDENTIALS) == {"mha-ncps", "naadac-ncprss", "icrc-peer-recovery", "nffcmh-cfps", "peer-supervisor-training"}


@pytest.mark.parametrize("code", sorted(STATES))
def test_state_page(html_pages, code):
    state = STATES[code]
    page = html_pages[f"states/{code}/index.html"]
    article = page.select_one("article")
    assert state["name"] in article.h1.get_text()
    # Every credential says to check the certifying body, and links to its page.
    warnings = article.select(".admonition.warning")
    assert len(warnings) == len(state["credentials"])
    for credential, warning in zip(state["credentials"], warnings):
        url = SOURCES[credential["official_source"]].get("url")
        assert "Check before you apply" in warning.get_text()
        if url:
            assert warning.find("a", href=url)
    for credential, block in zip(state["credentials"], article.select("dl.requirements")):
        shown = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in block.find_all("dt")}
        for name, label in zip(DETAILS, ["Scope", "Training", "Work and supervision hours", "Exam", "Other requirements", "Renewal"]):
            item = credential.get(name) or {}
            text = shown[label].get_text(" ", strip=True)
            if "value" not in item:
                assert text == "Not found in our sources."
            elif item.get("confidence") == "uncertain":
                assert text.startswith("Sources disagree:")
                values = [li.get_text(" ", strip=True) for li in shown[label].select("li")]
                assert len(values) == 1 + len(item["other_values"])
            else:
                assert text.startswith(" ".join(item["value"].split()))
                assert shown[label].select_one("a.fact__source")
                if item.get("confidence") == "secondary":
                    assert "secondary source" in text


def test_states_index_lists_every_state_and_helps_readers_elsewhere(html_pages):
    page = html_pages["states/index.html"]
    table = page.select_one("table.states-table")
    assert table.caption and table.select("th[scope=col]")
    linked = {a["href"].strip("/") for a in table.select("th[scope=row] a")}
    assert linked == set(STATES)
    text = page.select_one("article").get_text(" ", strip=True)
    assert "If your state is not listed" in text
    assert "behavioral health agency" in text
    assert page.find("a", href=SOURCES["power2u-state-comparison-2021"]["url"])


@pytest.mark.parametrize("slug", sorted(CREDENTIALS))
def test_credential_page(html_pages, slug):
    credential = CREDENTIALS[slug]
    article = html_pages[f"credentials/{slug}/index.html"].select_one("article")
    assert article.h1.get_text(strip=True) == credential["title"]
    headings = [h2.get_text(strip=True) for h2 in article.find_all("h2")]
    assert {"Who it is for", "Requirements", "How it relates to state certification", "Sources"} <= set(headings)
    topics = [dt.get_text(strip=True).lower() for dt in article.select("dl.requirements dt")]
    assert topics == [r["topic"] for r in credential["requirements"]]
    assert len(article.select("dl.requirements .fact")) == len(credential["requirements"])


def test_faq_has_every_question_with_a_stable_anchor(html_pages):
    page = html_pages["faq/index.html"]
    questions = [q for topic in FAQ["topics"] for q in topic["questions"]]
    assert len(questions) >= 25
    for topic in FAQ["topics"]:
        assert page.find("h2", id=topic["id"])
    for question in questions:
        heading = page.find("h3", id=question["id"])
        assert heading and heading.get_text(strip=True) == question["question"]


def test_role_pages_show_their_tagged_questions(html_pages):
    for topic in FAQ["topics"]:
        for question in topic["questions"]:
            for slug in question.get("roles", []):
                page = html_pages[f"roles/{slug}/index.html"]
                hrefs = {a["href"] for a in page.select("#questions-people-ask + ul a")}
                assert f"../../faq/#{question['id']}" in hrefs, (slug, question["id"])


def test_sources_page_lists_every_source_with_the_pages_citing_it(html_pages):
    page = html_pages["sources/index.html"]
    for source_id, source in SOURCES.items():
        entry = page.find(id=f"source-{source_id}")
        assert entry, source_id
        text = entry.get_text(" ", strip=True)
        assert source["publisher"] in text
        if source.get("url"):
            assert entry.find("a", href=source["url"])


def test_every_figure_links_to_its_entry_on_the_sources_page(html_pages):
    sources_page = html_pages["sources/index.html"]
    for path, page in html_pages.items():
        for link in page.select("a.fact__source"):
            anchor = link["href"].split("#", 1)[1]
            assert link["href"].split("#")[0].endswith("sources/"), (path, link["href"])
            assert sources_page.find(id=anchor), (path, anchor)


def test_pages_show_when_they_were_reviewed(html_pages):
    paths = [f"roles/{p.stem}/index.html" for p in (DATA / "roles").glob("*.yml")]
    paths += [f"states/{code}/index.html" for code in STATES] + ["faq/index.html"]
    paths += [f"credentials/{slug}/index.html" for slug in CREDENTIALS] + [f"{slug}/index.html" for slug in ARTICLES]
    for path in paths:
        assert html_pages[path].select_one("p.reviewed time[datetime]"), path


def test_pay_page_keeps_other_occupations_apart_from_peer_pay(html_pages):
    page = html_pages["pay/index.html"]
    table = page.select_one("table.pay-table")
    assert "not peer pay" in table.caption.get_text()
    kinds = {row.select("td")[0].get_text(strip=True) for row in table.select("tbody tr")}
    assert kinds == {"Peer support roles", "Related roles"}
    text = page.select_one("article").get_text(" ", strip=True)
    assert "one advertised post" in text.lower()


def test_the_seeds_wrong_claims_are_absent(built_site):
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if path.name == "index.html" and path.parent.name == "editorial-policy":
            continue  # the editorial policy names the claim in order to say it is wrong
        assert "National Peer Support Alliance" not in text, path
        assert "49,410" not in text, path


def test_state_pages_do_not_claim_national_credentials_are_recognized_everywhere(html_pages):
    """Nothing in our sources supports it, and North Carolina accepts no other state's certification."""
    states = [path for path in html_pages if path.startswith("states/") and path != "states/index.html"]
    assert states
    for path in states:
        text = " ".join(html_pages[path].get_text().split())
        assert "recognized across states" not in text, path
        assert "Ask the certifying body above how they treat certifications from other states, before you move." in text, path
