"""Load every file in data/ into validated models, collecting every problem."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from .load import LINKED_FILE, LINKED_FOLDER, Document, load_document
from .models import Article, CareerPath, Credential, Crisis, Faq, Finder, Ladder, Role, Source, SourcesFile, State
from .models import JobDescription, JobDescriptionsShared, LanguageRules
from .problems import DataError, Problem
from .validate import validate

M = TypeVar("M", bound=BaseModel)

SOURCES_FILE = "sources.yml"
SOURCES_FOLDER = "sources"  # optional: more lists of sources, e.g. sources/states.yml, read after sources.yml
CRISIS_FILE = "crisis.yml"
FAQ_FILE = "faq.yml"
FOLDERS: dict[str, type[BaseModel]] = {
    "roles": Role,
    "credentials": Credential,
    "states": State,
    "articles": Article,
    "paths": CareerPath,
    "jobs": JobDescription,  # job-description templates, one a peer role (job_descriptions.py)
}
# Plan your path (paths.py, ladder.py, finder.py): the career ladder and the finder's rules.
LADDER_FILE = "ladder.yml"
FINDER_FILE = "finder.yml"
# Job descriptions (job_descriptions.py, language_check.py): shared parts and the peer-language rules.
JOBS_FILE = "job-descriptions.yml"
LANGUAGE_RULES_FILE = "language-rules.yml"
KNOWN_FILES = {SOURCES_FILE, CRISIS_FILE, FAQ_FILE, LADDER_FILE, FINDER_FILE, JOBS_FILE, LANGUAGE_RULES_FILE}


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated model with the document it came from (for line numbers)."""

    document: Document
    model: M


@dataclass
class Dataset:
    """Everything in data/, validated. Read-only once built."""

    sources: Loaded[SourcesFile]  # data/sources.yml
    crisis: Loaded[Crisis]
    faq: Loaded[Faq]
    roles: list[Loaded[Role]] = field(default_factory=list)
    credentials: list[Loaded[Credential]] = field(default_factory=list)
    states: list[Loaded[State]] = field(default_factory=list)
    articles: list[Loaded[Article]] = field(default_factory=list)
    paths: list[Loaded[CareerPath]] = field(default_factory=list)
    ladder: Loaded[Ladder] | None = None
    finder: Loaded[Finder] | None = None
    jobs: list[Loaded[JobDescription]] = field(default_factory=list)
    job_descriptions: Loaded[JobDescriptionsShared] | None = None
    language_rules: Loaded[LanguageRules] | None = None
    more_sources: list[Loaded[SourcesFile]] = field(default_factory=list)  # data/sources/*.yml

    @property
    def source_files(self) -> list[Loaded[SourcesFile]]:
        return [self.sources, *self.more_sources]

    @property
    def all_sources(self) -> list[Source]:
        return [source for loaded in self.source_files for source in loaded.model.sources]

    def everything(self) -> list[Loaded]:
        plan = [loaded for loaded in (self.ladder, self.finder, self.job_descriptions, self.language_rules) if loaded is not None]
        return [*self.source_files, self.crisis, self.faq, *self.roles, *self.credentials, *self.states, *self.articles,
                *self.paths, *self.jobs, *plan]

    @property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.all_sources}

    def roles_in(self, group: str) -> list[Role]:
        roles = [loaded.model for loaded in self.roles if loaded.model.group == group]
        return sorted(roles, key=lambda role: (role.order, role.title))

    @property
    def roles_by_slug(self) -> dict[str, Role]:
        return {loaded.model.slug: loaded.model for loaded in self.roles}

    def sorted_credentials(self) -> list[Credential]:
        return sorted((c.model for c in self.credentials), key=lambda c: (c.order, c.title))

    def sorted_states(self) -> list[State]:
        return sorted((s.model for s in self.states), key=lambda s: s.name)

    def sorted_articles(self) -> list[Article]:
        return sorted((a.model for a in self.articles), key=lambda a: (a.order, a.title))


