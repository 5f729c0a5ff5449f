"""Pictures from Material's icon sets (hooks/careers/pages/icons.py): written into the page as
inline SVG from Material's own files, decoration only, one copy of each icon a page; an unknown
icon name in data stops the build at its file and line; both palettes and paper show them."""

from __future__ import annotations

import re
import pytest

from careers.data.dataset import read_dataset
from careers.pages import icons
from careers.pages.icons import ICONS, PageIcons, UnknownIcon, icon, role_icon
from careers.pages.paths import STAGE_ICONS, views
from conftest import ROOT, line_of, mkdocs_build, problems_after

ROLE_LISTS = ["roles/index.html", "index.html"]  # /roles/ and the home page's `careers:role-list`


@pytest.fixture(scope="module")
def dataset():
    return read_dataset(ROOT / "data")


def material_file(name: str) -> str:
    return (ICONS / f"{name}.svg").read_text(encoding="utf-8")


def drawn(svg) -> list[str]:
    """The outlines an icon on a page draws: its own, or those its <use> points at."""
    use = svg.select_one("use")
    shapes = svg.find_parent("html").select_one(use["href"]) if use is not None else svg
    return [path["d"] for path in shapes.select("path")]


def outlines(name: str) -> list[str]:
    """The outlines of Material's file for an icon."""
    return re.findall(r'\bd="([^"]+)"', material_file(name))


# ---------------------------------------------------------------------------
# The module
# ---------------------------------------------------------------------------


def test_an_icon_is_the_shapes_of_materials_file_as_inline_svg():
    markup = icon("material/account-heart", "role-list__icon")
    assert re.search(r"<path[^>]*/>", material_file("material/account-heart"))[0] in markup
    assert markup.startswith('<svg class="icon role-list__icon" viewBox="0 0 24 24" ')
    for attribute in ('aria-hidden="true"', 'focusable="false"', 'fill="currentColor"'):
        assert attribute in markup
    assert "<img" not in markup and "href" not in markup and "style" not in markup
    # Another set, with a viewBox that is not square: kept as Material drew it.
    box = re.search(r'viewBox="([^"]+)"', material_file("fontawesome/solid/user-group"))[1]
    assert box.split()[2] != box.split()[3] and f'viewBox="{box}"' in icon("fontawesome/solid/user-group")


def test_a_page_gets_one_copy_of_an_icon_it_shows_twice_and_points_at_it_after():
    page = PageIcons.showing(["material/school-outline", "material/sprout-outline", "material/school-outline"])
    first, again, other = page("material/school-outline"), page("material/school-outline"), page("material/sprout-outline")
    assert '<g id="icon-material-school-outline"><path' in first
    assert again.count("<path") == 0 and '<use href="#icon-material-school-outline"/>' in again
    # An icon shown once is written whole, with no id nothing would point at.
    assert other == icon("material/sprout-outline") and " id=" not in other
    # A new page writes the shapes again: an id from another page would point at nothing.
    assert "<path" in PageIcons(["material/school-outline"])("material/school-outline")


@pytest.mark.parametrize(("name", "message"), [
    ("material/account-hart", "there is no icon `material/account-hart` in Material's icons: did you mean "
                              "`material/account-heart`"),
    ("materials/account-heart", "there is no icon set `materials`: use one of `fontawesome`, `material`, "
                                "`octicons`, `simple`"),
    ("account-heart", "`account-heart` is not an icon name: write the set and the icon, e.g. `material/account-heart`"),
    ("material/../../../../etc/passwd", "is not an icon name"),
    ("material/Account-Heart", "is not an icon name"),
])
def test_an_unknown_icon_name_says_what_to_write(name, message):
    with pytest.raises(UnknownIcon, match=re.escape(message)):
        icon(name)
    assert message in icons.problem(name)


def test_the_pictures_the_code_chooses_exist():
    for name in [*STAGE_ICONS.values(), *icons.ROLE_GROUP_ICONS.values()]:
        assert icons.problem(name) is None, name


def test_a_role_without_an_icon_gets_its_groups(dataset):
    role = dataset.roles_by_slug["recovery-coach"]
    assert role_icon(role) == "material/sprout-outline"
    assert role_icon(role.model_copy(update={"icon": None})) == icons.ROLE_GROUP_ICONS["peer"]


# ---------------------------------------------------------------------------
# The built pages
# ---------------------------------------------------------------------------


