"""The pay chart: an SVG drawn at build time from the roles' sourced pay figures.

Plain Python, no MkDocs. `chart_of(dataset)` picks the figures that are one amount of pay in US
dollars (a median or an average, "a year" or "an hour", not `uncertain` or `example`), draws one
bar per distinct figure and lays the bars out as numbers. The drawing itself is the Jinja
template `pay-chart.html.j2`; nothing here writes markup.

Hourly and yearly figures get separate panels with their own scales: they are never converted
into each other. No one figure sets a panel's scale on its own: a figure far above the others
(`OUTLIER_RATIO`) is off the scale, its bar cut at the scale's end and labelled so (`Bar.off_scale`),
its amount written beside it as for every bar. Each bar says its year and source; bars for other
occupations are hatched and say "not peer pay"; a panel whose figures come from different years or
are of different kinds says in words that they are not directly comparable.
"""

from __future__ import annotations

import re
import statistics
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..data.dataset import Dataset
from ..data.models import YEAR_IN_TEXT, Fact, Role, Source

# "$46,590 a year", "$15.42 an hour": the only forms a charted figure may take.
MONEY = re.compile(r"\$(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s+(a year|an hour)\b")
STATISTIC = re.compile(r"\b(median|average)\b", re.IGNORECASE)
# Words that make a dollar amount a bound or a difference rather than one amount of pay.
NOT_A_POINT_FIGURE = re.compile(r"\b(more|less|fewer|higher|lower) than\b|\bup to\b|\bat least\b|\bgap\b", re.IGNORECASE)
NOT_MARKET_DATA = {"uncertain", "example"}
CONFIDENCE_WORDS = {"secondary": "secondary source", "uncertain": "sources disagree", "example": "example only"}
# A figure more than this many times the median of its panel's other figures is off the scale: the
# others set the scale, so one large figure (even a plausible one, checks.PAY_RANGES) cannot shrink
# every other bar to a sliver. Three times leaves room for the real spread of the roles compared
# (the yearly medians differ by less than two times today).
OUTLIER_RATIO = 3
OFF_SCALE_WORDS = "off the scale: bar cut short"
OFF_SCALE_WARNING = "A figure far above the others is off the scale: its bar is cut short."

Per = Literal["hour", "year"]
PANEL_TITLES = {"hour": "Hourly pay, in US dollars an hour", "year": "Yearly pay, in US dollars a year"}

# Layout, in SVG units (the drawing scales with the page: about 1 on a phone, at most 1.4).
WIDTH = 320
PAD = 8
VALUE_SPACE = 72  # room right of the longest bar for its amount
TITLE_LINE = 16  # 13-unit bold text
LABEL_LINE = 15  # 12-unit text
META_LINE = 14  # 11-unit text
AXIS_LINE = 14  # 10-unit text
BAR_HEIGHT = 16
BAR_GAP = 14
PANEL_GAP = 24
LABEL_CHARS = 44  # characters of 12-unit text that fit in the width, with room to spare
META_CHARS = 48

@dataclass(frozen=True)
class PayAmount:
    """One amount of pay read from a figure's own text, so the chart can never differ from it."""

    value: Decimal
    per: Per
    statistic: Literal["median", "average"]

    @property
    def shown(self) -> str:
        return format_money(self.value)


def pay_amount(fact: Fact) -> PayAmount | None:
    """The figure as one amount of pay, or None when it is something else (a gap, a share, a band)."""
    if fact.confidence in NOT_MARKET_DATA or NOT_A_POINT_FIGURE.search(fact.text):
        return None
    amounts = MONEY.findall(fact.text)
    statistic = STATISTIC.search(fact.text)
    if len(amounts) != 1 or statistic is None:
        return None
    whole, cents, per = amounts[0]
    return PayAmount(Decimal(whole.replace(",", "") + cents), "year" if per == "a year" else "hour",
                     statistic.group(1).lower())


@dataclass(frozen=True)
class Bar:
    fact: Fact
    amount: PayAmount
    source: Source
    roles: tuple[Role, ...]
    # layout
    top: float
    label_lines: tuple[str, ...]
    meta_lines: tuple[str, ...]
    bar_top: float
    bar_width: float
    off_scale: bool = False  # drawn cut short at the end of the scale (its amount is still written beside it)

    @property
    def peer(self) -> bool:
        return self.roles[0].group == "peer"

    @property
    def label(self) -> str:
        """What the bar's label says, after the figure: its year, source and how far to trust it."""
        parts = [self.fact.year, self.source.publisher]
        if words := CONFIDENCE_WORDS.get(self.fact.confidence):
            parts.append(words)
        if not self.peer:
            parts.append("not peer pay")
        if self.off_scale:
            parts.append(OFF_SCALE_WORDS)
        return " · ".join(parts)

    @property
    def value_x(self) -> float:
        return PAD + self.bar_width + 6

    def label_y(self, line: int) -> float:
        return self.top + 12 + line * LABEL_LINE

    def meta_y(self, line: int) -> float:
        return self.bar_top + BAR_HEIGHT + 12 + line * META_LINE

    @property
    def bottom(self) -> float:
        return self.bar_top + BAR_HEIGHT + len(self.meta_lines) * META_LINE + 2


