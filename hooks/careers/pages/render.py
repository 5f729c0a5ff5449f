"""Render validated data into page Markdown with Jinja templates: walks every page kind
(careers.pages.kinds) and gives each the renderer, which writes a page from a template, records
what it cites (for the sources page) and its structured data."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..data import text
from ..data.dataset import Dataset
from ..data.models import DatedChange, Detail, Fact, OtherValue, StateNote
from ..data.walk import walk
from ..site import structured_data
from . import compare
from .addresses import url_of
from . import sources as source_pages
from .faq import PAGE as FAQ_PAGE  # noqa: F401  (other modules name the pages through here)
from .kinds import KINDS, MENU
from .roles import GROUPS
from .sources import EDITING_GUIDE, PAGE as SOURCES_PAGE  # noqa: F401

TEMPLATES = Path(__file__).parent.parent / "templates"
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
    nav: list[dict] = field(default_factory=list)  # every generated page; careers.site.menu shortens long sections
    snippets: dict[str, str] = field(default_factory=dict)
    crisis: dict = field(default_factory=dict)
    # figures older than the configured age (careers.data.stale): counted in one warning, never a failure
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


def crisis_for_theme(dataset: Dataset) -> dict:
    """data/crisis.yml as the theme prints it on every page (overrides/partials/crisis*.html), with each
    cited source's id, publisher and year, and the words that label a line's confidence."""
    crisis = dataset.crisis.model
    sources = dataset.sources_by_id
    return {**crisis.model_dump(mode="json"),
            "sources": {id_: {**sources[id_].model_dump(mode="json", include={"id", "publisher", "year"}),
                              "href": source_pages.link(sources[id_])}
                        for id_ in crisis.source_ids()},
            "confidence_labels": CONFIDENCE_LABELS}


def render_site(dataset: Dataset, docs_pages: frozenset[str] = frozenset(), today: datetime.date | None = None) -> RenderedSite:
    """Every generated page, rendered up front so a template error stops the build before output.

    `docs_pages`: the hand-written pages in docs/ (paths like `about.md`), which data may link to.
    """
    site = _Renderer(dataset, today or datetime.date.today()).site()
    pages = site.page_paths(docs_pages)
    site.pages = {path: text.resolve_links(page, docs_root_of(path), pages) for path, page in site.pages.items()}
    return site


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


class _Renderer:
    def __init__(self, dataset: Dataset, today: datetime.date):
        self.data = dataset
        self.env = _environment(dataset)
        self.env.globals["today"] = today  # dated changes say whether their date has passed
        self.groups = {group: dataset.roles_in(group) for group in GROUPS}
        self.out = RenderedSite(crisis=crisis_for_theme(dataset))
        # source id -> the pages that cite it, in order (a dict as an ordered set: one lookup a citation)
        self.citations: dict[str, dict[PageRef, None]] = defaultdict(dict)
        self.labels: dict[str, set[str]] = defaultdict(set)
        # crisis help is on every page (the theme prints it): the sources page gives its labels too
        for line in dataset.crisis.model.lines:
            for cited in (line, *line.notes):
                self.labels[cited.source].add(cited.confidence)

    def render(self, path: str, template: str, title: str, cited: Any = None, **context: Any) -> None:
        if cited is not None:
            self._cite(PageRef(path, title), cited)
        page = self.env.get_template(template)
        self.out.pages[path] = page.render(root=root_of(path), docs_root=docs_root_of(path), path=path, **context)
        self.out.structured_data[path] = structured_data.node_for(cited, self.data)

    def site(self) -> RenderedSite:
        for kind in KINDS:
            kind.render(self)
        self.out.nav = _menu([kind.nav(self.data) for kind in KINDS])
        return self.out

    def _cite(self, page: PageRef, model: Any) -> None:
        for _, value, _owner in walk(model):
            if isinstance(value, (Fact, Detail, StateNote, DatedChange)) and value.source:
                self._add_citation(value.source, page, value.confidence)
            elif isinstance(value, OtherValue):
                self._add_citation(value.source, page, "uncertain")
        for source_id in getattr(model, "source_ids", lambda: [])():
            self._add_citation(source_id, page, None)

    def _add_citation(self, source_id: str, page: PageRef, confidence: str | None) -> None:
        self.citations[source_id].setdefault(page)
        if confidence:
            self.labels[source_id].add(confidence)



def _menu(entries: list[dict]) -> list[dict]:
    """The kinds' menu entries joined into the sections of MENU, in order."""
    sections: dict[str, list | str] = {}
    for entry in entries:
        for section, items in entry.items():
            if section not in MENU:
                raise ValueError(f"menu section {section!r} is not in careers.pages.kinds.MENU")
            sections[section] = items if isinstance(items, str) else [*sections.get(section, []), *items]
    return [{section: sections[section]} for section in MENU if section in sections]


def _environment(dataset: Dataset) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=text.finalize,  # a str a filter made from data text is escaped like the data (careers.data.text)
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
        **compare.TEMPLATE_GLOBALS,  # labels the comparison and the role pages' short answers share
    )
    links = {source.id: source_pages.link(source) for source in dataset.all_sources}
    env.globals["source_link"] = links.__getitem__  # a source's entry, as a link from the site root
    env.filters["url"] = url_of
    env.filters["linked"] = text.render_links  # LinkedText: plain text and links to this site's pages
    env.filters["long_date"] = lambda day: f"{day.day} {day:%B %Y}"
    return env
