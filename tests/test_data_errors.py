"""Each mistake a content editor can make gives one clear line: file, line, field, what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from careers import DataError, build_site
from careers.data.load import MAX_FILE_BYTES
from conftest import line_of, problems_after

ROLE = "roles/psychologist.yml"


def test_the_real_data_is_valid(data_copy):
    site = build_site(data_copy)
    assert "roles/psychologist.md" in site.pages


def test_unknown_field_suggests_the_right_name(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\nsummary:", "\nsumary:", 1))
    line = line_of(data_copy, ROLE, "sumary:")
    first = line_of(data_copy, ROLE, "slug:")
    assert found == [
        f"data/{ROLE}:{first}: summary: this required field is missing: add `summary:`",
        f"data/{ROLE}:{line}: sumary: unknown field `sumary`: did you mean `summary`?",
    ]


def test_missing_required_field(data_copy):
    def drop_education(text: str) -> str:
        return "\n".join(line for line in text.splitlines() if not line.startswith("education:")) + "\n"

    found = problems_after(data_copy, ROLE, drop_education)
    first = line_of(data_copy, ROLE, "slug:")
    assert found == [f"data/{ROLE}:{first}: education: this required field is missing: add `education:`"]


def test_dangling_source_id(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("source: bls-ooh-psychologists", "source: bls-2030", 1))
    line = line_of(data_copy, ROLE, "source: bls-2030")
    assert found[0].startswith(f"data/{ROLE}:{line}: pay.figures[1].source: `bls-2030` is not in data/sources.yml")


def test_a_source_title_that_says_nothing_out_of_context(data_copy):
    """A source's title is the text of the link to it: "Information" alone tells a reader nothing."""
    found = problems_after(data_copy, "sources.yml", lambda text: text.replace("    title: ", "    title: Read more\n    old_title: ", 1)
                           .replace("    old_title: ", "    # ", 1))
    line = line_of(data_copy, "sources.yml", "title: Read more")
    assert found[0].startswith(f"data/sources.yml:{line}: sources[1].title: `Read more` says nothing on its own")
    assert "with the site's name" in found[0]


def test_duplicate_key(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text + "title: Psychologist again\n")
    first = line_of(data_copy, ROLE, "title: Psychologist")
    last = len((data_copy / ROLE).read_text().splitlines())
    assert found == [f"data/{ROLE}:{last}: title: duplicate key `title` (first given on line {first}): keep only one"]


