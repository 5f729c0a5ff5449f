"""The generator's one entry point: data/ in, rendered pages out (or every problem)."""

from __future__ import annotations

import datetime
from pathlib import Path

from .data.checks import check_dataset
from .data.dataset import Dataset, read_dataset
from .data.links import link_problems
from .pages.kinds import KINDS
from .pages.render import RenderedSite, render_site
from .pages.paths import missing_paths
from .data.problems import DataError, Problem
from .data.stale import DEFAULT_MAX_AGE, passed_changes, stale_figures


def build_site(data_dir: Path, stale_after: int = DEFAULT_MAX_AGE, docs_pages: frozenset[str] = frozenset(),
               today: datetime.date | None = None) -> RenderedSite:
    """Load, validate, cross-check and render. Raises DataError before anything is written.

    Figures more than `stale_after` years old come back as `stale`, other notes as `warnings`. `docs_pages`
    are the hand-written pages (paths under docs/), which links from data may point at too. `today`
    decides what dated changes say (tests pass a fixed day; the build uses the day it runs).
    """
    dataset = read_dataset(data_dir)
    problems = check_all(dataset)
    if problems:
        raise DataError(problems)
    try:
        site = render_site(dataset, docs_pages, today=today or datetime.date.today())
    except Exception as error:  # a template bug must still read as a clear message
        raise DataError([Problem("hooks/careers/templates", None, None,
            f"unexpected error while rendering pages ({type(error).__name__}: {error}): please report it")]) from None
    if problems := link_problems(dataset, site.page_paths(docs_pages)):
        raise DataError(problems)
    site.stale = stale_figures(dataset, stale_after)
    site.warnings = missing_paths(dataset) + passed_changes(dataset, today)
    return site


def check_all(dataset: Dataset) -> list[Problem]:
    """What a model alone cannot check, across files (careers.data.checks), then each page kind's own checks."""
    return check_dataset(dataset) + [problem for kind in KINDS for problem in kind.check(dataset)]
