"""Output formats: the terminal blocks at 80 columns, spreadsheets, GitLab, JSON
Lines, document order, and no ``:0:0`` for a finding without a line in any format."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

import pytest

from budgetcheck.checks.engine import FileResult
from budgetcheck.result import Finding, Severity
from budgetcheck.reporters import FORMATS, get_reporter
from budgetcheck.reporters.cells import cell_width, crop, wrap
from budgetcheck.reporters.common import expected_text
from budgetcheck.reporters.place import document_key, location
from budgetcheck.reporters.rows import COLUMNS
from budgetcheck.reporters.snippet import SnippetReader
from budgetcheck.run.runner import RunResult, run

from .conftest import FIXTURE, ROOT
from .test_reporters_golden import BINARY, TextWithBuffer, checked, render


def _finding(**changes: object) -> Finding:
    values: dict = dict(rule="BC101", name="sum-mismatch", severity=Severity.ERROR,
                        message_en="total: printed 20.00, but the parts add up to 19.00",
                        message_zh="合计：填报 20.00，各分项合计为 19.00", path="basic_expenditure.total",
                        file="reports/a.docx", line=None, column=None, expected="19.00", found="20.00")
    values.update(changes)
    return Finding(**values)


def _lineless_run() -> RunResult:
    """A .docx finding located by cell, a .pdf one by page, and one with no place at all."""
    return RunResult([
        FileResult("reports/a.docx", findings=[_finding(source="table 3 row 5 cell 7")]),
        FileResult("reports/b.pdf", findings=[_finding(file="reports/b.pdf", source="page 4")]),
        FileResult("reports/c.yaml", findings=[_finding(file="reports/c.yaml")]),
    ])


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in BINARY])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_format_prints_line_zero(fmt: str, lang: str) -> None:
    out = render(fmt, lang, _lineless_run())
    assert not re.search(r"\.(docx|pdf|yaml):0\b|\b0:0\b", out), out
    assert not re.search(r'"(startLine|line|begin)": ?0\b|line=0', out), out


@pytest.mark.parametrize("fmt", ["concise", "full", "github", "junit"])
def test_a_lineless_finding_shows_its_place_or_its_file(fmt: str) -> None:
    out = render(fmt, "en", _lineless_run())
    assert "reports/a.docx (table 3 row 5 cell 7)" in out or fmt == "github"
    assert "reports/b.pdf (page 4)" in out or fmt == "github"
    assert "reports/c.yaml" in out


def test_places_are_in_chinese_under_zh() -> None:
    out = render("full", "zh", _lineless_run())
    assert "表 3 第 5 行第 7 格" in out and "第 4 页" in out


def test_sarif_gives_a_docx_place_as_a_logical_location() -> None:
    log = json.loads(render("sarif", "en", _lineless_run()))
    docx, pdf, bare = log["runs"][0]["results"]
    assert docx["locations"][0]["logicalLocations"] == [
        {"name": "table 3 row 5 cell 7", "fullyQualifiedName": "basic_expenditure.total"}]
    assert "region" not in docx["locations"][0]["physicalLocation"]
    assert pdf["locations"][0]["logicalLocations"][0]["name"] == "page 4"
    assert "logicalLocations" not in bare["locations"][0]


def test_github_omits_line_and_column_when_there_are_none() -> None:
    out = render("github", "en", _lineless_run())
    assert "::error file=reports/a.docx,title=BC101 sum-mismatch::" in out


def test_document_order_puts_errors_first_at_a_place_and_docx_by_section() -> None:
    warning = _finding(severity=Severity.WARNING, rule="BC009", line=5, column=3, file="a.yaml")
    error = _finding(rule="BC201", line=5, column=3, file="a.yaml")
    earlier = _finding(rule="BC999", severity=Severity.INFO, line=2, file="a.yaml")
    assert sorted([warning, error, earlier], key=document_key) == [earlier, error, warning]
    late = _finding(path="performance.projects[0].score", source="table 9 row 2 cell 3")
    early = _finding(path="income.total", source="table 2 row 4 cell 2")
    same_table = _finding(path="income.items[0].amount", source="table 2 row 3 cell 2")
    assert sorted([late, early, same_table], key=document_key) == [same_table, early, late]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_full_format_fits_80_columns_with_every_figure_whole(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for source in (FIXTURE, ROOT / "fixtures" / "changji-2024.txt"):
        result = run([str(source.relative_to(ROOT))], jobs=1)
        findings = list(run([str(source.relative_to(ROOT))], jobs=1).each())[0].findings
        out = render("full", lang, result, width=80)
        lines = out.splitlines()
        assert len(findings) >= 20  # the reference document's known errors and warnings
        assert len(lines) < 160, len(lines)  # the table took 289
        assert max(cell_width(line) for line in lines) <= 80
        blocks = out.strip().split("\n\n")[:-1]
        assert len(blocks) == len(findings)
        for f, block in zip(sorted(findings, key=document_key), blocks):
            header = block.splitlines()[0]
            assert header.startswith(location(f)) and f" {f.rule} {f.name} [" in header, header
            block_lines = block.splitlines()
            for text in (expected_text(f, lang), f.found, f.rule, f.name, location(f, lang)):
                assert text is not None
                for token in text.split():  # each piece of a figure, code or place on one line, whole
                    assert any(token in line for line in block_lines), (token, block)
            assert "^" in block  # the printed figure is underlined


def test_full_format_underlines_the_printed_figure_in_a_text_table_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = render("full", "zh", run(["fixtures/changji-2024.txt"], jobs=1), width=100)
    block = next(b for b in out.split("\n\n") if "BC502" in b and "昌吉州大气指挥中心运维项目" in b)
    row, carets = [line for line in block.splitlines() if "│" in line][:2]
    assert "年度资金总额 │ 150.00 │ 150.00 │ 144.70 │ 10 │ 96.47% │ 10.00" in row
    start = cell_width(row[: row.rindex("10.00")])
    assert carets[start : start + 5] == "^^^^^" and carets[start - 1] == " "


def test_wrapping_never_splits_a_latin_token_and_keeps_closing_punctuation() -> None:
    text = "昌吉州大气指挥中心运维项目年度资金总额：execution-score-mismatch 1,159.29，按（96.47%）应为 9.65"
    for width in range(12, 60):
        lines = wrap(text, width)
        tokens = " ".join(lines).split()
        for token in ("execution-score-mismatch", "1,159.29，", "（96.47%）", "9.65"):
            assert any(token in t for t in tokens), (width, lines)
        assert not any(line.startswith(("，", "）", "：")) for line in lines)
        assert not any(line.endswith("（") for line in lines)
    text = "前文" * 30 + "10.00" + "后文" * 30
    window, column, size = crop(text, (60, 65), 30)
    assert cell_width(window) <= 30 and window.startswith("…") and window.endswith("…")
    assert size == 5 and window[window.index("10.00") :].startswith("10.00")
    assert cell_width(window[: window.index("10.00")]) == column


def test_csv_has_a_bom_the_documented_columns_and_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = render("csv", "zh")
    assert text.startswith("\ufeff文件,单位,年度,")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows[0]) == len(COLUMNS) and all(len(row) == len(COLUMNS) for row in rows)
    by_key = [dict(zip(COLUMNS, row)) for row in rows[1:]]
    headcount = next(r for r in by_key if r["rule"] == "BC103")
    assert headcount == {**headcount, "unit": "示例水文监测站", "year": "2024", "section": "单位概况",
                         "place": "第 6 行第 20 列", "severity": "强制性", "expected": "14", "printed": "15",
                         "message_zh": "实有人数：填报 15，分类合计为 14", "data_path": "unit.headcount_total"}
    assert headcount["message_en"].startswith("实有人数 (headcount): printed 15")
    assert any(r["document"].endswith("broken.yaml") and "YAML 语法错误" in r["message_zh"] for r in by_key)


def test_xlsx_holds_the_csv_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("openpyxl")
    from openpyxl import load_workbook

    monkeypatch.chdir(ROOT)
    out = TextWithBuffer()
    get_reporter("xlsx")(checked(), out, "en")
    book = load_workbook(io.BytesIO(out.buffer.getvalue()))
    sheet = book.worksheets[0]
    values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    rows = list(csv.reader(io.StringIO(render("csv", "en").removeprefix("\ufeff"))))
    assert values == rows
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_xlsx_refuses_a_stream_without_bytes() -> None:
    pytest.importorskip("openpyxl")
    from budgetcheck.reporters.xlsx import BinaryOutputError

    with pytest.raises(BinaryOutputError, match="-o"):
        get_reporter("xlsx")(RunResult([]), io.StringIO(), "en")


def test_gitlab_code_quality_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    issues = json.loads(render("gitlab", "en"))
    assert {tuple(sorted(i)) for i in issues} == {("check_name", "description", "fingerprint", "location", "severity")}
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(isinstance(i["location"]["lines"]["begin"], int) and i["location"]["lines"]["begin"] >= 1 for i in issues)
    lineless = json.loads(render("gitlab", "en", _lineless_run()))
    assert lineless[0]["location"]["lines"]["begin"] == 1 and "(table 3 row 5 cell 7)" in lineless[0]["description"]


class _Recorder(io.StringIO):
    """A stream that remembers what had been flushed."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed = ""

    def flush(self) -> None:
        self.flushed = self.getvalue()


