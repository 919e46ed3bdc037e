"""budgetcheck.model.exact: quicktions' C Fraction when installed, the standard one otherwise."""

from __future__ import annotations

import fractions
import importlib
import sys

import pytest

from budgetcheck.model import exact


def test_the_c_fraction_is_used_and_agrees_with_the_standard_one() -> None:
    quicktions = pytest.importorskip("quicktions")
    assert exact.Fraction is quicktions.Fraction
    value, same = exact.Fraction(2310_50, 100) / 3, fractions.Fraction(2310_50, 100) / 3
    assert value == same and hash(value) == hash(same) and str(value) == str(same)


def test_without_quicktions_the_standard_fraction_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "quicktions", None)  # makes ``import quicktions`` fail
    try:
        assert importlib.reload(exact).Fraction is fractions.Fraction
    finally:
        monkeypatch.undo()
        importlib.reload(exact)
