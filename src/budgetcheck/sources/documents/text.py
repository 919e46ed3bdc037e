"""Read the text dump layout: paragraphs as lines, table cells as TAB-prefixed lines.

In the dump a table row is a run of lines that each start with a TAB (one cell per line,
an empty cell is a bare TAB) and ends at the first line that does not; every other
non-blank line is a paragraph.
"""

from __future__ import annotations

from ..decode import decode_report
from .blocks import Block, Cell, Paragraph, Read, TableRow, Where, clean


def read_text_dump(text: str) -> list[Block]:
    """Split dump text into paragraphs and table rows, each located by line and column."""
    blocks: list[Block] = []
    cells: list[Cell] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("\t"):
            offset, value = clean(raw[1:])
            cells.append(Cell(value, Where(f"line {number}", number, offset + 2)))
            continue
        if cells:
            blocks.append(TableRow(tuple(cells)))
            cells = []
        offset, value = clean(raw)
        if value:
            blocks.append(Paragraph(value, Where(f"line {number}", number, offset + 1)))
    if cells:
        blocks.append(TableRow(tuple(cells)))
    return blocks


def read_txt(data: bytes, source: str) -> Read:
    """The blocks of a text dump given as bytes (UTF-8 or GB18030)."""
    return Read(read_text_dump(decode_report(data, source, len(data))))
