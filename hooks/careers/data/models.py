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
    field_validator,
    model_validator,
)

from .text import PlainText, TextWithLinks, as_plain_text, invisible_character

# ---------------------------------------------------------------------------
# Shared field types
# ---------------------------------------------------------------------------

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

FORMULA_STARTS = frozenset("=+-@")


def _plain(value: str) -> str:
    """Text as a reader will see it: no invisible characters, one space between words."""
    if found := invisible_character(value):
        raise ValueError(f"contains an invisible or direction-changing character, {found}: delete it "
                         "(it can make the text read differently from what is stored; retype the words around it)")
    value = " ".join(value.split())
    # (`-40 hours` is left to the negative-figure check, which says more)
    if value[:1] in FORMULA_STARTS and not re.match(r"-\s?\$?\d", value):
        raise ValueError(f"starts with `{value[0]}`: spreadsheets run a cell that starts with = + - or @ as a formula "
                         "(the comparison table's CSV download); start with a word instead")
    return PlainText(value)


# Every text field is plain text, shown as typed (careers.data.text): never Markdown or HTML.
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), AfterValidator(_plain)
]
ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(_plain)
]
# A table cell's worth: a few words (the states-at-a-glance table is read on phones).
GlanceText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), AfterValidator(_plain)
]
# Plain text that may also link to pages of this site, written `[words](page)`: `[the finder](finder)`,
# `[New York](states/ny)`. The build checks every link (careers.data.checks); templates print it with `| linked`.
LinkedText = Annotated[Text, AfterValidator(TextWithLinks)]
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
    AfterValidator(_plain),
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

    @classmethod
    def moved_field(cls, name: str, given: object) -> str | None:
        """For a field that used to be here and now belongs elsewhere: where, in words for editors (the
        "unknown field" message, careers.data.validate; `given` is the entry as written). None otherwise."""
        return None

    @field_validator("*", mode="after")
    @classmethod
    def _strings_are_text(cls, value):
        """Every string from data, ids and addresses too, is printed escaped (careers.data.text)."""
        return as_plain_text(value)


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------


# Link words that say nothing out of context (Lighthouse's and WCAG 2.4.4's examples).
VAGUE_LINK_TEXT = frozenset({"click here", "click this", "go", "here", "information", "info", "learn more", "more",
                             "more info", "more information", "read more", "right here", "see more", "start",
                             "this", "link", "page", "website"})


class Source(Model):
    id: Slug = Field(
        description="Short unique name used to cite this source, e.g. `bls-ooh-psychologists`."
    )
    title: Text = Field(description="Title of the page or document, as it is written there (with the site's "
                              "name where the page's own title is only a word such as `Information`).")
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


    @field_validator("title")
    @classmethod
    def _title_says_what_it_is(cls, value: str) -> str:
        # The title is the text of the link to the page in every list of sources; a reader who
        # moves from link to link (a screen reader's list of links) hears it alone.
        if value.strip().strip(".:").lower() in VAGUE_LINK_TEXT:
            raise ValueError(f"`{value}` says nothing on its own, and it is the text of the link to this page: "
                             "write the title as the page's title bar has it, with the site's name, "
                             f"e.g. `EmpowerPath Academy: {value}`")
        return value


class SourcesFile(Model):
    sources: list[Source] = Field(
        min_length=1, description="Every source the site cites, each listed once."
    )


# ---------------------------------------------------------------------------
# Facts: a figure with its source, year and confidence
# ---------------------------------------------------------------------------


class Fact(Model):
    text: Text = Field(
        description=("The statement, in our own words, with its figure, e.g. `Median pay for mental health counselors: "
                     "$47,660 a year`, with `source: bls-oes-counselors-2020`, `year: May 2020` and `confidence: verified`.")
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
    old_on_purpose: Text | None = Field(default=None, description=(
        "Why a figure older than `extra.stale_figure_years` (mkdocs.yml) is still the one to show, e.g. "
        "`a policy letter: its date is part of what it says`. The build then leaves it out of the stale figures."))


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
    icon: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] | None = Field(default=None, description=(
        "The picture beside the role in role lists and on its path: a Material icon, e.g. `material/account-heart` "
        "(names: https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/). Leave it out to use the picture of its group."))
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
    at_a_glance: AtAGlance = Field(description=(
        "Short answers for the comparison table at /compare/ and its CSV download; the role page keeps the full text."))
    similar_roles: list[SimilarRole] = Field(min_length=1, description="Other roles readers may compare this one with.")
    background_sources: list[SourceId] = Field(
        default_factory=list,
        description="Sources behind the page's text that no figure cites.",
    )
    reviewed: datetime.date = Field(description="Date an editor last checked this page against its sources, e.g. `2026-11-23`.")

    def facts(self) -> list[Fact]:
        """Every sourced figure on the page, in page order."""
        step_facts = [fact for step in self.steps for fact in step.facts]
        return [*self.pay.figures, *self.at_a_glance.facts(), *step_facts, *self.outlook]

    def source_ids(self) -> list[str]:
        """Ids of all sources the page cites, each once, in order of first use."""
        ids = [fact.source for fact in self.facts()] + list(self.background_sources)
        return list(dict.fromkeys(ids))


# ---------------------------------------------------------------------------
# Crisis help
# ---------------------------------------------------------------------------


