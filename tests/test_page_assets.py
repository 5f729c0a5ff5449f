"""Feature stylesheets and scripts load only on the pages that use them.

Each feature stylesheet in docs/assets/stylesheets/ (other than site.css) styles classes that only
its pages use; a page's front matter names it (`stylesheets:`, `scripts:`) and
overrides/partials/page-assets.html writes the tags. A page that uses a feature's classes without
its stylesheet would look broken; a page that loads one it does not use wastes the reader's data.
"""

from __future__ import annotations

from pathlib import Path

from careers.unused_css import classes_styled

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = ROOT / "docs" / "assets" / "stylesheets"
SITE_WIDE = {"site.css"}


def _classes_in_selectors(css_file: Path) -> set[str]:
    return classes_styled(css_file.read_text(encoding="utf-8"))


def _feature_classes() -> dict[str, set[str]]:
    site_wide = set().union(*(_classes_in_selectors(STYLESHEETS / name) for name in SITE_WIDE))
    return {
        css.name: _classes_in_selectors(css) - site_wide - {c for c in _classes_in_selectors(css) if c.startswith("md-")}
        for css in sorted(STYLESHEETS.glob("*.css")) if css.name not in SITE_WIDE
    }


def _page_classes(page) -> set[str]:
    return {name for tag in page.select("article [class]") for name in tag["class"]}


def _stylesheets(page) -> set[str]:
    return {Path(link["href"]).name for link in page.select("link[rel=stylesheet]")}


def test_each_feature_stylesheet_loads_exactly_where_its_classes_are_used(html_pages):
    features = _feature_classes()
    assert set(features) == {"compare.css", "job-generator.css", "plan.css"}
    problems = []
    for path, page in html_pages.items():
        used, loaded = _page_classes(page), _stylesheets(page)
        for css, classes in features.items():
            uses = bool(used & classes)
            if uses and css not in loaded:
                problems.append(f"{path} uses {sorted(used & classes)[:3]} but does not load {css}")
            if css in loaded and not uses:
                problems.append(f"{path} loads {css} but uses none of its classes")
    assert not problems, "\n".join(problems)


def test_every_page_loads_one_site_wide_stylesheet_then_its_feature_one(html_pages):
    for path, page in html_pages.items():
        names = [Path(link["href"]).name for link in page.select("link[rel=stylesheet]")]
        assert names[0] == "site-wide.css" and len(names) <= 2, (path, names)
    order = [Path(link["href"]).name for link in html_pages["compare/index.html"].select("link[rel=stylesheet]")]
    assert order == ["site-wide.css", "compare.css"]


def test_feature_scripts_load_only_on_their_pages_and_never_block_the_first_paint(html_pages):
    expected = {"compare.js": {"compare/index.html"}, "finder.js": {"finder/index.html"}}
    found: dict[str, set[str]] = {}
    for path, page in html_pages.items():
        for script in page.select("script[src]"):
            assert script.has_attr("defer"), f"{path}: {script['src']} holds back the first paint"
            found.setdefault(Path(script["src"]).name, set()).add(path)
    assert {name: pages for name, pages in found.items() if name in expected} == expected
    job_pages = found["job-generator.js"]
    assert job_pages and all(p.startswith("jobs/") and p != "jobs/index.html" for p in job_pages)
    assert not any(name.endswith("loader.js") for name in found)
    # Every page has the on-demand loader, which names Material's bundle (loaded on the first action).
    assert found["on-demand.js"] == set(html_pages)


def test_the_on_demand_loader_names_materials_real_bundle(html_pages, built_site):
    for path, page in html_pages.items():
        loader = page.select_one("script[src$='on-demand.js']")
        address = loader["data-bundle"]  # relative, or from the site root on the 404 page
        bundle = built_site / address.lstrip("/") if address.startswith("/") else (built_site / path).parent / address
        assert bundle.name.startswith("bundle.") and bundle.is_file(), path
