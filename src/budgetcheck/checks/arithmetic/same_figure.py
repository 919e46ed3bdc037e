"""Same-figure checks: a figure printed in two places must agree (docs/domain.md §2.7).

Kind ``same_figure`` compares two copies of one figure within both rounding intervals (or
exactly, for counts). A disagreement is reported once, naming the other copy; with ``block``
(the default) both copies are then added to ``ctx.blocked`` so that the sums, shares and
rates that use either copy do not repeat it — the engine runs this kind first.

Which copy the finding points at: the one the rest of the report supports less. A copy
gains a point for each sum identity it totals that holds and for each other copy (in the
same rule) it agrees with, and loses one for each that fails; a typo in a total is thus
reported where it was made, not at its innocent twin. On a tie, the second copy.

Two copies that share a value only when both are read as truncated (``2.2`` and ``2.27``,
both cut from 2.27x) are one value printed by a truncating system: a BC009 info, not
disputed. Copies at one precision never do (``1,085.33`` and ``1,085.34`` are two values
either way).

Kind ``same_indicator`` compares an indicator that the unit-level table and a project table
both list (matched by name without spaces and brackets): same target, same actual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...catalogue.rules import Rule
from ...catalogue.targets import SameFigureTarget, SameIndicatorTarget
from ...model.figures import Figure, normalise
from ...result import Finding
from ..intervals import Interval, total
from ...model.measures import Measure, MeasureKind
from ...model.paths import DataPath
from ..context import TRUNCATION_RULE, Context, condition_fails
from .sums import collect_parts, what

_NAME_NOISE = re.compile(r"[\s()（）\[\]【】〔〕]")
_FIELD_ZH = {"target": "目标值", "actual": "业绩值"}


def copies_agree(first: Figure, second: Figure, exact: bool = False) -> bool:
    """Whether two printed copies may stand for the same true value (counts: exactly equal)."""
    if exact:
        return first.exact == second.exact
    return Interval.of(first).intersects(Interval.of(second))


def _pairs(ctx: Context, target: SameFigureTarget) -> Iterator[tuple[Any, tuple[DataPath, Figure], tuple[DataPath, Figure]]]:
    """Each scope's item with its two printed copies (scopes missing either copy are skipped)."""
    for scope, item in ctx.scopes(target):
        first = ctx.figure(scope, target.first)
        second = ctx.figure(scope, target.second)
        if first is not None and second is not None:
            yield item, first, second


def _copy_support(ctx: Context, rule: Rule, path: DataPath, twin: DataPath) -> int:
    """Net agreement of the copy at ``path`` with its other copies (``twin`` excluded)."""
    score = 0
    for target in rule.targets:
        for _, first, second in _pairs(ctx, target):
            if path not in (first[0], second[0]) or twin in (first[0], second[0]):
                continue
            score += 1 if copies_agree(first[1], second[1], bool(target.exact)) else -1
    return score


def _sum_support(ctx: Context, path: DataPath) -> int:
    """Net count of the sum identities with ``path`` as their total that hold (+1) or fail (−1)."""
    score = 0
    for other in ctx.rules.values():
        if other.kind != "sum":
            continue
        for target in other.targets:
            for scope, _ in ctx.scopes(target):
                printed = ctx.figure(scope, target.total)
                if printed is None or printed[0] != path:
                    continue
                parts = collect_parts(ctx, scope, target.parts)
                if not parts:
                    continue
                exact = bool(target.exact)
                computed = total([Interval.point(f.exact) if exact else Interval.of(f) for _, f in parts])
                own = Interval.point(printed[1].exact) if exact else Interval.of(printed[1])
                score += 1 if own.intersects(computed) else -1
    return score


def odd_copy_first(ctx: Context, rule: Rule, first: DataPath, second: DataPath) -> bool:
    """Whether the report supports the first copy less than the second (report at the first)."""
    support_first = _copy_support(ctx, rule, first, second) + _sum_support(ctx, first)
    support_second = _copy_support(ctx, rule, second, first) + _sum_support(ctx, second)
    return support_first < support_second


def check_same_figure(ctx: Context, rule: Rule, target: SameFigureTarget) -> Iterator[Finding]:
    """``first`` and ``second`` are one figure: report a disagreement once, at the odd copy."""
    exact = bool(target.exact)
    if condition_fails(ctx, target):
        return
    for item, first, second in _pairs(ctx, target):
        paths = [first[0], second[0]]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        if copies_agree(first[1], second[1], exact):
            continue
        here, there = (first, second) if odd_copy_first(ctx, rule, first[0], second[0]) else (second, first)
        reported = rule
        if not exact and _truncations_agree(first[1], second[1]) and TRUNCATION_RULE in ctx.rules:
            reported = ctx.rules[TRUNCATION_RULE]  # one value, cut instead of rounded: not disputed
        elif target.block:
            ctx.blocked.update(paths)
        yield ctx.finding(
            reported, here[0], what(target, item), expected=there[1].text, found=here[1].text, related=[there[0]]
        )


def _truncations_agree(first: Figure, second: Figure) -> bool:
    """Whether the two copies share a value when both are read as truncated (one system
    cuts both; reading only one as cut would excuse every one-unit difference)."""
    return Interval.truncated(first).intersects(Interval.truncated(second))


def indicator_key(name: str) -> str:
    """An indicator name for matching: no spaces, no full- or half-width brackets."""
    return _NAME_NOISE.sub("", normalise(name))


def measure_key(measure: Measure) -> tuple[str, ...] | None:
    """What must agree between two copies of a target or actual; None for a blank cell.

    Numbers compare by operator, exact value and unit (``>=800辆`` ≠ ``>=1200辆``, but
    ``=1.0套`` = ``=1套``); dates and words compare by their normalised text.
    """
    if measure.kind is MeasureKind.PLACEHOLDER:
        return None
    if measure.kind is MeasureKind.NUMBER and measure.figure is not None:
        return ("number", measure.operator or "=", str(measure.figure.exact), measure.unit)
    return (measure.kind.value, normalise(measure.text))


def _unit_rows(ctx: Context, target: SameIndicatorTarget) -> dict[str, tuple[DataPath, Any]]:
    """The reference table's indicators by matching key (the first row of each name)."""
    rows: dict[str, tuple[DataPath, Any]] = {}
    for path, row in ctx.values((), target.reference):
        name = getattr(row, "name", None)
        if isinstance(name, str):
            rows.setdefault(indicator_key(name), (path, row))
    return rows


def check_same_indicator(ctx: Context, rule: Rule, target: SameIndicatorTarget) -> Iterator[Finding]:
    """Each ``rows`` indicator also in ``reference`` has the same value of every ``fields``."""
    reference = _unit_rows(ctx, target)
    for path, row in ctx.values((), target.rows):
        name = getattr(row, "name", None)
        if not isinstance(name, str) or indicator_key(name) not in reference:
            continue
        ref_path, ref_row = reference[indicator_key(name)]
        for field in target.fields:
            mine, theirs = getattr(row, field, None), getattr(ref_row, field, None)
            if not isinstance(mine, Measure) or not isinstance(theirs, Measure):
                continue
            mine_key, their_key = measure_key(mine), measure_key(theirs)
            if mine_key is None or their_key is None:
                continue
            if mine_key != their_key:
                values = {**what(target, row), "field": field, "field_zh": _FIELD_ZH.get(field, field)}
                yield ctx.finding(
                    rule, path + (field,), values, expected=theirs.text, found=mine.text, related=[ref_path + (field,)]
                )
