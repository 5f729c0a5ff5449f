"""Search in Chromium: the site's worker (docs/assets/javascripts/workers/search.js) answers
Material's search box from the small files of hooks/search_shards.py.

A reader who opens search and types "Ohio", "background check" or the words of an FAQ answer gets
the right page first, and search fetches at most 60 KB (gzip -9 of the built files it asked for,
counted from the files, not timed) before those results are on the screen: whether the query is
entered at once or typed a key at a time. Nothing comes from another origin, and Material's whole
index and its worker are never asked for. The files themselves: tests/test_search.py.
"""

from __future__ import annotations

import gzip
import json
import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from careers.data.dataset import read_dataset
from careers.data.text import LINK
from careers.site.search_shards import STOP_WORDS, plain, words
from conftest import PHONE, ROOT, wait_for_material

DESKTOP = {"width": 1280, "height": 800}
BUDGET = 60 * 1024
TYPING_DELAY_MS = 250

# The results of the query itself are on the screen (not those of a part of it typed on the way):
# a result link highlights the query's last word (Material's `h` parameter), or there is none.
RESULTS_OF_QUERY = """(query) => {
  const fold = text => text.normalize("NFKD").replace(/\\p{M}/gu, "").toLowerCase();
  const last = fold(query.trim().split(/\\s+/).pop());
  const box = document.querySelector(".md-search__input");
  if (box.value !== query) return false;
  const links = [...document.querySelectorAll(".md-search-result__link")];
  return links.some(link => (new URL(link.href).searchParams.get("h") || "").split(" ").includes(last))
    || /^No matching/.test(document.querySelector(".md-search-result__meta").textContent.trim());
}"""


def enter_query(page, query: str, typed: bool = False, delay: int = TYPING_DELAY_MS) -> None:
    """Type or paste `query` into the open search box and wait for its own results."""
    box = page.locator(".md-search__input")
    if typed:
        box.press_sequentially(query, delay=delay)
    else:
        box.fill(query)  # pasted: no key at all (overrides/partials/on-demand.html makes it search)
    page.wait_for_function(RESULTS_OF_QUERY, arg=query, timeout=30_000)


@pytest.fixture
def search(browser, site_url):
    """Open a page with Material running and its search box open; yields (page, requests, errors),
    requests being the addresses asked for since the box was opened."""
    contexts = []

    def open_search(path="/", viewport=PHONE):
        context = browser.new_context(viewport=viewport, reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: message.type in ("error", "warning") and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_url + path, wait_until="networkidle")
        page.mouse.move(10, 10)
        wait_for_material(page)
        page.wait_for_load_state("networkidle")
        requests.clear()
        if viewport == PHONE:
            page.locator("label.md-header__button[for='__search']").click()
        else:
            page.keyboard.press("/")
        page.wait_for_function("() => document.getElementById('__search').checked")
        return page, requests, errors

    yield open_search
    for context in contexts:
        context.close()


def groups(page) -> list[list[str]]:
    """Each result (one page) as the paths and anchors of its links, the page's own first."""
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(item =>
      [...item.querySelectorAll('a')].map(a => { const u = new URL(a.href); return u.pathname + u.hash; }))""")


def fetched_bytes(built_site, site_url, requests) -> dict[str, int]:
    """{path: gzip -9 size of the built file} for every address of this site asked for."""
    sizes = {}
    for url in requests:
        assert url.startswith(site_url + "/"), f"asked another origin: {url}"
        path = unquote(urlparse(url).path)
        file = built_site / path.lstrip("/")
        assert file.is_file(), path
        sizes[path] = len(gzip.compress(file.read_bytes(), compresslevel=9))
    return sizes


@pytest.fixture(scope="module")
def faq_words(built_site) -> tuple[str, str]:
    """Two words of one FAQ answer that Material's index has in at most two sections, one being
    the FAQ's (the answer is filed under its question's topic), and the topic's id."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    where: dict[str, set[str]] = {}
    for doc in index["docs"]:
        for word in set(words(plain(doc["title"] + " " + doc["text"]))):
            where.setdefault(word, set()).add(doc["location"])
    for topic in read_dataset(ROOT / "data").faq.model.topics:
        for question in topic.questions:
            answer = " ".join(LINK.sub(lambda match: match.group(1), str(item)) for item in question.answer)
            rare = sorted({word for word in words(answer) if len(word) >= 6 and word not in STOP_WORDS
                           and f"faq/#{topic.id}" in where.get(word, set()) and len(where[word]) <= 2})
            if len(rare) >= 2:
                return f"{rare[0]} {rare[1]}", topic.id
    pytest.fail("no FAQ answer has two words found in at most two sections")


def test_a_state_name_finds_the_state_page_first(search):
    page, requests, errors = search()
    enter_query(page, "Ohio")
    assert groups(page)[0][0] == "/states/oh/"
    assert page.locator(".md-search-result__item h1 mark").first.inner_text() == "Ohio"
    assert errors == []


def test_background_check_finds_the_guide_first_and_says_how_many_pages_match(search):
    page, requests, errors = search("/roles/recovery-coach/", DESKTOP)
    enter_query(page, "background check", typed=True)
    found = groups(page)
    assert found[0][0] == "/criminal-record-and-background-checks/"
    assert len(found) == 10
    count = re.fullmatch(r"(\d+) pages match\. Here are the best 10\.",
                         page.locator(".md-search-result__meta").inner_text())
    assert count and int(count.group(1)) > 10
    assert errors == []


