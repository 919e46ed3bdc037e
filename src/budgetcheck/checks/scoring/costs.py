"""Cost indicators against the funds they describe (docs/domain.md §2.1).

Money cost indicators (unit 万元/元, 成本 in the first or second level) whose targets add up
to the table's 全年预算数 claim to cover the funds: their actuals must then add up to
全年执行数. Targets are exact; actuals and funds figures stand for their rounding intervals.
"""

from __future__ import annotations

from collections.abc import Iterator
from ...model.exact import Fraction

from ...catalogue.rules import Rule
from ...catalogue.targets import TableTarget
from ...model.figures import format_fraction
from ...result import Finding, Severity
from ..intervals import Interval, total
from ...model.report import Indicator
from ..context import Context
from .rating import money
from .precision import figure
from .indicator_rows import table_name, tables


def is_money_cost(indicator: Indicator) -> bool:
    """A cost indicator (成本 in level 1 or 2) whose target is an amount of money."""
    levels = (indicator.level1 or "") + (indicator.level2 or "")
    return "成本" in levels and money(indicator.target, exact=True) is not None


def check_cost_cover(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """Cost targets that add up to 全年预算数 have actuals that add up to 全年执行数."""
    for path, table in tables(ctx, target):
        budget, executed = figure(table.funds.total.annual_budget), figure(table.funds.total.executed)
        costs = [(i, row) for i, row in enumerate(table.indicators) if is_money_cost(row)]
        if budget is None or executed is None or not costs:
            continue
        goals = [money(row.target, exact=True) for _, row in costs]
        actuals = [money(row.actual) for _, row in costs]
        if any(a is None for a in actuals) or any(g is None for g in goals):
            continue
        planned = sum((g.lo for g in goals if g is not None), Fraction(0))
        if not Interval.of(budget).intersects(Interval.point(planned)):
            continue  # the cost rows do not claim to cover the whole budget
        funds = path + ("funds", "total")
        actual_paths = [path + ("indicators", i, "actual") for i, _ in costs]
        related = actual_paths + [funds + ("executed",), funds + ("annual_budget",)]
        ctx.touch([funds + ("executed",), funds + ("annual_budget",)])
        spent = total([a for a in actuals if a is not None])
        spent_funds = Interval.of(executed)
        if spent.intersects(spent_funds):
            continue
        severity = Severity.ERROR if spent.lo > spent_funds.hi else None
        values = {
            "item": "、".join(row.name for _, row in costs),
            "table": table_name(table, path),
            "budget": budget.text,
            "executed": executed.text,
        }
        found = format_fraction(spent.mid, 2)
        yield ctx.finding(
            rule, actual_paths[0], values, expected=executed.text, found=found,
            interval=spent.describe(2), related=related, severity=severity,
        )
