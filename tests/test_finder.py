"""The credential finder's rules on the real data, the exported JSON, the static tables, and data mistakes."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from careers import DataError, build_site
from careers.data.dataset import read_dataset
from careers.pages.finder import OTHER_STATE, Answers, evaluate, parse_query, rules
from conftest import ROOT


@pytest.fixture(scope="module")
def known():
    return rules(read_dataset(ROOT / "data"))


def ids(result) -> list[str]:
    return [match["id"] for match in result["matches"]]


def match(result, credential_id) -> dict:
    return next(m for m in result["matches"] if m["id"] == credential_id)


def state_ids(known, code) -> list[str]:
    return [c["id"] for s in known["states"] if s["code"] == code for c in s["credentials"]]


# ---------------------------------------------------------------------------
# The rules applied to the real data
# ---------------------------------------------------------------------------


def test_new_york_keeps_substance_use_apart_from_mental_health(known):
    mental = evaluate(known, Answers(focus=("mental-health",), state="NY", training=0, work=2000))
    assert ids(mental) == [*state_ids(known, "NY"), "national-mha-ncps"]
    assert mental["gaps"] == []
    nycps = match(mental, state_ids(known, "NY")[0])
    assert [route["work"] for route in nycps["routes"]] == [{"status": "met", "needed": 0, "missing": 0},
                                                             {"status": "met", "needed": 2000, "missing": 0}]
    # sources disagree on New York's training (12 or 13 courses) and give no hours: no number to compare
    assert nycps["training"] == {"status": "read", "needed": None, "missing": None}
    assert match(mental, "national-mha-ncps")["work"] == {"status": "short", "needed": 3000, "missing": 1000}

    substance = evaluate(known, Answers(focus=("substance-use",), state="NY", training=30, work=100))
    assert ids(substance) == ["national-naadac-ncprss", "national-icrc-peer-recovery"]
    assert substance["gaps"] == [{"focus": "substance-use", "separate": ["CRPA"]}]
    icrc = match(substance, "national-icrc-peer-recovery")
    assert icrc["training"] == {"status": "short", "needed": 46, "missing": 16}
    assert icrc["work"] == {"status": "short", "needed": 500, "missing": 400}
    assert match(substance, "national-naadac-ncprss")["work"]["status"] == "read"  # "1 year of full-time work"


@pytest.mark.parametrize("code, focus, route", [
    ("NY", "mental-health", "Provisional certificate (NYCPS-P)"),  # the provisional certificate needs no work hours
    ("IN", "substance-use", "CAPRC I (entry level)"),  # CAPRC I needs none
])
def test_a_reader_with_no_work_hours_is_never_told_a_route_they_fit_needs_some(known, code, focus, route):
    result = evaluate(known, Answers(focus=(focus,), state=code, training=None, work=None))
    credential = match(result, state_ids(known, code)[0])
    assert credential["route"] == route
    assert credential["work"] == {"status": "met", "needed": 0, "missing": 0}
    assert any(other["work"]["status"] == "short" for other in credential["routes"])  # the full route still shows its hours


def test_texas_hours_are_worked_during_the_initial_certificate_not_before(known):
    result = evaluate(known, Answers(focus=("mental-health",), state="TX", training=None, work=None))
    texas = match(result, state_ids(known, "TX")[0])
    assert texas["work"]["status"] == "read" and texas["work"]["missing"] is None
    assert "during the 6-month initial certification" in texas["routes"][0]["note"]


def test_pennsylvania_names_its_separate_substance_use_credential(known):
    both = evaluate(known, Answers(focus=("mental-health", "substance-use"), state="PA", training=75, work=None))
    assert ids(both) == [*state_ids(known, "PA"), "national-mha-ncps", "national-naadac-ncprss",
                         "national-icrc-peer-recovery"]
    assert both["gaps"] == [{"focus": "substance-use", "separate": ["CRS"]}]
    cps = match(both, state_ids(known, "PA")[0])
    assert cps["fits"] == ["mental-health"]
    assert cps["training"] == {"status": "met", "needed": 75, "missing": 0}
    # "12 months of successful work, or 24 college credits": not a number of hours
    assert cps["work"]["status"] == "read"


def test_new_jersey_has_one_credential_for_each(known):
    mental, substance = state_ids(known, "NJ")
    assert ids(evaluate(known, Answers(focus=("mental-health",), state="NJ"))) == [mental, "national-mha-ncps"]
    result = evaluate(known, Answers(focus=("substance-use",), state="NJ", training=46, work=499))
    assert ids(result)[0] == substance and result["gaps"] == []
    assert match(result, substance)["training"]["status"] == "met"
    assert match(result, substance)["work"] == {"status": "short", "needed": 500, "missing": 1}


def test_an_unknown_state_gets_national_credentials_only(known):
    result = evaluate(known, Answers(focus=("mental-health", "family"), state=OTHER_STATE, training=100, work=5000))
    assert result["state_known"] is False and result["gaps"] == []
    assert ids(result) == ["national-mha-ncps", "national-nffcmh-cfps"]
    assert all(m["training"]["status"] == "met" and m["work"]["status"] == "met" for m in result["matches"])
    # a state code the data does not cover is not a state at all
    assert parse_query("focus=mental-health&state=ZZ", known).state is None


def test_youth_and_family_credentials(known):
    youth = evaluate(known, Answers(focus=("youth",), state="FL"))
    assert ids(youth) == state_ids(known, "FL")  # Florida's CRPS has a youth type; no national youth credential
    no_youth = evaluate(known, Answers(focus=("youth",), state="PA"))
    assert ids(no_youth) == [] and no_youth["gaps"] == [{"focus": "youth", "separate": []}]
    family = evaluate(known, Answers(focus=("family",), state="WA"))
    assert ids(family) == [state_ids(known, "WA")[1], "national-nffcmh-cfps"]  # the new WA credential only


def test_no_focus_means_no_result(known):
    assert evaluate(known, Answers(state="NY", training=40))["matches"] == []


def test_unstated_hours_are_unknown_not_zero(known):
    """A credential whose training our sources do not state is `unknown`, never 0 hours needed."""
    unstated = [(s["code"], c) for s in known["states"] for c in s["credentials"]
                if c["training"]["hours"] is None and not any(r["text"] for r in c["training"]["rules"])]
    assert unstated
    for code, credential in unstated:
        result = evaluate(known, Answers(focus=tuple(credential["focus"][:1]), state=code))
        assert match(result, credential["id"])["training"] == {"status": "unknown", "needed": None, "missing": None}


def test_the_page_address_is_read_strictly(known):
    answers = parse_query("?focus=youth&focus=mental-health&focus=astronaut&state=ny&training=0040&work=9999999", known)
    assert answers == Answers(focus=("mental-health", "youth"), state="NY", training=40, work=None)
    assert parse_query("state=Other&training=-5&work=12abc", known) == Answers(state=OTHER_STATE)
    assert parse_query("training=100000&work=200000", known).training == 100_000
    assert parse_query("", known) == Answers()
    assert parse_query("training=%D9%A4%D9%A0", known).training is None  # Arabic-Indic digits: not read, as in JS


def test_every_state_and_credential_has_rules(known):
    dataset = read_dataset(ROOT / "data")
    assert {s["code"] for s in known["states"]} == {s.code for s in dataset.sorted_states()}
    for state in dataset.sorted_states():  # each credential is matched, or named as one whose scope is not known
        entry = next(s for s in known["states"] if s["code"] == state.code)
        assert len(entry["credentials"]) + len(entry["unknown_scope"]) == len(state.credentials)
    assert {f["id"] for f in known["focuses"]} == {"mental-health", "substance-use", "family", "youth"}


def test_every_hour_figure_the_finder_compares_is_in_its_sourced_text(known):
    credentials = [*known["national"], *(c for s in known["states"] for c in s["credentials"])]
    compared = 0
    for credential in credentials:
        for part in (credential["training"], credential["work"]):
            if part["hours"] is not None:
                compared += 1
                assert any(f"{part['hours']:,}" in (r["text"] or "") or str(part["hours"]) in (r["text"] or "")
                           for r in part["rules"]), credential["id"]
                assert all(r["source"] and r["year"] for r in part["rules"])
    assert compared >= 25


# ---------------------------------------------------------------------------
# The built site: the exported rules and the static tables say the same
# ---------------------------------------------------------------------------


def test_the_published_rules_are_the_rules(built_site, known):
    published = json.loads((built_site / "finder" / "rules.json").read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(known))


SITE = "https://example.org/"  # to resolve a page's relative links


def tables_pages(html_pages) -> list[str]:
    """The finder's rules as tables: the index (national credentials), then a page for each range of states."""
    return ["finder/rules/index.html", *sorted(path for path in html_pages
                                                if path.startswith("finder/rules/") and path != "finder/rules/index.html")]


