"""The mutation operators, over raw report data (every figure a printed string).

Each operator yields :class:`Mutant` records: a deep copy of the data with one change, and
the data paths it changed. Operators never look at the engine's findings.

- ``one_unit``: one figure moved by one unit of its last printed decimal, up and down
  (``1,085.33`` → ``1,085.34`` / ``1,085.32``): just beyond its own rounding interval;
- ``sign_flip``: one non-zero figure negated;
- ``swap_parts``: two unequal sibling amounts of one list swapped (two income sources);
- ``delete_row``: one row of a list of rows removed (a source, a 类/款/项 line, a vehicle kind);
- ``duplicate_project``: one performance project table listed twice;
- ``flip_operator``: an indicator target's ``>=`` turned into ``<=`` or back;
- ``move_deadline``: a deadline target moved 30 days earlier or later;
- ``change_scoring_rule``: a proportional 赋分规则 replaced by an all-or-nothing one, or back.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from budgetcheck.model.figures import Figure
from budgetcheck.model.measures import MeasureKind, parse_measure
from budgetcheck.model.paths import DataPath, get

from .mutation_oracle import walk_figures
from .rawdata import raw_get, raw_set

PROPORTIONAL, ALL_OR_NOTHING = "按照完成比例赋分", "完成得满分，未完成不得分"
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
ROW_LISTS = ("income.items", "expenditure.items", "general_budget.classes", "general_budget.lines",
             "three_public.items", "assets.vehicles", "unit.headcount", "unit.divisions")


@dataclass(frozen=True)
class Mutant:
    """One changed copy of a report's raw data."""

    operator: str
    description: str
    data: dict[str, Any]
    changed: tuple[DataPath, ...]


def _with(data: dict[str, Any], path: DataPath, value: Any, operator: str, text: str) -> Mutant:
    mutated = copy.deepcopy(data)
    raw_set(mutated, path, value)
    return Mutant(operator, text, mutated, (path,))


def moved_text(figure: Figure, units: int) -> str:
    """The figure's printed text moved by ``units`` of its last decimal, same layout."""
    step = Decimal(1).scaleb(-figure.places) * units
    moved = figure.value + step
    body = f"{moved:,.{figure.places}f}" if "," in figure.text else f"{moved:.{figure.places}f}"
    head = figure.text[: len(figure.text) - len(figure.text.lstrip("+-"))]
    digits_end = len(figure.text.rstrip("分万元%个辆人台次"))
    suffix = figure.text[digits_end:]
    if "%" in figure.text and not suffix.startswith("%") and "%" not in suffix:
        suffix = "%" + suffix
    if head == "+" and moved >= 0:
        body = "+" + body
    return body + suffix


def one_unit(data: dict[str, Any], report: Any) -> Iterator[Mutant]:
    for path, fig in walk_figures(report):
        if not isinstance(raw_get(data, path), str):
            continue
        for units in (1, -1):
            new = moved_text(fig, units)
            yield _with(data, path, new, "one_unit", f"{'.'.join(map(str, path))}: {fig.text} -> {new}")


def sign_flip(data: dict[str, Any], report: Any) -> Iterator[Mutant]:
    for path, fig in walk_figures(report):
        raw = raw_get(data, path)
        if fig.value == 0 or not isinstance(raw, str):
            continue
        flipped = raw.lstrip("+-") if raw.lstrip().startswith(("-", "+")) and fig.value < 0 else "-" + raw.lstrip("+")
        yield _with(data, path, flipped, "sign_flip", f"{'.'.join(map(str, path))}: {raw} -> {flipped}")


def _rows(data: dict[str, Any]) -> Iterator[tuple[DataPath, list[Any]]]:
    for dotted in ROW_LISTS:
        path: DataPath = tuple(dotted.split("."))
        try:
            rows = raw_get(data, path)
        except (KeyError, TypeError):
            continue
        if isinstance(rows, list):
            yield path, rows
    for table_path, table in _tables(data):
        parts = table.get("funds", {}).get("parts")
        if isinstance(parts, list):
            yield table_path + ("funds", "parts"), parts


def _tables(data: dict[str, Any]) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    perf = data.get("performance") or {}
    if isinstance(perf.get("unit_table"), dict):
        yield ("performance", "unit_table"), perf["unit_table"]
    for i, table in enumerate(perf.get("projects") or []):
        yield ("performance", "projects", i), table


