"""Mutation harness: apply the operators, classify by recomputation, count kills.

A mutant is *detectable in principle* when an identity that the independent recomputation
(tests/mutation_oracle.py) found holding on the original fails on the mutant, or when the
mutant no longer fits the report schema. Everything else is undetectable in principle: the
mutated value is still within rounding of every identity it takes part in, it takes part in
no identity, or the mutant is equivalent. The classification never looks at the engine.

A mutant is *killed* when the engine reports a finding (any severity) that the original
does not have: a new rule + message (messages name the item, so index shifts after a
deleted or duplicated row do not count as new).

Each detectable mutant is also labelled with the sides whose identities it breaks
(``arith``, ``scoring``), so that a survivor can be attributed to the side that owns the rule.

Run ``python -m tests.mutation_harness`` for the kill table of the reference fixture and of
generated reports (``--full`` for every mutant, ``--reports N`` generated reports).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from budgetcheck.checks.engine import FileResult, check_report, resolve_profile
from budgetcheck.sources.load import build_report
from budgetcheck.sources.yamltree import parse_yaml

from .mutation_operators import OPERATORS, Mutant
from .mutation_oracle import Identity, Oracle

FIXTURE = FsPath(__file__).resolve().parents[1] / "fixtures" / "changji-2024.yaml"


@dataclass(frozen=True)
class Outcome:
    """What became of one mutant."""

    mutant: Mutant
    sides: frozenset[str]  # sides of the broken identities; empty = undetectable in principle
    killed: bool
    new_findings: tuple[str, ...]

    @property
    def detectable(self) -> bool:
        return bool(self.sides)


class Subject:
    """One report under mutation: its raw data, engine findings and identities."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        loaded, result = run(data)
        assert loaded is not None, "the original report must fit the schema"
        self.model = loaded
        self.findings = finding_keys(result)
        self.identities = identity_map(Oracle(loaded).identities())

    def outcome(self, mutant: Mutant) -> Outcome:
        """Classify and run one mutant."""
        loaded, result = run(mutant.data)
        new = tuple(sorted(f"{r}: {m}" for r, m in finding_keys(result) - self.findings))
        if loaded is None:
            return Outcome(mutant, frozenset({"schema"}), bool(new), new)
        broken = {
            identity.side
            for key, identity in identity_map(Oracle(loaded).identities()).items()
            if not identity.holds and (key not in self.identities or self.identities[key].holds)
        }
        return Outcome(mutant, frozenset(broken), bool(new), new)


def run(data: dict[str, Any]) -> tuple[Any, FileResult]:
    """Validate raw data and run every rule; the model is None when the schema rejects it."""
    loaded = build_report(data, {}, "mutant.yaml")
    if loaded.report is None:
        return None, check_report(loaded)
    return loaded.report, check_report(loaded, profile=resolve_profile(loaded))


def finding_keys(result: FileResult) -> set[tuple[str, str]]:
    return {(f.rule, f.message_en) for f in result.findings}


def identity_map(identities: Iterable[Identity]) -> dict[tuple[Any, ...], Identity]:
    return {i.key: i for i in identities}


def load_fixture() -> dict[str, Any]:
    """The reference fixture's raw data (figures as printed strings)."""
    data, _ = parse_yaml(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    return data


def mutants(data: dict[str, Any], operators: Iterable[str], stride: int = 1, offset: int = 0) -> Iterator[Mutant]:
    """Every ``stride``-th mutant of each operator (starting at ``offset``)."""
    loaded = build_report(data, {}, "original.yaml").report
    for name in operators:
        for index, mutant in enumerate(OPERATORS[name](data, loaded)):
            if index % stride == offset % stride:
                yield mutant


def sweep(data: dict[str, Any], operators: Iterable[str], stride: int = 1) -> list[Outcome]:
    """The outcomes of the selected mutants of one report."""
    subject = Subject(data)
    return [subject.outcome(m) for m in mutants(data, operators, stride)]


def kill_table(outcomes: Iterable[Outcome], side: str | None = None) -> dict[str, tuple[int, int, int]]:
    """Per operator: (killed among detectable, detectable, total); ``side`` filters detectable."""
    killed: Counter[str] = Counter()
    detectable: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for o in outcomes:
        op = o.mutant.operator
        total[op] += 1
        if o.detectable and (side is None or side in o.sides):
            detectable[op] += 1
            killed[op] += o.killed
    return {op: (killed[op], detectable[op], total[op]) for op in total}


def format_table(title: str, table: dict[str, tuple[int, int, int]]) -> str:
    lines = [title, f"{'operator':22} {'killed':>7} {'detectable':>11} {'total':>6}"]
    sums = [0, 0, 0]
    for op in OPERATORS:
        if op in table:
            k, d, t = table[op]
            sums = [sums[0] + k, sums[1] + d, sums[2] + t]
            lines.append(f"{op:22} {k:7} {d:11} {t:6}")
    lines.append(f"{'all':22} {sums[0]:7} {sums[1]:11} {sums[2]:6}")
    return "\n".join(lines)


def generated_reports(count: int, seed: int = 12) -> list[dict[str, Any]]:
    """``count`` consistent generated reports, reproducibly."""
    import random

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from .strategies import consistent_reports

    found: list[dict[str, Any]] = []

    @settings(max_examples=count, database=None, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(consistent_reports())
    def collect(report: dict[str, Any]) -> None:
        if len(found) < count:
            found.append(report)

    random.seed(seed)
    collect()
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="every mutant (default: every 7th)")
    parser.add_argument("--reports", type=int, default=10, help="generated reports to mutate")
    parser.add_argument("--report-stride", type=int, default=7, help="every n-th mutant of a generated report")
    parser.add_argument("--survivors", action="store_true", help="list detectable survivors")
    args = parser.parse_args(argv)
    stride = 1 if args.full else 7
    outcomes = sweep(load_fixture(), OPERATORS, stride)
    generated = [o for report in generated_reports(args.reports) for o in sweep(report, OPERATORS, args.report_stride)]
    for title, found in (("reference fixture", outcomes), (f"{args.reports} generated reports", generated)):
        print(format_table(f"== {title}: all detectable", kill_table(found)))
        for side in ("arith", "scoring"):
            print(format_table(f"-- {title}: detectable by {side} identities", kill_table(found, side)))
        if args.survivors:
            for o in found:
                if o.detectable and not o.killed:
                    print("  survivor", sorted(o.sides), o.mutant.operator, o.mutant.description)


if __name__ == "__main__":
    main()