# A phone number in a `tel:` or `sms:` link: digits, an optional leading `+`, and the visual
# separators of RFC 3966 (`-`, `.`, `(`, `)`) between them; no letters, no spaces. At least 3
# digits (988, 911) and at most 15 (the longest international number, ITU-T E.164).
PHONE_NUMBER = re.compile(r"\+?[0-9(][0-9().-]*")
PHONE_DIGITS = (3, 15)
# `sms:` may also carry the words to send, as the Crisis Text Line asks (`sms:741741?body=HOME`).
SMS_BODY = re.compile(r"\?body=[A-Za-z0-9%+._~-]+")
CRISIS_SCHEMES = {"tel:": "call", "sms:": "text"}
# For editors' autocompletion (the JSON Schema); `_crisis_href` gives the messages.
CRISIS_HREF_PATTERN = r"^(tel:\+?[0-9(][0-9().-]*|sms:\+?[0-9(][0-9().-]*(\?body=[A-Za-z0-9%+._~-]+)?|https://\S+)$"


def phone_digits(href: str) -> str:
    """The digits of a `tel:` or `sms:` link's number, e.g. `tel:+1-800-273-8255` -> `18002738255`."""
    number = href.split(":", 1)[-1].split("?", 1)[0]
    return "".join(char for char in number if char.isdigit())


def _crisis_href(value: str) -> str:
    scheme = next((s for s in CRISIS_SCHEMES if value.lower().startswith(s)), None)
    if scheme is not None:
        rest = value[len(scheme):]
        number, body = (rest.split("?", 1) + [None])[:2] if scheme == "sms:" else (rest, None)
        example = f"`{scheme}988` or `{scheme}+18002738255`"
        if not rest:
            raise ValueError(f"`{value}` has no phone number: write the number to {CRISIS_SCHEMES[scheme]} "
                             f"after `{scheme}`, e.g. {example}")
        if not PHONE_NUMBER.fullmatch(number) or (body is not None and not SMS_BODY.fullmatch("?" + body)):
            extra = " (words to send go after the number, as `?body=WORD`)" if scheme == "sms:" else ""
            raise ValueError(f"`{value}` is not a phone number: after `{scheme}` write digits only, with an optional "
                             f"+ first and - . ( ) between them, no letters or spaces{extra}, e.g. {example}")
        digits = len(phone_digits(value))
        if not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
            raise ValueError(f"`{value}` has {digits} digits; a phone number has {PHONE_DIGITS[0]} to "
                             f"{PHONE_DIGITS[1]}: check the number, e.g. {example}")
        return value
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0  # reading the port checks it
    except ValueError:  # e.g. an unclosed `[` read as an IPv6 address, or a port that is not a number
        parts, port_ok = urlsplit(""), False
        if value.lower().startswith("https://"):
            parts = parts._replace(scheme="https")
    if parts.scheme == "http":
        raise ValueError(f"`{value}` starts with http://: use the page's https:// address, so the chat is private")
    if parts.scheme == "https":
        if not port_ok or not parts.hostname or "." not in parts.hostname or any(char.isspace() for char in value):
            raise ValueError(f"`{value}` is not a full web address: write the chat page's address in full, "
                             "e.g. `https://988lifeline.org/chat/`")
        return value
    raise ValueError(f"`{value}` is not a link a reader can use here: start it with `tel:` (to call), "
                     "`sms:` (to text) or `https://` (a chat page), e.g. `tel:988`")


class CrisisAction(Model):
    label: ShortText = Field(description=(
        "What the reader does, e.g. `Call 988` or `Chat at 988lifeline.org`. A number or web site named here "
        "must be the one the link goes to."))
    href: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(_crisis_href)] = Field(
        description=(
            "A `tel:` or `sms:` link with the phone number (digits, an optional leading `+`, and `-`, `.`, `(`, `)` "
            "between them: `tel:988`, `tel:+18002738255`; `sms:` may add `?body=WORD`), or an `https://` chat "
            "page on the site the label names or, when it names none, on the site of the line's `source`."),
        json_schema_extra={"pattern": CRISIS_HREF_PATTERN},
    )
    box_label: ShortText | None = Field(default=None, description=(
        "Also show this action in the compact crisis box at the top of every page, with these few words, e.g. "
        "`Call 988` or `Danger to life: 911` (as in `label`, a number or web site named here must be the one the "
        "link goes to). Leave it out to show the action only in the full list at the foot of the page. Keep it "
        "to two or three words: the box's links share one or two rows on a phone."))


# Lines and their notes are labelled as figures are (a line read only on a page quoting it says so).
CrisisConfidence = Literal["verified", "secondary"]
CrisisNoteConfidence = Literal["verified", "secondary", "uncertain"]


class CrisisNote(Model):
    text: Text = Field(description=(
        "One more thing a reader should know about the line, from its own source, e.g. `Open 24 hours a day, "
        "every day of the year.` When sources disagree, give both values in the text."))
    source: SourceId = Field(description="The id of the entry in data/sources.yml (or data/sources/*.yml) it comes from.")
    confidence: CrisisNoteConfidence = Field(default="verified", description=(
        "`verified` (read on the line's own site or the body that runs it), `secondary` (seen only on a page "
        "quoting it) or `uncertain` (sources disagree: the text gives both values). The full list shows the label."))


class CrisisLine(Model):
    name: ShortText = Field(description="Name of the line, e.g. `988 Suicide & Crisis Lifeline`.")
    region: ShortText = Field(description="Where the line answers, e.g. `United States`.")
    when: ShortText | None = Field(default=None, description=(
        "When to use this line, shown under its name in the full list, e.g. `If a life is in immediate danger`. "
        "Leave it out when the sources do not say."))
    actions: list[CrisisAction] = Field(min_length=1, description="Ways to reach the line: call, text, chat.")
    options: Text | None = Field(default=None, description="Menu options, e.g. press 1 for veterans.")
    source: SourceId = Field(description="The id of an entry in data/sources.yml (or data/sources/*.yml).")
    confidence: CrisisConfidence = Field(default="verified", description=(
        "`verified` (the number read on the line's own site or the body that runs it) or `secondary` (seen only "
        "on a page quoting it): the full list labels it `secondary source`."))
    notes: list[CrisisNote] = Field(default_factory=list, description=(
        "More to know about the line (hours, who can use it), each from its own source; shown after the options."))


