"""Shared plumbing of the performance-table checks: tables, rows, names and comparisons."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from ...model.exact import Fraction

from ...catalogue.rules import Rule
from ...catalogue.profiles import Profile
from ...catalogue.targets import TableTarget
from ...model.figures import Figure, format_fraction
from ...result import Finding, Severity
from ..intervals import Interval
from ...model.measures import Measure, MeasureKind, parse_measure
from ...model.report import EvaluationTable, Indicator
from ...model.paths import DataPath
from ..context import TRUNCATION_RULE, Context
from ...model.records import Frozen, set_field
from .precision import Places, at_places, figure, rounded_to, table_places
from .profile_params import Conventions
from .rating import Assessment, Direction, assess, either
from .unseen import is_partial

UNIT_TABLE = {"en": "unit table", "zh": "单位整体支出绩效自评表"}


_PARSED: dict[int, tuple[Profile, Conventions]] = {}


def conventions(ctx: Context) -> Conventions:
    """The scoring conventions of the profile this run uses (parsed once per profile object)."""
    cached = _PARSED.get(id(ctx.profile))
    if cached is None or cached[0] is not ctx.profile:
        cached = (ctx.profile, Conventions.from_params(ctx.profile.params))
        _PARSED[id(ctx.profile)] = cached
    return cached[1]


def _checkable(table: EvaluationTable) -> EvaluationTable:
    """The table as the table-level checks read it.

    A table read from a real document may lack the weights of its rows, have cells that
    could not be read, or be cut (a weighted heading with no row under it). The table-level
    checks add up every weight and score, so such a table shows them no rows and no total
    (its rows are still checked one by one, see :func:`rows`; BC603 bounds its total).
    """
    if not is_partial(table) and all(row.weight is not None for row in table.indicators):
        return table
    view = object.__new__(EvaluationTable)
    view.__dict__.update(table.__dict__, indicators=[], total=None)
    return view


def tables(ctx: Context, target: TableTarget) -> Iterator[tuple[DataPath, EvaluationTable]]:
    """The evaluation tables a rule target names (``for_each``), as the checks can read them."""
    for path, table in ctx.scopes(target):
        if isinstance(table, EvaluationTable):
            yield path, _checkable(table)


def _rated(indicator: Indicator) -> bool:
    """Whether a row prints what its row checks need: a weight (an empty target or actual
    is a placeholder, which the checks pass over)."""
    return indicator.weight is not None


def table_name(table: EvaluationTable, path: DataPath) -> str:
    """How messages name a table: its project name, or the unit table."""
    if table.name and "projects" in path:
        return table.name
    return f"{UNIT_TABLE['zh']}" if not table.name else f"{UNIT_TABLE['zh']}（{table.name}）"


class IndicatorRow(Frozen):
    """One indicator row with its path, its table's name and what can be recomputed."""

    __slots__ = ("path", "indicator", "table", "assessment", "places", "target")
    path: DataPath
    indicator: Indicator
    table: str
    assessment: Assessment
    places: Places
    target: Measure
    """The target the row is scored against: the printed one, or the 100 % an execution row
    (预算执行率) with an empty target is scored against."""

    def __init__(
        self, path: DataPath, indicator: Indicator, table: str, assessment: Assessment,
        places: Places = Places(), target: Measure | None = None,
    ) -> None:
        set_field(self, "path", path)
        set_field(self, "indicator", indicator)
        set_field(self, "table", table)
        set_field(self, "assessment", assessment)
        set_field(self, "places", places)
        set_field(self, "target", indicator.target if target is None else target)

    def at(self, field: str) -> DataPath:
        """The path of one cell of the row."""
        return self.path + (field,)

    @property
    def weight(self) -> Figure:
        """The row's weight (exact; rows are only made for indicators that print one)."""
        weight = self.indicator.weight
        assert weight is not None, "rows() skips indicators without a weight"
        return weight

    @property
    def score(self) -> Figure | None:
        """The printed score, or None for a placeholder."""
        return figure(self.indicator.score)

    @property
    def rate(self) -> Figure | None:
        """The printed completion rate, or None."""
        return figure(self.indicator.completion_rate)

    def score_at_table_precision(self, step: Fraction | None = None) -> Interval | None:
        """The printed score read at the precision of the table's scores, or, under a profile
        that rounds scores to ``step`` points, every value that rounds to it."""
        score = self.score
        if score is None:
            return None
        return rounded_to(score, step) if step is not None else Interval.of(at_places(score, self.places.score))

    def values(self, **extra: str) -> dict[str, str]:
        """Message values naming the row: ``item`` (indicator) and ``table``."""
        return {"item": self.indicator.name, "table": self.table, **extra}


