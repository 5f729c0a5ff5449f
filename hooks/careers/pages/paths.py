"""Certification paths: the steps from lived experience to certification and beyond, one page a path.

A path (data/paths/<slug>.yml) writes its own text; its figures are either sourced `facts` or
references to a national credential's requirement or a state's requirement, so each figure is
written once, in the credential's or state's file. This module resolves those references (the
ladder and the finder use the same helpers), checks them, and renders the pages.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..data.dataset import Dataset, Loaded
from ..data.load import Location, dotted
from ..data.models import (
    CareerPath,
    Credential,
    Detail,
    Fact,
    PathStep,
    RequirementRef,
    Role,
    State,
    StateCredential,
    StateDetailRef,
)
from ..data.problems import Problem
from . import icons

PATHS_INDEX = "paths/index.md"
MENU = "Plan your path"
STAGE_LABELS = {
    "lived experience": "Lived experience",
    "training": "Training",
    "supervised work": "Supervised work",
    "exam": "Exam",
    "certification": "Certification",
    "renewal": "Renewal",
    "advanced": "Beyond certification",
}
# The picture beside a step of each stage, unless the step names its own `icon` (careers.pages.icons).
STAGE_ICONS = {
    "lived experience": "material/heart-outline",
    "training": "material/school-outline",
    "supervised work": "material/briefcase-clock-outline",
    "exam": "material/clipboard-edit-outline",
    "certification": "material/certificate-outline",
    "renewal": "material/calendar-sync-outline",
    "advanced": "material/stairs-up",
}
DETAIL_LABELS = {
    "scope": "Scope",
    "training": "Training",
    "work_and_supervision": "Work and supervision hours",
    "exam": "Exam",
    "other_requirements": "Other requirements",
    "renewal": "Renewal",
}


# ---------------------------------------------------------------------------
# Views: what the templates show
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StateExample:
    """One requirement of one state's credential, with what a page needs to cite it."""

    state: State
    credential: StateCredential
    name: str  # which requirement: `training`, `exam`...
    detail: Detail

    @property
    def label(self) -> str:
        return DETAIL_LABELS[self.name]


@dataclass(frozen=True)
class StepView:
    number: int
    step: PathStep
    facts: list[Fact]
    examples: list[StateExample]
    credentials: list[Credential]

    @property
    def anchor(self) -> str:
        return f"step-{self.number}"

    @property
    def stage(self) -> str:
        return STAGE_LABELS[self.step.stage]

    @property
    def icon(self) -> str:
        return self.step.icon or STAGE_ICONS[self.step.stage]


@dataclass(frozen=True)
class PathView:
    path: CareerPath
    roles: list[Role]
    steps: list[StepView]

    @property
    def page(self) -> str:
        return f"paths/{self.path.slug}.md"

    @property
    def icon(self) -> str:
        """The picture of the path: its first role's."""
        return icons.role_icon(self.roles[0])

    def cited(self) -> "Cited":
        items: list[Any] = []
        for step in self.steps:
            items += [*step.facts, *(example.detail for example in step.examples)]
        ids = [getattr(item, "source", None) for item in items]
        ids += [s.credential.official_source for s in (e for step in self.steps for e in step.examples)]
        ids += list(self.path.background_sources)
        return Cited(items=items, reviewed=self.path.reviewed, sources=list(dict.fromkeys(i for i in ids if i)))


class Cited(BaseModel):
    """What a generated page cites, in the shape the sources page and the page's JSON-LD read."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    items: list[Any]
    reviewed: datetime.date
    sources: list[str]

    def source_ids(self) -> list[str]:
        return list(self.sources)


# ---------------------------------------------------------------------------
# References to credentials and states (shared with the ladder and the finder)
# ---------------------------------------------------------------------------


class References:
    """Resolves references; each lookup returns the value, or None and a message for the editor."""

    def __init__(self, dataset: Dataset):
        self.credentials = {c.slug: c for c in dataset.sorted_credentials()}
        self.states = {s.code: s for s in dataset.sorted_states()}

    def requirement(self, ref: RequirementRef) -> tuple[list[Fact], str | None]:
        credential = self.credentials.get(ref.credential)
        if credential is None:
            return [], f"no credential `{ref.credential}` in data/credentials/: use one of " + _names(self.credentials)
        facts = [r for r in credential.requirements if r.topic == ref.topic]
        if not facts:
            topics = list(dict.fromkeys(r.topic for r in credential.requirements))
            return [], f"`{ref.credential}` has no `{ref.topic}` requirement: use one of " + _names(topics)
        return facts, None

    def state(self, code: str) -> tuple[State | None, str | None]:
        state = self.states.get(code)
        if state is None:
            return None, f"no state `{code}` in data/states/: use one of " + _names(self.states)
        return state, None

    def state_credential(self, state: State, name: str | None) -> tuple[StateCredential | None, str | None]:
        names = [c.name for c in state.credentials]
        if name is None:
            if len(state.credentials) == 1:
                return state.credentials[0], None
            return None, f"{state.name} has {len(names)} credentials: add `name:` with one of " + _names(names)
        found = next((c for c in state.credentials if c.name == name), None)
        if found is None:
            return None, f"`{name}` is not a credential in data/states/{state.slug}.yml: use one of " + _names(names)
        return found, None

    def state_detail(self, ref: StateDetailRef) -> tuple[StateExample | None, str | None, str]:
        """The example, or None with a message and the field the message is about."""
        state, message = self.state(ref.state)
        if state is None:
            return None, message, "state"
        credential, message = self.state_credential(state, ref.name)
        if credential is None:
            return None, message, "name"
        return StateExample(state, credential, ref.detail, getattr(credential, ref.detail)), None, "detail"


def _names(values) -> str:
    return ", ".join(f"`{value}`" for value in values)


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def check(dataset: Dataset) -> list[Problem]:
    """Every path's references resolve, no peer role has two paths, and every `icon:` in data/ (the
    roles' pictures, shown on the path pages too, and the steps') is one of Material's icons."""
    refs = References(dataset)
    problems: list[Problem] = icons.check(dataset)
    owner: dict[str, str] = {}
    for loaded in dataset.paths:
        add = problem_adder(loaded, problems)
        for index, slug in enumerate(loaded.model.roles):
            role = dataset.roles_by_slug.get(slug)
            if role is not None and role.group != "peer":
                add(("roles", index), f"`{slug}` is not a peer role: paths are for peer roles only")
            elif slug in owner:
                add(("roles", index), f"`{slug}` already has a path ({owner[slug]}): each peer role has one path")
            owner.setdefault(slug, loaded.document.path)
        for s, step in enumerate(loaded.model.steps):
            problems += requirement_problems(loaded, refs, step.requirements, ("steps", s, "requirements"))
            problems += state_problems(loaded, refs, step.state_examples, ("steps", s, "state_examples"))
    return problems


