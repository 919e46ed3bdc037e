"""Reporter contracts: SARIF validates against the 2.1.0 schema, JSON has the documented
shape, GitHub annotations are escaped, the rich table aligns Chinese text."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from budgetcheck.checks.engine import FileResult
from budgetcheck.result import Finding, Severity
from budgetcheck.reporters import FORMATS, get_reporter
from budgetcheck.reporters.github import annotation, escape_data, escape_property
from budgetcheck.run.runner import RunResult

from .conftest import ROOT
from .test_reporters_golden import INPUTS, SELECT, run_cli

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def _finding(**changes: object) -> Finding:
    values: dict = dict(rule="BC101", name="sum-mismatch", severity=Severity.ERROR,
                        message_en="total: printed 20.00, but the parts add up to 19.00",
                        message_zh="合计：填报 20.00，各分项合计为 19.00", path="basic_expenditure.total",
                        file="reports/a.yaml", line=3, column=10, expected="19.00", found="20.00")
    values.update(changes)
    return Finding(**values)


def _output(fmt: str, monkeypatch: pytest.MonkeyPatch, *extra: str) -> str:
    monkeypatch.chdir(ROOT)
    return run_cli(["validate", "--jobs", "1", *SELECT, "--format", fmt, *extra, *INPUTS])[1]


def test_every_format_has_a_reporter() -> None:
    assert set(FORMATS) == {"full", "table", "concise", "json", "sarif", "github", "junit", "html", "csv",
                            "xlsx", "gitlab", "json-lines"}
    for name in FORMATS:
        assert callable(get_reporter(name))


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="SARIF 2.1.0 schema file not shipped")
def test_sarif_validates_against_the_2_1_0_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    log = json.loads(_output("sarif", monkeypatch))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["defaultConfiguration"]["level"] for r in rules} == {"error", "warning", "note"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
    assert run["invocations"][0]["executionSuccessful"] is False  # broken.yaml


def test_sarif_fingerprint_ignores_the_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from budgetcheck.reporters.sarif import fingerprint

    assert fingerprint(_finding(line=3)) == fingerprint(_finding(line=40, column=1))
    assert fingerprint(_finding()) != fingerprint(_finding(path="basic_expenditure.public"))
    assert fingerprint(_finding()) != fingerprint(_finding(file="reports/b.yaml"))


def _readme_json_example() -> dict:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("<!-- section: output -->", 1)[1].split("<!-- end: output -->", 1)[0]
    block = re.search(r"```json\n(.+?)\n```", section, flags=re.S)
    assert block, "the output section documents the JSON shape in a ```json block"
    return json.loads(block.group(1))


def _shape(value: object) -> object:
    """Keys and value kinds, recursively (lists by their first element)."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return "number" if isinstance(value, int) and not isinstance(value, bool) else type(value).__name__


def _merge_nullable(doc: object, actual: object) -> bool:
    """Whether ``actual`` fits ``doc``: same keys; a documented null admits any kind."""
    if doc == "NoneType" or actual == "NoneType":
        return True
    if isinstance(doc, dict) and isinstance(actual, dict):
        return doc.keys() == actual.keys() and all(_merge_nullable(doc[k], actual[k]) for k in doc)
    if isinstance(doc, list) and isinstance(actual, list):
        return not doc or not actual or _merge_nullable(doc[0], actual[0])
    return doc == actual


def test_json_output_matches_the_documented_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    documented = _readme_json_example()
    actual = json.loads(_output("json", monkeypatch))
    assert actual["schema_version"] == documented["schema_version"] == 1
    findings_file = next(f for f in actual["files"] if f["findings"])
    one = dict(actual, files=[findings_file])
    assert _merge_nullable(_shape(documented), _shape(one)), (_shape(documented), _shape(one))
    assert [f["status"] for f in actual["files"]] == ["checked", "checked", "unreadable"]
    assert actual["summary"]["exit_code"] == 2


def test_github_escapes_messages_and_properties() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = annotation(_finding(file="dir,x/a:b.yaml", message_en="line1\nline2 100%"), "en")
    assert line.startswith("::error file=dir%2Cx/a%3Ab.yaml,line=3,col=10,title=BC101 sum-mismatch::")
    assert "line1%0Aline2 100%25" in line and "\n" not in line


def test_github_marks_explained_and_info_findings_as_notices() -> None:
    assert annotation(_finding(severity=Severity.WARNING, explained="已说明"), "en").startswith("::notice ")
    assert annotation(_finding(severity=Severity.WARNING), "en").startswith("::warning ")
    assert annotation(_finding(severity=Severity.INFO), "en").startswith("::notice ")


def test_table_aligns_chinese_text_in_a_narrow_console() -> None:
    out = io.StringIO()
    run = RunResult([FileResult("reports/a.yaml", findings=[
        _finding(),
        _finding(rule="BC009", name="truncated-figure", severity=Severity.INFO, line=12,
                 message_zh="一般公共预算财政拨款支出（按类）：填报 5.01，为 5.02 的截断值，应四舍五入"),
    ])])
    import rich.console

    original = rich.console.Console

    class Narrow(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["width"] = 72
            super().__init__(*args, **kwargs)

    rich.console.Console = Narrow  # type: ignore[misc]
    try:
        get_reporter("table")(run, out, "zh")
    finally:
        rich.console.Console = original  # type: ignore[misc]
    first_column = [line.split("│")[1].strip() for line in out.getvalue().splitlines() if line.startswith("│")]
    assert {"BC101", "sum-mismatch", "BC009", "truncated-", "figure"} <= set(first_column)  # broken at hyphens only
    rows = [line for line in out.getvalue().splitlines() if line.startswith(("│", "┃", "┏", "└"))]
    assert len(rows) > 4
    widths = {cell_len(line) for line in rows}
    assert widths == {max(widths)} and max(widths) <= 72, widths
    # every column border sits at the same display column on every row
    def borders(line: str) -> list[int]:
        return [cell_len(line[:i]) for i, ch in enumerate(line) if ch in "│┃"]
    body = [line for line in rows if line.startswith("│")]
    assert all(borders(line) == borders(body[0]) for line in body)
    assert "截断值" in out.getvalue().replace("\n", "").replace("│", "").replace(" ", "")
