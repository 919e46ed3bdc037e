"""Write a generated report (tests/strategies.py) as the text dump ``budgetcheck extract`` reads.

The layout is the one of a published 部门决算公开说明 saved as text: the title, then the
template's numbered headings each followed by its fixed sentences with the figures filled
in, and after the 预算绩效 paragraph the self-evaluation tables flattened one cell per line,
each cell line starting with a TAB and a blank line ending each row (see
``fixtures/changji-2024.txt``). Every figure is written exactly as the report prints it;
a change is written as 增加/减少 (增长/下降) and its absolute value, as documents do.

:func:`render` takes the raw printed data of :func:`tests.strategies.consistent_reports`;
:func:`printed_cells` lists what a round trip through the text must keep.
"""

from __future__ import annotations

import re
from typing import Any

from budgetcheck.model.figures import Figure
from budgetcheck.model.measures import Measure
from budgetcheck.model.types import Placeholder
from budgetcheck.model.paths import DataPath

Data = dict[str, Any]


def render(report: Data) -> str:
    """The text dump of a generated report: narrative sections, then the performance tables."""
    unit = report["unit"]
    year = unit["year"]
    lines = [f"{unit['name']}{year}年度部门决算公开说明", "第一部分 单位概况"]
    lines += _unit(unit)
    lines.append(f"第二部分 {year}年度部门决算情况说明")
    lines += _income_expenditure(report["income_expenditure"], year)
    lines += _breakdown("二、收入决算情况说明", "本年收入", report["income"])
    lines += _breakdown("三、支出决算情况说明", "本年支出", report["expenditure"])
    lines += _fiscal(report["fiscal"], year)
    lines += _general_budget(report["general_budget"], year)
    lines += _basic(report["basic_expenditure"], year)
    lines += _fund("七、政府性基金预算财政拨款收入支出决算情况说明", "政府性基金")
    lines += _fund("八、国有资本经营预算财政拨款收入支出决算情况说明", "国有资本经营")
    lines += _three_public(report["three_public"], year)
    lines.append("十、其他重要事项的情况说明")
    lines += _operating_costs(report["operating_costs"], unit["name"], year)
    lines += _procurement(report["procurement"], year)
    lines += _assets(report["assets"], year)
    performance = report["performance"]
    lines += _performance_summary(performance["summary"], year)
    lines += ["", ""]
    lines += _table("单位整体支出绩效自评表", "单位名称", performance["unit_table"], year, completion=False)
    for project in performance["projects"]:
        lines += _table("项目支出绩效自评表", "项目名称", project, year, completion=True)
    lines += ["十二、其他需说明的事项", "本单位无其他需说明的事项。"]
    return "\n".join(lines) + "\n"


def printed_cells(model: Any, prefix: DataPath = ()) -> dict[DataPath, str]:
    """Every printed cell of a report model by data path: figures, placeholders and indicator
    measures, each as its printed text."""
    if isinstance(model, (Figure, Placeholder, Measure)):
        return {prefix: model.text}
    out: dict[DataPath, str] = {}
    if isinstance(model, (list, tuple)):
        for index, item in enumerate(model):
            out.update(printed_cells(item, prefix + (index,)))
    elif hasattr(model, "__pydantic_fields__"):
        for name in type(model).__pydantic_fields__:
            out.update(printed_cells(getattr(model, name), prefix + (name,)))
    return out


# -- sentence pieces -----------------------------------------------------------------------
def _unsigned(text: str) -> tuple[bool, str]:
    """Whether a printed figure is negative, and its text without the sign."""
    return text.startswith("-"), text.removeprefix("-")


def _change(change: Data | None, lead: str = "，比上年") -> str:
    """``，比上年增加 X万元，增长 R%，主要原因是：…。`` (or 减少/下降 for negative figures)."""
    if not change:
        return "。"
    down, amount = _unsigned(change["amount"])
    out = f"{lead}{'减少' if down else '增加'}{amount}万元"
    if "rate" in change:
        down, rate = _unsigned(change["rate"])
        out += f"，{'下降' if down else '增长'}{rate}"
    return out + f"，主要原因是：{change.get('reason') or '工作任务变化。'}"


