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

from ....model.figures import normalise
from ....model.measures import parse_measure
from ..sink import Sink
from .cells import Piece
from .split import COLUMN_KIND, value_kind
from .vocab import Vocabulary

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




def uncertain_comparators(table: Sink, vocab: Vocabulary) -> None:
    """Give each bare target that may be a comparator an OCR layer printed as a digit its
    other reading (``target_alternative``: "26次" may be ≥6次), in a table whose text shows
    OCR damage and where no target prints a comparator at all (the layer lost them all)."""
    rows = table.data.get("indicators", [])
    targets = [normalise(str(row.get("target", ""))) for row in rows]
    if not all(parse_measure(target).bare for target in targets):
        return  # the comparators that are printed read: a leading digit is a digit
    for index, (row, target) in enumerate(zip(rows, targets)):
        for digit, comparator in vocab.raw["ocr_comparators"].items():
            rest = target[len(digit):]
            if target.startswith(digit) and rest[:1].isdigit() and rest[:1] != "0":
                row_sink = Sink(row, table.origins, table.path + ("indicators", index))
                row_sink.set("target_alternative", comparator + rest, table.origins.get(row_sink.path + ("target",)))
