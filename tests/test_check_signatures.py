"""Each check function reads the target class its kind declares in ``catalogue/targets.py``."""

from __future__ import annotations

import typing

import pytest

from budgetcheck.catalogue.targets import KINDS as DECLARED
from budgetcheck.catalogue.targets import NoTarget
from budgetcheck.checks import KINDS as FUNCTIONS


@pytest.mark.parametrize("kind", sorted(FUNCTIONS))
def test_function_takes_the_declared_target_class(kind: str) -> None:
    hints = typing.get_type_hints(FUNCTIONS[kind])
    declared = DECLARED[kind].target or NoTarget
    assert hints["target"] is declared, f"{kind}: {FUNCTIONS[kind].__qualname__} takes {hints['target']}"


def test_every_runnable_kind_is_declared() -> None:
    engine_kinds = {kind for kind, spec in DECLARED.items() if spec.engine}
    assert set(FUNCTIONS) == set(DECLARED) - engine_kinds