def test_every_icon_on_the_site_is_inline_decoration_drawn_from_its_own_page(html_pages):
    seen = 0
    for path, page in html_pages.items():
        ids = [g["id"] for g in page.select("svg.icon > g[id]")]
        assert len(ids) == len(set(ids)), f"{path}: an icon's shapes written twice"
        for svg in page.select("svg.icon"):
            seen += 1
            assert svg["aria-hidden"] == "true" and svg["focusable"] == "false", path
            assert svg.get("role") is None and not svg.select("title, desc, image, foreignObject, script"), path
            for use in svg.select("use"):
                assert use["href"].startswith("#icon-") and page.select_one(use["href"]) is not None, (path, use)
            assert not [a for tag in svg.find_all(True) for a in tag.attrs if a in ("style", "xlink:href")], path
            assert drawn(svg), path
    assert seen > 50


def test_each_role_in_the_role_lists_has_its_icon(dataset, html_pages):
    for path in ROLE_LISTS:
        article = html_pages[path].select_one("article")
        shown = {}
        for svg in article.select("svg.role-list__icon, svg.role-list__name-icon"):
            link = svg.find_next_sibling("a")
            shown[link["href"].rstrip("/").split("/")[-1]] = svg
        assert sorted(shown) == sorted(dataset.roles_by_slug), path
        for slug, svg in shown.items():
            name = role_icon(dataset.roles_by_slug[slug])
            assert drawn(svg) == outlines(name), (path, slug)
        assert not article.select("img"), path


def test_each_path_step_has_the_picture_of_its_stage_and_the_overview_reuses_it(dataset, html_pages):
    for view in views(dataset):
        page = html_pages[f"paths/{view.path.slug}/index.html"]
        article = page.select_one("article")
        steps = article.select("ol.plan-path > li.plan-step")
        overview = article.select("nav.plan-map li a")
        assert len(steps) == len(overview) == len(view.steps)
        for step, li, item in zip(view.steps, steps, overview):
            expected = step.step.icon or STAGE_ICONS[step.step.stage]
            assert step.icon == expected
            beside, at_a_glance = li.select_one(".plan-step__body > svg.icon.plan-step__icon"), item.select_one("svg.icon.plan-map__icon")
            assert drawn(beside) == drawn(at_a_glance) == outlines(expected), step.anchor
            assert beside.select_one("use") is not None  # the overview's copy, drawn again
        # Each icon's shapes are on the page once, however often it is shown.
        for name in {step.icon for step in view.steps}:
            assert str(page).count(outlines(name)[0]) == 1, (view.path.slug, name)


def test_a_steps_own_icon_replaces_its_stages(dataset, html_pages):
    """data/paths/peer-supervisor.yml gives two steps their own picture."""
    view = next(v for v in views(dataset) if v.path.slug == "peer-supervisor")
    own = [step for step in view.steps if step.step.icon]
    assert [step.icon for step in own] == ["material/briefcase-account-outline", "material/account-supervisor-outline"]
    article = html_pages["paths/peer-supervisor/index.html"].select_one("article")
    for step in own:
        assert drawn(article.select_one(f"#{step.anchor} svg.plan-step__icon")) == outlines(step.icon)


def test_the_paths_index_shows_each_path_with_its_roles_icon(dataset, html_pages):
    items = html_pages["paths/index.html"].select("article ol.plan-index > li")
    all_views = views(dataset)
    assert len(items) == len(all_views)
    for view, li in zip(all_views, items):
        assert li.select_one("a")["href"].endswith(f"paths/{view.path.slug}/")
        assert drawn(li.select_one("svg.icon.plan-index__icon")) == outlines(role_icon(view.roles[0]))


def test_the_icons_stylesheet_loads_on_the_roles_list_only(html_pages):
    """features/icons.css styles the /roles/ list; a page carries one feature stylesheet at most."""
    loading = sorted(path for path, page in html_pages.items() if page.select('style[data-stylesheet="icons"]'))
    assert loading == ["roles/index.html"]
    assert html_pages["roles/index.html"].select("article svg.role-list__icon")


# ---------------------------------------------------------------------------
# An unknown icon in data stops the build, at its file and line
# ---------------------------------------------------------------------------


