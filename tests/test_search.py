"""Search stays light as the site grows: Material's index cut into small files.

hooks/search_shards.py (with hooks/careers/site/search_shards.py) writes search/head.json, the
term files and the page files from Material's own search/search_index.json after every build;
docs/assets/javascripts/workers/search.js fetches a few of them for each query. These tests read
the real built site: every word of every section can be found where the worker looks for it,
every section's title and text are in its page file, and the most a query can fetch, worked out
from the largest files, is within the 60 KB budget; also on an index ten times the size.
Browser behaviour: tests/test_search_browser.py.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from careers.data.dataset import read_dataset
from careers.data.text import LINK
from careers.site import search_shards
from conftest import ROOT
from careers.site.search_shards import plain, words

BUDGET = 60 * 1024  # bytes, gzip -9: what search may fetch before the first results
WORKER = ROOT / "docs/assets/javascripts/workers/search.js"


def gzip_size(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=9))


@pytest.fixture(scope="module")
def material(built_site) -> dict:
    return json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def head(built_site) -> dict:
    return json.loads((built_site / "search/head.json").read_text(encoding="utf-8"))


def files_of(built_site: Path, head: dict) -> dict[str, bytes]:
    folder = built_site / "search" / head["config"]["shards"]["version"]
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*.json")}


def decode(flat: list[int]) -> set[tuple[int, int]]:
    """A word's [page step, section step, weight, ...] as the worker reads it: {(page, section)}."""
    found, page, section = set(), 0, 0
    for k in range(0, len(flat), 3):
        if flat[k]:
            section = 0
        page += flat[k]
        section += flat[k + 1]
        assert flat[k + 2] >= 1
        found.add((page, section))
    return found


def own_file(keys: list[str], word: str) -> int:
    """The term file the worker reads for a whole word: the longest key the word starts with."""
    return max((n for n, key in enumerate(keys) if word.startswith(key)), key=lambda n: len(keys[n]))


def sections_by_word(index: dict) -> dict[str, set[tuple[int, int]]]:
    found: dict[str, set[tuple[int, int]]] = {}
    pages: dict[str, int] = {}
    numbers: dict[int, int] = {}
    for doc in index["docs"]:
        page = pages.setdefault(doc["location"].split("#", 1)[0], len(pages))
        section = numbers[page] = numbers.get(page, -1) + 1
        for word in set(words(plain(doc["title"]))) | set(words(plain(doc["text"]))):
            if len(word) > 1 and word not in search_shards.STOP_WORDS:
                found.setdefault(word, set()).add((page, section))
    return found


def worst_query(head_file: bytes, files: dict[str, bytes], worker: bytes) -> int:
    """The most one query can fetch (bytes, gzip -9), whatever its words: the head and the worker;
    each word's own term file and, for the word being typed, `expand` files in all; the page files
    of `pages` pages, `parts` each: all counted at the size of the largest of their kind."""
    shards = json.loads(head_file)["config"]["shards"]
    term = max(gzip_size(content) for name, content in files.items() if name.startswith("t/"))
    page = max(gzip_size(content) for name, content in files.items() if name.startswith("d/"))
    terms = (shards["words"] - 1 + shards["expand"]) * term
    return gzip_size(head_file) + gzip_size(worker) + terms + shards["pages"] * shards["parts"] * page


def test_the_head_is_small_and_has_no_documents(built_site, material, head):
    assert head["docs"] == []
    config = {key: value for key, value in head["config"].items() if key != "shards"}
    assert config == material["config"]  # the highlighter on a result's page reads the separator
    assert gzip_size((built_site / "search/head.json").read_bytes()) < 2048
    assert head["config"]["shards"]["keys"] == sorted(head["config"]["shards"]["keys"])
    # Only this build's files: a browser never mixes two builds' files.
    folders = [path.name for path in (built_site / "search").iterdir() if path.is_dir()]
    assert folders == [head["config"]["shards"]["version"]]


def test_every_word_of_every_section_is_in_the_file_the_worker_reads(built_site, material, head):
    keys = head["config"]["shards"]["keys"]
    files = files_of(built_site, head)
    terms = [json.loads(files[f"t/{n}.json"]) for n in range(len(keys))]
    expected = sections_by_word(material)
    assert len(expected) > 3000
    for word, sections in expected.items():
        file = terms[own_file(keys, word)]
        assert word in file, word
        if word in file.get("~", []):  # a list cut to its best sections
            assert len(decode(file[word])) == search_shards.MAX_POSTINGS and decode(file[word]) <= sections
        else:
            assert decode(file[word]) == sections, word
    # ...and nothing else: no word in two files, no word that is not on the site.
    listed = [word for file in terms for word in file if word != "~"]
    assert sorted(listed) == sorted(expected)


