"""End to end: the CLI on the fixture, planted errors, bad input."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetcheck.catalogue.rules import load_rules
from budgetcheck.cli.app import main
from budgetcheck.sources.load import load_report
from budgetcheck.model.paths import format_path, parse_path, resolve

from .conftest import FIXTURE


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _sum_totals() -> list[tuple[str, int, int]]:
    """Concrete paths, lines and columns of every total that a sum rule checks in the fixture."""
    loaded = load_report(FIXTURE)
    found = []
    for code in ("BC101", "BC102", "BC103"):
        for target in (declared.raw for declared in load_rules()[code].targets):
            if "total" not in target:
                continue
            scopes = [((), loaded.report)]
            if "for_each" in target:
                scopes = list(resolve(loaded.report, parse_path(target["for_each"])))
            for scope, _ in scopes:
                if not _has_parts(loaded.report, scope, target["parts"]):
                    continue
                spec = target["total"]
                pattern = scope + parse_path(spec[1:]) if spec.startswith(".") else parse_path(spec)
                for path, _value in resolve(loaded.report, pattern):
                    line, col = loaded.positions[path]
                    found.append((format_path(path), line, col))
    return sorted(set(found))


def _has_parts(report: object, scope: tuple, specs: list) -> bool:
    for spec in specs:
        text = spec["path"] if isinstance(spec, dict) else spec
        pattern = scope + parse_path(text[1:]) if text.startswith(".") else parse_path(text)
        if any(True for _ in resolve(report, pattern)):
            return True
    return False


TOTALS = _sum_totals()


def test_fixture_has_many_checked_totals() -> None:
    assert len(TOTALS) >= 25


@pytest.mark.parametrize(("path", "line", "col"), TOTALS, ids=[t[0] for t in TOTALS])
def test_one_character_error_in_a_total_is_reported_with_file_line_and_figures(
    tmp_path: Path, path: str, line: int, col: int
) -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)
    text = lines[line - 1]
    start = col - 1
    quote = text[start]
    end = text.index(quote, start + 1) if quote in "\"'" else len(text.rstrip())
    value = text[start:end + 1]
    # Change the first digit of the figure: a one-character typo far beyond rounding.
    digit_at = next(i for i, ch in enumerate(value) if ch.isdigit())
    old = value[digit_at]
    new = "8" if old != "8" else "3"
    planted = value[:digit_at] + new + value[digit_at + 1:]
    lines[line - 1] = text[:start] + planted + text[end + 1:]
    report = tmp_path / "planted.yaml"
    report.write_text("".join(lines), encoding="utf-8")
    code, out = _run(["validate", "--format", "concise", str(report)])
    assert code == 1
    wanted = f"{report}:{line}:{col}: "
    hits = [row for row in out.splitlines() if row.startswith(wanted)]
    assert hits, out
    assert any(f"found {planted.strip(chr(34))}" in row and "expected " in row for row in hits), hits


def test_fixture_runs_without_schema_errors() -> None:
    code, out = _run(["validate", "--format", "concise", str(FIXTURE)])
    assert code in (0, 1)
    assert "BC001" not in out and "could not be checked" not in out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("unit: {name: x, year: 2024\n", "invalid YAML"),
        ("unit: {name: x, year: 二〇二四}\n", "unit.year"),
        ("statements: [{amount: '1.00'}]\n", "missing required field 'label'"),
        ("unit: {name: x, year: 2024}\nincome: {total: abc}\n", "income.total"),
    ],
)
def test_bad_input_is_one_line_exit_2_no_traceback(tmp_path: Path, content: str, fragment: str) -> None:
    report = tmp_path / "bad.yaml"
    report.write_text(content, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "budgetcheck", "validate", "--format", "concise", str(report)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    problem_lines = [row for row in proc.stdout.splitlines() if row.startswith(str(report))]
    assert len(problem_lines) == 1 and fragment in problem_lines[0]
    assert re.match(rf"{re.escape(str(report))}:\d+:\d+: ", problem_lines[0])


def test_version_and_help() -> None:
    code, out = _run(["--version"])
    assert code == 0 and "budgetcheck" in out
    code, out = _run(["validate", "--help"])
    assert code == 0 and "budgetcheck validate" in out