def _budget(label: str, comparison: Data, lead: str = "全年预算数") -> str:
    """``label全年预算数 B万元，决算数 F万元，预决算差异率 V%，主要原因是：…。``"""
    out = f"{label}{lead}{comparison['budget']}万元，决算数{comparison['final']}万元"
    if "variance_rate" in comparison:
        out += f"，预决算差异率{comparison['variance_rate']}"
    return out + f"，主要原因是：{comparison.get('reason') or '严格按照预算执行。'}"


def _share(item: Data) -> str:
    return f"，占{item['share']}" if "share" in item else ""


# -- sections ------------------------------------------------------------------------------
def _unit(unit: Data) -> list[str]:
    groups = []
    for group in unit["headcount"]:
        down, change = _unsigned(group["change"])
        groups.append(f"{group['label']}{group['count']}人，{'减少' if down else '增加'}{change}人")
    divisions = "、".join(unit["divisions"])
    subordinate = "无下属预算单位" if unit["subordinate_units"] == "0" else f"有{unit['subordinate_units']}个下属预算单位"
    return [
        "一、机构设置及人员情况",
        f"{unit['name']}{unit['year']}年度，实有人数{unit['headcount_total']}人，其中：{'；'.join(groups)}。",
        f"{unit['name']}{subordinate}，下设{unit['division_count']}个科室，分别是：{divisions}。",
    ]


def _income_expenditure(s: Data, year: str) -> list[str]:
    return [
        "一、收入支出决算总体情况说明",
        f"{year}年度收入总计{s['income_total']}万元，其中：本年收入合计{s['current_income']}万元，"
        f"使用非财政拨款结余（含专用结余）{s['non_fiscal_balance_used']}万元，年初结转和结余{s['opening_balance']}万元。",
        f"{year}年度支出总计{s['expenditure_total']}万元，其中：本年支出合计{s['current_expenditure']}万元，"
        f"结余分配{s['balance_distribution']}万元，年末结转和结余{s['closing_balance']}万元。",
        "收入支出总体" + _change(s.get("change"), "与上年相比，"),
    ]


def _breakdown(heading: str, total_label: str, s: Data) -> list[str]:
    items = "；".join(f"{item['label']}{item['amount']}万元{_share(item)}" for item in s["items"])
    return [heading, f"{total_label}{s['total']}万元，其中：{items}。"]


def _fiscal(s: Data, year: str) -> list[str]:
    text = (
        f"{year}年度财政拨款收入总计{s['income_total']}万元，其中：年初财政拨款结转和结余{s['opening_balance']}万元，"
        f"本年财政拨款收入{s['current_income']}万元。财政拨款支出总计{s['expenditure_total']}万元，其中："
        f"年末财政拨款结转和结余{s['closing_balance']}万元，本年财政拨款支出{s['current_expenditure']}万元。"
    )
    change = "财政拨款收入支出总体" + _change(s.get("change"), "与上年相比，")
    comparison = "与年初预算相比，" + _budget("", s["budget_comparison"], "年初预算数")
    return ["四、财政拨款收入支出决算总体情况说明", text, change + comparison]


def _general_budget(s: Data, year: str) -> list[str]:
    total = f"{year}年度一般公共预算财政拨款支出{s['total']}万元"
    if "share_of_expenditure" in s:
        total += f"，占本年支出合计的{s['share_of_expenditure']}"
    total += _change(s.get("change"), "。与上年相比，")
    total += "与年初预算相比，" + _budget("", s["budget_comparison"], "年初预算数")
    out = ["五、一般公共预算财政拨款支出决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况", total,
           "（二）一般公共预算财政拨款支出决算结构情况"]
    out += [f"{n}.{c['label']}(类){c['amount']}万元,占{c['share']}。" for n, c in enumerate(s["classes"], 1)]
    out.append("（三）一般公共预算财政拨款支出决算具体情况")
    for n, line in enumerate(s["lines"], 1):
        head = f"{n}.{line['class_label']}(类){line['section_label']}(款){line['item_label']}(项):支出决算数为{line['amount']}万元"
        out.append(head + _change(line.get("change"), "，比上年决算"))
    return out


