"""Read a PDF: text lines joined into paragraphs, and table rows (pypdfium2).

Pages are read by ``pdfpage``. A table that ends one page and one that starts the next
are one table broken by the page (Word's default): a header row repeated on the new page
is dropped, and a first row that only continues the cells of the last row before the
break (the row itself was split) is joined to it. A table at the top of a page after a
page that did not end in a table can start with such a fragment whose row is not in the
document (a page excerpt): it is reported as not placed, not read as a row. Page numbers
are page furniture, not text.
"""

from __future__ import annotations

import re
from typing import Any

from ...i18n import Text
from ..errors import InputError
from .blocks import Block, Cell, Paragraph, Read, TableRow, Where
from .pdfgrid import SNAP
from .pdfpage import CellText, PageLine, PageTable, read_page
from .sections import heading_key
from .tables import table_kind

_ENDS = ("。", "：", "；", "！", "？")
_MID_STATEMENT = ("：", "；")  # at the right margin these end a line, not a statement
_NUMBERED = re.compile(r"(?:\d+[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)")
_PAGE_NUMBER = re.compile(r"[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+")
_FIGURE = re.compile(r"[+-]?\d[\d,，]*(?:\.\d+)?\s*(?:%|万?元)?")
_DIGIT = re.compile(r"\d")


class _Table:
    """A table being assembled, possibly over several pages."""

    def __init__(self, number: int, page: int, rows: list[list[CellText]]):
        self.number, self.rows = number, [(page, row) for row in rows]

    def blocks(self) -> list[TableRow]:
        """The table's rows, each cell located by page, table, row and cell."""
        out = []
        for row_no, (page, row) in enumerate(self.rows, start=1):
            label = f"page {page} table {self.number} row {row_no}"
            out.append(TableRow(tuple(Cell(c.text, Where(f"{label} cell {n}")) for n, c in enumerate(row, start=1))))
        return out


def _columns_match(last: list[CellText], first: list[CellText]) -> bool:
    """Both rows have the same cells, edge for edge: they can be two parts of one row."""
    return len(last) == len(first) and all(
        abs(p.x0 - f.x0) <= SNAP and abs(p.x1 - f.x1) <= SNAP for p, f in zip(last, first)
    )


def _fragment(last: list[CellText], first: list[CellText]) -> bool:
    """True when ``first`` only continues cells of ``last``: a row split by the page break.

    Only text that wrapped can go on past a page break, and a figure always fits on one
    line: so the continuation fills only cells that were filled and wrapped before it, and
    leaves empty the cells where ``last`` has its figures.
    """
    if not _columns_match(last, first) or not any(c.text for c in first):
        return False
    pairs = list(zip(last, first))
    continues = all(not f.text or (p.text and p.wrapped) for p, f in pairs)
    short = any(not f.text and _DIGIT.search(p.text) for p, f in pairs)
    return continues and short


def _orphan(first: list[CellText]) -> bool:
    """A first row that looks like the rest of a row whose start is not in the document:
    most cells empty, digits inside text but no cell that is a figure by itself."""
    filled = [c.text for c in first if c.text]
    return (
        0 < len(filled) * 2 < len(first)
        and bool(_DIGIT.search("".join(filled)))
        and not any(_FIGURE.fullmatch(text) for text in filled)
    )


def _continue(table: _Table, page: int, rows: list[list[CellText]]) -> None:
    """Append the rows of the next page's first table to the table the page break cut."""
    rows = list(rows)
    if rows and [c.text for c in rows[0]] == [c.text for c in table.rows[0][1]]:
        rows.pop(0)  # the header row, repeated on the new page
    last = table.rows[-1][1]
    if rows and _columns_match(last, rows[0]) and not any(c.text for c in rows[0]):
        rows.pop(0)  # the rest of a split row held only its cells' padding
    elif rows and _fragment(last, rows[0]):
        joined = [p._replace(text=p.text + f.text) for p, f in zip(last, rows.pop(0))]
        table.rows[-1] = (table.rows[-1][0], joined)
    table.rows.extend((page, row) for row in rows)


