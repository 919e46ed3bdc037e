"""Indicator and execution scores by convention, as exact intervals (docs/domain.md §4).

Every function takes the interval of a completion rate and returns the interval of scores a
convention gives for it. The score functions are continuous and piecewise monotone, so their
range over an interval comes from its ends (and from the peak at 100 % where it lies inside).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from ...model.exact import Fraction

from ..intervals import Interval
from .profile_params import Conventions, StatedRule
from .rating import ZERO, Direction

ScoreFunction = Callable[[Fraction], Fraction]


def _range(function: ScoreFunction, rate: Interval, peak: Fraction | None = None) -> Interval:
    """The range of a continuous function that is monotone on each side of ``peak``."""
    points = [function(rate.lo), function(rate.hi)]
    if peak is not None and rate.lo < peak < rate.hi:
        points.append(function(peak))
    return Interval(min(points), max(points))


def forward_score(weight: Fraction, rate: Interval, convention: str) -> Interval:
    """Score of a forward indicator: weight × rate below target; at or above it ``full``
    keeps the weight and ``deviation`` deducts it, weight × max(0, 2 − rate)."""
    if convention == "deviation":
        return _range(lambda r: weight * max(ZERO, min(r, 2 - r)), rate, Fraction(1))
    return _range(lambda r: weight * min(r, Fraction(1)), rate)


def proportional_score(weight: Fraction, rate: Interval) -> Interval:
    """weight × min(rate, 100 %): reverse indicators, deadlines and capped execution scores."""
    return _range(lambda r: weight * min(max(r, ZERO), Fraction(1)), rate)


def cutoff_score(weight: Fraction, rate: Interval, cutoff: Fraction) -> list[Interval]:
    """Full marks up to ``cutoff``, 0 above it (a quantity far above target, Sichuan):
    the score ranges of the two parts of the rate interval."""
    parts = []
    if rate.lo <= cutoff:
        parts.append(forward_score(weight, Interval(rate.lo, min(rate.hi, cutoff)), "full"))
    if rate.hi > cutoff:
        parts.append(Interval.point(0))
    return parts


def score_ranges(
    weight: Fraction, rates: Sequence[Interval], direction: Direction, conventions: Conventions,
    cutoff_applies: bool = False,
) -> list[Interval]:
    """Every score interval an accepted convention gives for one of the completion ``rates``
    (``cutoff_applies``: the row is of a level the profile's ``cutoff`` convention covers)."""
    ranges: list[Interval] = []
    for rate in rates:
        if direction is not Direction.FORWARD:
            ranges.append(proportional_score(weight, rate))
            continue
        for name in conventions.above_target:
            if name != "cutoff":
                ranges.append(forward_score(weight, rate, name))
            elif cutoff_applies and conventions.cutoff_rate is not None:
                ranges.extend(cutoff_score(weight, rate, conventions.cutoff_rate))
    return list(dict.fromkeys(ranges))


def per_point_score(weight: Fraction, rate: Interval, step: Fraction, points: Fraction) -> Interval:
    """The weight less ``points`` for each ``step`` percentage points below 100 % (never
    below 0). A part of a step is counted either way (both readings are published), so
    the interval runs from every started step deducted to only the whole ones."""
    if rate.lo >= 1:
        return Interval.point(weight)
    least = max(ZERO, (1 - rate.hi) * 100) / step
    most = (1 - rate.lo) * 100 / step
    low = max(ZERO, weight - points * math.ceil(most))
    return Interval(low, max(low, weight - points * math.floor(least)))


def all_or_nothing_score(weight: Fraction, rate: Interval) -> list[Interval]:
    """The weight for a rate at or above 100 %, else 0 (both when the rate may be either)."""
    found = []
    if rate.hi >= 1:
        found.append(Interval.point(weight))
    if rate.lo < 1:
        found.append(Interval.point(0))
    return found


def stated_scores(weight: Fraction, rates: Sequence[Interval], direction: Direction, stated: StatedRule) -> list[Interval] | None:
    """The scores a 赋分规则 printed in the table gives for the ``rates``; ``[]`` when the
    formula does not cover the row's direction (the profile's conventions then apply);
    None for a judged row (no score follows from its rate)."""
    if stated.formula == "judged":
        return None
    forward = direction is Direction.FORWARD
    found: list[Interval] = []
    for rate in rates:
        if stated.formula == "all_or_nothing" and direction in (Direction.FORWARD, Direction.REVERSE):
            found.extend(all_or_nothing_score(weight, rate))
        elif stated.formula == "capped" and forward:
            found.append(forward_score(weight, rate, "full"))
        elif stated.formula == "per_point" and forward and stated.step is not None and stated.points is not None:
            found.append(per_point_score(weight, rate, stated.step, stated.points))
    return list(dict.fromkeys(found))


def threshold_share(rate: Interval, thresholds: Sequence[tuple[Fraction, Fraction]]) -> Interval | None:
    """The share of the weight a threshold table gives any rate of the interval (bands sorted
    from the highest minimum down; a rate below every minimum has no share: None)."""
    uppers = (None, *(minimum for minimum, _ in thresholds))
    reached = [share for (minimum, share), upper in zip(thresholds, uppers)
               if rate.hi >= minimum and (upper is None or rate.lo < upper)]
    if not reached:
        return None
    return Interval(min(reached), max(reached))


def execution_scores(weight: Fraction, rate: Interval, conventions: Conventions) -> list[Interval]:
    """The execution scores the profile accepts: 分值 × 执行率 ``capped`` at 分值 or
    ``uncapped``, by ``thresholds`` of 执行率, or ``full`` marks whatever the rate."""
    found: list[Interval] = []
    for name in conventions.execution_score:
        if name == "capped":
            found.append(proportional_score(weight, rate))
        elif name == "uncapped":
            found.append(_range(lambda r: weight * max(r, ZERO), rate))
        elif name == "full":
            found.append(Interval.point(weight))
        else:
            share = threshold_share(rate, conventions.execution_thresholds)
            if share is not None:
                found.append(Interval(weight * share.lo, weight * share.hi))
    return found


def classify_above_target(weight: Fraction, rate: Interval, score: Interval) -> str | None:
    """How a score above target was given: ``full``, ``deviation``, ``ambiguous`` (both fit
    the printed rounding) or None (neither: a different formula, left to the score rule)."""
    full = score.intersects(Interval.point(weight))
    deducted = score.intersects(forward_score(weight, rate, "deviation"))
    if full and deducted:
        return "ambiguous"
    return "full" if full else "deviation" if deducted else None


def grades_for(score: Interval, conventions: Conventions) -> list[str]:
    """The grades any value of a total-score interval falls in (bands sorted high to low)."""
    grades: list[str] = []
    upper: Fraction | None = None
    for grade, minimum in conventions.grade_bands:
        if score.hi >= minimum and (upper is None or score.lo < upper):
            grades.append(grade)
        upper = minimum
    return grades


def band_scores(weight: Fraction, band: tuple[Fraction, Fraction]) -> Interval:
    """The scores a qualitative achievement band allows: [weight × low, weight × high]."""
    return Interval(weight * band[0], weight * band[1])


def in_range(score: Interval, weight: Fraction) -> bool:
    """Whether a printed score may lie in [0, weight]."""
    return score.intersects(Interval(ZERO, weight))