class Crisis(Model):
    heading: ShortText = Field(description=(
        "The one line of words in the compact crisis box at the top of every page, before its links, e.g. "
        "`In crisis? Help now (United States):`. Keep it short: on a phone it should fit one line."))
    more_lines: ShortText = Field(description=(
        "The compact box's last link, which jumps to the full list at the foot of the same page, e.g. "
        "`UK and more lines`."))
    header_link: ShortText = Field(description=(
        "The words of the crisis link in the page header, which stays on screen while the reader scrolls and "
        "jumps to the full list, e.g. `Crisis help`."))
    list_heading: ShortText = Field(description=(
        "Heading of the full list of crisis lines at the foot of every page (every line, with when to use it, "
        "each way to reach it, its options and its source)."))
    lines: list[CrisisLine] = Field(min_length=1, description=(
        "The crisis lines, in the order shown. The compact box shows the actions that have a `box_label`."))
    elsewhere: Text = Field(description="What to do outside the regions the lines cover.")

    @model_validator(mode="after")
    def _something_in_the_box(self) -> "Crisis":
        if not any(action.box_label for line in self.lines for action in line.actions):
            raise ValueError("the compact crisis box at the top of every page would have no link: give at least "
                             "one action a `box_label`, e.g. `box_label: Call 988`")
        return self

    def source_ids(self) -> list[str]:
        """Every source the crisis help cites, in the order shown."""
        ids = [id_ for line in self.lines for id_ in (line.source, *(note.source for note in line.notes))]
        return list(dict.fromkeys(ids))


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
    short: GlanceText | None = Field(default=None, description=(
        "The same in a few words for the states-at-a-glance table, e.g. `60 h`, `500 h + 25 h supervision`, "
        "`IC&RC exam`, `every 2 years, 20 h`. Leave it out and the table says `see the state page`."))

    @model_validator(mode="after")
    def _consistent(self) -> "Detail":
        if self.value is not None and self.source is None:
            raise ValueError("a value needs a `source` id")
        if self.short is not None and self.value is None:
            raise ValueError("a `short` needs the full `value` it sums up")
        if self.confidence == "uncertain" and not self.other_values:
            raise ValueError("`uncertain` means sources disagree: list the other source's value in `other_values`")
        if self.other_values and self.confidence != "uncertain":
            raise ValueError("`other_values` are only for `confidence: uncertain`")
        return self

    @property
    def found(self) -> bool:
        return self.value is not None


class DatedChange(Model):
    """A rule with a date: one that ends, starts, or a window that paused. The page says what changes
    when, and once the date has passed says so by itself; the build then prints a warning."""

    date: datetime.date = Field(description="The day the change happens, or the last day before it, as the source gives it, e.g. `2026-12-31`.")
    what: Text = Field(description=(
        "What changes, one or two plain sentences that read well after the date, e.g. `A proposed rule ends "
        "Medicaid peer counselor services after this date.`"))
    source: SourceId = Field(description="The id of an entry in data/sources.yml that gives the date.")
    confidence: Confidence = Field(default="verified", description="`verified` or `secondary`, as for a figure.")


Experience = Literal["mental-health", "substance-use", "family", "youth"]


class StateCredential(Model):
    name: ShortText = Field(description="The credential's name in this state.")
    short_name: GlanceText | None = Field(default=None, description="Its initials, e.g. `CPRS`, used in the states table. Leave out when it has none.")
    body: ShortText | None = Field(default=None, description=(
        "Who certifies. Leave it out when our sources do not name the body: the page then says so and sends "
        "readers to the state's `agency`."))
    covers: list[Experience] = Field(default_factory=list, description=(
        "Whose lived experience it is for, as `scope` says: any of `mental-health`, `substance-use`, `family`, "
        "`youth`. Leave it out when our sources do not say. The states table and map use it."))
    scope: Detail = Field(description="Mental health, substance use, both, family members...")
    training: Detail = Field(description="Training hours or course, as the source states it.")
    work_and_supervision: Detail = Field(description="Hours of work and of supervision needed.")
    exam: Detail = Field(description="The exam, if any.")
    other_requirements: Detail = Field(description="Age, education, recovery time, checks, fees and so on.")
    renewal: Detail = Field(description="How often it is renewed and the continuing education needed.")
    background_check: Detail = Field(default_factory=Detail, description=(
        "Whether certification checks criminal history, and what bars it, as the source states it. "
        "Leave it out when our sources do not say."))
    icrc_exam: bool | None = Field(default=None, description=(
        "`true` when the exam is an IC&RC exam (the one a move to another IC&RC state relies on), `false` when "
        "the source names another exam or none. Leave it out when our sources do not say."))
    official_source: SourceId | None = Field(default=None, description=(
        "Source id of the certifying body's or state agency's own page for this credential: not a summary on "
        "another site, not a copy of the rule text, not a home page. The page's \"Check before you apply\" box "
        "links to it. Leave it out when our sources have no such page: the box then says whom to contact."))
    year: Period = Field(description="Year of the rules or pages read, e.g. `page undated, checked 2026; law 2020`.")
    confidence: Confidence = Field(description="Overall confidence of this row in facts-states.md.")
    read_on_copy: bool = Field(default=False, description=(
        "`true` when the rules were read on a site that republishes the state's rule text (`V (mirror)` in "
        "facts-states.md), not on the state's or certifying body's own site. The page says so."))
    note: Text | None = Field(default=None, description="Anything a reader must know, e.g. a credential being phased out.")
    changes: list[DatedChange] = Field(default_factory=list, description=(
        "Time-sensitive rules, each with its date: the page says what changes when, and once the date has "
        "passed, that it was due to change and to check the current rules."))

    def details(self) -> list[tuple[str, Detail]]:
        return [
            ("Scope", self.scope),
            ("Training", self.training),
            ("Work and supervision hours", self.work_and_supervision),
            ("Exam", self.exam),
            ("Other requirements", self.other_requirements),
            ("Background check", self.background_check),
            ("Renewal", self.renewal),
        ]

    @property
    def anchor(self) -> str:
        """The id of its heading on the state page, e.g. `cprs` (ASCII letters and digits only)."""
        words = re.findall(r"[a-z0-9]+", (self.short_name or self.name).lower())
        return "-".join(words)[:60] or "credential"


