"""Render validated data into page Markdown with Jinja templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .dataset import Dataset
from .models import Role

TEMPLATES = Path(__file__).parent / "templates"

GROUPS = {
    "peer": "Peer support roles",
    "neighbouring": "Related roles",
}
CONFIDENCE_LABELS = {
    "verified": "",
    "secondary": "secondary source",
    "uncertain": "sources disagree",
    "example": "example only, not market data",
}


@dataclass
class RenderedSite:
    """Generated pages (path under docs/ -> Markdown) and what the theme needs."""

    pages: dict[str, str] = field(default_factory=dict)
    nav: list[dict] = field(default_factory=list)
    snippets: dict[str, str] = field(default_factory=dict)
    crisis: dict = field(default_factory=dict)


def role_path(role: Role) -> str:
    return f"roles/{role.slug}.md"


def render_site(dataset: Dataset) -> RenderedSite:
    """Every generated page, rendered up front so a template error stops the build before output."""
    env = _environment(dataset)
    site = RenderedSite(crisis=dataset.crisis.model.model_dump(mode="json"))
    groups = {group: dataset.roles_in(group) for group in GROUPS}
    role_template = env.get_template("role.md.j2")
    for roles in groups.values():
        for role in roles:
            site.pages[role_path(role)] = role_template.render(role=role)
    site.pages["roles/index.md"] = env.get_template("roles-index.md.j2").render(groups=groups, prefix="", heading="##")
    site.snippets["role-list"] = env.get_template("role-list.md.j2").render(groups=groups, prefix="roles/", heading="###")
    sections = [
        {GROUPS[group]: [{role.title: role_path(role)} for role in roles]}
        for group, roles in groups.items()
        if roles
    ]
    site.nav = [{"Roles": ["roles/index.md", *sections]}]
    return site


def _environment(dataset: Dataset) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        sources=dataset.sources_by_id,
        roles=dataset.roles_by_slug,
        group_titles=GROUPS,
        confidence_labels=CONFIDENCE_LABELS,
    )
    return env
