"""Being found and shared: site_url, canonical links, sitemap, robots.txt, the 404 page, Open Graph
and Twitter meta, schema.org JSON-LD and the suggested citation, read back from the built site."""

from __future__ import annotations

import datetime
import json
import os
import re
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from careers.pages import render as pages
from careers.site import structured_data
from careers.data.models import Fact, Source
from careers.site.reviewed import last_commit_date
from conftest import copy_project, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE_URL = re.search(r'site_url: !ENV \[SITE_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text()).group(1)
SITE_URL = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
SITE_NAME = "Peer Support Careers"
PREVIEW = "assets/images/social-preview.png"
ROLES = {path.stem: yaml.safe_load(path.read_text()) for path in sorted((ROOT / "data/roles").glob("*.yml"))}
SOURCES = {s["id"]: s for path in [ROOT / "data/sources.yml", *sorted((ROOT / "data/sources").glob("*.yml"))]
               for s in yaml.safe_load(path.read_text())["sources"]}
# Keys whose values are addresses, codes or dates rather than words a reader sees.
NOT_TEXT = {"@context", "@type", "url", "item", "inLanguage", "lastReviewed", "validFrom", "currency",
            "duration", "unitText"}


def content_pages(html_pages):
    return {path: page for path, page in html_pages.items() if path != "404.html"}


def canonical(page) -> str:
    return page.find("link", rel="canonical")["href"]


def meta(page, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(page) -> list[dict]:
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def nodes(value):
    """Every dict inside a JSON-LD value, depth first."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from nodes(child)
    elif isinstance(value, list):
        for child in value:
            yield from nodes(child)


def of_type(page, kind: str) -> list[dict]:
    return [node for document in json_ld(page) for node in nodes(document) if node.get("@type") == kind]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def texts(value, key=None):
    """Every string in a JSON-LD value that is meant as words, with the key it sits under."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            if child_key not in NOT_TEXT:
                yield from texts(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from texts(child, key)
    elif isinstance(value, str):
        yield key, value


def visible(page) -> tuple[str, str]:
    """The page's text as a reader sees it, with and without a space between elements."""
    strings = [s for s in page.body.find_all(string=True) if s.parent.name not in ("script", "style", "template")]
    return squash(" ".join(strings)), squash("".join(strings))


def shown_on(text: str, page_text: tuple[str, str]) -> bool:
    wanted = squash(text)
    if any(wanted in shown for shown in page_text):
        return True
    # A definition list shows "Lived experience" and "Required. ..." as two blocks.
    parts = [part for chunk in text.split("\n\n") for part in chunk.split(": ")]
    return len(parts) > 1 and all(shown_on(part, page_text) for part in parts)


# ---------------------------------------------------------------------------
# site_url, canonical links, sitemap.xml, robots.txt
# ---------------------------------------------------------------------------


def test_site_url_comes_from_the_environment_with_a_default():
    config = (ROOT / "mkdocs.yml").read_text()
    assert re.search(r'^site_url: !ENV \[SITE_URL, "https://[^"]+/"\]$', config, re.M)


def test_every_page_has_a_canonical_link_under_site_url_and_is_in_the_sitemap(html_pages, built_site):
    sitemap = BeautifulSoup((built_site / "sitemap.xml").read_text(), "xml")
    listed = {loc.get_text(strip=True) for loc in sitemap.find_all("loc")}
    canonicals = set()
    for path, page in content_pages(html_pages).items():
        url = canonical(page)
        expected = SITE_URL + path.removesuffix("index.html")
        assert url == expected, path
        canonicals.add(url)
    assert canonicals == listed
    assert html_pages["404.html"].find("link", rel="canonical") is None


def test_robots_txt_allows_crawling_and_names_the_sitemap(built_site):
    lines = (built_site / "robots.txt").read_text().splitlines()
    assert lines == ["User-agent: *", "Allow: /", f"Sitemap: {SITE_URL}sitemap.xml"]


# ---------------------------------------------------------------------------
# The 404 page
# ---------------------------------------------------------------------------


def test_404_page_offers_search_main_sections_and_crisis_help(html_pages):
    page = html_pages["404.html"]
    base = urlsplit(SITE_URL).path
    assert page.title.get_text(strip=True) == f"Page not found - {SITE_NAME}"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    article = page.select_one("article")
    assert article.h1.get_text(strip=True) == "Page not found"
    form = article.select_one("form[role=search]")
    assert form["method"] == "get" and form["action"] == base
    field = form.select_one("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]").get_text(strip=True) == "Search this guide"
    links = {a["href"]: a.get_text(strip=True) for a in article.select(".not-found__sections a")}
    for section in ("roles/", "credentials/", "states/", "faq/"):
        if f"{section}index.html" in html_pages:
            assert base + section in links, section
    assert base in links and base + "about/" in links
    assert all(href.startswith(base) for href in links), links
    # Every asset link is absolute, because GitHub Pages serves this page at any address.
    for tag in page.select("link[rel=stylesheet], script[src]"):
        assert (tag.get("href") or tag.get("src")).startswith(base)
    crisis = page.select_one("aside.crisis")
    assert {"tel:988", "sms:988"} <= {a["href"] for a in crisis.find_all("a")}
    assert not json_ld(page) and not page.select("footer.citation")


# ---------------------------------------------------------------------------
# Open Graph and Twitter cards, and the preview image
# ---------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def test_every_page_has_open_graph_and_twitter_card_meta(html_pages):
    image = SITE_URL + PREVIEW
    for path, page in content_pages(html_pages).items():
        description = page.find("meta", attrs={"name": "description"})["content"]
        heading = page.select_one("article h1").get_text(" ", strip=True)
        expected_title = SITE_NAME if path == "index.html" else heading
        assert meta(page, "og:title") == expected_title, path
        assert meta(page, "og:description") == description, path
        assert meta(page, "og:url") == canonical(page), path
        assert meta(page, "og:type") == ("website" if path == "index.html" else "article")
        assert meta(page, "og:site_name") == SITE_NAME
        assert meta(page, "og:image") == image
        assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
        assert "988" in meta(page, "og:image:alt")
        assert meta(page, "twitter:card") == "summary_large_image"
        assert meta(page, "twitter:title") == expected_title
        assert meta(page, "twitter:description") == description
        assert meta(page, "twitter:image") == image
        assert meta(page, "twitter:image:alt") == meta(page, "og:image:alt")


def test_preview_image_is_a_committed_1200_by_630_png_in_the_site(built_site):
    source = ROOT / "docs" / PREVIEW
    assert png_size(source) == (1200, 630)
    assert source.stat().st_size < 150_000
    assert (built_site / PREVIEW).read_bytes() == source.read_bytes()
    script = (ROOT / "scripts/make_social_preview.py").read_text()
    assert "docs/assets/images/social-preview.png" in script and "/usr/bin/chromium" in script


def test_material_social_cards_plugin_is_not_used():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_AnyTagLoader)
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config.get("plugins", [])]
    assert "social" not in names and "material/social" not in names


class _AnyTagLoader(yaml.SafeLoader):
    pass


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


# ---------------------------------------------------------------------------
# JSON-LD
# ---------------------------------------------------------------------------


def test_every_page_has_one_json_ld_document_for_itself(html_pages):
    for path, page in content_pages(html_pages).items():
        documents = json_ld(page)
        assert len(documents) == 1, path
        document = documents[0]
        assert document["@context"] == "https://schema.org"
        assert document["url"] == canonical(page)
        assert document["isPartOf"] == {"@type": "WebSite", "name": SITE_NAME, "url": SITE_URL}
        datetime.date.fromisoformat(document["lastReviewed"])
        raw = page.find("script", type="application/ld+json").string
        assert "</" not in raw and "<" not in raw, path  # cannot close its script element early


def test_structured_data_says_only_what_the_page_shows(html_pages):
    for path, page in content_pages(html_pages).items():
        documents = json_ld(page)
        shown = visible(page)
        for key, text in texts(documents):
            assert shown_on(text, shown), f"{path}: {key}: {text[:80]!r} is not on the page"


@pytest.mark.parametrize("slug", sorted(ROLES))
def test_role_page_describes_its_occupation(html_pages, slug):
    page = html_pages[f"roles/{slug}/index.html"]
    role = ROLES[slug]
    (occupation,) = of_type(page, "Occupation")
    article = page.select_one("article")
    # the long answers, in "Requirements in detail" (the quick facts give each in one line)
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in article.select(".role-requirements dt")}
    assert occupation["name"] == article.h1.get_text(strip=True) == role["title"]
    assert occupation["description"] == article.select_one(".role-summary").get_text(strip=True)
    assert occupation["educationRequirements"] == facts["Education"].get_text(" ", strip=True)
    assert occupation["qualifications"] == facts["Certification or licence"].get_text(" ", strip=True)
    assert occupation["experienceRequirements"] == "Lived experience: " + facts["Lived experience"].get_text(" ", strip=True)
    duties = [li.get_text(" ", strip=True) for li in article.select("#what-they-do ~ ul")[0].find_all("li")]
    assert occupation["responsibilities"] == duties
    skills = [summary.get_text(strip=True) for summary in article.select("#skills-and-qualities ~ details > summary")
              if summary.find_previous("h2")["id"] == "skills-and-qualities"]
    assert occupation["skills"] == skills
    assert occupation.get("alternateName", []) == role.get("also_called", [])
    (page_node,) = json_ld(page)
    assert page_node["mainEntity"] == occupation
    if role.get("reviewed"):
        assert page_node["lastReviewed"] == str(role["reviewed"])


