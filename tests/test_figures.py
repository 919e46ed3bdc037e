"""Printed figures keep their value, precision and text; intervals are exact."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetcheck.model.figures import FigureError, format_fraction, is_placeholder, parse_figure
from budgetcheck.checks.intervals import Interval, total


@pytest.mark.parametrize(
    ("text", "value", "places", "percent"),
    [
        ("1,085.20", Decimal("1085.20"), 2, False),
        ("93.61%", Decimal("93.61"), 2, True),
        ("-138.94", Decimal("-138.94"), 2, False),
        ("10", Decimal("10"), 0, False),
        ("１，０８５．２０", Decimal("1085.20"), 2, False),
        ("0.9361", Decimal("0.9361"), 4, False),
        ("+2.78", Decimal("2.78"), 2, False),
    ],
)
def test_parse_keeps_value_and_precision(text: str, value: Decimal, places: int, percent: bool) -> None:
    figure = parse_figure(text)
    assert (figure.value, figure.places, figure.percent, figure.text) == (value, places, percent, text)


def test_suffix_units_are_accepted_only_when_declared() -> None:
    assert parse_figure("100.00分", suffixes=("分",)).value == Decimal("100.00")
    with pytest.raises(FigureError):
        parse_figure("100.00分")


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "12,34.5", "1e5", "NaN", "inf", "--1"])
def test_non_numbers_are_rejected(text: str) -> None:
    with pytest.raises(FigureError):
        parse_figure(text)


def test_percent_sign_rejected_for_amounts_and_bare_percent_points_accepted() -> None:
    with pytest.raises(FigureError):
        parse_figure("9%", percent=False)
    assert parse_figure("93.61", percent=True).exact == Fraction(9361, 10000)


@pytest.mark.parametrize("text", ["/", "—", "——", "-", " ", "／"])
def test_placeholders(text: str) -> None:
    assert is_placeholder(text)
    assert not is_placeholder("0")


def test_interval_is_half_a_unit_either_side() -> None:
    lo, hi = parse_figure("1.10").interval()
    assert (lo, hi) == (Fraction(1095, 1000), Fraction(1105, 1000))
    lo, hi = parse_figure("93.61%").interval()
    assert (lo, hi) == (Fraction(93605, 10**5), Fraction(93615, 10**5))


def test_truncation_interval_points_away_from_zero() -> None:
    assert parse_figure("38.28").truncation_interval() == (Fraction(3828, 100), Fraction(3829, 100))
    assert parse_figure("-1.5").truncation_interval() == (Fraction(-16, 10), Fraction(-15, 10))


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=4))
def test_every_rounded_value_lies_in_its_interval(units: int, places: int) -> None:
    true_value = Fraction(units, 10**6)
    printed = format_fraction(true_value, places)
    lo, hi = parse_figure(printed).interval()
    assert lo <= true_value <= hi


def test_interval_arithmetic() -> None:
    a, b = Interval(Fraction(1), Fraction(2)), Interval(Fraction(3), Fraction(5))
    assert a + b == Interval(Fraction(4), Fraction(7))
    assert b - a == Interval(Fraction(1), Fraction(4))
    assert a / b == Interval(Fraction(1, 5), Fraction(2, 3))
    with pytest.raises(ZeroDivisionError):
        a / Interval(Fraction(-1), Fraction(1))
    assert not a.intersects(b) and a.intersects(Interval(Fraction(2), Fraction(9)))


# -- half-open intervals ----------------------------------------------------------
def test_a_rounded_figure_is_half_open_and_mirrored_below_zero() -> None:
    up, down, zero = (Interval.of(parse_figure(t)) for t in ("2.50", "-2.50", "0.00"))
    assert (up.lo_open, up.hi_open) == (False, True)
    assert (down.lo_open, down.hi_open) == (True, False)
    assert (zero.lo_open, zero.hi_open) == (True, True)
    assert up.contains(Fraction("2.495")) and not up.contains(Fraction("2.505"))
    assert not zero.contains(Fraction("0.005")) and not zero.contains(Fraction("-0.005"))


def test_touching_ends_meet_only_when_both_are_included() -> None:
    printed, same_precision = Interval.of(parse_figure("101%")), Interval.of(parse_figure("100%"))
    assert not printed.intersects(same_precision)  # 100.5 % rounds to 101 %, not to 100 %
    assert not Interval.of(parse_figure("1,085.33")).intersects(Interval.of(parse_figure("1,085.34")))
    assert Interval.of(parse_figure("1,085.3")).intersects(Interval.of(parse_figure("1,085.33")))
    assert Interval.point(Fraction("2.495")).intersects(Interval.of(parse_figure("2.50")))
    assert not Interval.point(Fraction("2.505")).intersects(Interval.of(parse_figure("2.50")))


def test_sums_and_quotients_keep_track_of_excluded_ends() -> None:
    parts = total([Interval.of(parse_figure("5.00")), Interval.of(parse_figure("5.00"))])
    assert (parts.lo, parts.hi, parts.lo_open, parts.hi_open) == (Fraction("9.99"), Fraction("10.01"), False, True)
    share = Interval.of(parse_figure("60.00")) / Interval.of(parse_figure("80.00"))
    assert share.lo_open and share.hi_open  # 59.995 / 80.005 and 60.005 / 79.995: an excluded operand end each
    nothing = Interval.of(parse_figure("0.00")).clamp_min(Fraction(0)) / Interval.of(parse_figure("80.00"))
    assert nothing.lo == 0 and not nothing.lo_open  # 0 / anything is 0


def test_truncated_figures_and_the_truncated_zero() -> None:
    cut = Interval.truncated(parse_figure("6.5"))
    assert (cut.lo, cut.hi, cut.lo_open, cut.hi_open) == (Fraction("6.5"), Fraction("6.6"), False, True)
    rate = Interval.truncated(parse_figure("43%"))
    assert (rate.lo, rate.hi, rate.lo_open, rate.hi_open) == (Fraction("0.43"), Fraction("0.44"), False, True)
    whole = Interval.truncated(parse_figure("6"))
    assert (whole.lo, whole.hi, whole.lo_open, whole.hi_open) == (6, 7, False, True)
    zero = Interval.truncated(parse_figure("0.00"))
    assert (zero.lo, zero.hi, zero.lo_open, zero.hi_open) == (Fraction("-0.01"), Fraction("0.01"), True, True)


def test_counts_are_exact() -> None:
    count = parse_figure("5", counted=True)
    assert Interval.of(count) == Interval.point(5) == Interval.truncated(count)
    assert Interval.of(parse_figure("5")) != Interval.point(5)
