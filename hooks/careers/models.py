"""Typed models of the YAML files in data/.

Each model mirrors one kind of data file. Models are frozen and forbid unknown
fields, so a misspelt field name is reported instead of silently ignored. The
`description` of every field is what the editing guide shows to editors.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

# ---------------------------------------------------------------------------
# Shared field types
# ---------------------------------------------------------------------------

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)
]
ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
SourceId = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="The id of an entry in data/sources.yml."),
]

YEAR_IN_TEXT = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _has_a_year(value: str) -> str:
    if not YEAR_IN_TEXT.search(value):
        raise ValueError(
            "write the year the figure describes, for example 2020 or May 2020"
        )
    return value


Period = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=4, max_length=40),
    AfterValidator(_has_a_year),
]

def _web_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise ValueError(f"`{value}` is not a web address: write it in full, starting with https://")
    return value


WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(_web_address)]

Confidence = Literal["verified", "secondary", "uncertain", "example"]


class Model(BaseModel):
    """Base of every data model: frozen, and unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------


class Source(Model):
    id: Slug = Field(
        description="Short unique name used to cite this source, e.g. `bls-ooh-psychologists`."
    )
    title: Text = Field(description="Title of the page or document, as it is written there.")
    publisher: ShortText = Field(description="Who published it, e.g. `U.S. Bureau of Labor Statistics`.")
    url: WebAddress | None = Field(
        default=None,
        description="Web address (http or https). Leave it out only when no address is known.",
    )
    year: int | None = Field(
        default=None,
        ge=1900,
        description="Year the page or data was published. Leave it out when the page is undated.",
    )
    checked: int = Field(
        ge=2000,
        description="Year we last read the page.",
    )


class SourcesFile(Model):
    sources: list[Source] = Field(
        min_length=1, description="Every source the site cites, each listed once."
    )


# ---------------------------------------------------------------------------
# Facts: a figure with its source, year and confidence
# ---------------------------------------------------------------------------


class Fact(Model):
    text: Text = Field(
        description="The statement, in our own words, with its figure, e.g. `Median pay: $47,660 a year`."
    )
    source: SourceId = Field(description="The id of an entry in data/sources.yml.")
    year: Period = Field(description="The year or period the figure describes, e.g. `May 2020` or `2022–32`.")
    confidence: Confidence = Field(
        default="verified",
        description=(
            "`verified` (read on the primary source), `secondary` (seen only on a page quoting it), "
            "`uncertain` (sources disagree) or `example` (an illustration, not market data)."
        ),
    )
    note: Text | None = Field(default=None, description="Optional caveat shown beside the figure.")


# ---------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------


class LivedExperience(Model):
    required: bool = Field(description="`true` when the role requires lived experience of recovery.")
    detail: Text = Field(description="One or two sentences on what counts and how it is shown.")


class Pay(Model):
    figures: list[Fact] = Field(
        default_factory=list, description="Sourced pay figures. Leave empty when none is reliable."
    )
    no_figure_reason: Text | None = Field(
        default=None,
        description="Required when `figures` is empty: why no reliable figure exists.",
    )

    @model_validator(mode="after")
    def _figures_or_reason(self) -> "Pay":
        if not self.figures and not self.no_figure_reason:
            raise ValueError("give at least one sourced figure, or a `no_figure_reason`")
        return self


class Duties(Model):
    intro: Text = Field(description="A short paragraph on what the work is.")
    items: list[Text] = Field(min_length=3, description="The main tasks, one a line.")


class Workplace(Model):
    setting: ShortText = Field(description="Name of the kind of workplace, e.g. `Hospitals`.")
    description: Text = Field(description="What the work looks like there.")


class Step(Model):
    title: ShortText = Field(description="The step in a few words, e.g. `Complete approved training`.")
    text: Text = Field(description="What the step involves.")
    facts: list[Fact] = Field(default_factory=list, description="Figures for this step, each sourced.")


