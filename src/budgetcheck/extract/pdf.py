"""Read a PDF: text lines joined into paragraphs, and table rows (pdfplumber)."""

from __future__ import annotations

import io
from typing import Any

from .blocks import Block, Cell, Paragraph, Read, Row, Where
from .sections import heading_key
from .tables import table_kind

_ENDS = ("。", "：", "；", "！", "？")


def _tidy(text: str | None) -> str:
    """One cell or line of PDF text, wrapped lines joined (Chinese wraps without a space)."""
    return "".join((text or "").split("\n")).strip()


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page: Any, number: int, first_table: int) -> list[tuple[float, Block]]:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    items: list[tuple[float, Block]] = []
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for line in outside.extract_text_lines():
        text = _tidy(line["text"])
        if text:
            items.append((line["top"], Paragraph(text, Where(f"page {number}"))))
    for offset, table in enumerate(tables):
        label = f"page {number} table {first_table + offset}"
        for row_no, row in enumerate(table.extract(), start=1):
            cells = tuple(  # None marks a grid position covered by a merged cell: drop it
                Cell(_tidy(text), Where(f"{label} row {row_no} cell {col}"))
                for col, text in enumerate(row, start=1)
                if text is not None
            )
            items.append((table.bbox[1] + row_no * 1e-3, Row(cells)))
    items.sort(key=lambda item: item[0])
    return items


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


def read_pdf(data: bytes, source: str = "document.pdf") -> Read:
    """Text paragraphs and table rows of a PDF, in reading order, located by page."""
    import pdfplumber

    blocks: list[Block] = []
    tables_seen = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            items = _page_items(page, number, tables_seen + 1)
            tables_seen += len(page.find_tables())
            blocks.extend(block for _, block in items)
    return Read(_paragraphs(blocks))
