"""Weights printed in level headings (``产出指标(50分)``, ``数量指标（10分）``) against the
weights of the rows under them. Weights are set, not measured: compared exactly.

Rows belong to a heading when they carry its exact text (the reader fills merged heading
cells down to every row); a level-2 heading is taken within its level-1 heading. A table
model that lists its level-1 headings with their weights (``groups``: label and weight) is
read the same way: the rows whose level-1 text is the group's label.
"""

from __future__ import annotations

from collections.abc import Iterator
from ...model.exact import Fraction

from ...catalogue.rules import Rule
from ...catalogue.targets import TableTarget
from ...model.figures import Figure, format_fraction, normalise
from ...result import Finding
from ...model.report import EvaluationTable
from ...model.paths import DataPath
from ..context import Context
from .indicator_rows import table_name, tables
from .unseen import HEADING_WEIGHT

LEVELS = ("level1", "level2")


def heading_weight(text: str | None) -> Fraction | None:
    """The weight a heading prints (``产出指标(50分)`` → 50), or None."""
    match = HEADING_WEIGHT.search(normalise(text or ""))
    return Fraction(match.group(1)) if match else None


def _blocks(table: EvaluationTable) -> dict[tuple[str, ...], list[int]]:
    """Row indices under each weighted heading, keyed by (level, heading texts down to it)."""
    blocks: dict[tuple[str, ...], list[int]] = {}
    for index, row in enumerate(table.indicators):
        texts = (row.level1 or "", row.level2 or "")
        for depth, level in enumerate(LEVELS):
            if heading_weight(texts[depth]) is not None:
                blocks.setdefault((level, *texts[: depth + 1]), []).append(index)
    return blocks


def _groups(table: EvaluationTable) -> Iterator[tuple[int, str, Figure, list[int]]]:
    """(index, label, weight, rows) of each listed level-1 group whose label carries no
    weight of its own (those are the level texts' blocks already)."""
    for index, group in enumerate(getattr(table, "groups", None) or ()):
        label, weight = getattr(group, "label", None), getattr(group, "weight", None)
        if getattr(group, "level", 1) != 1 or not label or not isinstance(weight, Figure) or heading_weight(label) is not None:
            continue
        members = [i for i, row in enumerate(table.indicators) if normalise(row.level1 or "") == normalise(label)]
        if members:
            yield index, label, weight, members


def check_heading_weights(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """Each weighted heading's weight = Σ the weights of the rows under it."""
    for path, table in tables(ctx, target):
        for index, label, weight, members in _groups(table):
            yield from _compare(ctx, rule, path, table, members, label, weight.exact, path + ("groups", index, "weight"))
        for (level, *texts), members in _blocks(table).items():
            printed = heading_weight(texts[-1])
            if printed is None:  # pragma: no cover - blocks are made of weighted headings
                continue
            yield from _compare(ctx, rule, path, table, members, texts[-1], printed,
                                path + ("indicators", members[0], level))


def _compare(ctx: Context, rule: Rule, path: DataPath, table: EvaluationTable, members: list[int], label: str,
             printed: Fraction, at: DataPath) -> Iterator[Finding]:
    """A finding when the rows' weights do not add up to the heading's."""
    weights = [w for w in (table.indicators[i].weight for i in members) if w is not None]
    if len(weights) < len(members):  # a row without a weight: the heading cannot be checked
        return
    paths: list[DataPath] = [path + ("indicators", i, "weight") for i in members]
    ctx.touch(paths)
    summed = sum((w.exact for w in weights), Fraction(0))
    if summed == printed:
        return
    places = max(w.places for w in weights)
    values = {"item": label, "table": table_name(table, path),
              "sum": format_fraction(summed, places), "count": str(len(members))}
    yield ctx.finding(rule, at, values, expected=format_fraction(printed, places), found=values["sum"], related=paths)
