"""Exact interval arithmetic over printed figures, with open and closed ends (docs/domain.md).

A figure rounded half away from zero stands for a half-open interval: ``2.50`` is every
value in ``[2.495, 2.505)``, ``-2.50`` every value in ``(-2.505, -2.495]``, ``0.00`` every
value in ``(-0.005, 0.005)``. Each :class:`Interval` remembers which of its ends it
includes, and the operations keep track of it:

- a sum includes an end only if every summand includes it (the sum of half-open intervals
  is half-open); a difference pairs each end with the other operand's opposite end;
- a product or quotient of monotone operands takes its extremes at corners, and includes
  one only where both corner ends are included (or a factor is an included 0);
- two intervals intersect when they share a value: a printed ``101%`` ``[100.5 %, 101.5 %)``
  does not meet a recomputed ``[99.5 %, 100.5 %)``.

Both ends are integers over one positive denominator, a power of ten for a printed figure
(``[2.495, 2.505)`` is ``[2495, 2505) / 1000``): sums and comparisons align denominators
and work on integers, products multiply them, quotients carry a general one. Everything is
exact; a :class:`~fractions.Fraction` is made only when a caller reads an end (``lo``,
``hi``, ``ends()``, ``mid``), which is far rarer than the arithmetic (issue 14).
"""

from __future__ import annotations

from ..model.exact import Fraction
from math import gcd

from ..model.figures import Figure, format_fraction

ZERO = Fraction(0)
_POW10 = tuple(10**i for i in range(40))