def missing_paths(dataset: Dataset) -> list[Problem]:
    """Warnings, not failures: a new peer role may be published before its path is written."""
    owned = {slug for loaded in dataset.paths for slug in loaded.model.roles}
    return [Problem(loaded.document.path, loaded.document.line_of(("group",)), "group",
                    "this peer role has no certification path yet: add its slug to the `roles` of a file in "
                    "data/paths/ (the role page then links to it)")
            for loaded in dataset.roles if loaded.model.group == "peer" and loaded.model.slug not in owned]


def requirement_problems(loaded: Loaded, refs: References, items: list[RequirementRef], at: Location) -> list[Problem]:
    problems: list[Problem] = []
    add = problem_adder(loaded, problems)
    for index, ref in enumerate(items):
        if ref.credential not in refs.credentials:
            add((*at, index, "credential"), refs.requirement(ref)[1])
        elif (message := refs.requirement(ref)[1]) is not None:
            add((*at, index, "topic"), message)
    return problems


def state_problems(loaded: Loaded, refs: References, items: list[StateDetailRef], at: Location) -> list[Problem]:
    problems: list[Problem] = []
    add = problem_adder(loaded, problems)
    for index, ref in enumerate(items):
        example, message, field = refs.state_detail(ref)
        if example is None:
            add((*at, index, field), message)
    return problems


def problem_adder(loaded: Loaded, problems: list[Problem]):
    document = loaded.document

    def add(location: Location, message: str) -> None:
        problems.append(Problem(document.path, document.line_of(location), dotted(location), message))

    return add


# ---------------------------------------------------------------------------
# Views and pages
# ---------------------------------------------------------------------------


def views(dataset: Dataset) -> list[PathView]:
    """Every path with its references resolved (run after `check`, so they all resolve)."""
    refs = References(dataset)
    result = []
    for path in sorted((loaded.model for loaded in dataset.paths), key=lambda p: (p.order, p.title)):
        steps = []
        for number, step in enumerate(path.steps, start=1):
            facts = list(step.facts)
            credentials: list[Credential] = []
            for ref in step.requirements:
                facts += refs.requirement(ref)[0]
                credentials.append(refs.credentials[ref.credential])
            examples = [refs.state_detail(ref)[0] for ref in step.state_examples]
            steps.append(StepView(number, step, facts, examples, unique_credentials(credentials)))
        roles = [dataset.roles_by_slug[slug] for slug in path.roles]
        result.append(PathView(path, roles, steps))
    return result


def render(renderer) -> None:
    """Add the paths index and one page a path to the site (called by pages._Renderer.site)."""
    all_views = views(renderer.data)
    for view in all_views:
        # each step's picture is shown twice: in the steps at a glance and beside the step
        renderer.render(view.page, "paths/paths-page.md.j2", view.path.title, view.cited(), view=view,
                        icons=icons.PageIcons(step.icon for step in view.steps))
    renderer.render(PATHS_INDEX, "paths/paths-index.md.j2", "Certification paths", paths=all_views,
                    icons=icons.PageIcons.showing(view.icon for view in all_views))


def path_of_role(dataset: Dataset) -> dict[str, str]:
    """Role slug -> the page of its path, for links from role pages."""
    return {slug: f"paths/{loaded.model.slug}.md" for loaded in dataset.paths for slug in loaded.model.roles}


def nav(dataset: Dataset) -> dict:
    """The "Plan your path" menu: the finder and its tables, the paths and the ladder."""
    from .finder import tables_menu  # careers.pages.finder builds on this module
    paths = [{_first_upper(view.path.title.removeprefix("Path to ")): view.page} for view in views(dataset)]
    return {MENU: [
        {"Which credential fits me?": "finder.md"},
        {"The finder's rules as tables": tables_menu(dataset)},
        {"Certification paths": [PATHS_INDEX, *paths]},
        {"Career ladder": "ladder.md"},
    ]}


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def unique_credentials(credentials: list[Credential]) -> list[Credential]:
    return list({credential.slug: credential for credential in credentials}.values())
