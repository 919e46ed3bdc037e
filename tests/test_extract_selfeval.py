"""Self-evaluation tables printed as running text, in the layouts of real tables (invented figures).

Each test writes a small table the way some province's page prints it and checks what is
read (figures, columns, places) and which findings it gives: none on a consistent table,
the right rule on the right line on an inconsistent one, BC003 where a cell cannot be placed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.blocks import Where
from budgetcheck.sources.documents.reader import extract_file
from budgetcheck.sources.documents.selfeval.split import assign, split_glued, value_kind
from budgetcheck.sources.documents.selfeval.vocab import vocabulary
from budgetcheck.result import Finding
from budgetcheck.sources.load import load_report

from .selfeval_files import table_findings as _findings, write_table as _write
from budgetcheck.model.measures import parse_measure

REBROKEN = """2023年度项目支出绩效自评表 | 部门:戊县第一小学 |
|
| 项目名称 | 示例课后服务经费 | 主管部门 | 戊县教育局 | 实施单位 | 戊县第一小学 | 项目资金 (元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
| 5000.00 | 5000.00 | 10 | 100% | 10 | 其中:当年财政 拨款 |
| 5000.00 | 5000.00 | — |
| — | 其他资金 | — | — | — | — |
| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | （略） | （略） | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 服务学生人数 | ≧ | 300 | 人 | 310 | 30 | 30 |
| 质量指标 | 家长签约率 | ═ | 100 | % | 100% | 30 | {score} |
| 效益指标 | 社会效益 指标 | 减轻家长负担 |
| 有效 |
| 有效 | 20 | 20 |
| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≧ | 90 | % | 95% | 10 | 10 |
| 其他需要说明事项 | 无 | 总分 | 100 | {total} | 优 |
"""






def _severe(findings: list[Finding]) -> list[tuple[str, int | None]]:
    return [(f.rule, f.line) for f in findings if f.severity.value in ("error", "warning")]


def _project(path: Path) -> dict[str, Any]:
    data = extract_file(path).data
    project: dict[str, Any] = data["performance"]["projects"][0]
    return project


def test_rebroken_rows_with_a_split_target_read_and_check_clean(tmp_path: Path) -> None:
    path = _write(tmp_path, REBROKEN.format(score="30", total="100"))
    project = _project(path)
    assert project["name"] == "示例课后服务经费" and project["implementer"] == "戊县第一小学"
    total = project["funds"]["total"]
    # two amounts for three amount columns: the empty one is 年初预算数
    assert (total.get("initial_budget"), total["annual_budget"], total["executed"]) == (None, "5000.00", "5000.00")
    first = project["indicators"][0]
    assert (first["target"], first["actual"], first["weight"], first["score"]) == ("≧300人", "310人", "30", "30")
    assert project["indicators"][2]["target"] == "有效"
    assert project["total"] == {"weight": "100", "score": "100", "grade": "优"}
    assert _severe(_findings(path)) == []


def test_a_met_target_deducted_is_found_on_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, REBROKEN.format(score="25", total="95"))
    assert ("BC605", 9) in _severe(_findings(path))


SPACED = """    项目支出绩效自评表
    (2023年度)
    项目名称 示例护林经费
    主管部门 实施单位 己县林业局
    年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
    年度资金总额: 200 200 200 10 10
     其中:本年财政拨款 200 200 200 - -
    一级
    指标
    二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
    (90分)
    数量指标 指标1:巡护面积 ≥5000亩 5000亩 40 40
    指标2:
    ……
    质量指标 指标1:森林防火达标 40 40
    满意度指标
    (10分)
    指标1:林农满意度 ≥90% 96% 10 {score}
    总分 100 {total}
"""


def test_an_empty_rate_is_not_printed_and_a_row_without_target_is_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path, SPACED.format(score="10", total="100"))
    total = _project(path)["funds"]["total"]
    assert "execution_rate" not in total and total["weight"] == "10" and total["score"] == "10"
    findings = _findings(path)
    assert [(f.rule, f.severity.value, f.line) for f in findings if f.rule == "BC620"] == [("BC620", "info", 6)]
    # 森林防火达标: scored 40 with neither target nor actual printed
    assert _severe(findings) == [("BC621", 15)]


def test_a_total_score_off_the_sum_is_found_in_a_spaced_table(tmp_path: Path) -> None:
    path = _write(tmp_path, SPACED.format(score="10", total="92"))
    assert ("BC603", 19) in _severe(_findings(path))


GLUED = ("1、项目支出绩效自评表(2022 年度)项目名称示例甲经费主管部门庚县文化馆实施单位庚县文化馆项目资金 (万元)"
         "年初预算数全年预算数全年执行分值执行率得分年度资金总额202010100%其中:当年财政拨款202020100%上年结转资金其他资金"
         "绩 效 指 标一级指标二级指标三级指标年度 指标值实际 完成值分 值得 分偏差原因分析 及改进措施产出指标数量指标"
         "演出场次30场30场4040质量指标演出合格合格合格4040满意度指标服务对象满意度指标观众满意度95%96%1010"
         "总分100{total}项目名称示例乙经费主管部门庚县文化馆实施单位庚县文化馆项目资金 (万元)年初预算数全年预算数全年执行分值执行率得分"
         "年度资金总额5050401080%{score}\n")


def test_two_glued_tables_in_one_run(tmp_path: Path) -> None:
    path = _write(tmp_path, GLUED.format(total="100", score="8"))
    projects = extract_file(path).data["performance"]["projects"]
    assert [p["name"] for p in projects] == ["示例甲经费", "示例乙经费"]
    first = projects[0]
    assert first["funds"]["total"] == {"label": "年度资金总额", "annual_budget": "20", "executed": "20",
                                       "weight": "10", "execution_rate": "100%"}
    assert [(i["target"], i["actual"], i["weight"], i["score"]) for i in first["indicators"]] == [
        ("30场", "30场", "40", "40"), ("合格", "合格", "40", "40"), ("95%", "96%", "10", "10")]
    second = projects[1]["funds"]["total"]
    assert [second[k] for k in ("initial_budget", "annual_budget", "executed", "execution_rate", "score")] == [
        "50", "50", "40", "80%", "8"]
    findings = _findings(path)
    # 得分 of the first funds row is empty: a notice, not 0
    assert [(f.rule, f.path) for f in findings if f.rule == "BC620"] == [
        ("BC620", "performance.projects[0].funds.total.score")]
    assert _severe(findings) == []


def test_a_glued_funds_row_whose_amounts_miss_its_rate_is_unread(tmp_path: Path) -> None:
    findings = _findings(_write(tmp_path, GLUED.format(total="100", score="8").replace("1080%8", "10100%10")))
    assert [f.rule for f in findings if f.rule == "BC003"] == ["BC003"]
    assert _severe([f for f in findings if f.rule != "BC003"]) == []


def test_an_ambiguous_glued_row_is_unread_and_the_rest_still_checked(tmp_path: Path) -> None:
    # three numbers for target, actual, 分值, 得分: is the empty cell the target or the actual?
    text = GLUED.format(total="100", score="8").replace("演出场次30场30场4040", "演出场次303040")
    path = _write(tmp_path, text)
    unread = [f for f in _findings(path) if f.rule == "BC003"]
    assert len(unread) == 1 and "303040" in unread[0].message_en
    names = [i["name"] for i in extract_file(path).data["performance"]["projects"][0]["indicators"]]
    assert names == ["演出合格", "观众满意度"]


PARAGRAPHS = "\n\n".join([
    "2023年度项目支出绩效自评表", "单位名称:辛县农业局 填报日期:2024年2月1日", "项目名称", "示例育苗项目",
    "\n" * 8 + "预算执行情况(万元)", "(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "(20分*执行率)",
    "\n" * 8 + "年度财政资金总额", "40", "30", "75", "{score}",
    "\n" * 8 + "年度绩效目标", "(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分",
    "\n" * 8 + "产出指标(80分)", "数量指标", "育苗数量(≥**株)", "1000", "1000", "80",
]) + "\n"


def test_one_cell_per_paragraph_without_weight_column(tmp_path: Path) -> None:
    path = _write(tmp_path, PARAGRAPHS.format(score="15"))
    project = _project(path)
    assert project["funds"]["total"] == {"weight": "20", "label": "年度财政资金总额", "annual_budget": "40",
                                         "executed": "30", "execution_rate": "75", "score": "15"}
    assert project["indicators"][0].get("weight") is None and project["indicators"][0]["score"] == "80"
    assert extract_file(path).data["unit"] == {"name": "辛县农业局", "year": 2023}
    assert _severe(_findings(path)) == []


def test_an_execution_score_off_its_rate_is_found_without_weight_column(tmp_path: Path) -> None:
    path = _write(tmp_path, PARAGRAPHS.format(score="18"))
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text == "18")
    assert ("BC502", line) in _severe(_findings(path))


def test_a_rate_broken_over_two_lines_is_one_cell(tmp_path: Path) -> None:
    text = PARAGRAPHS.format(score="15").replace("\n\n75\n\n", "\n\n75\n\n.0\n\n")
    assert _project(_write(tmp_path, text))["funds"]["total"]["execution_rate"] == "75.0"


# -- the splitter and the comparators ------------------------------------------------------
UNITS = vocabulary().units


def test_values_are_placed_by_their_formats() -> None:
    columns = ["initial_budget", "annual_budget", "executed", "weight", "execution_rate", "score"]
    texts = ["880", "880", "880", "10", "10"]  # no rate printed: 10 cannot be a rate then
    assert assign(texts, [value_kind(t, UNITS) for t in texts], columns) == [
        "initial_budget", "annual_budget", "executed", "weight", "score"]
    texts = ["10", "10"]  # target and actual empty, not weight and score
    assert assign(texts, [value_kind(t, UNITS) for t in texts], ["target", "actual", "weight", "score"]) == [
        "weight", "score"]
    texts = ["10", ">=9"]  # cut row: the weight is certain, target or actual is not
    assert assign(texts, [value_kind(t, UNITS) for t in texts], ["weight", "target", "actual", "score"]) == [
        "weight", None]


@pytest.mark.parametrize("text, columns, expected", [
    ("10≥266米≥266米10", ["weight", "target", "actual", "score"], ["10", "≥266米", "≥266米", "10"]),
    ("2万元2万元2018", ["target", "actual", "weight", "score"], ["2万元", "2万元", "20", "18"]),
    ("显著提升显著提升10", ["target", "actual", "score"], ["显著提升", "显著提升", "10"]),
])
def test_glued_values_split_one_way(text: str, columns: list[str], expected: list[str]) -> None:
    readings = [r for r in split_glued(text, columns, UNITS) if len(r) == len(columns)]
    assert [[text[a:b] for _, a, b in r] for r in readings] == [expected]


@pytest.mark.parametrize("text, operator", [
    ("≧95%", ">="), ("═100%", "="), ("‹=3次", "<="), ("小于5次", "<"), ("不低于90%", ">="), ("不超过10万元", "<="),
])
def test_printed_comparators(text: str, operator: str) -> None:
    assert parse_measure(text).operator == operator


def test_a_comparator_word_inside_a_word_is_not_one() -> None:
    assert parse_measure("低于预期").figure is None and parse_measure("低于预期").operator is None


def test_places_of_glued_values_are_their_own_columns() -> None:
    where = Where("line 3, column 10", 3, 10)
    assert where.shifted(4).column == 14


EXECUTION_AS_INDICATOR = """    部门项目支出绩效自评表(2023年度)
    项目名称 示例公用经费
    主管部门 壬县教育局
    年初预算数 调整预算数(A) 全年执行数(B) 执行率(B/A)
    50.00 50.00 50.00 100%
    一级指标 二级指标 三级指标 分值 指标值(A) 全年实际值(B) 得分
    项目管理(20分) 投入管理 预算执行率 10 ≥100% 100% {score}
    财务管理 资金使用合规率 10 100% 100% 10
    项目产出(80分) 数量指标 保障学生人数 80 1200人 1200人 80
    总分 100 {total}
"""


def test_execution_scored_as_an_indicator_row_and_funds_without_a_row_label(tmp_path: Path) -> None:
    path = _write(tmp_path, EXECUTION_AS_INDICATOR.format(score="10", total="100"))
    project = _project(path)
    assert project["funds"]["total"] == {"label": "", "initial_budget": "50.00", "annual_budget": "50.00",
                                         "executed": "50.00", "execution_rate": "100%"}
    assert [i["name"] for i in project["indicators"]] == ["预算执行率", "资金使用合规率", "保障学生人数"]
    assert _severe(_findings(path)) == []
    deducted = _write(tmp_path, EXECUTION_AS_INDICATOR.format(score="8", total="98"), "deducted.txt")
    assert _severe(_findings(deducted)) == [("BC605", 7)]


# -- a funds row whose amounts were lost to OCR ---------------------------------------------
UNIT_GLUED = ("1、部门整体绩效自评表主管部门财政处室自评总分(分){total}部门联系人（略）预算执行情况"
              "年初预算数全年预算数全年执行数执行率(%)执行率权重执行率得分(分){funds}当年绩效目标（略）指标名称\n")


def test_letters_in_place_of_lost_amounts_are_unread_and_the_rate_score_still_checked(tmp_path: Path) -> None:
    path = _write(tmp_path, UNIT_GLUED.format(total="88.5", funds="Q85%108.5"))
    funds = extract_file(path).data["performance"]["unit_table"]["funds"]["total"]
    assert {k: funds[k] for k in ("execution_rate", "weight", "score")} == {
        "execution_rate": "85%", "weight": "10", "score": "8.5"}
    findings = _findings(path)
    assert [f.message_en.rsplit(": ", 1)[-1] for f in findings if f.rule == "BC003"] == ["Q"]
    assert _severe([f for f in findings if f.rule != "BC003"]) == []  # the table is incomplete: no total sum
    wrong = _write(tmp_path, UNIT_GLUED.format(total="88.5", funds="Q85%109.5"), "wrong.txt")
    assert [f.rule for f in _findings(wrong) if f.severity.value == "error"] == ["BC502"]


def test_a_glued_funds_row_without_amounts_is_read_only_when_rate_weight_and_score_are_all_there(tmp_path: Path) -> None:
    # "Q85%10": rate and 分值, or rate and 得分? Unread rather than guessed.
    path = _write(tmp_path, UNIT_GLUED.format(total="88.5", funds="Q85%10"))
    data = extract_file(path).data["performance"]["unit_table"]
    assert "execution_rate" not in data.get("funds", {}).get("total", {})
    assert _severe([f for f in _findings(path) if f.rule != "BC003"]) == []


# -- figures printed with OCR look-alike letters -------------------------------------------
OCR_SPACED = """项目支出绩效自评表(2023年度)
项目名称 示例修缮经费
主管部门 甲县教育局
年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
年度资金总额 5O.00 50.00 45.00 10 90.00% {funds_score}
一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分
产出指标 数量指标 修缮校舍面积 9O ≥300平方米 {actual} {score}
总分 100 {total}
"""


def test_look_alike_letters_in_numeric_cells_are_repaired_reported_and_checked(tmp_path: Path) -> None:
    path = _write(tmp_path, OCR_SPACED.format(funds_score="9.0", actual="310平方米", score="9O", total="99.0"))
    project = _project(path)
    assert project["funds"]["total"]["initial_budget"] == "50.00" and project["indicators"][0]["score"] == "90"
    assert project["repaired"] == [{"printed": "5O.00", "read": "50.00"}, {"printed": "9O", "read": "90"},
                                   {"printed": "9O", "read": "90"}]
    findings = _findings(path)
    assert [(f.rule, f.line, f.severity.value) for f in findings] == [("BC013", 5, "info"), ("BC013", 7, "info"),
                                                                      ("BC013", 7, "info")]
    # the repaired score is checked as printed: 8O of a met target is a deduction
    deducted = _write(tmp_path, OCR_SPACED.format(funds_score="9.0", actual="310平方米", score="8O", total="89.0"), "d.txt")
    assert ("BC605", 7) in _severe(_findings(deducted))


def test_a_repaired_figure_keeps_its_printed_precision(tmp_path: Path) -> None:
    path = _write(tmp_path, OCR_SPACED.format(funds_score="9.O", actual="310平方米", score="90", total="99.0"))
    assert _project(path)["funds"]["total"]["score"] == "9.0"
    wrong = _write(tmp_path, OCR_SPACED.format(funds_score="8.O", actual="310平方米", score="90", total="98.0"), "w.txt")
    assert ("BC502", 5) in _severe(_findings(wrong))


@pytest.mark.parametrize("actual", ["3lO平方米", "OK"])
def test_look_alike_letters_outside_numeric_columns_or_without_a_digit_are_not_repaired(
        tmp_path: Path, actual: str) -> None:
    path = _write(tmp_path, OCR_SPACED.format(funds_score="9.0", actual=actual, score="90", total="99.0"))
    project = _project(path)
    assert [r["printed"] for r in project["repaired"]] == ["5O.00", "9O"]
    assert project["indicators"][0]["actual"] == actual


@pytest.mark.parametrize("text, expected", [
    ("1O", "10"), ("8.6l", "8.61"), ("I00%", "100%"), ("5O.00", "50.00"),
    ("IO", None), ("OK", None), ("10", None), ("好O", None), ("1O个", None),
])
def test_repaired_text(text: str, expected: str | None) -> None:
    from budgetcheck.sources.documents.selfeval.repair import repaired_text
    assert repaired_text(text, value_kind(text, UNITS), UNITS, vocabulary().lookalikes) == expected


# -- funds sources that do not apply ----------------------------------------------------------
def _with_sources(part: str) -> str:
    return SPACED.format(score="10", total="100").replace(
        "     其中:本年财政拨款 200 200 200 - -\n",
        f"     其中:本年财政拨款 {part} 200 200 - -\n        上年结转资金 - -\n           其他资金 - -\n")


def test_source_rows_printing_only_placeholders_are_no_part_and_the_funds_sum_is_checked(tmp_path: Path) -> None:
    path = _write(tmp_path, _with_sources("200"))
    assert [p["label"] for p in _project(path)["funds"]["parts"]] == ["本年财政拨款"]
    assert [f for f in _findings(path) if f.rule == "BC101"] == []
    short = _write(tmp_path, _with_sources("180"), "short.txt")
    found = [(f.rule, f.line, f.expected, f.found) for f in _findings(short) if f.rule == "BC101"]
    assert found == [("BC101", 6, "180", "200")]  # at the total: the total or the part may be the wrong one


def test_a_glued_number_keeps_its_unit_and_a_score_lost_to_ocr_letters_is_unread() -> None:
    from budgetcheck.sources.documents.selfeval.rows import GluedLayout, glued_rows
    from budgetcheck.sources.documents.selfeval.cells import Piece

    # 分值 | 指标值 | 实际值 | 得分: "40 | 1520人 | 1520人 | IO" (the glued text between two table words)
    text = "培训人数401520人1520人IO"
    layout = GluedLayout(["weight", "target", "actual", "score"], UNITS, lookalikes="".join(vocabulary().lookalikes))
    rows, rest = glued_rows(Piece(text, Where("line 1", 1, 1)), layout)
    read = [(name.text, {k: v.text for k, v in cells.items()}) for name, cells in rows]
    assert read == [("培训人数", {"weight": "40", "target": "1520人", "actual": "1520人"})]  # never 15 | 20 of 1520人
    assert [(p.text, p.where.column) for p in rest] == [("IO", 17)]


# -- the Chongqing 部门整体 form: 执行率权重 / 执行率得分, 计量单位, 得分系数, 是否核心指标 -------------
CHONGQING = """    部门整体绩效自评表
    (2023年度)
    单位名称 示例区文化馆
    年初预算数 全年预算数 全年执行数 执行率(%) 执行率权重 执行率得分(分)
    120 120 114 95% 10 9.5
    指标名称 计量单位 年初指标值 全年完成值 得分系数(%) 指标权重(分) 指标得分(分) 是否核心指标
    举办展览次数 次 ≥12次 13次 100% 30 30 是
    政府采购执行率 % 100% 80.5% {coefficient} 20 {score} 是
    公众满意度 % ≥90% 96% 100% 40 40 否
    自评总分 {total}
"""


def test_the_coefficient_form_is_read_by_its_headings_and_scored_under_its_profile(tmp_path: Path) -> None:
    path = _write(tmp_path, CHONGQING.format(coefficient="80.5%", score="16.1", total="95.6"))
    table = extract_file(path).data["performance"]["unit_table"]
    assert {k: table["funds"]["total"][k] for k in ("execution_rate", "weight", "score")} == {
        "execution_rate": "95%", "weight": "10", "score": "9.5"}
    assert [(i["name"], i["target"], i["actual"], i["completion_rate"], i["weight"], i["score"])
            for i in table["indicators"]] == [
        ("举办展览次数", "≥12次", "13次", "100%", "30", "30"), ("政府采购执行率", "100%", "80.5%", "80.5%", "20", "16.1"),
        ("公众满意度", "≥90%", "96%", "100%", "40", "40")]
    loaded = load_report(path)
    assert loaded.report is not None
    for name in ("chongqing", "national"):
        assert [f.rule for f in check_report(loaded, profile=resolve_profile(loaded, name)).findings] == [], name


def test_a_missed_target_kept_at_coefficient_100_is_found_on_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, CHONGQING.format(coefficient="100%", score="20", total="99.5"))
    loaded = load_report(path)
    assert loaded.report is not None
    findings = check_report(loaded, profile=resolve_profile(loaded, "chongqing")).findings
    assert {(f.rule, f.line) for f in findings if f.severity.value == "error"} == {("BC604", 8), ("BC611", 8)}


def test_a_total_below_the_scores_read_is_found_even_when_a_row_is_unread(tmp_path: Path) -> None:
    text = CHONGQING.format(coefficient="80.5%", score="16.1", total="{total}").replace(
        "    公众满意度 % ≥90% 96% 100% 40 40 否\n", "    公众满意度 % ≥90% 96% 100% 4O 4O 否 9O 2O\n")
    below = _write(tmp_path, text.format(total="50"), "below.txt")  # read: 9.5 + 30 + 16.1 = 55.6
    findings = _findings(below)
    assert [f.rule for f in findings if f.rule == "BC003"] == ["BC003"]
    assert [(f.rule, f.line, f.expected) for f in findings if f.severity.value == "error"] == [("BC603", 10, "56")]
    above = _write(tmp_path, text.format(total="95.6"), "above.txt")  # the unread row may hold the rest
    assert _severe([f for f in _findings(above) if f.rule != "BC003"]) == []


STATED_RULES = """\
项目支出绩效自评表 (2024年度) |
项目名称 |
示例培训项目 |
主管部门 |
甲县教育局 |
资金情况(万元) |
全年预算数(A) |
全年执行数(B) |
分值 |
执行率(B/A) |
得分 |
年度资金总额: |
50 |
45 |
10 |
90% |
9 |
一级指标 |
二级指标 |
三级指标 |
分值 |
年度指标值 |
全年实际值 |
赋分规则 |
得分 |
产出指标 |
数量指标 |
培训合格率 |
45 |
>=95% |
90% |
达到目标值得满分，未达到不得分 |
40 |
效益指标 |
社会效益指标 |
培训覆盖率 |
45 |
>=100% |
92% |
每降低1个百分点扣1分 |
37 |
总分 |
100 |
86 |
"""


SPACED_RULES = """    项目支出绩效自评表(2024年度)
    项目名称 示例项目
    主管部门 某某单位
    项目资金(万元) 年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
    年度资金总额 10.00 10.00 10.00 10 100.00% 10.00
    一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 完成率 赋分规则 得分
    满意度指标 满意度指标 群众满意度 9 >=68% =46% 67.65% 按照完成比例赋分 {score}
    产出指标 数量指标 发放份数 81 >=253份 =253份 100% 按照完成比例赋分 81
    总分 100 97.09
"""


def test_a_score_an_ocr_layer_damaged_after_a_scoring_rule_stays_in_its_row(tmp_path: Path) -> None:
    # "6.O9" after the 赋分规则 words is the row's 得分 (repaired to 6.09), not the start of a new row
    path = _write(tmp_path, SPACED_RULES.format(score="6.O9"))
    rows = _project(path)["indicators"]
    assert [(row["name"], row["scoring_rule"], row["score"]) for row in rows] == [
        ("群众满意度", "按照完成比例赋分", "6.09"), ("发放份数", "按照完成比例赋分", "81")]
    assert [f.rule for f in _findings(path)] == ["BC013"]


def test_a_printed_scoring_rule_column_scores_its_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, STATED_RULES)
    rows = _project(path)["indicators"]
    assert [row["scoring_rule"] for row in rows] == ["达到目标值得满分，未达到不得分", "每降低1个百分点扣1分"]
    # 90 % of a >=95 % target under all-or-nothing is 0, not 40; 92 % loses 8 × 1 point: 37 holds
    assert _severe(_findings(path)) == [("BC605", 33)]