def test_estimated_salary_only_for_sourced_pay_figures_with_their_year(html_pages):
    seen = {}
    for slug, role in ROLES.items():
        page = html_pages[f"roles/{slug}/index.html"]
        (occupation,) = of_type(page, "Occupation")
        salaries = occupation.get("estimatedSalary", [])
        seen[slug] = salaries
        pay_facts = [squash(f.get_text("")) for f in page.select(".role-pay .fact")]
        figures = role["pay"].get("figures", [])
        if not figures:
            assert not salaries, slug
        for salary in salaries:
            assert salary["currency"] == "USD"
            assert any(text.startswith(squash(salary["description"])) for text in pay_facts), salary["description"]
            figure = next(f for f in figures if salary["description"].startswith(f["text"]))
            assert figure.get("confidence", "verified") in ("verified", "secondary")
            assert salary["validFrom"][:4] in figure["year"]
            assert figure["year"] in salary["description"]
            amount = salary.get("median") or salary["value"]["value"]
            assert f"${amount:,}" in figure["text"] or f"${amount:,.2f}" in figure["text"]
        if salaries:
            assert occupation["occupationLocation"] == [{"@type": "Country", "name": "United States"}]
        else:
            assert "occupationLocation" not in occupation
    psychologist = seen["psychologist"]
    assert psychologist == [{
        "@type": "MonetaryAmountDistribution", "name": "median pay", "currency": "USD",
        "description": "Median pay for psychologists: $85,330 a year (U.S. Bureau of Labor Statistics, May 2022)",
        "validFrom": "2022-05", "duration": "P1Y", "median": 85330,
    }]
    assert not seen["recovery-coach"]  # no reliable pay figure: says why, in words only
    # Peer pay: averages per hour from the 2016 survey; the pay gap between men and women is not pay.
    peer = seen["certified-peer-support-specialist"]
    assert [(s["value"]["value"], s["value"]["unitText"]) for s in peer] == [(15.42, "HOUR"), (16.36, "HOUR")]


