"""Ratio checks: a printed percentage equals part / whole (shares, budget completion, variance).

One kind, ``ratio``, carries three identities (docs/domain.md §2.2 and §2.4):

- share: ``printed = numerator / denominator`` (收入/支出 items, 类 structure, SME shares);
- completion: ``printed = final / budget`` ("完成预算 P%");
- variance: ``printed = final / budget − 1`` (预决算差异率), declared with ``minus_one: true``.

Both operands stand for their rounding intervals (half-open, narrowed by their copies). The
quotient is monotone in each, so its ends come from the corners, each end excluded unless
both corner ends are included. Amounts in a ratio are non-negative, so the numerator's
interval is clamped at 0 (a printed ``0.00`` part is ``[0, 0.005)``). When the
denominator's interval reaches 0 the ratio is undefined and nothing is checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from ...model.exact import Fraction

from ...catalogue.rules import Rule
from ...catalogue.targets import RatioTarget
from ...result import Finding
from ..intervals import Interval
from ..context import Context
from .sums import what


def ratio_interval(numerator: Interval, denominator: Interval, minus_one: bool = False) -> Interval | None:
    """Every value of ``numerator / denominator`` (``− 1`` if asked), or None if undefined.

    The numerator is clamped at 0 (amounts are non-negative); a denominator whose interval
    reaches 0 (or lies below it) makes the ratio undefined.
    """
    if denominator.lo <= 0:
        return None
    result = numerator.clamp_min(Fraction(0)) / denominator
    return result - Interval.point(1) if minus_one else result


def check_ratio(ctx: Context, rule: Rule, target: RatioTarget) -> Iterator[Finding]:
    """``printed`` = ``numerator`` / ``denominator`` (− 1 with ``minus_one``) for each scope."""
    minus_one = bool(target.minus_one)
    for scope, item in ctx.scopes(target):
        printed = ctx.figure(scope, target.printed)
        numerator = ctx.figure(scope, target.numerator)
        denominator = ctx.figure(scope, target.denominator)
        if printed is None or numerator is None or denominator is None:
            continue
        paths = [printed[0], numerator[0], denominator[0]]
        if ctx.is_blocked(paths):
            continue
        computed = ratio_interval(ctx.interval(*numerator), ctx.interval(*denominator), minus_one)
        if computed is None:
            continue
        ctx.touch(paths)
        yield from ctx.compare(
            rule, printed[0], printed[1], computed, what(target, item), related=paths,
            truncated=lambda: ratio_interval(
                ctx.interval(*numerator, truncated=True), ctx.interval(*denominator, truncated=True), minus_one
            ),
        )
