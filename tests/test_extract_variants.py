"""Hand-written variants of the template (invented figures) extract correctly.

Each ``tests/data/extract/variant-*.txt`` has a ``.expected.yaml`` beside it, checked by
hand. What each covers:

- half-width (``,:;``) and full-width (``，：；``, full-width digits) punctuation: wording
- 比上年 / 与上年相比 / 较上年: wording, table, repeated (and more wordings inline below)
- thousand separators present (wording, including full-width ``１，９５０.００``) and absent (repeated)
- amounts in 元 instead of 万元: wording
- section numbering 一、 (table, repeated), （一） (table, sections), 1. (wording), 第一部分
  (wording), none (sections)
- a missing section: sections (no income/expenditure breakdown), repeated (no 三公, no tables)
- an extra unknown section: sections (十三、其他事项, read by the statement grammar)
- flattened "三公" tables, one cell per line with ``|`` (bare ``|`` rows, empty cells) and the
  text's claims against them: flat-table; every header first, then the numbers: headers-first
- government 决算: 加…收入合计, 上述收支相抵，年终结余, figures in brackets: government
- traditional characters with inserted pinyin, stray commas, 元 with full-width digits: traditional
- a repeated paragraph: repeated (the same change paragraph in two sections, both copies kept)
- a small performance table: table
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from budgetcheck.cli.app import main
from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.blocks import Paragraph, Where
from budgetcheck.sources.documents.document import extract_blocks
from budgetcheck.sources.documents.passage import yuan_to_wan
from budgetcheck.sources.documents.reader import extract_file
from budgetcheck.sources.documents.text import read_text_dump
from budgetcheck.sources.load import load_report

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
    # Figures in a section the template does not have are read as statements: consistent here.
    assert [(f.rule, f.path, f.message_en) for f in findings if f.rule != "BC003"] == []


def test_figures_no_pattern_can_place_are_reported_as_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "unread.txt"
    path.write_text("某单位2024年度部门决算公开说明\n十三、其他事项\n另有12.00%。\n", encoding="utf-8")
    loaded = load_report(path)
    unread = [f for f in check_report(loaded, profile=resolve_profile(loaded)).findings if f.rule == "BC003"]
    assert [(f.path, f.line) for f in unread] == [("十三、其他事项", 3)]
    assert "12.00%" in unread[0].message_en


def test_amounts_in_yuan_become_the_same_amount_in_wan() -> None:
    assert yuan_to_wan("19,005,000.00") == "1,900.500000"
    assert yuan_to_wan("1234") == "0.1234"
    extraction = extract_file(DATA / "variant-wording.txt")
    assert "(printed 19,005,000.00元)" in extraction.origins[("income", "total")].label


def test_full_width_figures_are_kept_as_printed() -> None:
    data = extract_file(DATA / "variant-wording.txt").data
    assert data["expenditure"]["items"][0]["share"] == "４８.７２％"


def test_an_extra_section_is_read_by_the_statement_grammar_not_dropped() -> None:
    extraction = extract_file(DATA / "variant-sections.txt")
    assert extraction.problems == []
    assert extraction.data["statements"] == [{"label": "本年度开展培训支出", "amount": "3.50"}, {"label": "参训", "count": "120人次"}]
    assert extraction.origins[("statements", 0, "amount")].line == 9


def test_strict_extract_fails_on_text_it_could_not_read(tmp_path: Path) -> None:
    source = str(tmp_path / "unread.txt")
    Path(source).write_text("某单位2024年度部门决算公开说明\n十三、其他事项\n另有12.00%。\n", encoding="utf-8")
    loose = CliRunner().invoke(main, ["extract", source, "-o", str(tmp_path / "a.yaml")])
    strict = CliRunner().invoke(main, ["extract", "--strict", source, "-o", str(tmp_path / "b.yaml")])
    assert loose.exit_code == 0 and "warning: not extracted" in loose.output
    assert strict.exit_code == 2 and "error: not extracted" in strict.output
    assert "NOT EXTRACTED line 3" in (tmp_path / "a.yaml").read_text(encoding="utf-8")


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
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "TableRow", "Paragraph"]
    assert blocks[1].texts == ["单元格一", "", "单元格二"]
    assert blocks[1].cells[2].where.line == 4


def test_variants_cover_every_layout_difference() -> None:
    """The variant files really contain what the module docstring says they cover."""
    texts = {path.stem: path.read_text(encoding="utf-8") for path in VARIANTS}
    everything = "".join(texts.values())
    for wording in ("比上年", "与上年相比", "较上年"):
        assert wording in everything
    assert "," in texts["variant-wording"] and "，" in texts["variant-wording"] and "１，９５０.００" in texts["variant-wording"]
    assert re.search(r"\d{4}\.\d{2}万元", texts["variant-repeated"]) and "," not in texts["variant-repeated"]
    assert "000.00元" in texts["variant-wording"]
    for heading in ("\n一、", "\n（一）", "\n1. ", "\n第一部分"):
        assert heading in everything, heading
    assert "十三、其他事项" in texts["variant-sections"]


def test_a_paragraph_repeated_in_two_sections_keeps_both_copies() -> None:
    extraction = extract_file(DATA / "variant-repeated.txt")
    fiscal, general = extraction.data["fiscal"]["change"], extraction.data["general_budget"]["change"]
    assert fiscal == general == {"amount": "150.00", "rate": "15.00%", "reason": "新增监测项目。"}
    lines = {extraction.origins[(key, "change", "amount")].line for key in ("fiscal", "general_budget")}
    assert lines == {10, 13}


def test_one_changed_copy_of_a_repeated_paragraph_is_found(tmp_path: Path) -> None:
    text = (DATA / "variant-repeated.txt").read_text(encoding="utf-8")
    first = text.index("增加150.00万元，增长15.00%")
    second = text.index("增加150.00万元，增长15.00%", first + 1)
    changed = text[:second] + text[second:].replace("150.00", "150.30", 1)
    path = tmp_path / "changed.txt"
    path.write_text(changed, encoding="utf-8")
    assert extract_file(path).data["fiscal"]["change"]["amount"] == "150.00"
    loaded = load_report(path)
    findings = check_report(loaded, profile=resolve_profile(loaded)).findings
    assert ("BC301", "general_budget.change.rate") in {(f.rule, f.path) for f in findings}


def test_a_paragraph_repeated_within_one_section_is_reported_not_dropped() -> None:
    sentence = "本年支出100.00万元，其中：基本支出40.00万元，占40.00%；项目支出60.00万元，占60.00%。"
    lines = ["某单位2024年度部门决算公开说明", "三、支出决算情况说明", sentence, sentence.replace("40.00万元", "41.00万元")]
    extraction = extract_blocks([Paragraph(t, Where(f"line {i}", i, 1)) for i, t in enumerate(lines, 1)], "case.txt")
    assert extraction.data["expenditure"]["items"][0]["amount"] == "40.00"
    assert extraction.problems == []  # the paragraph no template slot took is read as statements
    restated = extraction.data["statements"][0]
    assert restated["label"] == "本年支出" and [p["amount"] for p in restated["parts"]] == ["41.00", "60.00"]
    assert extraction.origins[("statements", 0, "parts", 0, "amount")].line == 4
