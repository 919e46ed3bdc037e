"""Smoke test of the benchmark: generated reports are valid and realistic, run.py works."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from budgetcheck.result import Severity
from budgetcheck.sources.load import load_text
from budgetcheck.run.runner import check_file

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _module("generate")


@pytest.fixture(scope="module")
def run() -> ModuleType:
    return _module("run")


def _errors(text: str) -> int:
    from budgetcheck.checks.engine import check_report

    loaded = load_text(text, "generated.yaml")
    assert loaded.report is not None and not loaded.problems
    return sum(1 for f in check_report(loaded).findings if f.severity is Severity.ERROR)


def test_generated_reports_are_valid_sized_and_reproducible(generate: ModuleType, tmp_path: Path) -> None:
    paths = generate.generate(tmp_path / "a", 5, seed=3)
    again = generate.generate(tmp_path / "b", 5, seed=3)
    other = generate.generate(tmp_path / "c", 5, seed=4)
    fixture_size = generate.FIXTURE.stat().st_size
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]
    assert paths[0].read_bytes() != other[0].read_bytes()
    assert paths[0].read_bytes() != paths[1].read_bytes()
    for path in paths:
        assert abs(path.stat().st_size - fixture_size) < fixture_size * 0.05
        assert not check_file(str(path)).invalid


def test_injected_error_is_found(generate: ModuleType) -> None:
    text = generate.FIXTURE.read_text(encoding="utf-8")
    clean = generate.vary(text, 9, 7, inject=False)
    broken = generate.vary(text, 9, 7, inject=True)
    assert broken != clean
    assert _errors(broken) > _errors(clean)


def test_ratios_and_targets(run: ModuleType) -> None:
    t = run.Timing
    single = {
        "cli": t("cli", 0.120, 0.110, 30_000, 3, 0),
        "parse_floor": t("parse", 0.040, 0.039, 15_000, 3, 0),
        "stack_floor": t("stack", 0.100, 0.090, 20_000, 3, 0),
        "yamllint": t("yamllint", 0.200, 0.190, 20_000, 3, 1),
    }
    assert run.per_item(t("b", 2.12, 2.1, 1, 1, 0), single["cli"], 101) == pytest.approx(0.02)
    assert run.ratio(1.0, 0.0) == float("inf")
    rows = {name: (value, met) for name, value, _, met in run.targets(single, None)}
    assert rows["CLI / stack floor"] == (pytest.approx(1.2), True)
    assert rows["CLI / yamllint"] == (pytest.approx(0.6), True)
    text = run.report(single, None)
    assert "CLI / stack floor" in text and "3.00" in text  # cli is 3x the parse floor


def test_batch_command_falls_back_without_jobs_option(run: ModuleType) -> None:
    assert run.batch_command(["bc"], ["a.yaml"], 2, True) == ["bc", "validate", "--format", "concise", "--jobs", "2", "a.yaml"]
    fallback = run.batch_command(["bc"], ["a.yaml"], 2, False)
    assert fallback[0] == sys.executable and fallback[-2:] == ["2", "a.yaml"]


def test_end_to_end_small_run(run: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    wall, rss, code, cpu = run.run_once([sys.executable, "-c", "raise SystemExit(3)"])
    assert code == 3 and wall > 0 and rss > 0 and 0 < cpu
    assert run.main(["--reports", "3", "--repeat", "1", "--no-peers", "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert "budgetcheck validate" in out and "speed-up 1 -> 2 jobs" in out and "check_over_parse_cpu" in out
    assert "machine_capacity_njobs" in out and "speedup_over_capacity" in out
