"""Checks of what the statement grammar reads: changes against their base, "no change"
claims, balances and damaged figures (the sums, shares, growth and completion rates of
statements are declared over the generic ``sum``, ``ratio`` and ``growth`` kinds).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...catalogue.rules import Rule
from ...catalogue.targets import BalanceTarget, ClaimTarget, DifferenceTarget, FieldTarget, QuotientTarget
from ...result import Finding
from ..intervals import Interval, total
from ...model.paths import get
from ..context import Context
from .ratios import ratio_interval
from .sums import what


def check_difference(ctx: Context, rule: Rule, target: DifferenceTarget) -> Iterator[Finding]:
    """A printed ``change`` = ``current`` − ``base`` (比预算增加 C: C = final − budget)."""
    for scope, item in ctx.scopes(target):
        found = [ctx.figure(scope, spec) for spec in (target.current, target.base, target.change)]
        if any(f is None for f in found):
            continue
        (cur_path, current), (base_path, base), (change_path, change) = found  # type: ignore[misc]
        paths = [change_path, cur_path, base_path]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        computed = Interval.of(current) - Interval.of(base)
        yield from ctx.compare(rule, change_path, change, computed, what(target, item), related=paths)


def check_claim_unchanged(ctx: Context, rule: Rule, target: ClaimTarget) -> Iterator[Finding]:
    """A printed "no change" (无变化, 持平 …) where the two figures cannot be equal."""
    for scope, item in ctx.scopes(target):
        claims = ctx.values(scope, target.claim)
        current, base = ctx.figure(scope, target.current), ctx.figure(scope, target.base)
        if not claims or current is None or base is None or ctx.is_blocked([current[0], base[0]]):
            continue
        ctx.touch([current[0], base[0]])
        if Interval.of(current[1]).intersects(Interval.of(base[1])):
            continue
        values = what(target, item) | {"claim": str(claims[0][1]), "current": current[1].text, "base": base[1].text}
        yield ctx.finding(rule, claims[0][0], values, expected=current[1].text, found=base[1].text,
                          related=[current[0], base[0]])


def check_balance(ctx: Context, rule: Rule, target: BalanceTarget) -> Iterator[Finding]:
    """A printed balance = Σ ``added`` − Σ ``subtracted``."""
    for scope, item in ctx.scopes(target):
        printed = ctx.figure(scope, target.result)
        added = ctx.figures(scope, target.added)
        subtracted = ctx.figures(scope, target.subtracted)
        if printed is None or not added:
            continue
        paths = [printed[0]] + [p for p, _ in added + subtracted]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        computed = total([Interval.of(f) for _, f in added]) - total([Interval.of(f) for _, f in subtracted] or [Interval.point(0)])
        yield from ctx.compare(rule, printed[0], printed[1], computed, what(target, item), related=paths)


def check_damaged(ctx: Context, rule: Rule, target: FieldTarget) -> Iterator[Finding]:
    """A figure printed damaged (",867.48": digits lost before a thousands separator)."""
    for path, value in ctx.values((), target.field):
        if isinstance(value, str) and value:
            yield ctx.finding(rule, path, {"printed": value}, found=value)


def check_repaired(ctx: Context, rule: Rule, target: FieldTarget) -> Iterator[Finding]:
    """A table figure read only after its OCR look-alike letters were repaired ("1O" → 10)."""
    for path, value in ctx.values((), target.field):
        if not isinstance(value, str) or not value:
            continue
        read = str(getattr(get(ctx.report, path[:-1]), "read", ""))
        yield ctx.finding(rule, path, {"printed": value, "read": read}, expected=read, found=value)


def check_whole_base(ctx: Context, rule: Rule, target: QuotientTarget) -> Iterator[Finding]:
    """A rate that holds only because a whole-number base is read as ± 0.5.

    Budgets are set in whole units; "预算1万元 … 完成预算的47%" passes the rounding rule only
    because 1 may stand for 0.5–1.5, while 0.53 of exactly 1 is 53%.
    """
    for scope, item in ctx.scopes(target):
        found = [ctx.figure(scope, spec) for spec in (target.numerator, target.denominator, target.printed)]
        if any(f is None for f in found):
            continue
        (num_path, numerator), (den_path, denominator), (printed_path, printed) = found  # type: ignore[misc]
        if denominator.places != 0 or denominator.exact <= 0 or ctx.is_blocked([num_path, den_path, printed_path]):
            continue
        loose = ratio_interval(Interval.of(numerator), Interval.of(denominator))
        exact = ratio_interval(Interval.of(numerator), Interval.point(denominator.exact))
        if loose is None or exact is None or not Interval.of(printed).intersects(loose):
            continue  # undefined, or already a mismatch of the ratio rule
        yield from ctx.compare(rule, printed_path, printed, exact, what(target, item), related=[num_path, den_path])
