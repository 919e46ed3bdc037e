"""Tables flattened into the running text: one cell per line, ``|`` separators, headers first.

Web pages and PDFs lose a table's grid: its cells come one per line (``合 计 |``, a bare
``|`` for an empty cell or between rows), or every header first and then all the numbers.
A table starts at a title ending in 表 (or at the first ``|`` line) and runs over the short
cell lines after it. Columns are told by their header words (预算数, 决算数, 上年, 增减额,
增减幅度: vocabulary/statements.yaml); rows by their labels; known labels (the "三公" items)
give the 合计/其中 structure. Each row becomes a statement with its cells as figures.
"""

from __future__ import annotations

import re

from ...model.records import Record
from .blocks import Paragraph, Where
from .drafts import Draft, Fig
from .grammar import clean_label
from .passage import yuan_to_wan
from .scan import has_cjk, plain
from .vocab import Vocabulary, vocabulary

MAX_CELL = 26
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_EMPTY = ("", "-", "—", "--", "/")
_ROW_HEADER = re.compile(r"^(?:项目|科目|名称|项目名称)$")
_YEAR = re.compile(r"(\d{4})年")
_UNIT_LINE = re.compile(r"^(?:单位|金额单位)[:：]")


class Cell(Record):
    """One flattened cell: its normalised text and its place."""

    __slots__ = ("text", "where", "bare", "raw")
    text: str
    where: Where
    bare: bool
    raw: str

    def __init__(self, text: str, where: Where, bare: bool = False, raw: str = "") -> None:
        self.text = text
        self.where = where
        self.bare = bare
        self.raw = raw


class TableReading(Record):
    """The statements of one flattened table, and its cells that could not be placed."""

    __slots__ = ("drafts", "unread")
    drafts: list[Draft]
    unread: list[tuple[str, Where]]

    def __init__(self, drafts: list[Draft] | None = None, unread: list[tuple[str, Where]] | None = None) -> None:
        self.drafts = [] if drafts is None else drafts
        self.unread = [] if unread is None else unread


def _norm(text: str) -> str:
    return plain(text).rstrip("|").strip()


def _pipe(p: Paragraph) -> bool:
    """A flattened cell line (``合 计 |`` or a bare ``|``); ``| a | b |`` rows are whole rows."""
    text = p.text.strip()
    return text.endswith("|") and text.count("|") == 1


def _cellish(p: Paragraph) -> bool:
    text = _norm(p.text)
    return _pipe(p) or (len(text) <= MAX_CELL and "。" not in text and not text.endswith(("：", ":")))


def _title(p: Paragraph) -> bool:
    text = _norm(p.text)
    return len(text) <= 60 and text.endswith("表") and "。" not in text


def split_tables(paragraphs: list[Paragraph], section: str = "") -> list[list[Paragraph] | TableReading]:
    """Running text and flattened tables, in order (``section``: the heading above them)."""
    out: list[list[Paragraph] | TableReading] = []
    text: list[Paragraph] = []
    index = 0
    titled = _title(Paragraph(section, Where("?")))  # the heading above is the table's title
    while index < len(paragraphs):
        p = paragraphs[index]
        opens = _title(p) and not (index == 0 and titled)
        if opens or _pipe(p) or (index == 0 and titled and _cellish(p)):
            end = index + 1
            while end < len(paragraphs) and _cellish(paragraphs[end]):
                end += 1
            cells = paragraphs[index + (1 if opens else 0) : end]
            if any(_NUMBER.match(_norm(c.text)) for c in cells):
                if text:
                    out.append(text)
                    text = []
                out.append(read_table(_norm(p.text) if opens else _norm(section), cells))
                index = end
                continue
        text.append(p)
        index += 1
    if text:
        out.append(text)
    return out


def read_table(title: str, paragraphs: list[Paragraph]) -> TableReading:
    """Read one flattened table's cells into statements."""
    yuan = any(_UNIT_LINE.match(_norm(p.text)) and _norm(p.text).endswith(("：元", ":元")) for p in paragraphs)
    cells = [Cell(_norm(p.text), p.where, p.text.strip() == "|", p.text.strip().rstrip("|").strip())
             for p in paragraphs if not _UNIT_LINE.match(_norm(p.text))]
    first = next((i for i, c in enumerate(cells) if _NUMBER.match(c.text)), len(cells))
    header = [c for c in cells[:first] if c.text and not c.bare]
    reader = _Table(vocabulary(), title, yuan)
    measures = [reader.measure(c.text) for c in header]
    named = [m for m in measures if m]
    if len(_unit(measures)) < len(named):  # (预算数, 决算数) repeated: every header first
        return reader.headers_first(header, measures, cells[first:])
    return reader.rows(header, measures, cells[first - 1 if first and header and not measures[-1] else first :])