def replaced(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return change


def test_an_unknown_role_icon_names_the_file_line_and_field(data_copy):
    found = problems_after(data_copy, "roles/recovery-coach.yml",
                           replaced("icon: material/sprout-outline", "icon: material/sprout-outlin"))
    line = line_of(data_copy, "roles/recovery-coach.yml", "icon: material/sprout-outlin")
    assert found == [f"data/roles/recovery-coach.yml:{line}: icon: there is no icon `material/sprout-outlin` in "
                     "Material's icons: did you mean `material/sprout-outline`?"]


def test_an_unknown_step_icon_names_the_file_line_and_field(data_copy):
    found = problems_after(data_copy, "paths/peer-supervisor.yml",
                           replaced("icon: material/account-supervisor-outline", "icon: account-supervisor"))
    line = line_of(data_copy, "paths/peer-supervisor.yml", "icon: account-supervisor")
    assert found == [f"data/paths/peer-supervisor.yml:{line}: steps[4].icon: `account-supervisor` is not an icon "
                     "name: write the set and the icon, e.g. `material/account-heart` "
                     f"(names: {icons.BROWSE})"]


def test_an_unknown_icon_stops_the_real_build(project_copy, tmp_path):
    role = project_copy / "data/roles/psychologist.yml"
    role.write_text(role.read_text().replace("icon: material/head-lightbulb-outline", "icon: material/no-such-icon", 1))
    line = line_of(project_copy / "data", "roles/psychologist.yml", "icon: material/no-such-icon")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 1
    assert f"data/roles/psychologist.yml:{line}: icon: there is no icon `material/no-such-icon`" in result.stderr
    assert "Build stopped: 1 problem in data/." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------------------
# In Chromium: seen in both palettes, black on paper
# ---------------------------------------------------------------------------

COLOURS = """() => [...document.querySelectorAll('article svg.icon')].map(svg => {
  const style = getComputedStyle(svg), box = svg.getBoundingClientRect(), backgrounds = [];
  for (let element = svg; element; element = element.parentElement) {
    const background = getComputedStyle(element).backgroundColor;
    if (background !== 'rgba(0, 0, 0, 0)') backgrounds.push(background);
    if (background.startsWith('rgb(')) break;
  }
  return {cls: svg.getAttribute('class'), fill: style.fill, color: style.color, backgrounds,
          width: box.width, height: box.height};
})"""


def rgb(text: str) -> tuple[float, ...]:
    parts = [float(p) for p in re.findall(r"[\d.]+", text)]
    return tuple(parts[:3]) + ((parts[3],) if len(parts) > 3 else (1.0,))


def seen_behind(backgrounds: list[str]) -> tuple[float, ...]:
    """The colour behind an icon: its ancestors' backgrounds, tints laid over the first opaque one."""
    layers = [rgb(b) for b in backgrounds]
    colour = layers[-1][:3]
    for layer in reversed(layers[:-1]):
        colour = tuple(layer[i] * layer[3] + colour[i] * (1 - layer[3]) for i in range(3))
    return colour


def contrast(one: tuple, two: tuple) -> float:
    def luminance(colour):
        channels = [c / 255 for c in colour[:3]]
        channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize(("scheme", "palette"), [("light", "default"), ("dark", "slate")])
@pytest.mark.parametrize("path", ["roles/", "paths/", "paths/peer-specialist/"])
def test_icons_show_in_both_palettes(browser, site_url, scheme, palette, path):
    page = browser.new_page(color_scheme=scheme, viewport={"width": 360, "height": 640})
    page.goto(f"{site_url}/{path}")
    assert page.evaluate("document.body.dataset.mdColorScheme") == palette
    found = page.evaluate(COLOURS)
    page.close()
    assert found
    for item in found:
        fill, background = rgb(item["fill"]), seen_behind(item["backgrounds"])
        assert fill[3] == 1.0 and item["fill"] == item["color"], item  # currentColor, not transparent
        # Decoration, but still seen: as far from the background as a graphic needs (WCAG 1.4.11, 3:1).
        assert fill[:3] != background and contrast(fill, background) >= 3, item
        assert item["width"] >= 20 and item["height"] >= 20, item


@pytest.mark.browser
def test_icons_print_in_black(browser, site_url):
    page = browser.new_page()
    page.emulate_media(media="print")
    for path in ("roles/", "paths/peer-specialist/"):
        page.goto(f"{site_url}/{path}")
        fills = {item["fill"] for item in page.evaluate(COLOURS)}
        assert fills == {"rgb(0, 0, 0)"}, (path, fills)
    page.close()


@pytest.mark.browser
def test_an_icon_is_drawn_where_it_points_at_shapes_earlier_on_the_page(browser, site_url):
    """The step's picture is a <use> of the overview's: Chromium draws it at full size."""
    page = browser.new_page(viewport={"width": 360, "height": 640})
    page.goto(f"{site_url}/paths/peer-specialist/")
    drawn = page.evaluate("""() => {
      const svg = document.querySelector('#step-2 svg.plan-step__icon');
      const use = svg.querySelector('use').getBBox();
      return [use.width, use.height, !!document.querySelector(svg.querySelector('use').getAttribute('href'))];
    }""")
    page.close()
    width, height, found = drawn
    assert found and width > 10 and height > 10