def test_the_tables_pages_list_every_source_their_tables_link_to(html_pages, known):
    """Every state is in the tables, not only those data/finder.yml names: so are their sources."""
    cited = {item["source"] for state in known["states"] for credential in state["credentials"]
             for item in [credential["scope"], *credential["training"]["rules"], *credential["work"]["rules"], *credential["also"]]
             if item["source"]} | {item["source"] for c in known["national"] for item in c["also"] if item["source"]}
    every = set()
    for path in tables_pages(html_pages):
        article = html_pages[path].select_one("article")
        linked = {a["href"].split("#source-", 1)[1] for table in article.select("table") for a in table.select('a[href*="#source-"]')}
        listed = {li["id"].removeprefix("source-") for li in article.select("ol.sources > li")}
        assert linked and linked <= listed, path
        assert listed - linked <= cited, path  # nothing the finder's rules do not cite (the scope a result quotes counts)
        every |= linked
    assert len(every) > 100


def test_static_tables_show_every_credential_and_its_hours(html_pages, known):
    """On their own page (the finder's would be most of its length on a phone), linked from the finder."""
    assert not html_pages["finder/index.html"].select("article table")
    links = [urljoin(SITE + "finder/", a["href"]) for a in html_pages["finder/index.html"].select("article a")]
    assert links.count(SITE + "finder/rules/") == 2  # from the note shown without JavaScript, and the text
    back = html_pages["finder/rules/index.html"].select_one("article .role-summary a")
    assert urljoin(SITE + "finder/rules/", back["href"]) == SITE + "finder/" and back.get_text(strip=True) == "the finder"
    pages = tables_pages(html_pages)
    assert [path.split("/")[2] for path in pages[1:]] == ["a-c", "d-j", "k-m", "n", "o-s", "t-z"]
    index = html_pages[pages[0]].select_one("article")
    # The index names every state once, each linked to its first row on its page of the tables.
    named = [a for a in index.select("ul.finder-shelves li > a:not(:first-child)")]
    assert [a.get_text() for a in named] == [s["name"] for s in known["states"]]
    for a, state in zip(named, known["states"]):
        target = urljoin(SITE + "finder/rules/", a["href"])
        page, _, anchor = target.removeprefix(SITE).partition("#")
        assert html_pages[page + "index.html"].find("tr", id=anchor) if state["credentials"] else page == state["url"], a["href"]
    tables = [("finder-national", known["national"], index)]
    for path in pages[1:]:
        article = html_pages[path].select_one("article")
        rows = [row["id"] for row in article.select("table#finder-states tbody > tr")]
        in_page = [s for s in known["states"] if s["credentials"] and s["credentials"][0]["id"] in rows]
        tables.append(("finder-states", [c for s in in_page for c in s["credentials"]], article))
    assert sum(len(credentials) for _, credentials, _ in tables[1:]) == sum(len(s["credentials"]) for s in known["states"])
    for table_id, credentials, article in tables:
        table = article.select_one(f"table#{table_id}")
        assert table.find("caption").get_text(strip=True)
        assert [th.get("scope") for th in table.select("thead th")] == ["col"] * 5
        rows = table.select("tbody > tr")
        assert [row["id"] for row in rows] == [c["id"] for c in credentials]
        for row, credential in zip(rows, credentials):
            assert row.find("th")["scope"] == "row"
            hours = [p.get("data-hours") for p in row.select(".finder-table__hours")]
            wanted = [credential["training"]["hours"], credential["work"]["hours"]]
            assert hours == [None if h is None else str(h) for h in wanted]


