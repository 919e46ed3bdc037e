"""Sums of statements (a total and the parts listed under it), located at the likely culprit.

Kind ``statement_sum``: for every statement with parts, each measure (the amount, the
budget, the change against last year) of the total equals the sum of the parts' when every
part prints it. When a sum fails, the finding is placed on the figure that no other
identity vouches for: a total that is printed again with the same value elsewhere, that is
itself a part of a sum that holds, or whose ratio (share, completion) holds, is *confirmed*,
and the finding then goes to the first part that is not (a table cell typed wrong is found
in its own row). Otherwise it is placed on the total, as for any sum.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...catalogue.rules import Rule
from ...catalogue.targets import ListTarget
from ...model.figures import Figure
from ...result import Finding
from ..intervals import Interval, total
from ...model.paths import DataPath, format_path
from ..context import Context
from ...model.records import replace
from .ratios import ratio_interval

MEASURES = (("amount",), ("budget",), ("vs_prior", "change"), ("count",))
Node = tuple[DataPath, Any]
_ZH = {"amount": "决算数", "budget": "预算数", "vs_prior.change": "比上年增减额", "count": "数量"}


def _walk(items: list[Any], prefix: DataPath) -> Iterator[Node]:
    for index, item in enumerate(items):
        path = prefix + (index,)
        yield path, item
        yield from _walk(list(item.parts), path + ("parts",))


def _value(item: Any, measure: tuple[str, ...]) -> Figure | None:
    value = item
    for name in measure:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value if isinstance(value, Figure) else None


def _holds(item: Any, measure: tuple[str, ...]) -> bool | None:
    """Whether an item's measure equals the sum of its parts' (None: not checkable)."""
    printed = _value(item, measure)
    parts = [_value(part, measure) for part in item.parts]
    if printed is None or not parts or any(p is None for p in parts):
        return None
    if len(parts) == 1:  # 其中 one part: a subset, not a sum (changes are signed: no order)
        part = parts[0]
        assert part is not None
        return None if measure == ("vs_prior", "change") else _interval(part, measure).lo <= _interval(printed, measure).hi
    if measure == ("count",):  # counts are exact, and only counts of one unit add up
        if len({_unit(printed)} | {_unit(p) for p in parts if p is not None}) > 1:
            return None
        return printed.exact == sum(p.exact for p in parts if p is not None)
    return Interval.of(printed).intersects(total([Interval.of(p) for p in parts if p is not None]))


def _interval(figure: Figure, measure: tuple[str, ...]) -> Interval:
    return Interval.point(figure.exact) if measure == ("count",) else Interval.of(figure)


def _unit(figure: Figure) -> str:
    return figure.text.lstrip("+-0123456789.,")


class _Vouch:
    """Which figures some other identity of the document confirms."""

    def __init__(self, nodes: list[Node]):
        self.nodes = nodes
        self.parent: dict[DataPath, Any] = {}
        for path, item in nodes:
            for index, part in enumerate(item.parts):
                self.parent[path + ("parts", index)] = item

    def confirmed(self, path: DataPath, item: Any, measure: tuple[str, ...]) -> bool:
        figure = _value(item, measure)
        if figure is None:
            return False
        parent = self.parent.get(path)
        if (parent is not None and _holds(parent, measure)) or _holds(item, measure):
            return True
        return self._repeated(path, item, measure, figure) or self._in_ratio(item, measure, figure)

    def _repeated(self, path: DataPath, item: Any, measure: tuple[str, ...], figure: Figure) -> bool:
        key = item.key or item.label
        return any(
            other_path != path and (other.key or other.label) == key
            and (other_fig := _value(other, measure)) is not None and other_fig.exact == figure.exact
            for other_path, other in self.nodes
        )

    def _in_ratio(self, item: Any, measure: tuple[str, ...], figure: Figure) -> bool:
        """A completion rate of the same label that holds with a non-zero numerator."""
        key = item.key or item.label
        for _, other in self.nodes:
            cmp = other.vs_budget
            if (other.key or other.label) != key or cmp is None or None in (cmp.current, cmp.base, cmp.completion):
                continue
            copy = cmp.base if measure == ("budget",) else cmp.current if measure == ("amount",) else None
            if copy is None or copy.exact != figure.exact or cmp.current.exact == 0:
                continue
            computed = ratio_interval(Interval.of(cmp.current), Interval.of(cmp.base))
            if computed is not None and Interval.of(cmp.completion).intersects(computed):
                return True
        return False


def check_statement_sum(ctx: Context, rule: Rule, target: ListTarget) -> Iterator[Finding]:
    """Each statement's measures = Σ its parts' measures, within rounding."""
    nodes = list(_walk(list(getattr(ctx.report, target.list)), (target.list,)))
    vouch = _Vouch(nodes)
    for path, item in nodes:
        for measure in MEASURES:
            if _holds(item, measure) is not False:
                continue
            yield from _finding(ctx, rule, vouch, path, item, measure)


def _finding(ctx: Context, rule: Rule, vouch: _Vouch, path: DataPath, item: Any, measure: tuple[str, ...]) -> Iterator[Finding]:
    printed = _value(item, measure)
    assert printed is not None
    parts = [(path + ("parts", i) + measure, part) for i, part in enumerate(item.parts)]
    paths = [path + measure] + [p for p, _ in parts]
    if ctx.is_blocked(paths):
        return
    ctx.touch(paths)
    computed = total([_interval(_value(part, measure), measure) for _, part in parts])  # type: ignore[arg-type]
    name = ".".join(measure)
    values = {"what": f"statement {name}: ", "what_zh": f"{_ZH.get(name, name)}：", "item": item.label or ""}
    at = path + measure
    if vouch.confirmed(path, item, measure):
        culprit = next(((p, part) for p, part in parts if not vouch.confirmed(p[: -len(measure)], part, measure)
                        and _value(part, measure).exact != 0), None)  # type: ignore[union-attr]
        if culprit is not None:
            at = culprit[0]
            values["item"] = f"{item.label} (part {culprit[1].label})"
    if measure == ("count",):  # exact: no rounding, no truncation
        yield ctx.finding(rule, at, values, expected=str(computed.lo), found=printed.text, related=paths)
        return
    yield from ctx.compare(rule, at, printed, computed, values, related=paths) if at == path + measure else _at_part(
        ctx, rule, at, printed, computed, values, paths)


def _at_part(ctx: Context, rule: Rule, at: DataPath, printed: Figure, computed: Interval, values: dict[str, str],
             paths: list[DataPath]) -> Iterator[Finding]:
    """The total's comparison, reported at the part the other identities leave unconfirmed."""
    for finding in ctx.compare(rule, paths[0], printed, computed, values, related=paths):
        line, column = ctx.loaded.locate(at)
        yield replace(finding, path=format_path(at), line=line, column=column, source=ctx.loaded.source_of(at))