def read_dataset(data_dir: Path) -> Dataset:
    """Load and validate data/. Raises DataError listing every problem in every file."""
    reader = _Reader(data_dir)
    reader.problems.extend(_misplaced_files(data_dir))
    sources = reader.read(data_dir / SOURCES_FILE, SourcesFile)
    crisis = reader.read(data_dir / CRISIS_FILE, Crisis)
    faq = reader.read(data_dir / FAQ_FILE, Faq)
    more_sources = reader.read_folder(data_dir / SOURCES_FOLDER, SourcesFile, optional=True)
    folders = {name: reader.read_folder(data_dir / name, model) for name, model in FOLDERS.items()}
    ladder = reader.read(data_dir / LADDER_FILE, Ladder)
    finder = reader.read(data_dir / FINDER_FILE, Finder)
    job_descriptions = reader.read(data_dir / JOBS_FILE, JobDescriptionsShared)
    language_rules = reader.read(data_dir / LANGUAGE_RULES_FILE, LanguageRules)
    if reader.problems or sources is None or crisis is None or faq is None or ladder is None or finder is None \
            or job_descriptions is None or language_rules is None:
        raise DataError(reader.problems)
    return Dataset(sources=sources, crisis=crisis, faq=faq, ladder=ladder, finder=finder,
                   job_descriptions=job_descriptions, language_rules=language_rules, more_sources=more_sources,
                   **folders)


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


class _Reader:
    """Reads files one by one, keeping going after a problem so all are reported.

    Nothing reached through a symbolic link is read: a link can bring in a file from outside the
    repository (a home folder, /etc), which the build would then publish. Every file is checked
    before it is opened, and load_document opens it without following a link.
    """

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.root = data_dir.parent
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def refused(self, path: Path) -> bool:
        """Is `path`, or a folder between data/ and it, a symbolic link? (Then it is reported, not read.)"""
        for part in (path, *path.parents):
            if part == self.data_dir:
                return False
            if part.is_symlink():
                self.problems.append(_link_problem(part, self.display(part)))
                return True
        self.problems.append(Problem(self.display(path), None, None,
            "this file is outside data/: data files must be in the repository's data/ folder"))
        return True

    def read_folder(self, folder: Path, model: type[M], optional: bool = False) -> list[Loaded[M]]:
        if (optional and not folder.exists() and not folder.is_symlink()) or self.refused(folder):
            return []
        paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
        if not paths and not optional:
            self.problems.append(Problem(self.display(folder) + "/", None, None,
                f"no data files found: add {self.display(folder)}/<name>.yml"))
        return [loaded for path in paths if (loaded := self.read(path, model))]

    def read(self, path: Path, model: type[M]) -> Loaded[M] | None:
        display = self.display(path)
        if self.refused(path):
            return None
        if not path.is_file():
            self.problems.append(Problem(display, None, None, "this file is missing: restore it from git"))
            return None
        try:
            document = load_document(path, display)
            instance, problems = validate(document, model)
        except DataError as error:
            self.problems.extend(error.problems)
            return None
        except Exception as error:  # an unexpected failure still names the file
            self.problems.append(Problem(display, None, None,
                f"unexpected error while reading this file ({type(error).__name__}: {error}): please report it"))
            return None
        self.problems.extend(problems)
        return Loaded(document, instance) if instance is not None else None


def _misplaced_files(data_dir: Path) -> list[Problem]:
    """Data files the build would silently ignore: wrong folder or wrong extension."""
    problems = []
    root = data_dir.parent
    folders = ", ".join(f"data/{name}/" for name in [*FOLDERS, SOURCES_FOLDER])
    for path, is_link in _files_in(data_dir):
        if path.name.startswith("."):
            continue
        relative = path.relative_to(data_dir)
        display = path.relative_to(root).as_posix()
        if is_link:
            problems.append(_link_problem(path, display))
        elif path.suffix == ".yaml":
            problems.append(Problem(display, None, None, "use the extension `.yml`, not `.yaml`: rename the file"))
        elif len(relative.parts) == 1 and relative.name not in KNOWN_FILES:
            problems.append(Problem(display, None, None,
                f"this file is not read by the build: move it into one of {folders}"))
        elif len(relative.parts) > 1 and (relative.parts[0] not in [*FOLDERS, SOURCES_FOLDER] or len(relative.parts) > 2):
            problems.append(Problem(display, None, None,
                f"this file is in a folder the build does not read: move it into one of {folders}"))
        elif len(relative.parts) == 2 and path.suffix != ".yml":
            problems.append(Problem(display, None, None, "only `.yml` files belong here: rename or remove it"))
    return problems


def _files_in(data_dir: Path) -> list[tuple[Path, bool]]:
    """Every file under data/ and every symbolic link (True), sorted; links are never followed."""
    found: list[tuple[Path, bool]] = []
    folders = [data_dir]
    while folders:  # a loop, not a recursion: folders nested ever so deep cannot crash it
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    found.append((Path(entry.path), True))
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                else:
                    found.append((Path(entry.path), False))
    return sorted(found)


def _link_problem(path: Path, display: str) -> Problem:
    if path.is_dir():  # the link leads to a folder
        return Problem(display.rstrip("/") + "/", None, None, LINKED_FOLDER)
    return Problem(display, None, None, LINKED_FILE)