def test_without_javascript_the_form_is_hidden_and_the_note_says_why(html_pages):
    finder = html_pages["finder/index.html"].select_one("#finder")
    form = finder.select_one("form#finder-form")
    # In place from the first paint (no layout shift when the script starts); sent before the script
    # runs, it comes back as a page address the script reads. With scripting off, CSS hides it.
    assert not form.has_attr("hidden") and form["method"] == "get"
    assert finder.select_one("#finder-results").has_attr("hidden")
    note = finder.select_one("#finder-nojs")
    assert "as tables" in note.get_text()
    assert urljoin(SITE + "finder/", note.select_one("a")["href"]) == SITE + "finder/rules/"
    assert finder["data-rules"] == "../finder/rules.json"
    # every question is labelled; the status line is a live region
    for control in finder.select("input, select"):
        assert finder.select_one(f"label[for='{control['id']}']"), control["id"]
    assert finder.select_one("#finder-status")["role"] == "status"


# ---------------------------------------------------------------------------
# Data mistakes in the finder's rules: one clear line each
# ---------------------------------------------------------------------------


def problems_after(data: Path, old: str, new: str, relative: str = "finder.yml") -> list[str]:
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_site(data)
    return [str(problem) for problem in caught.value.problems]


def line_of(data: Path, needle: str, relative: str = "finder.yml") -> int:
    lines = (data / relative).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_national_hours_must_be_written_as_the_credential_states_them(data_copy):
    found = problems_after(data_copy, "training_hours: 46\n    work_hours: 500", "training_hours: 40\n    work_hours: 500")
    lines = (data_copy / "finder.yml").read_text().splitlines()
    line = [n for n, text in enumerate(lines, 1) if text.strip() == "training_hours: 40"][1]
    assert found == [f"data/finder.yml:{line}: national[3].training_hours: 40 is not written in the `training` "
                     "requirement of `icrc-peer-recovery` (\u201c46 hours of training: 10 hours each in advocacy, in "
                     "mentoring and education, and in recovery and wellness, plus 16 hours in ethics\u201d): write the "
                     "hours exactly as that requirement states them, or leave `training_hours` out"]


