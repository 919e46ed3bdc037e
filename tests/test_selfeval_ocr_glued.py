"""The Chongqing 得分系数 form glued without separators, as an OCR text layer prints it
(invented figures): headings out of order, heading words inside indicator names, 计量单位 and
指标性质 glued to the names, 是否核心指标 flags ending each row, an adjusted target, bare
targets of lower-is-better indicators, and a row an OCR layer garbled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from budgetcheck.sources.documents.reader import extract_file
from budgetcheck.sources.documents.selfeval.cells import scrambled_heading
from budgetcheck.sources.documents.selfeval.vocab import vocabulary

from .selfeval_files import table_findings as _findings, write_table as _write

HEAD = (
    "部门整体绩效自评表主管部门示例区文旅委自评总分(分){total}年初预算数全年预算数全年执行数执行率(%)执行率权重"
    "执行率得分(分)200.00200.00190.0095%109.5\n"
    "指标名称计量单位指标性质年初指标值调整指标值{actual_heading}得分系数(%)指标权重(分)指标得分(分)是否核心指标"
)
ROWS = {
    "shows": "演出场次次定量指标≥40次42次100%2020是",
    "cost": "成本控制率%定量指标100%96%100%1010否",
    "budget": "预算完成率%90%95%100%1010否",
    "reach": "公共服务覆盖率%定量指标90%{reach}{coefficient}20{score}是",
    "satisfied": "群众满意度%定量指标90%95%100%3030否",
}


def _text(total: str = "99.5", reach: str = "92%", coefficient: str = "100%", score: str = "20",
          actual_heading: str = "成值全年完值", rows: dict[str, str] | None = None) -> str:
    body = "".join((rows or ROWS).values()).format(reach=reach, coefficient=coefficient, score=score)
    return HEAD.format(total=total, actual_heading=actual_heading) + body + "\n"




def _table(path: Path) -> dict[str, Any]:
    table: dict[str, Any] = extract_file(path).data["performance"]["unit_table"]
    return table




def _rows(table: dict[str, Any]) -> list[tuple[str, ...]]:
    return [tuple(i.get(k, "") for k in ("name", "target", "actual", "completion_rate", "weight", "score"))
            for i in table["indicators"]]


def test_a_heading_printed_out_of_order_is_read_as_the_heading_it_holds() -> None:
    vocab = vocabulary()
    assert scrambled_heading("成值全年完值", vocab) == "全年完成值"  # one character more, wrapped cell
    assert scrambled_heading("年全完成值", vocab) == "全年完成值"
    assert scrambled_heading("全年完成值", vocab) is None  # as printed: no repair
    assert scrambled_heading("成值全年完值多字", vocab) is None  # too many characters left over
    assert scrambled_heading("完成值2", vocab) is None  # a figure is never a heading


def test_the_glued_coefficient_form_reads_every_row_and_reports_the_heading_repair(tmp_path: Path) -> None:
    path = _write(tmp_path, _text())
    table = _table(path)
    assert _rows(table) == [
        ("演出场次", "≥40次", "42次", "100%", "20", "20"),
        ("成本控制率", "100%", "96%", "100%", "10", "10"),
        ("预算完成率", "90%", "95%", "100%", "10", "10"),  # 完成率 inside the name is no heading
        ("公共服务覆盖率", "90%", "92%", "100%", "20", "20"),
        ("群众满意度", "90%", "95%", "100%", "30", "30"),
    ]
    assert table["repaired"] == [{"printed": "成值全年完值", "read": "全年完成值"}]
    findings = _findings(path)
    assert [(f.rule, f.severity.value) for f in findings] == [("BC013", "info")]


def test_a_missed_target_kept_at_coefficient_100_is_an_error_on_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, _text(reach="72.5%"))
    for profile in ("national", "chongqing"):
        errors = {(f.rule, f.line) for f in _findings(path, profile) if f.severity.value == "error"}
        assert errors == {("BC604", 2), ("BC611", 2)}, profile


def test_the_same_table_scored_consistently_gives_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, _text(total="97.5", reach="81%", coefficient="90%", score="18"))
    assert [f.rule for f in _findings(path, "chongqing") if f.rule != "BC013"] == []


def test_a_bare_target_of_a_control_rate_is_a_ceiling_but_a_printed_comparator_wins(tmp_path: Path) -> None:
    over = dict(ROWS, cost="成本控制率%定量指标100%115%100%1010否")
    findings = _findings(_write(tmp_path, _text(rows=over)))
    assert {f.rule for f in findings if f.severity.value == "error"} == {"BC604", "BC611"}
    forward = dict(ROWS, cost="成本控制率%定量指标≥100%85%100%1010否")
    assert {f.rule for f in _findings(_write(tmp_path, _text(rows=forward))) if f.severity.value == "error"} == {
        "BC604", "BC611"}


def test_an_adjusted_target_replaces_the_initial_one(tmp_path: Path) -> None:
    adjusted = dict(ROWS, shows="演出场次次定量指标≥40次≥45次42次100%2020是")
    path = _write(tmp_path, _text(rows=adjusted))
    row = _table(path)["indicators"][0]
    assert (row["initial_target"], row["target"], row["actual"]) == ("≥40次", "≥45次", "42次")
    assert {f.rule for f in _findings(path) if f.severity.value == "error"} == {"BC604", "BC611"}  # 42 of ≥45


def test_a_row_whose_target_an_ocr_layer_garbled_is_unread_and_the_next_rows_are_read(tmp_path: Path) -> None:
    garbled = dict(ROWS, shows="演出场次次到0次42次100%2020是")
    path = _write(tmp_path, _text(rows=garbled))
    names = [row[0] for row in _rows(_table(path))]
    assert names == ["成本控制率", "预算完成率", "公共服务覆盖率", "群众满意度"]
    unread = [(f.rule, f.line, f.message_en) for f in _findings(path) if f.rule == "BC003"]
    assert len(unread) == 1 and unread[0][1] == 2 and "到0次42次" in unread[0][2]


def _glued(text: str, columns: list[str]) -> dict[str, str] | None:
    from budgetcheck.sources.documents.blocks import Where
    from budgetcheck.sources.documents.selfeval.rows import read_glued

    cells = read_glued(text, [Where("line 1", 1, 1 + i) for i in range(len(text))], columns, vocabulary().units,
                       flags=("是", "否"))
    return None if cells is None else {name: piece.text for name, piece in cells.items()}


INDICATOR = ["target", "adjusted_target", "actual", "completion_rate", "weight", "score", "core"]
FUNDS = ["initial_budget", "annual_budget", "executed", "weight", "execution_rate", "score"]


def test_weight_and_score_side_by_side_split_where_the_score_is_weight_times_the_coefficient() -> None:
    # 2 | 0.67 (2 × 33.33 %), not 20.6 | 7: a 分值 is whole, and the 得分 follows the coefficient
    assert _glued(">=3份=1份33.33%20.67否", INDICATOR) == {
        "target": ">=3份", "actual": "=1份", "completion_rate": "33.33%", "weight": "2", "score": "0.67", "core": "否"}
    assert _glued("≥40次42次100%1010是", INDICATOR)["weight"] == "10"  # type: ignore[index]
    # 1 | 0 and 10 with an empty 得分 both fit: unread, never guessed
    assert _glued(">=95份=82份86.32%10是", INDICATOR) is None


def test_an_adjusted_target_is_read_only_when_no_reading_leaves_it_empty() -> None:
    dated = _glued("2024年12月1日前2024年11月1日100%9090是", INDICATOR)
    assert dated is not None and (dated["target"], dated["actual"]) == ("2024年12月1日前", "2024年11月1日")
    assert "adjusted_target" not in dated
    assert _glued("≥40次≥45次42次100%2020是", INDICATOR) == {
        "target": "≥40次", "adjusted_target": "≥45次", "actual": "42次", "completion_rate": "100%", "weight": "20",
        "score": "20", "core": "是"}


def test_a_glued_funds_row_prefers_the_reading_whose_score_is_within_its_weight() -> None:
    # 0.00 | 14.54 | 14.54 | 10 | 100.00% | 10.00, not 0.001 | 4.541 | 4.541 | 0 | 100.00% | 10.00
    assert _glued("0.0014.5414.5410100.00%10.00", FUNDS) == {
        "initial_budget": "0.00", "annual_budget": "14.54", "executed": "14.54", "weight": "10",
        "execution_rate": "100.00%", "score": "10.00"}


OCR_TABLE = """    部门整体绩效自评表
    (2023年度)
    单位名称 示例区文化馆
    年初预算数 全年预算数 全年执行数 执行率(%) 执行率权重 执行率得分(分)
    120 120 114 95% {weight} 9.5
    指标名称 计量单位 年初指标值 全年完成值 得分系数(%) 指标权重(分) 指标得分(分) 是否核心指标
    举办展览次数 次 {target} 13次 100% 30 30 是
    政府采购执行率 % 100% 100% 100% 20 20 是
    公众满意度 % 90% 96% 100% 40 40 否
    自评总分 99.5