def test_faq_page_lists_every_question_with_the_answer_it_shows(html_pages):
    if "faq/index.html" not in html_pages:
        pytest.skip("no FAQ page yet")
    page = html_pages["faq/index.html"]
    faq = yaml.safe_load((ROOT / "data/faq.yml").read_text())
    (document,) = json_ld(page)
    assert document["@type"] == "FAQPage"
    questions = [q for topic in faq["topics"] for q in topic["questions"]]
    entities = document["mainEntity"]
    assert [e["name"] for e in entities] == [q["question"] for q in questions]
    article = page.select_one("article")
    for question, entity in zip(questions, entities):
        heading = article.find(id=question["id"])
        assert squash(heading.get_text(" ")) == squash(question["question"])
        # The answer: folded in the <details> whose summary holds the question, or after the heading.
        folded = heading.find_parent("details")
        blocks = folded.find_all(recursive=False)[1:] if folded else heading.find_next_siblings()
        shown = []
        for sibling in blocks:
            if sibling.name in ("h2", "h3"):
                break
            shown.append(squash(sibling.get_text("")))
        answer = entity["acceptedAnswer"]["text"]
        for part in answer.split("\n\n"):
            assert any(squash(part) in block for block in shown), (question["id"], part[:60])
        # each paragraph as a reader reads it: a `[words](page)` link as its words
        assert answer.split("\n\n")[: len(question["answer"])] == [
            re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", " ".join(p.split())) for p in question["answer"]]
    assert document["lastReviewed"] == str(faq["reviewed"])


def test_breadcrumbs_follow_the_navigation_to_real_pages(html_pages):
    urls = {canonical(page) for page in content_pages(html_pages).values()}
    for path, page in content_pages(html_pages).items():
        (document,) = json_ld(page)
        if path == "index.html":
            assert "breadcrumb" not in document
            continue
        items = document["breadcrumb"]["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[0]["item"] == SITE_URL and items[-1]["item"] == canonical(page)
        assert items[-1]["name"] == document["name"]
        assert all(item["item"] in urls for item in items), path
    role = json_ld(html_pages["roles/psychologist/index.html"])[0]["breadcrumb"]["itemListElement"]
    assert [(i["name"], i["item"]) for i in role] == [
        ("Home", SITE_URL), ("Roles", SITE_URL + "roles/"), ("Psychologist", SITE_URL + "roles/psychologist/")]


# ---------------------------------------------------------------------------
# Suggested citation
# ---------------------------------------------------------------------------


def test_every_page_ends_with_a_suggested_citation(html_pages):
    for path, page in content_pages(html_pages).items():
        citation = page.select_one("article footer.citation")
        assert citation, path
        assert citation is page.select_one("article").find_all(recursive=False)[-1], path
        (document,) = json_ld(page)
        time = citation.find("time")
        assert time["datetime"] == document["lastReviewed"]
        day = datetime.date.fromisoformat(time["datetime"])
        assert time.get_text(strip=True) == f"{day.day} {day:%B %Y}"
        text = citation.select_one(".citation__text").get_text()
        assert squash(text) == squash(f"{SITE_NAME}, {document['name']}, {canonical(page)}, reviewed {day.day} {day:%B %Y}.")


def test_citation_dates_come_from_the_data_or_from_git(html_pages):
    for slug, role in ROLES.items():
        if role.get("reviewed"):
            time = html_pages[f"roles/{slug}/index.html"].select_one("footer.citation time")
            assert time["datetime"] == str(role["reviewed"])
    for path in sorted((ROOT / "docs").glob("*.md")):
        committed = last_commit_date(path)
        front = yaml.safe_load(path.read_text().split("---")[1]) if path.read_text().startswith("---") else {}
        if committed is None or (front or {}).get("reviewed"):
            continue  # uncommitted edits are cited with the build date
        built = "index.html" if path.stem == "index" else f"{path.stem}/index.html"
        assert html_pages[built].select_one("footer.citation time")["datetime"] == committed.isoformat()


# ---------------------------------------------------------------------------
# A fork publishes under its own address
# ---------------------------------------------------------------------------


def test_a_fork_builds_for_its_own_address(tmp_path, monkeypatch):
    """SITE_URL moves every address; a hand-written page may also state its reviewed date."""
    fork = "https://someone.github.io/peer-careers-fork/"
    project = copy_project(tmp_path / "project")
    about = project / "docs/about.md"
    about.write_text(about.read_text().replace("---\n", "---\nreviewed: 2025-02-03\n", 1))
    monkeypatch.setenv("SITE_URL", fork)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    page = BeautifulSoup((site / "roles/psychologist/index.html").read_text(), "lxml")
    assert canonical(page) == fork + "roles/psychologist/"
    assert meta(page, "og:url") == fork + "roles/psychologist/"
    assert meta(page, "og:image") == fork + PREVIEW
    (document,) = json_ld(page)
    assert document["url"] == fork + "roles/psychologist/"
    assert all(item["item"].startswith(fork) for item in document["breadcrumb"]["itemListElement"])
    assert fork + "roles/psychologist/" in page.select_one("footer.citation").get_text()
    assert f"Sitemap: {fork}sitemap.xml" in (site / "robots.txt").read_text()
    assert "https://peer-support-careers.github.io" not in (site / "sitemap.xml").read_text()
    # A hand-written page's front matter can give its reviewed date.
    about_page = BeautifulSoup((site / "about/index.html").read_text(), "lxml")
    assert about_page.select_one("footer.citation time")["datetime"] == "2025-02-03"
    assert json_ld(about_page)[0]["lastReviewed"] == "2025-02-03"
    not_found = BeautifulSoup((site / "404.html").read_text(), "lxml")
    assert not_found.select_one("link[rel=stylesheet]")["href"].startswith("/peer-careers-fork/assets/")
    assert not_found.select_one("form[role=search]")["action"] == "/peer-careers-fork/"


# ---------------------------------------------------------------------------
# The structured-data module on its own (no MkDocs)
# ---------------------------------------------------------------------------


def test_confidence_labels_match_the_pages():
    assert structured_data.CONFIDENCE_LABELS == pages.CONFIDENCE_LABELS


SOURCE = Source(id="bls", title="Pay", publisher="U.S. Bureau of Labor Statistics", url="https://example.org/", year=2020, checked=2026)


@pytest.mark.parametrize(("text", "confidence", "expected"), [
    ("Median pay for counselors: $47,660 a year", "verified", ("MonetaryAmountDistribution", 47660, "P1Y")),
    ("Average pay: $15.42 an hour", "verified", ("MonetaryAmount", 15.42, "HOUR")),
    ("Full-time peers only: $16.36 an hour on average", "secondary", ("MonetaryAmount", 16.36, "HOUR")),
    ("Median pay for counselors: $47,660 a year", "uncertain", None),
    ("Median pay for counselors: $47,660 a year", "example", None),
    ("Men reported earning more than $2.00 an hour more than women", "verified", None),
    ("NHS peer support worker jobs are usually on Band 3 or 4", "verified", None),
    ("38% could not cover a money emergency", "verified", None),
    ("Median pay rose from $40,000 a year to $45,000 a year", "verified", None),
    ("A typical range: $30,000 a year", "verified", None),
])
def test_which_figures_become_estimated_salary(text, confidence, expected):
    fact = Fact(text=text, source="bls", year="May 2020", confidence=confidence)
    salary = structured_data.estimated_salary(fact, SOURCE)
    if expected is None:
        assert salary is None
        return
    kind, value, unit = expected
    assert salary["@type"] == kind and salary["validFrom"] == "2020-05"
    assert salary["description"].startswith(text + " (U.S. Bureau of Labor Statistics, May 2020")
    if kind == "MonetaryAmountDistribution":
        assert (salary["median"], salary["duration"]) == (value, unit)
    else:
        assert (salary["value"]["value"], salary["value"]["unitText"]) == (value, unit)


@pytest.mark.parametrize(("period", "start"), [("May 2022", "2022-05"), ("2016", "2016"), ("2022–32", "2022"),
                                               ("page undated", None)])
def test_period_start(period, start):
    assert structured_data.period_start(period) == start


def test_reviewed_date_prefers_the_data_then_the_page_then_the_build():
    data_day, page_day, today = datetime.date(2026, 1, 5), datetime.date(2025, 3, 1), datetime.date(2026, 6, 1)
    common = dict(title="T", url="https://x.org/t/", trail=[], site_name=SITE_NAME, site_url="https://x.org/", today=today)
    node = {"@type": "WebPage", "lastReviewed": data_day.isoformat()}
    assert structured_data.page_publishing(node, reviewed=page_day, **common).reviewed == data_day
    assert structured_data.page_publishing(None, reviewed=page_day, **common).reviewed == page_day
    assert structured_data.page_publishing(None, reviewed="2025-03-01", **common).reviewed == page_day
    assert structured_data.page_publishing(None, reviewed=None, **common).reviewed == today
    single = structured_data.page_publishing(None, **{**common, "trail": [("Home", "https://x.org/")]})
    assert "breadcrumb" not in single.json_ld


def test_reviewed_date_on_its_own():
    today = datetime.date(2026, 6, 1)
    data_day, page_day = datetime.date(2026, 1, 5), datetime.date(2025, 3, 1)
    assert structured_data.reviewed_date({"lastReviewed": data_day.isoformat()}, page_day, today) == data_day
    assert structured_data.reviewed_date({"@type": "CollectionPage"}, "2025-03-01", today) == page_day
    assert structured_data.reviewed_date(None, "not a date", today) == today


HOME = ("Home", "https://x.org/")
ROLES_SECTION = ("Roles", "https://x.org/roles/")
PEER_SECTION = ("Peer roles", "https://x.org/roles/peer-roles/")


@pytest.mark.parametrize(("page", "sections", "home", "trail"), [
    # A page in a section with an index page: home, the section, the page.
    (("Psychologist", "https://x.org/roles/psychologist/"), [ROLES_SECTION], HOME,
     [HOME, ROLES_SECTION, ("Psychologist", "https://x.org/roles/psychologist/")]),
    # Sections nest outermost first; one without an index page has no address and is left out.
    (("Peer", "https://x.org/roles/peer/"), [ROLES_SECTION, None], HOME,
     [HOME, ROLES_SECTION, ("Peer", "https://x.org/roles/peer/")]),
    (("Peer", "https://x.org/roles/peer/"), [None, ROLES_SECTION, PEER_SECTION], HOME,
     [HOME, ROLES_SECTION, PEER_SECTION, ("Peer", "https://x.org/roles/peer/")]),
    # A section's own index page is named once, by its heading, not again as the section.
    (("All roles", "https://x.org/roles/"), [ROLES_SECTION], HOME, [HOME, ("All roles", "https://x.org/roles/")]),
    # A page outside any section: home and the page.
    (("About", "https://x.org/about/"), [], HOME, [HOME, ("About", "https://x.org/about/")]),
    # The home page itself, and a site without a home page, have no trail.
    (("Peer Support Careers", "https://x.org/"), [], HOME, []),
    (("About", "https://x.org/about/"), [], None, []),
])
def test_breadcrumb_trail(page, sections, home, trail):
    assert structured_data.breadcrumb_trail(page, sections, home) == trail


def test_breadcrumb_trail_becomes_a_breadcrumb_list_with_every_address():
    page = ("Psychologist", "https://x.org/roles/psychologist/")
    trail = structured_data.breadcrumb_trail(page, [ROLES_SECTION], HOME)
    items = structured_data.breadcrumb_list(trail)["itemListElement"]
    assert [(i["position"], i["name"], i["item"]) for i in items] == [
        (1, "Home", "https://x.org/"), (2, "Roles", "https://x.org/roles/"),
        (3, "Psychologist", "https://x.org/roles/psychologist/")]


def test_build_date_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert structured_data.build_date() == datetime.date(2026, 1, 1)


def test_last_commit_date_outside_git_is_none(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# A page\n")
    assert last_commit_date(page) is None
    assert last_commit_date(None) is None
