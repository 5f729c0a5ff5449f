"""Render validated data into page Markdown with Jinja templates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import finder, job_descriptions, ladder, paths, structured_data
from . import compare_page, pay_chart  # Compare roles: comparison.py, pay_chart.py, open_data.py
from .dataset import Dataset
from .models import Detail, Fact, OtherValue
from .walk import walk
from . import text
from markupsafe import Markup

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
SOURCES_PAGE = "sources.md"
FAQ_PAGE = "faq.md"
EDITING_GUIDE = "editing-guide.md"  # made from CONTRIBUTING.md by careers.site


@dataclass
class RenderedSite:
    """Generated pages (path under docs/ -> Markdown) and what the theme needs."""

    pages: dict[str, str] = field(default_factory=dict)
    nav: list[dict] = field(default_factory=list)  # every generated page; careers.menu shortens long sections
    snippets: dict[str, str] = field(default_factory=dict)
    crisis: dict = field(default_factory=dict)
    # figures older than the configured age (careers.stale): counted in one warning, never a failure
    stale: list = field(default_factory=list)
    # other things an editor should know, printed one a line (e.g. a peer role without a path)
    warnings: list = field(default_factory=list)
    # page path -> partial schema.org node from the data; the hook adds address and breadcrumbs
    structured_data: dict[str, dict] = field(default_factory=dict)
    # non-Markdown outputs: path under the site -> text (e.g. the finder's finder/rules.json)
    files: dict[str, str] = field(default_factory=dict)

    def page_paths(self, docs_pages: frozenset[str] = frozenset()) -> set[str]:
        """Every page of the site, generated or hand-written, as a path under docs/."""
        return {*self.pages, *docs_pages, EDITING_GUIDE}


@dataclass(frozen=True)
class PageRef:
    """A generated page: where it lives and what it is called."""

    path: str
    title: str


def root_of(path: str) -> str:
    """Relative link from a page to the site root, with directory URLs (`roles/x.md` -> `../../`)."""
    parts = path.removesuffix(".md").split("/")
    depth = len(parts) - 1 if parts[-1] == "index" else len(parts)
    return "../" * depth


def docs_root_of(path: str) -> str:
    """Relative Markdown link from a page's source file to docs/ (`roles/x.md` -> `../`)."""
    return "../" * path.count("/")


def render_site(dataset: Dataset, docs_pages: frozenset[str] = frozenset()) -> RenderedSite:
    """Every generated page, rendered up front so a template error stops the build before output.

    `docs_pages`: the hand-written pages in docs/ (paths like `about.md`), which data may link to.
    """
    site = _Renderer(dataset).site()
    pages = site.page_paths(docs_pages)
    site.pages = {path: text.resolve_links(page, docs_root_of(path), pages) for path, page in site.pages.items()}
    return site


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


