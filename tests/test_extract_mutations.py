"""A document with one changed figure yields a new finding.

Each case changes one printed figure of the reference text dump where it is printed,
extracts the changed text, validates it and compares with the unchanged document. A change
is *found* when a finding appears whose rule + data path is not in the original run, or,
for a figure that already carries a finding at its own path (a wrong score stays wrong), when
that finding now quotes the changed figure.

What is changed (well beyond rounding, never ±1 in the last decimal, which the rounding
intervals legitimately absorb):

- a number: the digit before the last printed digit is raised by 3, with carry, so the
  figure grows by 30 units of its last place (``1,085.20`` → ``1,085.50``, ``111.1%`` →
  ``114.1%``); a figure without decimals grows by 3 (``15`` → ``18``, ``=1个`` → ``=4个``);
  negative figures grow in magnitude (``-138.94`` → ``-139.24``);
- a date: 3 days later (``2024年12月8日`` → ``2024年12月11日``);
- a growth rate or an indicator completion rate whose raised value still lies in the range
  its printed operands allow (an increase of 0.10 on 0.22 may be anything from 42 % to 49 %)
  is moved 30 last-place units past the top of that range instead.

These kinds are strict: every change to a narrative amount or total, a share, a
growth rate, a budget comparison, a table weight, a score, an execution figure (全年预算数,
执行数, 执行率, 得分) or a count with an identity must be found. Exempt, with the reason:

- a rate over a base that may be 0 (``0.00`` → ``0.00, 0.00%``; ``预算 0.00``): the rate is
  undefined, any printed rate is either explained by rounding or already reported (BC302).

Indicator targets and actuals are asserted where a change is detectable in principle:

- detectable: the change makes a met target missed (an actual over a ``<=`` target, an actual
  date after the deadline), or the row is below its target, or its printed 完成率 is not
  100 % (the rate is recomputed from target and actual);
- not detectable: a row below target without a 完成率 column whose score (weight ×
  actual / target) moves by less than one unit of its printed last place (``15 × 163/200`` is
  still ``12``); a forward actual raised above a target it already met, or a ``>=`` /
  ``<=`` target moved while the actual still meets it (completion is capped at 100 % under
  the national profile); a deadline moved later; a row that already carries a finding.

Kinds with no identity are not asserted (their change only has to reach the extracted
data): 人员 changes (no prior headcount is printed), 科室数 and 下属单位数 (no rule counts the
named divisions), "三公" counts of groups, trips, receptions and purchased vehicles, building
area and value, vehicle value, equipment count.

By default every 5th figure is changed; ``BUDGETCHECK_MUTATION_STRIDE=1`` changes all of
them (about 40 s).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.document import Extraction, extract_blocks
from budgetcheck.sources.documents.text import read_text_dump
from budgetcheck.model.figures import parse_figure
from budgetcheck.result import Finding
from budgetcheck.sources.load import build_report
from budgetcheck.model.measures import Measure, MeasureKind, parse_measure

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "changji-2024.txt"
STRIDE = int(os.environ.get("BUDGETCHECK_MUTATION_STRIDE", "5"))
PROSE_KEYS = {"reason", "expected", "actual_text", "label", "name", "note", "title", "basis", "evidence",
              "deviation_reason", "prior_year", "scoring_rule", "department", "implementer", "other_vehicle_use",
              "class_label", "section_label", "item_label", "level1", "level2", "as_of", "grade"}
NO_IDENTITY = {"division_count", "subordinate_units", "abroad_groups", "abroad_trips", "vehicles_purchased",
               "reception_batches", "reception_visits", "building_area", "building_value", "vehicle_value",
               "equipment_over_million"}
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")

Key = tuple[str, str]


# -- the reference document and its findings ------------------------------------------------
@lru_cache(maxsize=None)
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _extract(text: str) -> Extraction:
    return extract_blocks(read_text_dump(text), "case.txt")


def _findings(data: dict[str, Any]) -> list[Finding]:
    loaded = build_report(data, {}, "case.txt")
    assert loaded.problems == [], loaded.problems
    return check_report(loaded, profile=resolve_profile(loaded)).findings


@lru_cache(maxsize=None)
def baseline() -> tuple[Extraction, frozenset[Key]]:
    extraction = _extract(seed_text())
    return extraction, frozenset((f.rule, f.path) for f in _findings(extraction.data))


def _value(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


def _dotted(path: tuple) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path).lstrip(".")


def _printed_at(path: tuple) -> bool:
    """Whether the value is printed as such at its origin (``无下属单位`` becomes "0", unprinted)."""
    extraction, _ = baseline()
    where, value = extraction.origins[path], _value(extraction.data, path)
    line = seed_text().split("\n")[where.line - 1]
    return value.lstrip("-").removesuffix("分") in line[where.column - 1 :]


@lru_cache(maxsize=None)
def figure_paths() -> list[tuple]:
    """Data paths of every extracted figure printed in the dump (prose fields left out)."""
    extraction, _ = baseline()
    out = []
    for path, where in extraction.origins.items():
        value = _value(extraction.data, path)
        if where.line and isinstance(value, str) and path[-1] not in PROSE_KEYS and _DIGIT.search(value):
            if path[-2:-1] != ("goals",) and _printed_at(path):
                out.append(path)
    return out


# -- the change -----------------------------------------------------------------------------
def bump(text: str) -> str:
    """``text`` with its figure raised well beyond rounding (see the module docstring)."""
    dates = list(_DATE.finditer(text))
    if dates:
        found = dates[-1]
        day = dt.date(int(found[1]), int(found[2]), int(found[3])) + dt.timedelta(days=3)
        return f"{text[: found.start()]}{day.year}年{day.month}月{day.day}日{text[found.end():]}"
    found = list(_NUMBER.finditer(text))[-1]
    return text[: found.start()] + _raised(found.group(), 3) + text[found.end() :]


def _raised(raw: str, units: int, past: Fraction | None = None) -> str:
    """``raw`` raised by ``units`` at the digit before its last (units for whole numbers).

    With ``past``, the result is the smallest such step above ``past`` (in printed units).
    """
    places = len(raw.partition(".")[2])
    step = Decimal(1).scaleb(1 - places if places else 0)
    value = Decimal(raw.replace(",", "")) + units * step
    if past is not None:
        quantum = Decimal(1).scaleb(-places)
        top = (Decimal(past.numerator) / Decimal(past.denominator)).quantize(quantum, rounding="ROUND_CEILING")
        value = max(value, top + 3 * step)
    return f"{value:,.{places}f}" if "," in raw else f"{value:.{places}f}"


def _interval(text: str) -> tuple[Fraction, Fraction]:
    figure = parse_figure(text.lstrip("=<>≥≤"), suffixes=("万元",))
    return figure.interval()


def _allowed_rate(path: tuple) -> tuple[Fraction, Fraction] | None:
    """The range (in percent) a growth or completion rate may take given its printed operands."""
    data = baseline()[0].data
    if path[-2:] == ("change", "rate"):
        current_key = {("income_expenditure",): "income_total", ("fiscal",): "income_total",
                       ("general_budget",): "total"}.get(path[:-2], "amount")
        a_lo, a_hi = _interval(_value(data, path[:-2] + (current_key,)))
        c_lo, c_hi = _interval(_value(data, path[:-1] + ("amount",)))
        if a_lo - c_hi <= 0 <= a_hi - c_lo:
            return None
        rates = [c / (a - c) for a in (a_lo, a_hi) for c in (c_lo, c_hi)]
        return min(rates) * 100, max(rates) * 100
    row = _value(data, path[:-1])
    target, actual = parse_measure(row.get("target")), parse_measure(row.get("actual"))
    if target.figure is None or actual.figure is None or target.figure.exact <= 0:
        return (Fraction(0), Fraction(0))
    t_lo, t_hi = target.figure.interval()
    a_lo, a_hi = actual.figure.interval()
    return a_lo / t_hi * 100, a_hi / t_lo * 100


def changed_value(path: tuple) -> str:
    """The text the figure at ``path`` is changed to."""
    printed = _value(baseline()[0].data, path)
    is_rate = path[-2:] == ("change", "rate") or (path[-1] == "completion_rate" and "indicators" in path)
    allowed = _allowed_rate(path) if is_rate else None
    if allowed is None:
        return bump(printed)
    found = list(_NUMBER.finditer(printed))[-1]
    magnitude = _raised(found.group(), 3, past=allowed[1] if not printed.startswith("-") else -allowed[0])
    return printed[: found.start()] + magnitude + printed[found.end() :]


def mutate_text(path: tuple) -> str:
    """The seed with the figure at ``path`` changed where it is printed."""
    extraction, _ = baseline()
    where = extraction.origins[path]
    printed = _value(extraction.data, path).lstrip("-").removesuffix("分")
    changed = changed_value(path).lstrip("-").removesuffix("分")
    lines = seed_text().split("\n")
    line = lines[where.line - 1]
    start = line.index(printed, where.column - 1)
    lines[where.line - 1] = line[:start] + changed + line[start + len(printed) :]
    return "\n".join(lines)


def found_through_text(path: tuple) -> bool:
    """Whether the changed document gets a new finding, or its own finding quotes the change."""
    extraction = _extract(mutate_text(path))
    assert _value(extraction.data, path) == changed_value(path), path
    findings = _findings(extraction.data)
    original = baseline()[1]
    if any((f.rule, f.path) not in original for f in findings):
        return True
    here = _dotted(path)
    return any(f.path == here and f.found == changed_value(path) for f in findings)


# -- what can be detected -------------------------------------------------------------------
def kind_of(path: tuple) -> str:
    """The kind of figure at ``path``, as the module docstring names them."""
    last = path[-1]
    if "indicators" in path:
        return {"weight": "weight", "score": "score", "completion_rate": "completion rate"}.get(last, "indicator measure")
    if last in NO_IDENTITY or path[:2] == ("unit", "headcount") and last == "change":
        return "no identity"
    if last == "weight":
        return "weight"
    if last == "score":
        return "score"
    if "funds" in path:
        return "execution"
    if last in ("share", "share_of_expenditure"):
        return "share"
    if path[-2:] == ("change", "rate"):
        return "growth rate"
    if "budget" in path[-2:] or "budget_comparison" in path:
        return "budget comparison"
    if path[0] == "unit" or "counts" in path or last in ("vehicle_count", "count", "projects", "unit_tables"):
        return "count"
    return "amount"


def _zero_base(path: tuple) -> bool:
    """A rate whose base may be 0 (undefined: exempt)."""
    data = baseline()[0].data
    if path[-2:] == ("change", "rate"):
        return _allowed_rate(path) is None
    if path[-1] == "variance_rate":
        lo, hi = _interval(_value(data, path[:-1] + ("budget",)))
        return lo <= 0 <= hi
    return False


def _met(target: Measure, actual: Measure) -> bool | None:
    if target.kind is MeasureKind.DATE and actual.kind is MeasureKind.DATE:
        return actual.date <= target.date
    if target.figure is None or actual.figure is None:
        return None
    if target.operator in ("<=", "<"):
        return actual.figure.exact <= target.figure.exact
    return actual.figure.exact >= target.figure.exact


def _row_reported(path: tuple) -> bool:
    row = _dotted(path[:-1]) + "."
    return any(p.startswith(row) for _, p in baseline()[1])


def measure_detectable(path: tuple) -> bool:
    """Whether changing an indicator's target or actual is detectable in principle."""
    if _row_reported(path):
        return False
    row = dict(_value(baseline()[0].data, path[:-1]))
    before = _met(parse_measure(row["target"]), parse_measure(row["actual"]))
    row[path[-1]] = changed_value(path)
    after = _met(parse_measure(row["target"]), parse_measure(row["actual"]))
    if before is None:
        return False
    if before and not after:
        return True
    if parse_measure(row["target"]).kind is MeasureKind.DATE:
        return False
    rate = row.get("completion_rate")
    if rate is not None:
        return not before or parse_figure(rate).exact != 1
    return not before and _score_moves(dict(_value(baseline()[0].data, path[:-1])), row)


