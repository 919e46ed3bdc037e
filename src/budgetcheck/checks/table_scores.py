"""Table-level score checks of performance tables (domain.md §2.6).

``weights_total``: Σ indicator weights + funds 分值 = the printed total weight (else 100), exactly.
``score_range``: each score lies in [0, weight].
``total_score``: 总分 = Σ printed scores (rounding-aware; a score cannot exceed its weight).
``grade``: the printed grade is the profile's grade band of the printed total score.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from ..catalogue import Rule
from ..figures import Figure, format_fraction
from ..findings import Finding
from ..intervals import Interval, total
from ..model.report import EvaluationTable
from ..paths import DataPath
from .context import Context
from .score_formulas import grades_for, in_range
from .tables import conventions, figure, table_name, tables


def _weights(path: DataPath, table: EvaluationTable) -> list[tuple[DataPath, Figure]]:
    found = [(path + ("indicators", i, "weight"), row.weight) for i, row in enumerate(table.indicators)]
    funds = figure(table.funds.total.weight)
    if funds is not None:
        found.append((path + ("funds", "total", "weight"), funds))
    return found


def check_weights_total(ctx: Context, rule: Rule, target: dict[str, Any]) -> Iterator[Finding]:
    """Σ weights = the printed total weight, or 100 when none is printed (weights are exact)."""
    for path, table in tables(ctx, target):
        parts = _weights(path, table)
        printed = table.total.weight if table.total is not None else None
        if not table.indicators or ctx.is_blocked([p for p, _ in parts]):
            continue
        summed = sum((fig.exact for _, fig in parts), Fraction(0))
        places = max(fig.places for _, fig in parts)
        paths = [p for p, _ in parts]
        values = {"item": "", "table": table_name(table, path)}
        if printed is not None:
            at = path + ("total", "weight")
            ctx.touch(paths + [at])
            if printed.exact != summed:
                summed_text = format_fraction(summed, places)
                values |= {"sum": summed_text, "total": printed.text}
                yield ctx.finding(rule, at, values, expected=summed_text, found=printed.text, related=paths)
        else:
            ctx.touch(paths)
            if summed != 100:
                found = format_fraction(summed, places)
                values |= {"sum": found, "total": "100"}
                yield ctx.finding(rule, path + ("indicators",), values, expected="100", found=found, related=paths)


def _scored(path: DataPath, table: EvaluationTable) -> Iterator[tuple[DataPath, Figure, Figure, str]]:
    """(score path, score, weight, row label) of the funds row and each indicator row."""
    funds = table.funds.total
    weight, score = figure(funds.weight), figure(funds.score)
    if weight is not None and score is not None:
        yield path + ("funds", "total", "score"), score, weight, funds.label
    for index, row in enumerate(table.indicators):
        score = figure(row.score)
        if score is not None:
            yield path + ("indicators", index, "score"), score, row.weight, row.name


def check_score_range(ctx: Context, rule: Rule, target: dict[str, Any]) -> Iterator[Finding]:
    """Each printed score lies in [0, weight]."""
    for path, table in tables(ctx, target):
        for at, score, weight, label in _scored(path, table):
            weight_at = at[:-1] + ("weight",)
            ctx.touch([at, weight_at])
            if in_range(Interval.of(score), weight.exact):
                continue
            expected = weight.text if score.exact > 0 else "0"
            values = {"item": label, "table": table_name(table, path), "weight": weight.text}
            yield ctx.finding(rule, at, values, expected=expected, found=score.text, related=[at, weight_at])


def _score_parts(path: DataPath, table: EvaluationTable) -> list[tuple[DataPath, Interval]] | None:
    """Each score's interval, clipped to [0, weight]; None when a score is not printed."""
    if any(figure(row.score) is None for row in table.indicators):
        return None
    if figure(table.funds.total.score) is None and figure(table.funds.total.weight) is not None:
        return None
    parts = []
    for at, score, weight, _ in _scored(path, table):
        mine = Interval.of(score)
        if in_range(mine, weight.exact):
            mine = Interval(max(mine.lo, Fraction(0)), min(mine.hi, weight.exact))
        parts.append((at, mine))
    return parts


def check_total_score(ctx: Context, rule: Rule, target: dict[str, Any]) -> Iterator[Finding]:
    """总分 = Σ printed indicator scores + the funds score (interval sum)."""
    for path, table in tables(ctx, target):
        printed = table.total.score if table.total is not None else None
        parts = _score_parts(path, table)
        if printed is None or not parts:
            continue
        at = path + ("total", "score")
        paths = [at] + [p for p, _ in parts]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        values = {"item": "", "table": table_name(table, path)}
        yield from ctx.compare(rule, at, printed, total([i for _, i in parts]), values, related=paths)


def _grade_key(text: str, names: list[str]) -> str | None:
    """The band name a printed grade carries (``优秀`` → 优), or None for an unknown word."""
    for name in sorted(names, key=len, reverse=True):
        if name in text:
            return name
    return None


def check_grade(ctx: Context, rule: Rule, target: dict[str, Any]) -> Iterator[Finding]:
    """The printed grade matches the profile's grade bands for the printed total score."""
    conv = conventions(ctx)
    names = [grade for grade, _ in conv.grade_bands]
    for path, table in tables(ctx, target):
        if table.total is None or table.total.score is None or not table.total.grade:
            continue
        printed = _grade_key(table.total.grade, names)
        if printed is None:
            continue
        at, score_at = path + ("total", "grade"), path + ("total", "score")
        ctx.touch([score_at])
        allowed = grades_for(Interval.of(table.total.score), conv)
        if printed in allowed or not allowed:
            continue
        values = {"item": "", "table": table_name(table, path), "score": table.total.score.text}
        yield ctx.finding(rule, at, values, expected=allowed[0], found=table.total.grade, related=[at, score_at])
