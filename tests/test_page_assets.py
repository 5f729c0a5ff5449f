"""Feature stylesheets and scripts load only on the pages that use them.

Each feature stylesheet in docs/assets/stylesheets/features/ styles classes that only its pages
use; a page's front matter names it (`stylesheets:`, `scripts:`), or, for a content stylesheet
(mkdocs.yml, extra.content_stylesheets: tables, notes), the page's content holds what it styles.
overrides/partials/page-styles.html
writes the stylesheet into the page; overrides/partials/on-demand.html starts the script once the
page has been painted. A page that uses a feature's classes without its stylesheet would look
broken; a page that carries one it does not use wastes the reader's data.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import tinycss2

from careers.site.unused_css import classes_styled

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = ROOT / "docs" / "assets" / "stylesheets"
FEATURES = STYLESHEETS / "features"
SITE_WIDE = {"site.css"}
CONTENT = {"tables", "notes", "folds"}  # mkdocs.yml, extra.content_stylesheets: no page names them


def _classes_in_selectors(css_file: Path) -> set[str]:
    return classes_styled(css_file.read_text(encoding="utf-8"))


def _feature_classes() -> dict[str, set[str]]:
    site_wide = set().union(*(_classes_in_selectors(STYLESHEETS / name) for name in SITE_WIDE))
    return {
        css.name: _classes_in_selectors(css) - site_wide - {c for c in _classes_in_selectors(css) if c.startswith("md-")}
        for css in sorted(FEATURES.glob("*.css"))
    }


def _page_classes(page) -> set[str]:
    return {name for tag in page.select("article [class]") for name in tag["class"]}


def _stylesheets(page) -> set[str]:
    return {f"{style['data-stylesheet']}.css" for style in page.select("style[data-stylesheet]")}


def test_each_feature_stylesheet_loads_exactly_where_its_classes_are_used(html_pages):
    features = _feature_classes()
    assert set(features) == {"compare.css", "faq.css", "home.css", "icons.css", "folds.css", "job-generator.css", "notes.css", "plan.css",
                             "role.css", "sources.css", "states.css", "tables.css"}
    problems = []
    for path, page in html_pages.items():
        used, loaded = _page_classes(page), _stylesheets(page)
        for css, classes in features.items():
            # tables.css is for every table, with a class or not (mkdocs.yml, content_stylesheets).
            uses = bool(used & classes) or (css == "tables.css" and bool(page.select("article table")))
            if uses and css not in loaded:
                problems.append(f"{path} uses {sorted(used & classes)[:3]} but does not load {css}")
            if css in loaded and not uses:
                problems.append(f"{path} loads {css} but uses none of its classes")
    assert not problems, "\n".join(problems)


def test_a_content_stylesheet_loads_on_every_page_with_what_it_styles_and_first(html_pages):
    """tables.css on each page whose content has a table, whoever wrote it; none elsewhere."""
    with_tables = sorted(path for path, page in html_pages.items() if page.select("article table"))
    loading = sorted(path for path, page in html_pages.items() if page.select('style[data-stylesheet="tables"]'))
    assert loading == with_tables
    assert {"compare/index.html", "editing-guide/index.html", "pay/index.html", "states/index.html"} <= set(loading)
    # Before the page's own feature stylesheet, so the comparison's rules win over the shared ones.
    assert [s["data-stylesheet"] for s in html_pages["compare/index.html"].select("style")] == ["tables", "folds", "compare"]


def test_every_page_links_one_stylesheet_and_carries_its_feature_one(html_pages, built_site):
    for path, page in html_pages.items():
        # One request before the first paint. (Not even a print-only one: Lighthouse's simulation
        # counts every request that ends before the largest paint, and a print stylesheet added 0.15 s.)
        names = [Path(link["href"]).name for link in page.select("link[rel=stylesheet]")]
        assert names == ["site-wide.css"], (path, names)
        named = [s["data-stylesheet"] for s in page.select("style") if s["data-stylesheet"] not in CONTENT]
        assert len(named) <= 1, (path, named)
    style = html_pages["compare/index.html"].select_one('style[data-stylesheet="compare"]')
    # The text of docs/assets/stylesheets/features/compare.css without its comments, and no file
    # of it in the published site.
    rules = [rule for rule in tinycss2.parse_stylesheet(style.string, skip_whitespace=True)]
    source = tinycss2.parse_stylesheet((FEATURES / "compare.css").read_text(encoding="utf-8"),
                                       skip_comments=True, skip_whitespace=True)
    assert [tinycss2.serialize(r.prelude).strip() for r in rules] == [tinycss2.serialize(r.prelude).strip() for r in source]
    assert "/*" not in style.string
    assert not (built_site / "assets" / "stylesheets" / "features").exists()
    assert not list((built_site / "assets" / "stylesheets").glob("compare*.css"))


def _loader(page):
    """The inline script that loads Material's bundle and the page's own scripts (on-demand.html)."""
    loaders = page.select("script[data-bundle]")
    assert len(loaders) == 1
    return loaders[0]


def test_feature_scripts_load_only_on_their_pages_and_never_block_the_first_paint(html_pages):
    expected = {"compare.js": {"compare/index.html", "states/index.html"},  # sorting, on the states table too
                "faq.js": {"faq/index.html"}, "finder.js": {"finder/index.html"}, "states.js": {"states/index.html"}}
    found: dict[str, set[str]] = {}
    for path, page in html_pages.items():
        # No script is fetched while the page is parsed: the page's own ones start after it is painted.
        assert not [s["src"] for s in page.select("script[src]")], path
        for address in _loader(page)["data-page-scripts"].split():
            found.setdefault(Path(address).name, set()).add(path)
    assert {name: pages for name, pages in found.items() if name in expected} == expected
    job_pages = found.pop("job-generator.js")
    assert job_pages and all(p.startswith("jobs/") and p != "jobs/index.html" for p in job_pages)
    assert set(found) == set(expected)


def test_the_on_demand_loader_names_real_scripts(html_pages, built_site):
    for path, page in html_pages.items():
        loader = _loader(page)
        for address in [loader["data-bundle"], *loader["data-page-scripts"].split()]:
            # relative, or from the site root on the 404 page
            script = built_site / address.lstrip("/") if address.startswith("/") else (built_site / path).parent / address
            assert script.is_file(), (path, address)
        assert Path(loader["data-bundle"]).name.startswith("bundle.")


def test_the_favicon_is_written_into_every_page(html_pages):
    """A linked favicon is fetched while the page is drawn; the 0.3 KB SVG is a data: address instead."""
    svg = (ROOT / "docs" / "assets" / "images" / "favicon.svg").read_text(encoding="utf-8").strip()
    for path, page in html_pages.items():
        icons = page.select("link[rel=icon]")
        assert len(icons) == 1, path
        kind, _, data = icons[0]["href"].partition(",")
        assert kind == "data:image/svg+xml" and unquote(data) == svg, path
        assert " " not in data and '"' not in data, path  # a valid URL in a valid attribute
