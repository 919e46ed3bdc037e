"""Performance self-evaluation tables (绩效自评表): rows of cells → ``performance`` data.

Rows are read against the header row above them, aligned from the right, because merged
cells make rows shorter on the left (the dump and Word drop merged cells; PDF tables pad
them). Blank 一级/二级指标 cells continue the value above (vertically merged cells).
"""

from __future__ import annotations

import re

from .blocks import Cell, TableRow
from ...model.records import Record
from .sink import Problem, Sink

UNIT_TITLE = re.compile(r"^(?:\d{4}年度?)?(?:单位|部门)?整体支出绩效自评表")
PROJECT_TITLE = re.compile(r"^(?:\d{4}年度?)?项目支出绩效自评表")
_FUND_FIELDS = [("年初", "initial_budget"), ("全年预算", "annual_budget"), ("执行数", "executed"),
                ("执行率", "execution_rate"), ("得分", "score"), ("分值", "weight"), ("权重", "weight")]
_INDICATOR_FIELDS = [("依据", "basis"), ("偏差", "deviation_reason"), ("改进措施", "deviation_reason"),
                     ("上年", "prior_year"), ("赋分", "scoring_rule"), ("评分规则", "scoring_rule"),
                     ("佐证", "evidence"), ("完成率", "completion_rate"), ("一级", "level1"), ("二级", "level2"),
                     ("三级", "name"), ("权重", "weight"), ("分值", "weight"), ("得分", "score"),
                     ("业绩值", "actual"), ("实际", "actual"), ("目标值", "target"), ("指标值", "target")]
_TOTAL_LABELS = ("合计", "总计", "年度资金总额", "资金总额")
_HEADER_KEYS = {"项目名称": "name", "单位名称": "name", "主管部门": "department", "实施单位": "implementer"}
_NUMBERISH = re.compile(r"\d")


def table_kind(text: str) -> str | None:
    """``unit`` or ``project`` when a short text is a self-evaluation table title."""
    text = re.sub(r"\s", "", text)
    if len(text) > 30:
        return None
    if UNIT_TITLE.match(text):
        return "unit"
    if PROJECT_TITLE.match(text):
        return "project"
    return None


def _columns(header: list[str], words: list[tuple[str, str]]) -> dict[int, str]:
    """Map header positions (counted from the right, -1 = last) to field names."""
    out: dict[int, str] = {}
    for index, text in enumerate(header):
        text = re.sub(r"\s", "", text)
        field_name = next((name for word, name in words if word in text), None)
        if field_name and field_name not in out.values():
            out[index - len(header)] = field_name
    return out


class TableReader(Record):
    """Reads the rows of one table into a ``unit_table`` or ``projects[i]`` mapping."""

    __slots__ = ("sink", "section", "problems", "mode", "columns", "carry")
    sink: Sink
    section: str
    problems: list[Problem]
    mode: str
    columns: dict[int, str]
    carry: dict[str, Cell]

    def __init__(
        self, sink: Sink, section: str, problems: list[Problem], mode: str = "",
        columns: dict[int, str] | None = None, carry: dict[str, Cell] | None = None,
    ) -> None:
        self.sink = sink
        self.section = section
        self.problems = problems
        self.mode = mode
        self.columns = {} if columns is None else columns
        self.carry = {} if carry is None else carry

    def feed(self, row: TableRow) -> None:
        """Read one row."""
        texts = row.texts
        first = next((t for t in texts if t), "")
        if first in _HEADER_KEYS:
            self._header_cells(row)
        elif any("年初预算" in t for t in texts) and any("执行" in t for t in texts):
            self.mode, self.columns = "funds", _columns(texts, _FUND_FIELDS)
        elif any("预期目标" in t for t in texts) and any("实际完成" in t for t in texts):
            self.mode = "goals"
            self.columns = {i - len(texts): k for i, t in enumerate(texts) for w, k in (("预期目标", "expected"), ("实际完成", "actual")) if w in t}
        elif any("一级指标" in t for t in texts) and any("三级指标" in t for t in texts):
            self.mode, self.columns, self.carry = "indicators", _columns(texts, _INDICATOR_FIELDS), {}
        elif first in ("总分", "合计") and self.mode == "indicators":
            self._total(row)
        elif self.mode == "funds":
            self._funds(row)
        elif self.mode == "goals":
            self._goals(row)
        elif self.mode == "indicators":
            self._indicator(row)
        else:
            self._unread(row)

    def _unread(self, row: TableRow, cells: tuple[Cell, ...] | None = None) -> None:
        cells = row.cells if cells is None else cells
        numbered = [c for c in cells if _NUMBERISH.search(c.text) and not re.fullmatch(r"[（(]\d{4}年度?[)）]", c.text)]
        if numbered:
            self.problems.append(Problem(self.section, " | ".join(c.text for c in row.cells if c.text)[:80], numbered[0].where))

    def _aligned(self, row: TableRow) -> dict[str, Cell]:
        cells = row.cells
        return {name: cells[pos] for pos, name in self.columns.items() if -pos <= len(cells)}

    def _header_cells(self, row: TableRow) -> None:
        cells = [c for c in row.cells if c.text]
        for index, cell in enumerate(cells[:-1]):
            key = _HEADER_KEYS.get(cell.text)
            if key and cells[index + 1].text not in _HEADER_KEYS:
                self.sink.set(key, cells[index + 1].text, cells[index + 1].where)

    def _funds(self, row: TableRow) -> None:
        values = self._aligned(row)
        width = max((-pos for pos in self.columns), default=0)
        label_cells = [c for c in row.cells[: max(len(row.cells) - width, 0)] if c.text]
        if not label_cells or not any(c.text for c in values.values()):
            return self._unread(row)
        label = re.sub(r"^其中[：:]\s*", "", label_cells[-1].text).strip()
        funds = self.sink.child("funds")
        target = funds.child("total") if label in _TOTAL_LABELS else funds.append("parts")
        target.set("label", label, label_cells[-1].where)
        for name, cell in values.items():
            if cell.text:
                target.set(name, cell.text, cell.where)

    def _goals(self, row: TableRow) -> None:
        goals = self.sink.child("goals")
        for name, cell in self._aligned(row).items():
            if cell.text:
                goals.set(name, cell.text, cell.where)
        self.mode = ""

    def _indicator(self, row: TableRow) -> None:
        cells = self._aligned(row)
        for level in ("level1", "level2"):
            if level in cells and cells[level].text:
                self.carry[level] = cells[level]
        name = cells.get("name")
        if name is None or not name.text:
            return self._unread(row)
        indicator = self.sink.append("indicators")
        for level in ("level1", "level2"):
            if level in self.carry:
                indicator.set(level, self.carry[level].text, self.carry[level].where)
        for key, cell in cells.items():
            if key not in ("level1", "level2") and cell.text:
                indicator.set(key, cell.text, cell.where)

    def _total(self, row: TableRow) -> None:
        numbers = [c for c in row.cells[1:] if _NUMBERISH.search(c.text)]
        total = self.sink.child("total")
        if len(numbers) >= 2:
            total.set("weight", numbers[0].text, numbers[0].where)
        if numbers:
            total.set("score", numbers[-1].text, numbers[-1].where)
        grade = next((c for c in row.cells[1:] if c.text in ("优", "良", "中", "差")), None)
        if grade:
            total.set("grade", grade.text, grade.where)
        self.mode = ""
