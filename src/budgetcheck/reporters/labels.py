"""Words the human formats print around the findings, in English and Chinese (data only).

Section names follow the order of the parts of a 部门决算公开说明; that order is also the
document order of findings that have no line (a .docx or .pdf).
"""

from __future__ import annotations

SECTIONS: dict[str, tuple[str, str]] = {  # data path head: (en, zh)
    "unit": ("Unit overview", "单位概况"),
    "income_expenditure": ("Income and expenditure overall", "收入支出决算总体情况"),
    "income": ("Income", "收入决算情况"),
    "expenditure": ("Expenditure", "支出决算情况"),
    "fiscal": ("Fiscal appropriations overall", "财政拨款收入支出决算总体情况"),
    "general_budget": ("General public budget expenditure", "一般公共预算财政拨款支出决算情况"),
    "basic_expenditure": ("Basic expenditure", "一般公共预算财政拨款基本支出决算情况"),
    "government_fund": ("Government fund budget", "政府性基金预算财政拨款收入支出决算情况"),
    "state_capital": ("State capital operations budget", "国有资本经营预算财政拨款收入支出决算情况"),
    "three_public": ("“Three public” expenses", "财政拨款“三公”经费支出决算情况"),
    "operating_costs": ("Operating costs", "机关运行经费及公用经费支出情况"),
    "procurement": ("Government procurement", "政府采购情况"),
    "assets": ("State-owned assets", "国有资产占用情况"),
    "performance": ("Budget performance", "预算绩效情况"),
    "explanations": ("Explanations", "说明"),
}
OTHER_SECTION = ("Other", "其他")

SEVERITY: dict[str, tuple[str, str]] = {
    "error": ("error", "强制性"),
    "warning": ("warning", "提示性"),
    "info": ("info", "提示"),
}

WORDS: dict[str, tuple[str, str]] = {
    "document": ("Document", "文件"),
    "unit": ("Unit", "单位"),
    "year": ("Year", "年度"),
    "title": ("Title", "标题"),
    "section": ("Section", "部分"),
    "table": ("Table", "表"),
    "place": ("Place", "位置"),
    "line": ("line", "行"),
    "rule": ("Rule", "规则"),
    "name": ("Rule name", "规则名"),
    "severity": ("Severity", "级别"),
    "message": ("Message", "说明"),
    "message_zh": ("Message (Chinese)", "问题描述（中文）"),
    "message_en": ("Message (English)", "问题描述（英文）"),
    "expected": ("Expected", "应为"),
    "printed": ("Printed", "填报"),
    "explained": ("Explained", "已说明"),
    "explanation": ("Explanation given", "单位说明"),
    "data_path": ("Data path", "数据路径"),
    "verdict": ("Verdict", "结论"),
    "findings": ("Findings", "问题"),
    "summary": ("Summary", "汇总"),
    "why": ("Why", "规则说明"),
    "fix": ("Fix", "修改建议"),
    "as_printed": ("As printed", "原文"),
    "table_row": ("table row", "表格行"),
    "contents": ("Documents", "文件目录"),
    "no_text": ("the printed text is not available; see the place in the document",
                "原文不可用，请按位置查阅原文件"),
    "report_title": ("Budget disclosure check", "部门决算公开说明检查报告"),
    "generated_by": ("Written by budgetcheck", "由 budgetcheck 生成"),
    "unreadable": ("could not be checked", "无法检查"),
    "count": ("Count", "数量"),
    "total": ("Total", "合计"),
    "no_findings": ("No findings.", "未发现问题。"),
    "colon": (": ", "："),
    "n_error": ("Errors", "强制性"),
    "n_warning": ("Warnings", "提示性"),
    "n_info": ("Info", "提示"),
}

VERDICTS: dict[str, tuple[str, str]] = {
    "fail": ("errors to correct", "存在须更正的错误"),
    "review": ("warnings to review", "存在须核实的提示"),
    "pass": ("no errors", "未发现错误"),
    "unreadable": ("could not be checked", "无法检查"),
}

FIX: dict[str, tuple[str, str]] = {
    "figure": ("Print {expected} instead of {found}, or correct the figures it is computed from.",
               "将填报的 {found} 改为 {expected}，或更正据以计算的数字。"),
    "general": ("Correct the document as the rule explains, or give an explanation (说明) if it is right.",
                "按规则说明更正原文；如原文无误，请在说明中解释。"),
}


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Chinese or the English member of an (en, zh) pair."""
    return pair[1] if lang == "zh" else pair[0]


def word(key: str, lang: str) -> str:
    """A heading or label word in ``lang``."""
    return pick(WORDS[key], lang)


def section_name(head: str, lang: str) -> str:
    """The name of the report section at data path head ``head``."""
    return pick(SECTIONS.get(head, OTHER_SECTION), lang)


def severity_name(severity: str, lang: str) -> str:
    """``error``/``warning``/``info``, or 强制性/提示性/提示."""
    return pick(SEVERITY[severity], lang)