def _basic(s: Data, year: str) -> list[str]:
    return [
        "六、一般公共预算财政拨款基本支出决算情况说明",
        f"{year}年度一般公共预算财政拨款基本支出{s['total']}万元，其中：人员经费{s['personnel']}万元，"
        f"包括：{'、'.join(s['personnel_items'])}。",
        f"公用经费{s['public']}万元，包括：{'、'.join(s['public_items'])}。",
    ]


def _fund(heading: str, name: str) -> list[str]:
    return [heading, f"本单位本年度无{name}预算财政拨款收入、支出及结转和结余，{name}预算财政拨款收入支出决算表为空表。"]


def _three_public(s: Data, year: str) -> list[str]:
    items = {item["label"]: item for item in s["items"]}
    summary = f"{year}年度财政拨款“三公”经费支出{s['amount']}万元" + _change(s.get("change"))
    summary += "其中：" + "".join(
        f"{label}支出{item['amount']}万元{_share(item)}" + _change(item.get("change")) for label, item in items.items()
    )
    abroad, cars, reception = (items[label] for label in ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"))
    counts = s["counts"]
    parts = {part["label"]: part for part in cars.get("parts", [])}
    car_parts = "，".join(f"{label}{part['amount']}万元" for label, part in parts.items())
    details = [
        f"因公出国（境）费支出{abroad['amount']}万元，开支内容包括出国考察。单位全年安排的因公出国（境）团组"
        f"{counts['abroad_groups']}个，因公出国（境）{counts['abroad_trips']}人次。",
        f"公务用车购置及运行维护费{cars['amount']}万元，其中：{car_parts}。公务用车运行维护费开支内容包括车辆燃油费、保险费。"
        f"公务用车购置数{counts['vehicles_purchased']}辆，公务用车保有量{counts['vehicles_held']}辆。"
        f"国有资产占用情况中固定资产车辆{counts['fixed_asset_vehicles']}辆，与公务用车保有量一致。",
        f"公务接待费{reception['amount']}万元，开支内容包括公务来访接待。单位全年安排的国内公务接待"
        f"{counts['reception_batches']}批次，{counts['reception_visits']}人次。",
    ]
    budgets = "与全年预算相比，" + _budget("财政拨款“三公”经费支出", s["budget"]) + "其中：" + "".join(
        _budget(label, part["budget"]) for label, part in
        (("因公出国（境）费", abroad), *parts.items(), ("公务接待费", reception))
    )
    return ["九、财政拨款“三公”经费支出决算情况说明", summary, "具体情况如下：", *details, budgets]


def _operating_costs(s: Data, name: str, year: str) -> list[str]:
    return ["（一）机关运行经费及公用经费支出情况",
            f"{year}年度{name}（{'行政单位' if s['label'] == '机关运行经费' else '事业单位'}）{s['label']}支出{s['amount']}万元"
            + _change(s.get("change"))]


def _procurement(s: Data, year: str) -> list[str]:
    out = ["（二）政府采购情况",
           f"{year}年度政府采购支出总额{s['total']}万元，其中：政府采购货物支出{s['goods']}万元、"
           f"政府采购工程支出{s['works']}万元、政府采购服务支出{s['services']}万元。"]
    if "sme" in s:
        out.append(f"授予中小企业合同金额{s['sme']['amount']}万元，占政府采购支出总额的{s['sme']['share']}，其中："
                   f"授予小微企业合同金额{s['micro']['amount']}万元，占政府采购支出总额的{s['micro']['share']}。")
    return out


def _assets(s: Data, year: str) -> list[str]:
    kinds = "、".join(f"{v['label']}{v['count']}辆" for v in s["vehicles"])
    return [
        "（三）国有资产占用情况说明",
        f"截至{year}年{s['as_of']}，房屋{s['building_area']}平方米，价值{s['building_value']}万元。"
        f"车辆{s['vehicle_count']}辆，价值{s['vehicle_value']}万元，其中：{kinds}。"
        f"单价100万元（含）以上设备（不含车辆）{s['equipment_over_million']}台（套）。",
    ]


def _performance_summary(s: Data, year: str) -> list[str]:
    return [
        "十一、预算绩效的情况说明",
        f"根据预算绩效管理要求，本单位{year}年度预算绩效管理形成整体支出绩效自评表{s['unit_tables']}个，"
        f"全年预算总额{s['unit_budget']}万元，实际执行总额{s['unit_executed']}万元；预算绩效评价项目{s['projects']}个，"
        f"全年预算数{s['project_budget']}万元，全年执行数{s['project_executed']}万元。"
        "预算绩效管理取得的成效：完成年度工作任务。具体附整体支出绩效自评表，项目支出绩效自评表和评价报告。",
    ]


# -- tables --------------------------------------------------------------------------------
INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率", "指标得分",
                    "指标值设定依据", "上年完成情况", "赋分规则", "佐证资料", "偏差原因分析及改进措施")
