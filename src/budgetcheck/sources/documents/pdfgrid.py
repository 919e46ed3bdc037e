"""Ruled tables on a PDF page: the drawn lines → the cells of each table.

The method is pdfplumber's "lines" strategy: horizontal and vertical rules are snapped
and joined, their crossings found, and a cell is the smallest rectangle whose four corners
are crossings joined by rules; cells that touch form one table, and a table's rows are
its cells grouped by top edge (a merged cell belongs to its first row only). Coordinates
are PDF points measured from the top of the page. Pure geometry, no PDF library. Where a
page break split a row and left the table open, the loose ends of its vertical rules are
joined by a closing rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

SNAP = 3.0  # rules this close (points) are one rule; a gap this small does not break one
MIN_CELL = 2.0  # a "cell" thinner than this is two rules drawn side by side


class Rule(NamedTuple):
    """One horizontal (``at`` = y, from x ``start`` to ``end``) or vertical rule."""

    horizontal: bool
    at: float
    start: float
    end: float


class Box(NamedTuple):
    """A rectangle: left, top, right, bottom (top < bottom)."""

    x0: float
    top: float
    x1: float
    bottom: float


def _join(rules: list[Rule]) -> list[Rule]:
    """Snap rules of one direction to shared positions and join overlapping pieces."""
    out: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (r.at, r.start)):
        same = [i for i in range(max(0, len(out) - 8), len(out)) if abs(out[i].at - rule.at) <= SNAP]
        for i in reversed(same):
            kept = out[i]
            if rule.start <= kept.end + SNAP and kept.start <= rule.end + SNAP:
                out[i] = kept._replace(start=min(kept.start, rule.start), end=max(kept.end, rule.end))
                break
        else:
            at = out[same[-1]].at if same else rule.at
            out.append(rule._replace(at=at))
    return out


def _on(rule: Rule, position: float) -> bool:
    return rule.start - SNAP <= position <= rule.end + SNAP


def _closing(vertical: list[Rule], horizontal: list[Rule]) -> list[Rule]:
    """Rules that close a table left open where a page break split a row.

    The part of a split row on either side of the break may be drawn without the rule
    along the break; its vertical rules then end in the air, all at the same height.
    Two or more such loose ends at one height get a horizontal rule between them.
    """
    loose: dict[float, list[float]] = {}
    for rule in vertical:
        for end in (rule.start, rule.end):
            if not any(abs(h.at - end) <= SNAP and _on(h, rule.at) for h in horizontal):
                key = next((y for y in loose if abs(y - end) <= SNAP), end)
                loose.setdefault(key, []).append(rule.at)
    return [Rule(True, y, min(xs), max(xs)) for y, xs in loose.items() if len(xs) >= 2]


class _Lines:
    """Joined rules of one direction by their (snapped, exact) position, for quick look-up."""

    def __init__(self, rules: list[Rule]):
        self.at: dict[float, list[Rule]] = {}
        for rule in rules:
            self.at.setdefault(rule.at, []).append(rule)

    def runs(self, at: float, a: float, b: float) -> bool:
        """A rule at ``at`` runs from ``a`` to ``b`` (within the snap tolerance)."""
        return any(r.start - SNAP <= a and b <= r.end + SNAP for r in self.at.get(at, ()))


def cells(rules: Iterable[Rule]) -> list[Box]:
    """The cells the rules enclose."""
    rules = list(rules)
    horizontal = _join([r for r in rules if r.horizontal])
    vertical = _join([r for r in rules if not r.horizontal])
    horizontal = _join(horizontal + _closing(vertical, horizontal)) if vertical else []
    across, down = _Lines(horizontal), _Lines(vertical)
    xs_at: dict[float, set[float]] = {}
    for h in horizontal:
        for v in vertical:
            if _on(h, v.at) and _on(v, h.at):
                xs_at.setdefault(h.at, set()).add(v.at)
    ys = sorted(xs_at)
    found: list[Box] = []
    for y in ys:
        for x in sorted(xs_at[y]):
            right = sorted(x1 for x1 in xs_at[y] if x1 > x + MIN_CELL and across.runs(y, x, x1))
            below = (y1 for y1 in ys if y1 > y + MIN_CELL and x in xs_at[y1] and down.runs(x, y, y1))
            box = next(
                (Box(x, y, x1, y1) for y1 in below for x1 in right
                 if x1 in xs_at[y1] and across.runs(y1, x, x1) and down.runs(x1, y, y1)),
                None,
            )
            if box is not None:
                found.append(box)
    return found


def tables(found: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables (cells sharing a corner), each sorted top to bottom, left to right."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for index, box in enumerate(found):  # corners are snapped positions: shared ones are equal
        for corner in ((box.x0, box.top), (box.x1, box.top), (box.x0, box.bottom), (box.x1, box.bottom)):
            other = owner.setdefault(corner, index)
            parent[root(index)] = root(other)
    groups: dict[int, list[Box]] = {}
    for index, box in enumerate(found):
        groups.setdefault(root(index), []).append(box)
    ordered = [sorted(group, key=lambda b: (b.top, b.x0)) for group in groups.values()]
    return sorted(ordered, key=lambda group: (group[0].top, group[0].x0))


def rows(table: list[Box]) -> list[list[Box]]:
    """A table's cells by row: the cells that share a top edge, left to right."""
    out: list[list[Box]] = []
    for box in table:  # sorted by (top, x0)
        if out and abs(out[-1][0].top - box.top) <= SNAP:
            out[-1].append(box)
        else:
            out.append([box])
    return out


def bbox(table: list[Box]) -> Box:
    """The rectangle a table covers."""
    return Box(min(b.x0 for b in table), min(b.top for b in table), max(b.x1 for b in table),
               max(b.bottom for b in table))