def rows(ctx: Context, target: TableTarget, conv: Conventions) -> Iterator[IndicatorRow]:
    """Every indicator row with a weight, target and actual of the tables a target names,
    assessed under ``conv``."""
    for path, table in ctx.scopes(target):
        if isinstance(table, EvaluationTable):
            yield from table_rows(ctx, path, table, conv)


def table_rows(ctx: Context, path: DataPath, table: EvaluationTable, conv: Conventions) -> list[IndicatorRow]:
    """The assessed rows of one table, computed once per report run and conventions.

    About eight scoring rules walk the same rows; the memo lives on the run's context, so
    nothing is shared between reports.
    """
    key = ("rows", path, id(conv))
    cached = ctx.memo.get(key)
    if cached is not None and cached[0] is conv:
        found: list[IndicatorRow] = cached[1]
        return found
    name, places = table_name(table, path), table_places(table)
    made = []
    for index, indicator in enumerate(table.indicators):
        if _rated(indicator):
            target = scored_target(indicator, conv)
            made.append(IndicatorRow(path + ("indicators", index), indicator, name,
                                     _assessed(indicator, target, conv, places.actual_percent), places, target))
    ctx.memo[key] = (conv, made)
    return made


FULL_EXECUTION = parse_measure("≥100%")


def scored_target(indicator: Indicator, conv: Conventions) -> Measure:
    """The target a row is scored against: as printed, but 100 % for an execution row
    (the profile's ``execution_rows``: 预算执行率) whose target cell is empty and whose
    actual is a percentage, as execution is scored against the whole budget."""
    target, actual = indicator.target, indicator.actual
    if (target.kind is MeasureKind.PLACEHOLDER and actual.kind is MeasureKind.NUMBER and actual.unit == "%"
            and conv.execution_row(indicator.name)):
        return FULL_EXECUTION
    return target


def _assessed(indicator: Indicator, target: Measure, conv: Conventions, percent_places: int) -> Assessment:
    """The row's assessment against ``target``; with an OCR reading of the target left
    open, what either reading allows (a finding needs both readings to give it)."""
    first = assess(target, indicator.actual, conv, percent_places, indicator.name)
    other = indicator.target_alternative
    if other is None:
        return first
    return either(first, assess(other, indicator.actual, conv, percent_places, indicator.name))


def printed_rate(row: IndicatorRow) -> list[Interval]:
    """The completion rate to score from: the printed one when it fits a recomputed one (or
    nothing can be recomputed for a forward/reverse row), else the recomputed ones."""
    rates = list(row.assessment.rates)
    if row.rate is None:
        return rates
    printed = Interval.of(row.rate)
    if any(printed.intersects(rate) for rate in rates):
        return [printed]
    if not rates and row.assessment.direction in (Direction.FORWARD, Direction.REVERSE):
        return [printed]
    return rates


def compare_any(
    ctx: Context,
    rule: Rule,
    path: DataPath,
    printed: Figure,
    candidates: Sequence[Interval],
    values: dict[str, str],
    related: Sequence[DataPath] = (),
    severity: Severity | None = None,
    interval: Interval | None = None,
    truncation: bool = True,
) -> Iterator[Finding]:
    """Nothing when the printed figure fits any candidate interval; an info (BC009) when it
    fits one only if truncated (and ``truncation`` allows that reading); else a finding of
    ``rule`` expecting the first candidate. ``interval``: what the printed figure stands for,
    when not its own rounding interval."""
    mine = interval or Interval.of(printed)
    if not candidates or any(mine.intersects(c) for c in candidates):
        return
    truncated = Interval(*printed.truncation_interval())
    if truncation and any(truncated.intersects(c) for c in candidates) and TRUNCATION_RULE in ctx.rules:
        rule, severity = ctx.rules[TRUNCATION_RULE], None
    first = candidates[0]
    yield ctx.finding(
        rule,
        path,
        values,
        expected=format_fraction(first.mid, printed.places, printed.percent),
        found=printed.text,
        interval=first.describe(printed.places, printed.percent),
        related=list(related),
        severity=severity,
    )
