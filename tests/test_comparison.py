"""Compare roles: the table model, the pay chart and the open data from the real data/, the built
page's HTML, the downloads, and the data mistakes the new fields can produce.

Browser behaviour (sorting, picking roles, phone layout, no JavaScript) is in
test_comparison_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from careers import DataError, build_site
from conftest import link_target
from careers.pages.comparison import COLUMNS, ComparisonTable, first_hours, table_of
from careers.pages.compare import ranks
from careers.data.dataset import read_dataset
from careers.data.models import Fact, Role, SourcesFile
from careers.pages.open_data import CSV_FILE, EXTRA_COLUMNS, INDEX_FILE, comparison_csv, downloads, files
from careers.pages.pay_chart import LABEL_CHARS, WIDTH, chart_of, pay_amount, plot_width
from conftest import line_of, problems_after

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PEER = ["certified-peer-support-worker", "certified-peer-support-specialist", "recovery-coach",
        "family-peer-specialist", "youth-peer-specialist", "peer-supervisor"]
RELATED = ["community-health-worker", "mental-health-counselor", "social-worker", "psychologist"]
# The columns the issue names, in order.
HEADINGS = ["Role", "Lived experience required", "Diagnoses or treats", "Education", "Certification or licence",
            "Typical training hours", "Supervision", "Typical settings", "Pay", "Who pays for the service"]


@pytest.fixture(scope="module")
def dataset():
    return read_dataset(DATA)


@pytest.fixture(scope="module")
def table(dataset) -> ComparisonTable:
    return table_of(dataset)


# ---------------------------------------------------------------------------
# The table model, without building the site
# ---------------------------------------------------------------------------


def test_every_role_is_a_row_peer_roles_first(table):
    assert [column.heading for column in table.columns] == HEADINGS
    assert set(table.slugs) == set(PEER) | set(RELATED)
    groups = [row.role.group for row in table.rows]
    assert groups == sorted(groups, key=lambda group: group != "peer")
    assert [row.position for row in table.rows] == list(range(len(table.rows)))


def test_peer_roles_never_diagnose_or_treat_and_every_row_answers_every_column(table, dataset):
    sources = dataset.sources_by_id
    for row, texts in zip(table.rows, table.text_rows(sources)):
        assert list(texts) == HEADINGS
        assert all(text.strip() for text in texts.values()), row.slug
        if row.peer:
            assert row.glance.diagnoses_or_treats.answer == "never"
            assert texts["Diagnoses or treats"].startswith("Never.")
            assert texts["Lived experience required"] == "Yes"
    assert texts["Role"] == table.rows[-1].title


def test_who_pays_for_peer_support_cites_the_medicaid_letter(table):
    for row in table.rows:
        cited = {fact.source for fact in row.glance.who_pays.facts}
        if row.peer:
            assert "cms-smdl-07-011" in cited, row.slug
            assert "Medicaid" in row.glance.who_pays.summary
        else:
            assert row.glance.who_pays.summary == "Not covered by our sources."


def test_training_hours_are_sourced_or_the_cell_says_none_is(table, dataset):
    texts = {row.slug: cells for row, cells in zip(table.rows, table.text_rows(dataset.sources_by_id))}
    for row in table.rows:
        facts = row.glance.training_hours.facts
        cell = texts[row.slug]["Typical training hours"]
        if facts:
            assert all(first_hours(fact.text) is not None or "two-day" in fact.text for fact in facts), row.slug
            assert all(f"{fact.year}" in cell for fact in facts)
        else:
            assert cell.endswith("No sourced hour figure."), row.slug


def test_filtered_returns_a_new_table_in_the_order_asked(table):
    picked = table.filtered(["social-worker", "recovery-coach", "no-such-role", "social-worker"])
    assert picked.slugs == ["social-worker", "recovery-coach"]
    assert len(table.rows) == 10 and picked is not table
    assert table.filtered(group="peer").slugs == PEER
    assert table.filtered(["psychologist", "recovery-coach"], group="peer").slugs == ["recovery-coach"]


@pytest.mark.parametrize("column", [c.key for c in COLUMNS if c.sort_key])
@pytest.mark.parametrize("descending", [False, True])
def test_sorted_keeps_missing_values_last_and_ties_in_table_order(table, column, descending):
    result = table.sorted(column, descending)
    assert result is not table and table.sorted_by is None and result.sorted_by == (column, descending)
    rank = table.ranks(column)
    values = [rank[slug] for slug in result.slugs]
    present = [value for value in values if value is not None]
    assert values == present + [None] * (len(values) - len(present))
    assert present == sorted(present, reverse=descending)
    for first, second in zip(result.rows, result.rows[1:]):
        if rank[first.slug] == rank[second.slug]:
            assert first.position < second.position


def test_sorting_by_pay_puts_hourly_before_yearly_and_never_converts(table):
    order = table.sorted("pay").rows
    pers = [row.pay_amount.per for row in order if row.pay_amount]
    assert pers == sorted(pers, key=["hour", "year"].index)
    assert [row.slug for row in order if row.pay is None] == ["recovery-coach", "family-peer-specialist",
                                                              "youth-peer-specialist", "peer-supervisor"]
    assert order[-5].slug == "psychologist"


def test_columns_that_do_not_sort_say_so(table):
    with pytest.raises(ValueError, match="column `supervision` does not sort; these do: role, lived-experience"):
        table.sorted("supervision")


@pytest.mark.parametrize(("text", "expected"), [
    ("SAMHSA's national model standards: about 40 to 60 hours of training", 40),
    ("IC&RC Peer Recovery: 46 hours of training", 46),
    ("Delaware: a 12-hour supervisor training", 12),
    ("NAADAC: 60 contact hours of training", 60),
    ("1,000 hours of experience", 1000),
    ("an exam", None),
])
def test_first_hours(text, expected):
    assert first_hours(text) == (None if expected is None else Decimal(expected))


# ---------------------------------------------------------------------------
# The pay chart
# ---------------------------------------------------------------------------


def fact(text: str, confidence: str = "verified") -> Fact:
    return Fact(text=text, source="x", year="2020", confidence=confidence)


@pytest.mark.parametrize(("text", "confidence", "expected"), [
    ("Median pay for psychologists: $85,330 a year", "verified", ("85330", "year", "median")),
    ("Peer specialists' average pay: $15.42 an hour", "verified", ("15.42", "hour", "average")),
    ("Median pay: $46,190 a year", "secondary", ("46190", "year", "median")),
    ("Men earned more than $2.00 an hour more than women", "verified", None),
    ("Median pay: $30,000 a year", "example", None),
    ("Median pay: $47,660 a year", "uncertain", None),
    ("Pay ranges from $30,000 a year to $45,000 a year on average", "verified", None),
    ("38% could not cover a money emergency", "verified", None),
    ("Median pay: 85,330 dollars a year", "verified", None),
])
def test_pay_amount_is_read_from_the_figures_own_text(text, confidence, expected):
    amount = pay_amount(fact(text, confidence))
    assert (None if amount is None else (str(amount.value), amount.per, amount.statistic)) == expected


def test_chart_has_one_bar_per_distinct_figure_with_year_and_source(dataset):
    chart = chart_of(dataset)
    expected = {(f.source, f.year, f.text.split("$")[1].split()[0])
                for group in ("peer", "neighbouring") for role in dataset.roles_in(group)
                for f in role.pay.figures if pay_amount(f)}
    assert {(b.fact.source, b.fact.year, b.amount.shown[1:]) for b in chart.bars} == expected
    assert len(chart.bars) == len(expected) >= 9
    shared = [bar for bar in chart.bars if len(bar.roles) > 1]
    assert {role.slug for bar in shared for role in bar.roles} == {"certified-peer-support-worker",
                                                                   "certified-peer-support-specialist"}
    for bar in chart.bars:
        assert bar.amount.shown in bar.fact.text
        assert bar.label.startswith(f"{bar.fact.year} · {dataset.sources_by_id[bar.fact.source].publisher}")
        assert ("not peer pay" in bar.label) is (not bar.peer)
        assert ("secondary source" in bar.label) is (bar.fact.confidence == "secondary")
        assert all(len(line) <= LABEL_CHARS for line in bar.label_lines)
        assert 0 < bar.bar_width <= plot_width() and bar.value_x < WIDTH
    assert [fact.text for fact in chart.skipped] == [
        "Same survey: men reported earning more than $2.00 an hour more than women"]


def test_hourly_and_yearly_figures_have_separate_scales_and_say_they_are_not_comparable(dataset):
    chart = chart_of(dataset)
    assert [panel.per for panel in chart.panels] == ["hour", "year"]
    for panel in chart.panels:
        assert {bar.amount.per for bar in panel.bars} == {panel.per}
        assert max(bar.amount.value for bar in panel.bars) <= panel.scale_max
        widest = max(panel.bars, key=lambda bar: bar.amount.value)
        for bar in panel.bars:  # bar lengths in proportion to the amounts, from zero
            assert bar.bar_width / widest.bar_width == pytest.approx(float(bar.amount.value / widest.amount.value))
    yearly = chart.panels[1]
    assert " ".join(yearly.warnings) == "Years 2018 to 2023: not directly comparable."
    assert chart.panels[0].warnings == ()  # one survey, one year
    tops = [bar.top for panel in chart.panels for bar in panel.bars]
    assert tops == sorted(tops) and chart.height >= chart.panels[-1].bottom


# ---------------------------------------------------------------------------
# Data mistakes in the new fields
# ---------------------------------------------------------------------------

ROLE = "roles/recovery-coach.yml"


def test_a_peer_role_that_diagnoses_is_an_error(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("    answer: never", "    answer: always", 1))
    line = line_of(data_copy, ROLE, "    answer: always")
    assert found == [f"data/{ROLE}:{line}: at_a_glance.diagnoses_or_treats.answer: peer workers never diagnose "
                     "or treat: write `never`, or make the role `group: neighbouring`"]


def test_an_unknown_answer_lists_the_allowed_ones(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("    answer: never", "    answer: rarely", 1))
    line = line_of(data_copy, ROLE, "    answer: rarely")
    assert found == [f"data/{ROLE}:{line}: at_a_glance.diagnoses_or_treats.answer: `rarely` is not allowed: "
                     "use 'never', 'in some jobs' or 'always'"]


def test_a_number_in_a_short_answer_must_be_a_sourced_fact(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace(
        "Set by each state's credential;", "Usually 46 hours;", 1))
    line = line_of(data_copy, ROLE, "Usually 46 hours;") - 1  # a folded text's line is its key's
    assert found == [f"data/{ROLE}:{line}: at_a_glance.training_hours.summary: figures need a source and a year: "
                     "move the number into a `facts` entry and keep these words plain"]


def test_an_unknown_education_level(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace(
        "education_level: high school", "education_level: college", 1))
    line = line_of(data_copy, ROLE, "education_level: college")
    assert found == [f"data/{ROLE}:{line}: at_a_glance.education_level: `college` is not allowed: use "
                     "'high school', \"bachelor's degree\", \"master's degree\", 'doctorate' or 'not found in our sources'"]


def test_a_figure_in_the_comparison_needs_a_known_source(data_copy):
    def break_first_comparison_source(text: str) -> str:
        before, after = text.split("\nat_a_glance:")
        return before + "\nat_a_glance:" + after.replace("source: icrc-peer-recovery", "source: icrc-2030", 1)

    found = problems_after(data_copy, ROLE, break_first_comparison_source)
    line = line_of(data_copy, ROLE, "source: icrc-2030")
    assert found == [f"data/{ROLE}:{line}: at_a_glance.training_hours.facts[1].source: `icrc-2030` is not in "
                     "data/sources.yml or data/sources/: add it to one of them or fix the id"]


def test_a_role_without_short_answers(data_copy):
    def drop(text: str) -> str:
        start = text.index("\nat_a_glance:")
        end = text.index("\nsimilar_roles:")
        return text[:start] + text[end:]

    found = problems_after(data_copy, ROLE, drop)
    first = line_of(data_copy, ROLE, "slug:")
    assert found == [f"data/{ROLE}:{first}: at_a_glance: this required field is missing: add `at_a_glance:`"]


# ---------------------------------------------------------------------------
# Open data, made from the models
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(dataset, table) -> dict[str, str]:
    return files(dataset, table)


def test_the_csv_has_the_tables_columns_and_the_figures_split_out(published, dataset, table):
    rows = list(csv.DictReader(io.StringIO(published[CSV_FILE], newline="")))
    assert list(rows[0]) == [*HEADINGS, *EXTRA_COLUMNS]
    assert [row["slug"] for row in rows] == table.slugs
    for row, texts, model_row in zip(rows, table.text_rows(dataset.sources_by_id), table.rows):
        assert {heading: row[heading] for heading in HEADINGS} == texts
        if model_row.pay_amount:
            assert Decimal(row["pay_amount"]) == model_row.pay_amount.value
            assert row["pay_per"] == model_row.pay_amount.per
            assert f"${Decimal(row['pay_amount']):,}".removesuffix(".00") in row["Pay"]
        assert row["pay_source"] == (model_row.pay.source if model_row.pay else "")
        assert row["page"] == f"roles/{model_row.slug}/"


def test_every_data_file_is_published_as_json_that_reads_back_as_the_same_models(published, dataset):
    roles = json.loads(published["open-data/roles.json"])
    assert [Role.model_validate(item) for item in roles] == sorted(
        (loaded.model for loaded in dataset.roles), key=lambda role: role.slug)
    paths = {loaded.document.path for loaded in dataset.everything() if loaded.document}
    groups = {path.removeprefix("data/").split("/")[0].removesuffix(".yml") for path in paths}
    assert {f"open-data/{group}.json" for group in groups} <= set(published)
    for loaded in dataset.everything():
        if loaded.document is None:
            continue
        parts = loaded.document.path.removeprefix("data/").split("/")
        data = json.loads(published[f"open-data/{parts[0].removesuffix('.yml')}.json"])
        if parts[0] in ("sources.yml", "sources"):  # every list of sources is published as one
            published_sources = SourcesFile.model_validate(data).sources
            assert all(source in published_sources for source in loaded.model.sources), loaded.document.path
            continue
        items = data if len(parts) == 2 else [data]
        assert any(type(loaded.model).model_validate(item) == loaded.model for item in items), loaded.document.path
    assert len(SourcesFile.model_validate(json.loads(published["open-data/sources.json"])).sources) == len(dataset.all_sources)


def test_each_json_file_follows_its_published_schema(published):
    index = json.loads(published[INDEX_FILE])
    listed = {entry["file"] for entry in index["files"]}
    assert {path.removeprefix("open-data/") for path in published
            if path.count("/") == 1 and path != INDEX_FILE} == listed
    for entry in index["files"]:
        if entry["format"] != "JSON":
            continue
        schema = json.loads(published[f"open-data/{entry['schema']}"])
        data = json.loads(published[f"open-data/{entry['file']}"])
        items = data if entry["schema_applies_to"] == "each item of the list" else [data]
        assert items
        for item in items:
            jsonschema.validate(item, schema, cls=jsonschema.Draft202012Validator)


def test_published_schemas_are_the_ones_editors_use(published):
    for path in (ROOT / "schema").glob("*.schema.json"):
        key = f"open-data/schema/{path.name}"
        if key in published:
            assert json.loads(published[key]) == json.loads(path.read_text(encoding="utf-8")), path.name


def test_downloads_list_every_json_file_with_its_schema(dataset, published):
    listed = downloads(dataset)
    assert [d.path for d in listed] == [CSV_FILE, *sorted(p for p in published if p.endswith(".json")
                                                          and p.count("/") == 1 and p != INDEX_FILE), INDEX_FILE]
    assert all(f"open-data/schema/{d.schema}" in published for d in listed if d.schema)


# ---------------------------------------------------------------------------
# The built page
# ---------------------------------------------------------------------------


def compare_page(html_pages):
    return html_pages["compare/index.html"].select_one("article")


def test_the_table_has_a_caption_and_scoped_headers_in_reading_order(html_pages, table):
    article = compare_page(html_pages)
    assert article.h1.get_text(strip=True) == "Compare roles"
    main = article.select_one("table[data-compare-table]")
    assert main.caption.get_text(" ", strip=True).startswith("10 roles compared: peer support roles first")
    heads = main.select("thead th")
    assert [th.get_text(strip=True) for th in heads] == HEADINGS
    assert all(th["scope"] == "col" for th in heads)
    assert [th["data-column"] for th in heads] == [c.key for c in COLUMNS]
    assert [th.has_attr("data-sortable") for th in heads] == [c.sortable for c in COLUMNS]
    rows = main.select("tbody > tr")
    assert [tr["data-role"] for tr in rows] == table.slugs
    for tr in rows:
        header = tr.find(["th", "td"])
        assert header.name == "th" and header["scope"] == "row"
        assert header.a["href"] == f"../roles/{tr['data-role']}/"
        assert len(tr.find_all(["th", "td"], recursive=False)) == len(HEADINGS)
    region = main.parent
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-labelledby"] == main.caption["id"]


def test_the_whole_table_is_open_in_the_html_under_a_summary_that_counts_its_roles(html_pages, table):
    """compare.js folds it on a phone; without JavaScript, on a wide screen and in print it stays open."""
    article = compare_page(html_pages)
    details = article.select_one("details.compare-all")
    assert details.has_attr("open") and details.has_attr("data-compare-all")
    children = details.find_all(recursive=False)
    assert children[0].name == "summary"
    assert children[0].get_text(" ", strip=True) == f"All {len(table.rows)} roles in one table"
    assert details.select_one("table[data-compare-table]") is article.select_one("table[data-compare-table]")
    # The section's heading and the caption keep their ids, so links to them still work.
    heading = details.find_previous_sibling()
    assert heading.name == "h2" and heading["id"] == "all-roles-in-one-table"
    assert details.select_one("caption")["id"] == "compare-caption"
    assert article.select_one("[data-compare-picker]").find_next("details") is details  # the picker first


def test_cells_say_what_the_data_says(html_pages, table, dataset):
    main = compare_page(html_pages).select_one("table[data-compare-table]")
    for tr, row in zip(main.select("tbody > tr"), table.rows):
        cells = {td["data-column"]: td for td in tr.find_all("td", recursive=False)}
        assert cells["lived-experience"].get_text(strip=True) == ("Yes" if row.role.lived_experience.required else "No")
        assert row.glance.diagnoses_or_treats.detail in cells["diagnoses-or-treats"].get_text(" ", strip=True)
        assert cells["settings"].select("li") and [li.get_text() for li in cells["settings"].select("li")] == list(row.role.settings)
        pay = cells["pay"]
        if row.pay:
            figure = pay.select_one(".fact")
            assert row.pay.text in figure.get_text(" ", strip=True)
            assert figure.select_one(".fact__year").get_text() == row.pay.year
            href = figure.select_one("a.fact__source")["href"]
            assert link_target(html_pages, "compare/index.html", href)[1]["id"] == f"source-{row.pay.source}"
        else:
            assert pay.get_text(" ", strip=True).startswith("No reliable figure.")
            assert pay.a["href"] == "../pay/"
        for key in ("training-hours", "supervision", "who-pays"):
            assert len(cells[key].select(".fact")) == len(getattr(row.glance, key.replace("-", "_")).facts)
        if not row.glance.training_hours.facts:
            assert cells["training-hours"].select_one(".compare-none").get_text() == "No sourced hour figure."


def test_each_sortable_cell_carries_its_rank_from_the_model(html_pages, table):
    main = compare_page(html_pages).select_one("table[data-compare-table]")
    expected = ranks(table)
    for tr in main.select("tbody > tr"):
        slug = tr["data-role"]
        cells = tr.find_all(["th", "td"], recursive=False)
        for column, cell in zip(COLUMNS, cells):
            if column.sortable:
                rank = expected[column.key][slug]
                assert cell["data-sort"] == ("" if rank is None else str(rank))
            else:
                assert not cell.has_attr("data-sort")


def test_without_javascript_the_picker_is_hidden_and_nothing_pretends_to_sort(html_pages):
    article = compare_page(html_pages)
    assert article.select_one("[data-compare-picker]").has_attr("hidden")
    assert article.select_one("[data-compare-sort-hint]").has_attr("hidden")
    assert not article.select("[aria-sort]") and not article.select("button.compare-sort")
    boxes = article.select("input[data-compare-choice]")
    assert len(boxes) == 10 and all(box.find_parent("label") for box in boxes)


def test_the_chart_is_an_svg_with_a_text_alternative_and_a_table_of_the_same_figures(html_pages, dataset):
    chart = chart_of(dataset)
    for page, own_table in (("compare/index.html", True), ("pay/index.html", False)):
        figure = html_pages[page].select_one("article figure.pay-chart")
        svg = figure.select_one("svg")
        assert svg["role"] == "img"
        assert svg.select_one(f"#{svg['aria-labelledby']}").get_text().startswith(f"Bar chart of {len(chart.bars)} pay figures.")
        assert svg.select_one(f"#{svg['aria-describedby']}").get_text() == chart.description
        assert len(svg.select("rect.pay-chart__bar")) == len(chart.bars)
        assert len(svg.select("rect.pay-chart__bar--other")) == sum(not bar.peer for bar in chart.bars)
        drawn = [text.get_text() for text in svg.select("text.pay-chart__value")]
        assert drawn == [bar.amount.shown for bar in chart.bars]
        assert "Not directly comparable." in figure.figcaption.get_text()
        assert not figure.select("script") and not svg.has_attr("style")
        tables = figure.select("table")
        if own_table:
            rows = tables[0].select("tbody tr")
            assert [tr.th.get_text() for tr in rows] == [bar.fact.text for bar in chart.bars]
            for tr, bar in zip(rows, chart.bars):
                assert bar.amount.shown in tr.get_text() and bar.fact.year in tr.get_text()
        else:  # the pay guide's table of every role's figures is just above
            assert not tables
            assert figure.find_previous("table", class_="pay-table")


def test_downloads_are_linked_from_the_comparison_and_about_pages_and_exist(html_pages, built_site, dataset):
    compare_links = {a["href"] for a in compare_page(html_pages).select("a[href*='open-data/']")}
    assert {f"../{d.path}" for d in downloads(dataset)} <= compare_links
    about_links = {a["href"] for a in html_pages["about/index.html"].select("article a[href*='open-data/']")}
    assert {"../open-data/comparison.csv", "../open-data/index.json"} <= about_links
    for href in compare_links | about_links:
        assert (built_site / href.removeprefix("../")).is_file(), href


def test_built_downloads_are_the_ones_the_models_make(built_site, published):
    for path, text in published.items():
        assert (built_site / path).read_bytes() == text.encode("utf-8"), path


def test_compare_roles_is_in_the_menu_under_roles(html_pages):
    nav = html_pages["index.html"].select_one("nav.md-nav--primary")
    link = next(a for a in nav.select("a.md-nav__link") if a.get_text(strip=True) == "Compare roles")
    assert link["href"] == "compare/"
    section = link.find_parent("li", class_="md-nav__item--section")
    assert section.find(class_="md-nav__link").get_text(strip=True).startswith("Roles")


def test_the_sources_page_lists_the_comparison_under_its_sources(source_entries, table):
    for source_id in table.source_ids():
        cited = source_entries[source_id][1].get_text(" ", strip=True)
        assert "Compare roles" in cited, source_id


def test_role_pages_show_their_short_answers_cite_them_and_link_to_the_comparison(html_pages, table):
    for row in table.rows:
        article = html_pages[f"roles/{row.slug}/index.html"].select_one("article")
        glance = article.select_one("dl.role-glance")
        assert [dt.get_text(strip=True) for dt in glance.select("dt")] == [
            "Diagnoses or treats", "Typical training hours", "Supervision", "Who pays for the service"]
        assert len(glance.select(".fact")) == len(row.glance.facts())
        listed = {li["id"].removeprefix("source-") for li in article.select("ol.sources > li")}
        assert {fact.source for fact in row.glance.facts()} <= listed, row.slug
        link = article.select_one("p.compare-link a")
        assert link["href"] == f"../../compare/?roles={row.slug}"