class _Renderer:
    def __init__(self, dataset: Dataset):
        self.data = dataset
        self.env = _environment(dataset)
        self.groups = {group: dataset.roles_in(group) for group in GROUPS}
        self.credentials = dataset.sorted_credentials()
        self.states = dataset.sorted_states()
        self.articles = dataset.sorted_articles()
        self.faq = dataset.faq.model
        self.out = RenderedSite(crisis=dataset.crisis.model.model_dump(mode="json"))
        # source id -> the pages that cite it, in order (a dict as an ordered set: one lookup a citation)
        self.citations: dict[str, dict[PageRef, None]] = defaultdict(dict)
        self.labels: dict[str, set[str]] = defaultdict(set)

    def render(self, path: str, template: str, title: str, cited: Any = None, **context: Any) -> None:
        if cited is not None:
            self._cite(PageRef(path, title), cited)
        page = self.env.get_template(template)
        self.out.pages[path] = page.render(root=root_of(path), docs_root=docs_root_of(path), path=path, **context)
        self.out.structured_data[path] = structured_data.node_for(cited, self.data)

    def site(self) -> RenderedSite:
        for roles in self.groups.values():
            for role in roles:
                self.render(f"roles/{role.slug}.md", "role.md.j2", role.title, role, role=role,
                            questions=[q for q in self.faq.questions() if role.slug in q.roles],
                            credentials=[c for c in self.credentials if role.slug in c.roles],
                            plan_path=paths.path_of_role(self.data).get(role.slug))
        self.render("roles/index.md", "roles-index.md.j2", "All roles", groups=self.groups, prefix="", heading=Markup("##"))
        for credential in self.credentials:
            self.render(f"credentials/{credential.slug}.md", "credential.md.j2", credential.title, credential,
                        credential=credential)
        self.render("credentials/index.md", "credentials-index.md.j2", "National credentials",
                    credentials=self.credentials)
        for state in self.states:
            self.render(f"states/{state.slug}.md", "state.md.j2", state.name, state, state=state)
        self.render("states/index.md", "states-index.md.j2", "Certification by state", states=self.states,
                    comparison=self.data.sources_by_id["power2u-state-comparison-2021"])
        self.render(FAQ_PAGE, "faq.md.j2", "Frequently asked questions", self.faq, faq=self.faq)
        for article in self.articles:
            self.render(f"{article.slug}.md", "article.md.j2", article.title, article, article=article,
                        pay_rows=self._pay_rows(), pay_chart=pay_chart.chart_of(self.data))
        for feature in (paths, ladder, finder):  # Plan your path: paths.py, ladder.py, finder.py
            feature.render(self)
        compare_page.render(self)  # /compare/ and the open-data files
        job_descriptions.render(self)  # For employers: job_descriptions.py
        self.render(SOURCES_PAGE, "sources.md.j2", "Sources", sources=self.data.sources.model.sources,
                    citations=self.citations, labels=self.labels)
        self.out.snippets["role-list"] = self.env.get_template("role-list.md.j2").render(
            groups=self.groups, prefix="roles/", heading=Markup("###"), root="", docs_root="")
        self.out.nav = self._nav()
        return self.out

    def _cite(self, page: PageRef, model: Any) -> None:
        for _, value, _owner in walk(model):
            if isinstance(value, (Fact, Detail)) and value.source:
                self._add_citation(value.source, page, value.confidence)
            elif isinstance(value, OtherValue):
                self._add_citation(value.source, page, "uncertain")
        for source_id in getattr(model, "source_ids", lambda: [])():
            self._add_citation(source_id, page, None)

    def _add_citation(self, source_id: str, page: PageRef, confidence: str | None) -> None:
        self.citations[source_id].setdefault(page)
        if confidence:
            self.labels[source_id].add(confidence)

    def _pay_rows(self) -> list[dict]:
        rows = []
        for group, roles in self.groups.items():
            for role in roles:
                for figure in role.pay.figures:
                    rows.append({"role": role, "group": GROUPS[group], "fact": figure})
        return rows

    def _nav(self) -> list[dict]:
        role_sections = [
            {GROUPS[group]: [{role.title: f"roles/{role.slug}.md"} for role in roles]}
            for group, roles in self.groups.items() if roles
        ]
        return [
            {"Roles": ["roles/index.md", compare_page.nav_entry(), *role_sections]},
            {"Credentials": ["credentials/index.md", *({c.short_name: f"credentials/{c.slug}.md"} for c in self.credentials)]},
            {"States": ["states/index.md", *({s.name: f"states/{s.slug}.md"} for s in self.states)]},
            paths.nav(self.data),
            job_descriptions.nav(self.data),
            {"Guides": [{a.title: f"{a.slug}.md"} for a in self.articles if a.menu == "Guides"]},
            {"Questions": FAQ_PAGE},
            {"About": [*({a.title: f"{a.slug}.md"} for a in self.articles if a.menu == "About"), {"Sources": SOURCES_PAGE}, {"Editing guide": EDITING_GUIDE}]},
        ]


def _environment(dataset: Dataset) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=text.finalize,  # a str a filter made from data text is escaped like the data (careers.text)
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
        **compare_page.TEMPLATE_GLOBALS,  # labels the comparison and the role pages' short answers share
    )
    env.filters["linked"] = text.render_links  # LinkedText: plain text and links to this site's pages
    env.filters["long_date"] = lambda day: f"{day.day} {day:%B %Y}"
    return env