def _start(number: int, page: int, rows: list[list[CellText]], at_top: bool,
           unplaced: list[tuple[str, Where]]) -> _Table:
    """A new table; at the top of a page, a first row that continues nothing here is not placed."""
    if at_top and rows and _orphan(rows[0]):
        text = " | ".join(c.text for c in rows[0])
        unplaced.append((text, Where(f"page {page} table {number} row 1")))
        rows = rows[1:]
    return _Table(number, page, rows)


def _text_lines(lines: list[PageLine]) -> list[PageLine]:
    return [line for line in lines if not _PAGE_NUMBER.fullmatch(line.text)]


class _Assembler:
    """Puts each page's lines and tables into blocks in reading order, keeping the last
    table of a page open: the next page may go on with it."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.shape: dict[int, tuple[bool, bool]] = {}  # id(line paragraph) → (wrapped, indented)
        self.unplaced: list[tuple[str, Where]] = []
        self.tables = 0
        self.open: _Table | None = None

    def close(self) -> None:
        """The open table is complete: add its rows."""
        if self.open is not None:
            self.blocks.extend(self.open.blocks())
            self.open = None

    def page(self, number: int, lines: list[PageLine], tables: list[PageTable]) -> None:
        """Add one page (lines numbered after page furniture is dropped)."""
        items: list[tuple[float, int, PageLine | PageTable]] = [
            (line.top, n, line) for n, line in enumerate(lines, start=1)
        ]
        items += [(table.box.top, 0, table) for table in tables]
        items.sort(key=lambda item: (item[0], item[1]))
        left, right = min((line.x0 for line in lines), default=0.0), max((line.x1 for line in lines), default=0.0)
        for index, (_, line_no, item) in enumerate(items):
            if isinstance(item, PageTable):
                self.table(number, item, first=index == 0)
            else:
                self.close()
                paragraph = Paragraph(item.text, Where(f"page {number} line {line_no}"))
                em = max(item.bottom - item.top, 1.0)  # about one character's width
                self.shape[id(paragraph)] = (item.x1 >= right - em, item.x0 > left + em)
                self.blocks.append(paragraph)

    def table(self, number: int, table: PageTable, first: bool) -> None:
        """A table: the rest of the open one when it starts the page, else a new one."""
        if first and self.open is not None:
            _continue(self.open, number, table.rows)
            return
        self.close()
        self.tables += 1
        self.open = _start(self.tables, number, table.rows, first and number > 1, self.unplaced)


def _paragraphs(blocks: list[Block], shape: dict[int, tuple[bool, bool]]) -> list[Block]:
    """Join consecutive PDF text lines into paragraphs: a line goes on in the next unless
    it ends a sentence (。：；！？), or a heading or table title is involved; a line that runs
    to the right margin and ends with ：or ； goes on (主要原因是： wrapped before its
    reason) unless the next line is indented or numbered."""
    out: list[Block] = []
    last_wrapped = False
    for block in blocks:
        previous = out[-1] if out else None
        wrapped, indented = shape.get(id(block), (False, False))
        if (
            isinstance(block, Paragraph)
            and isinstance(previous, Paragraph)
            and (not previous.text.endswith(_ENDS) or (last_wrapped and previous.text.endswith(_MID_STATEMENT)
                                                       and not indented and not _NUMBERED.match(block.text)))
            and heading_key(previous.text, "") is None
            and heading_key(block.text, "") is None
            and table_kind(previous.text) is None
            and table_kind(block.text) is None
        ):
            out[-1] = Paragraph(previous.text + block.text, previous.where)
        else:
            out.append(block)
        last_wrapped = wrapped
    return out


def _open(data: bytes, source: str) -> Any:
    import pypdfium2 as pdfium

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(source, Text("input.not_pdf"))
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(source, Text("input.pdf_encrypted")) from None
        raise InputError(source, Text("input.pdf_damaged", detail=str(exc))) from None


def read_pdf(data: bytes, source: str = "document.pdf") -> Read:
    """Text paragraphs and table rows of a PDF, in reading order, located by page and line."""
    document = _open(data, source)
    assembler = _Assembler()
    try:
        for number in range(1, len(document) + 1):
            page = document[number - 1]
            try:
                lines, tables = read_page(page)
            finally:
                page.close()
            assembler.page(number, _text_lines(lines), tables)
        assembler.close()
    finally:
        document.close()
    return Read(_paragraphs(assembler.blocks, assembler.shape), tuple(assembler.unplaced))
