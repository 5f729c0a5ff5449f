"""Material's stylesheets keep only what the site uses (hooks/careers/site/unused_css.py, hooks/trim_theme_css.py)."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from careers.site.unused_css import (Usage, classes_in_scripts, classes_styled, properties_read, prune_stylesheets,
                                 site_usage, without_comments)

THEME_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
ROOT = Path(__file__).resolve().parent.parent


def prune(css: str, used=frozenset(), read_elsewhere=frozenset()) -> str:
    """Pruned by classes only (elements and attributes not known)."""
    return prune_stylesheets({"sheet": css}, Usage(set(used)), set(read_elsewhere))["sheet"]


def test_a_selector_naming_an_unused_class_goes_and_the_rest_of_its_rule_stays():
    css = ".used,.unused p,.used .unused{color:red}.unused{margin:0}p{padding:0}"
    assert prune(css, {"used"}) == ".used{color:red}p{padding:0}"


def test_an_emptied_media_block_goes_and_other_at_rules_stay():
    css = "@media screen{.unused{color:red}}@media print{.used{color:blue}}@keyframes spin{to{opacity:0}}"
    assert prune(css, {"used"}) == "@media print{.used{color:blue}}@keyframes spin{to{opacity:0}}"


def test_classes_inside_not_and_is_do_not_remove_a_selector():
    assert prune("a:not(.unused){color:red}", set()) == "a:not(.unused){color:red}"


def test_custom_properties_go_unless_something_reads_them():
    css = (":root{--unread:1px;--read:2px;--chained:3px;--via:var(--chained);--ours:4px}"
           ".used{margin:var(--read);padding:var(--via)}.unused{margin:var(--unread)}")
    assert prune(css, {"used"}, {"--ours"}) == (
        ":root{--read:2px;--chained:3px;--via:var(--chained);--ours:4px}"
        ".used{margin:var(--read);padding:var(--via)}")


def test_stylesheets_pruned_together_read_each_others_properties():
    sheets = {"palette": "[data-md-color-primary=indigo]{--md-primary-fg-color:#3f51b5;--md-unread:0}",
              "main": ".md-header{background-color:var(--md-primary-fg-color)}"}
    pruned = prune_stylesheets(sheets, Usage({"md-header"}), set())
    assert pruned["palette"] == "[data-md-color-primary=indigo]{--md-primary-fg-color:#3f51b5}"
    assert pruned["main"] == sheets["main"]


def test_a_selector_naming_an_element_no_page_has_and_no_script_names_goes():
    used = site_usage(['<html><body><p>x</p><table><tr><td>1</td></tr></table></body></html>'],
                      ['x("kbd",{})', "e.innerHTML=`<mark>${t}</mark>`"])
    css = ("p,blockquote{margin:0}.x blockquote{color:red}td>sup{top:0}kbd{font:inherit}mark{color:red}"
           "p:hover,a:not(blockquote){color:blue}P+small{margin:0}")
    pruned = prune_stylesheets({"sheet": css}, used, set())["sheet"]
    assert pruned == "p{margin:0}kbd{font:inherit}mark{color:red}p:hover{color:blue}"


def test_a_selector_naming_an_attribute_value_nothing_gives_goes():
    used = site_usage(['<html><body data-md-color-primary="indigo"><input data-md-color-primary="indigo"></body></html>'],
                      ['t.setAttribute("data-md-color-accent",r)', 'let s="lock"'])
    css = ("[data-md-color-primary=indigo]{--a:1}[data-md-color-primary=red]{--a:2}"
           "[data-md-color-primary='black'] .x{--a:3}[data-md-state=lock]{top:0}[data-md-state=blur]{top:1}"
           "[data-md-color-primary^=re]{--a:4}[data-md-color-accent=red]{--a:5}")
    pruned = prune_stylesheets({"sheet": css}, used, {"--a"})["sheet"]
    # Only values of attributes the pages have are judged: data-md-state and -accent (set by
    # scripts alone) stay, and so does a test other than `=`.
    assert pruned == ("[data-md-color-primary=indigo]{--a:1}[data-md-state=lock]{top:0}[data-md-state=blur]{top:1}"
                      "[data-md-color-primary^=re]{--a:4}[data-md-color-accent=red]{--a:5}")


def test_comments_go_and_rules_stay():
    assert without_comments("/* a */\n.a { color: red; /* b */ }\n\n@media print { .b{x:y} }") == (
        ".a { color: red;  }\n@media print { .b{x:y} }")


def test_important_declarations_keep_their_priority():
    assert prune(".used{display:none!important}", {"used"}) == ".used{display:none!important}"


def test_classes_come_from_pages_and_from_materials_names_in_scripts():
    pages = ['<html><body><p class="a b">x</p><div class="md-typeset"></div></body></html>']
    assert site_usage(pages, []).classes == {"a", "b", "md-typeset"}
    assert classes_in_scripts(['x("div",{class:"md-search-result__meta"});e.classList.add("focus-visible");'
                               'let other="plain-word"']) == {"md-search-result__meta", "focus-visible"}
    assert properties_read([".x{color:var(--md-accent-fg-color)}", 'e.style.setProperty("--md-indicator-x")']) == {
        "--md-accent-fg-color", "--md-indicator-x"}


@pytest.mark.parametrize("name", ["main", "palette"])
def test_the_built_site_keeps_every_rule_its_pages_need(built_site, html_pages, name):
    original_path, = THEME_STYLESHEETS.glob(f"{name}.*.min.css")
    original = original_path.read_text(encoding="utf-8")
    built = (built_site / "assets" / "stylesheets" / original_path.name).read_text(encoding="utf-8")
    assert len(built) < len(original)
    if name == "main":
        assert len(built) < 0.6 * len(original)
        assert not (built_site / "assets" / "stylesheets" / (original_path.name + ".map")).exists()
    used = {cls for page in html_pages.values() for tag in page.select("[class]") for cls in tag["class"]}
    lost = (classes_styled(original) & used) - classes_styled(built)
    assert not lost, f"classes used on pages but no longer styled: {sorted(lost)}"
    # Classes Material's script adds: the keyboard focus ring of the colour toggle and the like.
    assert ".md-option.focus-visible+label" in built or name == "palette"


def test_every_page_gets_materials_trimmed_stylesheets_and_the_sites_in_one_file(built_site):
    folder = built_site / "assets" / "stylesheets"
    main, = folder.glob("main.*.min.css")
    palette, = folder.glob("palette.*.min.css")
    site = without_comments((ROOT / "docs" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8"))
    expected = "\n".join([main.read_text(encoding="utf-8"), palette.read_text(encoding="utf-8"), site])
    assert (folder / "site-wide.css").read_text(encoding="utf-8") == expected
