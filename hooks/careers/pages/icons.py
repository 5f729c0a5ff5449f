"""Icons from the sets Material for MkDocs ships, written into the page as inline SVG.

An icon is named by its file under Material's `templates/.icons/` without `.svg`:
`material/account-heart`, `octicons/heart-24`, `fontawesome/solid/heart`. The page gets the
file's shapes in an `<svg>` of its own: no request, no icon font. Every icon is decoration
(`aria-hidden="true"`, `focusable="false"`): the words beside it carry the meaning. It takes the
colour of its text (`fill="currentColor"`), so it follows both palettes and prints in black; the
feature stylesheets (features/icons.css, features/plan.css) size and place it.

`icon(name)` gives one icon. `PageIcons`, one per page, writes the shapes of an icon the page
shows more than once the first time and points at them (`<use href="#icon-...">`) every later time. `check(dataset)`
finds every `icon:` in data/ that names no file, at its file and line.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import material
from markupsafe import Markup, escape

from ..data.dataset import Dataset
from ..data.load import dotted
from ..data.problems import Problem
from ..data.walk import walk

ICONS = Path(material.__file__).parent / "templates" / ".icons"
BROWSE = "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/"
# `set/name` or `set/group/name`: lower-case words joined by hyphens, so a name is always a file inside ICONS.
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*){1,2}")
SVG_FILE = re.compile(r"\s*<svg\b(?P<attributes>[^>]*)>(?P<shapes>.*)</svg>\s*", re.DOTALL)
VIEW_BOX = re.compile(r'\bviewBox="(?P<box>[-\d. ]+)"')
# What an inline icon may not carry: scripts and event handlers, and inline styles, which the
# site's Content-Security-Policy blocks (hooks/content_security_policy.py).
REFUSED = re.compile(r"<script|\bon[a-z]+\s*=|\bstyle\b|<foreignObject|\bhref\s*=", re.IGNORECASE)
# The size an icon has before a stylesheet sizes it: the height of a line of text.
DEFAULT_SIZE = "1em"
# Used where a role's data names no icon.
ROLE_GROUP_ICONS = {
    "peer": "material/account-heart-outline",
    "neighbouring": "material/briefcase-outline",
}


class UnknownIcon(ValueError):
    """An icon name that is not a file of Material's icon sets (the message says what to do)."""


# ---------------------------------------------------------------------------
# Reading Material's files
# ---------------------------------------------------------------------------


def problem(name: str) -> str | None:
    """What is wrong with an icon name, in words for an editor, or None when the icon exists."""
    if not isinstance(name, str) or not NAME.fullmatch(name):
        return (f"`{name}` is not an icon name: write the set and the icon, e.g. `material/account-heart` "
                f"(names: {BROWSE})")
    if not (ICONS / f"{name}.svg").is_file():
        icon_set = name.split("/")[0]
        if not (ICONS / icon_set).is_dir():
            return f"there is no icon set `{icon_set}`: use one of " + ", ".join(f"`{s}`" for s in icon_sets())
        near = _near(name, names_in(icon_set))
        hint = ("did you mean " + " or ".join(f"`{n}`" for n in near) + "?") if near else f"see {BROWSE}"
        return f"there is no icon `{name}` in Material's icons: {hint}"
    try:
        _shapes(name)
    except UnknownIcon as error:
        return str(error)
    return None


def _near(name: str, names: tuple[str, ...]) -> list[str]:
    """The names an editor most likely meant: the sizes of an icon (`octicons/heart` -> `heart-16`,
    `heart-24`), or the few spelt most alike."""
    if sized := [n for n in names if n.startswith(name + "-") and n[len(name) + 1:].isdigit()]:
        return sized
    word = name.rsplit("/", 1)[-1]
    scored = sorted(((difflib.SequenceMatcher(None, word, n.rsplit("/", 1)[-1]).ratio(), n) for n in names), reverse=True)
    best = scored[0][0] if scored else 0
    return [n for ratio, n in scored[:3] if ratio >= 0.8 and ratio > best - 0.05]


@lru_cache(maxsize=None)
def icon_sets() -> tuple[str, ...]:
    return tuple(sorted(path.name for path in ICONS.iterdir() if path.is_dir()))


