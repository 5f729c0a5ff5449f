"""Job-description templates for the peer roles, their checks, pages and the generator's data.

The data: data/job-descriptions.yml (what every template shares), data/jobs/<role>.yml (one
template a peer role, with variants for the three experience levels) and
data/language-rules.yml (the peer-language check, language_check.py).

What this module does:

- `check` (called by checks.check_dataset): each template belongs to an existing peer role and
  is named after it; no text of ours uses wording the rules flag (file, line and field of each);
  every assembled template, at every level, has every essential the rules require; the rules'
  own rewrites pass the check.
- `render` (called by pages._Renderer.site): the /jobs/ index, one page a role (the template with
  marked placeholders, and the generator's form that docs/assets/javascripts/job-generator.js
  brings to life), and the JSON the script reads: jobs/language-rules.json and
  jobs/<role>.json.
- `nav`: the "For employers" menu.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..data.dataset import Dataset, Loaded
from . import sources as source_pages
from .language_check import Checker, Hit, rules_json
from ..data.load import dotted
from ..data.models import (
    ALLOWED_PLACEHOLDERS,
    PLACEHOLDER,
    PLACEHOLDERS,
    EssentialRule,
    Fact,
    JobDescription,
    JobDescriptionsShared,
    LanguageRules,
    LevelInfo,
    LevelVariant,
    Role,
)
from ..data.problems import Problem
from ..data.walk import walk

MENU = "For employers"
INDEX_PAGE = "jobs/index.md"
RULES_FILE = "jobs/language-rules.json"
# How a placeholder reads where the employer has not filled it in yet.
PLACEHOLDER_LABELS = {
    "organization": "Organization name",
    "location": "City, State",
    "employment_type": "Full-time or part-time",
    "work_arrangement": "On site, hybrid or remote",
    "pay": "Pay range",
}
# The only texts in which placeholders are filled in: `brief` (data/jobs/) and `equal_opportunity`
# (data/job-descriptions.yml), both `JobText` in the models. Everywhere else a brace would reach the
# reader as typed, so the check refuses it.
PLACEHOLDER_FIELDS = ("brief", "equal_opportunity")
SECTION_TITLES = {
    "brief": "Job brief",
    "responsibilities": "Responsibilities",
    "qualifications": "Qualifications",
    "benefits": "Benefits",
    "additional": "Additional information",
}


def page_of(slug: str) -> str:
    return f"jobs/{slug}.md"


def json_of(slug: str) -> str:
    return f"jobs/{slug}.json"


# ---------------------------------------------------------------------------
# Views: a role's template, ready for the page, the JSON and the checks
# ---------------------------------------------------------------------------


class Cited(BaseModel):
    """What a job page cites, in the shape the sources page and the page's JSON-LD read."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    pay_example: Fact
    reviewed: datetime.date
    sources: list[str]

    def source_ids(self) -> list[str]:
        return list(self.sources)