def test_json_lines_are_flushed_file_by_file() -> None:
    out = _Recorder()
    seen_before_second: list[str] = []

    def files() -> Iterator[FileResult]:
        yield FileResult("a.yaml", findings=[_finding(file="a.yaml", line=3)])
        seen_before_second.append(out.flushed)
        yield FileResult("b.yaml", findings=[_finding(file="b.yaml", line=4)])

    get_reporter("json-lines")(RunResult(files()), out, "en")
    first = [json.loads(line) for line in seen_before_second[0].splitlines()]
    assert [(r["type"], r["file"]) for r in first] == [("finding", "a.yaml")]
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["type"] for r in records] == ["finding", "finding", "summary"]
    assert records[-1]["error"] == 2 and records[-1]["exit_code"] == 1


@pytest.mark.parametrize("fmt", ["concise", "full", "json", "csv"])
def test_light_formats_do_not_import_the_html_or_spreadsheet_libraries(fmt: str) -> None:
    import subprocess
    import sys

    code = ("import io, sys\n"
            "from budgetcheck.reporters import get_reporter\n"
            "from budgetcheck.run.runner import run\n"
            f"get_reporter({fmt!r})(run(['tests/data/reports/findings.yaml']), io.StringIO(), 'en')\n"
            "print([m for m in ('jinja2', 'openpyxl', 'html5lib', 'markupsafe') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_templates_are_package_data() -> None:
    from importlib.resources import files

    templates = files("budgetcheck.reporters") / "templates"
    assert (templates / "report.html").is_file() and (templates / "report.css").is_file()


@pytest.mark.parametrize("width", [80, 100, 120])
def test_table_fits_the_terminal_and_breaks_names_only_after_hyphens(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = render("table", "en", run(["fixtures/changji-2024.yaml"], jobs=1), width=width)
    lines = out.splitlines()
    assert max(cell_width(line) for line in lines) <= width
    assert len(lines) < 289
    first = [line.split("│")[1].strip() for line in lines if line.startswith("│")]
    findings = list(run(["fixtures/changji-2024.yaml"], jobs=1).each())[0].findings
    for f in findings:
        assert f.rule in first
        assert f.name in first or any(  # or on consecutive lines, each but the last ending in a hyphen
            "".join(first[i : i + k]) == f.name and all(p.endswith("-") for p in first[i : i + k - 1])
            for i in range(len(first)) for k in (2, 3, 4)), f.name


def test_full_format_colours_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    plain = render("full", "en", checked(), color=False)
    coloured = render("full", "en", checked(), color=True)
    assert "\x1b[" not in plain and "\x1b[1;31mBC101\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_document_blocks_are_found_by_their_unique_place_label() -> None:
    from budgetcheck.sources.documents.blocks import Cell, Paragraph, TableRow, Where
    from budgetcheck.reporters.snippet import located

    blocks = [
        Paragraph("支出决算数为 5.00 万元", Where("page 4")),
        Paragraph("增长 10.00%", Where("page 4")),  # a PDF page holds many paragraphs: not one place
        Paragraph("本年收入合计 20.00 万元", Where("paragraph 3")),
        TableRow((Cell("合计", Where("table 2 row 5 cell 1")), Cell("20.00", Where("table 2 row 5 cell 2")))),
    ]
    places = located(blocks)
    assert len(places["page 4"]) == 2
    assert places["paragraph 3"] == [(("本年收入合计 20.00 万元",), 0)]
    assert places["table 2 row 5 cell 2"] == [(("合计", "20.00"), 1)]
    reader = SnippetReader(documents=(".pdf",))
    reader._places["a.pdf"] = places  # as read from the document
    growth = reader.snippet(_finding(file="a.pdf", source="page 4", found="10.00%"))
    assert growth is not None and growth.parts == ("增长 10.00%",) and growth.mark == (3, 9)
    assert reader.snippet(_finding(file="a.pdf", source="page 4", found="1.00")) is None  # in neither
    cell = reader.snippet(_finding(file="a.pdf", source="table 2 row 5 cell 2 (printed 200000元)"))
    assert cell is not None and cell.parts == ("合计", "20.00") and cell.focus == 1 and cell.mark == (0, 5)


def test_a_docx_finding_shows_its_printed_row(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("docx")
    from pathlib import Path

    from .test_extract_formats import seed_docx

    monkeypatch.chdir(ROOT)
    path = Path(str(tmp_path)) / "seed.docx"
    path.write_bytes(seed_docx())
    result = run([str(path)], jobs=1)
    files = list(result.each())
    out = render("full", "zh", RunResult(files), width=100)
    block = next(b for b in out.split("\n\n") if "BC502" in b and "昌吉州大气指挥中心运维项目" in b)
    assert "（表 3 第 6 行第 8 格）" in block.splitlines()[0]
    assert "年度资金总额 │ 150.00 │ 150.00 │ 144.70 │ 10 │ 96.47% │ 10.00" in block and "^^^^^" in block
    html = render("html", "zh", RunResult(files))
    assert html.count("<mark>") == sum(len(f.findings) for f in files) and 'class="printed missing"' not in html


def _with(result: RunResult, **changes: object) -> RunResult:
    """The run with CLI settings (fields of a frozen run, or attributes of an older one)."""
    from budgetcheck.model.records import field_names, replace

    if set(changes) <= set(field_names(result)):
        return replace(result, **changes)
    for name, value in changes.items():
        setattr(result, name, value)
    return result


@pytest.mark.parametrize("fmt", ["full", "table", "concise", "github"])
def test_text_formats_leave_the_summary_out_when_the_run_says_so(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    shown = render(fmt, "en", checked())
    hidden = render(fmt, "en", _with(checked(), show_summary=False))  # as the CLI makes it under -q
    assert "could not be checked" in shown.splitlines()[-1] and "could not be checked" not in hidden


def test_terminal_formats_take_their_colour_from_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    coloured = _with(checked(), color=True)  # as the CLI makes it from --color / NO_COLOR
    assert "\x1b[" in render("full", "en", coloured, color=None)
    assert "\x1b[" not in render("full", "en", checked(), color=None)


def test_xlsx_refuses_a_terminal_with_a_one_line_error_and_exit_2() -> None:
    pytest.importorskip("openpyxl")
    import click

    from budgetcheck.reporters import ReporterError

    class Terminal(TextWithBuffer):
        def isatty(self) -> bool:
            return True

    with pytest.raises(ReporterError) as caught:
        get_reporter("xlsx")(RunResult([]), Terminal(), "en")
    assert isinstance(caught.value, click.ClickException) and caught.value.exit_code == 2
    assert "\n" not in caught.value.format_message()


def test_a_yaml_snippet_leaves_the_comment_out(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "a.yaml"
    path.write_text('income:\n  total: "10.00"   # 4 + 5 = 9\n  note: "a # b"  # not this\n', encoding="utf-8")
    reader = SnippetReader()
    total = reader.snippet(_finding(file=str(path), line=2, column=10, found="10.00"))
    assert total is not None and total.parts == ('total: "10.00"',) and total.mark == (8, 13)
    note = reader.snippet(_finding(file=str(path), line=3, column=9, found="a # b"))
    assert note is not None and note.parts == ('note: "a # b"',)
