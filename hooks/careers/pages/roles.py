"""Page kind: the role guides (/roles/<slug>/), the roles index, and the role list on the home page."""

from __future__ import annotations

from markupsafe import Markup

from ..data.dataset import Dataset
from ..data.problems import Problem
from . import compare, guides, icons, paths

GROUPS = {
    "peer": "Peer support roles",
    "neighbouring": "Related roles",
}


def check(dataset: Dataset) -> list[Problem]:
    return []  # a role's own rules are in its model and careers.data.checks


def render(renderer) -> None:
    faq, plan_paths = renderer.data.faq.model, paths.path_of_role(renderer.data)
    credentials = renderer.data.sorted_credentials()
    guide_links = guides.links(renderer.data, guides.FOR_PEER_ROLES)
    for roles in renderer.groups.values():
        for role in roles:
            renderer.render(f"roles/{role.slug}.md", "roles/role.md.j2", role.title, role, role=role,
                            questions=[q for q in faq.questions() if role.slug in q.roles],
                            credentials=[c for c in credentials if role.slug in c.roles],
                            plan_path=plan_paths.get(role.slug),
                            guides=guide_links if role.group == "peer" else [])
    renderer.render("roles/index.md", "roles/roles-index.md.j2", "All roles", groups=renderer.groups, prefix="",
                    heading=Markup("##"), icons=icons.for_roles(renderer.data.roles_by_slug.values()))
    renderer.out.snippets["role-list"] = renderer.env.get_template("roles/role-list.md.j2").render(
        groups=renderer.groups, prefix="roles/", heading=Markup("###"), root="", docs_root="",
        icons=icons.for_roles(renderer.data.roles_by_slug.values()))


def nav(dataset: Dataset) -> dict:
    """The "Roles" menu: the index, the comparison, then the roles by group."""
    role_sections = [{GROUPS[group]: [{role.title: f"roles/{role.slug}.md"} for role in roles]}
                     for group in GROUPS if (roles := dataset.roles_in(group))]
    return {"Roles": ["roles/index.md", compare.nav_entry(), *role_sections]}