class Skill(Model):
    name: ShortText = Field(description="The skill or quality, e.g. `Active listening`.")
    detail: Text = Field(description="Why it matters in this work.")


class ExperienceLevel(Model):
    level: ShortText = Field(description="Name of the level, e.g. `Entry level`.")
    years: ShortText = Field(description="Typical experience, e.g. `1–2 years`.")
    description: Text = Field(description="What a person at this level usually does.")


class SimilarRole(Model):
    role: Slug = Field(description="Slug of another role in data/roles/.")
    why: Text = Field(description="How the two roles differ or connect.")


RoleGroup = Literal["peer", "neighbouring"]


class Role(Model):
    slug: Slug = Field(description="Same as the file name without `.yml`, e.g. `recovery-coach`.")
    title: ShortText = Field(description="The role's name as readers know it.")
    group: RoleGroup = Field(
        description="`peer` for peer support roles, `neighbouring` for roles readers compare them with."
    )
    order: int = Field(default=100, ge=0, description="Position within its group in menus (smaller first).")
    also_called: list[ShortText] = Field(default_factory=list, description="Other job titles for this role.")
    summary: Text = Field(description="Two or three plain sentences: who they are and what they do.")
    education: Text = Field(description="Usual education needed.")
    certification: Text = Field(description="Usual certification or licence needed.")
    lived_experience: LivedExperience = Field(description="Whether lived experience of recovery is required, and what counts.")
    settings: list[ShortText] = Field(min_length=1, description="Typical workplaces, a few words each.")
    pay: Pay = Field(description="Sourced pay figures, or why none is reliable.")
    duties: Duties = Field(description="What the work is: a short introduction and the main tasks.")
    workplaces: list[Workplace] = Field(min_length=1, description="Where they work and what the work looks like there.")
    steps: list[Step] = Field(min_length=2, description="How to become one, in order.")
    skills: list[Skill] = Field(min_length=3, description="Skills and qualities the work needs.")
    experience_levels: list[ExperienceLevel] = Field(
        default_factory=list, description="Required for peer roles: entry, experienced and senior levels."
    )
    outlook: list[Fact] = Field(default_factory=list, description="Sourced figures on jobs and growth.")
    similar_roles: list[SimilarRole] = Field(min_length=1, description="Other roles readers may compare this one with.")
    background_sources: list[SourceId] = Field(
        default_factory=list,
        description="Sources behind the page's text that no figure cites.",
    )
    reviewed: datetime.date = Field(description="Date an editor last checked this page against its sources, e.g. `2026-11-23`.")

    def facts(self) -> list[Fact]:
        """Every sourced figure on the page, in page order."""
        step_facts = [fact for step in self.steps for fact in step.facts]
        return [*self.pay.figures, *step_facts, *self.outlook]

    def source_ids(self) -> list[str]:
        """Ids of all sources the page cites, each once, in order of first use."""
        ids = [fact.source for fact in self.facts()] + list(self.background_sources)
        return list(dict.fromkeys(ids))


# ---------------------------------------------------------------------------
# Crisis help
# ---------------------------------------------------------------------------


class CrisisAction(Model):
    label: ShortText = Field(description="What the reader does, e.g. `Call 988`.")
    href: Annotated[str, StringConstraints(pattern=r"^(tel:|sms:|https://)\S+$")] = Field(
        description="A `tel:`, `sms:` or `https://` link."
    )


class CrisisLine(Model):
    name: ShortText = Field(description="Name of the line, e.g. `988 Suicide & Crisis Lifeline`.")
    region: ShortText = Field(description="Where the line answers, e.g. `United States`.")
    actions: list[CrisisAction] = Field(min_length=1, description="Ways to reach the line: call, text, chat.")
    options: Text | None = Field(default=None, description="Menu options, e.g. press 1 for veterans.")
    source: SourceId = Field(description="The id of an entry in data/sources.yml.")


class Crisis(Model):
    heading: ShortText = Field(description="Heading of the crisis box on every page.")
    lines: list[CrisisLine] = Field(min_length=1, description="The crisis lines, in the order shown.")
    elsewhere: Text = Field(description="What to do outside the regions the lines cover.")