class SeparateCredential(Model):
    focus: Experience = Field(description="The focus that has a credential of its own in this state, one no credential in the file `covers`.")
    name: ShortText = Field(description="That credential's name or abbreviation, as a credential's `scope` in this file writes it, e.g. `CRPA`.")
    full_name: ShortText | None = Field(default=None, description=(
        "Its name spelled out, when our sources give it. Leave it out and the finder says the full name is not in our sources."))


class StateNote(Model):
    about: ShortText = Field(description="What the note is about, shown first in bold, e.g. `Medicaid`.")
    text: LinkedText = Field(description="The note, one or two plain sentences. May link to pages of this site: `[moving to another state](moving-to-another-state)`.")
    source: SourceId | None = Field(default=None, description="Source id behind the note. Leave out only for a note on what our sources do not say.")
    year: Period | None = Field(default=None, description=(
        "The year the note's figure describes, e.g. `page undated, checked 2026`. Needed when the note gives an "
        "amount of money or a percentage."))
    confidence: Confidence = Field(default="verified", description="`verified` or `secondary`, as for a figure.")

    @model_validator(mode="after")
    def _figures_are_sourced(self) -> "StateNote":
        if self.year is not None and self.source is None:
            raise ValueError("a note with a `year` needs the `source` that gives it")
        return self


