"""Table-count checks: a printed number of tables equals the number of tables transcribed.

Kind ``table_count``: the integer at ``printed`` equals how many values the path pattern
``count`` matches (``performance.projects[*]`` counts the project tables, a plain path such
as ``performance.unit_table`` counts 1 when the table is present). When nothing matches the
tables were not transcribed, so nothing is checked. Counts are exact.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...catalogue.rules import Rule
from ...catalogue.targets import CountTarget
from ...result import Finding
from ..context import Context
from .sums import what


def check_table_count(ctx: Context, rule: Rule, target: CountTarget) -> Iterator[Finding]:
    """Printed ``printed`` = the number of values ``count`` matches (when there are any)."""
    for scope, item in ctx.scopes(target):
        printed = ctx.figure(scope, target.printed)
        if printed is None:
            continue
        matched = [path for path, _ in ctx.values(scope, target.count)]
        if not matched:
            continue
        paths = [printed[0]]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        if printed[1].exact != len(matched):
            yield ctx.finding(
                rule, printed[0], what(target, item), expected=str(len(matched)), found=printed[1].text,
                related=matched[:1],
            )
