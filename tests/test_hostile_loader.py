"""Broken or hostile YAML gets one clear line per problem, never a crash, a hang or a traceback.

Each test edits one file of a scratch copy of the real data/ (or swaps it for a symbolic link) and
checks the full list of problems the build reports.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import pytest
import yaml

from careers import DataError, build_site
from careers.data.load import load_document
from conftest import ROOT, line_of, problems_after

ROLE = "roles/psychologist.yml"
WHERE = f"data/{ROLE}"
TITLE_LINE = 3  # `title: Psychologist`
ORDER_LINE = 5  # `order: 40`


def with_title(value: str):
    return lambda text: text.replace("\ntitle: Psychologist\n", f"\ntitle: {value}\n", 1)


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        build_site(data)
    return [str(problem) for problem in caught.value.problems]


def problems_in_subprocess(data: Path) -> subprocess.CompletedProcess:
    """Build in a child process, so that a crash (a segfault kills the process) fails the test, not pytest."""
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT / "hooks")!r})
        from pathlib import Path
        from careers import DataError, build_site
        try:
            build_site(Path({str(data)!r}))
        except DataError as error:
            print("\\n".join(str(problem) for problem in error.problems))
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------------------
# Ordinary files are unaffected
# ---------------------------------------------------------------------------


def test_the_real_data_builds(data_copy):
    assert "roles/psychologist.md" in build_site(data_copy).pages


def test_every_real_file_loads_as_plain_yaml_reads_it(data_copy):
    for path in sorted(data_copy.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert load_document(path, path.name).data == yaml.safe_load(text), path.name


def test_brackets_in_comments_and_quotes_do_not_count_as_nesting(data_copy):
    role = data_copy / ROLE
    text = role.read_text(encoding="utf-8")
    text = text.replace("\ntitle: Psychologist\n", "\ntitle: Psychologist  # " + "[" * 100_000 + "\n", 1)
    role.write_text(text.replace("\nalso_called:\n", "\nalso_called: ['[[[[', \"{{{{\"]\nalso_called:\n", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:  # only the duplicate `also_called`, nothing about nesting
        build_site(data_copy)
    added = line_of(data_copy, ROLE, "also_called: ['")  # the original `also_called:` follows it
    assert [str(p) for p in caught.value.problems] == [
        f"{WHERE}:{added + 1}: also_called: duplicate key `also_called` (first given on line {added}): keep only one"]


# ---------------------------------------------------------------------------
# Aliases, anchors, merge keys and tags
# ---------------------------------------------------------------------------


def billion_laughs(text: str) -> str:
    """Nine levels of nine aliases each: 9**9 (387 million) copies of `lol` if it were expanded."""
    lines = ["lol1: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(2, 10):
        previous, name = "abcdefghi"[level - 2], "abcdefghi"[level - 1]
        lines.append(f"lol{level}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return text + "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_without_expanding_it(data_copy):
    first = len((data_copy / ROLE).read_text(encoding="utf-8").splitlines()) + 1
    tracemalloc.start()
    try:
        found = problems_after(data_copy, ROLE, billion_laughs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    expected = [f"{WHERE}:{first}: lol1: `&a` is a YAML anchor (it marks a value to copy with `*a`), "
                "which data files do not use: remove `&a`"]
    for level in range(2, 10):
        line, previous, name = first + level - 1, "abcdefghi"[level - 2], "abcdefghi"[level - 1]
        expected += [
            f"{WHERE}:{line}: lol{level}: `&{name}` is a YAML anchor (it marks a value to copy with `*{name}`), "
            f"which data files do not use: remove `&{name}`",
            f"{WHERE}:{line}: lol{level}[1]: `*{previous}` is a YAML alias (a copy of the value marked `&{previous}` "
            f"on line {line - 1}), which data files do not use: write the value out in full here",
        ]
    assert found == expected
    assert peak < 100 * 1024 * 1024  # the whole build; expanding the bomb would need many gigabytes


def test_an_alias_used_as_a_key_is_refused(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text + "a: &a [x, x]\n? *a\n: value\n")
    last = len((data_copy / ROLE).read_text(encoding="utf-8").splitlines())
    assert found == [
        f"{WHERE}:{last - 2}: a: `&a` is a YAML anchor (it marks a value to copy with `*a`), which data files do not use: remove `&a`",
        f"{WHERE}:{last - 1}: `*a` is a YAML alias (a copy of the value marked `&a` on line {last - 2}), "
        "which data files do not use: write the value out in full here",
    ]


def test_a_merge_key_is_refused(data_copy):
    def merge(text: str) -> str:
        text = text.replace('    - text: "Median pay', '    - &figure\n      text: "Median pay', 1)
        return text.replace("\nduties:\n", "\n    - <<: *figure\n      year: May 2021\nduties:\n", 1)

    found = problems_after(data_copy, ROLE, merge)
    anchor = line_of(data_copy, ROLE, "- &figure")
    merged = line_of(data_copy, ROLE, "<<: *figure")
    assert found == [
        f"{WHERE}:{anchor}: pay.figures[1]: `&figure` is a YAML anchor (it marks a value to copy with `*figure`), "
        "which data files do not use: remove `&figure`",
        f"{WHERE}:{merged}: pay.figures[2]: `<<` is a YAML merge key, which data files do not use: write the fields out in full here",
    ]


def test_a_custom_tag_is_refused(data_copy):
    found = problems_after(data_copy, ROLE, with_title("!foo Psychologist"))
    assert found == [f"{WHERE}:{TITLE_LINE}: title: `!foo` is a YAML tag, which data files do not use: "
                     "remove `!foo` and write a plain value"]


def test_a_python_tag_is_refused(data_copy):
    found = problems_after(data_copy, ROLE, with_title("!!python/object/apply:os.system [echo hello]"))
    assert found == [f"{WHERE}:{TITLE_LINE}: title: `!!python/object/apply:os.system` is a YAML tag, which data files "
                     "do not use: remove `!!python/object/apply:os.system` and write a plain value"]


def test_even_a_standard_tag_is_refused(data_copy):
    found = problems_after(data_copy, ROLE, with_title("!!str Psychologist"))
    assert found == [f"{WHERE}:{TITLE_LINE}: title: `!!str` is a YAML tag, which data files do not use: "
                     "remove `!!str` and write a plain value"]


def test_text_starting_with_a_star_is_asked_to_be_quoted(data_copy):
    found = problems_after(data_copy, ROLE, with_title("*Psychologist* (clinical)"))
    assert found == [f"{WHERE}:{TITLE_LINE}: YAML syntax error: a value that starts with `*` must be in quotes: "
                     "put the whole value in quotes"]


# ---------------------------------------------------------------------------
# Nesting too deep for libyaml (which would crash the process)
# ---------------------------------------------------------------------------

DEPTH = ("the data is nested more than 50 levels deep here (lists or fields inside one another): "
         "remove the extra brackets or indentation")


def test_forty_thousand_nested_brackets_are_refused_without_a_crash(data_copy):
    (data_copy / ROLE).write_text(with_title("[" * 40_000 + "]" * 40_000)((data_copy / ROLE).read_text(encoding="utf-8")),
                                  encoding="utf-8")
    result = problems_in_subprocess(data_copy)
    assert result.returncode == 0, f"the build crashed (exit code {result.returncode}): {result.stderr[-500:]}"
    assert result.stdout.splitlines() == [f"{WHERE}:{TITLE_LINE}: {DEPTH}"]


def test_forty_thousand_nested_list_dashes_are_refused_without_a_crash(data_copy):
    change = lambda text: text.replace("\ntitle: Psychologist\n", "\ntitle:\n  " + "- " * 40_000 + "x\n", 1)  # noqa: E731
    (data_copy / ROLE).write_text(change((data_copy / ROLE).read_text(encoding="utf-8")), encoding="utf-8")
    result = problems_in_subprocess(data_copy)
    assert result.returncode == 0, f"the build crashed (exit code {result.returncode}): {result.stderr[-500:]}"
    assert result.stdout.splitlines() == [f"{WHERE}:{TITLE_LINE + 1}: {DEPTH}"]


def test_sixty_nested_brackets_are_refused(data_copy):
    found = problems_after(data_copy, ROLE, with_title("[" * 60 + "]" * 60))
    assert found == [f"{WHERE}:{TITLE_LINE}: {DEPTH}"]


# ---------------------------------------------------------------------------
# Values PyYAML cannot build, or that cannot be right
# ---------------------------------------------------------------------------


def test_an_impossible_date(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("reviewed: 2026-11-23", "reviewed: 2026-02-30"))
    line = line_of(data_copy, ROLE, "reviewed: 2026-02-30")
    assert found == [f"{WHERE}:{line}: reviewed: 2026-02-30 is not a real date: check the day and month (write YYYY-MM-DD)"]


def test_a_date_with_a_time(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("reviewed: 2026-11-23", "reviewed: 2026-01-01 10:00:00"))
    line = line_of(data_copy, ROLE, "reviewed: 2026-01-01")
    assert found == [f"{WHERE}:{line}: reviewed: 2026-01-01 10:00:00 has a time of day: write the date alone, "
                     "as YYYY-MM-DD (or put it in quotes if it is text)"]


def test_an_impossible_date_as_a_field_name(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text + "2026-02-30: a note\n")
    last = len((data_copy / ROLE).read_text(encoding="utf-8").splitlines())
    assert found == [f"{WHERE}:{last}: 2026-02-30 is not a real date: check the day and month (write YYYY-MM-DD)"]


def test_a_five_thousand_digit_number(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\norder: 40\n", "\norder: " + "1234567890" * 500 + "\n", 1))
    assert found == [f"{WHERE}:{ORDER_LINE}: order: `12345678901234567890...` is too large a number: "
                     "write a smaller number, or put it in quotes if it is text"]


def test_a_float_too_large_to_hold(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\norder: 40\n", "\norder: 1.0e+999\n", 1))
    assert found == [f"{WHERE}:{ORDER_LINE}: order: `1.0e+999` is too large a number: "
                     "write a smaller number, or put it in quotes if it is text"]


def test_1e999_is_text_to_yaml_and_not_a_whole_number(data_copy):
    # YAML 1.1 (PyYAML) reads `1e999` as text, not as a number; the model then says what `order` needs.
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\norder: 40\n", "\norder: 1e999\n", 1))
    assert found == [f"{WHERE}:{ORDER_LINE}: order: `1e999` is not a whole number: write digits only, "
                     "without a decimal point, e.g. `40`"]


def test_not_a_number(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\norder: 40\n", "\norder: .nan\n", 1))
    assert found == [f'{WHERE}:{ORDER_LINE}: order: `.nan` means "not a number": write a number, '
                     "or put it in quotes if it is text"]


def test_a_list_as_a_field_name(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("\ntitle: Psychologist\n", "\n[title]: Psychologist\n", 1))
    assert found == [f"{WHERE}:{TITLE_LINE}: a field name must be plain text, not a list or a set of fields: write `name: value`; "
                     "if this is text, put all of it in quotes (\"...\"): text that starts with `{` or `[` needs them"]


# ---------------------------------------------------------------------------
# Syntax mistakes reported where they are made
# ---------------------------------------------------------------------------


def test_an_unclosed_double_quote_is_reported_where_it_opens(data_copy):
    found = problems_after(data_copy, ROLE, with_title('"Psychologist'))
    assert found == [f'{WHERE}:{TITLE_LINE}: a quote (") opened on this line is never closed: close it with " at the end of the value']


def test_an_unclosed_single_quote_is_reported_where_it_opens(data_copy):
    found = problems_after(data_copy, ROLE, with_title("'Psychologist"))
    assert found == [f"{WHERE}:{TITLE_LINE}: a quote (') opened on this line is never closed: close it with ' at the end of the value"]


def test_an_unclosed_quote_on_the_last_line(data_copy):
    found = problems_after(data_copy, ROLE, lambda text: text.replace("reviewed: 2026-11-23", 'reviewed: "2026-11-23'))
    line = line_of(data_copy, ROLE, 'reviewed: "2026')
    assert found == [f'{WHERE}:{line}: a quote (") opened on this line is never closed: close it with " at the end of the value']


def test_an_apostrophe_inside_single_quotes(data_copy):
    found = problems_after(data_copy, ROLE, with_title("'Psychologist's job'"))
    assert found == [f"{WHERE}:{TITLE_LINE}: YAML syntax error: an apostrophe inside single quotes ends the value: "
                     "write it twice (`''`), or put the value in double quotes"]


def test_an_unclosed_bracket_is_reported_where_it_opens(data_copy):
    found = problems_after(data_copy, ROLE, with_title("[Psychologist"))
    assert found == [f"{WHERE}:{TITLE_LINE}: YAML syntax error: a `[` opened on this line is never closed: "
                     "close it with `]`, or put the whole value in quotes if it is text"]


def test_a_control_character(data_copy):
    found = problems_after(data_copy, ROLE, with_title("Psych\x01ologist"))
    assert found == [f"{WHERE}:{TITLE_LINE}: the file holds an invisible control character (U+0001), which YAML "
                     "does not allow: delete it (retype the line if you cannot see it)"]


# ---------------------------------------------------------------------------
# Symbolic links are never followed
# ---------------------------------------------------------------------------

LINKED_FILE = "this file is a symbolic link: data files must be real files in the repository; replace the link with the file itself"
LINKED_FOLDER = ("this folder is a symbolic link: data folders must be real folders in the repository; "
                 "replace the link with the folder itself")


def test_a_link_to_a_file_outside_the_repository(data_copy, tmp_path):
    outside = tmp_path / "outside" / "secret.yml"
    outside.parent.mkdir()
    outside.write_text((data_copy / ROLE).read_text(encoding="utf-8"), encoding="utf-8")  # even valid data
    (data_copy / ROLE).unlink()
    (data_copy / ROLE).symlink_to(outside)
    assert problems_of(data_copy) == [f"{WHERE}: {LINKED_FILE}"]


def test_a_link_to_another_data_file(data_copy):
    (data_copy / "roles" / "psychologist-copy.yml").symlink_to(data_copy / ROLE)
    assert problems_of(data_copy) == [f"data/roles/psychologist-copy.yml: {LINKED_FILE}"]


def test_a_linked_data_folder(data_copy, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.move(data_copy / "states", outside / "states")
    outside = outside / "states"
    (data_copy / "states").symlink_to(outside, target_is_directory=True)
    assert problems_of(data_copy) == [f"data/states/: {LINKED_FOLDER}"]


def test_a_linked_folder_inside_a_data_folder(data_copy, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "extra.yml").write_text("slug: extra\n")
    (data_copy / "roles" / "more").symlink_to(outside, target_is_directory=True)
    assert problems_of(data_copy) == [f"data/roles/more/: {LINKED_FOLDER}"]