def test_every_word_of_every_faq_answer_finds_the_faq_page(built_site, material, head):
    keys = head["config"]["shards"]["keys"]
    files = files_of(built_site, head)
    faq = list(dict.fromkeys(doc["location"].split("#", 1)[0] for doc in material["docs"])).index("faq/")
    questions = [question for topic in read_dataset(ROOT / "data").faq.model.topics for question in topic.questions]
    assert len(questions) >= 25
    for question in questions:
        answer = " ".join(LINK.sub(lambda match: match.group(1), str(item)) for item in question.answer)
        for word in set(words(answer + " " + str(question.question))) - search_shards.STOP_WORDS:
            if len(word) > 1:
                file = json.loads(files[f"t/{own_file(keys, word)}.json"])
                assert faq in {page for page, _ in decode(file[word])}, (question.id, word)


def test_every_section_is_in_its_page_file_with_its_title_and_the_start_of_its_text(built_site, material, head):
    files = files_of(built_site, head)
    part = head["config"]["shards"]["part"]
    pages: dict[str, list[dict]] = {}
    for doc in material["docs"]:
        pages.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
    for number, (location, docs) in enumerate(pages.items()):
        for section, doc in enumerate(docs):
            file = json.loads(files[f"d/{number}-{section // part}.json"])
            anchor, title, text = file["r"][section % part]
            assert file["l"] + anchor == doc["location"]
            assert title == plain(doc["title"]) or title.endswith(" …")
            full = plain(doc["text"])
            assert text == full or (text.endswith(" …") and full.startswith(text[:-2]) and len(text) <= 162)
    page_files = [name for name in files if name.startswith("d/")]
    assert len(page_files) == sum(-(-len(docs) // part) for docs in pages.values())


def test_the_most_a_query_can_fetch_is_within_the_budget(built_site, head):
    files = files_of(built_site, head)
    worker = (built_site / "assets/javascripts/workers/search.js").read_bytes()
    assert worker == WORKER.read_bytes()
    assert worst_query((built_site / "search/head.json").read_bytes(), files, worker) <= BUDGET


def test_material_index_is_published_but_not_what_a_browser_asks_for(built_site):
    on_demand = (ROOT / "overrides/partials/on-demand.html").read_text(encoding="utf-8")
    assert 'replace(/search_index\\.json$/, "head.json")' in on_demand
    assert 'replace(/[^/]*$/, "search.js")' in on_demand
    assert (built_site / "search/search_index.json").is_file()


def test_files_stay_small_on_an_index_ten_times_the_size(material):
    """The real index's pages ten times over (new addresses, the same text, as bench/build_time.py
    clones roles): no term or page file grows past its limit, so neither does the most a query
    can fetch, though ten times as many pages match a common word."""
    docs = []
    for copy in range(10):
        for doc in material["docs"]:
            docs.append({**doc, "location": f"copy-{copy}/{doc['location']}"})
    written = search_shards.build({"config": material["config"], "docs": docs})
    head = json.loads(written["head.json"])
    version = head["config"]["shards"]["version"]
    files = {name[len(version) + 1:]: content for name, content in written.items() if name.startswith(version)}
    terms = [gzip_size(content) for name, content in files.items() if name.startswith("t/")]
    pages = [gzip_size(content) for name, content in files.items() if name.startswith("d/")]
    assert max(terms) <= search_shards.SHARD_LIMIT  # even a word on every page: its best sections only
    assert max(pages) <= 1536
    assert gzip_size(written["head.json"]) < 4096
    assert worst_query(written["head.json"], files, WORKER.read_bytes()) <= BUDGET
    cut = set().union(*(json.loads(content).get("~", []) for name, content in files.items() if name.startswith("t/")))
    assert {"peer", "support"} <= cut


def test_the_sources_pages_and_the_editing_guide_rank_below_the_pages_for_readers(material):
    """They name almost every word a reader may search for; their front matter halves their weight."""
    boosts = {doc["location"]: doc.get("boost", 1) for doc in material["docs"] if "#" not in doc["location"]}
    assert boosts["sources/"] == 0.5 and boosts["sources/c/"] == 0.5 and boosts["editing-guide/"] == 0.5
    assert {location for location, boost in boosts.items() if boost != 1} == {
        "editing-guide/", *(location for location in boosts if location.startswith("sources/"))}


def test_a_pages_search_boost_in_front_matter_scales_its_weights(material):
    """`search: boost: 0.5` in a page's front matter (Material writes it into each of the page's
    entries) halves its words' weights, so a reference page can rank below the pages it supports."""
    text = "<p>Peer certification in Ohio needs training hours.</p>"
    docs = [{"location": "a/", "title": "Ohio", "text": text},
            {"location": "b/", "title": "Ohio", "text": text, "boost": 0.5}]
    docs += [{"location": f"other-{n}/", "title": "Other", "text": "<p>Training hours.</p>"} for n in range(20)]
    written = search_shards.build({"config": material["config"], "docs": docs})
    term_file = next(content for name, content in written.items() if "/t/" in name and b'"ohio"' in content)
    flat = json.loads(term_file)["ohio"]
    assert [flat[0], flat[3]] == [0, 1]  # page a, then page b
    assert flat[2] > 20 and abs(flat[5] - flat[2] / 2) <= 1
