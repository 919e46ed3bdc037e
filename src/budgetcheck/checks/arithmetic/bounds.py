"""Bound checks: one printed figure can never exceed another (全年执行数 ≤ 全年预算数).

Kind ``not_above``: for each scope, the figure at ``lower`` must not be above the figure at
``upper``. Rounding-aware: the finding needs every value the lower figure may stand for to
lie above every value of the upper one. Both intervals are half-open, so a printed
``0.01`` executed (at least 0.005) against a printed ``0.00`` budget (below 0.005) is found,
and ``0.00`` against ``0.00`` is not.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...catalogue.rules import Rule
from ...catalogue.targets import BoundTarget
from ...result import Finding
from ..intervals import Interval
from ..context import Context
from .sums import what


def certainly_above(lower: Interval, upper: Interval) -> bool:
    """Whether no value of ``lower`` is at or below some value of ``upper``."""
    if lower.lo != upper.hi:
        return lower.lo > upper.hi
    return lower.lo_open or upper.hi_open


def check_not_above(ctx: Context, rule: Rule, target: BoundTarget) -> Iterator[Finding]:
    """``lower`` ≤ ``upper`` in every scope where both are printed."""
    for scope, item in ctx.scopes(target):
        lower, upper = ctx.figure(scope, target.lower), ctx.figure(scope, target.upper)
        if lower is None or upper is None:
            continue
        paths = [lower[0], upper[0]]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        if certainly_above(ctx.interval(*lower), ctx.interval(*upper)):
            values = {**what(target, item), "upper": upper[1].text}
            yield ctx.finding(
                rule, lower[0], values, expected=f"≤ {upper[1].text}", found=lower[1].text, related=paths
            )