def test_tab_indentation(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\n  required:", "\n\trequired:", 1))
    line = line_of(data_copy, ROLE, "\trequired:")
    assert found == [f"data/{ROLE}:{line}: a tab is used for indentation: YAML needs spaces; replace the tab with spaces"]


def test_invalid_utf8(data_copy):
    path = data_copy / ROLE
    path.write_bytes(b"slug: psychologist\ntitle: Psych\xe9logist\n")
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    assert [str(p) for p in caught.value.problems] == [
        f"data/{ROLE}:2: the file is not valid UTF-8 text: save it as UTF-8 in your editor"
    ]


def test_empty_file(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: "# nothing here yet\n")
    assert found == [f"data/{ROLE}:1: the file is empty: add its fields, or delete the file"]


def test_wrong_type(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\nsettings:", "\nsettings: Hospitals\nold_settings:", 1))
    line = line_of(data_copy, ROLE, "settings: Hospitals")
    assert f"data/{ROLE}:{line}: settings: expected a list (lines starting with `- `), found `Hospitals`" in found


def test_yaml_reads_no_as_false(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\ntitle: Psychologist", "\ntitle: no", 1))
    line = line_of(data_copy, ROLE, "title: no")
    assert f'data/{ROLE}:{line}: title: `no` was read as true or false: put it in quotes, like "no"' in found


def test_yaml_reads_leading_zero_as_number(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\ntitle: Psychologist", "\ntitle: 012", 1))
    line = line_of(data_copy, ROLE, "title: 012")
    assert f'data/{ROLE}:{line}: title: `012` was read as a number: put it in quotes, like "012"' in found


def test_syntax_error_names_the_line(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\ntitle: Psychologist", "\ntitle: [Psychologist", 1))
    assert len(found) == 1 and found[0].startswith(f"data/{ROLE}:")
    assert "YAML syntax error" in found[0]


def test_slug_must_match_file_name(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\nslug: psychologist", "\nslug: psychologists", 1))
    line = line_of(data_copy, ROLE, "slug: psychologists")
    assert f"data/{ROLE}:{line}: slug: `psychologists` does not match the file name `psychologist.yml`: make them the same" in found


def test_two_roles_with_the_same_title(data_copy):
    later = "roles/social-worker.yml"
    found = problems_after(data_copy, later, lambda text: text.replace("\ntitle: Social Worker", "\ntitle: psychologist", 1))
    line = line_of(data_copy, later, "title: psychologist")
    assert found == [f"data/{later}:{line}: title: another role has the same title (data/{ROLE}): make it unique"]


def test_figure_year_in_the_future(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("year: May 2022", "year: May 2099", 1))
    line = line_of(data_copy, ROLE, "year: May 2099")
    assert any(p.startswith(f"data/{ROLE}:{line}: ") and "`May 2099` is in the future" in p for p in found)


def test_link_to_a_role_that_does_not_exist(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("role: social-worker", "role: astronaut", 1))
    line = line_of(data_copy, ROLE, "role: astronaut")
    assert any(p.startswith(f"data/{ROLE}:{line}: similar_roles[") and "no role `astronaut` in data/roles/" in p for p in found)


def test_source_url_must_be_http(data_copy):
    found = problems_after(data_copy, "sources.yml", lambda text: text.replace("url: https://www.bls.gov/ooh/life", "url: ftp://www.bls.gov/ooh/life", 1))
    line = line_of(data_copy, "sources.yml", "ftp://")
    assert any(p.startswith(f"data/sources.yml:{line}: sources[") and "is not a web address" in p for p in found)


def test_html_in_text_is_refused(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\ntitle: Psychologist", "\ntitle: Psychologist <script>alert(1)</script>", 1))
    line = line_of(data_copy, ROLE, "<script>")
    assert f"data/{ROLE}:{line}: title: HTML is not allowed here: write plain text (it is shown as typed)" in found


def test_money_in_prose_needs_a_source(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\neducation: ", "\neducation: Pays $90,000. ", 1))
    line = line_of(data_copy, ROLE, "Pays $90,000")
    assert f"data/{ROLE}:{line}: education: money amounts and percentages need a source and year: move the figure into a `facts` entry" in found


def test_pay_needs_figures_or_a_reason(data_copy):
    relative = "roles/recovery-coach.yml"

    def drop_reason(text: str) -> str:
        kept, skipping = [], False
        for line in text.splitlines():
            if line.startswith("  no_figure_reason:"):
                skipping = True
                continue
            if skipping and line.startswith("    "):
                continue
            skipping = False
            kept.append(line)
        return "\n".join(kept) + "\n"

    found = problems_after(data_copy, relative, drop_reason)
    line = line_of(data_copy, relative, "pay:")
    assert found == [f"data/{relative}:{line}: pay: give at least one sourced figure, or a `no_figure_reason`"]


def test_very_large_file(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text + "#" * (MAX_FILE_BYTES + 1))
    assert len(found) == 1 and "KB limit: split it or remove what was pasted by mistake" in found[0]


def test_file_in_the_wrong_folder(data_copy):
    (data_copy / "role-draft.yml").write_text("slug: draft\n")
    (data_copy / "roles" / "extra.yaml").write_text("slug: extra\n")
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith("data/role-draft.yml: this file is not read by the build: move it into one of data/roles/") for p in found)
    assert "data/roles/extra.yaml: use the extension `.yml`, not `.yaml`: rename the file" in found


def test_all_problems_are_reported_at_once(data_copy):
    (data_copy / "roles" / "social-worker.yml").write_text("")
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\nsummary:", "\nsumary:", 1))
    files = {p.split(":", 1)[0] for p in found}
    assert files == {f"data/{ROLE}", "data/roles/social-worker.yml"}
    assert len(found) >= 3


STATE = """\
code: DE
name: Delaware
summary: Delaware certifies peer recovery specialists.
credentials:
  - name: Certified Peer Recovery Specialist
    body: Delaware Certification Board
    scope: {value: both, source: de-cprs}
    training: {value: 46 hours, source: de-cprs}
    work_and_supervision: {value: 500 hours, source: de-cprs, confidence: uncertain}
    exam: {}
    other_requirements: {value: an essay, source: de-cprs}
    renewal: {value: every 2 years, source: de-cprss}
    official_source: de-cprs
    year: "2023"
    confidence: verified
reviewed: 2026-11-23
"""


def test_state_file_problems(data_copy):
    (data_copy / "states").mkdir(exist_ok=True)
    (data_copy / "states" / "dl.yml").write_text(STATE)
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    found = [str(p) for p in caught.value.problems]
    assert ("data/states/dl.yml:9: credentials[1].work_and_supervision: "
            "`uncertain` means sources disagree: list the other source's value in `other_values`") in found
    # Fix that one; the next pass finds the cross-file problems.
    fixed = STATE.replace("confidence: uncertain", "confidence: secondary")
    (data_copy / "states" / "dl.yml").write_text(fixed)
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    found = [str(p) for p in caught.value.problems]
    assert ("data/states/dl.yml:1: code: `DE` does not match the file name `dl.yml`: make them the same "
            "(the file name is the code in lower case)") in found
    assert "data/states/dl.yml:12: credentials[1].renewal.source: `de-cprss` is not in data/sources.yml or data/sources/: add it to one of them or fix the id" in found


def test_a_value_without_a_source(data_copy):
    (data_copy / "states").mkdir(exist_ok=True)
    text = STATE.replace("training: {value: 46 hours, source: de-cprs}", "training: {value: 46 hours}")
    (data_copy / "states" / "de.yml").write_text(text.replace("confidence: uncertain", "confidence: verified"))
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    assert [str(p) for p in caught.value.problems if "de.yml" in p.file] == [
        "data/states/de.yml:8: credentials[1].training: a value needs a `source` id"]


def test_faq_question_ids_are_unique_and_roles_exist(data_copy):
    faq = data_copy / "faq.yml"
    text = faq.read_text()
    first_id = next(line.split("id:")[1].strip() for line in text.splitlines() if line.strip().startswith("- id:") and line.startswith("      "))
    extra = f"""  - id: extra-topic
    title: Extra
    questions:
      - id: {first_id}
        question: A repeated question?
        answer: [Yes.]
        roles: [astronaut]
"""
    head, tail = text.split("\nreviewed:", 1)
    text = head.rstrip("\n") + "\n" + extra + "reviewed:" + tail
    faq.write_text(text)
    with pytest.raises(DataError) as caught:
        build_site(data_copy)
    found = [str(p) for p in caught.value.problems]
    id_line = line_of(data_copy, "faq.yml", "question: A repeated question?") - 1
    roles_line = id_line + 3
    assert any(p.startswith(f"data/faq.yml:{id_line}: topics[") and f"`{first_id}` is already used by another question" in p for p in found)
    assert any(p.startswith(f"data/faq.yml:{roles_line}: topics[") and "no role `astronaut` in data/roles/" in p for p in found)


def test_reviewed_date_in_the_future(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("reviewed: 2026-11-23", "reviewed: 2099-01-01"))
    line = line_of(data_copy, ROLE, "reviewed: 2099")
    assert found == [f"data/{ROLE}:{line}: reviewed: 2099-01-01 is in the future: give the date the page was last reviewed"]


def test_credential_requirement_needs_a_source(data_copy):
    relative = "credentials/mha-ncps.yml"
    found = problems_after(data_copy, relative, lambda text: text.replace("    source: mha-ncps", "    source: mha-ncpz", 1))
    line = line_of(data_copy, relative, "source: mha-ncpz")
    assert any(p.startswith(f"data/{relative}:{line}: requirements[") and "`mha-ncpz` is not in data/sources.yml" in p for p in found)


def test_unknown_requirement_topic(data_copy):
    relative = "credentials/mha-ncps.yml"
    found = problems_after(data_copy, relative, lambda text: text.replace("topic: education", "topic: schooling", 1))
    line = line_of(data_copy, relative, "topic: schooling")
    assert any(p.startswith(f"data/{relative}:{line}: requirements[") and "`schooling` is not allowed: use 'education'" in p for p in found)