def test_state_hours_must_be_written_as_the_state_states_them(data_copy):
    found = problems_after(data_copy, "training_hours: 75", "training_hours: 57")
    line = line_of(data_copy, "training_hours: 57")
    assert found == [f"data/finder.yml:{line}: states[18].credentials[1].training_hours: 57 is not written in this "
                     "credential's `training` (\u201c75 hours\u201d): write the hours exactly as the state's file states "
                     "them, or leave `training_hours` out"]


def test_hours_are_not_taken_from_inside_another_number(data_copy):
    # Texas: "Core training of 19.5 hours": 19 and 5 are not figures of their own
    route = "          - name: Initial certification, then the 2-year certification\n"
    found = problems_after(data_copy, route, route + "            training_hours: 19\n")
    assert len(found) == 1 and "states[20].credentials[1].routes[1].training_hours: 19 is not written" in found[0]


def test_a_route_needing_no_hours_must_be_written_so(data_copy):
    route = "          - name: Initial certification, then the 2-year certification\n"
    found = problems_after(data_copy, route, route + "            work_hours: 0\n")
    assert len(found) == 1 and "states[20].credentials[1].routes[1].work_hours: 0 is not written" in found[0]


def test_no_single_number_when_sources_disagree(data_copy):
    old = "      - name: Certified Peer Specialist\n        focus: [mental-health]\n  - state: MI"
    found = problems_after(data_copy, old, old.replace("focus: [mental-health]\n", "focus: [mental-health]\n        training_hours: 65\n"))
    line = line_of(data_copy, "training_hours: 65")
    assert found == [f"data/finder.yml:{line}: states[10].credentials[1].training_hours: sources disagree on "
                     "`training` for this credential, so the finder must not pick one number: leave "
                     "`training_hours` out and the finder shows both values"]


def _rules_after(data: Path, old: str, new: str) -> dict:
    path = data / "finder.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return rules(read_dataset(data))


def test_a_state_without_finder_rules_is_matched_by_its_covers(data_copy):
    """finder.yml adds hours and routes; whom a credential is for comes from the state's `covers`."""
    old = "  - state: OH\n    credentials:\n      - name: Certified Peer Recovery Supporter\n        focus: [mental-health, substance-use]\n"
    known = _rules_after(data_copy, old, "")
    ohio = next(s for s in known["states"] if s["code"] == "OH")
    covers = yaml.safe_load((data_copy / "states" / "oh.yml").read_text())["credentials"][0].get("covers", [])
    if covers:
        assert [c["focus"] for c in ohio["credentials"]] == [covers]
    else:
        assert [c["name"] for c in ohio["unknown_scope"]] == ["Certified Peer Recovery Supporter"]


def test_every_state_is_in_the_finder(known):
    assert sorted(s["code"] for s in known["states"]) == sorted(p.stem.upper() for p in (ROOT / "data" / "states").glob("*.yml"))


def test_credential_name_must_match_the_state_file(data_copy):
    found = problems_after(data_copy, "      - name: Certified Peer Specialist (CPS)\n", "      - name: Certified Peer Specialist\n")
    line = line_of(data_copy, "- state: PA") + 2
    assert found == [
        f"data/finder.yml:{line}: states[18].credentials[1].name: `Certified Peer Specialist` is not a credential in "
        "data/states/pa.yml: use one of `Certified Peer Specialist (CPS)`"]


# A credential the state's scope names for another focus (New York's CRPA) is the state file's
# `separate_credentials`: checked there, and read from there by the finder and the states map.
NEW_YORK = "states/ny.yml"