INDICATOR_KEYS = ("level1", "level2", "name", "weight", "target", "actual", "completion_rate", "score",
                  "basis", "prior_year", "scoring_rule", "evidence", "deviation_reason")
FUNDS_HEADER = ("项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
FUNDS_KEYS = ("initial_budget", "annual_budget", "executed", "weight", "execution_rate", "score")


def _rows(*rows: list[str] | tuple[str, ...]) -> list[str]:
    """Rows flattened one cell per TAB-prefixed line, a blank line after each row."""
    out: list[str] = []
    for row in rows:
        out += [f"\t{cell}" for cell in row]
        out.append("")
    return out


def _table(title: str, name_label: str, table: Data, year: str, completion: bool) -> list[str]:
    """A self-evaluation table: title, name, funds block, goals, indicators, 总分."""
    funds = table["funds"]
    rows: list[list[str] | tuple[str, ...]] = [[title], [f"（{year}年度）"], [name_label, table["name"]], FUNDS_HEADER]
    total = funds["total"]
    rows.append(["", total["label"], *(total.get(key, "") for key in FUNDS_KEYS)])
    for number, part in enumerate(funds["parts"]):
        label = ("其中：" if number == 0 else "") + part["label"]
        rows.append(["", label, *(part.get(key, "") for key in FUNDS_KEYS)])
    goals = table["goals"]
    rows += [["年度总体目标", "预期目标", "实际完成情况"], ["", goals["expected"], goals["actual"]]]
    keep = [i for i, key in enumerate(INDICATOR_KEYS) if completion or key != "completion_rate"]
    rows.append(["", *(INDICATOR_HEADER[i] for i in keep)])
    above: dict[str, str] = {}
    for index, indicator in enumerate(table["indicators"]):
        cells = []
        for i in keep:
            key = INDICATOR_KEYS[i]
            value = indicator.get(key, "")
            if key in ("level1", "level2"):  # vertically merged cells: blank when equal to the row above
                value, above[key] = ("" if above.get(key) == value else value), value
            cells.append(value)
        rows.append(["年度绩效指标完成情况" if index == 0 else "", *cells])
    rows.append(["总分", table["total"]["weight"], table["total"]["score"]])
    return _rows(*rows) + ["", "", ""]


# -- self-evaluation tables as running text (the layouts of docs/selfeval.md) --------------
SELFEVAL_LAYOUTS = ("pipes", "spaces", "paragraphs", "glued")
# Layouts whose figures do not all read back: the glued layout with the funds total's amounts
# lost to OCR (printed as a letter), as on scanned pages.
SELFEVAL_DAMAGED_LAYOUTS = ("glued-lost",)
# Layouts whose figures read back once repaired: numeric cells printed with the letter O for a
# zero by an OCR text layer (each repair is a BC013 notice).
SELFEVAL_OCR_LAYOUTS = ("spaces-ocr",)
# The Chongqing 得分系数 form (计量单位 and 是否核心指标 columns, 执行率权重 / 执行率得分 headings).
# The same form glued without separators as an OCR text layer prints it: the 全年完成值 heading
# out of order, 计量单位 and 指标性质 glued to the names, an empty 调整指标值 column.
SELFEVAL_FORMS = ("spaces-chongqing", "glued-chongqing")
SCRAMBLED_ACTUAL_HEADING = "成值全年完值"
# Tables cut by their page inside the last block: headings printed with their weights
# (产出指标(40分), 数量指标(20分)), the 自评得分 in the header block, the last heading's rows
# lost but for the start of a name (the rows reordered so that each heading is printed once).
SELFEVAL_CUT_LAYOUTS = ("spaces-cut",)
# The glued layout as an OCR text layer prints qualitative rows: the target cell empty, its
# dash printed as the ideograph 一, before the word actual (``2一达到预期指标2``).
SELFEVAL_DASH_LAYOUTS = ("glued-dash",)
_SE_FUNDS = (("年初预算数", "initial_budget"), ("全年预算数(A)", "annual_budget"), ("全年执行数(B)", "executed"),
             ("分值", "weight"), ("执行率(B/A)", "execution_rate"), ("得分", "score"))
_SE_INDICATORS = (("分值", "weight"), ("年度指标值", "target"), ("实际完成值", "actual"), ("完成率", "completion_rate"),
                  ("得分", "score"))


def _ocr(cell: str) -> str:
    """A numeric cell as an OCR text layer may print it: its first 0 as the letter O (only
    when another digit is left, so that the cell is certainly a figure)."""
    at = cell.find("0")
    return cell if at < 0 or not any(c.isdigit() for i, c in enumerate(cell) if i != at) else cell[:at] + "O" + cell[at + 1:]


_PROFILE_RULES = ("按照完成比例", "直接", "按评判", "满意度")


def states_own_rule(row: Data) -> bool:
    """Whether a row's 赋分规则 states a formula of its own (the others name the profile's)."""
    return not str(row.get("scoring_rule", "")).startswith(_PROFILE_RULES)


def _dashed(row: Data) -> Data:
    """A qualitative row whose target cell is printed empty, with the OCR dash ``一``."""
    return {**row, "target": "一"} if re.match(r"[^\d<>=]", row["target"]) else row


def _se_rows(table: Data, year: str, title: str, unit: str, glued: bool, ocr: bool = False,
             dash: bool = False) -> list[list[str]]:
    """A table as rows of cells: title, identity, funds block, indicator block, 总分 (with
    ``ocr``, the funds figures and the 分值/得分 cells printed as ``_ocr`` damages them; with
    ``dash``, qualitative targets printed as an OCR dash)."""
    if dash:
        table = {**table, "indicators": [_dashed(row) for row in table["indicators"]]}
    damage = _ocr if ocr else (lambda cell: cell)
    columns = [(head, key) for head, key in _SE_INDICATORS if any(key in row for row in table["indicators"])]
    if not glued and any(states_own_rule(row) for row in table["indicators"]):
        columns.insert(len(columns) - 1, ("赋分规则", "scoring_rule"))  # before 得分, as provinces print it
    rows = [[f"{title}({year}年度)"]]
    if table.get("name"):
        rows.append(["项目名称", table["name"]])
    rows.append(["主管部门", unit])
    rows += [["项目资金(万元)", *(head for head, _ in _SE_FUNDS)]]
    funds = table["funds"]
    rows.append(["年度资金总额", *(damage(funds["total"].get(key, "")) for _, key in _SE_FUNDS)])
    for number, part in enumerate(funds["parts"]):
        rows.append([("其中:" if number == 0 else "") + part["label"], *(damage(part.get(key, "")) for _, key in _SE_FUNDS)])
    rows.append(["上年结转资金", "—", "—"])  # a source that does not apply: no part of the sums
    rows.append(["一级指标", "二级指标", "三级指标", *(head for head, _ in columns)])
    above: dict[str, str] = {}
    for row in table["indicators"]:
        cells = []
        for level in ("level1", "level2"):
            if above.get(level) != row[level]:
                cells.append(row[level])
                above[level] = row[level]
        name = row["name"] + ("情况" if glued and row["name"][-1:].isdigit() else "")  # a glued name must not end in a digit
        rows.append([*cells, name, *(damage(row.get(key, "")) if key in ("weight", "score") else row.get(key, "")
                                     for _, key in columns)])
    rows.append(["总分", table["total"]["weight"], table["total"]["score"]])
    return rows


def _blocks(rows: list[Data]) -> list[Data]:
    """The indicator rows grouped by level-1, then level-2 heading, in order of first appearance."""
    first1 = {r["level1"]: i for i, r in reversed(list(enumerate(rows)))}
    first2 = {(r["level1"], r["level2"]): i for i, r in reversed(list(enumerate(rows)))}
    return sorted(rows, key=lambda r: (first1[r["level1"]], first2[(r["level1"], r["level2"])]))


def cut_block(rows: list[Data]) -> tuple[list[Data], list[Data]]:
    """The rows a cut table still shows and the rows of its last block it loses (as printed
    by the ``spaces-cut`` layout: grouped by heading, the last heading's rows lost)."""
    ordered = _blocks(rows)
    last = (ordered[-1]["level1"], ordered[-1]["level2"])
    return ([r for r in ordered if (r["level1"], r["level2"]) != last],
            [r for r in ordered if (r["level1"], r["level2"]) == last])


def _weighted(text: str, rows: list[Data], *keys: str) -> str:
    """A heading with the weight of the rows under it: ``产出指标(40分)``."""
    total = sum(int(r["weight"]) for r in rows if all(r[k] == v for k, v in zip(("level1", "level2"), keys)))
    return f"{text}({total}分)"


def _cut_rows(table: Data, year: str, title: str, unit: str) -> list[list[str]]:
    """A table cut inside its last block: weighted headings, 自评得分 in the header, the last
    block's rows gone but for the first two characters of its first name."""
    rows = _se_rows({**table, "indicators": []}, year, title, unit, glued=False)[:-1]  # no 总分 row
    rows.insert(2, ["自评得分", table["total"]["score"]])
    indicators = _blocks(table["indicators"])
    shown, _ = cut_block(indicators)
    columns = [(head, key) for head, key in _SE_INDICATORS if any(key in row for row in indicators)]
    rows[-1] = rows[-1][:3] + [head for head, _ in columns]
    above: dict[str, str] = {}
    for row in [*shown, {**indicators[-1], "cut": True}]:
        cells = []
        for depth, level in enumerate(("level1", "level2")):
            if above.get(level) != row[level]:
                if depth == 0:
                    above.pop("level2", None)  # a new level-1 block prints its level-2 heading again
                keys = (row["level1"], row["level2"])[: depth + 1]
                plain = depth == 1 and row["level2"] == row["level1"]  # 满意度指标 under 满意度指标
                cells.append(row[level] if plain else _weighted(row[level], indicators, *keys))
                above[level] = row[level]
        if row.get("cut"):
            rows.append([*cells, re.sub(r"\d.*", "", row["name"])[:2]])
        else:
            rows.append([*cells, row["name"], *(row.get(key, "") for _, key in columns)])
    return rows


def _lost_amounts(row: list[str]) -> list[str]:
    """A funds total row whose three amounts the OCR layer turned into one letter."""
    if row[0] != "年度资金总额" or not all(row[4:7]):
        return row
    return [row[0], "O", "", "", *row[4:]]


_CQ_FUNDS = (("年初预算数", "initial_budget"), ("全年预算数", "annual_budget"), ("全年执行数", "executed"),
             ("执行率(%)", "execution_rate"), ("执行率权重", "weight"), ("执行率得分(分)", "score"))
_CQ_INDICATORS = (("年初指标值", "target"), ("全年完成值", "actual"), ("得分系数(%)", "completion_rate"),
                  ("指标权重(分)", "weight"), ("指标得分(分)", "score"))


def _unit_of(target: str) -> str:
    """The 计量单位 of a numeric target (``>=12份`` → 份), empty for a date or a word."""
    found = re.fullmatch(r"[<>=]*\d+(?:\.\d+)?(\D+)", target)
    return found.group(1) if found else ""


def _cq_rows(table: Data, year: str, title: str, unit: str, glued: bool = False) -> list[list[str]]:
    """A table in the Chongqing 得分系数 form: funds values right under their headings, one
    indicator row per line with 计量单位 and 是否核心指标, no level headings (``glued``: as an
    OCR layer prints it, with 指标性质 and an empty 调整指标值 column, names ending in a letter
    so that none ends in a digit, and the 全年完成值 heading out of order)."""
    columns = [(head, key) for head, key in _CQ_INDICATORS if any(key in row for row in table["indicators"])]
    if glued:
        return _cq_glued_rows(table, year, title, unit, columns)
    funds = table["funds"]
    rows = [[f"{title}({year}年度)"], *([["项目名称", table["name"]]] if table.get("name") else []), ["主管部门", unit],
            [head for head, _ in _CQ_FUNDS], [funds["total"].get(key, "") for _, key in _CQ_FUNDS]]
    for number, part in enumerate(funds["parts"]):
        rows.append([("其中:" if number == 0 else "") + part["label"], *(part.get(key, "") for _, key in _CQ_FUNDS)])
    rows.append(["指标名称", "计量单位", *(head for head, _ in columns), "是否核心指标"])
    for index, row in enumerate(table["indicators"]):
        rows.append([row["name"], _unit_of(row["target"]), *(row.get(key, "") for _, key in columns),
                     "是" if index % 2 == 0 else "否"])
    rows.append(["总分", table["total"]["weight"], table["total"]["score"]])
    return rows


def _cq_glued_rows(table: Data, year: str, title: str, unit: str, columns: list[tuple[str, str]]) -> list[list[str]]:
    funds = table["funds"]
    headings = [SCRAMBLED_ACTUAL_HEADING if head == "全年完成值" else head for head, _ in columns]
    headings.insert(1, "调整指标值")
    rows = [[f"{title}({year}年度)"], *([["项目名称", table["name"]]] if table.get("name") else []), ["主管部门", unit],
            [head for head, _ in _CQ_FUNDS], [funds["total"].get(key, "") for _, key in _CQ_FUNDS]]
    for number, part in enumerate(funds["parts"]):
        rows.append([("其中:" if number == 0 else "") + part["label"], *(part.get(key, "") for _, key in _CQ_FUNDS)])
    rows.append(["指标名称", "计量单位", "指标性质", *headings, "是否核心指标"])
    for index, row in enumerate(table["indicators"]):
        unit_cell = _unit_of(row["target"]) or ("%" if str(row.get("actual", "")).endswith("%") else "")
        nature = "定量指标" if unit_cell else "定性指标"
        rows.append([row["name"] + ("情况" if row["name"][-1:].isdigit() else ""), unit_cell, nature, *(row.get(key, "") for _, key in columns),
                     "是" if index % 2 == 0 else "否"])
    rows.append(["总分", table["total"]["weight"], table["total"]["score"]])
    return rows


def render_selfeval(report: Data, layout: str) -> str:
    """The performance tables of a generated report as running text in one layout: cells one
    per line ending `` |``, rows of space-separated cells, one cell per paragraph with runs of
    blank lines between rows, or every cell glued to the next (``SELFEVAL_LAYOUTS``)."""
    year = report["unit"]["year"]
    performance = report["performance"]
    tables = [("项目支出绩效自评表", project) for project in performance["projects"]]
    glued = layout.startswith("glued")
    ocr = layout.endswith("-ocr")
    layout = layout.removesuffix("-ocr")
    if layout.endswith("-chongqing"):
        rows = [row for title, table in tables for row in _cq_rows(table, year, title, report["unit"]["name"], glued)]
        layout = layout.removesuffix("-chongqing")
    elif layout == "spaces-cut":
        rows = [row for title, table in tables for row in _cut_rows(table, year, title, report["unit"]["name"])]
        layout = "spaces"
    else:
        rows = [row for title, table in tables
                for row in _se_rows(table, year, title, report["unit"]["name"], glued, ocr, layout == "glued-dash")]
    if layout == "glued-lost":
        rows = [_lost_amounts(row) for row in rows]
    if layout == "pipes":
        lines = [f"{cell} |" if cell else "|" for row in rows for cell in [*row, ""]]
    elif layout == "spaces":
        lines = ["    " + " ".join(cell if cell else "-" for cell in row) for row in rows]
    elif layout == "paragraphs":
        lines = [line for row in rows for line in [*(part for cell in row for part in (cell or "-", "")), *[""] * 8]]
    else:
        lines = ["".join(cell for row in rows for cell in row)]
    return "\n".join(lines) + "\n"
