"""Scores that fall as the completion rate rises under one 赋分规则 (non-monotone scoring).

Below its target every accepted convention scores a forward row weight × rate, so among the
rows of one 赋分规则 (or of one table, for rows without one) the share of the weight scored
rises with the completion rate. A row whose rate is certainly higher than another's but
whose share is certainly lower was scored by a different rule: a warning at that row.
Scores' rounding intervals are half-open ([v − h, v + h)), so two shares that only touch do
not overlap; rates must be strictly ordered (two met rows are both at exactly 100 %).
Rows above target are left out (the deviation convention lowers their scores on purpose),
and so are rows whose printed 赋分规则 states points per step (a share that depends on the
weight) or the evaluator's judgement (no share follows from the rate).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ...catalogue.rules import Rule
from ...catalogue.targets import TablesTarget
from ...model.figures import format_fraction
from ...result import Finding
from ..intervals import Interval
from .consistency import rule_group, scored_rows
from ..context import Context
from .precision import rounded_to
from .profile_params import Conventions
from .rating import Direction
from .indicator_rows import IndicatorRow, conventions, printed_rate


_NOT_PROPORTIONAL = ("per_point", "judged")


def _below_target(row: IndicatorRow, conv: Conventions) -> tuple[Interval, Interval] | None:
    """(rate, share of the weight scored) of a forward row at or below its target."""
    if row.assessment.direction is not Direction.FORWARD or row.score is None or row.weight.exact <= 0:
        return None
    stated = conv.stated_rule(row.indicator.scoring_rule)
    if stated is not None and stated.formula in _NOT_PROPORTIONAL:
        return None
    rates = printed_rate(row)
    if not rates or max(rate.hi for rate in rates) > 1:
        return None
    rate = Interval(min(r.lo for r in rates), max(r.hi for r in rates))
    score, weight = rounded_to(row.score, conv.score_rounding), row.weight.exact
    return rate, Interval(score.lo / weight, score.hi / weight)


def check_monotone(ctx: Context, rule: Rule, target: TablesTarget) -> Iterator[Finding]:
    """Among rows of one rule below target, a higher rate never scores a lower share."""
    groups: dict[tuple[str, Any], list[tuple[IndicatorRow, Interval, Interval]]] = defaultdict(list)
    conv = conventions(ctx)
    for row in scored_rows(ctx, target, conv):
        measured = _below_target(row, conv)
        if measured is not None:
            groups[rule_group(row)].append((row, *measured))
    for members in groups.values():
        for row, rate, share in members:
            lower = next(((other, o_rate, o_share) for other, o_rate, o_share in members
                          if o_rate.hi < rate.lo and o_share.lo >= share.hi), None)
            if lower is not None:
                yield _finding(ctx, rule, row, rate, lower)


def _finding(ctx: Context, rule: Rule, row: IndicatorRow, rate: Interval, lower: tuple[IndicatorRow, Interval, Interval]) -> Finding:
    other, other_rate, other_share = lower
    score = row.score
    if score is None:  # pragma: no cover - unscored rows are never measured
        raise ValueError("unscored row")
    due = row.weight.exact * rate.lo
    values = row.values(rate=format_fraction(rate.mid, 2, True), other=other.indicator.name,
                        other_rate=format_fraction(other_rate.mid, 2, True),
                        other_share=format_fraction(other_share.mid, 0, True), share=format_fraction(score.exact / row.weight.exact, 0, True))
    related = [row.at("score"), row.at("completion_rate"), other.at("score"), other.at("completion_rate")]
    return ctx.finding(rule, row.at("score"), values, expected=f">={format_fraction(due, max(score.places, 2))}",
                       found=score.text, related=related)
