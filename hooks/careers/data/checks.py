"""Checks across files that a single model cannot make: references, uniqueness, figures."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from .dataset import Dataset, Loaded
from .load import Location, dotted
from .models import DatedChange, HOUR_LIMITS, YEAR_IN_TEXT, Crisis, Detail, Fact, OtherValue, Requirement, Source, StateCredential, StateNote
from .models import phone_digits
from .problems import Problem
from .text import as_reader_sees
from .walk import walk

# Money and percentages, however they are written: `$175`, `40%`, `175 dollars`, `51 percent`, `USD 50`.
FIGURE_IN_PROSE = re.compile(r"\$\s?\d|\d\s?%|\d[\d,.]*\s*(?:dollars?|percent|per\s?cent|pounds?|£)\b|\b(?:USD|US\$|£)\s?\d",
                             re.IGNORECASE)
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")
NEGATIVE_FIGURE = re.compile(r"(?<![\w\-–])[-−]\s?\$?\d")
MONEY_RANGE = re.compile(r"\$([\d,.]+)\s*(?:–|-|to)\s*\$([\d,.]+)")
# Fields that hold one source id, and fields that hold a list of them.
SOURCE_FIELDS = {"source", "official_source"}
SOURCE_LIST_FIELDS = {"sources", "background_sources"}
# Models whose text may carry figures, because they carry a source and year too.
SOURCED = (Fact, Source, Detail, OtherValue, StateCredential)


def check_dataset(dataset: Dataset, today: datetime.date | None = None) -> list[Problem]:
    """Every cross-file problem a model alone cannot find (each page kind adds its own: careers.build)."""
    today = today or datetime.date.today()
    context = _Context(dataset, today)
    problems: list[Problem] = []
    for loaded in dataset.everything():
        problems += context.check(loaded)
    problems += _duplicate_source_ids(dataset.source_files)
    # Titles compared as a reader sees them (careers.data.text.as_reader_sees): case, spacing and look-alike forms ignored.
    problems += _unique(dataset.roles, "title", lambda role: as_reader_sees(role.title), "another role has the same title")
    problems += _unique(dataset.credentials, "title", lambda c: as_reader_sees(c.title), "another credential has the same title")
    problems += _unique(dataset.credentials, "short_name", lambda c: as_reader_sees(c.short_name), "another credential has the same short name")
    problems += _unique(dataset.states, "name", lambda state: as_reader_sees(state.name), "another state has the same name")
    problems += _duplicate_question_ids(dataset.faq)
    problems += _crisis_links(dataset.crisis, dataset.sources_by_id)  # on every page: each link goes where it says
    return problems


# ---------------------------------------------------------------------------
# Checks on every value of every file
# ---------------------------------------------------------------------------


class _Context:
    def __init__(self, dataset: Dataset, today: datetime.date):
        self.sources = set(dataset.sources_by_id)
        self.source_years = {s.id: (s.year, s.checked) for s in dataset.all_sources}
        self.roles = set(dataset.roles_by_slug)
        self.today = today

    def check(self, loaded: Loaded) -> list[Problem]:
        document, model = loaded.document, loaded.model
        problems: list[Problem] = []

        def add(location: Location, message: str) -> None:
            problems.append(Problem(document.path, document.line_of(location), dotted(location), message))

        stem = document.path.rsplit("/", 1)[-1].removesuffix(".yml")
        name = getattr(model, "slug", None)
        if name is not None and "/" in document.path.removeprefix("data/") and name != stem:
            field_name = "code" if hasattr(model, "code") else "slug"
            shown = getattr(model, field_name)
            add((field_name,), f"`{shown}` does not match the file name `{stem}.yml`: make them the same"
                + (" (the file name is the code in lower case)" if field_name == "code" else ""))
        for location, value, owner in walk(model):
            field_name = _field_name(location)
            if isinstance(value, str):
                self._check_text(location, value, owner, add)
                for message in [*_pay_problems(value, location, owner), *_hour_problems(value, location, owner)]:
                    add(location, message)
                if field_name in SOURCE_FIELDS or (field_name is None and _parent_name(location) in SOURCE_LIST_FIELDS):
                    if value not in self.sources:
                        add(location, f"`{value}` is not in data/sources.yml or data/sources/: add it to one of them or fix the id")
                if (field_name == "role" or (field_name is None and _parent_name(location) == "roles")) and value not in self.roles:
                    add(location, f"no role `{value}` in data/roles/: use one of " + ", ".join(f"`{s}`" for s in sorted(self.roles)))
                if field_name == "year" and isinstance(owner, (Fact, StateCredential, StateNote)):
                    first = YEAR_IN_TEXT.search(value)
                    if first and int(first.group()) > self.today.year:
                        add(location, f"`{value}` is in the future: give the year the figure describes")
                    elif isinstance(owner, (Fact, StateNote)) and owner.source and \
                            (problem := self._checked_not_described(value, owner.source)):
                        add(location, problem)
            elif isinstance(value, datetime.date) and value > self.today and not isinstance(owner, DatedChange):
                add(location, f"{value} is in the future: give the date the page was last reviewed")
            elif isinstance(value, int) and field_name in ("year", "checked") and value > self.today.year:
                add(location, f"{value} is in the future: give the year the page was published or read")
        if getattr(model, "group", None) == "peer" and not model.experience_levels:
            add(("experience_levels",), "peer roles need experience levels (entry, experienced, senior): add them")
        if getattr(model, "group", None) == "peer" and model.at_a_glance.diagnoses_or_treats.answer != "never":
            add(("at_a_glance", "diagnoses_or_treats", "answer"),
                "peer workers never diagnose or treat: write `never`, or make the role `group: neighbouring`")
        for index, similar in enumerate(getattr(model, "similar_roles", [])):
            if similar.role == name:
                add(("similar_roles", index, "role"), "a role cannot be similar to itself: name another role")
        return problems

    def _checked_not_described(self, year: str, source_id: str) -> str | None:
        """A bare year that is only the year we read an undated page is not the year the figure describes."""
        published, checked = self.source_years.get(source_id, (None, None))
        if year.strip() == str(checked) and published != checked:
            return (f"`{year}` is the year we checked `{source_id}`, not a year the page gives: write the year the "
                    f"figure describes, or `page undated, checked {checked}`")
        return None

    @staticmethod
    def _check_text(location: Location, text: str, owner: Any, add: Callable[[Location, str], None]) -> None:
        if HTML_TAG.search(text):
            add(location, "HTML is not allowed here: write plain text (it is shown as typed)")
        if isinstance(owner, StateNote) and FIGURE_IN_PROSE.search(text) and (owner.source is None or owner.year is None):
            add(location, "money amounts and percentages in a note need its `source` and a `year`: add them")
        elif not isinstance(owner, (*SOURCED, StateNote)) and FIGURE_IN_PROSE.search(text):
            add(location, "money amounts and percentages need a source and year: move the figure into a `facts` entry")
        if NEGATIVE_FIGURE.search(text):
            add(location, "a figure cannot be negative: check the number (a dash before a number reads as minus)")
        for low, high in MONEY_RANGE.findall(text):
            if _amount(low) > _amount(high):
                add(location, f"the range ${low}–${high} runs backwards: put the smaller amount first")


# ---------------------------------------------------------------------------
# Plausible figures: pay and hours
# ---------------------------------------------------------------------------

# Pay that a figure's text reads as yearly or hourly ("$47,660 a year", "$20.50 an hour", "$30,000 to
# $45,000 a year", "$47k per year", "$21 hourly") must fall in these ranges, in US dollars.
# Floors: the federal minimum wage, $7.25 an hour, and that wage for full-time work, $7.25 × 2,080
# hours = $15,080 a year; no lawful full-time pay is lower (part-time pay is clearer given by the hour).
# Ceilings: $300 an hour and $500,000 a year, several times the best-paid work any page compares
# (psychologists, a median of about $85,000 a year, about $41 an hour). Above them a figure is a typo,
# an extra digit or a lost decimal point, and it would squash every other bar of the pay chart.
MINIMUM_WAGE = 7.25
FULL_TIME_HOURS = 2_080
PAY_RANGES = {"year": (MINIMUM_WAGE * FULL_TIME_HOURS, 500_000), "hour": (MINIMUM_WAGE, 300)}
_AMOUNT = r"\$\s?(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<{0}_cents>\.\d+)?\s*(?P<{0}_scale>k|thousand|million|m|bn|billion)?\b"
PAY_FIGURE = re.compile(
    _AMOUNT.format("low") + r"(?:\s*(?:–|—|-|to)\s*" + _AMOUNT.format("high") + ")?"
    r"(?:\s*(?:(?:a|an|per|each|every)\s+|/\s*)(?P<per>year|yr|annum|hour|hr)\b|\s+(?P<per_word>annually|yearly|hourly)\b)",
    re.IGNORECASE)
SCALES = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 10**9, "billion": 10**9}
PER = {"year": "year", "yr": "year", "annum": "year", "annually": "year", "yearly": "year",
       "hour": "hour", "hr": "hour", "hourly": "hour"}
# A difference between two pays may be small ("men earned more than $2.00 an hour more than women").
DIFFERENCE = re.compile(r"\b(more|less|higher|lower)\s+than\b|\b(gap|difference|differential|premium|bonus|raise|"
                        r"increase|extra)\b", re.IGNORECASE)
# Money that is not pay: costs and funding. Outside a role's `pay.figures` and the job descriptions'
# `pay_example`, which are pay by definition, a figure that reads so is not held to the pay ranges.
NOT_PAY = re.compile(r"\b(fees?|costs?|tuition|dues|prices?|charges?|grants?|funding|budgets?|revenue|spending|"
                     r"spent|billing|billed|reimburse\w*)\b", re.IGNORECASE)
# Hours in a text: "3,000 hours", "60 contact hours", "100 to 200 hours".
_HOURS_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
HOUR_FIGURE = re.compile(
    r"(?<![\d,.$])" + _HOURS_NUMBER + r"(?:\s*(?:–|—|-|to|or)\s*" + _HOURS_NUMBER + r")?\s+"
    r"(?:(?:contact|clock|classroom|training|supervised|supervision|practicum|work|volunteer|field|"
    r"internship|peer|direct|experience)\s+)?hours?\b", re.IGNORECASE)


def _pay_problems(text: str, location: Location, owner: Any) -> list[str]:
    """What is implausible about the pay a figure's text or note states."""
    if not isinstance(owner, Fact) or _field_name(location) not in ("text", "note"):
        return []
    pay_field = location[:2] == ("pay", "figures") or location[:1] == ("pay_example",)
    if not pay_field and NOT_PAY.search(text):
        return []
    problems = []
    for match in PAY_FIGURE.finditer(text):
        per = PER[(match.group("per") or match.group("per_word")).lower()]
        low, high = PAY_RANGES[per]
        shown = f"`{match.group().strip()}`"
        amounts = [_scaled(match, "low"), *([_scaled(match, "high")] if match.group("high") else [])]
        if max(amounts) > high:
            problems.append(f"{shown} is more than {_money(high)} a{'n' if per == 'hour' else ''} {per}, far above any pay "
                            "for this work: check the figure against its source (an extra digit, or a lost decimal point?)"
                            + ("; if it is yearly pay, write `a year`" if per == "hour" else ""))
        elif min(amounts) < low and not DIFFERENCE.search(text):
            if per == "year":
                problems.append(f"{shown} is less than {_money(low)} a year, the federal minimum wage for full-time work "
                                f"({_money(MINIMUM_WAGE)} an hour × {FULL_TIME_HOURS:,} hours): check the figure against "
                                "its source; give part-time pay by the hour")
            else:
                problems.append(f"{shown} is less than the federal minimum wage of {_money(MINIMUM_WAGE)} an hour: check "
                                "the figure against its source; if it is a difference between two pays, say so "
                                "(for example `$2 an hour more than`)")
    return problems


