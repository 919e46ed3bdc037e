"""Build the documents the extract tests and the benchmark read: a Word document with the
blocks' paragraphs and real, merged-cell tables, and a PDF rendered from it (reportlab's
built-in CJK font), optionally with rows breaking across pages as Word's do."""

from __future__ import annotations

import io
from typing import Any

from budgetcheck.sources.documents.blocks import Block, Paragraph, TableRow
from budgetcheck.sources.documents.tables import table_kind


def _tables(blocks: list[Block]) -> list[Paragraph | list[TableRow]]:
    """Paragraphs, and runs of rows split into one table per self-evaluation table title."""
    out: list[Paragraph | list[TableRow]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block)
        elif out and isinstance(out[-1], list) and table_kind("".join(block.texts)) is None:
            out[-1].append(block)
        else:
            out.append([block])
    return out


def build_docx(blocks: list[Block]) -> bytes:
    """A Word document with the blocks' paragraphs and tables; short rows become merged cells."""
    import docx

    document = docx.Document()
    for part in _tables(blocks):
        if isinstance(part, Paragraph):
            document.add_paragraph(part.text)
            continue
        width = max(len(row.cells) for row in part)
        table = document.add_table(rows=len(part), cols=width)
        table.style = "Table Grid"
        for row, source in zip(table.rows, part):
            grid, start = row.cells, 0
            for index, text in enumerate(source.texts):  # spread short rows over the grid
                span = width // len(source.cells) + (index < width % len(source.cells))
                cell = grid[start].merge(grid[start + span - 1]) if span > 1 else grid[start]
                cell.text = text
                start += span
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _spans(row: Any) -> list[tuple[str, int]]:
    """(text, grid columns) of each distinct cell of a python-docx row."""
    spans: list[tuple[str, int]] = []
    last = None
    for cell in row.cells:
        if cell._tc is last:
            spans[-1] = (spans[-1][0], spans[-1][1] + 1)
        else:
            spans.append((cell.text, 1))
        last = cell._tc
    return spans


def build_pdf(docx_bytes: bytes, split_rows: bool = False) -> bytes:
    """Render a .docx's paragraphs and tables to PDF with reportlab's built-in CJK font
    (``split_rows``: a row that does not fit breaks across the page, as Word's do)."""
    from docx.oxml.ns import qn
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph as RlParagraph, SimpleDocTemplate, Table
    from xml.sax.saxutils import escape

    import docx

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text_style = ParagraphStyle("text", fontName="STSong-Light", fontSize=8, leading=11, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=6, leading=8, wordWrap="CJK")
    document = docx.Document(io.BytesIO(docx_bytes))
    story: list[Any] = []
    page_width = landscape(A4)[0] - 60
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = DocxParagraph(child, document).text
            if text.strip():
                story.append(RlParagraph(escape(text), text_style))
        elif child.tag == qn("w:tbl"):
            rows = [_spans(row) for row in DocxTable(child, document).rows]
            width = max(sum(n for _, n in row) for row in rows)
            data, commands = [], [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            for y, row in enumerate(rows):
                line: list[Any] = []
                for text, n in row:
                    if n > 1:
                        commands.append(("SPAN", (len(line), y), (len(line) + n - 1, y)))
                    line.extend([RlParagraph(escape(text), cell_style)] + [""] * (n - 1))
                data.append(line)
            story.append(Table(data, colWidths=[page_width / width] * width, style=commands,
                               splitInRow=int(split_rows)))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=30, rightMargin=30).build(story)
    return out.getvalue()
