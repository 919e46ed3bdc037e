"""The Fraction interval arithmetic budgetcheck used before the integer ends, kept verbatim as the
reference the integer implementation (``budgetcheck.checks.intervals``) is compared with.

Only the imports changed: it reads figures through the public :class:`Figure` API.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from budgetcheck.model.figures import Figure, format_fraction

ZERO = Fraction(0)


@dataclass(frozen=True, slots=True)
class Interval:
    """An interval of exact values; ``lo_open``/``hi_open`` say whether an end is excluded."""

    lo: Fraction
    hi: Fraction
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def of(cls, figure: Figure) -> Interval:
        """The interval a printed figure stands for (a count is exactly its value)."""
        if figure.counted:
            return cls.point(figure.exact)
        lo, hi = figure.interval()
        return cls(lo, hi, figure.value <= 0, figure.value >= 0)

    @classmethod
    def truncated(cls, figure: Figure) -> Interval:
        """Every value that truncates (towards zero) to the figure: ``[v, v + 10^-d)`` for
        ``v > 0``, its mirror below 0, and ``(-10^-d, 10^-d)`` for a printed 0."""
        if figure.counted:
            return cls.point(figure.exact)
        step = 2 * figure.half_width / (100 if figure.percent else 1)
        value = figure.exact
        if value > 0:
            return cls(value, value + step, False, True)
        if value < 0:
            return cls(value - step, value, True, False)
        return cls(-step, step, True, True)

    @classmethod
    def point(cls, value: Fraction | int) -> Interval:
        """A degenerate interval holding one exact value."""
        return cls(Fraction(value), Fraction(value))

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.lo + other.lo, self.hi + other.hi, self.lo_open or other.lo_open, self.hi_open or other.hi_open
        )

    def __sub__(self, other: Interval) -> Interval:
        return Interval(
            self.lo - other.hi, self.hi - other.lo, self.lo_open or other.hi_open, self.hi_open or other.lo_open
        )

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __mul__(self, other: Interval) -> Interval:
        if self.lo >= 0 and other.lo >= 0:  # the usual case: two products, not four (hot path)
            return Interval(
                self.lo * other.lo, self.hi * other.hi,
                _open_product(self.lo, self.lo_open, other.lo, other.lo_open),
                _open_product(self.hi, self.hi_open, other.hi, other.hi_open),
            )
        return _corners([
            (a * b, _open_product(a, a_open, b, b_open))
            for a, a_open in self.ends() for b, b_open in other.ends()
        ])

    def ends(self) -> tuple[tuple[Fraction, bool], tuple[Fraction, bool]]:
        """The two ends with whether each is excluded."""
        return (self.lo, self.lo_open), (self.hi, self.hi_open)

    def reaches_zero(self) -> bool:
        """Whether 0 lies in the interval or at an excluded end (a divisor that may be 0 or
        arbitrarily close to it: the quotient is undefined or unbounded)."""
        return self.lo <= 0 <= self.hi

    def contains_zero(self) -> bool:
        """Whether 0 itself is one of the interval's values."""
        return self.contains(ZERO)

    def contains(self, value: Fraction) -> bool:
        """Whether ``value`` is one of the interval's values."""
        above = self.lo < value or (self.lo == value and not self.lo_open)
        return above and (value < self.hi or (value == self.hi and not self.hi_open))

    def __truediv__(self, other: Interval) -> Interval:
        if other.reaches_zero():
            raise ZeroDivisionError("divisor interval reaches zero")
        if self.lo >= 0 and other.lo > 0:  # the usual case, e.g. part / total (hot path)
            return Interval(
                self.lo / other.hi, self.hi / other.lo,
                _open_product(self.lo, self.lo_open, other.hi, other.hi_open),
                _open_product(self.hi, self.hi_open, other.lo, other.lo_open),
            )
        inverse = Interval(1 / other.hi, 1 / other.lo, other.hi_open, other.lo_open)
        return self * inverse

    def intersects(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        if self.lo < other.hi and other.lo < self.hi:  # overlap beyond a single end (hot path)
            return True
        if self.lo == other.hi:
            return not (self.lo_open or other.hi_open) and self.contains(self.lo)
        if other.lo == self.hi:
            return not (other.lo_open or self.hi_open) and other.contains(other.lo)
        return False

    def intersection(self, other: Interval) -> Interval | None:
        """The values both intervals hold, or None when they share none."""
        if not self.intersects(other):
            return None
        lo = max((self.lo, self.lo_open), (other.lo, other.lo_open))
        hi = min((self.hi, not self.hi_open), (other.hi, not other.hi_open))
        return Interval(lo[0], hi[0], lo[1], not hi[1])

    def clamp_max(self, cap: Interval) -> Interval:
        """min(self, cap) taken pointwise: the interval of the capped value."""
        lo = min((self.lo, not self.lo_open), (cap.lo, not cap.lo_open))
        hi = min((self.hi, self.hi_open), (cap.hi, cap.hi_open))
        return Interval(lo[0], hi[0], not lo[1], hi[1])

    def clamp_min(self, floor: Fraction) -> Interval:
        """max(self, floor) taken pointwise (the floor itself is a value when it is reached)."""
        lo = (self.lo, self.lo_open) if self.lo > floor else (floor, False)
        hi = (self.hi, self.hi_open) if self.hi > floor else (floor, False)
        return Interval(lo[0], hi[0], lo[1], hi[1])

    @property
    def mid(self) -> Fraction:
        """The midpoint, used as the "expected" figure in messages."""
        return (self.lo + self.hi) / 2

    def describe(self, places: int, percent: bool = False) -> str:
        """``[lo, hi)`` formatted with one more decimal than the printed figure."""
        p = places + 1
        left, right = "(" if self.lo_open else "[", ")" if self.hi_open else "]"
        return f"{left}{format_fraction(self.lo, p, percent)}, {format_fraction(self.hi, p, percent)}{right}"


def _open_product(a: Fraction, a_open: bool, b: Fraction, b_open: bool) -> bool:
    """Whether the corner ``a·b`` (or ``a/b``) is excluded: unless both ends are included,
    or one factor is an included 0 (0 times anything in the other interval is 0)."""
    if (a == 0 and not a_open) or (b == 0 and not b_open):
        return False
    return a_open or b_open


def _corners(values: list[tuple[Fraction, bool]]) -> Interval:
    """The interval spanned by corner values, each end included if any corner reaching it is."""
    lo = min(v for v, _ in values)
    hi = max(v for v, _ in values)
    lo_open = all(is_open for v, is_open in values if v == lo)
    hi_open = all(is_open for v, is_open in values if v == hi)
    return Interval(lo, hi, lo_open, hi_open)


def corner_range(values: list[tuple[Fraction, bool]]) -> Interval:
    """The range of a function monotone in each argument, from its values at the corners
    of the box (each with whether that corner is excluded)."""
    return _corners(values)


def total(intervals: list[Interval]) -> Interval:
    """The interval of a sum."""
    result = Interval.point(0)
    for item in intervals:
        result = result + item
    return result
