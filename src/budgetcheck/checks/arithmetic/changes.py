"""Growth checks: a printed growth rate equals change / prior, where prior = current − change.

Kind ``growth`` (docs/domain.md §2.3) compares the printed rate with every value of
``C / (A − C)`` over the rounding box of the current amount ``A`` and the change ``C``. When
the prior interval ``A − C`` stays away from 0 (its closure too: next to an excluded 0 the
rate is unbounded) the function has no critical point in the box and is monotone along each
edge, so its extremes lie at the four corners: computed exactly, each end excluded unless
both of its corner's ends are included.

Kind ``growth_zero_base`` handles the other case, a prior interval that reaches 0. A printed
rate is then suspicious unless some true values in the box explain it: the rate ``r`` is
consistent when ``C − r·(A − C) = 0`` for some ``A``, ``C``, ``r`` in their intervals. That
expression is multilinear in ``(A, C, r)``, so its range over the box is spanned by the eight
corners. ``0.00 → 0.00, 0.00%`` is therefore fine; ``0.37, +0.37, 100.00%`` is not.
"""

from __future__ import annotations

from collections.abc import Iterator
from ...model.exact import Fraction
from itertools import product

from ...catalogue.rules import Rule
from ...catalogue.targets import GrowthTarget
from ...model.figures import Figure, format_fraction
from ...result import Finding
from ..intervals import Interval, corner_range
from ...model.paths import DataPath
from ..context import Context
from .sums import what


def prior_interval(current: Interval, change: Interval) -> Interval:
    """Every prior-year value ``current − change`` the printed figures allow."""
    return current - change


def growth_interval(current: Interval, change: Interval) -> Interval | None:
    """Every value of ``change / (current − change)``, or None when the prior may be 0 (or
    come arbitrarily close to it: the rate is then unbounded)."""
    if prior_interval(current, change).reaches_zero():
        return None
    return corner_range([
        (c / (a - c), a_open or c_open) for (a, a_open), (c, c_open) in product(current.ends(), change.ends())
    ])


def rate_explained(current: Interval, change: Interval, rate: Interval) -> bool:
    """Whether some true values in the box satisfy ``change = rate × (current − change)``."""
    return corner_range([
        (c - r * (a - c), a_open or c_open or r_open)
        for (a, a_open), (c, c_open), (r, r_open) in product(current.ends(), change.ends(), rate.ends())
    ]).contains(Fraction(0))


def _growth_figures(ctx: Context, scope: DataPath, target: GrowthTarget) -> tuple[list[DataPath], list[Figure]] | None:
    """The current, change and rate figures of one scope, or None if any is missing or blocked."""
    found = [ctx.figure(scope, spec) for spec in (target.current, target.change, target.rate)]
    if any(item is None for item in found):
        return None
    paths = [item[0] for item in found if item is not None]
    if ctx.is_blocked(paths):
        return None
    return paths, [item[1] for item in found if item is not None]


def check_growth(ctx: Context, rule: Rule, target: GrowthTarget) -> Iterator[Finding]:
    """Printed ``rate`` = ``change`` / (``current`` − ``change``) where the prior is not 0."""
    for scope, item in ctx.scopes(target):
        found = _growth_figures(ctx, scope, target)
        if found is None:
            continue
        paths, (current, change, rate) = found
        computed = growth_interval(ctx.interval(paths[0], current), ctx.interval(paths[1], change))
        if computed is None:
            continue
        ctx.touch(paths)
        yield from ctx.compare(
            rule, paths[2], rate, computed, what(target, item), related=paths,
            truncated=lambda: growth_interval(
                ctx.interval(paths[0], current, truncated=True), ctx.interval(paths[1], change, truncated=True)
            ),
        )


def check_growth_zero_base(ctx: Context, rule: Rule, target: GrowthTarget) -> Iterator[Finding]:
    """A printed ``rate`` over a prior that may be 0 and that no true values can explain."""
    for scope, item in ctx.scopes(target):
        found = _growth_figures(ctx, scope, target)
        if found is None:
            continue
        paths, (current, change, rate) = found
        a, c = ctx.interval(paths[0], current), ctx.interval(paths[1], change)
        prior = prior_interval(a, c)
        if not prior.reaches_zero():
            continue
        ctx.touch(paths)
        if rate_explained(a, c, Interval.of(rate)):
            continue
        places = max(current.places, change.places)
        shown = format_fraction(Fraction(current.value) - Fraction(change.value), places)
        values = {**what(target, item), "prior": shown}
        yield ctx.finding(
            rule,
            paths[2],
            values,
            expected=f"undefined (prior {shown})",
            found=rate.text,
            interval=prior.describe(places),
            related=paths,
        )


def check_negative_prior(ctx: Context, rule: Rule, target: GrowthTarget) -> Iterator[Finding]:
    """A decrease larger than anything the current amount allows: the prior would be below 0."""
    for scope, item in ctx.scopes(target):
        found = [ctx.figure(scope, spec) for spec in (target.current, target.change)]
        if found[0] is None or found[1] is None:
            continue
        (current_path, current), (change_path, change) = found[0], found[1]
        if ctx.is_blocked([current_path, change_path]):
            continue
        prior = prior_interval(ctx.interval(current_path, current), ctx.interval(change_path, change))
        ctx.touch([current_path, change_path])
        if prior.hi > 0 or prior.contains(Fraction(0)):
            continue
        places = max(current.places, change.places)
        shown = format_fraction(Fraction(current.value) - Fraction(change.value), places)
        values = {**what(target, item), "prior": shown, "current": current.text}
        yield ctx.finding(
            rule,
            change_path,
            values,
            expected=f"≤ {current.text}",
            found=change.text,
            interval=prior.describe(places),
            related=[current_path, change_path],
        )
