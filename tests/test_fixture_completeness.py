"""The reference fixture is a complete, valid transcription of the reference disclosure.

``fixtures/changji-2024.txt`` is the text dumped from the published .docx (paragraphs first,
then the performance tables flattened one cell per line, each cell prefixed by a TAB and each
table row ended by a blank line). ``fixtures/changji-2024.yaml`` is its hand transcription.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from budgetcheck.model import Report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "changji-2024.txt"
FIXTURE = FIXTURES / "changji-2024.yaml"

# A date as printed in prose or in a target/actual cell: compared as the whole date text.
_DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:之前|以前|底前|前|底)?")
# Any other printed number: 1,085.20 / 93.61% / 0.00 / =160份 -> 160 / PM2.5 -> 2.5.
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?")
# List numbering at the start of a paragraph ("1.社会保障…", "1、协助…") is not a figure;
# table cells start with a TAB, so a cell such as "0.00" is never taken for one.
_ENUMERATOR = re.compile(r"^\d+[.、](?!\d)")


@lru_cache(maxsize=None)
def _seed_lines() -> tuple[str, ...]:
    return tuple(SEED.read_text(encoding="utf-8").split("\n"))


@lru_cache(maxsize=None)
def _fixture_data() -> dict:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


def _leaves(node: object) -> list[str]:
    """Every scalar value of the loaded fixture (comments and keys do not count)."""
    if isinstance(node, dict):
        return [leaf for value in node.values() for leaf in _leaves(value)]
    if isinstance(node, list):
        return [leaf for value in node for leaf in _leaves(value)]
    if node is None or isinstance(node, bool):
        return []
    return [str(node)]


def _scanned_text() -> str:
    """The part of the disclosure whose numbers are figures the fixture must carry.

    Left out, each for a stated reason (everything else is scanned, including the
    年度总体目标 cells, which are transcribed verbatim):
    - 第三部分 专业名词解释 and 第四部分 (the list of attached tables): definitions, no figures;
    - the 预算绩效 achievements/problems prose after "预算绩效管理取得的成效" (8477辆, 2024年8月,
      论文2篇, …): narrative with no field in the model, not transcribed;
    - paragraph list numbering ("1." "2、").
    """
    kept: list[str] = []
    for line in _seed_lines():
        if line.startswith("第三部分"):
            break
        cut = line.find("预算绩效管理取得的成效")
        if cut >= 0:
            line = line[:cut]
        kept.append(_ENUMERATOR.sub("", line))
    return "\n".join(kept)


def _printed_figures(text: str) -> set[str]:
    dates = set(_DATE.findall(text))
    numbers = set(_NUMBER.findall(_DATE.sub(" ", text)))
    return dates | numbers


def _occurs(figure: str, haystack: str) -> bool:
    """Whether ``figure`` (or its comma-free form) occurs as a whole number in ``haystack``."""
    if _DATE.fullmatch(figure):
        return re.search(rf"(?<!\d){re.escape(figure)}(?![\d前之以底])", haystack) is not None
    for form in {figure, figure.replace(",", "")}:
        if re.search(rf"(?<![\d,.]){re.escape(form)}(?![\d%]|[.,]\d)", haystack):
            return True
    return False


def test_fixture_validates_against_the_model() -> None:
    report = Report.model_validate(_fixture_data())
    assert report.unit.name == "昌吉回族自治州环境污染监控中心"
    assert report.performance is not None
    assert len(report.performance.projects) == int(str(report.performance.summary.projects))


def test_every_printed_figure_is_transcribed() -> None:
    haystack = "\n".join(_leaves(_fixture_data()))
    figures = _printed_figures(_scanned_text())
    assert len(figures) > 200  # the scan really covers the statements and tables
    missing = sorted(f for f in figures if not _occurs(f, haystack))
    assert not missing, f"printed in the disclosure but absent from the fixture: {missing}"


def _table_rows() -> list[list[str]]:
    """The flattened table rows of the dump: runs of TAB-prefixed lines, one cell per line."""
    rows: list[list[str]] = []
    current: list[str] = []
    for line in _seed_lines():
        if line.startswith("\t"):
            current.append(line[1:].strip())
        elif current:
            rows.append(current)
            current = []
    return rows


_PROJECT_HEADER = ["", "一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率",
                   "指标得分", "指标值设定依据", "上年完成情况", "赋分规则", "佐证资料", "偏差原因分析及改进措施"]
_PROJECT_FIELDS = ["weight", "target", "actual", "completion_rate", "score", "basis",
                   "prior_year", "scoring_rule", "evidence", "deviation_reason"]
_UNIT_HEADER = ["一级指标", "二级指标", "三级指标", "预期指标值", "指标值设定依据", "分值权重", "实际完成指标值", "得分"]
_UNIT_FIELDS = ["target", "basis", "weight", "actual", "score"]


def _printed_tables() -> list[tuple[str | None, list[tuple[str, dict[str, str]]]]]:
    """(项目名称 or None for the unit table, [(三级指标, {field: cell})]) in document order."""
    tables: list[tuple[str | None, list[tuple[str, dict[str, str]]]]] = []
    name: str | None = None
    fields: list[str] = []
    width = 0
    for row in _table_rows():
        if row[0] == "项目名称":
            name = row[1]
        elif row in (_PROJECT_HEADER, _UNIT_HEADER):
            fields = _PROJECT_FIELDS if row == _PROJECT_HEADER else _UNIT_FIELDS
            width = len(row)
            tables.append((name if row == _PROJECT_HEADER else None, []))
        elif tables and len(row) == width and row[0] != "总分":
            cells = row[-len(fields):]
            tables[-1][1].append((row[-len(fields) - 1], {f: c for f, c in zip(fields, cells) if c}))
        else:
            width = 0  # the indicator block has ended
    return tables


@pytest.mark.parametrize("index", range(12))
def test_every_indicator_row_is_transcribed(index: int) -> None:
    data = _fixture_data()["performance"]
    fixture_tables = [data["unit_table"], *data["projects"]]
    printed = _printed_tables()
    assert len(printed) == len(fixture_tables) == 12
    name, rows = printed[index]
    table = fixture_tables[index]
    assert table.get("name") == (name or "昌吉回族自治州环境污染监控中心")
    transcribed = [
        (ind["name"], {f: str(ind[f]) for f in (_UNIT_FIELDS if name is None else _PROJECT_FIELDS) if ind.get(f) is not None})
        for ind in table["indicators"]
    ]
    assert transcribed == rows
    assert all(ind.get("level1") and ind.get("level2") for ind in table["indicators"])
