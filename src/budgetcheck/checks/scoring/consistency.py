"""Consistency of the scoring convention within one document (docs/domain.md §4).

``convention``: forward rows above 100 % that share a 赋分规则 (or, without one, a table) are scored one way — each is
classified ``full``, ``deviation`` or ``ambiguous``; where the unambiguous rows of one rule
mix, the minority rows are reported (on a tie, the ``full`` ones).
``far_above``: a forward row far above target (``far_above_rate``) kept at full marks.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from ...model.exact import Fraction
from typing import Any

from ...catalogue.rules import Rule
from ...catalogue.targets import TableTarget, TablesTarget
from ...model.figures import format_fraction
from ...result import Finding
from ..intervals import Interval
from ..context import Context
from .profile_params import Conventions
from .rating import Direction
from .score_formulas import classify_above_target, forward_score
from .indicator_rows import IndicatorRow, conventions, printed_rate, rows

SAME_TABLE = "（本表，未填赋分规则 / same table, no 赋分规则 printed）"
NAMES = {"full": ("full marks", "保留满分"), "deviation": ("deduction by the deviation", "按偏差扣分")}


def scored_rows(ctx: Context, target: TableTarget | TablesTarget, conv: Conventions) -> Iterator[IndicatorRow]:
    """The assessed rows of every table group a target names."""
    for pattern in target.tables if isinstance(target, TablesTarget) else (target.for_each,):
        yield from rows(ctx, TableTarget(for_each=pattern), conv)


def above_target_rate(row: IndicatorRow) -> Interval | None:
    """The completion rate of a forward row that is certainly above 100 %, else None: the
    recomputed actual / target (narrowed by a printed rate that agrees with it), so that a
    rate printed capped at 100 % does not hide a row above target; the printed rate where
    nothing can be recomputed."""
    if row.assessment.direction is not Direction.FORWARD or row.score is None:
        return None
    ratio = row.assessment.ratio
    if ratio is None:
        above = [rate for rate in printed_rate(row) if rate.lo > 1]
        return above[0] if above else None
    if row.rate is not None and Interval.of(row.rate).intersects(ratio):
        printed = Interval.of(row.rate)
        ratio = Interval(max(ratio.lo, printed.lo), min(ratio.hi, printed.hi))
    return ratio if ratio.lo > 1 else None


def _score(row: IndicatorRow, conv: Conventions) -> Interval:
    """The row's score at the precision of the table's scores (``8`` among ``7.58`` is 8.00),
    or at the profile's rounding step."""
    score = row.score_at_table_precision(conv.score_rounding)
    if score is None:  # pragma: no cover - callers skip unscored rows
        raise ValueError("unscored row")
    return score


def rule_group(row: IndicatorRow) -> tuple[str, Any]:
    """Rows scored by one rule: the same 赋分规则 text across the document, or, for rows
    without one, the same table (one table applies one rule)."""
    rule_text = (row.indicator.scoring_rule or "").strip()
    return (rule_text, None) if rule_text else (SAME_TABLE, row.path[:-2])


def check_convention(ctx: Context, rule: Rule, target: TablesTarget) -> Iterator[Finding]:
    """Rows above target under the same 赋分规则 are all kept full or all deducted."""
    groups: dict[tuple[str, Any], list[tuple[IndicatorRow, Interval, str]]] = defaultdict(list)
    conv = conventions(ctx)
    for row in scored_rows(ctx, target, conv):
        rate = above_target_rate(row)
        if rate is None or row.score is None:
            continue
        kind = classify_above_target(row.weight.exact, rate, _score(row, conv))
        if kind in ("full", "deviation"):
            groups[rule_group(row)].append((row, rate, kind))
    for (rule_text, _), members in groups.items():
        counts = Counter(kind for _, _, kind in members)
        if len(counts) < 2:
            continue
        majority = "deviation" if counts["deviation"] >= counts["full"] else "full"
        for row, rate, kind in members:
            if kind != majority:
                yield _finding(ctx, rule, row, rate, rule_text, majority, counts)


def _finding(
    ctx: Context, rule: Rule, row: IndicatorRow, rate: Interval, rule_text: str, majority: str, counts: Counter[str]
) -> Finding:
    weight, score = row.weight.exact, row.score
    if score is None:  # pragma: no cover - rows without a score are never classified
        raise ValueError("unscored row")
    expected = weight if majority == "full" else forward_score(weight, rate, "deviation").mid
    values = row.values(
        rule=rule_text,
        convention=NAMES[majority][0],
        convention_zh=NAMES[majority][1],
        count=str(counts[majority]),
        rate=_rate_text(row, rate, "recomputed"),
        rate_zh=_rate_text(row, rate, "重算为"),
    )
    at = row.at("score")
    related = [at, row.at("weight"), row.at("completion_rate")]
    return ctx.finding(
        rule, at, values, expected=format_fraction(expected, max(score.places, 2)), found=score.text, related=related
    )


def _rate_text(row: IndicatorRow, rate: Interval, recomputed_word: str) -> str:
    """The printed rate, with the recomputed one (after ``recomputed_word``, in the message's
    language) where the printed rate is capped or absent."""
    recomputed = format_fraction(rate.mid, 2, True)
    if row.rate is None:
        return recomputed
    sep = ", " if recomputed_word.isascii() else "，"
    return row.rate.text if Interval.of(row.rate).lo > 1 else f"{row.rate.text}{sep}{recomputed_word} {recomputed}"


def check_far_above(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """A completion rate at or above ``far_above_rate`` kept at full marks (target set too low)."""
    conv = conventions(ctx)
    for row in scored_rows(ctx, target, conv):
        rate = above_target_rate(row)
        if rate is None or row.score is None:
            continue
        shown = row.rate.exact if row.rate is not None and Interval.of(row.rate).intersects(rate) else rate.lo
        weight = row.weight.exact
        if shown < conv.far_above_rate or classify_above_target(weight, rate, _score(row, conv)) != "full":
            continue  # deducted, or so coarsely printed that a deduction cannot be ruled out
        deducted = forward_score(weight, rate, "deviation").mid
        values = row.values(rate=row.rate.text if row.rate is not None else format_fraction(rate.mid, 2, True))
        at = row.at("score")
        related = [at, row.at("weight"), row.at("completion_rate"), row.at("target"), row.at("actual")]
        expected = format_fraction(max(deducted, Fraction(0)), max(row.score.places, 2))
        yield ctx.finding(rule, at, values, expected=expected, found=row.score.text, related=related)
