"""Indicator targets and actuals: ``>=90%``, ``<=144万元``, ``=1套``, deadlines, words."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from .figures import PLACEHOLDERS, Figure, FigureError, normalise, parse_figure

# Comparators as printed (symbols, their full-width and OCR forms, words) → the operator.
_OPERATORS = {
    ">=": ">=", "≥": ">=", "≧": ">=", "=>": ">=", "<=": "<=", "≤": "<=", "≦": "<=", "‹=": "<=", "=<": "<=",
    "=": "=", "═": "=", "==": "=", ">": ">", "<": "<", "‹": "<", "›": ">",
    "大于等于": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=",
    "小于等于": "<=", "不超过": "<=", "不高于": "<=", "不多于": "<=", "不大于": "<=",
    "小于": "<", "低于": "<", "少于": "<", "大于": ">", "高于": ">", "多于": ">", "等于": "=",
}
_SYMBOLS = sorted((op for op in _OPERATORS if not op[0].isalpha()), key=len, reverse=True)
_WORDS = sorted((op for op in _OPERATORS if op[0].isalpha()), key=len, reverse=True)
# A comparator word counts only before a number ("小于5次"), never inside a word ("低于预期").
_OP = re.compile("^(" + "|".join([re.escape(op) for op in _SYMBOLS] + [f"{op}(?=\\d)" for op in _WORDS]) + ")?")
_NUM = re.compile(r"^([+-]?[\d,]*\d(?:\.\d+)?%?)(.*)$")
_ANY_DIGIT = re.compile(r"\d")
_DIGITS = frozenset("0123456789")
_DATE = re.compile(
    r"^(?P<y>\d{4})(?:年|-|/|\.)(?P<m>\d{1,2})(?:月|-|/|\.)(?:(?P<d>\d{1,2})日?)?"
    r"(?P<before>前|之前|以前|底前|底)?(?P<done>完成|完工)?$"
)


class MeasureKind(str, Enum):
    """What a target or actual cell holds."""

    NUMBER = "number"
    DATE = "date"
    WORD = "word"
    PLACEHOLDER = "placeholder"


@dataclass(frozen=True, slots=True)
class Measure:
    """A parsed target or actual cell, keeping the printed text."""

    kind: MeasureKind
    text: str
    operator: str | None = None
    figure: Figure | None = None
    unit: str = ""
    date: dt.date | None = None
    by_deadline: bool = False
    date_from: dt.date | None = None
    """The first day a date may mean: the 1st for a month without a day (``2024年8月``), else ``date``."""

    def __str__(self) -> str:
        return self.text

    @property
    def bare(self) -> bool:
        """Whether the cell prints no comparator (``100%``; ``=100%`` and ``≥100%`` print one)."""
        body = normalise(self.text)
        if body[:1] in _DIGITS:
            return True
        found = _OP.match(body)
        return found is None or not found.group(1)


def _last_day(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def _parse_date(body: str, text: str, operator: str | None) -> Measure | None:
    match = _DATE.match(body)
    if match is None:
        return None
    year, month = int(match["y"]), int(match["m"])
    if not 1 <= month <= 12:
        return None
    day = int(match["d"]) if match["d"] else _last_day(year, month)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    first = date if match["d"] else dt.date(year, month, 1)
    deadline = bool(match["before"] or match["done"])
    return Measure(MeasureKind.DATE, text, operator, date=date, by_deadline=deadline, date_from=first)


def parse_measure(raw: object) -> Measure:
    """Parse a target or actual cell into operator, number and unit, a date, or a word."""
    if isinstance(raw, bool):
        raise FigureError(f"expected a target or value, got {raw!r}")
    text = "" if raw is None else str(raw).strip()
    body = normalise(text)
    if body in PLACEHOLDERS:
        return Measure(MeasureKind.PLACEHOLDER, text)
    if body[:1] in _DIGITS:  # no comparator can start with a digit (hot path)
        operator, rest = None, body
    else:
        op_match = _OP.match(body)
        operator = _OPERATORS[op_match.group(1)] if op_match and op_match.group(1) else None
        rest = body[op_match.end():] if op_match else body
    dated = _parse_date(rest, text, operator)
    if dated is not None:
        return dated
    num = _NUM.match(rest)
    if num is not None:
        try:
            figure = parse_figure(num.group(1))
        except FigureError:
            figure = None
        unit = num.group(2)
        if figure is not None and not _ANY_DIGIT.search(unit):
            unit = "%" if figure.percent else unit
            return Measure(MeasureKind.NUMBER, text, operator or "=", figure=figure, unit=unit)
    return Measure(MeasureKind.WORD, text, operator)