# ---------------------------------------------------------------------------
# National credentials
# ---------------------------------------------------------------------------

RequirementTopic = Literal["education", "lived experience", "training", "experience", "supervision", "exam", "renewal", "other"]


class Requirement(Fact):
    topic: RequirementTopic = Field(description="Which requirement this is: " + ", ".join(f"`{t}`" for t in RequirementTopic.__args__) + ".")


class Credential(Model):
    slug: Slug = Field(description="Same as the file name without `.yml`, e.g. `mha-ncps`.")
    title: ShortText = Field(description="Full name of the credential.")
    short_name: ShortText = Field(description="Abbreviation or short name, e.g. `NCPS`.")
    body: ShortText = Field(description="The organisation that awards it.")
    order: int = Field(default=100, ge=0, description="Position in menus (smaller first).")
    summary: Text = Field(description="Two or three plain sentences: what it is and who it is for.")
    for_whom: Text = Field(description="Who the credential is meant for.")
    requirements: list[Requirement] = Field(min_length=1, description="Each requirement with its source and year.")
    relation_to_state: Text = Field(description="How it relates to state certification.")
    official_source: SourceId = Field(description="Source id of the awarding body's own page, linked as 'check the current rules'.")
    roles: list[Slug] = Field(default_factory=list, description="Slugs of roles this credential is for.")
    background_sources: list[SourceId] = Field(default_factory=list, description="Sources behind the page's text that no figure cites.")
    reviewed: datetime.date = Field(description="Date an editor last checked this page against its sources.")

    def facts(self) -> list[Fact]:
        return list(self.requirements)

    def source_ids(self) -> list[str]:
        ids = [self.official_source, *(f.source for f in self.facts()), *self.background_sources]
        return list(dict.fromkeys(ids))


# ---------------------------------------------------------------------------
# States
# ---------------------------------------------------------------------------


class OtherValue(Model):
    value: Text = Field(description="What the other source says.")
    source: SourceId = Field(description="The id of an entry in data/sources.yml.")


class Detail(Model):
    value: Text | None = Field(default=None, description="The requirement as the source states it. Leave it out when our sources do not state it.")
    source: SourceId | None = Field(default=None, description="Source id for `value`.")
    confidence: Confidence = Field(default="verified", description="`verified`, `secondary` or `uncertain` (sources disagree: give `other_values`).")
    other_values: list[OtherValue] = Field(default_factory=list, description="When sources disagree: what each other source says.")

    @model_validator(mode="after")
    def _consistent(self) -> "Detail":
        if self.value is not None and self.source is None:
            raise ValueError("a value needs a `source` id")
        if self.confidence == "uncertain" and not self.other_values:
            raise ValueError("`uncertain` means sources disagree: list the other source's value in `other_values`")
        if self.other_values and self.confidence != "uncertain":
            raise ValueError("`other_values` are only for `confidence: uncertain`")
        return self

    @property
    def found(self) -> bool:
        return self.value is not None


class StateCredential(Model):
    name: ShortText = Field(description="The credential's name in this state.")
    body: ShortText = Field(description="Who certifies.")
    scope: Detail = Field(description="Mental health, substance use, both, family members...")
    training: Detail = Field(description="Training hours or course, as the source states it.")
    work_and_supervision: Detail = Field(description="Hours of work and of supervision needed.")
    exam: Detail = Field(description="The exam, if any.")
    other_requirements: Detail = Field(description="Age, education, recovery time, checks, fees and so on.")
    renewal: Detail = Field(description="How often it is renewed and the continuing education needed.")
    official_source: SourceId = Field(description="Source id of the certifying body's current page.")
    year: Period = Field(description="Year of the rules or pages read, e.g. `page undated, checked 2026; law 2020`.")
    confidence: Confidence = Field(description="Overall confidence of this row in facts-states.md.")
    note: Text | None = Field(default=None, description="Anything a reader must know, e.g. a credential being phased out.")

    def details(self) -> list[tuple[str, Detail]]:
        return [
            ("Scope", self.scope),
            ("Training", self.training),
            ("Work and supervision hours", self.work_and_supervision),
            ("Exam", self.exam),
            ("Other requirements", self.other_requirements),
            ("Renewal", self.renewal),
        ]


