"""A self-evaluation table cut by its page (invented figures, the layout of a published
OCR text layer): four weighted level-1 blocks, weighted level-2 headings, glued cells, the
自评得分 in the header block and the text ending inside the last row.

The total may then exceed the visible scores by at most the weight the unseen rows hold:
the total weight (100) less the visible weights, which the weighted heading left without
rows (服务对象满意度指标(10分)) confirms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from budgetcheck.result import Finding
from budgetcheck.sources.documents.reader import extract_file
from budgetcheck.sources.documents.selfeval.split import split_glued
from budgetcheck.sources.documents.selfeval.vocab import vocabulary

from .selfeval_files import table_findings as _findings, write_table as _write

CUT_GLUED = (
    "1、某市本级部门项目支出绩效自评表(2022年)项目名称示例校舍维护经费主管部门某市教育局"
    "实施单位某市第二中学自评得分{total}项目资金(万元)年初预算数全年预算数(A)全年执行数(B)执行率(B/A)"
    "年度资金总额50.0050.0050.00100%一级指标二级指标三级指标分值指标值(A)全年实际值(B)得分"
    "项目决策(10分)立项文件数量102份2份10项目管理(20分)财务管理合同签订数量203份3份20"
    "项目产出(40分)数量指标(20分)维修教室数量2012个12个20质量指标(20分)验收合格次数204次4次{score}"
    "项目效益(30分)社会效益指标(20分)受益学生人数20800人760人19服务对象满意度指标(10分)学生满\n"
)






def _loud(findings: list[Finding]) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.expected, f.found) for f in findings if f.severity.value in ("error", "warning")]


def _project(path: Path) -> dict[str, Any]:
    project: dict[str, Any] = extract_file(path).data["performance"]["projects"][0]
    return project


def test_heading_weights_of_both_levels_are_kept_even_without_rows(tmp_path: Path) -> None:
    project = _project(_write(tmp_path, CUT_GLUED.format(total="99", score="20")))
    assert [(g["label"], g["weight"], g.get("level", 1)) for g in project["groups"]] == [
        ("项目决策", "10", 1), ("项目管理", "20", 1), ("项目产出", "40", 1), ("数量指标", "20", 2),
        ("质量指标", "20", 2), ("项目效益", "30", 1), ("社会效益指标", "20", 2), ("服务对象满意度指标", "10", 2)]
    assert [row["score"] for row in project["indicators"]] == ["10", "20", "20", "20", "19"]
    assert project["total"] == {"score": "99"} and "incomplete" not in project


def test_a_cut_table_within_its_unseen_weight_gives_no_finding(tmp_path: Path) -> None:
    # 89 visible, 100 − 90 unseen (the 满意度 heading's 10): anything from 89 to 99 fits
    for total in ("89", "95", "99"):
        assert _loud(_findings(_write(tmp_path, CUT_GLUED.format(total=total, score="20")))) == []


def test_a_cut_table_total_above_the_largest_possible_sum_is_an_error(tmp_path: Path) -> None:
    findings = _findings(_write(tmp_path, CUT_GLUED.format(total="100", score="20")))
    assert _loud(findings) == [("BC603", "99", "100")]
    assert "at most" in next(f.message_en for f in findings if f.rule == "BC603")
    # one point deducted in a visible row: the bound falls with it
    assert sorted(_loud(_findings(_write(tmp_path, CUT_GLUED.format(total="99", score="19"), "deducted.txt")))) == [
        ("BC603", "98", "99"), ("BC605", "20", "19")]


def test_a_cut_table_total_below_the_visible_scores_is_an_error(tmp_path: Path) -> None:
    assert _loud(_findings(_write(tmp_path, CUT_GLUED.format(total="88", score="20")))) == [("BC603", "89", "88")]


# -- OCR dashes of empty cells and word actuals in glued rows -------------------------------
DASHED_GLUED = (
    "1、某县部门项目支出绩效自评表(2022年)项目名称示例课桌更新经费主管部门某县教育局实施单位某县第三小学"
    "自评得分{total}项目资金(万元)年初预算数全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额30.0030.0030.00100%"
    "一级指标二级指标三级指标分值指标值(A)全年实际值(B)得分"
    "项目决策(10分)立项依据充分性6一依据充分、程序规范6{decision}"
    "项目管理(20分)投入管理资金到位率10一100%10财务管理资金使用合规性10-使用合规10"
    "项目产出(70分)数量指标(70分)更新课桌数量70300套300套70\n"
)


def test_a_dash_printed_as_one_is_an_empty_target_and_the_word_after_it_the_actual(tmp_path: Path) -> None:
    path = _write(tmp_path, DASHED_GLUED.format(total="100", decision="绩效目标合理性4目标明确4"))
    project = _project(path)
    read = {row["name"]: (row["weight"], row["target"], row["actual"], row["score"]) for row in project["indicators"]}
    assert read == {"立项依据充分性": ("6", "—", "依据充分、程序规范", "6"), "资金到位率": ("10", "—", "100%", "10"),
                    "资金使用合规性": ("10", "-", "使用合规", "10"), "更新课桌数量": ("70", "300套", "300套", "70")}
    assert project["repaired"] == [{"printed": "一", "read": "—"}, {"printed": "一", "read": "—"}]  # each reported
    findings = _findings(path)
    assert sorted(f.rule for f in findings if f.rule in ("BC013", "BC003")) == ["BC003", "BC013", "BC013"]
    # the row whose word may be its target or its actual (no dash to tell) stays unread, at its place
    assert [f.message_en.rsplit(": ", 1)[-1] for f in findings if f.rule == "BC003"] == ["绩效目标合理性4目标明确4"]
    assert _loud([f for f in findings if f.rule != "BC003"]) == []


def test_a_dash_look_alike_stands_only_in_a_value_position(tmp_path: Path) -> None:
    # 一次性 starts a name after a score: no empty cell, though its text is read with dashes
    path = _write(tmp_path, DASHED_GLUED.format(total="100", decision="绩效目标合理性4—目标明确4").replace(
        "更新课桌数量70300套300套70", "更新课桌数量40120套120套40一次性补助人数2050人50人20课桌验收情况10一验收合格10"))
    project = _project(path)
    assert [(row["name"], row["target"]) for row in project["indicators"]][-3:] == [
        ("更新课桌数量", "120套"), ("一次性补助人数", "50人"), ("课桌验收情况", "—")]
    assert len(project["repaired"]) == 3
    assert _loud(_findings(path)) == []


def _splits(text: str, dashes: str) -> list[list[str]]:
    readings = split_glued(text, ["weight", "target", "actual", "score"], vocabulary().units, dashes=dashes)
    return [[text[a:b] for _, a, b in reading] for reading in readings]


def test_glued_values_with_an_ocr_dash_split_one_way_only_when_dashes_are_allowed() -> None:
    texts = _splits
    assert texts("10一100%9", "") == []
    assert texts("10一100%9", "一") == [["10", "一", "100%", "9"]]
    assert texts("4一目标明确、内容细化4", "一") == [["4", "一", "目标明确、内容细化", "4"]]
    assert texts("6-使用合规6", "一") == [["6", "-", "使用合规", "6"]]
    assert texts("2实际需求2", "一") == []  # a word is an actual only after an empty target
    assert texts("10≥90%较满意8", "一") == []  # nor after a printed one
