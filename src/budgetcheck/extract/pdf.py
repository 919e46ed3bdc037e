"""Read a PDF: text lines joined into paragraphs, and table rows (pypdfium2).

Pages are read by ``pdfpage``. A table that ends one page and one that starts the next
are one table broken by the page (Word's default): a header row repeated on the new page
is dropped, and a first row that only continues the cells of the last row before the
break (the row itself was split) is joined to it. A row at the top of a continued table
that looks like such a fragment but cannot be placed (the tables' columns differ) is
reported as not placed. Page numbers are page furniture, not text.
"""

from __future__ import annotations

import re
from typing import Any

from ..loader.errors import InputError
from .blocks import Block, Cell, Paragraph, Read, Row, Where
from .pdfpage import CellText, PageLine, PageTable, read_page
from .sections import heading_key
from .tables import table_kind

_ENDS = ("。", "：", "；", "！", "？")
_PAGE_NUMBER = re.compile(r"[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+")
_FIGURE = re.compile(r"[+-]?\d[\d,，]*(?:\.\d+)?\s*(?:%|万?元)?")
_DIGIT = re.compile(r"\d")


class _Table:
    """A table being assembled, possibly over several pages."""

    def __init__(self, number: int, page: int, rows: list[list[CellText]]):
        self.number, self.rows = number, [(page, row) for row in rows]

    def blocks(self) -> list[Row]:
        out = []
        for row_no, (page, row) in enumerate(self.rows, start=1):
            label = f"page {page} table {self.number} row {row_no}"
            out.append(Row(tuple(Cell(c.text, Where(f"{label} cell {n}")) for n, c in enumerate(row, start=1))))
        return out


def _fragment(last: list[CellText], first: list[CellText]) -> bool:
    """True when ``first`` only continues cells of ``last``: a row split by the page break."""
    if len(last) != len(first) or not any(c.text for c in first):
        return False
    pairs = list(zip(last, first))
    continues = all(not f.text or p.text for p, f in pairs)
    short = any(not f.text and _DIGIT.search(p.text) for p, f in pairs)
    wrapped = any(f.text and p.wrapped for p, f in pairs)
    new_figure = any(f.text and _FIGURE.fullmatch(f.text) and _FIGURE.fullmatch(p.text) for p, f in pairs)
    return continues and short and wrapped and not new_figure


def _continue(table: _Table, page: int, rows: list[list[CellText]], unplaced: list[tuple[str, Where]]) -> None:
    """Append the rows of the next page's first table to the table the page break cut."""
    rows = list(rows)
    if rows and [c.text for c in rows[0]] == [c.text for c in table.rows[0][1]]:
        rows.pop(0)  # the header row, repeated on the new page
    last = table.rows[-1][1]
    if rows and _fragment(last, rows[0]):
        joined = [CellText(p.text + f.text, p.wrapped or f.wrapped) for p, f in zip(last, rows.pop(0))]
        table.rows[-1] = (table.rows[-1][0], joined)
    elif rows and len(rows[0]) != len(last) and any(not c.text for c in rows[0]) \
            and _DIGIT.search("".join(c.text for c in rows[0])):
        text = " | ".join(c.text for c in rows.pop(0))
        unplaced.append((text, Where(f"page {page} table {table.number} row 1")))
    table.rows.extend((page, row) for row in rows)


def _text_lines(lines: list[PageLine]) -> list[PageLine]:
    return [line for line in lines if not _PAGE_NUMBER.fullmatch(line.text)]


def _page_blocks(
    number: int, lines: list[PageLine], tables: list[PageTable], state: dict[str, Any], out: list[Block],
    unplaced: list[tuple[str, Where]],
) -> None:
    """Add one page's paragraphs and tables to ``out`` in reading order."""
    items: list[tuple[float, int, Any]] = [(line.top, n, line) for n, line in enumerate(lines, start=1)]
    items += [(table.box.top, 0, table) for table in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    open_table: _Table | None = state.pop("open", None)
    for index, (_, line_no, item) in enumerate(items):
        if isinstance(item, PageTable):
            if index == 0 and open_table is not None:
                _continue(open_table, number, item.rows, unplaced)
                current = open_table
            else:
                if open_table is not None:
                    out.extend(open_table.blocks())
                state["tables"] += 1
                current = _Table(state["tables"], number, item.rows)
            open_table = None
            if index == len(items) - 1:
                state["open"] = current  # may go on on the next page
            else:
                out.extend(current.blocks())
        else:
            if open_table is not None:
                out.extend(open_table.blocks())
                open_table = None
            out.append(Paragraph(item.text, Where(f"page {number} line {line_no}")))
    if open_table is not None:
        out.extend(open_table.blocks())


def _paragraphs(blocks: list[Block]) -> list[Block]:
    """Join consecutive PDF text lines into paragraphs (a line ending a sentence ends one)."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and isinstance(previous, Paragraph)
            and not previous.text.endswith(_ENDS)
            and heading_key(previous.text, "") is None
            and heading_key(block.text, "") is None
            and table_kind(previous.text) is None
            and table_kind(block.text) is None
        ):
            out[-1] = Paragraph(previous.text + block.text, previous.where)
        else:
            out.append(block)
    return out


def _open(data: bytes, source: str) -> Any:
    import pypdfium2 as pdfium

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(source, "not a PDF (no %PDF header) / 不是 PDF 文件")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(source, "PDF is encrypted (needs a password) / PDF 已加密，无法读取") from None
        raise InputError(source, f"damaged PDF: {exc} / PDF 文件已损坏") from None


def read_pdf(data: bytes, source: str = "document.pdf") -> Read:
    """Text paragraphs and table rows of a PDF, in reading order, located by page and line."""
    document = _open(data, source)
    blocks: list[Block] = []
    unplaced: list[tuple[str, Where]] = []
    state: dict[str, Any] = {"tables": 0}
    try:
        for number in range(1, len(document) + 1):
            page = document[number - 1]
            try:
                lines, tables = read_page(page)
            finally:
                page.close()
            _page_blocks(number, _text_lines(lines), tables, state, blocks, unplaced)
        if "open" in state:
            blocks.extend(state.pop("open").blocks())
    finally:
        document.close()
    return Read(_paragraphs(blocks), unplaced)
