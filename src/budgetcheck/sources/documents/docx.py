"""Read a .docx: body paragraphs as text, tables as rows of cells, from the body XML.

The document part is parsed once with the standard library's ElementTree (expat, in C;
no entity is fetched) and walked directly: python-docx's object layer (opening every part,
a proxy object per paragraph, run and cell) cost more than the rest of a .docx run, and
lxml's import alone costs more than ElementTree's parse of the reference document. The
text read is python-docx's ``Paragraph.text`` (runs and hyperlinks; tabs, breaks and
no-break hyphens mapped the same way) with tracked insertions and content controls read
too; a vertically merged cell reads as the cell above it, as python-docx gives it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from ...i18n import Text
from ..errors import InputError
from .blocks import Block, Cell, Paragraph, Read, TableRow, Where, clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PART_BYTES = 64 * 1024 * 1024  # an unpacked document.xml beyond this is a zip bomb, not a report
_RUN_HOLDERS = {f"{W}hyperlink", f"{W}ins", f"{W}smartTag", f"{W}fldSimple", f"{W}customXml"}
_BLOCK_HOLDERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml"}
_RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def _run_text(run: Any) -> Iterator[str]:
    for item in run:
        if item.tag == f"{W}t":
            yield item.text or ""
        elif item.tag == f"{W}br":  # a page or column break is no text, as in python-docx
            yield "" if item.get(f"{W}type") in ("page", "column") else "\n"
        else:
            yield _RUN_TEXT.get(item.tag, "")


def _runs(holder: Any) -> Iterator[Any]:
    for child in holder:
        if child.tag == f"{W}r":
            yield child
        elif child.tag in _RUN_HOLDERS:
            yield from _runs(child)


def paragraph_text(p: Any) -> str:
    """The text of one ``w:p`` (line breaks dropped: Chinese text wraps without a space)."""
    return "".join(text for run in _runs(p) for text in _run_text(run)).replace("\n", "")


def _cell_text(tc: Any) -> str:
    return "".join(clean(paragraph_text(p))[1] for p in tc.findall(f"{W}p"))


def _merge(tc: Any) -> tuple[int, bool]:
    """A cell's width in grid columns, and whether it continues the cell above (vMerge)."""
    properties = tc.find(f"{W}tcPr")
    if properties is None:
        return 1, False
    span, width = properties.find(f"{W}gridSpan"), 1
    value = span.get(f"{W}val") if span is not None else None
    if value and value.isdigit() and 0 < int(value) < 1000:
        width = int(value)
    merge = properties.find(f"{W}vMerge")
    return width, merge is not None and merge.get(f"{W}val", "continue") == "continue"


def _rows(tbl: Any, table_no: int) -> Iterator[TableRow]:
    above: dict[int, str] = {}  # grid column → text of the cell there in the row before
    for row_no, tr in enumerate(tbl.findall(f"{W}tr"), start=1):
        cells: list[Cell] = []
        column, here = 0, {}
        for tc in tr.findall(f"{W}tc"):
            span, continues = _merge(tc)
            text = above.get(column, "") if continues else _cell_text(tc)
            here.update({column + offset: text for offset in range(span)})
            cells.append(Cell(text, Where(f"table {table_no} row {row_no} cell {len(cells) + 1}")))
            column += span
        above = here
        yield TableRow(tuple(cells))


def _body(data: bytes) -> Any:
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("word/document.xml")
            if info.file_size > MAX_PART_BYTES:
                raise ValueError(f"document.xml unpacks to {info.file_size:,} bytes")
            xml = package.read(info)
    except KeyError:
        raise ValueError("no word/document.xml: not a Word document") from None
    body = ElementTree.fromstring(xml).find(f"{W}body")
    if body is None:
        raise ValueError("word/document.xml has no body")
    return body


def _children(holder: Any) -> Iterator[Any]:
    for child in holder:
        if child.tag in _BLOCK_HOLDERS:
            yield from _children(child)
        else:
            yield child


def read_docx(data: bytes, source: str = "document.docx") -> Read:
    """Paragraphs and table rows of a Word document in body order, located by number."""
    if not data.startswith(b"PK"):
        raise InputError(source, Text("input.not_docx"))
    blocks: list[Block] = []
    paragraph_no = table_no = 0
    for child in _children(_body(data)):
        if child.tag == f"{W}p":
            paragraph_no += 1
            text = clean(paragraph_text(child))[1]
            if text:
                blocks.append(Paragraph(text, Where(f"paragraph {paragraph_no}")))
        elif child.tag == f"{W}tbl":
            table_no += 1
            blocks.extend(_rows(child, table_no))
    return Read(blocks)
