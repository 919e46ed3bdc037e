"""Indicator and execution scores by convention, as exact intervals (docs/domain.md §4).

Every function takes the interval of a completion rate and returns the interval of scores a
convention gives for it. The score functions are continuous and piecewise monotone, so their
range over an interval comes from its ends (and from the peak at 100 % where it lies inside).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from ..intervals import Interval
from .profile_params import Conventions
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


def score_ranges(
    weight: Fraction, rates: Sequence[Interval], direction: Direction, conventions: Conventions
) -> list[Interval]:
    """Every score interval an accepted convention gives for one of the completion ``rates``."""
    ranges: list[Interval] = []
    for rate in rates:
        if direction is Direction.FORWARD:
            ranges.extend(forward_score(weight, rate, name) for name in conventions.above_target)
        else:
            ranges.append(proportional_score(weight, rate))
    return list(dict.fromkeys(ranges))


def execution_score(weight: Fraction, rate: Interval, conventions: Conventions) -> Interval:
    """分值 × 执行率, capped at 分值 under ``execution_score: capped``."""
    if conventions.execution_score == "capped":
        return proportional_score(weight, rate)
    return _range(lambda r: weight * max(r, ZERO), rate)


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

