"""The FAQ page (/faq/) as built from the real data/faq.yml: every answer folded under its question.

Each answer is in a native <details>, closed, whose <summary> holds the question as a heading with
the question's stable id (hooks/careers/templates/faq/faq.md.j2), so links from other pages keep
working, Material's contents list (sidebar, and the menu on a phone) lists every question, and the
search index still has every answer. Browser behaviour: tests/test_faq_browser.py.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from careers.data.dataset import read_dataset
from careers.data.text import LINK
from conftest import ROOT

FAQ = read_dataset(ROOT / "data").faq.model
QUESTIONS = [(topic, question) for topic in FAQ.topics for question in topic.questions]


def words(text: str) -> str:
    return " ".join(text.split())


def shown(answer_item: str) -> str:
    """An answer paragraph as a reader sees it: `[words](page)` links are their words."""
    return words(LINK.sub(lambda match: match.group(1), str(answer_item)))


@pytest.fixture(scope="module")
def article(html_pages):
    return html_pages["faq/index.html"].select_one("article")


def test_every_answer_is_folded_in_a_closed_details_under_its_question(article):
    assert len(QUESTIONS) >= 25
    folded = article.select("details")
    assert len(folded) == len(QUESTIONS)
    for (_, question), details in zip(QUESTIONS, folded):
        heading = article.find(id=question.id)
        assert heading is not None and heading.name == "h3", question.id
        summary = heading.parent
        # The question is the summary (its first and only element), the summary the first child.
        assert summary.name == "summary" and summary.parent is details, question.id
        assert [child.name for child in summary.find_all(recursive=False)] == ["h3"]
        assert details.find(recursive=False) is summary
        assert words(heading.get_text()) == words(question.question)
        assert "faq-question" in details["class"]
        assert not details.has_attr("open"), question.id
        # The whole answer is inside it, after the summary.
        answer = words(" ".join(child.get_text(" ") for child in summary.find_next_siblings()))
        for item in question.answer:
            assert shown(item) in answer, (question.id, str(item)[:60])
        for fact in question.facts:
            assert words(fact.text) in answer, (question.id, fact.text)
        if question.source_ids():
            assert details.select_one("p.faq-sources")


def test_nothing_of_an_answer_is_left_outside_its_details(article):
    """Between the topic headings there is nothing but questions."""
    for topic in FAQ.topics:
        heading = article.find("h2", id=topic.id)
        following = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2" or "reviewed" in sibling.get("class", []):
                break
            following.append(sibling)
        assert [element.name for element in following] == ["details"] * len(topic.questions), topic.id
        assert [element.h3["id"] for element in following] == [q.id for q in topic.questions]


def test_every_question_is_in_the_contents_list(html_pages):
    """Material's table of contents, in the sidebar on a wide screen and in the menu on a phone."""
    page = html_pages["faq/index.html"]
    expected = []
    for topic in FAQ.topics:
        expected.append((f"#{topic.id}", words(topic.title)))
        expected += [(f"#{q.id}", words(q.question)) for q in topic.questions]
    sidebar = page.select_one(".md-sidebar--secondary nav.md-nav--secondary")
    drawer = page.select_one(".md-sidebar--primary nav.md-nav--secondary")  # the phone's menu
    for contents in (sidebar, drawer):
        assert contents is not None
        assert [(a["href"], words(a.get_text())) for a in contents.select("a")] == expected
    # On a phone, the menu item of this page opens that list (a label for Material's __toc toggle).
    assert page.select_one(".md-sidebar--primary label.md-nav__link--active[for=__toc]")
    # The page itself starts with a link to each topic.
    topics = [a["href"] for a in page.select_one("article h1").find_next_sibling("ul").select("a")]
    assert topics == [f"#{topic.id}" for topic in FAQ.topics]


def test_the_page_carries_its_script_and_stylesheet(html_pages):
    page = html_pages["faq/index.html"]
    # folds.css first: every answer is a fold (mkdocs.yml, extra.content_stylesheets)
    assert [style["data-stylesheet"] for style in page.select("style[data-stylesheet]")] == ["folds", "faq"]
    assert page.select_one("script[data-bundle]")["data-page-scripts"].split() == ["../assets/javascripts/faq.js"]
    button = page.select_one("article button[data-faq-all]")
    assert button and button["type"] == "button" and button.get_text(strip=True) == "Show all answers"


def test_the_search_index_has_every_answer_and_every_question_anchor(built_site):
    """Material's search index is built from the page HTML. A heading inside <summary> ends its
    section when the summary ends, so Material files an answer's words under the question's topic:
    a search for them finds the topic, and faq.js opens the answers there that have the words
    (tests/test_faq_browser.py). The question itself is an entry with its own anchor."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {entry["location"]: entry for entry in index["docs"] if entry["location"].startswith("faq/")}

    def text_of(location: str) -> str:
        return words(html.unescape(re.sub(r"<[^>]+>", " ", entries[location]["text"])))

    for topic, question in QUESTIONS:
        entry = entries.get(f"faq/#{question.id}")
        assert entry and words(html.unescape(entry["title"])) == words(question.question), question.id
        indexed = text_of(f"faq/#{question.id}") + " " + text_of(f"faq/#{topic.id}")
        for item in question.answer:
            assert shown(item) in indexed, (question.id, str(item)[:60])
