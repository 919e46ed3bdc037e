"""Figures an OCR text layer printed with look-alike letters ("1O" for 10), repaired.

Conservative by construction: a cell is repaired only when it holds at least one real
digit, consists of nothing but digits, look-alike letters (``ocr_lookalikes`` of the
vocabulary) and the marks of a figure (``.`` ``,`` ``%``), reads as a figure after the
repair and not before, and stands in a numeric column of the heading (an amount, a 分值 or
得分, a rate). Words are never touched; every repair is recorded so that it is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import Piece
from .split import COLUMN_KIND, value_kind

NUMERIC_KINDS = ("amount", "point", "rate")
_FIGURE_KINDS = ("num", "pct")


@dataclass(frozen=True)
class Repair:
    """One repaired cell: the column it stands in, as printed and as read."""

    column: str
    printed: Piece
    read: str


def repaired_text(text: str, kind: str, units: list[str], lookalikes: dict[str, str]) -> str | None:
    """The figure a cell of ``kind`` reads as once its look-alike letters are digits, or None."""
    body = text.strip()
    if kind in _FIGURE_KINDS or not re.search(r"\d", body) or not lookalikes:
        return None
    letters = "".join(re.escape(c) for c in lookalikes)
    if not re.fullmatch(rf"[\d.,%{letters}]+", body) or not re.search(f"[{letters}]", body):
        return None
    fixed = "".join(lookalikes.get(c, c) for c in body)
    return fixed if value_kind(fixed, units) in _FIGURE_KINDS else None


def numeric(column: str | None) -> bool:
    """Whether a column holds figures only (where a repair may stand)."""
    return column is not None and COLUMN_KIND.get(column) in NUMERIC_KINDS