class State(Model):
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(description="Two-letter postal code in capitals, e.g. `CA`; the file is `ca.yml`.")
    name: ShortText = Field(description="The state's name.")
    summary: Text = Field(description="Two or three plain sentences on peer certification in this state.")
    credentials: list[StateCredential] = Field(default_factory=list, description=(
        "Each peer credential the state offers. Leave it empty only with `not_found`."))
    separate_credentials: list[SeparateCredential] = Field(default_factory=list, description=(
        "Credentials for another focus that a `scope` in this file names but this file does not describe, e.g. "
        "New York's CRPA for substance use. The finder names them to a reader whose focus no credential here "
        "covers, and the states map counts them."))
    not_found: Text | None = Field(default=None, description=(
        "When our sources found nothing reliable about the state's requirements, say so plainly, e.g. `We found "
        "no reliable source for Alaska's requirements.` The page then points to `agency` and the national comparison."))
    agency: ShortText | None = Field(default=None, description=(
        "The state's behavioral-health agency, for readers to contact, e.g. `Alaska Department of Health, "
        "Division of Behavioral Health`. Required with `not_found`."))
    agency_source: SourceId | None = Field(default=None, description="Source id of the agency's own page, when our sources have one.")
    moving_in: Detail = Field(default_factory=Detail, description=(
        "What someone certified in another state can do here (reciprocity, waivers), as the source states it. "
        "Leave it out when our sources do not say."))
    notes: list[StateNote] = Field(default_factory=list, description="What else a reader should know: Medicaid, changes under way, cautions.")
    reviewed: datetime.date = Field(description="Date an editor last checked this page against its sources.")

    @model_validator(mode="after")
    def _credentials_or_not_found(self) -> "State":
        if not self.credentials and not self.not_found:
            raise ValueError("list the state's `credentials`, or say in `not_found` that our sources found none")
        if self.not_found and not self.agency:
            raise ValueError("with `not_found`, name the state's behavioral-health `agency` for readers to contact")
        return self

    @property
    def slug(self) -> str:
        return self.code.lower()

    def scope_naming(self, name: str) -> StateCredential | None:
        """The first credential whose `scope` names `name` (a separate credential's), or None."""
        return next((c for c in self.credentials if c.scope.found and name in c.scope.value), None)

    def check_with(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Each certifying body once, with its own pages: [(body, [(credential name, source id)])]
        (an empty list when our sources have no page of theirs)."""
        bodies: dict[str, dict[str, str]] = {}
        for credential in self.credentials:
            if credential.body is None:
                continue  # not named in our sources: the credential's own section says so
            pages = bodies.setdefault(credential.body, {})
            if credential.official_source and credential.official_source not in pages.values():
                pages[credential.short_name or credential.name] = credential.official_source
        return [(body, list(pages.items())) for body, pages in bodies.items()]

    def source_ids(self) -> list[str]:
        ids = [self.agency_source] if self.agency_source else []
        for credential in self.credentials:
            ids += [credential.official_source] if credential.official_source else []
            ids += [change.source for change in credential.changes]
            for _, detail in credential.details():
                ids += [detail.source] if detail.source else []
                ids += [other.source for other in detail.other_values]
        for detail in (self.moving_in,):
            ids += [detail.source] if detail.source else []
            ids += [other.source for other in detail.other_values]
        ids += [note.source for note in self.notes if note.source]
        return list(dict.fromkeys(ids))


# ---------------------------------------------------------------------------
# Frequently asked questions
# ---------------------------------------------------------------------------


class Question(Model):
    id: Slug = Field(description="Stable anchor for the question; never change it once published.")
    question: ShortText = Field(description="The question as a reader would ask it.")
    answer: list[LinkedText] = Field(min_length=1, description="The answer, a paragraph an item. May link to pages of this site: `[the finder](finder)`.")
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
    topics: list[Topic] = Field(min_length=1, description="Topics in the order shown, each with its questions.")

    def questions(self) -> list[Question]:
        return [question for topic in self.topics for question in topic.questions]


# ---------------------------------------------------------------------------
# Articles: pay, working as a peer, editorial policy
# ---------------------------------------------------------------------------


class Section(Model):
    heading: ShortText = Field(description="Heading of the section.")
    paragraphs: list[LinkedText] = Field(default_factory=list, description="Plain paragraphs, no figures. May link to pages of this site: `[New York](states/ny)`.")
    items: list[LinkedText] = Field(default_factory=list, description="An optional bullet list after the paragraphs. May link to pages of this site, like paragraphs.")
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


# ---------------------------------------------------------------------------
# Plan your path: certification paths, the career ladder and the credential finder
# (data/paths/<slug>.yml, data/ladder.yml, data/finder.yml; logic in paths.py, ladder.py, finder.py)
# ---------------------------------------------------------------------------

PathStage = Literal["lived experience", "training", "supervised work", "exam", "certification", "renewal", "advanced"]
StateDetailName = Literal["scope", "training", "work_and_supervision", "exam", "other_requirements", "renewal"]
FocusId = Literal["mental-health", "substance-use", "family", "youth"]
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
# Plausible hours, for the finder's numbers here and for hour figures in any text (careers.data.checks).
# Training: peer credentials ask for 40 to 88 hours, and the longest training a page here describes,
# a psychologist's internship, is 1,500 to 2,000 hours; more than 2,000 hours (a full-time year) of
# training is a typo. Work: peer credentials ask for 500 to 3,000 hours of supervised work, clinical
# licences a few thousand; 10,000 hours is about five years of full-time work (2,080 hours a year),
# more than any credential asks, so a larger number is a typo too.
TRAINING_HOURS_MAX = 2_000
WORK_HOURS_MAX = 10_000
HOUR_LIMITS = {
    "training": (TRAINING_HOURS_MAX, "a full-time year of training, more than any credential asks"),
    "work": (WORK_HOURS_MAX, "about five years of full-time work, more than any credential asks"),
}


def _hours_at_most(kind: str):
    limit, why = HOUR_LIMITS[kind]

    def check(value: int) -> int:
        if value > limit:
            raise ValueError(f"{value:,} hours of {kind} is more than {limit:,} ({why}): check the number "
                             f"against the credential's rules, or leave `{kind}_hours` out")
        return value

    return AfterValidator(check)


TrainingHours = Annotated[int, Field(ge=0, json_schema_extra={"maximum": TRAINING_HOURS_MAX}), _hours_at_most("training")]
WorkHours = Annotated[int, Field(ge=0, json_schema_extra={"maximum": WORK_HOURS_MAX}), _hours_at_most("work")]


class RequirementRef(Model):
    """Points at a national credential's requirement, so a figure is written once, in the credential's file."""

    credential: Slug = Field(description="Slug of a credential in data/credentials/, e.g. `icrc-peer-recovery`.")
    topic: RequirementTopic = Field(description="Which of its requirements to show: " + ", ".join(f"`{t}`" for t in RequirementTopic.__args__) + ".")


class StateDetailRef(Model):
    """Points at one requirement of a state's credential, shown as an example from that state."""

    state: StateCode = Field(description="Two-letter code of a state in data/states/, in capitals, e.g. `PA`.")
    name: ShortText | None = Field(default=None, description="The state credential's `name`, copied exactly. Leave it out when the state has one credential.")
    detail: StateDetailName = Field(description="Which requirement to show: " + ", ".join(f"`{t}`" for t in StateDetailName.__args__) + ".")


class PathStep(Model):
    stage: PathStage = Field(description="Where on the path this step sits: " + ", ".join(f"`{t}`" for t in PathStage.__args__) + ".")
    title: ShortText = Field(description="The step in a few words, e.g. `Complete approved training`.")
    icon: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] | None = Field(default=None, description=(
        "The picture beside the step: a Material icon, e.g. `material/school-outline` "
        "(names: https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/). Leave it out to use the picture of its stage."))
    text: Text = Field(description="What the step involves, in plain words (no figures: put them in `facts` or point at them).")
    facts: list[Fact] = Field(default_factory=list, description="Figures for this step that are not in a credential or state file, each sourced.")
    requirements: list[RequirementRef] = Field(default_factory=list, description="National credential requirements to show as this step's figures.")
    state_examples: list[StateDetailRef] = Field(default_factory=list, description="State requirements to show as examples for this step.")


class CareerPath(Model):
    slug: Slug = Field(description="Same as the file name without `.yml`; the page is /paths/<slug>/.")
    title: ShortText = Field(description="Heading of the page, e.g. `Path to recovery coach`.")
    order: int = Field(default=100, ge=0, description="Position in menus (smaller first).")
    roles: list[Slug] = Field(min_length=1, description="Slugs of the peer roles this path leads to; every peer role needs exactly one path.")
    summary: Text = Field(description="Two or three plain sentences shown first.")
    steps: list[PathStep] = Field(min_length=3, description="The steps, in order, from lived experience to what comes after certification.")
    background_sources: list[SourceId] = Field(default_factory=list, description="Sources behind the page's text that no figure cites.")
    reviewed: datetime.date = Field(description="Date an editor last checked this page against its sources.")


