"""What a check sees: the report, its positions, the profile, and helpers to make findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..catalogue.rules import Rule
from ..catalogue.profiles import Profile
from ..catalogue.targets import Declared, SameFigureTarget
from ..model.figures import Figure, format_fraction
from ..result import Finding, Severity
from .intervals import Interval
from ..sources.load import LoadedReport
from ..model.paths import DataPath, format_path, get, parse_path, resolve
from ..model.records import Record

TRUNCATION_RULE = "BC009"


class Context(Record):
    """The state shared by the checks of one report run."""

    __slots__ = ("loaded", "profile", "rules", "blocked", "touched", "record_touched", "memo")
    loaded: LoadedReport
    profile: Profile
    rules: dict[str, Rule]
    blocked: set[DataPath]
    touched: set[DataPath]
    record_touched: bool
    memo: dict[Any, Any]
    """Values derived once per report and shared by several checks (e.g. assessed rows)."""

    def __init__(
        self, loaded: LoadedReport, profile: Profile, rules: dict[str, Rule],
        blocked: set[DataPath] | None = None, touched: set[DataPath] | None = None,
        record_touched: bool = True, memo: dict[Any, Any] | None = None,
    ) -> None:
        self.loaded = loaded
        self.profile = profile
        self.rules = rules
        self.blocked = set() if blocked is None else blocked
        self.touched = set() if touched is None else touched
        self.record_touched = record_touched
        self.memo = {} if memo is None else memo

    @property
    def report(self) -> Any:
        """The validated report model."""
        return self.loaded.report

    # -- paths ---------------------------------------------------------------------------
    def scopes(self, target: Declared) -> Iterator[tuple[DataPath, Any]]:
        """The items a target applies to: each match of ``for_each``, or the whole report."""
        pattern: str | None = getattr(target, "for_each", None)
        if pattern is None:
            yield (), self.report
            return
        yield from resolve(self.report, parse_path(pattern))

    def values(self, scope: DataPath, spec: str) -> list[tuple[DataPath, Any]]:
        """Resolve a path (``.x`` relative to the scope, else absolute) to its present values."""
        if spec.startswith("."):
            base = get(self.report, scope)
            return [(scope + path, value) for path, value in resolve(base, parse_path(spec[1:]))]
        return list(resolve(self.report, parse_path(spec)))

    def figure(self, scope: DataPath, spec: str) -> tuple[DataPath, Figure] | None:
        """The single figure at a path, or None when it is missing, a placeholder or disputed."""
        found = self.figures(scope, spec)
        return found[0] if len(found) == 1 else None

    def figures(self, scope: DataPath, spec: str) -> list[tuple[DataPath, Figure]]:
        """Every figure a path pattern matches (placeholders and missing values dropped)."""
        return [(path, value) for path, value in self.values(scope, spec) if isinstance(value, Figure)]

    def is_blocked(self, paths: list[DataPath]) -> bool:
        """Whether any figure is a disputed copy (reported once by a same-figure rule)."""
        return any(path in self.blocked for path in paths)

    def touch(self, paths: list[DataPath]) -> None:
        """Record figures that took part in an identity (for coverage measurement, opt-in)."""
        if self.record_touched:
            self.touched.update(paths)

    # -- findings ------------------------------------------------------------------------
    def finding(
        self,
        rule: Rule,
        path: DataPath,
        values: dict[str, str],
        *,
        expected: str | None = None,
        found: str | None = None,
        interval: str | None = None,
        related: list[DataPath] | tuple[DataPath, ...] = (),
        severity: Severity | None = None,
    ) -> Finding:
        """Build a complete finding of ``rule`` located at ``path``."""
        line, column = self.loaded.locate(path)
        text_path = format_path(path)
        filled = {"path": text_path, "expected": expected or "", "found": found or "", **values}
        return Finding(
            rule=rule.code,
            name=rule.name,
            severity=severity or rule.severity,
            message_en=rule.render("en", filled),
            message_zh=rule.render("zh", filled),
            path=text_path,
            file=self.loaded.source,
            line=line,
            column=column,
            expected=expected,
            found=found,
            interval=interval,
            related=tuple(format_path(p) for p in related if p != path),
            source=self.loaded.source_of(path),
        )

    def interval(self, path: DataPath, figure: Figure, truncated: bool = False) -> Interval:
        """What a figure stands for, narrowed by its copies elsewhere in the report.

        A figure printed twice (``57`` here, ``57.4`` there) is one true value in both
        rounding intervals, so every identity sees their intersection (``[57.35, 57.45)``).
        Copies that share no value are reported by the same-figure rule and blocked.
        ``truncated`` reads the figure and its copies as truncated instead (BC009).
        """
        copies = copy_groups(self).get(path, ())
        if truncated and _whole_amount(figure) and not any(
            isinstance(c := get(self.report, other), Figure) and c.places > 0 for other in copies
        ):
            # A whole-number amount with no finer copy is not a cut figure: a system that cuts
            # 元 data to 万元 prints the decimals it keeps, and budgets are set in whole 万元.
            truncated = False
        read = Interval.truncated if truncated else Interval.of
        own = read(figure)
        for other in copies:
            found = get(self.report, other)
            narrowed = own.intersection(read(found)) if isinstance(found, Figure) else own
            if narrowed is None:
                return read(figure)
            own = narrowed
        return own

    def places(self, path: DataPath, figure: Figure) -> int:
        """The finest printed precision among a figure and its copies (for messages)."""
        found = [get(self.report, other) for other in copy_groups(self).get(path, ())]
        return max([figure.places, *(f.places for f in found if isinstance(f, Figure))])

    def compare(
        self,
        rule: Rule,
        printed_path: DataPath,
        printed: Figure,
        computed: Interval,
        values: dict[str, str],
        related: list[DataPath] | tuple[DataPath, ...] = (),
        truncated: Callable[[], Interval | None] | None = None,
    ) -> Iterator[Finding]:
        """Compare a printed figure with the interval of its recomputed value.

        Nothing when they share a value; an info finding (BC009) when they would if every
        figure of the identity had been truncated instead of rounded (``truncated`` recomputes
        the value from the operands' truncation intervals, only when needed); otherwise ``rule``.
        """
        if self.interval(printed_path, printed).intersects(computed):
            return
        places = self.places(printed_path, printed)
        expected = format_fraction(computed.mid, places, printed.percent)
        described = computed.describe(places, printed.percent)
        cut = truncated() if truncated is not None and TRUNCATION_RULE in self.rules else None
        if cut is not None and self.interval(printed_path, printed, truncated=True).intersects(cut):
            rule = self.rules[TRUNCATION_RULE]
        yield self.finding(
            rule, printed_path, values, expected=expected, found=printed.text, interval=described, related=related
        )


def copy_groups(ctx: Context) -> dict[DataPath, list[DataPath]]:
    """Each figure that a blocking same-figure rule declares printed elsewhere too, with the
    paths of its other copies (copies of copies included), computed once per report."""
    groups: dict[DataPath, list[DataPath]] | None = ctx.memo.get("copies")
    if groups is not None:
        return groups
    linked: dict[DataPath, set[DataPath]] = {}
    for rule in ctx.rules.values():
        if rule.kind != "same_figure":
            continue
        for target in rule.targets:
            if target.exact or not target.block or condition_fails(ctx, target):
                continue
            for scope, _ in ctx.scopes(target):
                first, second = ctx.figure(scope, target.first), ctx.figure(scope, target.second)
                if first is not None and second is not None:
                    group = linked.get(first[0], {first[0]}) | linked.get(second[0], {second[0]})
                    for member in group:
                        linked[member] = group
    groups = ctx.memo["copies"] = {path: sorted(group - {path}, key=str) for path, group in linked.items()}
    return groups


def condition_fails(ctx: Context, target: SameFigureTarget) -> bool:
    """Whether the copies are not the same figure here: a figure listed in ``unless_nonzero``
    is printed and certainly not 0, or the text ``when_text`` names does not say so.

    Some copies are the same figure only under a condition: the appropriation budget
    comparison equals the general-public-budget one only while there are no government-fund
    or state-capital appropriations.
    """
    condition = target.when_text
    if condition is not None:
        texts = [value for _, value in ctx.values((), condition.path)]
        if not any(isinstance(text, str) and condition.contains in text for text in texts):
            return True
    for spec in target.unless_nonzero:
        for _, figure in ctx.figures((), str(spec)):
            if not Interval.of(figure).contains_zero():
                return True
    return False


def label_of(item: Any, fallback: str = "") -> str:
    """A human label for a scoped item: its ``label`` or ``name`` field when it has one."""
    for attr in ("label", "name", "item_label"):
        value = getattr(item, attr, None)
        if isinstance(value, str) and value:
            return value
    return fallback


def _whole_amount(figure: Figure) -> bool:
    """An amount printed without decimals (not a percentage, not a count)."""
    return figure.places == 0 and not figure.percent and not figure.counted
