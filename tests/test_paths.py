"""Certification paths and the career ladder: page structure from the real data, and data mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from careers import DataError, build_site
from careers.data.dataset import read_dataset
from careers.pages.ladder import MAX_PICTURE_TITLE
from careers.pages.paths import STAGE_LABELS, views
from conftest import ROOT


@pytest.fixture(scope="module")
def dataset():
    return read_dataset(ROOT / "data")


def page(html_pages, path):
    return html_pages[path].select_one("article")


# ---------------------------------------------------------------------------
# Paths
# ---------------------------------------------------------------------------


def test_every_peer_role_has_a_path_page_that_links_back(dataset, html_pages):
    linked = {}
    for view in views(dataset):
        article = page(html_pages, f"paths/{view.path.slug}/index.html")
        assert article.select_one("h1").get_text(strip=True) == view.path.title
        for a in article.select(".plan-roles a"):
            linked[a["href"].strip("./").split("/")[-1]] = view.path.slug
    assert set(linked) == {role.slug for role in dataset.roles_in("peer")}
    for slug, path in linked.items():
        role_page = page(html_pages, f"roles/{slug}/index.html")
        assert role_page.select_one(f"a[href='../../paths/{path}/']"), slug


def test_path_steps_are_an_ordered_list_with_an_overview_that_links_to_each_step(dataset, html_pages):
    for view in views(dataset):
        article = page(html_pages, f"paths/{view.path.slug}/index.html")
        steps = article.select("ol.plan-path > li.plan-step")
        assert [li["id"] for li in steps] == [f"step-{n}" for n in range(1, len(view.path.steps) + 1)]
        for li, step in zip(steps, view.path.steps):
            assert li.select_one("h3.plan-step__title").get_text(strip=True) == step.title
            assert li.select_one(".plan-step__stage").get_text(strip=True) == STAGE_LABELS[step.stage]
            # the drawn number is decoration: the list itself gives the order to a screen reader
            assert li.select_one(".plan-step__number")["aria-hidden"] == "true"
        overview = article.select_one("nav.plan-map[aria-label]")
        assert overview.find("ol") is not None
        assert [a["href"] for a in overview.select("ol > li > a")] == [f"#{li['id']}" for li in steps]


def test_path_figures_come_from_the_credential_and_state_files_with_their_sources(dataset, html_pages):
    article = page(html_pages, "paths/recovery-coach/index.html")
    training = article.select_one("#step-2")
    icrc = next(r for r in dataset.credentials if r.model.slug == "icrc-peer-recovery").model
    wanted = next(r.text for r in icrc.requirements if r.topic == "training")
    facts = [f for f in training.select(".fact") if wanted in f.get_text(" ", strip=True)]
    assert facts and facts[0].select_one("a.fact__source")["href"].endswith("sources/i/#source-icrc-peer-recovery")
    # a state example names its state, links to the state's page, and carries the state's year
    example = next(li for li in training.select("li.plan-example") if "New Jersey" in li.get_text())
    assert example.select_one(".plan-example__where a")["href"].endswith("states/nj/")
    assert "46 hours" in example.select_one(".fact").get_text()
    assert example.select_one(".fact__year").get_text(strip=True) == "page undated, checked 2026"


def test_a_state_detail_that_sources_disagree_on_shows_both_values(html_pages):
    # New York's training: 13 core courses in one source, 12 in another
    step = page(html_pages, "paths/peer-specialist/index.html")
    texts = [li.get_text(" ", strip=True) for li in step.select("li.plan-example")]
    ny = [t for t in texts if t.startswith("New York") and "Work and supervision" in t]
    assert ny and "2,000 hours" in ny[0] and "secondary source" in ny[0]


def test_paths_index_lists_every_path_and_the_menu_holds_the_plan_pages(dataset, html_pages):
    index = page(html_pages, "paths/index.html")
    hrefs = [a["href"] for a in index.select("ol.plan-index a")]
    assert len(hrefs) == len(dataset.paths)
    nav = html_pages["index.html"].select_one("nav.md-nav--primary")
    titles = [a.get_text(strip=True) for a in nav.select("a.md-nav__link")]
    for title in ("Which credential fits me?", "Certification paths", "Career ladder"):
        assert title in titles


# ---------------------------------------------------------------------------
# The career ladder
# ---------------------------------------------------------------------------


def test_ladder_picture_is_an_svg_with_a_text_alternative(dataset, html_pages):
    article = page(html_pages, "ladder/index.html")
    ladder = dataset.ladder.model
    figure = article.select_one("figure.ladder-figure")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    title = svg.find("title")
    assert title["id"] == svg["aria-labelledby"]
    for level in (ladder.levels[0], ladder.levels[-1]):
        assert level.title.lower() in title.get_text()
    assert figure.find("figcaption").get_text(strip=True)
    # the picture names every rung and side step it draws, and draws nothing from another site
    drawn = [t.get_text() for t in svg.select("text.ladder-svg__title")]
    assert [f"{n}. {level.title}" for n, level in reversed(list(enumerate(ladder.levels, start=1)))] == drawn[:len(ladder.levels)]
    assert drawn[len(ladder.levels):] == [dataset.roles_by_slug[m.role].title for m in ladder.moves]
    assert not svg.select("image, use[href^='http'], foreignObject")


def test_ladder_levels_read_in_order_with_their_figures_and_sources(dataset, html_pages):
    article = page(html_pages, "ladder/index.html")
    ladder = dataset.ladder.model
    items = article.select("ol.ladder-levels > li")
    assert [li["id"] for li in items] == [f"level-{level.id}" for level in ladder.levels]
    for li, level in zip(items, ladder.levels):
        assert li.select_one("h3").get_text(strip=True) == level.title
        assert li.select_one(".plan-step__stage").get_text(strip=True) == level.label
    # the figures the issue names, each beside its source
    text_of = {li["id"]: li.get_text(" ", strip=True) for li in items}
    assert "1 to 2 years" in text_of["level-entry"] and "more than 3 years" in text_of["level-experienced"]
    assert "more than 5 years" in text_of["level-lead"] and "12-hour supervisor training" in text_of["level-lead"]
    advanced = article.select_one("#level-advanced")
    ncps = [f for f in advanced.select(".fact") if "3,000 hours of supervised peer work" in f.get_text()]
    assert ncps and ncps[0].select_one("a.fact__source")["href"].endswith("#source-mha-ncps")
    # a template's suggestion is labelled as an example, never shown as data
    entry = article.select_one("#level-entry .fact__confidence").get_text(strip=True)
    assert entry == "example only, not market data"
    moves = [a["href"] for a in article.select(".ladder-moves a")]
    assert any(h.endswith("roles/community-health-worker/") for h in moves)
    assert any(h.endswith("roles/mental-health-counselor/") for h in moves)


# ---------------------------------------------------------------------------
# Data mistakes in paths and the ladder: one clear line each
# ---------------------------------------------------------------------------


def problems_after(data: Path, relative: str, old: str, new: str) -> list[str]:
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_site(data)
    return [str(problem) for problem in caught.value.problems]


def line_of(data: Path, relative: str, needle: str) -> int:
    lines = (data / relative).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_unknown_credential_in_a_path(data_copy):
    found = problems_after(data_copy, "paths/recovery-coach.yml", "credential: icrc-peer-recovery", "credential: icrc-peer-recovry")
    line = line_of(data_copy, "paths/recovery-coach.yml", "icrc-peer-recovry")
    assert found == [f"data/paths/recovery-coach.yml:{line}: steps[2].requirements[1].credential: no credential "
                     "`icrc-peer-recovry` in data/credentials/: use one of `mha-ncps`, `naadac-ncprss`, "
                     "`icrc-peer-recovery`, `nffcmh-cfps`, `peer-supervisor-training`"]


def test_requirement_topic_the_credential_does_not_have(data_copy):
    old = "      - credential: naadac-ncprss\n        topic: other"
    found = problems_after(data_copy, "paths/recovery-coach.yml", old, old.replace("other", "renewal"))
    line = [n for n, text in enumerate((data_copy / "paths/recovery-coach.yml").read_text().splitlines(), 1)
            if text.strip() == "topic: renewal"][-1]
    assert found == [f"data/paths/recovery-coach.yml:{line}: steps[7].requirements[3].topic: `naadac-ncprss` has "
                     "no `renewal` requirement: use one of `education`, `training`, `experience`, `other`"]


def test_state_example_with_an_unknown_state(data_copy):
    found = problems_after(data_copy, "paths/peer-specialist.yml", "      - state: TN\n", "      - state: ZZ\n")
    line = line_of(data_copy, "paths/peer-specialist.yml", "state: ZZ")
    assert len(found) == 1
    assert found[0].startswith(f"data/paths/peer-specialist.yml:{line}: steps[1].state_examples[1].state: "
                               "no state `ZZ` in data/states/: use one of `AL`, `AK`")


def test_state_with_two_credentials_needs_a_name(data_copy):
    found = problems_after(data_copy, "paths/family-peer-specialist.yml",
                           "        name: Certified Peer Specialist and Trainee (from 1 July 2025)\n", "")
    line = line_of(data_copy, "paths/family-peer-specialist.yml", "state: WA")
    assert found == [f"data/paths/family-peer-specialist.yml:{line}: steps[1].state_examples[3].name: Washington "
                     "has 2 credentials: add `name:` with one of `Certified Peer Counselor (older Medicaid route, "
                     "ending)`, `Certified Peer Specialist and Trainee (from 1 July 2025)`"]


def test_a_peer_role_without_a_path_is_a_warning_not_a_failure(data_copy):
    path = data_copy / "paths" / "peer-specialist.yml"
    path.write_text(path.read_text().replace("  - certified-peer-support-worker\n", ""))
    site = build_site(data_copy)
    line = line_of(data_copy, "roles/certified-peer-support-worker.yml", "group: peer")
    assert f"data/roles/certified-peer-support-worker.yml:{line}: group: this peer role has no certification path " \
        "yet: add its slug to the `roles` of a file in data/paths/ (the role page then links to it)" in \
        [str(w) for w in site.warnings]
    assert "full certification path" not in site.pages["roles/certified-peer-support-worker.md"]
    assert "full certification path" in site.pages["roles/certified-peer-support-specialist.md"]


def test_a_peer_role_has_one_path_only(data_copy):
    found = problems_after(data_copy, "paths/recovery-coach.yml", "roles:\n  - recovery-coach\n",
                           "roles:\n  - recovery-coach\n  - certified-peer-support-worker\n")
    line = line_of(data_copy, "paths/recovery-coach.yml", "- certified-peer-support-worker")
    assert found == [f"data/paths/recovery-coach.yml:{line}: roles[2]: `certified-peer-support-worker` already has a "
                     "path (data/paths/peer-specialist.yml): each peer role has one path"]


def test_a_path_is_for_peer_roles_only(data_copy):
    found = problems_after(data_copy, "paths/peer-supervisor.yml", "roles:\n  - peer-supervisor\n",
                           "roles:\n  - peer-supervisor\n  - psychologist\n")
    line = line_of(data_copy, "paths/peer-supervisor.yml", "- psychologist")
    assert found == [f"data/paths/peer-supervisor.yml:{line}: roles[2]: `psychologist` is not a peer role: "
                     "paths are for peer roles only"]


def test_path_slug_must_match_its_file_name(data_copy):
    found = problems_after(data_copy, "paths/recovery-coach.yml", "slug: recovery-coach", "slug: recovery-coaches")
    assert found == ["data/paths/recovery-coach.yml:2: slug: `recovery-coaches` does not match the file name "
                     "`recovery-coach.yml`: make them the same"]


def test_ladder_title_too_long_for_the_picture(data_copy):
    long = "Advanced national peer credential holder"
    found = problems_after(data_copy, "ladder.yml", "title: Advanced national credential", f"title: {long}")
    line = line_of(data_copy, "ladder.yml", long)
    assert found == [f"data/ladder.yml:{line}: levels[5].title: too long for the ladder picture "
                     f"({len(long)} characters): keep it to {MAX_PICTURE_TITLE}"]


def test_ladder_label_too_long_for_the_picture(data_copy):
    found = problems_after(data_copy, "ladder.yml", "label: 3+ years of experience",
                           "label: 3 or more years of experience in peer work")
    line = line_of(data_copy, "ladder.yml", "3 or more years")
    assert len(found) == 1 and found[0].startswith(f"data/ladder.yml:{line}: levels[2].label: ")
    assert found[0].endswith("over the limit of 34: shorten it")


def test_ladder_side_step_must_be_a_neighbouring_role(data_copy):
    found = problems_after(data_copy, "ladder.yml", "  - role: community-health-worker", "  - role: recovery-coach")
    line = line_of(data_copy, "ladder.yml", "role: recovery-coach")
    assert found == [f"data/ladder.yml:{line}: moves[1].role: `recovery-coach` is a peer role: side steps lead "
                     "to neighbouring roles"]


def test_ladder_figure_needs_a_known_source(data_copy):
    found = problems_after(data_copy, "ladder.yml", "source: samhsa-core-competencies", "source: samhsa-2015")
    line = line_of(data_copy, "ladder.yml", "source: samhsa-2015")
    assert found == [f"data/ladder.yml:{line}: levels[4].facts[1].source: `samhsa-2015` is not in "
                     "data/sources.yml or data/sources/: add it to one of them or fix the id"]


def test_missing_ladder_file(data_copy):
    (data_copy / "ladder.yml").unlink()
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    assert [str(p) for p in caught.value.problems] == ["data/ladder.yml: this file is missing: restore it from git"]
