"""What an independent fact check of the built site found wrong, each checked on the real build so
that the old text fails: misattributed hours, checked years shown as figure years, confidence labels
that did not match our sources, "check before you apply" links to other sites, and claims with no source."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from careers.data.dataset import read_dataset
from careers.data.models import Fact
from careers.data.walk import walk
from conftest import ROOT

DATASET = read_dataset(ROOT / "data")
SOURCES = DATASET.sources_by_id
# Sites that summarise or copy other bodies' rules: never the certifying body's own page.
NOT_THE_BODY = {"copelandcenter.com", "casetext.com", "gavvy.com", "txrules.elaws.us", "dokumen.tips",
                "wiki.peerforce.org", "boxinbaby.store", "vdocument.in", "info.5y1.org", "5y1.org"}


def article_text(html_pages, path: str) -> str:
    return " ".join(html_pages[path].select_one("article").get_text(" ", strip=True).split())


def answer_of(page, question_id: str) -> list:
    """The elements of a FAQ answer: from its question's heading to the next heading (or its <details>)."""
    heading = page.select_one(f"#{question_id}")
    folded = heading.find_parent("details")
    if folded is not None:
        return [folded]
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        parts.append(sibling)
    return parts


def every_article(html_pages):
    return {path: " ".join(page.select_one("article").get_text(" ", strip=True).split())
            for path, page in html_pages.items() if page.select_one("article")}


def test_samhsa_is_never_credited_with_the_unconfirmed_40_to_60_and_120_hours(html_pages):
    for path, text in every_article(html_pages).items():
        assert "40 to 60 hours" not in text, path
        assert "up to 120 hours of supervised work" not in text, path
    answer = answer_of(html_pages["faq/index.html"], "hours-and-time")
    samhsa = [fact for part in answer for fact in part.select(".fact") if "SAMHSA" in fact.get_text()]
    assert samhsa and all("American Hospital Association" not in fact.get_text() for fact in samhsa)


def test_no_figure_gives_the_year_we_checked_an_undated_page_as_its_year():
    wrong = []
    for loaded in DATASET.everything():
        for _, value, _ in walk(loaded.model):
            if isinstance(value, Fact):
                source = SOURCES[value.source]
                if value.year.strip() == str(source.checked) and source.year != source.checked:
                    wrong.append((loaded.document.path, value.text))
    assert wrong == []


def test_the_job_description_pay_example_has_no_year_its_source_does_not_give(html_pages):
    pages = [path for path in html_pages if path.startswith("jobs/") and path != "jobs/index.html"]
    assert pages
    for path in pages:
        for fact in html_pages[path].select(".fact"):
            if "$30,000" in fact.get_text():
                assert "2025" not in fact.select_one(".fact__year").get_text(), path


def test_colorado_verified_rules_are_not_labelled_secondary(html_pages):
    page = html_pages["states/co/index.html"]
    for dd in page.select("dl.requirements dd"):
        text = dd.get_text(" ", strip=True)
        if "51%" in text or "250 words" in text:
            assert "secondary source" not in text


def test_new_york_is_not_labelled_secondary_as_a_whole(html_pages):
    text = article_text(html_pages, "states/ny/index.html")
    assert "Mostly from secondary sources" not in text
    assert "Secondary source: read on a third-party summary" not in text


def test_tennessee_secondary_figures_are_cited_to_the_secondary_source(html_pages):
    for dd in html_pages["states/tn/index.html"].select("dl.requirements dd"):
        if "secondary source" in dd.get_text():
            publishers = [a.get_text() for a in dd.select("a.fact__source")]
            assert publishers and not any("Tennessee" in p or "TDMHSAS" in p for p in publishers), publishers


def test_no_state_page_promises_values_it_does_not_show(html_pages):
    for code in (loaded.model.slug for loaded in DATASET.states):
        page = html_pages[f"states/{code}/index.html"]
        for block in page.select("dl.requirements"):
            if "each value is shown" in block.get_text() or "both values are shown" in block.get_text():
                assert block.select("ul.detail__values"), code


@pytest.mark.parametrize("code", ["tx", "id"])
def test_rules_read_on_copies_of_the_rule_text_say_so(html_pages, code):
    text = article_text(html_pages, f"states/{code}/index.html")
    assert "read on a site that republishes them" in text
    assert "Verified on the certifying body's or state's own pages" not in text


def test_check_before_you_apply_links_go_to_the_bodys_own_page(html_pages):
    checked = 0
    for loaded in DATASET.states:
        page = html_pages[f"states/{loaded.model.slug}/index.html"]
        for link in page.select(".warning-text a"):
            parts = urlsplit(link["href"])
            host = parts.netloc.removeprefix("www.")
            assert host not in NOT_THE_BODY, (loaded.model.code, link["href"])
            assert parts.path.strip("/"), f"{loaded.model.code}: a bare home page ({link['href']})"
            checked += 1
    assert checked >= 30


@pytest.mark.parametrize("code", ["nj", "wa"])
def test_states_with_two_credentials_show_one_check_box(html_pages, code):
    assert len(html_pages[f"states/{code}/index.html"].select(".warning-text")) == 1


def test_ohio_says_plainly_that_a_disqualifying_offense_bars_you(html_pages):
    text = article_text(html_pages, "states/oh/index.html")
    assert "no disqualifying offense (no waivers)" not in text.lower()
    assert "waiver" in text.lower()


def test_roles_index_does_not_say_every_neighbouring_role_needs_a_degree_or_license(html_pages):
    text = article_text(html_pages, "roles/index.html")
    assert "They ask for a degree or a license instead." not in text
    assert "community health workers need neither" in text


def test_no_unsourced_doctorate_claim_for_psychologists(html_pages):
    assert "doctorate" not in article_text(html_pages, "roles/psychologist/index.html").lower()


def test_peer_supervisors_are_not_said_to_be_paid_by_medicaid(html_pages):
    text = article_text(html_pages, "roles/peer-supervisor/index.html")
    assert "Medicaid can pay for peer support, and it expects peer services to be supervised" not in text
    assert "Medicaid, in states that choose to cover peer support services, where supervision" not in text


def test_the_editing_guides_pay_example_has_its_source_and_year():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "`Median pay: $47,660 a year`" not in guide
    assert "bls-oes-counselors-2020" in guide and "May 2020" in guide


def test_state_pages_and_peer_role_pages_link_the_guides(html_pages):
    guides = {"moving-to-another-state", "criminal-record-and-background-checks", "costs-and-who-pays"}
    for path in ("states/ny/index.html", "roles/certified-peer-support-specialist/index.html"):
        linked = {a["href"].strip("./").split("/")[-1] for a in html_pages[path].select(".guide-links a")}
        assert guides <= linked, (path, linked)
    faq = html_pages["faq/index.html"]
    for question, guide in (("criminal-record", "criminal-record-and-background-checks"),
                            ("training-cost", "costs-and-who-pays"), ("certification-transfer", "moving-to-another-state")):
        links = [a["href"] for part in answer_of(faq, question) for a in part.select("a")]
        assert any(guide in href for href in links), (question, links)
        assert any(href.rstrip("/").endswith("states") for href in links), (question, links)
