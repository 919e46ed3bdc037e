"""Hand-written variants of the template (invented figures) extract correctly.

Each ``tests/data/extract/variant-*.txt`` has a ``.expected.yaml`` beside it, checked by
hand: other wordings (较上年, 与上年相比, 比上年), half-width and full-width punctuation and
digits, amounts in 元, other heading numbering (``1.``, ``（一）``, none), missing sections,
an extra section the template does not have, and a small performance table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from budgetcheck.cli import main
from budgetcheck.engine import check_report, resolve_profile
from budgetcheck.extract.blocks import Paragraph, Where
from budgetcheck.extract.document import extract_blocks
from budgetcheck.extract.passage import yuan_to_wan
from budgetcheck.extract.reader import extract_file
from budgetcheck.extract.text import read_text_dump
from budgetcheck.loader import load_report

DATA = Path(__file__).resolve().parent / "data" / "extract"
VARIANTS = sorted(DATA.glob("variant-*.txt"))


def _expected(path: Path) -> dict:
    return yaml.load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _text(node: object) -> object:
    if isinstance(node, dict):
        return {k: _text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_text(v) for v in node]
    return str(node)


@pytest.mark.parametrize("path", VARIANTS, ids=lambda p: p.stem)
def test_variant_extracts_to_its_expected_data(path: Path) -> None:
    assert _text(extract_file(path).data) == _expected(path)


@pytest.mark.parametrize("path", VARIANTS, ids=lambda p: p.stem)
def test_consistent_variants_validate_clean(path: Path) -> None:
    loaded = load_report(path)
    findings = check_report(loaded, profile=resolve_profile(loaded)).findings
    assert [(f.rule, f.path, f.message_en) for f in findings] == []


def test_amounts_in_yuan_become_the_same_amount_in_wan() -> None:
    assert yuan_to_wan("19,005,000.00") == "1,900.500000"
    assert yuan_to_wan("1234") == "0.1234"
    extraction = extract_file(DATA / "variant-wording.txt")
    assert "(printed 19,005,000.00元)" in extraction.origins[("income", "total")].label


def test_full_width_figures_are_kept_as_printed() -> None:
    data = extract_file(DATA / "variant-wording.txt").data
    assert data["expenditure"]["items"][0]["share"] == "４８.７２％"


def test_an_extra_section_is_reported_not_dropped() -> None:
    problems = extract_file(DATA / "variant-sections.txt").problems
    assert [(p.section, p.where.line) for p in problems] == [("十三、其他事项", 9)]
    assert "3.50万元" in problems[0].snippet


def test_strict_extract_fails_on_text_it_could_not_read(tmp_path: Path) -> None:
    source = str(DATA / "variant-sections.txt")
    loose = CliRunner().invoke(main, ["extract", source, "-o", str(tmp_path / "a.yaml")])
    strict = CliRunner().invoke(main, ["extract", "--strict", source, "-o", str(tmp_path / "b.yaml")])
    assert loose.exit_code == 0 and "warning: not extracted" in loose.output
    assert strict.exit_code == 2 and "error: not extracted" in strict.output
    assert "NOT EXTRACTED line 9" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


def _doc(*lines: str) -> dict:
    return extract_blocks([Paragraph(t, Where(f"line {i}", i, 1)) for i, t in enumerate(lines, 1)], "case.txt").data


def test_a_paragraph_repeated_in_two_sections_is_kept_twice() -> None:
    change = "与上年相比，减少10.00万元，下降9.09%，主要原因是：项目减少。"
    data = _doc(
        "某单位2024年度部门决算公开说明",
        "四、财政拨款收入支出决算总体情况说明",
        "财政拨款收入总计100.00万元。财政拨款收入支出总体" + change,
        "五、一般公共预算财政拨款支出决算情况说明",
        "一般公共预算财政拨款支出100.00万元。" + change.replace("10.00", "11.00"),
    )
    assert data["fiscal"]["change"]["amount"] == "-10.00"
    assert data["general_budget"]["change"]["amount"] == "-11.00"


@pytest.mark.parametrize(
    "sentence, amount, rate",
    [
        ("比上年增加5.00万元，增长5.26%", "5.00", "5.26%"),
        ("较上年减少5.00万元，下降4.76%", "-5.00", "-4.76%"),
        ("与上年相比，增长5.00万元，增幅5.26%", "5.00", "5.26%"),
        ("同比减少5.00万元，降幅4.76%", "-5.00", "-4.76%"),
        ("比上年度增加5.00万元,增长5.26%", "5.00", "5.26%"),
    ],
)
def test_change_wordings(sentence: str, amount: str, rate: str) -> None:
    data = _doc("某单位2024年度部门决算公开说明", "（一）机关运行经费支出情况", f"机关运行经费支出100.00万元，{sentence}，主要原因是：调整。")
    assert data["operating_costs"]["change"] == {"amount": amount, "rate": rate, "reason": "调整。"}
    assert data["operating_costs"]["label"] == "机关运行经费"


@pytest.mark.parametrize("heading", ["一、收入决算情况说明", "2.收入决算情况说明", "（二）收入决算情况", "收入决算情况说明"])
def test_heading_numbering_variants(heading: str) -> None:
    data = _doc("某单位2024年度部门决算公开说明", heading, "本年收入10.00万元，其中：财政拨款收入10.00万元，占100.00%。")
    assert data["income"] == {"total": "10.00", "items": [{"label": "财政拨款收入", "amount": "10.00", "share": "100.00%"}]}


def test_txt_dump_cells_and_paragraphs() -> None:
    blocks = read_text_dump("标题\n\t单元格一\n\t\n\t  单元格二\n\n正文\n")
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Row", "Paragraph"]
    assert blocks[1].texts == ["单元格一", "", "单元格二"]
    assert blocks[1].cells[2].where.line == 4
