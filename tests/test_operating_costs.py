"""机关运行经费 is the 公用经费 of the 一般公共预算财政拨款基本支出 (BC801), read from the text."""

from __future__ import annotations

from pathlib import Path

from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.load import load_document

BASIC = "2024年度一般公共预算财政拨款基本支出52.40万元，其中：人员经费40.00万元，公用经费12.40万元。"


def _findings(tmp_path: Path, sentence: str) -> list[tuple[str, str, str | None, str | None]]:
    text = "\n".join(["某单位2024年度部门决算公开说明", "一、基本支出决算情况说明", BASIC,
                      "二、其他重要事项的情况说明", "（一）机关运行经费及公用经费支出情况", sentence, ""])
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load_document(path)
    result = check_report(loaded, profile=resolve_profile(loaded))
    return [(f.rule, ".".join(map(str, f.path)) if not isinstance(f.path, str) else f.path, f.expected, f.found)
            for f in result.findings if f.rule == "BC801"]


def test_an_administrative_units_operating_costs_differing_from_its_public_funds(tmp_path: Path) -> None:
    found = _findings(tmp_path, "2024年度本部门（行政单位）机关运行经费支出12.04万元，比上年增加1.00万元，增长9.06%。")
    assert found == [("BC801", "operating_costs.amount", "12.40", "12.04")]


def test_the_same_figure_at_another_precision_agrees(tmp_path: Path) -> None:
    assert _findings(tmp_path, "2024年度本部门机关运行经费支出12.4万元。") == []


def test_a_public_service_units_public_funds_of_all_sources_are_not_compared(tmp_path: Path) -> None:
    assert _findings(tmp_path, "2024年度本单位（事业单位）无机关运行经费，公用经费支出15.10万元。") == []
