"""Exact interval arithmetic over printed figures (docs/domain.md §3)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .figures import Figure, format_fraction


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of exact values: every true value a rounded figure may stand for."""

    lo: Fraction
    hi: Fraction

    @classmethod
    def of(cls, figure: Figure) -> Interval:
        """The interval a printed figure stands for."""
        return cls(*figure.interval())

    @classmethod
    def point(cls, value: Fraction | int) -> Interval:
        """A degenerate interval holding one exact value."""
        return cls(Fraction(value), Fraction(value))

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __mul__(self, other: Interval) -> Interval:
        if self.lo >= 0 and other.lo >= 0:  # the usual case: two products, not four (hot path)
            return Interval(self.lo * other.lo, self.hi * other.hi)
        corners = (self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi)
        return Interval(min(corners), max(corners))

    def contains_zero(self) -> bool:
        """Whether 0 lies in the interval (a divisor that may be zero)."""
        return self.lo <= 0 <= self.hi

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains_zero():
            raise ZeroDivisionError("divisor interval reaches zero")
        if self.lo >= 0 and other.lo > 0:  # the usual case, e.g. part / total (hot path)
            return Interval(self.lo / other.hi, self.hi / other.lo)
        inverse = Interval(1 / other.hi, 1 / other.lo)
        return self * inverse

    def intersects(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        return self.lo <= other.hi and other.lo <= self.hi

    def clamp_max(self, cap: Interval) -> Interval:
        """min(self, cap) taken pointwise: the interval of the capped value."""
        return Interval(min(self.lo, cap.lo), min(self.hi, cap.hi))

    def clamp_min(self, floor: Fraction) -> Interval:
        """max(self, floor) taken pointwise."""
        return Interval(max(self.lo, floor), max(self.hi, floor))

    @property
    def mid(self) -> Fraction:
        """The midpoint, used as the "expected" figure in messages."""
        return (self.lo + self.hi) / 2

    def describe(self, places: int, percent: bool = False) -> str:
        """``[lo, hi]`` formatted with one more decimal than the printed figure."""
        p = places + 1
        return f"[{format_fraction(self.lo, p, percent)}, {format_fraction(self.hi, p, percent)}]"


def total(intervals: list[Interval]) -> Interval:
    """The interval of a sum."""
    result = Interval.point(0)
    for item in intervals:
        result = result + item
    return result
