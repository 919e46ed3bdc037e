"""The layout-neutral form every reader produces: paragraphs and table rows, in order.

A .txt dump, a .docx, a PDF and an HTML page all become a list of :class:`Paragraph` and :class:`TableRow`
blocks; each piece of text remembers where it was (:class:`Where`) so that an extracted
figure can be traced back to its line, table cell or page.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...model.records import Frozen, replace, set_field

# Leading whitespace and Word artefacts that text dumps carry along ("[bookmark: _GoBack]").
_LEAD = re.compile(r"[\s\u3000]*(?:\[bookmark:[^\]]*\][\s\u3000]*)*")


class Where(Frozen):
    """A place in the source document: a human label, and line/column for text files."""

    __slots__ = ("label", "line", "column")
    label: str
    line: int | None
    column: int | None

    def __init__(self, label: str, line: int | None = None, column: int | None = None) -> None:
        set_field(self, "label", label)
        set_field(self, "line", line)
        set_field(self, "column", column)

    def shifted(self, offset: int) -> Where:
        """The place ``offset`` characters further along the same line or paragraph."""
        if self.line is None or self.column is None:
            return self
        column = self.column + offset
        return replace(self, column=column, label=f"line {self.line}, column {column}")


class Paragraph(Frozen):
    """One paragraph (or one line of a PDF) of running text."""

    __slots__ = ("text", "where")
    text: str
    where: Where

    def __init__(self, text: str, where: Where) -> None:
        set_field(self, "text", text)
        set_field(self, "where", where)


class Cell(Frozen):
    """One table cell's text."""

    __slots__ = ("text", "where")
    text: str
    where: Where

    def __init__(self, text: str, where: Where) -> None:
        set_field(self, "text", text)
        set_field(self, "where", where)


class TableRow(Frozen):
    """One table row: its cells left to right (merged cells appear once)."""

    __slots__ = ("cells",)
    cells: tuple[Cell, ...]

    def __init__(self, cells: tuple[Cell, ...]) -> None:
        set_field(self, "cells", cells)

    @property
    def texts(self) -> list[str]:
        """The cell texts, stripped."""
        return [cell.text for cell in self.cells]


Block = Paragraph | TableRow


class Read(NamedTuple):
    """What a reader made of a document: its blocks in reading order, and the pieces of
    text with figures it could not place (a table-row fragment after a page break)."""

    blocks: list[Block]
    unplaced: tuple[tuple[str, Where], ...] = ()


def clean(text: str) -> tuple[int, str]:
    """Strip leading artefacts and surrounding whitespace; return (offset of the kept text, text)."""
    start = _LEAD.match(text)
    offset = start.end() if start else 0
    return offset, text[offset:].rstrip()
