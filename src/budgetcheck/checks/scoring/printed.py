"""What a performance table leaves unprinted or prints as no measurement (reader rules).

``not_printed``: a score (or 执行率) expected in a row but left empty: an info notice, so
that an empty cell is never read as 0 and never hidden.
``unmeasured_actual``: a quantitative target whose actual is not a measurement — a word
(完成, 无, 应助尽助), a copy of the target with its comparator (``≥90%``), or no target and
no actual at all on a scored row: the score cannot be checked against anything.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...catalogue.rules import Rule
from ...catalogue.targets import TableTarget
from ...model.figures import Figure
from ...result import Finding
from ...model.measures import MeasureKind
from ...model.report import EvaluationTable, FundsRow, Indicator
from ...model.paths import DataPath
from ..context import Context
from .indicator_rows import table_name

_WHY = {
    "copied": ("the actual repeats the target with its comparator", "实际完成值照抄目标值（含比较符号）"),
    "word": ("the actual is a word, not a measured value", "实际完成值为文字，不是实测数值"),
    "missing": ("no target and no actual are printed", "未填报指标值和实际完成值"),
}


def _tables(ctx: Context, target: TableTarget) -> Iterator[tuple[DataPath, EvaluationTable]]:
    for path, table in ctx.scopes(target):
        if isinstance(table, EvaluationTable):
            yield path, table


def _empty(value: object) -> bool:
    return not isinstance(value, Figure)


def _funds_gaps(row: FundsRow) -> list[tuple[str, str, str]]:
    """(field, en, zh) of the funds total row's expected but empty cells."""
    gaps = []
    if isinstance(row.weight, Figure) and _empty(row.score):
        gaps.append(("score", "得分 (execution score)", "得分"))
    if isinstance(row.annual_budget, Figure) and isinstance(row.executed, Figure) and _empty(row.execution_rate):
        gaps.append(("execution_rate", "执行率 (execution rate)", "执行率"))
    return gaps


def check_not_printed(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """A score or 执行率 the row calls for (its weight, or its amounts, are printed) is empty."""
    for path, table in _tables(ctx, target):
        name = table_name(table, path)
        for field, en, zh in _funds_gaps(table.funds.total):
            at = path + ("funds", "total", field)
            yield ctx.finding(rule, at, {"table": name, "item": table.funds.total.label, "cell": en, "cell_zh": zh})
        for index, row in enumerate(table.indicators):
            if row.weight is not None and _empty(row.score):
                at = path + ("indicators", index, "score")
                yield ctx.finding(rule, at, {"table": name, "item": row.name, "cell": "得分 (score)", "cell_zh": "得分"})


def unmeasured(row: Indicator) -> str | None:
    """Why a scored row's actual is no measurement of its quantitative target, or None."""
    if row.target.kind is MeasureKind.PLACEHOLDER and row.actual.kind is MeasureKind.PLACEHOLDER:
        return "missing" if isinstance(row.score, Figure) else None
    if row.target.kind is not MeasureKind.NUMBER:
        return None
    actual = row.actual
    if actual.kind in (MeasureKind.WORD, MeasureKind.PLACEHOLDER):
        return "word"
    if actual.kind is MeasureKind.NUMBER and actual.operator not in (None, "=") and actual.text.strip()[:1] not in "=＝":
        return "copied"
    return None


def check_unmeasured_actual(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """A quantitative target's actual is a word, a copy of the target, or missing with the target."""
    for path, table in _tables(ctx, target):
        for index, row in enumerate(table.indicators):
            why = unmeasured(row)
            if why is None or not isinstance(row.score, Figure):
                continue
            field = "score" if why == "missing" else "actual"
            at = path + ("indicators", index, field)
            actual = row.actual.text
            values = {"table": table_name(table, path), "item": row.name, "why": _WHY[why][0], "why_zh": _WHY[why][1],
                      "target": row.target.text, "actual": actual}
            yield ctx.finding(rule, at, values, found=actual or None)


def check_ocr_alternative(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """A target read two ways (as printed, and with a leading digit as the comparator an OCR
    layer may have turned into it)."""
    for path, table in _tables(ctx, target):
        name = table_name(table, path)
        for index, row in enumerate(table.indicators):
            if row.target_alternative is not None:
                at = path + ("indicators", index, "target")
                values = {"table": name, "item": row.name, "printed": row.target.text, "read": row.target_alternative.text}
                yield ctx.finding(rule, at, values, expected=row.target_alternative.text, found=row.target.text)