def _hour_problems(text: str, location: Location, owner: Any) -> list[str]:
    """Hour figures in any text above the plausible limits (models.HOUR_LIMITS). A source's title is
    someone else's words, quoted as they are, so it is not checked."""
    if isinstance(owner, Source):
        return []
    training = any("training" in part for part in location if isinstance(part, str)) or (
        isinstance(owner, Requirement) and owner.topic == "training")
    kind = "training" if training else "work"
    limit, why = HOUR_LIMITS[kind]
    problems = []
    for match in HOUR_FIGURE.finditer(text):
        if max(_amount(number) for number in match.groups() if number) > limit:
            what = "of training " if training else ""
            problems.append(f"`{match.group()}` {what}is more than {limit:,} hours ({why}): "
                            "check the number against its source")
    return problems


def _scaled(match: re.Match, name: str) -> float:
    scale = (match.group(f"{name}_scale") or "").lower()
    return _amount(match.group(name) + (match.group(f"{name}_cents") or "")) * SCALES.get(scale, 1)


def _money(value: float) -> str:
    return f"${value:,.2f}" if value != int(value) else f"${int(value):,}"


# ---------------------------------------------------------------------------
# Crisis links: each goes where its label says
# ---------------------------------------------------------------------------

# A web site named in a label or a line's name, e.g. `988lifeline.org` in `Chat at 988lifeline.org`.
SITE_NAME = re.compile(r"(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})(?![\w-])", re.IGNORECASE)
# A number of three digits or more in a label, e.g. `988` in `Call 988`, `1-800-273-8255`, `116 123`
# (groups of digits one space apart are one number, as the UK writes them).
NUMBER_IN_LABEL = re.compile(r"\+?\d(?:[\d().-]| (?=\d))*\d|\d")