def swap_parts(data: dict[str, Any], report: Any) -> Iterator[Mutant]:
    for path, rows in _rows(data):
        for key in ("amount", "count", "annual_budget", "executed"):
            cells = [(i, r[key]) for i, r in enumerate(rows) if isinstance(r, dict) and isinstance(r.get(key), str)]
            for (i, a), (j, b) in zip(cells, cells[1:]):
                if _value(a) == _value(b):
                    continue
                mutated = copy.deepcopy(data)
                raw_get(mutated, path)[i][key], raw_get(mutated, path)[j][key] = b, a
                text = f"{'.'.join(map(str, path))}[{i}↔{j}].{key}: {a} ↔ {b}"
                yield Mutant("swap_parts", text, mutated, (path + (i, key), path + (j, key)))


def _value(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").rstrip("%"))
    except ArithmeticError:
        return None


def delete_row(data: dict[str, Any], report: Any) -> Iterator[Mutant]:
    for path, rows in _rows(data):
        for i in range(len(rows)):
            mutated = copy.deepcopy(data)
            del raw_get(mutated, path)[i]
            yield Mutant("delete_row", f"{'.'.join(map(str, path))}[{i}] deleted", mutated, (path + (i,),))


def duplicate_project(data: dict[str, Any], report: Any) -> Iterator[Mutant]:
    projects = (data.get("performance") or {}).get("projects") or []
    for i in range(len(projects)):
        mutated = copy.deepcopy(data)
        mutated["performance"]["projects"].insert(i + 1, copy.deepcopy(projects[i]))
        yield Mutant("duplicate_project", f"performance.projects[{i}] listed twice", mutated, (("performance", "projects", i),))


def _indicators(data: dict[str, Any]) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    for table_path, table in _tables(data):
        for i, row in enumerate(table.get("indicators") or []):
            if isinstance(row, dict):
                yield table_path + ("indicators", i), row


def flip_operator(data: dict[str, Any], report: Any) -> Iterator[Mutant]:
    for path, row in _indicators(data):
        target = str(row.get("target", ""))
        for old, new in ((">=", "<="), ("<=", ">="), ("≥", "≤"), ("≤", "≥")):
            if target.startswith(old):
                flipped = new + target[len(old):]
                yield _with(data, path + ("target",), flipped, "flip_operator", f"{'.'.join(map(str, path))}: {target} -> {flipped}")
                break


def move_deadline(data: dict[str, Any], report: Any) -> Iterator[Mutant]:
    for path, row in _indicators(data):
        target = str(row.get("target", ""))
        measure = parse_measure(target)
        match = _DATE.search(target)
        if measure.kind is not MeasureKind.DATE or match is None:
            continue
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        for days in (-30, 30):
            moved = day + dt.timedelta(days=days)
            text = target[: match.start()] + f"{moved.year}年{moved.month}月{moved.day}日" + target[match.end():]
            yield _with(data, path + ("target",), text, "move_deadline", f"{'.'.join(map(str, path))}: {target} -> {text}")


def change_scoring_rule(data: dict[str, Any], report: Any) -> Iterator[Mutant]:
    for path, row in _indicators(data):
        rule = str(row.get("scoring_rule", ""))
        swapped = {PROPORTIONAL: ALL_OR_NOTHING, ALL_OR_NOTHING: PROPORTIONAL}.get(rule)
        if swapped is not None:
            yield _with(data, path + ("scoring_rule",), swapped, "change_scoring_rule",
                        f"{'.'.join(map(str, path))}: {rule} -> {swapped}")


OPERATORS = {
    "one_unit": one_unit, "sign_flip": sign_flip, "swap_parts": swap_parts, "delete_row": delete_row,
    "duplicate_project": duplicate_project, "flip_operator": flip_operator, "move_deadline": move_deadline,
    "change_scoring_rule": change_scoring_rule,
}
SCORING_OPERATORS = ("flip_operator", "move_deadline", "change_scoring_rule")


def model_get(report: Any, path: DataPath) -> Any:
    """The model value at ``path`` (None when absent)."""
    try:
        return get(report, path)
    except (KeyError, IndexError, AttributeError, TypeError):
        return None