class LadderLevel(Model):
    id: Slug = Field(description="Stable anchor for the level, e.g. `entry`.")
    title: ShortText = Field(description="Name of the level, e.g. `Entry level`.")
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=34), AfterValidator(_plain)] = Field(
        description="Short second line drawn in the ladder picture (34 characters at most so it fits a phone), e.g. `1–2 years of experience`.")
    text: Text = Field(description="What a person at this level usually does.")
    facts: list[Fact] = Field(default_factory=list, description="Figures for this level, each sourced (for example the years of experience).")
    requirements: list[RequirementRef] = Field(default_factory=list, description="National credential requirements to show for this level.")
    roles: list[Slug] = Field(default_factory=list, description="Role pages that describe work at this level.")


class LadderMove(Model):
    role: Slug = Field(description="Slug of a neighbouring role (group `neighbouring`) a peer may move into.")
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=34), AfterValidator(_plain)] = Field(
        description="Short text drawn in the picture (34 characters at most), e.g. `needs a degree and a license`.")
    text: Text = Field(description="What the move takes and what changes, in plain words.")
    facts: list[Fact] = Field(default_factory=list, description="Figures for this move, each sourced.")


class Ladder(Model):
    reviewed: datetime.date = Field(description="Date an editor last checked this page against its sources.")
    summary: Text = Field(description="Two or three plain sentences shown first.")
    facts: list[Fact] = Field(default_factory=list, description="Figures about career growth in peer work in general, each sourced.")
    levels: list[LadderLevel] = Field(min_length=3, description="The rungs, from the first job upward.")
    moves: list[LadderMove] = Field(default_factory=list, description="Neighbouring roles a peer may move into.")
    background_sources: list[SourceId] = Field(default_factory=list, description="Sources behind the page's text that no figure cites.")


class FinderFocus(Model):
    id: FocusId = Field(description="One of " + ", ".join(f"`{t}`" for t in FocusId.__args__) + ".")
    label: ShortText = Field(description="The choice as the reader sees it, e.g. `Mental health`.")
    hint: ShortText = Field(description="A short line under the choice, e.g. `Your own recovery from mental-health challenges`.")
    role: Slug = Field(description="Slug of the peer role that fits this focus best.")


class FinderNational(Model):
    credential: Slug = Field(description="Slug of a credential in data/credentials/.")
    focus: list[FocusId] = Field(min_length=1, description="Which focuses the credential fits.")
    training_hours: TrainingHours | None = Field(default=None, description=(
        "Training hours the finder compares with the reader's, written exactly as in the credential's "
        "`training` requirement. Leave it out when the credential gives no single number."))
    work_hours: WorkHours | None = Field(default=None, description=(
        "Hours of supervised work or experience the finder compares, written exactly as in the credential's "
        "`experience` requirement. Leave it out when there is no single number."))


class FinderRoute(Model):
    name: ShortText = Field(description="The route as the state names it, e.g. `Provisional certificate` or `CAPRC I (entry level)`.")
    training_hours: TrainingHours | None = Field(default=None, description=(
        "Training hours this route asks, as written in the state's `training` value. Leave it out when not stated."))
    work_hours: WorkHours | None = Field(default=None, description=(
        "Work hours needed before this route's certificate, as written in the state's `work_and_supervision` "
        "value; `0` when that value says the route needs none (`none`, `no work hours`). Leave it out when not stated."))
    note: Text | None = Field(default=None, description="What else differs on this route, e.g. `The 250 hours are worked during the 6-month initial certificate.`")


class FinderStateCredential(Model):
    name: ShortText = Field(description="The credential's `name` in the state's file, copied exactly.")
    focus: list[FocusId] = Field(default_factory=list, description=(
        "Which focuses its scope covers. Leave it out to use the credential's `covers` in the state's file."))
    training_hours: TrainingHours | None = Field(default=None, description=(
        "Training hours the finder compares, as written in the state's `training` value. Leave it out when "
        "there is no single number or the sources disagree."))
    work_hours: WorkHours | None = Field(default=None, description=(
        "Work hours the finder compares, as written in the state's `work_and_supervision` value. Leave it out "
        "when there is no single number or the sources disagree."))
    routes: list[FinderRoute] = Field(default_factory=list, description=(
        "When the credential has several ways in (provisional and full, entry and advanced levels), each with "
        "its own hours. The finder shows each, and never counts hours against a reader that a route they "
        "qualify for does not ask. Leave `training_hours` and `work_hours` out when you give routes."))

    @model_validator(mode="after")
    def _routes_or_hours(self) -> "FinderStateCredential":
        if self.routes and (self.training_hours is not None or self.work_hours is not None):
            raise ValueError("give the hours in each route, not beside `routes`")
        return self


class FinderState(Model):
    state: StateCode = Field(description="Two-letter code of a state in data/states/, in capitals.")
    credentials: list[FinderStateCredential] = Field(min_length=1, description="One entry for each credential in the state's file.")

    @classmethod
    def moved_field(cls, name: str, given: object) -> str | None:
        if name != "separate":
            return None
        code = given.get("state") if isinstance(given, dict) else None
        file = f"data/states/{code.lower()}.yml" if isinstance(code, str) and re.fullmatch(r"[A-Za-z]{2}", code) \
            else "the state's own file in data/states/"
        return (f"`separate` is no longer written here: move its entries to {file}, under `separate_credentials:` "
                "(same `focus`, `name` and `full_name`), and remove `separate:` from this file")