class State(Model):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(description="Two-letter postal code in capitals, e.g. `CA`; the file is `ca.yml`.")
    name: ShortText = Field(description="The state's name.")
    summary: Text = Field(description="Two or three plain sentences on peer certification in this state.")
    credentials: list[StateCredential] = Field(min_length=1, description="Each peer credential the state offers.")
    reviewed: datetime.date = Field(description="Date an editor last checked this page against its sources.")

    @property
    def slug(self) -> str:
        return self.code.lower()

    def source_ids(self) -> list[str]:
        ids = []
        for credential in self.credentials:
            ids.append(credential.official_source)
            for _, detail in credential.details():
                ids += [detail.source] if detail.source else []
                ids += [other.source for other in detail.other_values]
        return list(dict.fromkeys(ids))


# ---------------------------------------------------------------------------
# Frequently asked questions
# ---------------------------------------------------------------------------


class Question(Model):
    id: Slug = Field(description="Stable anchor for the question; never change it once published.")
    question: ShortText = Field(description="The question as a reader would ask it.")
    answer: list[Text] = Field(min_length=1, description="The answer, a paragraph an item.")
    facts: list[Fact] = Field(default_factory=list, description="Figures in the answer, each sourced.")
    sources: list[SourceId] = Field(default_factory=list, description="Sources behind the answer's text.")
    roles: list[Slug] = Field(default_factory=list, description="Role slugs whose pages show this question.")

    def source_ids(self) -> list[str]:
        return list(dict.fromkeys([*(f.source for f in self.facts), *self.sources]))


class Topic(Model):
    id: Slug = Field(description="Stable anchor for the topic, e.g. `pay-and-jobs`.")
    title: ShortText = Field(description="Heading shown on the page.")
    questions: list[Question] = Field(min_length=1, description="The questions under this topic, in order.")


class Faq(Model):
    reviewed: datetime.date = Field(description="Date an editor last checked the answers against their sources.")
    topics: list[Topic] = Field(min_length=1)

    def questions(self) -> list[Question]:
        return [question for topic in self.topics for question in topic.questions]


# ---------------------------------------------------------------------------
# Articles: pay, working as a peer, editorial policy
# ---------------------------------------------------------------------------


class Section(Model):
    heading: ShortText = Field(description="Heading of the section.")
    paragraphs: list[Text] = Field(default_factory=list, description="Plain paragraphs, no figures.")
    items: list[Text] = Field(default_factory=list, description="An optional bullet list after the paragraphs.")
    facts: list[Fact] = Field(default_factory=list, description="Figures for this section, each sourced.")
    sources: list[SourceId] = Field(default_factory=list, description="Sources behind the section's text.")
    table: Literal["role-pay"] | None = Field(default=None, description="A generated table to show: `role-pay` (every role's pay figures).")


class Article(Model):
    slug: Slug = Field(description="Same as the file name; the page is /<slug>/.")
    title: ShortText = Field(description="Heading shown on the page.")
    summary: Text = Field(description="Two or three plain sentences shown first.")
    menu: Literal["Guides", "About"] = Field(default="Guides", description="Menu the page appears in: `Guides` or `About`.")
    order: int = Field(default=100, ge=0, description="Position in its menu (smaller first).")
    sections: list[Section] = Field(min_length=1, description="The page's sections, in order.")
    reviewed: datetime.date = Field(description="Date an editor last checked this page against its sources.")

    def source_ids(self) -> list[str]:
        ids = [source for section in self.sections for source in [*(f.source for f in section.facts), *section.sources]]
        return list(dict.fromkeys(ids))
