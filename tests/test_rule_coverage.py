"""The coverage measure: every figure of the fixture that takes part in an identity,
moved well beyond rounding, must produce a finding that names it.

Run ``python -m tests.test_rule_coverage`` to print the measured share and the misses.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.model.figures import parse_figure
from budgetcheck.sources.load import build_report, load_report
from budgetcheck.sources.yamltree import parse_yaml
from budgetcheck.model.paths import DataPath, format_path

from .conftest import FIXTURE, check_touching
from .rawdata import raw_get, raw_set

MIN_SHARE = Decimal("0.95")


def _perturbed(text: str) -> str:
    """The printed figure moved by max(10 %, 100 units of its last place), same precision."""
    figure = parse_figure(text, suffixes=("分", "万元"))
    unit = Decimal(1).scaleb(-figure.places)
    delta = max(abs(figure.value) / 10, 100 * unit).quantize(unit)
    moved = figure.value + delta
    suffix = text[len(text.rstrip("分万元%")):]
    return f"{moved:.{figure.places}f}" + suffix


def _findings_naming(path_text: str, data: dict, positions: dict) -> bool:
    loaded = build_report(data, positions, "perturbed.yaml")
    result = check_report(loaded, profile=resolve_profile(loaded))
    return any(f.path == path_text or path_text in f.related for f in result.findings)


def measure() -> tuple[int, int, list[str]]:
    """(figures caught, figures taking part in identities, paths missed)."""
    baseline = load_report(FIXTURE)
    original, touched_paths = check_touching(baseline, profile=resolve_profile(baseline))
    raw, positions = parse_yaml(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    before = {(f.rule, f.path) for f in original.findings}
    missed = []
    touched = sorted(touched_paths, key=format_path)
    for path in touched:
        data = copy.deepcopy(raw)
        text = raw_get(data, path)
        raw_set(data, path, _perturbed(text))
        path_text = format_path(path)
        loaded = build_report(data, positions, "perturbed.yaml")
        result = check_report(loaded, profile=resolve_profile(loaded))
        new = [f for f in result.findings if (f.rule, f.path) not in before or f.path == path_text]
        if not any(f.path == path_text or path_text in f.related for f in new):
            missed.append(f"{path_text} = {text}")
    return len(touched) - len(missed), len(touched), missed


def test_every_figure_in_an_identity_is_guarded() -> None:
    caught, total, missed = measure()
    assert total >= 600, "the catalogue should cover most figures of the reference document"
    assert Decimal(caught) / total >= MIN_SHARE, missed


if __name__ == "__main__":
    caught, total, missed = measure()
    print(f"{caught}/{total} figures caught ({100 * caught / total:.1f}%)")
    for row in missed:
        print("  missed:", row)