def _crisis_links(loaded: Loaded[Crisis], sources: dict[str, Source]) -> list[Problem]:
    """A crisis link must reach what its label says. A `tel:` or `sms:` link whose label gives a number
    must use that number. A chat (https://) link must be on the web site its label or its line's name
    names (or a part of it, like `chat.988lifeline.org`); when neither names one, on the site of the line's
    own `source` in data/sources.yml, so a reader is never sent to a site nothing on the page vouches for.
    The same holds for the short `box_label` the compact box at the top of every page shows."""
    document, problems = loaded.document, []
    for line_index, line in enumerate(loaded.model.lines):
        if message := _crisis_name_problem(line):
            location = ("lines", line_index, "name")
            problems.append(Problem(document.path, document.line_of(location), dotted(location), message))
        for action_index, action in enumerate(line.actions):
            # a mistake in the label is reported at the link; in the box's label (once the label is right:
            # a mistyped link is one problem), at the box label
            for field_name, label in (("href", action.label), ("box_label", action.box_label)):
                if label is None:
                    continue
                location = ("lines", line_index, "actions", action_index, field_name)
                message = _crisis_link_problem(line, label, action.href, sources.get(line.source))
                if message:
                    problems.append(Problem(document.path, document.line_of(location), dotted(location), message))
                    break
    return problems