def _score_moves(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Below target without a printed 完成率: whether weight × actual / target moves the score
    by more than one unit of its last printed place (else the score's rounding absorbs it)."""
    def score(row: dict[str, Any]) -> Fraction:
        target, actual = parse_measure(row["target"]), parse_measure(row["actual"])
        return parse_figure(row["weight"]).exact * actual.figure.exact / target.figure.exact

    return abs(score(after) - score(before)) > 2 * parse_figure(before["score"]).half_width


STRICT = ("amount", "share", "growth rate", "budget comparison", "weight", "score", "execution", "count",
          "completion rate")


def expected_found(path: tuple) -> bool | None:
    """True when the change must be found, None when it is not asserted."""
    kind = kind_of(path)
    if kind in STRICT:
        return None if _zero_base(path) else True
    if kind == "indicator measure":
        return True if measure_detectable(path) else None
    return None


# -- the tests ------------------------------------------------------------------------------
def test_the_change_reaches_the_extracted_figure() -> None:
    paths = figure_paths()
    assert len(paths) > 800
    for path in paths[1::41]:
        assert _value(_extract(mutate_text(path)).data, path) == changed_value(path) != _value(baseline()[0].data, path)


@pytest.mark.parametrize(
    "raw, changed",
    [("1,085.20", "1,085.50"), ("-138.94", "-139.24"), ("111.1%", "114.1%"), ("15", "18"), ("=1个", "=4个"),
     ("98.79分", "99.09分"), ("<=23.76万元", "<=24.06万元"), ("2024年11月30日", "2024年12月3日"), ("99.9", "102.9")],
)
def test_bump(raw: str, changed: str) -> None:
    assert bump(raw) == changed


def test_rates_inside_the_rounding_range_are_moved_past_it() -> None:
    data = baseline()[0].data
    line = next(i for i, row in enumerate(data["general_budget"]["lines"]) if row["amount"] == "0.32")
    path = ("general_budget", "lines", line, "change", "rate")  # 0.32 after +0.10: 42.2 % … 48.8 %
    lo, hi = _allowed_rate(path)
    assert lo < Fraction(4545, 100) < hi
    assert Fraction(changed_value(path).rstrip("%")) > hi


def _selected(kinds: tuple[str, ...]) -> list[tuple]:
    return [p for p in figure_paths()[::STRIDE] if kind_of(p) in kinds]


@pytest.mark.parametrize("kind", STRICT + ("indicator measure",))
def test_every_detectable_change_is_found(kind: str) -> None:
    tried = [p for p in _selected((kind,)) if expected_found(p)]
    missed = [(_dotted(p), changed_value(p)) for p in tried if not found_through_text(p)]
    assert not missed, f"{len(missed)}/{len(tried)} changes of kind {kind!r} not found: {missed}"


def test_the_strict_kinds_are_all_tried_and_few_are_exempt() -> None:
    paths = [p for p in figure_paths() if kind_of(p) in STRICT]
    exempt = [p for p in paths if expected_found(p) is None]
    assert len(paths) > 400 and len(exempt) <= 8, [_dotted(p) for p in exempt]
    assert {kind_of(p) for p in paths} == set(STRICT)
