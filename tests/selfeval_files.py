"""Writing a self-evaluation table to a file and checking it, for the reader tests."""

from __future__ import annotations

from pathlib import Path

from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.result import Finding
from budgetcheck.sources.load import load_report


def write_table(tmp_path: Path, text: str, name: str = "table.txt") -> Path:
    """The text written as a UTF-8 file under ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def table_findings(path: Path, profile: str | None = None) -> list[Finding]:
    """Every finding of a document under its own profile, or under ``profile``."""
    loaded = load_report(path)
    assert loaded.report is not None, loaded.problems
    return check_report(loaded, profile=resolve_profile(loaded, profile)).findings