class _Table:
    def __init__(self, vocab: Vocabulary, title: str, yuan: bool):
        self.v, self.title, self.yuan = vocab, title, yuan
        self.out = TableReading()

    def measure(self, text: str) -> str | None:
        """The column a header names (budget, final, prior, change, rate), if any."""
        if "情况" in text:
            return None
        for name, regex in self.v.columns:
            if regex.search(text):
                return name
        return None

    def _columns(self, header: list[Cell], measures: list[str | None]) -> list[str]:
        named = [(c, m) for c, m in zip(header, measures) if m]
        finals = [c for c, m in named if m == "final" and _YEAR.search(c.text)]
        years = sorted({int(_YEAR.search(c.text)[1]) for c in finals}) if finals else []  # type: ignore[index]
        out = []
        for cell, name in named:
            year = _YEAR.search(cell.text)
            if name == "final" and year and len(years) > 1 and int(year[1]) < years[-1]:
                name = "prior"
            out.append(name)
        return out

    def rows(self, header: list[Cell], measures: list[str | None], cells: list[Cell]) -> TableReading:
        columns = self._columns(header, measures)
        if not columns:
            self._unplaced(cells)
            return self.out
        rows: list[tuple[Cell | None, list[Cell]]] = []
        for cell in cells:
            if cell.text and not _NUMBER.match(cell.text) and cell.text not in _EMPTY:
                rows.append((cell, []))
            elif not rows:
                rows.append((None, [cell]))
            else:
                rows[-1][1].append(cell)
        drafts = [self._row(label, values, columns) for label, values in rows]
        self._structure([d for d in drafts if d is not None])
        return self.out

    def _row(self, label: Cell | None, values: list[Cell], columns: list[str]) -> Draft | None:
        while len(values) > len(columns) and values and values[-1].text in _EMPTY:
            values.pop()
        if len(values) > len(columns):
            self._unplaced(values)
            return None
        text = label.text if label is not None else self.title
        draft = self._draft(clean_label(text), label.where if label else (values[0].where if values else Where("?")))
        draft.printed = clean_label(label.raw) if label is not None else None
        for index, name in enumerate(columns):
            cell = values[index] if index < len(values) else None
            self._set(draft, name, cell, label)
        draft.blank = all(v.text in _EMPTY for v in values)
        return draft

    def _draft(self, label: str, where: Where) -> Draft:
        key = self.v.key(label)
        if key is None and label in ("合计", "总计"):
            key = self.v.key(self.title)
        return Draft(label, where, key=key, table=True)

    def _set(self, draft: Draft, name: str, cell: Cell | None, label: Cell | None) -> None:
        empty = cell is None or cell.text in _EMPTY
        if empty and name in ("change", "rate"):
            return
        where = cell.where if cell is not None else (label.where if label else draft.where)
        text = "0" if empty or cell is None else cell.text
        if self.yuan and not text.endswith("%"):
            text = yuan_to_wan(text)
        figure = Fig(text, where)
        if name == "final":
            draft.amount = figure
        elif name == "budget":
            draft.budget = figure
        else:
            cmp = draft.comparison("vs_prior", "上年", where)
            setattr(cmp, {"prior": "base", "change": "change", "rate": "rate"}[name], figure)

    def headers_first(self, header: list[Cell], measures: list[str | None], numbers: list[Cell]) -> TableReading:
        labels = self._leaves([c for c, m in zip(header, measures) if not m])
        unit = _unit(measures)
        values = [c for c in numbers if _NUMBER.match(c.text)]
        if not unit or len(values) != len(labels) * len(unit):
            self._unplaced(numbers)
            return self.out
        drafts = []
        for index, (text, where) in enumerate(labels):
            draft = self._draft(text, where)
            for offset, name in enumerate(unit):
                self._set(draft, name, values[index * len(unit) + offset], None)
            drafts.append(draft)
        self._structure(drafts)
        return self.out

    def _leaves(self, cells: list[Cell]) -> list[tuple[str, Where]]:
        """Column labels in the order of their numbers: fragments joined, groups expanded."""
        joined: list[tuple[str, Where]] = []
        for cell in cells:
            if joined and (cell.text.startswith(("(", "（")) or (self.v.key(joined[-1][0]) is None and self.v.key(joined[-1][0] + cell.text))):
                joined[-1] = (joined[-1][0] + cell.text, joined[-1][1])
            else:
                joined.append((cell.text, cell.where))
        if len(joined) > 1 and joined[1][0] in ("合计", "总计") and self.v.key(joined[0][0]):
            self.title = joined[0][0]
            joined = joined[1:]
        out: list[tuple[str, Where]] = []
        taken: set[int] = set()
        for index, (text, where) in enumerate(joined):
            if index in taken:
                continue
            out.append((text, where))
            kids = self.v.children.get(self.v.key(text) or "", ())
            for later in range(index + 1, len(joined)):
                other = joined[later][0]
                if kids and (self.v.subtotal.search(other) or self.v.key(other) in kids):
                    taken.add(later)
                    if not self.v.subtotal.search(other):
                        out.append(joined[later])
        return out

    def _structure(self, drafts: list[Draft]) -> None:
        """Nest rows under the known label they are parts of (every part present)."""
        by_key = {d.key: d for d in drafts if d.key}
        nested: set[int] = set()
        for draft in drafts:
            kids = self.v.children.get(draft.key or "", ())
            if kids and all(k in by_key for k in kids) and not all(by_key[k].blank for k in kids):
                for kid in sorted(kids, key=lambda k: drafts.index(by_key[k])):  # printed order
                    part = by_key[kid]
                    part.parent = draft
                    draft.parts.append(part)
                    nested.add(id(part))
        # An empty cell is 0 beside filled ones; a row left wholly empty says nothing.
        self.out.drafts.extend(d for d in drafts if id(d) not in nested and not d.blank)

    def _unplaced(self, cells: list[Cell]) -> None:
        numbers = [c for c in cells if _NUMBER.match(c.text)]
        if numbers:
            self.out.unread.append((" | ".join(c.text for c in cells if c.text)[:80], numbers[0].where))


def _unit(measures: list[str | None]) -> list[str]:
    """The repeating group of measure columns (预算数, 决算数) of a headers-first table."""
    named = [m for m in measures if m]
    for size in range(1, len(named) + 1):
        if len(named) % size == 0 and named == named[:size] * (len(named) // size):
            return named[:size]
    return named


def labelled(text: str) -> bool:
    """Whether a cell holds a label rather than a figure."""
    return has_cjk(text) and not _NUMBER.match(text)
