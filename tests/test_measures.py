"""Indicator targets and actuals parse into operator, number, unit, dates or words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from budgetcheck.model.measures import MeasureKind, parse_measure


@pytest.mark.parametrize(
    ("text", "operator", "value", "unit"),
    [
        (">=90%", ">=", Decimal("90"), "%"),
        ("<=144万元", "<=", Decimal("144"), "万元"),
        ("=1套", "=", Decimal("1"), "套"),
        ("≥95%", ">=", Decimal("95"), "%"),
        ("=99.47%", "=", Decimal("99.47"), "%"),
        ("<=55微克/立方米", "<=", Decimal("55"), "微克/立方米"),
        ("20", "=", Decimal("20"), ""),
        ("＞＝１０个", ">=", Decimal("10"), "个"),
    ],
)
def test_numeric_targets(text: str, operator: str, value: Decimal, unit: str) -> None:
    measure = parse_measure(text)
    assert measure.kind is MeasureKind.NUMBER
    assert (measure.operator, measure.figure.value, measure.unit, measure.text) == (operator, value, unit, text)


@pytest.mark.parametrize(
    ("text", "date", "deadline"),
    [
        ("2024年12月15日前", dt.date(2024, 12, 15), True),
        ("=2024年12月15日前", dt.date(2024, 12, 15), True),
        ("2025年5月17日", dt.date(2025, 5, 17), False),
        ("2024年12月底前", dt.date(2024, 12, 31), True),
        ("2024-06-26", dt.date(2024, 6, 26), False),
    ],
)
def test_dates_and_deadlines(text: str, date: dt.date, deadline: bool) -> None:
    measure = parse_measure(text)
    assert measure.kind is MeasureKind.DATE
    assert (measure.date, measure.by_deadline) == (date, deadline)


@pytest.mark.parametrize("text", ["提升", "有效保障", "达到预期指标", "2024年13月1日", "PM2.5达标"])
def test_words(text: str) -> None:
    assert parse_measure(text).kind is MeasureKind.WORD


@pytest.mark.parametrize("text", ["/", "—", "-", "", None])
def test_placeholders(text: object) -> None:
    assert parse_measure(text).kind is MeasureKind.PLACEHOLDER
