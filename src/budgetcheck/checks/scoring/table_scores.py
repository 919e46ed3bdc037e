"""Table-level score checks of performance tables (docs/domain.md §2.6).

``weights_total``: Σ indicator weights + funds 分值 = the printed total weight (else 100), exactly.
``score_range``: each score lies in [0, weight] (an uncapped execution score in
[0, 分值 × 执行率] where the profile accepts one).
``total_score``: 总分 = Σ printed scores, exactly, within the total's own last decimal; with
scores not printed, 总分 lies between Σ printed and Σ printed + the weights of the others; on
a table with rows unseen (cut, or a cell not read) between Σ printed and Σ printed + the
weight the unseen rows may hold (``unseen.py``).
``grade``: the printed grade is the profile's grade band of the printed total score.
"""

from __future__ import annotations

from collections.abc import Iterator
from ...model.exact import Fraction

from ...catalogue.rules import Rule
from ...catalogue.targets import TableTarget
from ...model.figures import Figure, format_fraction
from ...result import Finding, Severity
from ..intervals import Interval, total
from ...model.report import EvaluationTable
from ...model.paths import DataPath
from ..context import Context
from ...model.records import replace
from .score_formulas import grades_for, in_range
from .precision import figure
from .indicator_rows import conventions, table_name, tables
from .unseen import is_partial, unseen_room


def _weights(path: DataPath, table: EvaluationTable) -> list[tuple[DataPath, Figure]]:
    found = [(path + ("indicators", i, "weight"), row.weight) for i, row in enumerate(table.indicators)
             if row.weight is not None]  # the checkable view has no weightless rows
    funds = figure(table.funds.total.weight)
    if funds is not None:
        found.append((path + ("funds", "total", "weight"), funds))
    return found


def odd_one_out(parts: list[tuple[DataPath, Figure]], excess: Fraction) -> DataPath | None:
    """The one weight that breaks a sum: every other weight is one and the same value (at
    least two of them), and this one differs from it by exactly the excess; None otherwise
    (then the total is where the sum breaks)."""
    if len(parts) < 3:
        return None
    found = [p for index, (p, fig) in enumerate(parts)
             if fig.exact - excess != fig.exact
             and len({f.exact for i, (_, f) in enumerate(parts) if i != index} | {fig.exact - excess}) == 1]
    return found[0] if len(found) == 1 else None