@dataclass(frozen=True)
class Panel:
    per: Per
    title: str
    warnings: tuple[str, ...]
    top: float
    axis_top: float
    height: float
    scale_max: Decimal
    bars: tuple[Bar, ...]

    @property
    def title_y(self) -> float:
        return self.top + 13

    def warning_y(self, line: int) -> float:
        return self.top + TITLE_LINE + 12 + line * META_LINE

    @property
    def axis_label_y(self) -> float:
        return self.axis_top + 10

    @property
    def grid_top(self) -> float:
        return self.axis_top + AXIS_LINE

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def ticks(self) -> tuple[tuple[float, str], ...]:
        """Gridlines at zero, half and the top of the scale: (x, label)."""
        return tuple((PAD + share * plot_width(), format_money(self.scale_max * Decimal(str(share))))
                     for share in (0, 0.5, 1))


@dataclass(frozen=True)
class PayChart:
    panels: tuple[Panel, ...]
    width: int
    height: float
    skipped: tuple[Fact, ...]  # pay figures with a dollar amount that are not one amount of pay

    @property
    def bars(self) -> tuple[Bar, ...]:
        return tuple(bar for panel in self.panels for bar in panel.bars)

    @property
    def years(self) -> tuple[str, ...]:
        return tuple(sorted({_first_year(bar.fact.year) for bar in self.bars}))

    @property
    def description(self) -> str:
        return " ".join(f"{bar.fact.text} ({bar.label})." for bar in self.bars)


def chart_of(dataset: Dataset) -> PayChart:
    """The chart of every role's pay figures that are one amount of pay, one bar per distinct figure."""
    sources = dataset.sources_by_id
    found: dict[tuple, tuple[Fact, PayAmount, list[Role]]] = {}
    skipped: list[Fact] = []
    for role in [*dataset.roles_in("peer"), *dataset.roles_in("neighbouring")]:
        for fact in role.pay.figures:
            amount = pay_amount(fact)
            if amount is None:
                if "$" in fact.text:
                    skipped.append(fact)
                continue
            key = (fact.source, fact.year, amount)
            found.setdefault(key, (fact, amount, []))[2].append(role)
    panels: list[Panel] = []
    top = 0.0
    for per in ("hour", "year"):
        figures = [(fact, amount, roles) for fact, amount, roles in found.values() if amount.per == per]
        if figures:
            panel = _panel(per, figures, sources, top)
            panels.append(panel)
            top = panel.top + panel.height + PANEL_GAP
    return PayChart(tuple(panels), WIDTH, max(top - PANEL_GAP, 0), tuple(skipped))


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------


def plot_width() -> float:
    return WIDTH - 2 * PAD - VALUE_SPACE


def _panel(per: Per, figures: list, sources: dict[str, Source], top: float) -> Panel:
    scale_max = _nice_ceiling(scale_top([amount.value for _, amount, _ in figures]))
    warnings = []
    years = {_first_year(fact.year) for fact, _, _ in figures}
    if len(years) > 1:
        warnings.append(f"Years {min(years)} to {max(years)}: not directly comparable.")
    kinds = {(amount.statistic, roles[0].group == "peer") for _, amount, roles in figures}
    if len(kinds) > 1:
        warnings.append("Medians, averages and different jobs: not directly comparable.")
    if any(amount.value > scale_max for _, amount, _ in figures):
        warnings.append(OFF_SCALE_WARNING)
    wrapped_warnings = tuple(line for warning in warnings for line in _wrap(warning, META_CHARS))
    axis_top = top + TITLE_LINE + META_LINE * len(wrapped_warnings) + 6
    y = axis_top + AXIS_LINE + 6
    bars = []
    for fact, amount, roles in figures:
        source = sources[fact.source]
        label_lines = _wrap(fact.text, LABEL_CHARS)
        off_scale = amount.value > scale_max
        draft = Bar(fact, amount, source, tuple(roles), y, label_lines, (), 0, 0, off_scale)
        bar = Bar(fact, amount, source, tuple(roles), y, label_lines, _wrap(draft.label, META_CHARS),
                  y + LABEL_LINE * len(label_lines) + 2, float(min(amount.value / scale_max, 1)) * plot_width(),
                  off_scale)
        bars.append(bar)
        y = bar.bottom + BAR_GAP
    return Panel(per, PANEL_TITLES[per], wrapped_warnings, top, axis_top, y - BAR_GAP - top, scale_max, tuple(bars))


def scale_top(values: list[Decimal]) -> Decimal:
    """The largest value that is not off the scale: not more than OUTLIER_RATIO times the median of
    the other values. The smallest value never is, so there is always one."""
    if len(values) < 2:
        return max(values)
    kept = [value for index, value in enumerate(values)
            if value <= OUTLIER_RATIO * statistics.median(values[:index] + values[index + 1:])]
    return max(kept)


def _wrap(text: str, width: int) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text, width, break_on_hyphens=False))


def _nice_ceiling(value: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is at least `value`."""
    power = Decimal(1)
    while power * 10 <= value:
        power *= 10
    while power > value and power > Decimal("0.01"):
        power /= 10
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if power * step >= value:
            return power * step
    return power * 10


def format_money(value: Decimal) -> str:
    """`85330` -> `$85,330`, `15.42` -> `$15.42`."""
    whole = int(value)
    cents = value - whole
    return f"${whole:,}" + (f"{cents:.2f}"[1:] if cents else "")


def _first_year(period: str) -> str:
    match = YEAR_IN_TEXT.search(period)
    return match.group() if match else period