"""


def test_a_comparator_an_ocr_layer_may_have_printed_as_2_leaves_both_readings_open(tmp_path: Path) -> None:
    path = _write(tmp_path, OCR_TABLE.format(weight="1O", target="26次"))
    row = _table(path)["indicators"][0]
    assert (row["target"], row["target_alternative"]) == ("26次", "≥6次")
    # 13 of ≥6 is met, 13 of 26 is not: no missed target, no rate mismatch, only the notice
    assert [(f.rule, f.line) for f in _findings(path) if f.rule != "BC013"] == [("BC014", 7)]
    both_missed = _write(tmp_path, OCR_TABLE.format(weight="1O", target="29次").replace("13次", "5次"))
    assert {f.rule for f in _findings(both_missed) if f.severity.value == "error"} == {"BC604", "BC611"}


def test_a_leading_2_is_a_2_without_ocr_damage_or_before_a_zero(tmp_path: Path) -> None:
    clean = _write(tmp_path, OCR_TABLE.format(weight="10", target="26次"))
    assert "target_alternative" not in _table(clean)["indicators"][0]
    assert {f.rule for f in _findings(clean) if f.severity.value == "error"} == {"BC604", "BC611"}
    zero = _write(tmp_path, OCR_TABLE.format(weight="1O", target="20次"))
    assert "target_alternative" not in _table(zero)["indicators"][0]


def test_a_glued_funds_row_prefers_a_whole_weight_to_fewer_zeros() -> None:
    # 0.00 | 150.00 | 100.00 | 10 | 66.67% | 6.67, not 0.0015 | 0.0010 with a 分值 of 0.0010
    assert _glued("0.00150.00100.001066.67%6.67", FUNDS) == {
        "initial_budget": "0.00", "annual_budget": "150.00", "executed": "100.00", "weight": "10",
        "execution_rate": "66.67%", "score": "6.67"}