def check_weights_total(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """Σ weights = the printed total weight, or 100 when none is printed (weights are exact)."""
    for path, table in tables(ctx, target):
        parts = _weights(path, table)
        printed = table.total.weight if table.total is not None else None
        if not table.indicators or ctx.is_blocked([p for p, _ in parts]):
            continue
        summed = sum((fig.exact for _, fig in parts), Fraction(0))
        places = max(fig.places for _, fig in parts)
        paths = [p for p, _ in parts]
        values = {"item": "", "table": table_name(table, path)}
        if printed is not None:
            at = path + ("total", "weight")
            ctx.touch(paths + [at])
            if printed.exact != summed:
                summed_text = format_fraction(summed, places)
                values |= {"sum": summed_text, "total": printed.text}
                odd = odd_one_out(parts, summed - printed.exact)
                where, related = (odd, [at, *paths]) if odd is not None else (at, paths)
                yield ctx.finding(rule, where, values, expected=summed_text, found=printed.text, related=related)
        else:
            ctx.touch(paths)
            if summed != 100:
                found = format_fraction(summed, places)
                values |= {"sum": found, "total": "100"}
                yield ctx.finding(rule, path + ("indicators",), values, expected="100", found=found, related=paths)


def _scored(path: DataPath, table: EvaluationTable) -> Iterator[tuple[DataPath, Figure, Figure, str]]:
    """(score path, score, weight, row label) of the funds row and each indicator row."""
    funds = table.funds.total
    weight, score = figure(funds.weight), figure(funds.score)
    if weight is not None and score is not None:
        yield path + ("funds", "total", "score"), score, weight, funds.label
    for index, row in enumerate(table.indicators):
        score = figure(row.score)
        if score is not None and row.weight is not None:
            yield path + ("indicators", index, "score"), score, row.weight, row.name


def _ceiling(ctx: Context, table: EvaluationTable, at: DataPath, weight: Figure) -> Fraction:
    """The highest score a row may have: its weight, or 分值 × 执行率 for a funds row under a
    profile that accepts an uncapped execution score."""
    if "funds" not in at or "uncapped" not in conventions(ctx).execution_score:
        return weight.exact
    rate = figure(table.funds.total.execution_rate)
    return max(weight.exact, weight.exact * Interval.of(rate).hi) if rate is not None else weight.exact


def check_score_range(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """Each printed score lies in [0, weight]."""
    for path, table in tables(ctx, target):
        for at, score, weight, label in _scored(path, table):
            weight_at = at[:-1] + ("weight",)
            ctx.touch([at, weight_at])
            if in_range(Interval.of(score), _ceiling(ctx, table, at, weight)):
                continue
            expected = weight.text if score.exact > 0 else "0"
            values = {"item": label, "table": table_name(table, path), "weight": weight.text}
            yield ctx.finding(rule, at, values, expected=expected, found=score.text, related=[at, weight_at])


def _printed_scores(path: DataPath, table: EvaluationTable) -> list[tuple[DataPath, Figure]]:
    """(path, score) of every printed score of a table: the funds row's and each row's (a
    table without a weight column still prints its scores)."""
    funds = table.funds.total if table.funds is not None else None
    found = []
    if funds is not None and figure(funds.score) is not None:
        found.append((path + ("funds", "total", "score"), funds.score))
    found += [(path + ("indicators", i, "score"), row.score) for i, row in enumerate(table.indicators)]
    return [(at, score) for at, score in found if isinstance(score, Figure)]


def _unscored_weights(table: EvaluationTable) -> Fraction | None:
    """The weights of the rows whose score is not printed (the funds row counted when it has
    a weight); None when such a row prints no weight either (no bound)."""
    missing = Fraction(0)
    for row in table.indicators:
        weight = figure(row.weight)
        if figure(row.score) is None:
            if weight is None:
                return None
            missing += weight.exact
    funds = table.funds.total if table.funds is not None else None
    funds_weight = figure(funds.weight) if funds is not None else None
    if funds is not None and funds_weight is not None and figure(funds.score) is None:
        missing += funds_weight.exact
    return missing


def check_total_score(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """总分 = Σ printed indicator scores + the funds score, within the total's rounding."""
    for path, table in ctx.scopes(target):  # scores only: weights may be missing
        if not isinstance(table, EvaluationTable):
            continue
        printed = table.total.score if table.total is not None else None
        parts = _printed_scores(path, table)
        if printed is None or not parts:
            continue
        at = path + ("total", "score")
        paths = [at] + [p for p, _ in parts]
        if ctx.is_blocked(paths):
            continue
        values = {"item": "", "table": table_name(table, path), "cut_en": "", "cut_zh": ""}
        if is_partial(table):
            ctx.touch(paths)
            yield from _partial_total(ctx, rule, at, printed, table, [s for _, s in parts], values, paths)
            continue
        unscored = _unscored_weights(table)
        if unscored is None:
            continue
        ctx.touch(paths)
        summed = sum((score.exact for _, score in parts), Fraction(0))
        for found in ctx.compare(rule, at, printed, Interval(summed, summed + unscored), values, related=paths):
            yield _unrounded(found, printed, [score for _, score in parts], unscored)


_CUT = {"cut_en": " at most (the rows not shown counted at their full weight)",
        "cut_zh": "（至多；未见的行按满分计）"}


def _partial_total(ctx: Context, rule: Rule, at: DataPath, printed: Figure, table: EvaluationTable,
                   scores: list[Figure], values: dict[str, str], paths: list[DataPath]) -> Iterator[Finding]:
    """A table with rows unseen (cut, or a cell not read): 总分 is at least Σ printed scores
    and at most Σ printed scores + the weight the unseen rows may hold."""
    summed = sum((score.exact for score in scores), Fraction(0))
    room = unseen_room(table)
    total_at = Interval.of(printed)
    if room is not None and total_at.lo > summed + room:
        most = format_fraction(summed + room, printed.places)
        found = ctx.finding(rule, at, values | _CUT, expected=most, found=printed.text,
                            interval=Interval(summed, summed + room).describe(printed.places), related=paths)
        yield _unrounded(found, printed, scores, room)
        return
    low = Interval(summed, max(summed, total_at.hi))  # an unseen row may hold any score
    yield from ctx.compare(rule, at, printed, low, values, related=paths)


def _unrounded(found: Finding, printed: Figure, scores: list[Figure], unscored: Fraction) -> Finding:
    """A total printed with more decimals than some score, that fits the sum of the scores'
    rounding intervals, was added up from unrounded scores: a warning, not an error."""
    if found.rule != "BC603" or printed.places <= min(score.places for score in scores):
        return found
    widened = total([Interval.of(score) for score in scores]) + Interval(Fraction(0), unscored)
    if not Interval.of(printed).intersects(widened):
        return found
    return replace(found, severity=Severity.WARNING)


def _grade_key(text: str, names: list[str]) -> str | None:
    """The band name a printed grade carries (``优秀`` → 优), or None for an unknown word."""
    for name in sorted(names, key=len, reverse=True):
        if name in text:
            return name
    return None


def check_grade(ctx: Context, rule: Rule, target: TableTarget) -> Iterator[Finding]:
    """The printed grade matches the profile's grade bands for the printed total score."""
    conv = conventions(ctx)
    names = [grade for grade, _ in conv.grade_bands]
    for path, table in tables(ctx, target):
        if table.total is None or table.total.score is None or not table.total.grade:
            continue
        printed = _grade_key(table.total.grade, names)
        if printed is None:
            continue
        at, score_at = path + ("total", "grade"), path + ("total", "score")
        ctx.touch([score_at])
        allowed = grades_for(Interval.of(table.total.score), conv)
        if printed in allowed or not allowed:
            continue
        values = {"item": "", "table": table_name(table, path), "score": table.total.score.text}
        yield ctx.finding(rule, at, values, expected=allowed[0], found=table.total.grade, related=[at, score_at])