@dataclass(frozen=True)
class Template:
    """One peer role's job description: its own parts, the shared parts and the levels."""

    role: Role
    job: JobDescription
    shared: JobDescriptionsShared
    path: str  # data file, for messages

    @property
    def page(self) -> str:
        return page_of(self.role.slug)

    @property
    def json_file(self) -> str:
        return json_of(self.role.slug)

    @property
    def levels(self) -> list[tuple[LevelInfo, LevelVariant]]:
        return [(info, self.job.level(info.key)) for info in self.shared.levels]

    def responsibilities(self, key: str) -> list[str]:
        return [*self.job.responsibilities, *self.job.level(key).responsibilities]

    def qualifications(self, key: str) -> list[str]:
        return [self.job.level(key).experience, *self.job.qualifications, *self.job.level(key).qualifications]

    def segments(self, text: str, job_title: str) -> list[tuple[str, str]]:
        """A text cut at its placeholders: ("text", words) and ("placeholder", label) pairs. Anything
        else in braces stays words, as typed (the models refuse it; this never fails on it)."""
        parts: list[tuple[str, str]] = []
        for index, piece in enumerate(PLACEHOLDER.split(text)):
            if index % 2 == 0:
                if piece:
                    parts.append(("text", piece))
            elif piece == "job_title":
                parts.append(("text", job_title))
            elif piece in PLACEHOLDERS:
                parts.append(("placeholder", PLACEHOLDER_LABELS[piece]))
            else:
                parts.append(("text", f"{{{piece}}}"))
        return parts

    def plain_text(self, key: str) -> str:
        """The whole template at one level as plain text, placeholders in brackets (for the checks)."""
        level = self.job.level(key)
        values = {"organization": f"[{PLACEHOLDER_LABELS['organization']}]", "job_title": level.title,
                  "location": f"[{PLACEHOLDER_LABELS['location']}]"}
        fill = lambda text: PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group()), text)  # noqa: E731
        lines = [level.title, "", SECTION_TITLES["brief"], *map(fill, self.job.brief), "",
                 SECTION_TITLES["responsibilities"], *(f"- {fill(t)}" for t in self.responsibilities(key)), "",
                 SECTION_TITLES["qualifications"], *(f"- {fill(t)}" for t in self.qualifications(key)), "",
                 SECTION_TITLES["benefits"], *(f"- {t}" for t in self.shared.benefits), "",
                 SECTION_TITLES["additional"], f"- Reports to: {self.job.reporting_line}",
                 f"- Equal opportunity: {fill(self.shared.equal_opportunity)}",
                 f"- How to apply: [{self.shared.how_to_apply}]"]
        return "\n".join(lines) + "\n"

    def cited(self, rules: LanguageRules) -> Cited:
        ids = [*self.job.background_sources, *self.shared.sources, self.shared.pay_example.source, *rules.source_ids()]
        return Cited(pay_example=self.shared.pay_example, reviewed=max(self.job.reviewed, self.shared.reviewed),
                     sources=list(dict.fromkeys(ids)))

    def as_json(self) -> dict[str, Any]:
        """What the generator needs to assemble this role's job description in the browser."""
        shared = self.shared
        return {
            "role": self.role.slug,
            "roleTitle": self.role.title,
            "sections": SECTION_TITLES,
            "placeholders": PLACEHOLDER_LABELS,
            "brief": list(self.job.brief),
            "responsibilities": list(self.job.responsibilities),
            "qualifications": list(self.job.qualifications),
            "reportingLine": self.job.reporting_line,
            "levels": [
                {"key": info.key, "label": info.label, "years": info.years, "title": variant.title,
                 "experience": variant.experience, "responsibilities": list(variant.responsibilities),
                 "qualifications": list(variant.qualifications)}
                for info, variant in self.levels
            ],
            "benefits": list(shared.benefits),
            "employmentTypes": list(shared.employment_types),
            "workArrangements": list(shared.work_arrangements),
            "equalOpportunity": shared.equal_opportunity,
            "howToApply": shared.how_to_apply,
            "payExample": shared.pay_example.text,
        }


def templates(dataset: Dataset) -> list[Template]:
    """Every peer role that has a template, in the order of the roles menu."""
    by_role = {loaded.model.role: loaded for loaded in dataset.jobs}
    shared = dataset.job_descriptions.model
    return [Template(role, by_role[role.slug].model, shared, by_role[role.slug].document.path)
            for role in dataset.roles_in("peer") if role.slug in by_role]


# ---------------------------------------------------------------------------
# Checks (called by checks.check_dataset)
# ---------------------------------------------------------------------------


def check(dataset: Dataset) -> list[Problem]:
    """Every problem with the templates and the language rules, each with file, line and field."""
    if dataset.language_rules is None or dataset.job_descriptions is None:
        return []
    rules = dataset.language_rules
    checker = Checker(rules.model)
    problems = _rule_problems(rules)
    roles = dataset.roles_by_slug
    for loaded in dataset.jobs:
        document, job = loaded.document, loaded.model
        stem = document.path.rsplit("/", 1)[-1].removesuffix(".yml")
        line = document.line_of(("role",))
        if job.role != stem:
            problems.append(Problem(document.path, line, "role",
                f"`{job.role}` does not match the file name `{stem}.yml`: make them the same"))
        elif job.role in roles and roles[job.role].group != "peer":
            problems.append(Problem(document.path, line, "role",
                f"`{job.role}` is not a peer role: job-description templates are for peer roles only"))
    for loaded in [*dataset.jobs, dataset.job_descriptions]:
        problems += _wording_problems(loaded, checker)
        problems += _brace_problems(loaded)
    for template in templates(dataset):
        for info, _ in template.levels:
            for rule in checker.missing(template.plain_text(info.key)):
                problems.append(_missing_problem(template.path, info, rule))
    return problems


def _wording_problems(loaded: Loaded, checker: Checker) -> list[Problem]:
    problems = []
    for location, value, owner in walk(loaded.model):
        if not isinstance(value, str) or isinstance(owner, Fact) or location[-1:] in (("role",), ("reviewed",)):
            continue
        if location and location[0] in ("background_sources", "sources"):
            continue
        for hit in checker.hits(value):
            problems.append(Problem(loaded.document.path, loaded.document.line_of(location), dotted(location),
                                    _hit_message(hit)))
    return problems


