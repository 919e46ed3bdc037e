"""Read a .docx: body paragraphs as text, tables as rows of cells (python-docx)."""

from __future__ import annotations

import io
from typing import Any

from .blocks import Block, Cell, Paragraph, Row, Where, clean


def _cell_text(cell: Any) -> str:
    return "".join(clean(p.text)[1] for p in cell.paragraphs)


def _row(row: Any, table_no: int, row_no: int) -> Row:
    cells: list[Cell] = []
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a horizontally merged cell is listed once per grid column
            continue
        seen.add(id(cell._tc))
        label = f"table {table_no} row {row_no} cell {len(cells) + 1}"
        cells.append(Cell(_cell_text(cell), Where(label)))
    return Row(tuple(cells))


def read_docx(data: bytes) -> list[Block]:
    """Paragraphs and table rows of a Word document in body order, located by number."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = Document(io.BytesIO(data))
    blocks: list[Block] = []
    paragraph_no = table_no = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph_no += 1
            text = clean(DocxParagraph(child, document).text.replace("\n", ""))[1]
            if text:
                blocks.append(Paragraph(text, Where(f"paragraph {paragraph_no}")))
        elif child.tag == qn("w:tbl"):
            table_no += 1
            table = Table(child, document)
            blocks.extend(_row(row, table_no, index) for index, row in enumerate(table.rows, start=1))
    return blocks
