"""What a check sees: the report, its positions, the profile, and helpers to make findings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..catalogue import Profile, Rule
from ..figures import Figure, format_fraction
from ..findings import Finding, Severity
from ..intervals import Interval
from ..loader import LoadedReport
from ..paths import DataPath, format_path, get, parse_path, resolve

TRUNCATION_RULE = "BC009"


@dataclass
class Context:
    """The state shared by the checks of one report run."""

    loaded: LoadedReport
    profile: Profile
    rules: dict[str, Rule]
    blocked: set[DataPath] = field(default_factory=set)
    touched: set[DataPath] = field(default_factory=set)
    record_touched: bool = True
    memo: dict[Any, Any] = field(default_factory=dict)
    """Values derived once per report and shared by several checks (e.g. assessed rows)."""

    @property
    def report(self) -> Any:
        """The validated report model."""
        return self.loaded.report

    # -- paths ---------------------------------------------------------------------------
    def scopes(self, target: dict[str, Any]) -> Iterator[tuple[DataPath, Any]]:
        """The items a target applies to: each match of ``for_each``, or the whole report."""
        pattern = target.get("for_each")
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

    def compare(
        self,
        rule: Rule,
        printed_path: DataPath,
        printed: Figure,
        computed: Interval,
        values: dict[str, str],
        related: list[DataPath] | tuple[DataPath, ...] = (),
    ) -> Iterator[Finding]:
        """Compare a printed figure with the interval of its recomputed value.

        Nothing when they overlap; an info finding when the figure is only consistent if it
        was truncated instead of rounded; otherwise a finding of ``rule``.
        """
        if Interval.of(printed).intersects(computed):
            return
        expected = format_fraction(computed.mid, printed.places, printed.percent)
        described = computed.describe(printed.places, printed.percent)
        if Interval(*printed.truncation_interval()).intersects(computed) and TRUNCATION_RULE in self.rules:
            rule = self.rules[TRUNCATION_RULE]
        yield self.finding(
            rule, printed_path, values, expected=expected, found=printed.text, interval=described, related=related
        )


def label_of(item: Any, fallback: str = "") -> str:
    """A human label for a scoped item: its ``label`` or ``name`` field when it has one."""
    for attr in ("label", "name", "item_label"):
        value = getattr(item, attr, None)
        if isinstance(value, str) and value:
            return value
    return fallback
