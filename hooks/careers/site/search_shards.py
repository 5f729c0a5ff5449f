"""Search that stays light as the site grows: Material's search index cut into small files.

Material's search plugin writes one index of every section's full text (`search/search_index.json`),
which a reader's browser fetched whole before the first result (212 KB compressed with 99 pages,
and growing with every page). This module turns that index into files a query fetches a few of:

- `search/head.json`, what Material's script asks for instead (overrides/partials/on-demand.html
  sends its request there): Material's `config` (the highlighter on a page opened from a result
  reads its `separator`), no documents, and under `config.shards` the keys of the term files, the
  stop words and the limits below. Under 1 KB compressed; it grows only with the number of term
  files, a few bytes each.
- `search/<version>/t/<n>.json`, the term files: each word of the site with the sections that
  have it, as flat triples `[page, section, weight, ...]` in site order (section 0 is the page
  itself; each page counted as a step from the triple before, each section as a step within the
  same page). A file holds the words that start with its key (of the keys a word starts with,
  the longest); none grows past `SHARD_LIMIT`, as no word keeps more than `MAX_POSTINGS` sections
  (its best; the file lists such words under "~").
- `search/<version>/d/<page>-<part>.json`, the page files: the page's address and, for
  `PART_SIZE` sections at a time, each section's anchor, title and the start of its text (what
  a result shows, `TEASER_CHARS`).

The browser side is docs/assets/javascripts/workers/search.js: for a query (at most `QUERY_WORDS`
words) it fetches each word's term file (for the word being typed, up to `EXPAND` files), ranks
the sections from the weights alone, then fetches the page files of the best `PAGES_SHOWN` pages
only (`PARTS_SHOWN` files a page at most). So what a query costs depends on its words and on ten
pages, not on how many pages the site has. `<version>` is a hash of the files, so a browser never
mixes the files of two builds. Material's own `search_index.json` stays in the site, untouched
(tests and tools read it); no browser asks for it.

Words are folded the same way here and in the worker: Unicode NFKD, marks (accents) dropped,
lower case, runs of letters and digits. Weights are BM25 (k1 1.2, b 0.75) on a section's text,
plus a title bonus larger than any text score, times the word's rarity and the page's boost
(`search: boost:` in its front matter, as Material reads it), in quarters.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import unicodedata
import zlib
from collections import Counter, defaultdict

# Material's search configuration keeps lunr's English stop word filter; the same words.
STOP_WORDS = frozenset("""
a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him
his how however i if in into is it its just least let like likely may me might most must my neither
no nor not of off often on only or other our own rather said say says she should since so some than
that the their them then there these they this tis to too twas us wants was we were what when where
which while who whom why will with would yet you your
""".split())

SHARD_LIMIT = 4096     # bytes (gzip -9) a term file aims to stay under
PART_SIZE = 8          # sections in one page file (a long page has several)
TEASER_CHARS = 160     # the start of a section's text (and title) that a result shows
PAGES_SHOWN = 10       # pages whose sections a result lists (Material shows 10 before scrolling)
SECTIONS_SHOWN = 8     # sections listed under one page...
PARTS_SHOWN = 3        # ...from at most this many of its page files
EXPAND = 3             # term files the word being typed may need; more, and only its own is read
QUERY_WORDS = 4        # words of a query searched for (after stop words); the rest are left out
MAX_POSTINGS = 1000    # sections kept for one word (its best), so no word's list grows without end
K1, B, TITLE_BONUS = 1.2, 0.75, 3.0

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower case without accents: 'Médicaid' and 'medicaid' are one word."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return _NON_ASCII.sub(lambda c: "" if unicodedata.category(c[0]).startswith("M") else c[0], decomposed).lower()


def words(text: str) -> list[str]:
    """The words of plain text, folded, as the worker splits a query."""
    return _WORD.findall(fold(text))


def plain(fragment: str) -> str:
    """The text of an HTML fragment of Material's index: tags dropped, entities read."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def teaser(text: str) -> str:
    if len(text) <= TEASER_CHARS:
        return text
    cut = text[:TEASER_CHARS + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + " …"


def _compact(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _gzip_size(data: bytes) -> int:
    """About what gzip -9 makes of it (level 6 is within a few bytes here, and several times faster)."""
    return len(zlib.compress(data, 6)) + 18 if len(data) < 64 * SHARD_LIMIT else len(data)


# A page: its address and its sections' (anchor, title, text, boost), the page's own entry first.
Page = tuple[str, list[tuple[str, str, str, float]]]


def _pages(docs: list[dict]) -> list[Page]:
    """Material's documents by page, in site order, the page's own entry first, then its sections:
    [(page address, [(anchor, title, text, boost)])], title and text as plain text, the boost from
    the page's front matter (`search: boost: 0.5`, as Material's own search reads it) or 1."""
    pages: dict[str, list[tuple[str, str, str, float]]] = {}
    for doc in docs:
        location = doc["location"].split("#", 1)[0]
        anchor = doc["location"][len(location):]
        boost = float(doc.get("boost", 1))
        pages.setdefault(location, []).append((anchor, plain(doc["title"]), plain(doc["text"]), boost))
    return list(pages.items())


def _postings(pages: list[Page]) -> tuple[dict[str, list[tuple[int, int, int]]], set[str]]:
    """word -> [(page, section, weight)] in site order, and the words whose lists were cut to their
    best MAX_POSTINGS."""
    sections = []
    for page, (_, docs) in enumerate(pages):
        for number, (_, title, text, boost) in enumerate(docs):
            sections.append((page, number, set(words(title)), Counter(words(text)), boost))
    average = sum(counts.total() for *_, counts, _ in sections) / max(len(sections), 1) or 1
    frequency = Counter(word for *_, title, counts, _ in sections for word in title | counts.keys())
    rarity = {word: math.log(1 + (len(sections) - found + 0.5) / (found + 0.5)) for word, found in frequency.items()
              if len(word) > 1 and word not in STOP_WORDS}
    postings: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for page, number, title, counts, boost in sections:
        norm = K1 * (1 - B + B * counts.total() / average)
        for word in title | counts.keys():
            if word in rarity:
                tf = counts.get(word, 0)
                score = tf * (K1 + 1) / (tf + norm) + (TITLE_BONUS if word in title else 0)
                postings[word].append((page, number, max(1, round(4 * boost * rarity[word] * score))))
    cut = {word for word, found in postings.items() if len(found) > MAX_POSTINGS}
    for word in cut:
        postings[word] = sorted(sorted(postings[word], key=lambda posting: -posting[2])[:MAX_POSTINGS])
    return postings, cut


def _fragment(word: str, found: list[tuple[int, int, int]]) -> bytes:
    """`"word":[page step, section step, weight, ...]`, one word of a term file."""
    flat, previous_page, previous_section = [], 0, 0
    for page, section, weight in found:
        if page != previous_page:
            previous_section = 0
        flat += [page - previous_page, section - previous_section, weight]
        previous_page, previous_section = page, section
    return _compact(word) + b":" + _compact(flat)


def _term_file(fragments: dict[str, bytes], cut: set[str]) -> bytes:
    parts = [fragments[word] for word in sorted(fragments)]
    if cut & fragments.keys():  # words whose lists hold only their best sections
        parts.append(b'"~":' + _compact(sorted(cut & fragments.keys())))
    return b"{" + b",".join(parts) + b"}"


def _split(prefix: str, bucket: dict[str, bytes], cut: set[str]) -> list[tuple[str, dict[str, bytes]]]:
    """Term files for the words starting with `prefix`: one if it fits SHARD_LIMIT, or the words
    grouped by their next letter, the small groups kept in this file and the large ones split.
    (A group's size is measured alone; groups kept together compress at least as well.)"""
    if _gzip_size(_term_file(bucket, cut)) <= SHARD_LIMIT or all(len(w) == len(prefix) for w in bucket):
        return [(prefix, bucket)]
    own = {word: found for word, found in bucket.items() if len(word) == len(prefix)}
    room = SHARD_LIMIT - (_gzip_size(_term_file(own, cut)) if own else 0)
    groups: dict[str, dict[str, bytes]] = defaultdict(dict)
    for word, found in bucket.items():
        if len(word) > len(prefix):
            groups[word[len(prefix)]][word] = found
    sized = sorted((_gzip_size(_term_file(group, cut)), letter) for letter, group in groups.items())
    files = []
    for size, letter in sized:
        if size <= room:
            own.update(groups[letter])
            room -= size
        else:
            files += _split(prefix + letter, groups[letter], cut)
    return ([(prefix, own)] if own else []) + files


def build(index: dict) -> dict[str, bytes]:
    """Material's search index -> {path under the site's `search/` folder: file content}."""
    pages = _pages(index["docs"])
    postings, cut = _postings(pages)
    term_files = sorted(_split("", {word: _fragment(word, found) for word, found in postings.items()}, cut))
    files: dict[str, bytes] = {}
    for number, (_, words_in) in enumerate(term_files):
        files[f"t/{number}.json"] = _term_file(words_in, cut)
    for page, (location, docs) in enumerate(pages):
        records = [[anchor, teaser(title), teaser(text)] for anchor, title, text, _ in docs]
        for part in range(0, len(records), PART_SIZE):
            files[f"d/{page}-{part // PART_SIZE}.json"] = _compact({"l": location, "r": records[part:part + PART_SIZE]})
    hashed = hashlib.sha256(b"".join(name.encode() + content for name, content in sorted(files.items())))
    version = hashed.hexdigest()[:12]
    head = {
        "config": {**index["config"], "shards": {
            "version": version, "keys": [key for key, _ in term_files], "part": PART_SIZE,
            "pages": PAGES_SHOWN, "sections": SECTIONS_SHOWN, "parts": PARTS_SHOWN, "expand": EXPAND,
            "words": QUERY_WORDS, "stopwords": sorted(STOP_WORDS),
        }},
        "docs": [],
    }
    return {"head.json": _compact(head), **{f"{version}/{name}": content for name, content in files.items()}}