@pytest.mark.parametrize("old, new, needle, message", [
    ("    name: CRPA\n", "    name: CRPS\n", "name: CRPS",
     "separate_credentials[1].name: `CRPS` is not named in the `scope` of any credential in this file: write the "
     "name exactly as a `scope` does, or add it to the `scope` that mentions it"),
    ("    covers: [mental-health]\n", "    covers: [mental-health, substance-use]\n", "- focus: substance-use",
     "separate_credentials[1].focus: `substance-use` is already in the `covers` of `NYCPS` in this file: "
     "`separate_credentials` is for a focus no credential here covers; remove this entry, or remove "
     "`substance-use` from that credential's `covers`"),
], ids=["named-in-the-scope", "focus-no-credential-covers"])
def test_a_separate_credential_is_checked_in_its_state_file(data_copy, old, new, needle, message):
    found = problems_after(data_copy, old, new, NEW_YORK)
    assert found == [f"data/states/ny.yml:{line_of(data_copy, needle, NEW_YORK)}: {message}"]


def test_the_finder_cannot_give_a_state_credential_the_focus_of_a_separate_one(data_copy):
    old = "(NYCPS-P)\n        focus: [mental-health]\n"
    found = problems_after(data_copy, old, old.replace("[mental-health]", "[mental-health, substance-use]"))
    line = line_of(data_copy, "- state: NY") + 3
    assert (data_copy / "finder.yml").read_text().splitlines()[line - 1] == "        focus: [mental-health, substance-use]"
    assert found == [f"data/finder.yml:{line}: states[15].credentials[1].focus[2]: `substance-use` has a credential of "
                     "its own in this state (`CRPA`, under `separate_credentials` in data/states/ny.yml): remove "
                     "`substance-use` here, or remove that entry from the state's file if this credential covers it"]


def test_separate_credentials_written_in_the_finder_say_where_they_moved(data_copy):
    old = "          - name: Full certificate (NYCPS)\n            work_hours: 2000\n"
    found = problems_after(data_copy, old, old + "    separate:\n      - focus: substance-use\n        name: CRPA\n")
    line = line_of(data_copy, "    separate:")
    assert found == [f"data/finder.yml:{line}: states[15].separate: `separate` is no longer written here: move its "
                     "entries to data/states/ny.yml, under `separate_credentials:` (same `focus`, `name` and "
                     "`full_name`), and remove `separate:` from this file"]


def test_the_finder_and_the_states_map_read_separate_credentials_from_the_state_file(data_copy):
    def new_york(site) -> tuple[dict, str, str]:
        state = next(s for s in json.loads(site.files["finder/rules.json"])["states"] if s["code"] == "NY")
        page = BeautifulSoup(site.pages["states/index.md"], "lxml")
        row = next(row for row in page.select("table.glance-table tbody tr") if row.th.a["href"].strip("/") == "ny")
        tile = next(a for a in page.select("figure.tile-map svg a") if a["href"].strip("/") == "ny")
        return state, row["data-separate"], tile["aria-label"]

    state, shade, label = new_york(build_site(data_copy))
    assert [(s["focus"], s["name"], s["full_name"]) for s in state["separate"]] == [("substance-use", "CRPA", None)]
    assert state["separate"][0]["scope"]["text"].endswith("a separate credential, the CRPA.")
    assert shade == "separate" and label.endswith("Separate credentials for mental health and substance use")

    path = data_copy / NEW_YORK
    text = path.read_text(encoding="utf-8")
    block = "separate_credentials:\n  - focus: substance-use\n    name: CRPA\n"
    assert text.count(block) == 1
    path.write_text(text.replace(block, block + "    full_name: Certified Recovery Peer Advocate\n"), encoding="utf-8")
    state, _, _ = new_york(build_site(data_copy))
    assert state["separate"][0]["full_name"] == "Certified Recovery Peer Advocate"

    path.write_text(text.replace(block, ""), encoding="utf-8")
    state, shade, label = new_york(build_site(data_copy))
    assert state["separate"] == [] and shade == "other"
    assert label.endswith("Other, or not found in our sources")
    gap = evaluate(rules(read_dataset(data_copy)), Answers(focus=("substance-use",), state="NY"))["gaps"]
    assert gap == [{"focus": "substance-use", "separate": []}]


def test_unknown_state_and_unknown_credential(data_copy):
    found = problems_after(data_copy, "  - state: AZ\n", "  - state: AX\n")
    line = line_of(data_copy, "state: AX")
    assert len(found) == 1
    assert found[0].startswith(f"data/finder.yml:{line}: states[1].state: no state `AX` in data/states/: use one of `")


def test_focus_must_be_one_of_the_four(data_copy):
    found = problems_after(data_copy, "    focus: [family]\n", "    focus: [families]\n")
    line = line_of(data_copy, "focus: [families]")
    assert len(found) == 1 and found[0].startswith(f"data/finder.yml:{line}: national[4].focus[1]: ")
