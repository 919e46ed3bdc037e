"""Issue 12: every mutant that is detectable in principle is killed.

The operators (tests/mutation_operators.py) change the reference fixture and generated
reports; the harness (tests/mutation_harness.py) classifies each mutant by an independent
recomputation of the report's identities (tests/mutation_oracle.py) — never by listing
survivors — and runs the engine on it.

Default: a sample of each operator's mutants of the fixture (every n-th, about six per
operator) and a few generated reports, in about 15 s. ``BUDGETCHECK_MUTATION_FULL=1`` runs every
mutant of the fixture and 25 generated reports (several minutes); the kill table itself is
printed by ``python -m tests.mutation_harness [--full]``.

Mutants that only scoring identities can detect (总分, full marks on a missed target, an
all-or-nothing 赋分规则) are asserted apart, so a miss names its side.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from .mutation_harness import Outcome, Subject, load_fixture
from .mutation_operators import OPERATORS, SCORING_OPERATORS
from .mutation_oracle import Oracle
from .strategies import consistent_reports

FULL = os.environ.get("BUDGETCHECK_MUTATION_FULL") == "1"
SAMPLE = 6  # mutants per operator in the default run
ARITH_OPERATORS = tuple(op for op in OPERATORS if op not in SCORING_OPERATORS)


@pytest.fixture(scope="module")
def fixture_outcomes() -> dict[str, list[Outcome]]:
    """The sampled (or, with FULL, every) mutant of the fixture per operator, run once."""
    subject = Subject(load_fixture())
    return {op: _outcomes(subject, op, None if FULL else SAMPLE) for op in OPERATORS}


def _outcomes(subject: Subject, operator: str, sample: int | None) -> list[Outcome]:
    found = list(OPERATORS[operator](subject.data, subject.model))
    stride = 1 if sample is None else max(1, len(found) // sample)
    return [subject.outcome(m) for m in found[::stride]]


def _survivors(outcomes: list[Outcome], sides: set[str]) -> list[str]:
    return [
        f"{o.mutant.description} (breaks {sorted(o.sides)})"
        for o in outcomes
        if sides & o.sides and not o.killed
    ]


@pytest.mark.parametrize("operator", ARITH_OPERATORS)
def test_fixture_mutants_detectable_by_arithmetic_are_killed(
    fixture_outcomes: dict[str, list[Outcome]], operator: str
) -> None:
    outcomes = fixture_outcomes[operator]
    assert outcomes
    assert _survivors(outcomes, {"arith", "schema"}) == []


@pytest.mark.parametrize(
    "operator",
    OPERATORS,
)
def test_fixture_mutants_detectable_by_scoring_are_killed(
    fixture_outcomes: dict[str, list[Outcome]], operator: str
) -> None:
    outcomes = fixture_outcomes[operator]
    assert _survivors(outcomes, {"scoring"}) == []


REPORTS = 25 if FULL else 2
GENERATED = settings(max_examples=REPORTS, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@GENERATED
@given(consistent_reports())
def test_the_oracle_finds_every_identity_of_a_generated_report_holding(report: dict[str, Any]) -> None:
    from budgetcheck.sources.load import build_report

    model = build_report(report, {}, "generated.yaml").report
    assert model is not None
    broken = [i.key for i in Oracle(model).identities() if not i.holds]
    assert broken == []


@GENERATED
@given(consistent_reports(), st.data())
def test_generated_mutants_detectable_by_arithmetic_are_killed(report: dict[str, Any], data: st.DataObject) -> None:
    subject = Subject(report)
    for operator in ARITH_OPERATORS:
        found = list(OPERATORS[operator](report, subject.model))
        if not found:
            continue
        picks = data.draw(st.lists(st.sampled_from(found), min_size=1, max_size=20 if FULL else 3), label=operator)
        for mutant in picks:
            outcome = subject.outcome(mutant)
            note(f"{operator}: {mutant.description} sides={sorted(outcome.sides)} killed={outcome.killed}")
            assert not ({"arith", "schema"} & outcome.sides) or outcome.killed, mutant.description