def _brace_problems(loaded: Loaded) -> list[Problem]:
    """Braces in a text whose placeholders are not filled in: the reader would see them as typed."""
    problems = []
    for location, value, _ in walk(loaded.model):
        if isinstance(value, str) and location and location[0] not in PLACEHOLDER_FIELDS and ("{" in value or "}" in value):
            piece = next(iter(PLACEHOLDER.findall(value)), None)
            wrong = (f"`{{{piece}}}` is not filled in here, so readers would see the braces: write the words "
                     "themselves, e.g. “our organization”." if piece is not None else
                     "a `{` or `}` here would reach readers as typed: remove it.")
            problems.append(Problem(loaded.document.path, loaded.document.line_of(location), dotted(location),
                f"{wrong} Placeholders ({ALLOWED_PLACEHOLDERS}) work only in a template's `brief` and in "
                "data/job-descriptions.yml's `equal_opportunity`"))
    return problems


def _hit_message(hit: Hit) -> str:
    return (f"“{hit.text}” does not fit peer work ({hit.rule.label.lower()}, data/language-rules.yml "
            f"rule `{hit.rule.id}`): {hit.rule.why} Rewrite it, for example: {hit.rule.rewrite}")


def _missing_problem(path: str, info: LevelInfo, rule: EssentialRule) -> Problem:
    return Problem(path, None, None,
        f"the {info.label.lower()} template lacks an essential of peer job descriptions (“{rule.label}”, "
        f"data/language-rules.yml rule `{rule.id}`): {rule.why} {rule.rewrite}")


def _rule_problems(loaded: Loaded[LanguageRules]) -> list[Problem]:
    """The rules' own mistakes: an id used twice, a rewrite the check itself would flag."""
    document, rules = loaded.document, loaded.model
    checker = Checker(rules)
    problems = []
    seen: dict[str, str] = {}
    for kind in ("avoid", "require"):
        for index, rule in enumerate(getattr(rules, kind)):
            location = (kind, index, "id")
            if rule.id in seen:
                problems.append(Problem(document.path, document.line_of(location), dotted(location),
                    f"`{rule.id}` is already the id of {seen[rule.id]}: give each rule its own id"))
            seen.setdefault(rule.id, dotted(location))
            for hit in checker.hits(rule.rewrite):
                location = (kind, index, "rewrite")
                problems.append(Problem(document.path, document.line_of(location), dotted(location),
                    f"the suggested rewrite itself uses “{hit.text}”, which rule `{hit.rule.id}` flags: reword it"))
    return problems


# ---------------------------------------------------------------------------
# Pages and files (called by pages._Renderer.site)
# ---------------------------------------------------------------------------


def render(renderer) -> None:
    """Add the /jobs/ pages and the generator's JSON to the site."""
    dataset = renderer.data
    rules = dataset.language_rules.model
    shared = dataset.job_descriptions.model
    all_templates = templates(dataset)
    renderer.out.files[RULES_FILE] = _json(rules_json(rules, dataset.sources_by_id, source_pages.link))
    for template in all_templates:
        renderer.out.files[template.json_file] = _json(template.as_json())
        renderer.render(template.page, "jobs/jobs-role.md.j2", f"{template.role.title} job description",
                        template.cited(rules), view=template, shared=shared, rules=rules,
                        placeholders=PLACEHOLDER_LABELS, sections=SECTION_TITLES, rules_file=RULES_FILE)
    cited = _index_cited(shared, rules)
    renderer.render(INDEX_PAGE, "jobs/jobs-index.md.j2", "Job descriptions", cited, templates=all_templates,
                    shared=shared, rules=rules, cited_ids=cited.source_ids(), cited_reviewed=cited.reviewed)


def nav(dataset: Dataset) -> dict:
    """The "For employers" menu: the index, then one entry a role."""
    return {MENU: [INDEX_PAGE, *({t.role.title: t.page} for t in templates(dataset))]}


def _index_cited(shared: JobDescriptionsShared, rules: LanguageRules) -> Cited:
    ids = [*shared.sources, shared.pay_example.source, *rules.source_ids()]
    return Cited(pay_example=shared.pay_example, reviewed=max(shared.reviewed, rules.reviewed),
                 sources=list(dict.fromkeys(ids)))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"
