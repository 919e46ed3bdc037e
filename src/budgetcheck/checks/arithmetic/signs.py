"""Sign and notation checks over every printed figure of a report.

Kind ``negative``: a figure that the template never prints negative (a total, a part, a
share, a count, a score) is printed negative. Changes (增减额, 增长率) and 预决算差异率 are
signed; the rule names the signed fields in ``params.signed``.

Kind ``percent_as_fraction``: a percentage cell written as a bare fraction of one with three
or more decimals (``0.9361``) was almost certainly meant as ``93.61%``; a bare number in a
percentage field is otherwise read as percentage points.
"""

from __future__ import annotations

from collections.abc import Iterator
from ...model.exact import Fraction
from typing import Any

from ...catalogue.rules import Rule
from ...catalogue.targets import FractionParams, NegativeParams, NoTarget
from ...model.figures import Figure, format_fraction, normalise
from ...result import Finding
from ...model.paths import DataPath
from ..context import Context


def walk_figures(model: Any, prefix: DataPath = ()) -> Iterator[tuple[DataPath, Figure]]:
    """Every printed figure of a model, with its data path, in document order."""
    found: list[tuple[DataPath, Figure]] = []
    _collect_figures(model, prefix, found)
    return iter(found)


def _collect_figures(model: Any, prefix: DataPath, found: list[tuple[DataPath, Figure]]) -> None:
    # appended to one list rather than yielded through one generator per level of the model
    if isinstance(model, Figure):
        found.append((prefix, model))
    elif isinstance(model, (list, tuple)):
        for index, item in enumerate(model):
            _collect_figures(item, prefix + (index,), found)
    else:
        fields = getattr(type(model), "__pydantic_fields__", None)
        if fields is not None:
            for name in fields:
                value = getattr(model, name)
                if value is not None and not isinstance(value, str):
                    _collect_figures(value, prefix + (name,), found)


def report_figures(ctx: Context) -> list[tuple[DataPath, Figure]]:
    """Every printed figure of the run's report, walked once per report (two rules use it)."""
    found: list[tuple[DataPath, Figure]] | None = ctx.memo.get("figures")
    if found is None:
        found = ctx.memo["figures"] = list(walk_figures(ctx.report))
    return found


def check_negative(ctx: Context, rule: Rule, target: NoTarget) -> Iterator[Finding]:
    """A figure outside the signed fields is printed below zero."""
    params = rule.params if isinstance(rule.params, NegativeParams) else NegativeParams()
    signed = set(params.signed)
    for path, figure in report_figures(ctx):
        if figure.value < 0 and not signed.intersection(seg for seg in path if isinstance(seg, str)):
            yield ctx.finding(rule, path, {}, found=figure.text)


def check_percent_as_fraction(ctx: Context, rule: Rule, target: NoTarget) -> Iterator[Finding]:
    """A percentage written as ``0.9361`` instead of ``93.61%``."""
    params = rule.params if isinstance(rule.params, FractionParams) else FractionParams()
    min_places = params.min_places
    for path, figure in report_figures(ctx):
        bare = figure.percent and "%" not in normalise(figure.text)
        if bare and figure.places >= min_places and 0 < abs(figure.value) <= 1:
            meant = format_fraction(Fraction(figure.value), max(0, figure.places - 2), percent=True)
            yield ctx.finding(rule, path, {}, expected=meant, found=figure.text)