def test_the_words_of_a_faq_answer_find_its_topic_on_the_faq(search, faq_words):
    query, topic = faq_words
    page, requests, errors = search()
    enter_query(page, query)
    first = groups(page)[0]
    assert first[0] == "/faq/" and f"/faq/#{topic}" in first
    link = page.locator(f".md-search-result__item a[href*='#{topic}']").first.get_attribute("href")
    assert parse_qs(urlparse(link).query)["h"] == [query]  # the answer's page highlights both words
    assert errors == []


def test_enter_opens_the_best_result(search):
    page, requests, errors = search("/", DESKTOP)
    enter_query(page, "Ohio", typed=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlparse(page.url).path == "/states/oh/"
    page.wait_for_function("() => document.querySelectorAll('article mark').length > 0")
    assert errors == []


def test_a_word_on_no_page_finds_nothing(search):
    page, requests, errors = search()
    enter_query(page, "zzyzxq")
    assert page.locator(".md-search-result__meta").inner_text() == "No matching documents"
    assert page.locator(".md-search-result__item").count() == 0


def test_typing_fast_ends_with_the_results_of_the_whole_query(search):
    page, requests, errors = search()
    page.locator(".md-search__input").press_sequentially("disability benefits", delay=20)
    page.wait_for_function(RESULTS_OF_QUERY, arg="disability benefits", timeout=30_000)
    page.wait_for_timeout(1000)  # no older query's results arrive after it
    assert groups(page)[0][0] == "/working-on-disability-benefits/"
    link = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert parse_qs(urlparse(link).query)["h"] == ["disability benefits"]


@pytest.mark.parametrize("typed", [False, True], ids=["at once", "typed"])
@pytest.mark.parametrize("query", ["background check", "Ohio", "disability benefits", "peer", "faq answer"])
def test_what_search_fetches_before_the_results_is_within_60_kb(search, built_site, site_url, faq_words,
                                                               query, typed):
    query = faq_words[0] if query == "faq answer" else query
    page, requests, errors = search()
    enter_query(page, query, typed=typed)
    sizes = fetched_bytes(built_site, site_url, list(requests))
    assert "/search/head.json" in sizes and "/assets/javascripts/workers/search.js" in sizes
    assert not [path for path in sizes if path.endswith("search_index.json") or re.search(r"search\.\w+\.min\.js", path)]
    assert all(path.startswith("/search/") or path.endswith("/workers/search.js") for path in sizes), sizes
    assert sum(sizes.values()) <= BUDGET, sorted(sizes.items(), key=lambda item: -item[1])
    assert groups(page)
    assert errors == []


def test_results_show_titles_and_text_as_text(browser, site_url):
    """The worker writes results as HTML for Material: what a page's text holds is escaped, and
    only the found words are marked. It folds words as hooks/careers/site/search_shards.py does."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_url + "/", wait_until="load")
        page.add_script_tag(url=site_url + "/assets/javascripts/workers/search.js")
        hostile = "<img src=x onerror=alert(1)> Ohio's \"rules\" & <b>fees</b>"
        marked = page.evaluate("([text, words]) => highlight(text, words)", [hostile, ["ohio", "fee"]])
        assert marked == ("&lt;img src=x onerror=alert(1)&gt; <mark>Ohio</mark>&#39;s &quot;rules&quot; &amp; "
                          "&lt;b&gt;<mark>fees</mark>&lt;/b&gt;")
        samples = ["Médicaid in São Paulo", "naïve café ﬁnances", "İstanbul Ⅻ", "it’s peer-run: 2,000 hours",
                   "ÜNÏCÖDÉ ١٢٣ résumé", "CRPA/CRS (New York)"]
        page.evaluate("stopwords => { shards = {stopwords: stopwords, words: 99}; }", sorted(STOP_WORDS))
        in_browser = page.evaluate("samples => samples.map(queryWords)", samples)
        in_python = [list(dict.fromkeys(word for word in words(sample) if word not in STOP_WORDS)) for sample in samples]
        assert in_browser == in_python
    finally:
        context.close()


def test_an_address_with_a_query_searches_at_once(browser, site_url):
    """The 404 page's search box sends the reader to /?q=...: search opens with the results."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + "/?q=Ohio")
        page.wait_for_function(RESULTS_OF_QUERY, arg="Ohio", timeout=30_000)
        assert groups(page)[0][0] == "/states/oh/"
    finally:
        context.close()


def test_a_file_that_cannot_be_fetched_says_search_failed(search):
    """A page opened before the site was published again asks for files of the old index: the
    reader is told to reload, not that nothing matches."""
    page, requests, errors = search()
    page.route("**/search/*/t/*.json", lambda route: route.fulfill(status=404, body="Not found"))
    page.locator(".md-search__input").fill("Ohio")
    page.wait_for_function("""() => document.querySelector('.md-search-result__meta').textContent.trim()
                              === 'Search could not load. Reload the page and try again.'""", timeout=15_000)
    assert page.locator(".md-search-result__item").count() == 0