@lru_cache(maxsize=None)
def names_in(icon_set: str) -> tuple[str, ...]:
    return tuple(sorted(path.relative_to(ICONS).with_suffix("").as_posix() for path in (ICONS / icon_set).rglob("*.svg")))


@lru_cache(maxsize=None)
def _shapes(name: str) -> tuple[str, str]:
    """The icon's viewBox and the shapes inside its <svg>, as Material's file has them."""
    found = SVG_FILE.fullmatch((ICONS / f"{name}.svg").read_text(encoding="utf-8"))
    box = VIEW_BOX.search(found["attributes"]) if found else None
    if box is None:
        raise UnknownIcon(f"Material's file for `{name}` is not one <svg> with a viewBox: pick another icon")
    if REFUSED.search(found["shapes"]):
        raise UnknownIcon(f"Material's file for `{name}` has a script, a style or a link, which this site "
                          "cannot write into a page: pick another icon")
    return box["box"], found["shapes"].strip()


def _checked(name: str) -> str:
    if (message := problem(name)) is not None:
        raise UnknownIcon(message)
    return name


# ---------------------------------------------------------------------------
# Markup
# ---------------------------------------------------------------------------


def anchor(name: str) -> str:
    """The id an icon's shapes have on a page: `material/account-heart` -> `icon-material-account-heart`."""
    return "icon-" + name.replace("/", "-")


def _svg(name: str, inside: str, css_class: str) -> Markup:
    box, _ = _shapes(name)
    classes = " ".join(["icon", *css_class.split()])
    return Markup(f'<svg class="{escape(classes)}" viewBox="{box}" width="{DEFAULT_SIZE}" height="{DEFAULT_SIZE}" '
                  f'fill="currentColor" aria-hidden="true" focusable="false">{inside}</svg>')


def icon(name: str, css_class: str = "") -> Markup:
    """One icon as inline SVG, with the shapes of Material's file. An unknown name raises UnknownIcon."""
    return _svg(_checked(name), _shapes(name)[1], css_class)


class PageIcons:
    """The icons of one page. An icon the page shows more than once (`repeated`) gets its shapes
    the first time (in a `<g id="icon-...">`) and a `<use>` of them every later time: one copy a
    page. Any other icon is written whole, with no id (an id nothing points at is bytes for nothing).

    Call it from a template: `{{ icons(role.icon, "role-list__icon") }}`.
    """

    def __init__(self, repeated: Iterable[str] = ()) -> None:
        self.repeated = set(repeated)
        self.written: set[str] = set()

    @classmethod
    def showing(cls, names: Iterable[str]) -> "PageIcons":
        """For a page that shows these icons, in any order: those named twice or more are reused."""
        counts = Counter(names)
        return cls(name for name, count in counts.items() if count > 1)

    def __call__(self, name: str, css_class: str = "") -> Markup:
        _checked(name)
        if name not in self.repeated:
            return icon(name, css_class)
        if name in self.written:
            return _svg(name, f'<use href="#{anchor(name)}"/>', css_class)
        self.written.add(name)
        return _svg(name, f'<g id="{anchor(name)}">{_shapes(name)[1]}</g>', css_class)

    def role(self, role, css_class: str = "") -> Markup:
        """A role's icon: its own `icon`, or its group's."""
        return self(role_icon(role), css_class)


def role_icon(role) -> str:
    return role.icon or ROLE_GROUP_ICONS[role.group]


def for_roles(roles: Iterable) -> PageIcons:
    """The icons of a page that lists these roles, each with its picture."""
    return PageIcons.showing(map(role_icon, roles))


# ---------------------------------------------------------------------------
# Checking data
# ---------------------------------------------------------------------------


def check(dataset: Dataset) -> list[Problem]:
    """Every `icon:` in data/ names an icon file of Material's sets (file, line and field otherwise)."""
    problems = []
    for loaded in dataset.everything():
        for location, value, _owner in walk(loaded.model):
            if location and location[-1] == "icon" and value is not None and (message := problem(value)):
                problems.append(Problem(loaded.document.path, loaded.document.line_of(location), dotted(location), message))
    return problems
