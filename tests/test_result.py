"""The result module: reporters depend on it alone, a run result is built once and streamed."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from budgetcheck.model.records import field_names
from budgetcheck.reporters import REPORTERS
from budgetcheck.result import FileResult, Finding, RunResult, Severity, Totals

from .conftest import FIXTURE, check_touching


def _finding(severity: Severity = Severity.ERROR, explained: str | None = None) -> Finding:
    return Finding(rule="BC101", name="sum-mismatch", severity=severity, message_en="m", message_zh="信息",
                   path="basic_expenditure.total", file="a.yaml", line=3, column=10, explained=explained)


def test_reporters_import_the_results_without_the_checks() -> None:
    modules = ", ".join(f"'budgetcheck.reporters.{name}'" for name in REPORTERS.values())
    code = ("import importlib, sys\nimport budgetcheck.result, budgetcheck.reporters\n"
            f"for name in [{modules}]:\n    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('budgetcheck.checks', 'budgetcheck.checks.engine'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_run_result_is_frozen_and_counts_a_stream_once_read() -> None:
    files = iter([FileResult("a.yaml", [_finding(), _finding(Severity.WARNING, explained="说明")]),
                  FileResult("b.yaml", [], baselined=2), FileResult("c.yaml", invalid=True, error="c.yaml: bad")])
    run = RunResult(files, fail_on=Severity.WARNING)
    with pytest.raises(dataclasses.FrozenInstanceError):
        run.fail_on = Severity.ERROR  # type: ignore[misc]
    with pytest.raises(RuntimeError):
        run.totals()
    assert [file.source for file in run.each()] == ["a.yaml", "b.yaml", "c.yaml"]
    totals = run.totals()
    assert (totals.files, totals.explained, totals.baselined, totals.invalid) == (3, 1, 2, 1)
    assert totals.by_rule == {"BC101": 1}
    assert run.exit_code() == 2 and run.baselined == 2
    assert run.summary_line() == "3 files: 1 error(s), 0 warning(s), 0 info, 1 explained, 2 in baseline; 1 could not be checked"
    assert run.summary_line("zh") == "3 个文件：强制性 1，提示性 0，提示 0，已说明 1，基线已知 2；无法检查 1"


def test_a_run_is_read_once_whatever_holds_its_results() -> None:
    run = RunResult([FileResult("a.yaml", [_finding()])])
    assert len(list(run.each())) == 1 and run.totals().files == 1
    with pytest.raises(RuntimeError):
        list(run.each())


def test_partial_totals_count_what_was_read() -> None:
    run = RunResult(iter([FileResult("a.yaml", [_finding()]), FileResult("b.yaml", [_finding()])]))
    next(run.each())
    assert run.partial_totals().files == 1


def test_exit_code_follows_fail_on_and_exit_zero() -> None:
    totals = Totals.of([FileResult("a.yaml", [_finding(Severity.WARNING)])])
    assert totals.exit_code(Severity.ERROR, False) == 0
    assert totals.exit_code(Severity.WARNING, False) == 1
    assert totals.exit_code(Severity.WARNING, True) == 0


def test_touched_paths_are_test_instrumentation_not_part_of_the_result() -> None:
    from budgetcheck.checks.engine import resolve_profile
    from budgetcheck.sources.load import load_report

    assert "touched" not in field_names(FileResult)
    loaded = load_report(FIXTURE)
    result, touched = check_touching(loaded, profile=resolve_profile(loaded))
    assert len(touched) > 600 and result.findings


def test_findings_module_is_the_result_module() -> None:
    import budgetcheck.result as findings

    assert findings.Finding is Finding and findings.Severity is Severity
