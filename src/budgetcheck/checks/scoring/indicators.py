"""IndicatorRow-level checks of indicator rows (docs/domain.md §4): completion rates, scores, deadlines,
qualitative bands and satisfaction actuals. The arithmetic lives in ``rating`` and ``score_formulas``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...catalogue.rules import Rule
from ...catalogue.targets import TableTarget
from ...model.figures import format_fraction
from ...result import Finding
from ..intervals import Interval
from ...model.measures import MeasureKind
from ...model.report import Indicator
from ..context import Context
from .missed import certainly_missed, claims_full
from .precision import rounded_to
from .profile_params import Conventions
from .rating import ONE, Direction, actual_interval
from .score_formulas import band_scores, score_ranges, stated_scores
from .indicator_rows import IndicatorRow, compare_any, conventions, printed_rate, rows


def _measures(row: IndicatorRow) -> dict[str, str]:
    return row.values(target=row.target.text, actual=row.indicator.actual.text)


def check_completion_rate(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """完成率 = the rate recomputed from target and actual (any accepted convention)."""
    for row in rows(ctx, target, conventions(ctx)):
        if row.rate is None or not row.assessment.rates:
            continue
        at = row.at("completion_rate")
        ctx.touch([at])
        related = [at, row.at("target"), row.at("actual")]
        yield from compare_any(ctx, rule, at, row.rate, row.assessment.rates, _measures(row), related)


def check_indicator_score(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """指标得分 = the score an accepted convention gives for the completion rate."""
    conv = conventions(ctx)
    for row in rows(ctx, target, conv):
        direction = row.assessment.direction
        if row.score is None or direction in (Direction.QUALITATIVE, Direction.UNKNOWN):
            continue
        if direction is Direction.DEADLINE and not row.assessment.met:
            continue  # a late deadline is the deadline rule's finding
        if certainly_missed(row) and claims_full(row) == "score":
            continue  # a missed target at full marks is the missed-target rule's finding
        rates = printed_rate(row)
        if not rates:
            continue
        candidates = score_ranges(row.weight.exact, rates, direction, conv, cutoff_applies(row, conv))
        stated = conv.stated_rule(row.indicator.scoring_rule)
        if stated is not None:
            by_rule = stated_scores(row.weight.exact, rates, direction, stated)
            if by_rule is None:
                continue  # 直接赋分 and the like: the evaluator's judgement
            candidates = by_rule or candidates
        related = [row.at("score"), row.at("weight"), row.at("completion_rate"), row.at("target"), row.at("actual")]
        ctx.touch(related[:2])
        values = _measures(row) | {"weight": row.weight.text}
        mine = rounded_to(row.score, conv.score_rounding)
        # a whole-point score below its due value is a deduction, not a truncated figure
        yield from compare_any(ctx, rule, row.at("score"), row.score, candidates, values, related, interval=mine,
                               truncation=row.score.places > 0)


def cutoff_applies(row: IndicatorRow, conv: Conventions) -> bool:
    """Whether the profile's cut-off (0 far above target) covers this row's level."""
    levels = (row.indicator.level1 or "") + (row.indicator.level2 or "")
    return any(level in levels for level in conv.cutoff_levels)


def check_deadline(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """A deadline missed (actual date after it) cannot be scored 100 % or full marks."""
    for row in rows(ctx, target, conventions(ctx)):
        if row.assessment.direction is not Direction.DEADLINE or row.assessment.met is not False:
            continue
        related = [row.at("completion_rate"), row.at("score"), row.at("target"), row.at("actual")]
        if row.rate is not None and Interval.of(row.rate).intersects(ONE):
            yield ctx.finding(rule, related[0], _measures(row), expected="<100%", found=row.rate.text, related=related)
        elif row.score is not None and Interval.of(row.score).intersects(Interval.point(row.weight.exact)):
            found = row.score.text
            yield ctx.finding(rule, related[1], _measures(row), expected=f"<{row.weight.text}", found=found, related=related)


def check_qualitative_band(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """A qualitative row's score (and printed rate) lies in the band of its achievement word."""
    conv = conventions(ctx)
    for row in rows(ctx, target, conv):
        actual = row.indicator.actual
        if row.assessment.direction is not Direction.QUALITATIVE or actual.kind is not MeasureKind.WORD:
            continue
        band = conv.band_of(actual.text)
        if band is None:
            continue
        values = _measures(row) | {"band": band[0]}
        related = [row.at("score"), row.at("weight"), row.at("completion_rate"), row.at("actual")]
        cells = [("score", row.score, band_scores(row.weight.exact, band[1])), ("completion_rate", row.rate, Interval(*band[1]))]
        for field, printed, allowed in cells:
            if printed is None:
                continue
            ctx.touch([row.at(field)])
            if Interval.of(printed).intersects(allowed):
                continue
            low, high = (format_fraction(bound, printed.places, printed.percent) for bound in (allowed.lo, allowed.hi))
            yield ctx.finding(rule, row.at(field), values, expected=f"{low}–{high}", found=printed.text, related=related)


def is_satisfaction(indicator: Indicator) -> bool:
    """A satisfaction indicator: 满意度 in its level or name, or scored by 满意度赋分."""
    texts = (indicator.level1, indicator.level2, indicator.name, indicator.scoring_rule)
    return any(text and "满意度" in text for text in texts)


def check_satisfaction(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """A satisfaction actual above 100 % is impossible."""
    for row in rows(ctx, target, conventions(ctx)):
        actual = row.indicator.actual
        value = actual_interval(actual)
        if value is None or actual.unit != "%" or not is_satisfaction(row.indicator):
            continue
        if value.lo > 1:
            at = row.at("actual")
            yield ctx.finding(rule, at, _measures(row), expected="<=100%", found=actual.text, related=[at])
