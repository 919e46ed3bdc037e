"""The cell stream of self-evaluation tables → ``performance.projects`` / ``unit_table`` data.

Driven by the table's own words: a title or a second 项目名称 opens a table; heading cells
set the columns of the funds block and of the indicator block (in the order printed);
row labels (年度资金总额, 其中:财政拨款, 产出指标(50分), 数量指标, 总分 ...) open rows; the
cells after a label or an indicator name are its values.
"""

from __future__ import annotations

import re

from ....model.records import Record
from ..sink import Problem, Sink
from .cells import Piece
from .repair import Repair, repaired_text, uncertain_comparators
from .rows import GluedLayout, Row, glued_rows, merge_target_parts, number, place, read_glued, set_cells, unread
from .split import PART_COST, PLACEHOLDER, value_kind
from .vocab import Label, Vocabulary, column_of, label_of, squeeze, strip_suffixes

_YEAR = re.compile(r"(\d{4})\s*年度?")
_YEAR_CELL = re.compile(r"^[(（](\d{4})年度?[)）]$")
_INLINE = re.compile(r"^(?P<key>[^:：]{2,6})[:：](?P<value>.+)$")
_MAX_WORD = 24
# Latin letters before glued funds values: a figure the OCR layer turned into letters.
_LOST_LEAD = re.compile(r"^\s*[A-Za-z]{1,4}(?=\d)")


def _lost_lead(text: str) -> tuple[str, int]:
    """Glued funds values without the letters they start with (amounts lost to OCR:
    "O76%107.6"), and how many characters were left out."""
    lead = _LOST_LEAD.match(text)
    if lead is None or lead.end() == len(text):
        return text, 0
    return text[lead.end():], lead.end()


class Table(Record):
    """One table being read."""

    __slots__ = ("sink", "unit", "funds_columns", "indicator_columns", "mode", "content", "meta_key",
                 "level1", "level2", "row", "grade_next", "ocr")
    sink: Sink
    unit: bool
    funds_columns: list[str]
    indicator_columns: list[str]
    mode: str
    content: bool
    meta_key: str | None
    level1: str | None
    level2: str | None
    row: Row | None
    grade_next: bool
    ocr: bool
    """The table's text shows an OCR layer's damage (a repaired or a lost figure)."""

    def __init__(
        self, sink: Sink, unit: bool = False, funds_columns: list[str] | None = None,
        indicator_columns: list[str] | None = None, mode: str = "meta", content: bool = False,
        meta_key: str | None = None, level1: str | None = None, level2: str | None = None,
        row: Row | None = None, grade_next: bool = False,
    ) -> None:
        self.sink = sink
        self.unit = unit
        self.funds_columns = [] if funds_columns is None else funds_columns
        self.indicator_columns = [] if indicator_columns is None else indicator_columns
        self.mode = mode
        self.content = content
        self.meta_key = meta_key
        self.level1 = level1
        self.level2 = level2
        self.row = row
        self.grade_next = grade_next
        self.ocr = False


_TARGET_PARTS = ("target_operator", "target_value", "target_unit")


def _add_column(columns: list[str], name: str) -> None:
    """Add a heading's column; the parts of a split target (指标性质/指标值/度量单位) stand in
    for the 年度指标值 heading printed above them."""
    if name in columns:
        return
    if name in _TARGET_PARTS and "target" in columns:
        columns[columns.index("target")] = name
    elif name in _TARGET_PARTS and any(p in columns for p in _TARGET_PARTS):
        last = max(columns.index(p) for p in _TARGET_PARTS if p in columns)
        columns.insert(last + 1, name)
    else:
        columns.append(name)


def _adjusted(cells: dict[str, Piece], units: list[str]) -> dict[str, Piece]:
    """A row's cells with a printed adjusted target (调整指标值) as the target it is scored
    against, the target set at the start of the year kept as ``initial_target``."""
    adjusted = cells.get("adjusted_target")
    if adjusted is None:
        return cells
    kept = {name: piece for name, piece in cells.items() if name != "adjusted_target"}
    if value_kind(adjusted.text, units) == "ph":
        return kept
    if "target" in kept:
        kept["initial_target"] = kept["target"]
    kept["target"] = adjusted
    return kept


