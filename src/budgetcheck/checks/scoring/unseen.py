"""How much score the rows a table does not show could still hold (a table cut or partly
unread): the most its printed 总分 may exceed the visible scores by.

The table's total weight is what it states (its 总分 weight, else the level-1 heading
weights, never less than the standard 100); the rows it shows with both a weight and a score
take up their weights of it, and whatever is left may hold score. A weighted heading with no
row under it (its rows were cut) holds at least its own weight. Weights are set, not
measured: they are exact.
"""

from __future__ import annotations

import re

from ...model.exact import Fraction
from ...model.figures import Figure, normalise
from ...model.report import EvaluationTable, IndicatorGroup
from .precision import figure

HEADING_WEIGHT = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
"""A weight printed in a heading: ``产出指标(50分)``, ``数量指标（10分）``."""

STANDARD_TOTAL = Fraction(100)
"""The total weight of a table that prints none (the weights of a table add up to 100)."""


def _base(text: str | None) -> str:
    """A heading's text without its printed weight, for matching rows to headings."""
    return HEADING_WEIGHT.sub("", normalise(text or "")).strip()


def _has_rows(table: EvaluationTable, group: IndicatorGroup, parent: str | None) -> bool:
    """Whether some visible row stands under a heading (a level-2 one within ``parent``)."""
    label = _base(group.label)
    for row in table.indicators:
        if group.level == 1 and _base(row.level1) == label:
            return True
        if group.level == 2 and _base(row.level2) == label and (parent is None or _base(row.level1) == parent):
            return True
    return False


def empty_headings(table: EvaluationTable) -> list[Figure]:
    """The weights of the labelled, weighted headings with no visible row under them (a
    level-2 heading under an empty level-1 heading is inside that one's weight already)."""
    found: list[Figure] = []
    parent: str | None = None
    parent_empty = False
    for group in table.groups:
        empty = bool(group.label) and isinstance(group.weight, Figure) and not _has_rows(table, group, parent)
        if group.level == 1:
            parent, parent_empty = _base(group.label) or None, empty
        if empty and isinstance(group.weight, Figure) and not (group.level == 2 and parent_empty):
            found.append(group.weight)
    return found


def is_partial(table: EvaluationTable) -> bool:
    """Whether rows of the table may be unseen: a cell was not read, or a heading lost its rows."""
    return table.incomplete or bool(empty_headings(table))


def total_weight(table: EvaluationTable) -> Fraction:
    """The table's total weight: its printed 总分 weight, else the larger of the level-1
    heading weights' sum and the standard 100 (headings after a cut may be unseen)."""
    printed = figure(table.total.weight) if table.total is not None else None
    if printed is not None:
        return printed.exact
    level1 = [g.weight.exact for g in table.groups if g.level == 1 and isinstance(g.weight, Figure)]
    return max(STANDARD_TOTAL, sum(level1, Fraction(0)))


def _seen_weights(table: EvaluationTable) -> Fraction:
    """Σ weights of the rows (and funds row) that print both a weight and a score."""
    rows: list[tuple[object, object]] = [(row.weight, row.score) for row in table.indicators]
    rows.append((table.funds.total.weight, table.funds.total.score))
    return sum((w.exact for w, s in rows if isinstance(w, Figure) and figure(s) is not None), Fraction(0))


def unseen_room(table: EvaluationTable) -> Fraction | None:
    """The most score the unseen rows may hold, or None when the visible weights already
    exceed the table's total weight (the weights are then not what the bound assumes)."""
    left = total_weight(table) - _seen_weights(table)
    if left < 0:
        return None
    return max(left, sum((w.exact for w in empty_headings(table)), Fraction(0)))
