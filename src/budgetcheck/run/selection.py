"""Choosing what is reported and what fails: ``--select``/``--ignore`` and ``--fail-on``."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue.rules import Rule
from ..i18n import Text, did_you_mean
from ..result import Finding
from ..model.records import Frozen, set_field


class SelectionError(ValueError):
    """A rule code, prefix or name that matches no rule, or an unknown severity."""


def split_specs(values: Iterable[str]) -> list[str]:
    """Flatten repeated and comma-separated options (``--select BC1,BC0 --select BC009``)."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def resolve_spec(spec: str, rules: dict[str, Rule]) -> set[str]:
    """The codes one spec stands for: a code, a code prefix (``BC5``), a rule name or ``ALL``."""
    upper = spec.upper()
    if upper == "ALL":
        return set(rules)
    by_name = {rule.code for rule in rules.values() if rule.name == spec.lower()}
    by_prefix = {code for code in rules if code.startswith(upper)} if upper.startswith("BC") else set()
    found = by_name | by_prefix
    if not found:
        names = [*rules, *(rule.name for rule in rules.values())]
        raise SelectionError(Text("select.unknown", spec=spec, hint=did_you_mean(spec, names)))
    return found


class Selection(Frozen):
    """Which rule codes are reported (the engine always runs every rule)."""

    __slots__ = ("codes",)
    codes: frozenset[str]

    def __init__(self, codes: frozenset[str]) -> None:
        set_field(self, "codes", codes)

    @classmethod
    def build(cls, select: Iterable[str], ignore: Iterable[str], rules: dict[str, Rule]) -> Selection:
        """Resolve select (default: all rules) minus ignore; unknown specs raise SelectionError."""
        chosen: set[str] = set()
        specs = split_specs(select)
        for spec in specs:
            chosen |= resolve_spec(spec, rules)
        if not specs:
            chosen = set(rules)
        for spec in split_specs(ignore):
            chosen -= resolve_spec(spec, rules)
        return cls(frozenset(chosen))

    def keeps(self, finding: Finding) -> bool:
        """Whether a finding of this rule is reported."""
        return finding.rule in self.codes

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings that are reported, in their order."""
        return [f for f in findings if self.keeps(f)]
