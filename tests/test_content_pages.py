"""Credentials, states, FAQ, guides and the sources page, built from the real data/."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import link_target

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCES = {s["id"]: s for s in yaml.safe_load((DATA / "sources.yml").read_text())["sources"]}
STATES = {p.stem: yaml.safe_load(p.read_text()) for p in sorted((DATA / "states").glob("*.yml"))}
CREDENTIALS = {p.stem: yaml.safe_load(p.read_text()) for p in sorted((DATA / "credentials").glob("*.yml"))}
FAQ = yaml.safe_load((DATA / "faq.yml").read_text())
ARTICLES = {p.stem: yaml.safe_load(p.read_text()) for p in sorted((DATA / "articles").glob("*.yml"))}
SOURCES.update({s["id"]: s for p in sorted((DATA / "sources").glob("*.yml")) for s in yaml.safe_load(p.read_text())["sources"]})
DETAILS = ["scope", "training", "work_and_supervision", "exam", "other_requirements", "background_check", "renewal"]
LABELS = ["Scope", "Training", "Work and supervision hours", "Exam", "Other requirements", "Background check", "Renewal"]
ALL_STATES_AND_DC = """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY
NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"""


def test_every_state_and_dc_has_a_page():
    assert sorted(code.upper() for code in STATES) == sorted(ALL_STATES_AND_DC.split())


def test_the_five_national_credentials_are_covered():
    assert set(CREDENTIALS) == {"mha-ncps", "naadac-ncprss", "icrc-peer-recovery", "nffcmh-cfps", "peer-supervisor-training"}


@pytest.mark.parametrize("code", sorted(STATES))
def test_state_page(html_pages, code):
    state = STATES[code]
    page = html_pages[f"states/{code}/index.html"]
    article = page.select_one("article")
    assert state["name"] in article.h1.get_text()
    # One "Check before you apply" box names each certifying body once, linked to its own page
    # when our sources have one, and otherwise says to contact it.
    boxes = article.select(".warning-text")
    credentials = state.get("credentials") or []
    assert len(boxes) == (1 if credentials else 0)
    if credentials:
        box = boxes[0]
        assert "Check before you apply" in box.get_text()
        bodies: dict[str, list[str]] = {}
        for c in credentials:
            if c.get("body"):
                bodies.setdefault(c["body"], []).extend([c["official_source"]] if c.get("official_source") else [])
        entries = box.select("li")
        assert len(entries) == len(bodies)
        for (body, officials), entry in zip(bodies.items(), entries):
            assert " ".join(body.split()) in entry.get_text(" ", strip=True)
            urls = [SOURCES[o]["url"] for o in officials if SOURCES[o].get("url")]
            if urls:
                assert {a["href"] for a in entry.find_all("a")} == set(urls)
            else:
                assert not entry.find("a") and "contact them directly" in entry.get_text()
    else:
        found = article.select_one(".state-not-found").get_text(" ", strip=True)
        assert " ".join(state["not_found"].split()) in found and state["agency"] in found
    for credential, block in zip(state["credentials"], article.select("dl.requirements")):
        shown = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in block.find_all("dt")}
        for name, label in zip(DETAILS, LABELS):
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


def test_states_index_is_one_table_of_every_state_and_a_map(html_pages):
    page = html_pages["states/index.html"]
    table = page.select_one("table.glance-table")
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th[scope=col]")]
    for column in ("State", "Credentials", "Training", "Work hours", "Exam", "Renewal", "Background check",
                   "Separate mental health and substance use credentials", "IC&RC exam", "Moving in from another state"):
        assert column in headings
    rows = table.select("tbody tr")
    assert [row.th.a["href"].strip("/") for row in rows] == sorted(STATES, key=lambda c: STATES[c]["name"])
    for row in rows:  # every cell is labelled for the phone layout, and says "Not found" rather than nothing
        assert all(cell.get("data-label") and cell.get_text(strip=True) for cell in row.select("td"))
    # The map: one linked square a state, named for screen readers, with a caption and a key.
    tiles = page.select("figure.tile-map svg a")
    assert sorted(a["href"].strip("/") for a in tiles) == sorted(STATES)
    # named by what it shows (its code) and the state's name: label in name (WCAG 2.5.3)
    assert all(a["aria-label"].startswith(f'{a.get_text(strip=True)}, {STATES[a["href"].strip("/")]["name"]}: ') for a in tiles)
    assert page.select_one("figure.tile-map figcaption").get_text(strip=True)
    assert len(page.select(".tile-map__key li")) == 3
    text = page.select_one("article").get_text(" ", strip=True)
    assert "behavioral health agency" in text
    assert page.find("a", href=SOURCES["power2u-state-comparison-2021"]["url"])


def test_the_glance_table_reads_each_credentials_short_values(html_pages):
    """A state's cell lists each credential's `short` value, prefixed with its initials when it has several."""
    table = html_pages["states/index.html"].select_one("table.glance-table")
    rows = {row.th.a["href"].strip("/"): row for row in table.select("tbody tr")}
    checked = 0
    for code, state in STATES.items():
        credentials = state.get("credentials") or []
        cell = rows[code].select_one('td[data-label="Training"]').get_text(" ", strip=True)
        for credential in credentials:
            short = (credential.get("training") or {}).get("short")
            if short:
                assert " ".join(short.split()) in cell
                if len(credentials) > 1:
                    assert (credential.get("short_name") or credential["name"]) in cell
                checked += 1
    assert checked >= 10


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
                hrefs = {a["href"] for a in page.select("#questions-people-ask ~ ul.role-questions a, "
                                                        "#questions-people-ask ~ details ul.role-questions a")}
                assert f"../../faq/#{question['id']}" in hrefs, (slug, question["id"])


def test_sources_page_lists_every_source_with_the_pages_citing_it(source_entries):
    assert set(source_entries) >= set(SOURCES)
    for source_id, source in SOURCES.items():
        _, entry = source_entries[source_id]
        text = entry.get_text(" ", strip=True)
        assert source["publisher"] in text
        if source.get("url"):
            assert entry.find("a", href=source["url"])


def test_every_figure_links_to_its_entry_on_the_sources_page(html_pages):
    for path, page in html_pages.items():
        for link in page.select("a.fact__source"):
            target, entry = link_target(html_pages, path, link["href"])
            assert target.startswith("sources/") and entry is not None, (path, link["href"])
            assert "source-entry" in entry["class"], (path, link["href"])


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
        assert "A certification from one state does not always carry over to another." in text, path


def test_sources_are_shelved_by_the_first_letter_of_their_publisher(html_pages, source_entries):
    """A source's page depends on its publisher alone, so it stays put when others are added; the
    index links every letter with its count, and every letter page links the others."""
    for source_id, (path, entry) in source_entries.items():
        publisher = entry.select_one("dl.requirements dd").get_text(strip=True)
        first = next(char for char in publisher if char.isalnum()).lower()
        assert path == f"sources/{'0-9' if first.isdigit() else first}/index.html", (source_id, publisher)
    index = html_pages["sources/index.html"]
    shelves = index.select("ul.source-shelves a")
    pages = sorted({path for path, _ in source_entries.values()})
    assert sorted(link_target(html_pages, "sources/index.html", a["href"])[0] for a in shelves) == pages
    for a in shelves:
        path = link_target(html_pages, "sources/index.html", a["href"])[0]
        count = sum(1 for p, _ in source_entries.values() if p == path)
        assert a.get_text(" ", strip=True).endswith(f"{count} source" + ("s" if count != 1 else "")), a
        letters = html_pages[path].select("nav.source-letters a")
        assert len(letters) == len(pages)
        assert [x.get_text() for x in html_pages[path].select("nav.source-letters a[aria-current=page]")] == [
            a.select_one(".source-shelves__letter").get_text()]
    assert not index.select("section.source-entry")  # the index is light: no entries