def _numbers_in(text: str) -> list[str]:
    """The digits of each number of three digits or more in `text` (`Call 116 123` -> `116123`)."""
    numbers = ["".join(c for c in n if c.isdigit()) for n in NUMBER_IN_LABEL.findall(text)]
    return [n for n in numbers if len(n) >= 3]


def _crisis_name_problem(line) -> str | None:
    """A number in a line's name (`Emergency services (911)`) must be one its call or text links use."""
    dialled = [phone_digits(a.href) for a in line.actions if a.href.lower().startswith(("tel:", "sms:"))]
    numbers = _numbers_in(line.name)
    if dialled and numbers and not any(_same_number(n, d) for n in numbers for d in dialled):
        return (f"`{line.name}` names {', '.join(numbers)}, but none of the line's call or text links uses it: "
                "make the number in the name and a link's the same")
    return None


def _crisis_link_problem(line, label: str, href: str, source: Source | None) -> str | None:
    if href.lower().startswith(("tel:", "sms:")):
        digits = phone_digits(href)
        numbers = _numbers_in(label)
        if numbers and not any(_same_number(n, digits) for n in numbers):
            return (f"`{href}` does not use the number the label gives (`{label}`): make the link's number and "
                    "the label's the same")
        return None
    host = _site(urlsplit(href).hostname or "")
    named = [_site(name) for name in SITE_NAME.findall(f"{label} {line.name}")]
    if named:
        if not any(_on_site(host, site) for site in named):
            return (f"`{href}` goes to {host}, but the label says {' or '.join(dict.fromkeys(named))}: link to a page on "
                    "that site, or change the label to name the site the link goes to")
        return None
    source_host = _site(urlsplit(source.url).hostname or "") if source and source.url else None
    if source_host and _on_site(host, source_host):
        return None
    where = f"the line's source `{line.source}` is on {source_host}" if source_host else \
        f"the line's source `{line.source}` has no web address"
    return (f"`{href}` goes to {host}, which neither the label nor the line's name names, and {where}: "
            f"name the site in the label, e.g. `Chat at {host}`, or link to the line's own site")


