"""Completion rates of performance indicators, recomputed from their target and actual.

Pure arithmetic, no report access (docs/domain.md §4). An indicator's target says which way it
points: forward (``>=``, ``>``, or ``=`` with a number: rate = actual / target), reverse
(``<=``, ``<``: met when actual ≤ target, rate 100 %), a deadline (``…前``: met when the
actual date is on or before it) or a word (qualitative: no rate to recompute).

Targets are exact (they are set, not measured); an actual stands for the interval of values
that round to it, except a whole count (``=305份``, ``=20天``), which is exact. A percentage
actual printed with fewer decimals than the table prints its other percentage actuals is read
at the table's precision (``=100%`` among ``=98.25%`` means 100.00 %). An actual that prints
the target's own figure (``2万元`` against ``2万元``, ``=95%`` against ``>=95%``) restates it
and is read as exactly the target. An actual date without
a day (``2024年8月``) stands for the whole month: a deadline inside that month is neither
certainly met nor certainly missed.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from ...model.exact import Fraction

from ..intervals import Interval
from ...model.measures import Measure, MeasureKind
from ...model.records import Frozen, set_field
from .profile_params import Conventions

ONE = Interval.point(1)
ZERO = Fraction(0)
MONEY_UNITS = {"万元": Fraction(1), "元": Fraction(1, 10_000)}


class Direction(str, Enum):
    """Which way an indicator points, read from its target."""

    FORWARD = "forward"
    REVERSE = "reverse"
    DEADLINE = "deadline"
    QUALITATIVE = "qualitative"
    UNKNOWN = "unknown"


class Assessment(Frozen):
    """What the target and actual of one indicator allow us to recompute.

    ``rates`` holds every completion rate some accepted convention gives (empty: the rate
    cannot be recomputed); ``met`` says whether a reverse or deadline target is certainly met.
    """

    __slots__ = ("direction", "rates", "met", "ratio")
    direction: Direction
    rates: tuple[Interval, ...]
    met: bool | None
    ratio: Interval | None
    """actual / target of a forward row, never capped (whatever rates the profile accepts)."""

    def __init__(
        self, direction: Direction, rates: tuple[Interval, ...] = (), met: bool | None = None,
        ratio: Interval | None = None,
    ) -> None:
        set_field(self, "direction", direction)
        set_field(self, "rates", rates)
        set_field(self, "met", met)
        set_field(self, "ratio", ratio)


def actual_interval(measure: Measure, percent_places: int = 0) -> Interval | None:
    """The values a printed actual stands for (a whole count is exact, a percentage is read at
    no fewer than ``percent_places`` decimals); None if not a number."""
    figure = measure.figure
    if measure.kind is not MeasureKind.NUMBER or figure is None:
        return None
    if figure.places == 0 and not figure.percent and measure.unit not in MONEY_UNITS:
        return Interval.point(figure.exact)
    if figure.percent and figure.places < percent_places:
        figure = replace(figure, places=percent_places)
    return Interval.of(figure)


def target_value(measure: Measure) -> Fraction | None:
    """The exact value of a numeric target, or None."""
    if measure.kind is not MeasureKind.NUMBER or measure.figure is None:
        return None
    return measure.figure.exact


def direction_of(target: Measure, name: str = "", conventions: Conventions | None = None) -> Direction:
    """Which way a target points: by its comparator, or, for a bare figure (``100%``, no
    comparator printed), reverse when the indicator's name is one the profile knows as
    lower-is-better (``…控制率``, ``…结转结余率``)."""
    if target.kind is MeasureKind.DATE:
        return Direction.DEADLINE if target.by_deadline else Direction.UNKNOWN
    if target.kind is MeasureKind.WORD:
        return Direction.QUALITATIVE
    if target.kind is MeasureKind.NUMBER:
        if target.operator in ("<=", "<"):
            return Direction.REVERSE
        if target.bare and conventions is not None and conventions.reverse_by_name(name):
            return Direction.REVERSE
        return Direction.FORWARD
    return Direction.UNKNOWN


def _deadline(target: Measure, actual: Measure) -> Assessment:
    """Met when the actual's last possible day is on or before the deadline, missed when its
    first possible day is after it; undecided (no rate) for a month that straddles it."""
    if actual.kind is not MeasureKind.DATE or actual.date is None or target.date is None:
        return Assessment(Direction.DEADLINE)
    if actual.date <= target.date:
        return Assessment(Direction.DEADLINE, (ONE,), met=True)
    if (actual.date_from or actual.date) > target.date:
        return Assessment(Direction.DEADLINE, (), met=False)
    return Assessment(Direction.DEADLINE)


def assess(target: Measure, actual: Measure, conventions: Conventions, percent_places: int = 0,
           name: str = "") -> Assessment:
    """Recompute the admissible completion rates of one indicator under the conventions
    (``percent_places``: the decimals the table prints its percentage actuals with;
    ``name``: the indicator's name, which says the direction of a bare target)."""
    direction = direction_of(target, name, conventions)
    if direction is Direction.DEADLINE:
        return _deadline(target, actual)
    if direction not in (Direction.FORWARD, Direction.REVERSE) or actual.unit != target.unit:
        return Assessment(direction)
    goal, value = target_value(target), actual_interval(actual, percent_places)
    if goal is None or value is None or goal <= 0:
        return Assessment(direction)
    if actual.figure is not None and target.figure is not None and actual.figure.value == target.figure.value:
        value = Interval.point(goal)  # the actual restates the target: achieved as planned
    value = value.clamp_min(ZERO)
    if direction is Direction.FORWARD:
        return Assessment(direction, forward_rates(value, goal, conventions), ratio=value / Interval.point(goal))
    return Assessment(direction, reverse_rates(value, goal, conventions), met=value.hi <= goal)


def forward_rates(actual: Interval, goal: Fraction, conventions: Conventions) -> tuple[Interval, ...]:
    """actual / target (``ratio``), and the same capped at 100 % where ``capped`` is accepted."""
    ratio = actual / Interval.point(goal)
    rates = [ratio] if "ratio" in conventions.forward_rate else []
    if "capped" in conventions.forward_rate:
        rates.append(ratio.clamp_max(ONE))
    return tuple(dict.fromkeys(rates))


def reverse_rates(actual: Interval, goal: Fraction, conventions: Conventions) -> tuple[Interval, ...]:
    """100 % when the actual may be within the target (and target/actual, above 100 %, where
    ``reverse_met_rate`` accepts it), plus each over-target convention.

    ``linear``: max(0, 2 − actual/target), i.e. 1 − the relative overrun; ``inverse``:
    target/actual. Both fall as the actual grows, so their bounds come from its two ends.
    """
    rates: list[Interval] = []
    if actual.lo <= goal:
        rates.append(ONE)
        if "inverse" in conventions.reverse_met_rate and actual.lo > 0:
            rates.append(Interval(goal / min(actual.hi, goal), goal / actual.lo))
    if actual.hi > goal:
        over = Interval(max(actual.lo, goal), actual.hi)
        if "linear" in conventions.reverse_over_target:
            rates.append(Interval(max(ZERO, 2 - over.hi / goal), max(ZERO, 2 - over.lo / goal)))
        if "inverse" in conventions.reverse_over_target:
            rates.append(Interval(goal / over.hi, goal / over.lo))
    return tuple(rates)


def money(measure: Measure, exact: bool = False) -> Interval | None:
    """A money target or actual in 万元 (``元`` converted); ``exact`` for a target. None if
    the cell is not an amount of money."""
    factor = MONEY_UNITS.get(measure.unit)
    if factor is None:
        return None
    if exact:
        goal = target_value(measure)
        return None if goal is None else Interval.point(goal * factor)
    value = actual_interval(measure)
    return None if value is None else value * Interval.point(factor)


def either(first: Assessment, second: Assessment) -> Assessment:
    """What two readings of one target allow together: every rate of either, met only when
    both are met, and the span of both ratios (a direction they disagree on is unknown)."""
    if first.direction is not second.direction:
        return Assessment(Direction.UNKNOWN)
    met = None if first.met is None or second.met is None else first.met and second.met
    ratio = None
    if first.ratio is not None and second.ratio is not None:
        ratio = Interval(min(first.ratio.lo, second.ratio.lo), max(first.ratio.hi, second.ratio.hi))
    return Assessment(first.direction, tuple(dict.fromkeys(first.rates + second.rates)), met=met, ratio=ratio)
