"""Findings in .docx/.pdf inputs have no line: reporters show the place in the document."""

from __future__ import annotations

import io

from budgetcheck.checks.engine import FileResult
from budgetcheck.result import Finding, Severity
from budgetcheck.reporters import get_reporter
from budgetcheck.run.runner import RunResult


def _finding(line: int | None, source: str | None) -> Finding:
    return Finding(
        rule="BC101", name="sum-mismatch", severity=Severity.ERROR, message_en="total differs",
        message_zh="合计不符", path="basic_expenditure.total", file="report.docx", line=line,
        column=3 if line else None, expected="1.00", found="2.00", source=source,
    )


def _render(fmt: str, finding: Finding) -> str:
    out = io.StringIO()
    get_reporter(fmt)(RunResult([FileResult("report.docx", findings=[finding])]), out, "en")
    return out.getvalue()


def test_concise_names_the_table_cell_when_there_is_no_line() -> None:
    text = _render("concise", _finding(None, "table 3 row 6 cell 8"))
    assert text.startswith("report.docx (table 3 row 6 cell 8): BC101 [error]")


def test_concise_keeps_line_and_column_when_known() -> None:
    assert _render("concise", _finding(12, "line 12")).startswith("report.docx:12:3: BC101")


def test_json_carries_the_source_place() -> None:
    import json

    document = json.loads(_render("json", _finding(None, "page 4")))
    assert document["files"][0]["findings"][0]["source"] == "page 4"
