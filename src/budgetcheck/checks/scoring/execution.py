"""Execution checks of a performance table's funds block (docs/domain.md §2.5 and §4).

``execution_rate``: 执行率 = 全年执行数 / 全年预算数 on every row that prints a rate.
``execution_score``: 得分 = 分值 × 执行率 (capped at 分值 under the profile), where the rate
is every value consistent with both the printed 执行率 and 全年执行数 / 全年预算数.
``execution_note``: an execution rate below the profile's ``execution_note_below``.
``unspent_outputs_met``: an execution rate below the profile's ``unspent_rate`` while every
quantitative output row is met (the outputs and the money tell different stories).
"""

from __future__ import annotations

from collections.abc import Iterator
from ...model.exact import Fraction

from ...catalogue.rules import Rule
from ...catalogue.targets import TableTarget
from ...model.figures import format_fraction
from ...result import Finding
from ..intervals import Interval
from ...model.report import EvaluationTable, FundsRow
from ...model.paths import DataPath
from ..context import Context
from .profile_params import Conventions
from .rating import Direction, assess
from .score_formulas import execution_scores
from .precision import figure, rounded_to
from .indicator_rows import compare_any, conventions, table_name, tables


MIN_OUTPUTS = 3  # fewer met output rows say too little about the whole project


def _funds_rows(ctx: Context, target: TableTarget) -> Iterator[tuple[DataPath, FundsRow, str]]:
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


def check_execution_rate(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
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


def check_execution_score(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
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
        expected = execution_scores(weight.exact, rate, conv)
        mine = rounded_to(score, conv.score_rounding)
        yield from compare_any(ctx, rule, paths[0], score, expected, values, related=paths, interval=mine,
                               truncation=score.places > 0)


def check_execution_note(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """An execution rate below the profile's ``execution_note_below`` needs an explanation."""
    threshold = conventions(ctx).execution_note_below
    if threshold is None:
        return
    for path, table in tables(ctx, target):
        row, at = table.funds.total, path + ("funds", "total")
        rate = _rate_used(row)
        if rate is None or rate.hi >= threshold:
            continue
        printed = figure(row.execution_rate)
        shown = printed.text if printed is not None else format_fraction(rate.mid, 2, True)
        values = {"item": row.label, "table": table_name(table, path), "rate": shown,
                  "threshold": format_fraction(threshold, 0, True)}
        yield ctx.finding(rule, at + ("execution_rate",), values, expected=values["threshold"], found=shown,
                          related=[at + ("executed",), at + ("annual_budget",)])


def _outputs_met(table: EvaluationTable, conv: Conventions) -> int | None:
    """How many quantitative output rows (产出 in level 1) the table has, all met; None when
    one is missed or cannot be assessed (a word, a missing cell)."""
    met = 0
    for row in table.indicators:
        if "产出" not in (row.level1 or "") or row.target is None or row.actual is None:
            continue
        assessment = assess(row.target, row.actual, conv, name=row.name)
        if assessment.direction not in (Direction.FORWARD, Direction.REVERSE, Direction.DEADLINE):
            continue
        if not assessment.rates or max(rate.hi for rate in assessment.rates) < 1:
            return None
        if min(rate.lo for rate in assessment.rates) < 1 and assessment.met is not True:
            return None  # not certainly met
        met += 1
    return met


def check_unspent_outputs_met(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """Execution far below the profile's ``unspent_rate`` while every output row is met."""
    conv = conventions(ctx)
    for path, table in ctx.scopes(target):  # every row counts, weighted or not
        if not isinstance(table, EvaluationTable) or table.funds is None or table.funds.total is None:
            continue
        row, at = table.funds.total, path + ("funds", "total")
        rate = _rate_used(row)
        if rate is None or rate.hi >= conv.unspent_rate:
            continue
        met = _outputs_met(table, conv)
        if met is None or met < MIN_OUTPUTS:
            continue
        printed = figure(row.execution_rate)
        shown = printed.text if printed is not None else format_fraction(rate.mid, 2, True)
        field = "execution_rate" if printed is not None else "executed"
        values = {"item": row.label, "table": table_name(table, path), "rate": shown, "count": str(met),
                  "threshold": format_fraction(conv.unspent_rate, 0, True)}
        yield ctx.finding(rule, at + (field,), values, expected=f">={values['threshold']}", found=shown,
                          related=[at + ("executed",), at + ("annual_budget",)])
