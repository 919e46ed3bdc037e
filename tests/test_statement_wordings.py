"""Each wording the statement grammar reads, on invented figures: consistent passes, wrong is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.load import load_document

SEVERE = ("error", "warning")
# (name, consistent text, the same text with one figure wrong, the rule that finds it)
CASES = [
    ("比上年 减少/下降", "“三公”经费支出8.00万元,比上年减少2.00万元,下降20.00%。",
     "“三公”经费支出8.00万元,比上年减少2.00万元,下降25.00%。", "BC301"),
    ("较上年 with a space before %", "公务接待费支出0.60万元,较上年减少0.40万元,下降40 %。",
     "公务接待费支出0.60万元,较上年减少0.40万元,下降60 %。", "BC301"),
    ("与上年相比 增加/增长", "公务用车运行维护费支出12.00万元,与上年相比,增加2.00万元,增长20.00%。",
     "公务用车运行维护费支出12.00万元,与上年相比,增加2.00万元,增长16.67%。", "BC301"),
    ("同比 上升", "一般公共预算收入130万元,同比上升30万元,增长30%。",
     "一般公共预算收入130万元,同比上升30万元,增长23%。", "BC301"),
    ("与2021年度相比", "公务接待费支出5.00万元,与2021年度相比,增加1.00万元,增长25.00%。",
     "公务接待费支出5.00万元,与2021年度相比,增加1.00万元,增长20.00%。", "BC301"),
    ("较年初预算数 减少", "“三公”经费支出共计15.00万元,较年初预算数减少5.00万元,下降25.00%。",
     "“三公”经费支出共计15.00万元,较年初预算数减少5.00万元,下降33.33%。", "BC301"),
    ("完成全年预算X万元的P%", "“三公”经费支出决算为40.00万元,完成全年预算50.00万元的80.0%。",
     "“三公”经费支出决算为40.00万元,完成全年预算50.00万元的75.0%。", "BC402"),
    ("完成预算的P% against a whole-number budget (not read as truncated)",
     "“三公”经费支出预算为5万元,支出决算为2.40万元,完成预算的48%。",
     "“三公”经费支出预算为5万元,支出决算为2.40万元,完成预算的41%。", "BC402"),
    ("完成年初预算数的", "“三公”经费预算数为50.00万元,决算支出数为40.00万元,完成年初预算数的80.00%。",
     "“三公”经费预算数为50.00万元,决算支出数为40.00万元,完成年初预算数的85.00%。", "BC402"),
    ("较N年决算数 base then change without verb", "公务接待费决算支出数为12.00万元,较2022年决算数10.00万元2.00万元,增长20.00%。",
     "公务接待费决算支出数为12.00万元,较2022年决算数10.00万元3.00万元,增长30.00%。", "BC404"),
    ("增长--(基数为0,不可比)", "因公出国(境)费支出决算为5.00万元,比上年增加5.00万元,增长--(基数为0,不可比)。",
     "因公出国(境)费支出决算为5.00万元,比上年增加5.00万元,增长100.00%。", "BC302"),
    ("amounts in 元 with separators", "公务接待费支出3,080元,比上年减少920元,下降23.00%。",
     "公务接待费支出3,080元,比上年减少920元,下降30.00%。", "BC301"),
    ("full-width digits", "公务接待费支出１２.００万元,比上年增加２.００万元,增长２０.００%。",
     "公务接待费支出１２.００万元,比上年增加２.００万元,增长２５.００%。", "BC301"),
    ("占…的 named total", "政府采购支出总额200.00万元。授予中小企业合同金额50.00万元,占政府采购支出总额的25.0%。",
     "政府采购支出总额200.00万元。授予中小企业合同金额50.00万元,占政府采购支出总额的27.0%。", "BC201"),
    ("其中 list of budgets", "“三公”经费预算为20万元,其中:因公出国(境)费0万元,公务接待费9万元,公务用车运行维护费11万元。",
     "“三公”经费预算为20万元,其中:因公出国(境)费0万元,公务接待费12万元,公务用车运行维护费11万元。", "BC107"),
    ("traditional characters", "“三公”經費支出8.00萬元,比上年減少2.00萬元,下降20.00%。",
     "“三公”經費支出8.00萬元,比上年減少2.00萬元,下降25.00%。", "BC301"),
    ("a PDF line break inside a sentence", "一般公共预算财政拨款收入382.17万元,为市本级财政\n当年拨付的资金。较2020年度决算数减少157.86万元,下降\n29.2%,主要原因略。",
     "一般公共预算财政拨款收入382.17万元,为市本级财政\n当年拨付的资金。较2020年度决算数减少157.86万元,下降\n27.2%,主要原因略。", "BC301"),
]


def _severe(tmp_path: Path, text: str) -> list[tuple[str, int | None]]:
    path = tmp_path / "doc.txt"
    path.write_text("某单位2023年度“三公”经费决算情况说明\n" + text + "\n", encoding="utf-8")
    loaded = load_document(path)
    findings = check_report(loaded, profile=resolve_profile(loaded)).findings
    return [(f.rule, f.line) for f in findings if f.severity in SEVERE or f.rule == "BC003"]


@pytest.mark.parametrize(("name", "good", "bad", "rule"), CASES, ids=[c[0] for c in CASES])
def test_wording(tmp_path: Path, name: str, good: str, bad: str, rule: str) -> None:
    assert _severe(tmp_path, good) == []
    found = _severe(tmp_path, bad)
    assert rule in {r for r, _ in found}, found
    assert all(line is not None and line >= 2 for _, line in found)
