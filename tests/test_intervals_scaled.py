"""The integer interval arithmetic agrees with the plain-Fraction reference on every operation.

``budgetcheck.checks.intervals`` keeps each interval as integer ends over one denominator;
``tests/interval_reference.py`` is the Fraction implementation it replaced. Every
operation the check kinds use must give the same ends and the same open/closed flags, on
intervals of printed figures (rounded and truncated, amounts and percentages, any number
of decimals) and on intervals built from arbitrary fractions, inverted ones included (a
check may intersect two ranges by hand and get ``lo > hi``).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetcheck.model.figures import Figure, parse_figure
from budgetcheck.checks.intervals import Interval, corner_range, total
from tests import interval_reference as ref

Pair = tuple[Interval, ref.Interval]


def key(interval: Interval | ref.Interval) -> tuple[Fraction, bool, Fraction, bool]:
    """What an interval is: its ends (as exact fractions) and whether each is excluded."""
    return interval.lo, interval.lo_open, interval.hi, interval.hi_open


@st.composite
def figures(draw: Any) -> Figure:
    """A printed figure: an amount or a percentage with 0–4 decimals, sometimes a count."""
    places = draw(st.integers(min_value=0, max_value=4))
    units = draw(st.integers(min_value=-10**8, max_value=10**8) | st.integers(min_value=-3, max_value=3))
    text = f"{Decimal(units).scaleb(-places):,.{places}f}" + draw(st.sampled_from(["", "%"]))
    return parse_figure(text, counted=places == 0 and units >= 0 and draw(st.booleans()))


# Few distinct small values half the time, so that ends often meet exactly (where open and
# closed ends decide).
fractions = st.one_of(
    st.fractions(min_value=-10**6, max_value=10**6, max_denominator=10**4),
    st.integers(min_value=-2, max_value=2).map(Fraction),
    st.sampled_from([Fraction(1, 2), Fraction(-1, 2), Fraction(1, 200), Fraction(2, 3)]),
)


@st.composite
def pairs(draw: Any) -> Pair:
    """The same interval in both implementations, from a figure or from two fractions."""
    how = draw(st.sampled_from(["of", "truncated", "point", "ends"]))
    if how in ("of", "truncated"):
        figure = draw(figures())
        return getattr(Interval, how)(figure), getattr(ref.Interval, how)(figure)
    if how == "point":
        value = draw(fractions)
        return Interval.point(value), ref.Interval.point(value)
    lo, hi, lo_open, hi_open = draw(fractions), draw(fractions), draw(st.booleans()), draw(st.booleans())
    if draw(st.integers(0, 9)) > 0:  # mostly ordered, sometimes inverted
        lo, hi = min(lo, hi), max(lo, hi)
    return Interval(lo, hi, lo_open, hi_open), ref.Interval(lo, hi, lo_open, hi_open)


@st.composite
def probes(draw: Any, pair: Pair) -> Fraction:
    """A value to test against an interval: often one of its ends, else any fraction."""
    new, _ = pair
    return draw(st.sampled_from([new.lo, new.hi, new.mid]) | fractions)


@settings(max_examples=400)
@given(figures())
def test_figures_stand_for_the_same_intervals(figure: Figure) -> None:
    assert key(Interval.of(figure)) == key(ref.Interval.of(figure))
    assert key(Interval.truncated(figure)) == key(ref.Interval.truncated(figure))


@settings(max_examples=400)
@given(pairs(), pairs())
def test_sum_difference_and_product_agree(a: Pair, b: Pair) -> None:
    assert key(a[0] + b[0]) == key(a[1] + b[1])
    assert key(a[0] - b[0]) == key(a[1] - b[1])
    assert key(a[0] * b[0]) == key(a[1] * b[1])
    assert key(-a[0]) == key(-a[1])


@settings(max_examples=400)
@given(pairs(), pairs())
def test_quotients_agree_and_fail_alike(a: Pair, b: Pair) -> None:
    try:
        expected = key(a[1] / b[1])
    except ZeroDivisionError:  # a divisor reaching 0, or an inverted one with an end at 0
        with pytest.raises(ZeroDivisionError):
            a[0] / b[0]
        return
    assert key(a[0] / b[0]) == expected


@settings(max_examples=400)
@given(pairs(), pairs())
def test_intersections_and_clamps_agree(a: Pair, b: Pair) -> None:
    assert a[0].intersects(b[0]) == a[1].intersects(b[1])
    found, expected = a[0].intersection(b[0]), a[1].intersection(b[1])
    assert (found is None and expected is None) or (found is not None and expected is not None and key(found) == key(expected))
    assert key(a[0].clamp_max(b[0])) == key(a[1].clamp_max(b[1]))
    assert key(a[0].clamp_min(b[0].lo)) == key(a[1].clamp_min(b[1].lo))


@settings(max_examples=400)
@given(st.data())
def test_containment_and_open_ends_agree(data: st.DataObject) -> None:
    new, old = pair = data.draw(pairs())
    value = data.draw(probes(pair))
    assert new.contains(value) == old.contains(value)
    assert (new.contains_zero(), new.reaches_zero()) == (old.contains_zero(), old.reaches_zero())
    assert new.ends() == old.ends() and new.mid == old.mid
    assert new.describe(2, True) == old.describe(2, True) and new.describe(0) == old.describe(0)


@given(st.lists(pairs(), max_size=8))
def test_totals_agree(items: list[Pair]) -> None:
    assert key(total([new for new, _ in items])) == key(ref.total([old for _, old in items]))


@given(st.lists(st.tuples(fractions, st.booleans()), min_size=1, max_size=8))
def test_corner_ranges_agree(corners: list[tuple[Fraction, bool]]) -> None:
    assert key(corner_range(corners)) == key(ref.corner_range(corners))


@given(pairs(), pairs())
def test_equality_and_hash_follow_the_values(a: Pair, b: Pair) -> None:
    assert (a[0] == b[0]) == (a[1] == b[1])
    if a[0] == b[0]:
        assert hash(a[0]) == hash(b[0])
    same = Interval(a[0].lo, a[0].hi, a[0].lo_open, a[0].hi_open) + Interval.point(Fraction(0, 7) + Fraction(1, 3)) - Interval.point(Fraction(1, 3))
    assert same == a[0] and hash(same) == hash(a[0]) and repr(same) == repr(a[1])


@pytest.mark.parametrize("inverted_first", [True, False])
def test_an_inverted_range_touching_another_is_compared_as_before(inverted_first: bool) -> None:
    # Checks narrow ranges by hand (max of the lows, min of the highs), which can invert one.
    inverted, touching = (Fraction(2), Fraction(1)), (Fraction(0), Fraction(2))
    pairs_ = [(Interval(*ends), ref.Interval(*ends)) for ends in (inverted, touching)]
    (a_new, a_old), (b_new, b_old) = pairs_ if inverted_first else pairs_[::-1]
    assert a_new.intersects(b_new) == a_old.intersects(b_old)
    assert b_new.intersects(a_new) == b_old.intersects(a_old)
