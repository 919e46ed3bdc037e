"""Hostile input. Each row of the robustness table in docs/contributing.md is one case here."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from budgetcheck.cli.app import main
from budgetcheck.sources.load import InputError, load_report, load_text
from budgetcheck.sources.yamltree import DuplicateKey, parse_yaml

UNIT = 'unit: {name: "某单位", year: "2024"}\n'
BASIC = 'basic_expenditure: {total: "12.00", personnel: "10.00", public: "2.00"}\n'


def run(tmp_path: Path, content: bytes | str, *args: str, env: dict[str, str] | None = None) -> Result:
    """Validate one file through the CLI in-process; never a traceback."""
    target = tmp_path / "input.yaml"
    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    result = CliRunner().invoke(main, ["validate", "--format", "concise", *args, str(target)], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def refused(result: Result, *needles: str) -> str:
    """The one error line of an unreadable file (exit 2), checked for each needle."""
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if "input.yaml" in line]
    assert len(lines) == 1, result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


REFUSED = [
    ("empty file", b"", ["empty file"]),
    ("only comments", b"# nothing here\n\n", ["empty document"]),
    ("binary with NUL", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["binary data", "NUL"]),
    ("control characters", b"unit:\x01\x02\x03", ["binary data", "U+0001"]),
    ("C1 control character", "unit: {name: \"a\u0097\"}\n".encode(), ["binary data", "control character U+0097", ":1:16"]),
    ("non-character", "unit: {name: \"a\uffff\"}\n".encode(), ["binary data", "non-character U+FFFF"]),
    ("undecodable bytes", b"unit: {name: \x80\xff}\n", ["not valid UTF-8 or GB18030", "0x80", "offset 13"]),
    ("UTF-16 with BOM", "\ufeff" .encode("utf-16-le") + UNIT.encode("utf-16-le"), ["UTF-16", "save it as UTF-8"]),
    ("UTF-16 without BOM", UNIT.encode("utf-16-be"), ["looks like UTF-16"]),
    ("UTF-32", UNIT.encode("utf-32"), ["UTF-32"]),
    ("anchor", (UNIT + "income: &i {total: \"1.00\"}\n").encode(), ["anchors (&i)", ":2:9"]),
    ("alias", (UNIT + "income: *i\n").encode(), ["aliases (*i) are not allowed", ":2:9"]),
    ("billion laughs", b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n", ["anchors"]),
    ("merge key", (UNIT + "income: {<<: {total: \"1.00\"}}\n").encode(), ["merge keys"]),
    ("application tag", (UNIT + "title: !!python/object:os.system x\n").encode(), ["YAML tag", "python/object"]),
    ("deep block nesting", (UNIT + "".join("  " * i + f"k{i}:\n" for i in range(100))).encode(), ["nesting deeper than 64"]),
    ("deep flow nesting", (UNIT + "x: " + "[" * 5000 + "]" * 5000 + "\n").encode(), ["invalid YAML", "nesting depth"]),
    ("two documents", (UNIT + "---\n" + UNIT).encode(), ["more than one YAML document", ":2:1"]),
    ("a list, not a mapping", b"- unit\n- income\n", ["a report is a YAML mapping"]),
    ("syntax error", (UNIT + "income: {total: \"1.00\"\n").encode(), ["invalid YAML"]),
]


@pytest.mark.parametrize(("content", "needles"), [pytest.param(c, n, id=i) for i, c, n in REFUSED])
def test_hostile_input_is_refused_with_one_line(tmp_path: Path, content: bytes, needles: list[str]) -> None:
    refused(run(tmp_path, content), *needles)


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    text = UNIT + BASIC
    assert run(tmp_path, text).exit_code == 0
    refused(run(tmp_path, text, "--max-bytes", "50"), "over the 50-byte limit")
    refused(run(tmp_path, text, env={"BUDGETCHECK_MAX_BYTES": "40"}), "over the 40-byte limit")
    assert run(tmp_path, text, "--max-bytes", str(len(text.encode()))).exit_code == 0


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2 and "nope.yaml: cannot read file" in result.output


# -- read, not refused ---------------------------------------------------------------------
def test_gbk_and_gb18030_files_are_read(tmp_path: Path) -> None:
    for encoding in ("gbk", "gb18030"):
        path = tmp_path / f"{encoding}.yaml"
        path.write_bytes((UNIT + "title: 部门决算公开说明\n").encode(encoding))
        loaded = load_report(path)
        assert loaded.report.unit.name == "某单位" and loaded.report.title == "部门决算公开说明"


def test_utf8_bom_is_skipped_and_positions_stay_right(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (UNIT + 'basic_expenditure: {total: "13.00", personnel: "10.00", public: "2.00"}\n').encode())
    result = run(tmp_path, path.read_bytes())
    assert result.exit_code == 1 and "input.yaml:2:" in result.output


def test_yaml_11_implicit_types_stay_text() -> None:
    text = UNIT.replace('"2024"', "2024") + (
        "title: no\n"
        "basic_expenditure: {total: 1.10, personnel: 1.00, public: 0.10}\n"
        "procurement: {total: 0755, goods: 0755, works: 0, services: 0}\n"
        "government_fund: {empty: no}\n"
    )
    report = load_text(text, "implicit.yaml").report
    assert report.title == "no"  # not False
    total = report.basic_expenditure.total
    assert (total.text, total.places) == ("1.10", 2)  # not 1.1
    assert report.procurement.total.value == 755  # not octal 493
    assert report.government_fund.empty is False and report.unit.year == 2024


@pytest.mark.parametrize(
    ("value", "needle"),
    [("1_000", "not a number: '1_000'"), ("2024-12-15", "not a number"), (".nan", "not a number: '.nan'"),
     ("NaN", "not a number: 'NaN'"), ("Infinity", "not a number"), ("-.inf", "not a number"),
     ("1,08,5.20", "not a number"), ("1e3", "not a number")],
)
def test_numbers_that_are_not_printed_figures_are_schema_findings(tmp_path: Path, value: str, needle: str) -> None:
    for quoted in (value, f'"{value}"'):  # plain or quoted, the figure is read from its text
        result = run(tmp_path, UNIT + f"procurement:\n  total: {quoted}\n  goods: 1.00\n  works: 0.00\n  services: 0.00\n")
        assert result.exit_code == 2 and "BC001" in result.output and needle in result.output, result.output


def test_thousands_separators_and_full_width_digits_are_read(tmp_path: Path) -> None:
    text = UNIT + (
        'procurement: {total: "１，０８５．２０", goods: "1,085.20", works: "0.00", services: "0.00",\n'
        '              sme: {amount: "1,085.20", share: "１００．００％"}}\n'
    )
    report = load_text(text, "fullwidth.yaml").report
    assert report.procurement.total.value == report.procurement.goods.value
    assert report.procurement.total.places == 2 and report.procurement.sme.share.exact == 1
    assert run(tmp_path, text).exit_code == 0


def test_negative_amount_where_the_template_forbids_it(tmp_path: Path) -> None:
    result = run(tmp_path, UNIT + 'procurement: {total: "-1.00", goods: "-1.00", works: "0.00", services: "0.00"}\n')
    assert result.exit_code == 1
    assert "BC010" in result.output and "procurement.total" in result.output and "procurement.goods" in result.output


def test_percentage_written_as_a_fraction(tmp_path: Path) -> None:
    text = UNIT + 'procurement: {total: "10.00", goods: "10.00", works: "0.00", services: "0.00", sme: {amount: "9.36", share: "0.9361"}}\n'
    result = run(tmp_path, text)
    assert "BC011" in result.output and "93.61%" in result.output
    assert "BC201" in result.output  # and the share itself no longer adds up


# -- nothing lost, deterministic ------------------------------------------------------------
SEVERAL = UNIT + (
    'basic_expenditure: {total: "13.00", personnel: "10.00", public: "2.00"}\n'
    'procurement: {total: "9.00", goods: "5.00", works: "3.00", services: "0.00"}\n'
    'assets:\n  vehicle_count: "3"\n  vehicles: [{label: 其他用车, count: "1"}]\n'
    'three_public: {amount: "-1.00"}\n'
)


def test_a_report_with_several_problems_reports_all_of_them(tmp_path: Path) -> None:
    result = run(tmp_path, SEVERAL)
    for expected in ("BC101", "printed 13.00", "printed 9.00", "BC103", "printed 3", "BC010", "three_public.amount"):
        assert expected in result.output, result.output
    assert result.output.count("[error]") == 4


def test_several_schema_problems_are_all_reported(tmp_path: Path) -> None:
    text = UNIT + 'procurement: {total: "x", goods: NaN, works: "0.00", services: "0.00", colour: red}\n'
    result = run(tmp_path, text)
    assert result.exit_code == 2
    assert result.output.count("BC001") == 3, result.output


DUPLICATES = UNIT + BASIC + BASIC + (
    'income: {total: "1.00", total: "2.00"}\n'
    'procurement: {total: "x", goods: "1.00", works: "0.00", services: "0.00", colour: red}\n'
)


def test_every_duplicate_key_is_reported_with_both_positions_in_one_run(tmp_path: Path) -> None:
    result = run(tmp_path, DUPLICATES)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if "BC001" in line]
    assert len(lines) == 4, result.output  # two duplicate keys and two other schema problems
    assert lines[0].startswith(f"{tmp_path / 'input.yaml'}:3:1: ")
    assert "duplicate key 'basic_expenditure' (first at line 2, column 1)" in lines[0]
    assert ":4:25: " in lines[1] and "duplicate key 'total' (first at line 4, column 10)" in lines[1]
    assert "procurement.total" in lines[2] and "not a number" in lines[2]
    assert "procurement.colour" in lines[3] and "unknown key" in lines[3]


def test_a_duplicate_keeps_the_first_value_and_its_positions() -> None:
    text = UNIT + 'income:\n  total: "1.00"\n  items: [{label: a, amount: "1.00"}]\n  items:\n    - {label: b, amount: "9.00"}\n    - {label: c, amount: "9.00", amount: "8.00"}\n'
    found: list[DuplicateKey] = []
    data, positions = parse_yaml(text, "dup.yaml", found)
    assert data["income"]["items"] == [{"label": "a", "amount": "1.00"}]
    assert [(d.path, d.at, d.first) for d in found] == [
        (("income", "items"), (5, 3), (4, 3)),
        (("income", "items", 1, "amount"), (7, 34), (7, 18)),  # inside the dropped copy: reported too
    ]
    assert ("income", "items", 1) not in positions and positions[("income", "items", 0)] == (4, 11)


def test_without_a_list_the_first_duplicate_stops_the_parse() -> None:
    """Rule files and rule cases are parsed this way: a duplicate there is a mistake to fix first."""
    with pytest.raises(InputError, match="duplicate key 'total'"):
        parse_yaml(UNIT + 'income: {total: "1.00", total: "2.00"}\n', "case.yaml")


SCHEMA_AND_ARITHMETIC = SEVERAL.replace('three_public: {amount: "-1.00"}\n', 'three_public: {amount: "many", colour: red}\n')


def test_schema_errors_are_all_reported_and_stop_the_arithmetic_of_that_file(tmp_path: Path) -> None:
    """A report that does not fit the model is not checked further: its figures may be misplaced."""
    alone = run(tmp_path, SEVERAL.replace('three_public: {amount: "-1.00"}\n', ""))
    assert alone.exit_code == 1 and alone.output.count("[error]") == 3, alone.output  # the arithmetic errors
    both = run(tmp_path, SCHEMA_AND_ARITHMETIC)
    assert both.exit_code == 2
    assert both.output.count("BC001") == 2 and "three_public.amount" in both.output and "three_public.colour" in both.output
    assert "BC101" not in both.output and "BC103" not in both.output


def test_same_input_same_output_same_order(tmp_path: Path) -> None:
    outputs = {run(tmp_path, SEVERAL, "--lang", lang).output for lang in ("en", "en", "en")}
    assert len(outputs) == 1
    lines = next(iter(outputs)).splitlines()[:-1]
    positions = [tuple(int(n) for n in line.split(":")[1:3]) for line in lines]
    assert positions == sorted(positions)


# -- extract: inputs the extractor fuzzer (fuzz/fuzz_extract.py) found crashing --------------
INCOME = "二、收入决算情况说明\n本年收入{total}，其中：财政拨款收入{part}，占{share}。\n"


@pytest.mark.parametrize(
    ("total", "part", "share", "expected"),
    [
        pytest.param("1.00万元", "1.00万元", "100.00%元", ("1.00", "1.00", "100.00%"), id="percent followed by 元"),
        pytest.param("１．５０元", "１．５０元", "100.00%", ("0.000150", "0.000150", "100.00%"), id="full-width point in 元"),
        pytest.param("－1.50元", "１，０００.５０元", "100%", ("-0.000150", "0.100050", "100%"), id="full-width minus in 元"),
        pytest.param("1234567890123456789012345678901.25元", "0.00元", "0.00%",
                     ("123,456,789,012,345,678,901,234,567.890125", "0.000000", "0.00%"), id="more digits than Decimal's precision"),
    ],
)
def test_amounts_in_yuan_that_crashed_the_extractor(total: str, part: str, share: str, expected: tuple[str, ...]) -> None:
    from budgetcheck.sources.documents.reader import extract_bytes

    income = extract_bytes(INCOME.format(total=total, part=part, share=share).encode(), ".txt", "crash.txt").data["income"]
    item = income["items"][0]
    assert (income["total"], item["amount"], item["share"]) == expected


def test_validate_on_a_crashing_text_dump_is_not_a_traceback(tmp_path: Path) -> None:
    target = tmp_path / "crash.txt"
    target.write_text("某单位2024年度部门决算公开说明\n" + INCOME.format(total="1.00万元", part="1.00万元", share="100.00%元"))
    result = CliRunner().invoke(main, ["validate", "--format", "concise", str(target)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.output


def test_a_text_dump_with_a_c1_control_character_is_refused_not_extracted_into_unreadable_yaml(tmp_path: Path) -> None:
    """Found by fuzz/fuzz_extract.py: b"\\xc2\\x97" was extracted into a title YAML cannot hold."""
    target = tmp_path / "c1.txt"
    target.write_bytes(b"\xc2\x97")
    for command in ("extract", "validate"):
        result = CliRunner().invoke(main, [command, str(target)])
        assert result.exit_code == 2 and "control character U+0097" in result.output, result.output
