"""Figures older than a set number of years: warnings for editors, not build failures.

The build prints one line with their count (hooks/site_data.py); `python -m careers --stale`, run
in hooks/, lists each with its file and line. A figure marked `old_on_purpose` is never listed.
"""

from __future__ import annotations

import datetime

from .dataset import Dataset
from .load import dotted
from .models import YEAR_IN_TEXT, Fact, StateCredential
from .problems import Problem
from .walk import walk

DEFAULT_MAX_AGE = 8
LIST_COMMAND = "cd hooks && ../.venv/bin/python -m careers --stale"


def stale_summary(count: int, max_age: int) -> str:
    """The one line the build prints for all stale figures, naming the command that lists them."""
    return (f"{count} {'figure is' if count == 1 else 'figures are'} more than {max_age} years old: "
            f"list them with `{LIST_COMMAND}`, then look for newer ones or mark each `old_on_purpose`")


def stale_figures(dataset: Dataset, max_age: int = DEFAULT_MAX_AGE, today: datetime.date | None = None) -> list[Problem]:
    """One warning per figure whose (latest) year is more than `max_age` years ago."""
    this_year = (today or datetime.date.today()).year
    warnings = []
    for loaded in dataset.everything():
        for location, value, _ in walk(loaded.model):
            if not isinstance(value, (Fact, StateCredential)) or getattr(value, "old_on_purpose", None):
                continue
            years = [int(year) for year in YEAR_IN_TEXT.findall(value.year)]
            if years and this_year - max(years) > max_age:
                age = this_year - max(years)
                warnings.append(Problem(loaded.document.path, loaded.document.line_of((*location, "year")),
                    dotted((*location, "year")),
                    f"this figure is from {max(years)}, {age} years ago (over {max_age}): look for a newer one, "
                    "or keep it and make sure the page says how old it is"))
    return sorted(warnings, key=lambda p: (p.file, p.line or 0))


def passed_changes(dataset: Dataset, today: datetime.date | None = None) -> list[Problem]:
    """One warning per dated change (a rule that ends or starts) whose date has passed."""
    today = today or datetime.date.today()
    warnings = []
    for loaded in dataset.states:
        for index, credential in enumerate(loaded.model.credentials):
            for number, change in enumerate(credential.changes):
                if change.date < today:
                    location = ("credentials", index, "changes", number, "date")
                    warnings.append(Problem(loaded.document.path, loaded.document.line_of(location), dotted(location),
                        f"this was due to change on {change.date.isoformat()} and the page now says so: check what the "
                        "rules are now, update the credential, and remove or update this change"))
    return warnings
