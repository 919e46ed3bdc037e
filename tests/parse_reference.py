"""``parse_figure`` and ``parse_measure`` as they were before the fast paths, kept
verbatim as the reference the differential properties compare the package's with.

Only the imports changed: the results are the package's own Figure and Measure records.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from budgetcheck.model.figures import Figure, FigureError
from budgetcheck.model.measures import Measure, MeasureKind

# Full-width digits and punctuation that hand-typed documents mix with ASCII.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，％－＋＜＞＝",
    "0123456789.,%-+<>=",
)
_PLACEHOLDERS = frozenset({"/", "／", "—", "——", "-", "--", "–", "无", "", "不适用"})
_NUMBER = re.compile(
    r"^(?P<sign>[+-])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?P<pct>%)?$"
)


def normalise(text: str) -> str:
    """Return ``text`` with full-width digits and signs folded to ASCII and spaces removed."""
    return text.translate(_FULLWIDTH).replace(" ", "").replace("\u3000", "").strip()


def is_placeholder(text: str) -> bool:
    """Tell whether a cell holds a "not applicable" mark such as ``/`` or ``—``."""
    return normalise(text) in _PLACEHOLDERS


def parse_figure(
    raw: object, *, percent: bool | None = None, suffixes: tuple[str, ...] = (), counted: bool = False
) -> Figure:
    """Parse a printed number (``"2,310.50"``, ``"93.61%"``, ``12``) into a :class:`Figure`.

    ``percent=True`` accepts a bare number as percentage points; ``percent=False`` rejects
    a ``%`` sign. ``suffixes`` are unit words that may follow the number (``万元``, ``分``).
    ``counted`` marks the figure as an exact count.
    """
    if isinstance(raw, bool) or raw is None:
        raise FigureError(f"expected a number, got {raw!r}")
    if isinstance(raw, (int, Decimal)):
        text = str(raw)
    elif isinstance(raw, str):
        text = raw
    else:
        raise FigureError(f"expected a number, got {type(raw).__name__}")
    body = normalise(text)
    for suffix in sorted(suffixes, key=len, reverse=True):
        if body.endswith(suffix) and len(body) > len(suffix):
            body = body[: -len(suffix)]
            break
    match = _NUMBER.match(body)
    if match is None:
        raise FigureError(f"not a number: {text!r}")
    has_pct = match["pct"] is not None
    if percent is False and has_pct:
        raise FigureError(f"expected an amount, got a percentage: {text!r}")
    frac = match["frac"] or ""
    digits = match["int"].replace(",", "") + ("." + frac if frac else "")
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise FigureError(f"not a number: {text!r}") from exc
    if match["sign"] == "-":
        value = -value
    return Figure(value=value, places=len(frac), percent=has_pct or bool(percent), text=text.strip(), counted=counted)


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
_DATE = re.compile(
    r"^(?P<y>\d{4})(?:年|-|/|\.)(?P<m>\d{1,2})(?:月|-|/|\.)(?:(?P<d>\d{1,2})日?)?"
    r"(?P<before>前|之前|以前|底前|底)?(?P<done>完成|完工)?$"
)


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
    if is_placeholder(text):
        return Measure(MeasureKind.PLACEHOLDER, text)
    body = normalise(text)
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
        if figure is not None and not re.search(r"\d", unit):
            unit = "%" if figure.percent else unit
            return Measure(MeasureKind.NUMBER, text, operator or "=", figure=figure, unit=unit)
    return Measure(MeasureKind.WORD, text, operator)