class Finder(Model):
    reviewed: datetime.date = Field(description="Date an editor last checked these rules against the credential and state files.")
    focuses: list[FinderFocus] = Field(min_length=1, description="The choices for what a reader's lived experience and work are about.")
    national: list[FinderNational] = Field(min_length=1, description="Rules for the national credentials.")
    states: list[FinderState] = Field(default_factory=list, description=(
        "Hours and routes for states in data/states/. A state left out is matched by its "
        "credentials' `covers`, and its hours are shown as written."))


# ---------------------------------------------------------------------------
# Role comparison (/compare/): short answers for the comparison table
# ---------------------------------------------------------------------------

DIGIT = re.compile(r"\d")


def _no_figures(value: str) -> str:
    if DIGIT.search(value):
        raise ValueError("figures need a source and a year: move the number into a `facts` entry and keep these words plain")
    return value


PlainText = Annotated[Text, AfterValidator(_no_figures)]
PlainShortText = Annotated[ShortText, AfterValidator(_no_figures)]

EducationLevel = Literal["high school", "bachelor's degree", "master's degree", "doctorate", "not found in our sources"]
ClinicalAnswer = Literal["never", "in some jobs", "always"]


class ClinicalWork(Model):
    answer: ClinicalAnswer = Field(description=(
        "Does the role diagnose or treat mental-health or substance-use conditions? `never` (every peer role), "
        "`in some jobs` (for example clinical social workers only) or `always`."))
    detail: PlainText = Field(description="One plain sentence saying what the role does or does not do.")


class Answer(Model):
    summary: PlainText = Field(description=(
        "One or two plain sentences, no figures. Where our sources say nothing, say so plainly, "
        "e.g. `Not covered by our sources.`"))
    facts: list[Fact] = Field(default_factory=list, description="Figures behind the answer, each with its source and year.")


class AtAGlance(Model):
    education_level: EducationLevel = Field(description=(
        "The lowest education the role usually needs, used to sort the table: " + ", ".join(f"`{v}`" for v in EducationLevel.__args__) + "."))
    education: PlainShortText = Field(description="Education in a few words, e.g. `High school diploma or equivalent`.")
    certification: PlainShortText = Field(description="Certification or licence in a few words, e.g. `State license`.")
    diagnoses_or_treats: ClinicalWork = Field(description="Whether the role diagnoses or treats. Peers never do.")
    training_hours: Answer = Field(description=(
        "Typical training hours. Hour figures go in `facts`, each with its source; when no source gives one, "
        "the summary says how people train instead (e.g. a degree) and the table shows `No sourced hour figure`."))
    supervision: Answer = Field(description="Who supervises people in this role and what certification asks for, with sourced figures.")
    who_pays: Answer = Field(description=(
        "Who pays for the service the role gives, e.g. Medicaid for peer support in states that cover it. "
        "Where our sources do not say, write so."))

    def facts(self) -> list[Fact]:
        """The figures behind the short answers, in the order the role page shows them."""
        return [*self.training_hours.facts, *self.supervision.facts, *self.who_pays.facts]


Role.model_rebuild()  # Role names AtAGlance, defined after it


# ---------------------------------------------------------------------------
# Job descriptions and the peer-language rules (issue 7: data/job-descriptions.yml,
# data/jobs/<role>.yml, data/language-rules.yml)
# ---------------------------------------------------------------------------

PHRASE_WORD = re.compile(r"^(\*|[A-Za-z0-9'’&/.-]+\*?)$")
PLACEHOLDERS = ("organization", "job_title", "location")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _phrase(value: str) -> str:
    for word in value.split():
        if not PHRASE_WORD.match(word):
            raise ValueError(
                f"`{word}` cannot be used in a phrase: use letters, digits, apostrophes and hyphens; "
                "`*` alone stands for any one word, `*` at the end of a word for any ending"
            )
    return " ".join(value.split())


ALLOWED_PLACEHOLDERS = ", ".join(f"`{{{p}}}`" for p in PLACEHOLDERS)
# A brace and what follows it up to the next brace, to show an editor the piece that is wrong.
BRACED = re.compile(r"\{+[^{}]*\}*|\}+")


def _placeholders(value: str) -> str:
    """A text may hold the placeholders, each in one pair of braces; any other brace is a mistake."""
    for match in BRACED.finditer(value):
        piece = match.group()
        name = piece.strip("{}")
        if piece == f"{{{name}}}" and name in PLACEHOLDERS:
            continue
        if name.strip() in PLACEHOLDERS and "{" in piece and "}" in piece:
            raise ValueError(f"`{piece}` is not a placeholder: write `{{{name.strip()}}}`, with one pair of braces and "
                             f"no spaces inside; the placeholders are {ALLOWED_PLACEHOLDERS}")
        if piece.startswith("{") and piece.endswith("}"):
            raise ValueError(f"`{piece}` is not a placeholder: use {ALLOWED_PLACEHOLDERS}")
        near = re.match(r"[{}]+\s*[^\s{}]*", piece).group()
        raise ValueError(f"a `{near[0]}` is unmatched near `{near}`: write a placeholder in one pair of braces, "
                         f"{ALLOWED_PLACEHOLDERS}")
    return value


Phrase = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=80),
    AfterValidator(_phrase),
    Field(description="Words to look for, in any letter case. `*` alone stands for any one word; `*` at the end of a word for any ending (`diagnos*`)."),
]
JobText = Annotated[Text, AfterValidator(_placeholders)]
LevelKey = Literal["entry", "experienced", "senior"]


