"""The precision a performance table prints each kind of cell with.

A table whose scores read ``7.58``, ``9.96`` and ``8`` computes its scores to two decimals:
the ``8`` is 8.00, not anything in [7.5, 8.5]. The same holds for percentage actuals and
completion rates. A cell printed with fewer decimals than its kind's precision in the same
table is read at that precision; cells printed with more keep their own.
"""

from __future__ import annotations

from dataclasses import replace
from ...model.exact import Fraction

from ...model.figures import Figure
from ..intervals import Interval
from ...model.report import EvaluationTable
from ...model.records import Frozen, set_field


def figure(value: object) -> Figure | None:
    """A cell's figure, or None for a placeholder or missing cell."""
    return value if isinstance(value, Figure) else None


class Places(Frozen):
    """Decimals of each cell kind in one table (the most any cell of that kind prints)."""

    __slots__ = ("score", "rate", "actual_percent")
    score: int
    rate: int
    actual_percent: int

    def __init__(self, score: int = 0, rate: int = 0, actual_percent: int = 0) -> None:
        set_field(self, "score", score)
        set_field(self, "rate", rate)
        set_field(self, "actual_percent", actual_percent)


def _most(figures: list[Figure | None]) -> int:
    return max((f.places for f in figures if f is not None), default=0)


def table_places(table: EvaluationTable) -> Places:
    """The precision of the scores, completion rates and percentage actuals of one table."""
    funds, total = (table.funds.total if table.funds is not None else None), table.total
    scores = [figure(row.score) for row in table.indicators] + [figure(funds.score if funds is not None else None)]
    if total is not None:
        scores.append(total.score)
    rates = [figure(row.completion_rate) for row in table.indicators]
    actuals = [row.actual.figure for row in table.indicators
               if row.actual is not None and row.actual.figure is not None and row.actual.figure.percent]
    return Places(score=_most(scores), rate=_most(rates), actual_percent=_most(list(actuals)))


def at_places(printed: Figure, places: int) -> Figure:
    """The figure read at no fewer than ``places`` decimals."""
    return printed if printed.places >= places else replace(printed, places=places)


def rounded_to(printed: Figure, step: Fraction | None) -> Interval:
    """The values a printed score stands for when the profile rounds scores to ``step``
    points (whole or half): its own rounding interval widened to ± step / 2."""
    mine = Interval.of(printed)
    if step is None:
        return mine
    value = printed.exact
    return Interval(min(mine.lo, value - step / 2), max(mine.hi, value + step / 2))
