"""The fast paths of cell parsing read every cell as the general parser did.

``parse_figure`` reads plain ASCII cells without folding or unit words, ``parse_measure``
normalises once and skips the comparator grammar for a cell that starts with a digit;
``tests/parse_reference.py`` keeps both parsers as they were. On cells drawn from the
printed forms (signs, separators right and wrong, decimals, ``%``, full-width and other
Unicode digits, spaces, unit words, comparators, dates, words, placeholders) both must
give the same record, or fail with the same message.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetcheck.model.figures import Figure, FigureError, parse_figure
from budgetcheck.model.measures import Measure, parse_measure
from tests import parse_reference as ref

UNIT_TABLES = [(), ("万元", "元"), ("分",), ("人", "辆", "个", "台", "台（套）", "次", "批次", "人次", "份"), ("0", "%")]

pieces = st.sampled_from([
    "0", "1", "2", "5", "9", "12", "100", "1,234", "12,34", ",", ".", ".5", "%", "-", "+", " ", "\u3000", "\t",
    "０", "１", "．", "，", "％", "－", "٣", "万元", "元", "分", "人次", "次", "套", "≥", ">=", "<", "≤", "=",
    "不低于", "小于", "年", "月", "日", "前", "2024", "/", "—", "无", "不适用", "e5", "E", "-0", "0.00",
])


@st.composite
def cells(draw: Any) -> str:
    """A cell text: mostly a plain printed number, else a jumble of printed pieces."""
    if draw(st.booleans()):
        places = draw(st.integers(min_value=0, max_value=4))
        units = draw(st.integers(min_value=-10**9, max_value=10**9))
        text = f"{Decimal(units).scaleb(-places):{draw(st.sampled_from([',', '']))}.{places}f}"
        return draw(st.sampled_from(["", " ", "  "])) + text + draw(st.sampled_from(["", "%", " ", "万元", "分", "人次"]))
    return "".join(draw(st.lists(pieces, max_size=6)))


def outcome(parse: Any, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
    """A parse's result as comparable data: every field (the exact Decimal text too), or the error."""
    try:
        found = parse(*args, **kwargs)
    except FigureError as exc:
        return ("error", str(exc))
    return described(found)


def described(found: Figure | Measure | None) -> tuple[Any, ...]:
    if isinstance(found, Figure):
        return ("figure", str(found.value), found.places, found.percent, found.text, found.counted)
    if isinstance(found, Measure):
        fields = (found.kind, found.text, found.operator, found.unit, found.date, found.by_deadline, found.date_from)
        return ("measure", *fields, described(found.figure))
    return ("none",)


@settings(max_examples=600)
@given(cells(), st.sampled_from(UNIT_TABLES), st.sampled_from([None, True, False]), st.booleans())
def test_figures_parse_as_before(text: str, suffixes: tuple[str, ...], percent: bool | None, counted: bool) -> None:
    options = {"suffixes": suffixes, "percent": percent, "counted": counted}
    assert outcome(parse_figure, text, **options) == outcome(ref.parse_figure, text, **options)


@settings(max_examples=600)
@given(st.one_of(cells(), st.sampled_from([">=90%", "≥95%", "=1套", "2024年12月前", "100%", "2024.12", "10个"]).flatmap(
    lambda base: st.just(base) | cells().map(lambda tail: base + tail))))
def test_measures_parse_as_before(text: str) -> None:
    assert outcome(parse_measure, text) == outcome(ref.parse_measure, text)


@pytest.mark.parametrize("raw", [None, True, 12, Decimal("3.50"), 2.5, "", "1,234.567", "-0.00", "1,2345", "١٢"])
def test_other_inputs_parse_as_before(raw: object) -> None:
    assert outcome(parse_figure, raw) == outcome(ref.parse_figure, raw)
    assert outcome(parse_measure, raw) == outcome(ref.parse_measure, raw)