class TableParser(Record):
    """Reads a stream of cells into tables under ``performance``."""

    __slots__ = ("root", "vocab", "problems", "section", "table", "year", "unit_name", "units", "ahead")
    root: Sink
    vocab: Vocabulary
    problems: list[Problem]
    section: str
    table: Table | None
    year: str | None
    unit_name: tuple[str, Piece] | None
    units: list[str]
    ahead: list[Piece]

    def __init__(
        self, root: Sink, vocab: Vocabulary, problems: list[Problem], section: str = "绩效自评表",
        table: Table | None = None, year: str | None = None, unit_name: tuple[str, Piece] | None = None,
        ahead: list[Piece] | None = None,
    ) -> None:
        self.root = root
        self.vocab = vocab
        self.problems = problems
        self.section = section
        self.table = table
        self.year = year
        self.unit_name = unit_name
        self.units = vocab.units
        self.ahead = [] if ahead is None else ahead

    def read(self, pieces: list[Piece]) -> None:
        """Read a whole stream of cells (each cell sees the two after it)."""
        for index, piece in enumerate(pieces):
            self.ahead = pieces[index + 1:index + 3]
            self.feed(piece)
        self.finish()

    # -- tables ---------------------------------------------------------------------------
    def _open(self, unit: bool = False) -> Table:
        self.finish()
        performance = self.root.child("performance")
        sink = performance.child("unit_table") if unit and "unit_table" not in performance.data else performance.append("projects")
        self.table = Table(sink, unit=unit)
        if self.year:
            sink.set("year", int(self.year))
        return self.table

    def _current(self) -> Table:
        return self.table or self._open()

    def finish(self) -> None:
        """Close the table being read (its last row is stored)."""
        if self.table is not None:
            self._flush(self.table)
            if self.table.ocr:
                uncertain_comparators(self.table.sink, self.vocab)
            self.table = None

    # -- cells ----------------------------------------------------------------------------
    def feed(self, piece: Piece) -> None:
        """Read one cell."""
        year = _YEAR_CELL.match(squeeze(piece.text))
        if year:
            self.year = self.year or year.group(1)
            if self.table is not None and "year" not in self.table.sink.data:
                self.table.sink.set("year", int(year.group(1)), piece.where)
            return None
        if self.table is not None and self.table.mode == "closed":
            return self._after_total(piece)
        if piece.glued:
            return self._content(piece)
        label = label_of(piece.text, self.vocab)
        if label is None and self._inline(piece):
            return None
        if label is not None and label.kind != "noise" or label is None and self._heading(piece):
            return self._structure(piece, label) if label is not None else None
        if label is not None:  # noise: structure words that end a row
            if self.table is not None:
                self._flush(self.table)
            return None
        return self._content(piece)

    def _after_total(self, piece: Piece) -> None:
        """After 总分 only a new table is read (notes and signatures follow a table)."""
        label = None if piece.glued else label_of(piece.text, self.vocab)
        if label is not None and (label.kind == "titles" or label.kind == "meta" and label.field == "name"):
            assert self.table is not None
            self.table.mode = "meta"
            self.feed(piece)
        elif label is not None and label.kind == "grade_labels":
            assert self.table is not None
            self.table.grade_next = True
        elif self.table is not None and self.table.grade_next and not piece.glued:
            self.table.grade_next = False
            self.table.sink.child("total").set("grade", piece.text.strip(), piece.where)

    def _inline(self, piece: Piece) -> bool:
        """``单位名称:XX`` / ``部门:XX`` printed in one cell."""
        found = _INLINE.match(squeeze(piece.text))
        if found is None:
            return False
        label = label_of(found["key"], self.vocab)
        if label is None or label.kind != "meta":
            return False
        value = piece.text.split(found["key"], 1)[1].lstrip(":： ").strip()
        self._meta(label.field, Piece(value, piece.where))
        return True

    def _meta(self, key: str, piece: Piece) -> None:
        if self.table is not None:
            self.table.meta_key = None
        if key == "unit":
            self.unit_name = self.unit_name or (piece.text, piece)
        elif key != "ignore":
            table = self._current()
            table.sink.set(key, piece.text, piece.where)
            table.meta_key = None

    def _title(self, piece: Piece) -> None:
        found = _YEAR.search(piece.text)
        if found:
            self.year = self.year or found.group(1)
        unit = bool(re.search(r"整体", piece.text))
        if self.table is None or self.table.content:
            self._open(unit)
        if found and self.table is not None:
            self.table.sink.set("year", int(found.group(1)), piece.where)

    def _heading(self, piece: Piece) -> bool:
        """A column heading: set it in the funds or indicator columns."""
        table = self.table
        indicator = column_of(piece.text, self.vocab, "indicator_columns")
        funds = column_of(piece.text, self.vocab, "funds_columns")
        if indicator is None and funds is None:
            return False
        table = self._current()
        if indicator is None and table.mode == "indicators":
            return False  # 预算执行率 inside the indicator block: an indicator scored like any other
        if piece.printed is not None:  # a heading printed out of order, read as the one it holds
            self._repaired(table, [Repair(indicator or funds or "", Piece(piece.printed, piece.where), piece.text)])
        opener = any(p.search(strip_suffixes(squeeze(piece.text), self.vocab)[0]) for p in self.vocab.patterns("indicator_openers"))
        in_indicators = table.mode == "indicator_header" or opener or (indicator and table.mode in ("goals", "funds_rows", "indicators"))
        self._flush(table)
        if in_indicators and indicator:
            if table.mode != "indicator_header":
                table.indicator_columns, table.mode, table.level1, table.level2 = [], "indicator_header", None, None
            _add_column(table.indicator_columns, indicator)
        elif funds:
            if table.mode not in ("funds_header",):
                table.funds_columns, table.mode = [], "funds_header"
            if funds not in table.funds_columns:
                table.funds_columns.append(funds)
        return True

    def _structure(self, piece: Piece, label: Label) -> None:
        if label.kind == "titles":
            return self._title(piece)
        table = self._current()
        self._flush(table)
        table.meta_key = None  # a label right after 主管部门: that cell was empty
        if label.kind == "meta":
            if label.field == "name" and table.content:
                table = self._open(table.unit)
            table.meta_key = label.field
        elif label.kind in ("funds_total", "funds_parts"):
            table.mode, table.content = "funds_rows", True
            table.row = Row(label.kind, piece)
        elif label.kind == "funds_heading":
            table.mode = "funds_header"
            if label.weight:
                table.sink.child("funds").child("total").set("weight", label.weight, piece.where)
        elif label.kind == "goals":
            table.mode = "goals"
        elif label.kind in ("level1", "weight_only", "level2"):
            self._level(table, piece, label)
        elif label.kind == "total":
            table.row = Row("total", piece)
            if label.weight:
                table.sink.child("total").set("weight", label.weight, piece.where)
        elif label.kind == "grade_labels":
            table.grade_next = True

    def _level(self, table: Table, piece: Piece, label: Label) -> None:
        text = strip_suffixes(piece.text, self.vocab)[0].strip() if label.kind != "weight_only" else None
        if label.kind == "level1" and text == table.level1 and not label.weight:
            label = Label("level2")  # 满意度指标 under 满意度指标: the second is its level 2
        if label.kind == "level2":
            table.level2 = text
            if label.weight:  # kept even when the table is cut before its rows
                group = table.sink.append("groups")
                group.set("label", text, piece.where)
                group.set("weight", label.weight, piece.where)
                group.set("level", 2)
            return
        table.level1, table.level2 = text, None
        group = table.sink.append("groups")
        if text:
            group.set("label", text, piece.where)
        if label.weight:
            group.set("weight", label.weight, piece.where)
        table.mode = "indicators"

    # -- content --------------------------------------------------------------------------
    def _content(self, piece: Piece) -> None:
        table = self.table
        if table is None:
            return None
        if table.meta_key is not None:
            return self._meta(table.meta_key, piece)
        if table.grade_next:
            table.grade_next = False
            table.sink.child("total").set("grade", piece.text.strip(), piece.where)
            return None
        if table.row is not None and table.row.kind == "total":
            return self._total_cell(table, piece)
        if table.row is not None and table.row.kind.startswith("funds"):
            table.row.values.append(piece)
            return None
        if table.mode in ("indicators", "indicator_header") and table.indicator_columns:
            return self._indicator_cell(table, piece)
        if table.mode == "funds_header" and table.funds_columns and re.search(r"\d", piece.text):
            table.mode, table.content = "funds_rows", True  # values right under the headings: the total row
            table.row = Row("funds_total", Piece("", piece.where), [piece])
            return None
        if table.mode not in ("goals", "meta") and re.search(r"\d", piece.text):
            self._unread([piece])
        return None

    def _total_cell(self, table: Table, piece: Piece) -> None:
        assert table.row is not None
        lead = re.match(r"[\d.]+", piece.text) if piece.glued else None
        if lead is not None:
            table.row.values.append(Piece(lead.group(0), piece.where, glued=True))
            self._flush(table)
        elif value_kind(piece.text, self.units) in ("num", "ph") or number(piece.text) is not None:
            table.row.values.append(piece)
        elif table.row.values and re.fullmatch(r"[优良中差]\w{0,2}|合格|不合格", piece.text.strip()):
            table.sink.child("total").set("grade", piece.text.strip(), piece.where)
        else:
            self._flush(table)
            self.feed(piece)

    def _value_columns(self, table: Table) -> list[str]:
        return [c for c in table.indicator_columns if c not in ("level1", "level2", "name")]

    def _indicator_cell(self, table: Table, piece: Piece) -> None:
        table.mode = "indicators"
        row = table.row
        if piece.glued and row is not None and row.kind == "indicator" and not row.values and row.label is not None:
            table.row = None  # a name that is a table word (预算执行率) glued to its values
            return self._glued_indicators(table, Piece(row.label.text + piece.text, row.label.where, glued=True))
        if piece.glued:
            self._flush(table)
            return self._glued_indicators(table, piece)
        row = table.row
        if row is not None and row.kind == "indicator" and self._takes(table, row, piece):
            values, columns = merge_target_parts(row.values, self._value_columns(table), self.units)
            core = "core" in columns and squeeze(piece.text) in self.vocab.raw["core_values"]
            if not core and value_kind(piece.text, self.units) == "word" and len(values) >= len([c for c in columns if c != "deviation_reason"]):
                row.reason = piece
            else:
                row.values.append(piece)
            return None
        self._flush(table)
        table.row = Row("indicator", piece)

    def _takes(self, table: Table, row: Row, piece: Piece) -> bool:
        """Whether a cell continues the indicator row (a value) rather than naming the next.

        A word is a target or actual only while the row lacks them and a value follows
        within two cells; after a complete row it is the 偏差原因 when no value follows it.
        """
        kind = value_kind(piece.text, self.units)
        if kind != "word" or repaired_text(piece.text, kind, self.units, self.vocab.lookalikes) is not None:
            return True  # a value (a figure with OCR look-alike letters is one)
        values, columns = merge_target_parts(row.values, self._value_columns(table), self.units)
        if "core" in columns and squeeze(piece.text) in self.vocab.raw["core_values"] and not row.core:
            row.core = True  # 是否核心指标: 是 / 否 ends the row
            return True
        measures = sum(1 for c in columns if c in ("target", "actual"))
        numbers = sum(1 for c in columns if c in ("weight", "score", "completion_rate"))
        filled = [value_kind(v.text, self.units) for v in values]
        complete = len([k for k in filled if k != "word"]) >= measures + numbers - filled.count("word")
        if complete or len(values) >= measures + numbers:
            return "deviation_reason" in columns and not self._value_ahead(1) and not row.reason
        if len(squeeze(piece.text)) > _MAX_WORD or re.match(self.vocab.raw["name_prefix"], squeeze(piece.text)):
            return False
        return self._value_ahead(2)

    def _value_ahead(self, depth: int) -> bool:
        """Whether one of the next ``depth`` cells is a value (a word followed by one counts)."""
        for piece in self.ahead[:depth]:
            if piece.glued or label_of(piece.text, self.vocab) is not None:
                return False
            kind = value_kind(piece.text, self.units)
            if kind != "word" or repaired_text(piece.text, kind, self.units, self.vocab.lookalikes) is not None:
                return True  # a value (a figure with OCR look-alike letters is one)
        return False

    def _glued_indicators(self, table: Table, piece: Piece) -> None:
        columns = [c for c in self._value_columns(table) if c not in ("target_operator", "target_unit")]
        columns = ["target" if c == "target_value" else c for c in columns]
        layout = GluedLayout(columns, self.units, tuple(self.vocab.raw["core_values"]), "".join(self.vocab.lookalikes),
                             self._name_tail(table))
        rows, rest, repairs = self._glued_reading(piece, layout)
        self._repaired(table, repairs)
        for name, cells in rows:
            if cells:
                self._store_indicator(table, name, cells)
        for lost in (p for p in rest if not re.search(r"\d", p.text)):  # a figure lost to OCR letters ("IO")
            self.problems.append(Problem(self.section, lost.text, lost.where))
            table.ocr = True
            table.sink.set("incomplete", True)
        self._unread(rest)

    def _name_tail(self, table: Table) -> re.Pattern[str] | None:
        """The 计量单位 and 指标性质 (定量指标) cells a glued name may end with, when the
        heading prints those columns before the values."""
        has_unit, has_nature = ("target_unit" in table.indicator_columns, "target_operator" in table.indicator_columns)
        if not (has_unit or has_nature):
            return None
        unit = "(?:" + "|".join(re.escape(u) for u in self.units) + ")?" if has_unit else ""
        nature = "(?:" + "|".join(re.escape(w) for w in self.vocab.raw["indicator_natures"]) + ")?" if has_nature else ""
        return re.compile(f"{unit}{nature}$")

    def _glued_reading(self, piece: Piece, layout: GluedLayout,
                       ) -> tuple[list[tuple[Piece, dict[str, Piece]]], list[Piece], list[Repair]]:
        """The rows of glued text and its unread rests. Text left unread is read once more
        with the OCR dashes of empty cells (``一``) and word actuals after a placeholder
        target; that reading is kept only when it leaves less unread, its dashes recorded."""
        rows, rest = glued_rows(piece, layout)
        dashes = "".join(self.vocab.raw["ocr_dashes"])
        empty = re.compile(f"[{re.escape(dashes)}]|{PLACEHOLDER}")  # a dash or a placeholder: what the second reading reads
        if not any(re.search(r"\d", p.text) for p in rest) or not empty.search(piece.text):
            return rows, rest, []
        again, left = glued_rows(piece, layout.with_dashes(dashes))
        skipped = re.compile(rf"\d[{re.escape(dashes)}]")  # a dash after a figure left in a name: values skipped
        for name, cells in [(n, c) for n, c in again if c and skipped.search(n.text)]:
            again.remove((name, cells))
            left.append(Piece(" ".join([name.text, *(c.text for c in cells.values())]), name.where))
        if sum(len(p.text) for p in left) >= sum(len(p.text) for p in rest):
            return rows, rest, []
        left.sort(key=lambda p: (p.where.line or 0, p.where.column or 0))  # reported at the first place unread
        repairs = [Repair(col, cell, "—") for _, cells in again for col, cell in cells.items() if cell.text in dashes]
        fixed = [(name, {col: Piece("—", cell.where) if cell.text in dashes else cell for col, cell in cells.items()})
                 for name, cells in again]
        return fixed, left, repairs

    def _unread(self, pieces: list[Piece]) -> None:
        """Report cells that could not be placed; their table is then incomplete."""
        before = len(self.problems)
        unread(self.problems, self.section, pieces)
        if len(self.problems) > before and self.table is not None:
            self.table.sink.set("incomplete", True)

    # -- rows -----------------------------------------------------------------------------
    def _flush(self, table: Table) -> None:
        row, table.row = table.row, None
        if row is None:
            return
        if row.kind == "indicator":
            self._indicator_row(table, row)
        elif row.kind == "total":
            self._total_row(table, row)
        else:
            self._funds_row(table, row)

    def _funds_row(self, table: Table, row: Row) -> None:
        assert row.label is not None
        if not row.values or not table.funds_columns:
            if row.values:
                self._unread([row.label, *row.values])
            return
        label, glued_values = self._split_label(row.label)
        values = glued_values or row.values
        if row.kind == "funds_parts" and all(value_kind(v.text, self.units) == "ph" for v in values):
            return  # a source that does not apply (上年结转资金 - -): no part of the sums
        costs = PART_COST if row.kind == "funds_parts" else None
        if values and values[0].glued:
            text, skip = _lost_lead(values[0].text)
            cells = read_glued(text, [values[0].where.shifted(skip + i) for i in range(len(text))],
                               table.funds_columns, self.units, costs, lost=skip > 0)
            if cells is not None and skip:  # the letters stand for amounts: reported unread
                self.problems.append(Problem(self.section, values[0].text[:skip].strip(), values[0].where))
                table.ocr = True
                table.sink.set("incomplete", True)
        else:
            left: list[Piece] = []
            repairs: list[Repair] = []
            cells = place(values, table.funds_columns, self.units, left, costs, (self.vocab.lookalikes, repairs))
            self._unread(left)
            self._repaired(table, repairs if cells is not None else [])
        if cells is None:
            return self._unread([row.label, *values])
        funds = table.sink.child("funds")
        target = funds.child("total") if row.kind == "funds_total" and "label" not in funds.data.get("total", {}) else funds.append("parts")
        target.set("label", label, row.label.where)
        set_cells(target, cells)

    def _split_label(self, piece: Piece) -> tuple[str, list[Piece]]:
        """A funds label printed with its values in one cell (``年度资金总额: 880 880``)."""
        text = piece.text.strip()
        return re.sub(r"^其中[:：]\s*", "", re.sub(r"[:：]$", "", text)).strip(), []

    def _indicator_row(self, table: Table, row: Row) -> None:
        assert row.label is not None
        values, columns = merge_target_parts(row.values, self._value_columns(table), self.units)
        if not values:
            return
        if all(value_kind(v.text, self.units) == "ph" for v in values):
            return
        left: list[Piece] = []
        repairs: list[Repair] = []
        cells = place(values, columns, self.units, left, repairs=(self.vocab.lookalikes, repairs))
        if cells is None:
            return self._unread([row.label, *values])
        self._unread(left)
        self._repaired(table, repairs)
        self._store_indicator(table, row.label, cells)

    def _repaired(self, table: Table, repairs: list[Repair]) -> None:
        """Record figures read only after their look-alike letters were repaired (BC013)."""
        table.ocr = table.ocr or bool(repairs)
        for repair in repairs:
            entry = table.sink.append("repaired")
            entry.set("printed", repair.printed.text.strip(), repair.printed.where)
            entry.set("read", repair.read)

    def _store_indicator(self, table: Table, name: Piece, cells: dict[str, Piece]) -> None:
        indicator = table.sink.append("indicators")
        table.content = True
        if table.level1:
            indicator.set("level1", table.level1)
        if table.level2:
            indicator.set("level2", table.level2)
        indicator.set("name", name.text.strip(), name.where)
        set_cells(indicator, _adjusted(cells, self.units))

    def _total_row(self, table: Table, row: Row) -> None:
        assert row.label is not None
        values = row.values
        total = table.sink.child("total")
        base = strip_suffixes(squeeze(row.label.text), self.vocab)[0]
        score_only = any(p.search(base) for p in self.vocab.patterns("total_score_only"))
        if len(values) == 1 and values[0].glued and score_only:
            values = [Piece(values[0].text, values[0].where)]
        elif len(values) == 1 and values[0].glued:
            cells = read_glued(values[0].text, [values[0].where.shifted(i) for i in range(len(values[0].text))],
                               ["weight", "score"], self.units)
            if cells is None:
                return self._unread([row.label, *values])
            values = [cells[k] for k in ("weight", "score") if k in cells]
        numbers = [v for v in values if number(v.text) is not None]
        if len(numbers) >= 2 and "weight" not in total.data and not score_only:
            total.set("weight", number(numbers[0].text), numbers[0].where)
        if numbers:
            total.set("score", number(numbers[-1].text), numbers[-1].where)
            if not score_only:  # 总分 ends a table; 自评得分 may stand in its header
                table.mode = "closed"
