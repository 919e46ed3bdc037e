"""Execution checks of a performance table's funds block (domain.md §2.5 and §4).

``execution_rate``: 执行率 = 全年执行数 / 全年预算数 on every row that prints a rate.
``execution_score``: 得分 = 分值 × 执行率 (capped at 分值 under the profile), where the rate
is every value consistent with both the printed 执行率 and 全年执行数 / 全年预算数.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from ..catalogue import Rule
from ..findings import Finding
from ..intervals import Interval
from ..model.report import FundsRow
from ..paths import DataPath
from .context import Context
from .score_formulas import execution_score
from .tables import compare_any, conventions, figure, table_name, tables


def _funds_rows(ctx: Context, target: dict[str, Any]) -> Iterator[tuple[DataPath, FundsRow, str]]:
    for path, table in tables(ctx, target):
        name = table_name(table, path)
        yield path + ("funds", "total"), table.funds.total, name
        for index, part in enumerate(table.funds.parts):
            yield path + ("funds", "parts", index), part, name


def _ratio(row: FundsRow) -> Interval | None:
    executed, budget = figure(row.executed), figure(row.annual_budget)
    if executed is None or budget is None:
        return None
    spent, planned = Interval.of(executed).clamp_min(Fraction(0)), Interval.of(budget)
    if planned.lo <= 0:
        return None  # a budget that may be 0 leaves the rate undefined
    return spent / planned


def check_execution_rate(ctx: Context, rule: Rule, target: dict[str, Any]) -> Iterator[Finding]:
    """执行率 = 全年执行数 / 全年预算数 for each funds row that prints a rate."""
    for path, row, name in _funds_rows(ctx, target):
        printed, computed = figure(row.execution_rate), _ratio(row)
        if printed is None or computed is None:
            continue
        paths = [path + ("execution_rate",), path + ("executed",), path + ("annual_budget",)]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        values = {"item": row.label, "table": name}
        yield from compare_any(ctx, rule, paths[0], printed, [computed], values, related=paths)


def _rate_used(row: FundsRow) -> Interval | None:
    """The execution rates consistent with both the printed rate and the recomputed ratio."""
    printed, computed = figure(row.execution_rate), _ratio(row)
    if printed is None:
        return computed
    mine = Interval.of(printed)
    if computed is not None and mine.intersects(computed):
        return Interval(max(mine.lo, computed.lo), min(mine.hi, computed.hi))
    return mine


def check_execution_score(ctx: Context, rule: Rule, target: dict[str, Any]) -> Iterator[Finding]:
    """得分 = 分值 × 执行率 (capped) on the total row of each funds block."""
    conv = conventions(ctx)
    for path, table in tables(ctx, target):
        row, at = table.funds.total, path + ("funds", "total")
        weight, score, rate = figure(row.weight), figure(row.score), _rate_used(row)
        if weight is None or score is None or rate is None:
            continue
        paths = [at + ("score",), at + ("weight",), at + ("execution_rate",), at + ("executed",), at + ("annual_budget",)]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths[:2])
        values = {"item": row.label, "table": table_name(table, path), "rate": row.execution_rate.text if row.execution_rate else ""}
        expected = execution_score(weight.exact, rate, conv)
        yield from compare_any(ctx, rule, paths[0], score, [expected], values, related=paths)