def _same_number(label: str, href: str) -> bool:
    """The same phone number, allowing a country code (`800-273-8255` and `+1-800-273-8255`)."""
    short, long = sorted((label, href), key=len)
    return short == long or (len(short) >= 7 and long.endswith(short) and len(long) - len(short) <= 3)


def _site(host: str) -> str:
    host = host.lower().rstrip(".")
    return host.removeprefix("www.")


def _on_site(host: str, site: str) -> bool:
    return host == site or host.endswith("." + site)


# ---------------------------------------------------------------------------
# Uniqueness
# ---------------------------------------------------------------------------


def _duplicate_source_ids(files: list[Loaded]) -> list[Problem]:
    """Each source id once, across data/sources.yml and data/sources/*.yml."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for loaded in files:
        document = loaded.document
        for index, source in enumerate(loaded.model.sources):
            location = ("sources", index, "id")
            here = f"{document.path}:{document.line_of(location)}"
            if source.id in seen:
                problems.append(Problem(document.path, document.line_of(location), dotted(location),
                    f"`{source.id}` is listed twice (first at {seen[source.id]}): keep one"))
            seen.setdefault(source.id, here)
    return problems


def _duplicate_question_ids(loaded: Loaded) -> list[Problem]:
    document, problems = loaded.document, []
    seen: dict[str, str] = {}
    for t, topic in enumerate(loaded.model.topics):
        for q, question in enumerate(topic.questions):
            location = ("topics", t, "questions", q, "id")
            if question.id in seen:
                problems.append(Problem(document.path, document.line_of(location), dotted(location),
                    f"`{question.id}` is already used by another question ({seen[question.id]}): each question needs its own id"))
            seen.setdefault(question.id, dotted(location))
    return problems


def _unique(items: list[Loaded], name: str, key, message: str) -> list[Problem]:
    seen: dict[Any, str] = {}
    problems = []
    for loaded in items:
        value = key(loaded.model)
        if value in seen:
            problems.append(Problem(loaded.document.path, loaded.document.line_of((name,)), name,
                f"{message} ({seen[value]}): make it unique"))
        else:
            seen[value] = loaded.document.path
    return problems


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def _amount(text: str) -> float:
    try:
        return float(text.replace(",", "").rstrip("."))
    except ValueError:
        return 0.0


def _field_name(location: Location) -> str | None:
    return location[-1] if location and isinstance(location[-1], str) else None


def _parent_name(location: Location) -> str | None:
    return location[-2] if len(location) >= 2 and isinstance(location[-2], str) else None
