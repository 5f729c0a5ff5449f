"""Load every file in data/ into validated models, collecting every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from .load import Document, load_document
from .models import Crisis, Role, Source, SourcesFile
from .problems import DataError, Problem
from .validate import validate

M = TypeVar("M", bound=BaseModel)

SOURCES_FILE = "sources.yml"
CRISIS_FILE = "crisis.yml"
ROLES_DIR = "roles"
KNOWN_FOLDERS = {ROLES_DIR}
KNOWN_FILES = {SOURCES_FILE, CRISIS_FILE}


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated model with the document it came from (for line numbers)."""

    document: Document
    model: M


@dataclass
class Dataset:
    """Everything in data/, validated. Read-only once built."""

    sources: Loaded[SourcesFile]
    crisis: Loaded[Crisis]
    roles: list[Loaded[Role]] = field(default_factory=list)

    @property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources.model.sources}

    def roles_in(self, group: str) -> list[Role]:
        roles = [loaded.model for loaded in self.roles if loaded.model.group == group]
        return sorted(roles, key=lambda role: (role.order, role.title))

    @property
    def roles_by_slug(self) -> dict[str, Role]:
        return {loaded.model.slug: loaded.model for loaded in self.roles}


def read_dataset(data_dir: Path) -> Dataset:
    """Load and validate data/. Raises DataError listing every problem in every file."""
    reader = _Reader(data_dir)
    problems = reader.problems
    problems.extend(_misplaced_files(data_dir))
    sources = reader.read(data_dir / SOURCES_FILE, SourcesFile)
    crisis = reader.read(data_dir / CRISIS_FILE, Crisis)
    role_files = sorted((data_dir / ROLES_DIR).glob("*.yml")) if (data_dir / ROLES_DIR).is_dir() else []
    if not role_files:
        problems.append(Problem(f"{data_dir.name}/{ROLES_DIR}/", None, None, "no role files found: add data/roles/<slug>.yml"))
    roles = [loaded for path in role_files if (loaded := reader.read(path, Role))]
    if problems or sources is None or crisis is None:
        raise DataError(problems)
    return Dataset(sources=sources, crisis=crisis, roles=roles)


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


class _Reader:
    """Reads files one by one, keeping going after a problem so all are reported."""

    def __init__(self, data_dir: Path):
        self.root = data_dir.parent
        self.problems: list[Problem] = []

    def read(self, path: Path, model: type[M]) -> Loaded[M] | None:
        display = path.relative_to(self.root).as_posix()
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
    for path in sorted(data_dir.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        relative = path.relative_to(data_dir)
        display = path.relative_to(root).as_posix()
        if path.suffix == ".yaml":
            problems.append(Problem(display, None, None, "use the extension `.yml`, not `.yaml`: rename the file"))
        elif len(relative.parts) == 1 and relative.name not in KNOWN_FILES:
            problems.append(Problem(display, None, None,
                "this file is not read by the build: role files go in data/roles/"))
        elif len(relative.parts) > 1 and (relative.parts[0] not in KNOWN_FOLDERS or len(relative.parts) > 2):
            problems.append(Problem(display, None, None,
                "this file is in a folder the build does not read: move it to data/roles/"))
        elif len(relative.parts) == 2 and path.suffix != ".yml":
            problems.append(Problem(display, None, None, "only `.yml` files belong here: rename or remove it"))
    return problems