class Interval:
    """An interval of exact values; ``lo_open``/``hi_open`` say whether an end is excluded.

    ``Interval(lo, hi, lo_open, hi_open)`` takes the ends as Fractions or ints; treat an
    interval as immutable (every operation returns a new one).
    """

    __slots__ = ("_ln", "_hn", "_den", "lo_open", "hi_open")
    _ln: int
    _hn: int
    _den: int
    lo_open: bool
    hi_open: bool

    def __init__(self, lo: Fraction | int, hi: Fraction | int, lo_open: bool = False, hi_open: bool = False) -> None:
        lo_den, hi_den = lo.denominator, hi.denominator
        den = lo_den if lo_den == hi_den else lo_den // gcd(lo_den, hi_den) * hi_den
        self._ln, self._hn, self._den = lo.numerator * (den // lo_den), hi.numerator * (den // hi_den), den
        self.lo_open, self.hi_open = lo_open, hi_open

    @classmethod
    def of(cls, figure: Figure) -> Interval:
        """The interval a printed figure stands for (a count is exactly its value)."""
        if figure.counted:
            return cls.point(figure.exact)
        num, den = figure.value.as_integer_ratio()
        unit = _POW10[figure.places] if figure.places < 40 else 10**figure.places
        per_unit, rest = divmod(unit, den)
        if rest == 0:  # printed decimals cover the value: v·10^p ± 0.5 over 10^(p+1)
            centre = 10 * num * per_unit
            low, high, den = centre - 5, centre + 5, 10 * unit
        else:
            low, high, den = 2 * unit * num - den, 2 * unit * num + den, 2 * unit * den
        return _make(low, high, den * 100 if figure.percent else den, num <= 0, num >= 0)

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
        if not isinstance(value, (int, Fraction)):
            value = Fraction(value)
        return _make(value.numerator, value.numerator, value.denominator, False, False)

    @property
    def lo(self) -> Fraction:
        """The lower end."""
        return Fraction(self._ln, self._den)

    @property
    def hi(self) -> Fraction:
        """The upper end."""
        return Fraction(self._hn, self._den)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        return (
            self.lo_open == other.lo_open and self.hi_open == other.hi_open
            and self._ln * other._den == other._ln * self._den and self._hn * other._den == other._hn * self._den
        )

    def __hash__(self) -> int:
        common = gcd(self._ln, self._hn, self._den)  # equal intervals reduce to the same ends
        return hash((self._ln // common, self._hn // common, self._den // common, self.lo_open, self.hi_open))

    def __repr__(self) -> str:
        return f"Interval(lo={self.lo!r}, hi={self.hi!r}, lo_open={self.lo_open!r}, hi_open={self.hi_open!r})"

    def __add__(self, other: Interval) -> Interval:
        lo_open, hi_open = self.lo_open or other.lo_open, self.hi_open or other.hi_open
        if self._den == other._den:  # the usual case: figures printed to the same decimals
            return _make(self._ln + other._ln, self._hn + other._hn, self._den, lo_open, hi_open)
        a_lo, a_hi, b_lo, b_hi, den = _aligned(self, other)
        return _make(a_lo + b_lo, a_hi + b_hi, den, lo_open, hi_open)

    def __sub__(self, other: Interval) -> Interval:
        a_lo, a_hi, b_lo, b_hi, den = _aligned(self, other)
        return _make(a_lo - b_hi, a_hi - b_lo, den, self.lo_open or other.hi_open, self.hi_open or other.lo_open)

    def __neg__(self) -> Interval:
        return _make(-self._hn, -self._ln, self._den, self.hi_open, self.lo_open)

    def __mul__(self, other: Interval) -> Interval:
        den = self._den * other._den
        if self._ln >= 0 and other._ln >= 0:  # the usual case: two products, not four (hot path)
            return _make(
                self._ln * other._ln, self._hn * other._hn, den,
                _open_product(self._ln, self.lo_open, other._ln, other.lo_open),
                _open_product(self._hn, self.hi_open, other._hn, other.hi_open),
            )
        return _span([
            (a * b, _open_product(a, a_open, b, b_open))
            for a, a_open in ((self._ln, self.lo_open), (self._hn, self.hi_open))
            for b, b_open in ((other._ln, other.lo_open), (other._hn, other.hi_open))
        ], den)

    def __truediv__(self, other: Interval) -> Interval:
        low, high, den = other._ln, other._hn, other._den
        if low <= 0 <= high or low == 0 or high == 0:  # (an end of 0 also when inverted, lo > hi)
            raise ZeroDivisionError("divisor interval reaches zero")
        if self._ln >= 0 and low > 0:  # the usual case, e.g. part / total (hot path)
            return _reduced(
                self._ln * den * low, self._hn * den * high, self._den * high * low,
                _open_product(self._ln, self.lo_open, high, other.hi_open),
                _open_product(self._hn, self.hi_open, low, other.lo_open),
            )
        # 1/x over an interval of one sign: [den/high, den/low] over high·low.
        return self * _reduced(den * low, den * high, high * low, other.hi_open, other.lo_open)

    def ends(self) -> tuple[tuple[Fraction, bool], tuple[Fraction, bool]]:
        """The two ends with whether each is excluded."""
        return (self.lo, self.lo_open), (self.hi, self.hi_open)

    def reaches_zero(self) -> bool:
        """Whether 0 lies in the interval or at an excluded end (a divisor that may be 0 or
        arbitrarily close to it: the quotient is undefined or unbounded)."""
        return self._ln <= 0 <= self._hn

    def contains_zero(self) -> bool:
        """Whether 0 itself is one of the interval's values."""
        return self.contains(0)

    def contains(self, value: Fraction | int) -> bool:
        """Whether ``value`` is one of the interval's values."""
        num, den = value.numerator * self._den, value.denominator
        low, high = self._ln * den, self._hn * den
        return (low < num or (low == num and not self.lo_open)) and (num < high or (num == high and not self.hi_open))

    def intersects(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        a, b = self._den, other._den
        a_lo, a_hi, b_lo, b_hi = self._ln * b, self._hn * b, other._ln * a, other._hn * a
        if a_lo < b_hi and b_lo < a_hi:  # overlap beyond a single end (hot path)
            return True
        if a_lo == b_hi:
            return not (self.lo_open or other.hi_open) and (a_lo < a_hi or (a_lo == a_hi and not self.hi_open))
        if b_lo == a_hi:
            return not (other.lo_open or self.hi_open) and (b_lo < b_hi or (b_lo == b_hi and not other.hi_open))
        return False

    def intersection(self, other: Interval) -> Interval | None:
        """The values both intervals hold, or None when they share none."""
        if not self.intersects(other):
            return None
        a_lo, a_hi, b_lo, b_hi, den = _aligned(self, other)
        # On a tie the excluded end is the one kept (as max/min over (end, flag) pairs).
        lo, lo_open = (a_lo, self.lo_open) if (a_lo, self.lo_open) >= (b_lo, other.lo_open) else (b_lo, other.lo_open)
        hi, hi_open = (a_hi, self.hi_open) if (a_hi, not self.hi_open) <= (b_hi, not other.hi_open) else (b_hi, other.hi_open)
        return _make(lo, hi, den, lo_open, hi_open)

    def clamp_max(self, cap: Interval) -> Interval:
        """min(self, cap) taken pointwise: the interval of the capped value."""
        a_lo, a_hi, b_lo, b_hi, den = _aligned(self, cap)
        lo, lo_open = (a_lo, self.lo_open) if (a_lo, not self.lo_open) <= (b_lo, not cap.lo_open) else (b_lo, cap.lo_open)
        hi, hi_open = (a_hi, self.hi_open) if (a_hi, self.hi_open) <= (b_hi, cap.hi_open) else (b_hi, cap.hi_open)
        return _make(lo, hi, den, lo_open, hi_open)

    def clamp_min(self, floor: Fraction | int) -> Interval:
        """max(self, floor) taken pointwise (the floor itself is a value when it is reached)."""
        den = self._den // gcd(self._den, floor.denominator) * floor.denominator
        scale, at = den // self._den, floor.numerator * (den // floor.denominator)
        low, high = self._ln * scale, self._hn * scale
        lo, lo_open = (low, self.lo_open) if low > at else (at, False)
        hi, hi_open = (high, self.hi_open) if high > at else (at, False)
        return _make(lo, hi, den, lo_open, hi_open)

    @property
    def mid(self) -> Fraction:
        """The midpoint, used as the "expected" figure in messages."""
        return Fraction(self._ln + self._hn, 2 * self._den)

    def describe(self, places: int, percent: bool = False) -> str:
        """``[lo, hi)`` formatted with one more decimal than the printed figure."""
        p = places + 1
        left, right = "(" if self.lo_open else "[", ")" if self.hi_open else "]"
        return f"{left}{format_fraction(self.lo, p, percent)}, {format_fraction(self.hi, p, percent)}{right}"


_new = object.__new__


def _make(low: int, high: int, den: int, lo_open: bool, hi_open: bool) -> Interval:
    """An interval from integer ends over a positive denominator (no normalising)."""
    made: Interval = _new(Interval)
    made._ln, made._hn, made._den, made.lo_open, made.hi_open = low, high, den, lo_open, hi_open
    return made


def _reduced(low: int, high: int, den: int, lo_open: bool, hi_open: bool) -> Interval:
    """Like :func:`_make` for any non-zero ``den``: the sign moves to the ends and a common
    factor is divided out (quotients would grow otherwise)."""
    common = gcd(low, high, den) if den > 0 else -gcd(low, high, den)
    if common != 1:
        low, high, den = low // common, high // common, den // common
    return _make(low, high, den, lo_open, hi_open)


def _aligned(a: Interval, b: Interval) -> tuple[int, int, int, int, int]:
    """Both intervals' ends over their least common denominator, and that denominator."""
    if a._den == b._den:
        return a._ln, a._hn, b._ln, b._hn, a._den
    common = gcd(a._den, b._den)
    to_a, to_b = b._den // common, a._den // common
    return a._ln * to_a, a._hn * to_a, b._ln * to_b, b._hn * to_b, a._den * to_a


def _open_product(a: int, a_open: bool, b: int, b_open: bool) -> bool:
    """Whether the corner ``a·b`` (or ``a/b``) is excluded: unless both ends are included,
    or one factor is an included 0 (0 times anything in the other interval is 0)."""
    if (a == 0 and not a_open) or (b == 0 and not b_open):
        return False
    return a_open or b_open


def _span(values: list[tuple[int, bool]], den: int) -> Interval:
    """The interval spanned by corner numerators over ``den``, each end included if any
    corner reaching it is."""
    lo = min(v for v, _ in values)
    hi = max(v for v, _ in values)
    lo_open = all(is_open for v, is_open in values if v == lo)
    hi_open = all(is_open for v, is_open in values if v == hi)
    return _make(lo, hi, den, lo_open, hi_open)


def corner_range(values: list[tuple[Fraction, bool]]) -> Interval:
    """The range of a function monotone in each argument, from its values at the corners
    of the box (each with whether that corner is excluded)."""
    lo = min(v for v, _ in values)
    hi = max(v for v, _ in values)
    lo_open = all(is_open for v, is_open in values if v == lo)
    hi_open = all(is_open for v, is_open in values if v == hi)
    return Interval(lo, hi, lo_open, hi_open)


def total(intervals: list[Interval]) -> Interval:
    """The interval of a sum."""
    low = high = 0
    den, lo_open, hi_open = 1, False, False
    for item in intervals:
        if item._den == den:
            low, high = low + item._ln, high + item._hn
        else:
            common = gcd(den, item._den)
            mine, theirs = item._den // common, den // common
            low, high, den = low * mine + item._ln * theirs, high * mine + item._hn * theirs, den * mine
        lo_open, hi_open = lo_open or item.lo_open, hi_open or item.hi_open
    return _make(low, high, den, lo_open, hi_open)