class LevelInfo(Model):
    key: LevelKey = Field(description="`entry`, `experienced` or `senior`.")
    label: ShortText = Field(description="Name shown in the form, e.g. `Entry level`.")
    years: ShortText = Field(description="Experience the level stands for, e.g. `1–2 years` (the same as on the role pages).")


class JobDescriptionsShared(Model):
    """data/job-descriptions.yml: the parts every peer job description shares."""

    intro: list[Text] = Field(min_length=1, description="Paragraphs at the top of the job-descriptions index page.")
    levels: list[LevelInfo] = Field(min_length=3, max_length=3, description="The three experience levels, in order: entry, experienced, senior.")
    pay_example: Fact = Field(description="The example pay range shown as a placeholder; its `confidence` must be `example`.")
    pay_note: Text = Field(description="What the employer should do with the example pay range.")
    employment_types: list[ShortText] = Field(min_length=1, description="Choices for the employment type, e.g. `Full-time`.")
    work_arrangements: list[ShortText] = Field(min_length=1, description="Choices for where the work happens, e.g. `On site`.")
    benefits: list[Text] = Field(min_length=1, description="Benefits listed by default; employers untick what they do not offer.")
    equal_opportunity: JobText = Field(description="The equal-opportunity statement.")
    how_to_apply: ShortText = Field(description="Placeholder for how to apply, shown in brackets until the employer fills it in.")
    sources: list[SourceId] = Field(default_factory=list, description="Sources behind the shared text.")
    reviewed: datetime.date = Field(description="Date an editor last checked these texts, e.g. `2026-11-23`.")

    @field_validator("levels")
    @classmethod
    def _levels_in_order(cls, levels: list[LevelInfo]) -> list[LevelInfo]:
        if [level.key for level in levels] != ["entry", "experienced", "senior"]:
            raise ValueError("list the levels in this order: `entry`, `experienced`, `senior`")
        return levels

    @field_validator("pay_example")
    @classmethod
    def _pay_is_an_example(cls, fact: Fact) -> Fact:
        if fact.confidence != "example":
            raise ValueError("`pay_example` is a placeholder, not market data: give it `confidence: example`")
        return fact


class LevelVariant(Model):
    title: ShortText = Field(description="The job title at this level, e.g. `Senior Recovery Coach`.")
    experience: Text = Field(description="The experience asked for at this level, one sentence; shown first among the qualifications.")
    responsibilities: list[Text] = Field(default_factory=list, description="Responsibilities added at this level.")
    qualifications: list[Text] = Field(default_factory=list, description="Qualifications added at this level.")


class JobDescription(Model):
    """data/jobs/<role>.yml: the job-description template of one peer role."""

    role: Slug = Field(description="Slug of the peer role in data/roles/; the same as this file's name.")
    brief: list[JobText] = Field(min_length=1, description="The job brief, a paragraph an item. May use `{organization}`, `{job_title}` and `{location}`.")
    responsibilities: list[Text] = Field(min_length=4, description="What the person will do, one a line, at every level.")
    qualifications: list[Text] = Field(min_length=3, description="What the person needs, one a line, at every level.")
    reporting_line: ShortText = Field(description="Who the post usually reports to; the employer can change it.")
    entry: LevelVariant = Field(description="Entry level (1–2 years).")
    experienced: LevelVariant = Field(description="Experienced (3+ years).")
    senior: LevelVariant = Field(description="Senior (5+ years).")
    background_sources: list[SourceId] = Field(default_factory=list, description="Sources behind the template's text.")
    reviewed: datetime.date = Field(description="Date an editor last checked this template, e.g. `2026-11-23`.")

    def level(self, key: str) -> LevelVariant:
        return getattr(self, key)


class AvoidRule(Model):
    id: Slug = Field(description="Short unique name of the rule, e.g. `diagnosing`.")
    label: ShortText = Field(description="What the rule is about, in a few words, e.g. `Diagnosing`.")
    phrases: list[Phrase] = Field(min_length=1, description="Wording that does not fit peer work.")
    unless: list[Phrase] = Field(default_factory=list, description="Wording that contains a phrase but is fine, e.g. `treat * with` (treat people with respect).")
    fine_when_negated: bool = Field(default=True, description="`true` when the wording is fine after a negation word (`you will not diagnose`).")
    why: Text = Field(description="Why the wording does not fit peer work, one or two sentences.")
    rewrite: Text = Field(description="A suggested rewrite that fits peer work.")
    sources: list[SourceId] = Field(min_length=1, description="Sources behind the rule.")


class EssentialRule(Model):
    id: Slug = Field(description="Short unique name of the rule, e.g. `lived-experience`.")
    label: ShortText = Field(description="The essential, in a few words, e.g. `Lived experience as a qualification`.")
    phrases: list[Phrase] = Field(min_length=1, description="Any of these phrases shows the essential is there.")
    why: Text = Field(description="Why a peer job description needs it.")
    rewrite: Text = Field(description="A suggested line to add.")
    sources: list[SourceId] = Field(min_length=1, description="Sources behind the rule.")


class LanguageRules(Model):
    """data/language-rules.yml: the peer-language check used by the build and the job-description generator."""

    negations: list[Phrase] = Field(min_length=1, description="Words that negate what follows in the same sentence, e.g. `not`, `never`.")
    avoid: list[AvoidRule] = Field(min_length=1, description="Wording that does not fit peer work, each with a suggested rewrite.")
    require: list[EssentialRule] = Field(min_length=1, description="What every peer job description needs.")
    reviewed: datetime.date = Field(description="Date an editor last checked the rules against their sources.")

    def source_ids(self) -> list[str]:
        return list(dict.fromkeys(s for rule in [*self.avoid, *self.require] for s in rule.sources))
