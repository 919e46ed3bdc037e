"""Missed targets kept as met: a forward rate below its target or a reverse ceiling exceeded,
yet printed at 100 % or full marks (deadlines are ``indicators.check_deadline``'s).

A target is certainly missed when every completion rate the profile accepts for it lies
below 100 % (the actual's rounding included). The finding is an error, or a warning when
the full marks are only the proportional score rounded to whole points (4.84 of 5 printed
``5``); none when a score printed with decimals rounds to the weight (0.95 printed ``1.0``,
or ``1`` for 0.9962 among scores printed to 2 decimals), or when the profile rounds scores to whole or half points and that rounding gives the weight.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...catalogue.rules import Rule
from ...catalogue.targets import TableTarget
from ...model.figures import format_fraction
from ...result import Finding, Severity
from ..intervals import Interval
from ..context import Context
from .precision import at_places, rounded_to
from .profile_params import Conventions
from .rating import ONE, Direction
from .score_formulas import score_ranges
from .indicator_rows import IndicatorRow, conventions, rows

SCORED = (Direction.FORWARD, Direction.REVERSE)


def certainly_missed(row: IndicatorRow) -> bool:
    """Whether every accepted completion rate of a forward or reverse row is below 100 %."""
    rates = row.assessment.rates
    return row.assessment.direction in SCORED and bool(rates) and all(rate.hi < 1 for rate in rates)


def claims_full(row: IndicatorRow) -> str | None:
    """Which printed cell claims the target was met: ``score`` (full weight) or
    ``completion_rate`` (100 %), read at the table's precision; None if neither."""
    score = row.score_at_table_precision()
    if score is not None and score.intersects(Interval.point(row.weight.exact)):
        return "score"
    rate = row.rate
    if rate is not None and Interval.of(at_places(rate, row.places.rate)).intersects(ONE):
        return "completion_rate"
    return None


def severity_of(row: IndicatorRow, conv: Conventions) -> Severity | None:
    """Error; warning when the printed rounding explains the full marks; None when the
    profile's own score rounding does."""
    score = row.score
    if score is None or claims_full(row) != "score":
        rate = row.rate
        shown = Interval.of(at_places(rate, row.places.rate)) if rate is not None else None
        if shown is not None and any(shown.intersects(r) for r in row.assessment.rates):
            return None  # 99.7 % printed 100 % in a table of whole-percent rates: rounding
        return Severity.ERROR
    due = score_ranges(row.weight.exact, list(row.assessment.rates), row.assessment.direction, conv)
    if conv.score_rounding is not None and any(rounded_to(score, conv.score_rounding).intersects(d) for d in due):
        return None
    shown = row.score_at_table_precision()
    if row.places.score > 0 and shown is not None and any(shown.intersects(d) for d in due):
        return None  # 0.9962 printed 1 in a table of scores to 2 decimals: 1.00, the rounded due score
    if any(Interval.of(score).intersects(d) for d in due):
        # rounding at whole points hides up to half a point; at decimals, less than it prints
        return Severity.WARNING if score.places == 0 else None
    return Severity.ERROR


def check_missed_target(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """A forward or reverse target certainly missed cannot be printed 100 % or full marks."""
    conv = conventions(ctx)
    for row in rows(ctx, target, conv):
        if not certainly_missed(row):
            continue
        cell = claims_full(row)
        severity = severity_of(row, conv) if cell is not None else None
        if cell is None or severity is None:
            continue
        printed = row.score if cell == "score" else row.rate
        best = max(rate.hi for rate in row.assessment.rates)
        expected = f"<{row.weight.text}" if cell == "score" else "<100%"
        values = row.values(target=row.target.text, actual=row.indicator.actual.text,
                            rate=format_fraction(best, 2, True), due=format_fraction(row.weight.exact * best, 2))
        related = [row.at("score"), row.at("completion_rate"), row.at("target"), row.at("actual")]
        found = printed.text if printed is not None else ""
        yield ctx.finding(rule, row.at(cell), values, expected=expected, found=found, related=related, severity=severity)

