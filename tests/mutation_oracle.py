"""An independent recomputation of a report's identities, for the mutation harness.

The harness must decide which mutants are detectable *in principle*, without asking the
engine. This module recomputes every identity the rule catalogue declares, from the printed
figures alone, with its own small interval type and the meaning of rounding spelled out:

- a printed ``v`` with ``d`` decimals rounded half away from zero stands for
  ``[v − h, v + h)`` when ``v > 0``, ``(v − h, v + h]`` when ``v < 0`` and ``(−h, h)`` for
  ``0`` (``h = ½·10^−d``); counts are exact;
- copies of one figure (the same-figure declarations) narrow each other: every identity
  sees the intersection of all copies' intervals;
- sums of intervals keep an end closed only if every summand's end is closed; quotients and
  growth rates take their extremes at corners, closed only where both corner ends are.

An identity *holds* when some true values inside the intervals satisfy it. A mutant is
detectable in principle when an identity that held on the original fails on the mutant.
Each identity carries the side that owns its rule: ``arith`` or ``scoring``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from typing import Any

from budgetcheck.catalogue.rules import load_rules
from budgetcheck.model.figures import Figure
from budgetcheck.model.paths import DataPath, WILDCARD, get, parse_path, resolve

ARITH, SCORING = "arith", "scoring"
# Kinds whose rules the arithmetic side owns; everything else here is scoring-side.
ARITH_KINDS = {"sum", "group_sum", "ratio", "growth", "negative_prior", "same_figure", "table_count", "negative"}
_LABEL_NOISE = re.compile(r"\s|[(（](?:类|款|项)[)）]")


@dataclass(frozen=True)
class Span:
    """An interval of exact values whose ends may each be open or closed."""

    lo: Fraction
    hi: Fraction
    lo_in: bool = True
    hi_in: bool = True

    @staticmethod
    def point(value: Fraction) -> Span:
        return Span(value, value)

    def empty(self) -> bool:
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_in and self.hi_in))

    def __and__(self, other: Span) -> Span:
        lo, lo_in = max((self.lo, not self.lo_in), (other.lo, not other.lo_in))
        hi, hi_in = min((self.hi, self.hi_in), (other.hi, other.hi_in))
        return Span(lo, hi, not lo_in, hi_in)

    def meets(self, other: Span) -> bool:
        return not (self & other).empty()

    def __add__(self, other: Span) -> Span:
        return Span(self.lo + other.lo, self.hi + other.hi, self.lo_in and other.lo_in, self.hi_in and other.hi_in)

    def __neg__(self) -> Span:
        return Span(-self.hi, -self.lo, self.hi_in, self.lo_in)

    def __sub__(self, other: Span) -> Span:
        return self + (-other)

    def has(self, value: Fraction) -> bool:
        return not (self & Span.point(value)).empty()


def span_of(figure: Figure, exact: bool = False) -> Span:
    """What a printed figure stands for (see the module docstring)."""
    value = Fraction(figure.value) / (100 if figure.percent else 1)
    if exact:
        return Span.point(value)
    h = Fraction(1, 2 * 10**figure.places) / (100 if figure.percent else 1)
    return Span(value - h, value + h, value > 0, value < 0)


def corners(pairs: list[tuple[Fraction, bool]], fn: Any) -> Span:
    """The range of a function monotone in each argument: extremes at corners of the box."""
    values = [(fn(*(v for v, _ in combo)), all(c for _, c in combo)) for combo in product(*pairs)]
    lo = min(v for v, _ in values)
    hi = max(v for v, _ in values)
    return Span(lo, hi, any(c for v, c in values if v == lo), any(c for v, c in values if v == hi))


def ends(s: Span) -> list[tuple[Fraction, bool]]:
    return [(s.lo, s.lo_in), (s.hi, s.hi_in)]


@dataclass(frozen=True)
class Identity:
    """One recomputed identity: its key (stable across mutants), side, figures and verdict."""

    key: tuple[Any, ...]
    side: str
    paths: tuple[DataPath, ...]
    holds: bool


class Oracle:
    """Every identity of one report model, recomputed independently of the engine."""

    def __init__(self, report: Any) -> None:
        self.report = report
        self.rules = load_rules()
        self.copies = self._copy_groups()

    # -- lookups --------------------------------------------------------------------------
    def scopes(self, target: dict[str, Any]) -> list[tuple[DataPath, Any]]:
        pattern = target.get("for_each")
        return [((), self.report)] if pattern is None else list(resolve(self.report, parse_path(pattern)))

    def values(self, scope: DataPath, spec: str) -> list[tuple[DataPath, Any]]:
        if spec.startswith("."):
            return [(scope + p, v) for p, v in resolve(get(self.report, scope), parse_path(spec[1:]))]
        return list(resolve(self.report, parse_path(spec)))

    def figures(self, scope: DataPath, spec: str) -> list[tuple[DataPath, Figure]]:
        return [(p, v) for p, v in self.values(scope, spec) if isinstance(v, Figure)]

    def figure(self, scope: DataPath, spec: str) -> tuple[DataPath, Figure] | None:
        found = self.figures(scope, spec)
        return found[0] if len(found) == 1 else None

    # -- duplicates -----------------------------------------------------------------------
    def _copy_groups(self) -> dict[DataPath, list[DataPath]]:
        """Each figure with a copy elsewhere (same-figure declarations that block), grouped."""
        parent: dict[DataPath, DataPath] = {}

        def find(p: DataPath) -> DataPath:
            while parent.setdefault(p, p) != p:
                p = parent[p]
            return p

        for rule in self.rules.values():
            if rule.kind != "same_figure":
                continue
            for target in (declared.raw for declared in rule.targets):
                if target.get("exact") or not target.get("block", True) or self._condition_fails(target):
                    continue
                for scope, _ in self.scopes(target):
                    a, b = self.figure(scope, target["first"]), self.figure(scope, target["second"])
                    if a is not None and b is not None:
                        parent[find(a[0])] = find(b[0])
        groups: dict[DataPath, list[DataPath]] = {}
        for p in list(parent):
            groups.setdefault(find(p), []).append(p)
        return {p: members for members in groups.values() for p in members}

    def _condition_fails(self, target: dict[str, Any]) -> bool:
        when = target.get("when_text")
        if when is not None and not any(isinstance(text, str) and when["contains"] in text
                                        for _, text in self.values((), when["path"])):
            return True
        return any(not span_of(f).has(Fraction(0)) for spec in target.get("unless_nonzero", ())
                   for _, f in self.figures((), str(spec)))

    def span(self, path: DataPath, figure: Figure, exact: bool = False) -> Span:
        """A figure's interval narrowed by its copies (when they are consistent at all)."""
        own = span_of(figure, exact)
        if exact:
            return own
        narrowed = own
        for other in self.copies.get(path, ()):
            narrowed = narrowed & span_of(get(self.report, other))
        return own if narrowed.empty() else narrowed

    # -- identities -----------------------------------------------------------------------
    def identities(self) -> list[Identity]:
        """Every identity of the report, with whether it holds."""
        found: list[Identity] = []
        for code, rule in sorted(self.rules.items()):
            method = getattr(self, f"_kind_{rule.kind}", None)
            if method is None:
                continue
            side = ARITH if rule.kind in ARITH_KINDS else SCORING
            for index, target in enumerate([declared.raw for declared in rule.targets] or [{}]):
                for key, paths, holds in method(target, rule):
                    found.append(Identity((code, index, *key), side, tuple(paths), holds))
        # Executed within budget holds in principle, whether or not a rule declares it yet.
        for key, paths, holds in self.executed_within_budget():
            found.append(Identity(("executed<=budget", *key), ARITH, tuple(paths), holds))
        for key, paths, holds in self.indicator_status():
            found.append(Identity(("indicator", *key), SCORING, tuple(paths), holds))
        return found

    def _parts(self, scope: DataPath, specs: list[Any]) -> list[tuple[DataPath, Figure]] | None:
        found: list[tuple[DataPath, Figure]] = []
        for spec in specs:
            text, optional = (spec["path"], spec.get("optional", False)) if isinstance(spec, dict) else (spec, False)
            figs = self.figures(scope, text)
            if not optional and WILDCARD in text:
                pattern = parse_path(text.lstrip("."))
                last = max(i for i, s in enumerate(pattern) if s == WILDCARD)
                base = get(self.report, scope) if text.startswith(".") else self.report
                if len(figs) != sum(1 for _ in resolve(base, pattern[: last + 1])):
                    return None
            elif not optional and not figs:
                return None
            found.extend(figs)
        return found

    def _kind_sum(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        exact = bool(target.get("exact"))
        for scope, _ in self.scopes(target):
            printed = self.figure(scope, target["total"])
            parts = self._parts(scope, list(target["parts"]))
            if printed is None or not parts:
                continue
            computed = Span.point(Fraction(0))
            for path, fig in parts:
                computed = computed + self.span(path, fig, exact)
            yield (scope,), [printed[0], *(p for p, _ in parts)], self.span(*printed, exact).meets(computed)

    def _kind_group_sum(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        members: dict[str, list[tuple[DataPath, Figure]]] = {}
        for path, row in self.values((), target["members"]):
            key, value = getattr(row, target["member_key"], None), getattr(row, target["member_value"], None)
            if isinstance(key, str) and isinstance(value, Figure):
                members.setdefault(_LABEL_NOISE.sub("", key), []).append((path + (target["member_value"],), value))
        for path, group in self.values((), target["groups"]):
            key, value = getattr(group, target["group_key"], None), getattr(group, target["group_value"], None)
            parts = members.get(_LABEL_NOISE.sub("", key)) if isinstance(key, str) else None
            if not isinstance(value, Figure) or not parts:
                continue
            computed = Span.point(Fraction(0))
            for p, fig in parts:
                computed = computed + self.span(p, fig)
            own = path + (target["group_value"],)
            yield (key,), [own, *(p for p, _ in parts)], self.span(own, value).meets(computed)

    def _kind_ratio(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        shift = Fraction(1) if target.get("minus_one") else Fraction(0)
        for scope, _ in self.scopes(target):
            found = [self.figure(scope, target[k]) for k in ("printed", "numerator", "denominator")]
            if any(f is None for f in found):
                continue
            (pp, pf), (np_, nf), (dp, df) = found  # type: ignore[misc]
            num, den = self.span(np_, nf) & Span(Fraction(0), max(Fraction(0), self.span(np_, nf).hi)), self.span(dp, df)
            if den.lo <= 0 or num.empty():
                continue
            computed = corners([ends(num), ends(den)], lambda n, d: n / d - shift)
            if num.lo == 0 and num.lo_in:
                computed = Span(computed.lo, computed.hi, True, computed.hi_in)
            yield (scope,), [pp, np_, dp], self.span(pp, pf).meets(computed)

    def _growth(self, scope: DataPath, target: dict[str, Any]) -> tuple[list[DataPath], Span, Span, Span | None] | None:
        cur, chg = self.figure(scope, target["current"]), self.figure(scope, target["change"])
        if cur is None or chg is None:
            return None
        rate = self.figure(scope, target["rate"]) if "rate" in target else None
        paths = [cur[0], chg[0]] + ([rate[0]] if rate else [])
        return paths, self.span(*cur), self.span(*chg), self.span(*rate) if rate else None

    def _kind_growth(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        for scope, _ in self.scopes(target):
            found = self._growth(scope, target)
            if found is None or found[3] is None:
                continue
            paths, a, c, r = found
            prior = a - c
            if prior.lo <= 0 <= prior.hi:
                continue  # undefined, or unbounded next to an excluded 0
            computed = corners([ends(a), ends(c)], lambda x, y: y / (x - y))
            yield (scope,), paths, r.meets(computed)  # type: ignore[union-attr]

    def _kind_negative_prior(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        for scope, _ in self.scopes(target):
            found = self._growth(scope, {k: target[k] for k in ("current", "change")})
            if found is not None:
                paths, a, c, _ = found
                yield (scope,), paths, (a - c).meets(Span(Fraction(0), max(Fraction(0), a.hi - c.lo) + 1))

    def _kind_same_figure(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        if self._condition_fails(target):
            return
        exact = bool(target.get("exact"))
        for scope, _ in self.scopes(target):
            a, b = self.figure(scope, target["first"]), self.figure(scope, target["second"])
            if a is not None and b is not None:
                yield (scope,), [a[0], b[0]], span_of(a[1], exact).meets(span_of(b[1], exact))

    def _kind_table_count(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        for scope, _ in self.scopes(target):
            printed = self.figure(scope, target["printed"])
            matched = self.values(scope, target["count"])
            if printed is not None and matched:
                yield (scope,), [printed[0]], Fraction(printed[1].value) == len(matched)

    def _kind_negative(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        signed = set(rule.params.raw.get("signed", ()))
        for path, fig in _walk(self.report):
            if not signed.intersection(s for s in path if isinstance(s, str)):
                yield (path,), [path], fig.value >= 0

    def _funds_rows(self) -> Iterator[tuple[DataPath, Any]]:
        for path, table in self._tables():
            yield path + ("funds", "total"), table.funds.total
            for i, row in enumerate(table.funds.parts):
                yield path + ("funds", "parts", i), row

    def _tables(self) -> Iterator[tuple[DataPath, Any]]:
        perf = getattr(self.report, "performance", None)
        if perf is None:
            return
        if perf.unit_table is not None:
            yield ("performance", "unit_table"), perf.unit_table
        for i, table in enumerate(perf.projects):
            yield ("performance", "projects", i), table

    def executed_within_budget(self) -> Iterator[tuple[Any, list[DataPath], bool]]:
        """全年执行数 ≤ 全年预算数 on every funds row."""
        for path, row in self._funds_rows():
            ex, bu = row.executed, row.annual_budget
            if isinstance(ex, Figure) and isinstance(bu, Figure):
                e, b = span_of(ex), span_of(bu)
                yield (path,), [path + ("executed",), path + ("annual_budget",)], e.meets(Span(e.lo - 1, b.hi, True, b.hi_in))

    def _kind_execution_rate(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        if target.get("for_each") != "performance.unit_table":
            return  # one pass over every table
        for path, row in self._funds_rows():
            ex, bu, rate = row.executed, row.annual_budget, row.execution_rate
            if not all(isinstance(f, Figure) for f in (ex, bu, rate)):
                continue
            num, den = span_of(ex) & Span(Fraction(0), max(Fraction(0), span_of(ex).hi)), span_of(bu)
            if den.lo <= 0 or num.empty():
                continue
            computed = corners([ends(num), ends(den)], lambda n, d: n / d)
            yield (path,), [path + ("execution_rate",), path + ("executed",), path + ("annual_budget",)], \
                span_of(rate).meets(computed)

    def _kind_total_score(self, target: dict[str, Any], rule: Any) -> Iterator[tuple[Any, list[DataPath], bool]]:
        """总分 = Σ printed scores, within the total's own last decimal (the scores are exact)."""
        if target.get("for_each") != "performance.unit_table":
            return
        for path, table in self._tables():
            total = getattr(table.total, "score", None) if table.total else None
            scores = [(path + ("funds", "total", "score"), table.funds.total.score)]
            scores += [(path + ("indicators", i, "score"), row.score) for i, row in enumerate(table.indicators)]
            if not isinstance(total, Figure) or not all(isinstance(s, Figure) for _, s in scores):
                continue
            summed = sum((Fraction(s.value) for _, s in scores), Fraction(0))
            yield (path,), [path + ("total", "score"), *(p for p, _ in scores)], span_of(total).has(summed)


    def indicator_status(self) -> Iterator[tuple[Any, list[DataPath], bool]]:
        """Full marks when the target is met (bar deductions above a forward target), fewer when
        it is missed; an all-or-nothing 赋分规则 gives 0 or full.

        Met: a number target compared with its actual by its operator (same unit), or an
        actual date on or before a deadline. Words and blank cells have no status here.
        """
        for table_path, table in self._tables():
            for i, row in enumerate(table.indicators):
                met = _met(row.target, row.actual)
                weight, score = row.weight, row.score
                if met is None or not isinstance(weight, Figure) or not isinstance(score, Figure):
                    continue
                full = score.value == weight.value
                # Met: full marks, unless a forward target was exceeded (the deviation
                # convention deducts there). Missed: never full marks.
                holds = (full or _exceeded(row.target, row.actual)) if met else score.value < weight.value
                if (row.scoring_rule or "").strip() == ALL_OR_NOTHING:
                    holds = holds and (full or score.value == 0)
                path = table_path + ("indicators", i)
                yield (path,), [path + ("score",), path + ("target",), path + ("actual",)], holds


ALL_OR_NOTHING = "完成得满分，未完成不得分"
_COMPARE = {">=": lambda a, t: a >= t, ">": lambda a, t: a > t, "<=": lambda a, t: a <= t,
            "<": lambda a, t: a < t, "=": lambda a, t: a >= t}


def _exceeded(target: Any, actual: Any) -> bool:
    """A forward number target (``>=``, ``>``) whose actual lies strictly above it."""
    if target.operator not in (">=", ">") or target.figure is None or actual.figure is None:
        return False
    return bool(actual.figure.exact > target.figure.exact)


def _met(target: Any, actual: Any) -> bool | None:
    """Whether an indicator's actual meets its target, or None when that is not a comparison."""
    from budgetcheck.model.measures import Measure, MeasureKind

    if not isinstance(target, Measure) or not isinstance(actual, Measure):
        return None
    if target.kind is MeasureKind.DATE and actual.kind is MeasureKind.DATE and target.date and actual.date:
        return actual.date <= target.date if target.by_deadline else None
    if target.kind is MeasureKind.NUMBER and actual.kind is MeasureKind.NUMBER and target.figure and actual.figure:
        if target.unit != actual.unit or target.operator not in _COMPARE:
            return None
        return bool(_COMPARE[target.operator](actual.figure.exact, target.figure.exact))
    return None


def _walk(model: Any, prefix: DataPath = ()) -> Iterator[tuple[DataPath, Figure]]:
    if isinstance(model, Figure):
        yield prefix, model
    elif isinstance(model, (list, tuple)):
        for i, item in enumerate(model):
            yield from _walk(item, prefix + (i,))
    elif hasattr(type(model), "__pydantic_fields__"):
        for name in type(model).__pydantic_fields__:
            yield from _walk(getattr(model, name), prefix + (name,))


def walk_figures(model: Any) -> list[tuple[DataPath, Figure]]:
    """Every printed figure of a model, with its path."""
    return list(_walk(model))
