"""The layout-neutral form every reader produces: paragraphs and table rows, in order.

A .txt dump, a .docx, a PDF and an HTML page all become a list of :class:`Paragraph` and :class:`TableRow`
blocks; each piece of text remembers where it was (:class:`Where`) so that an extracted
figure can be traced back to its line, table cell or page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

# Leading whitespace and Word artefacts that text dumps carry along ("[bookmark: _GoBack]").
_LEAD = re.compile(r"[\s\u3000]*(?:\[bookmark:[^\]]*\][\s\u3000]*)*")


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the source document: a human label, and line/column for text files."""

    label: str
    line: int | None = None
    column: int | None = None

    def shifted(self, offset: int) -> Where:
        """The place ``offset`` characters further along the same line or paragraph."""
        if self.line is None or self.column is None:
            return self
        column = self.column + offset
        return replace(self, column=column, label=f"line {self.line}, column {column}")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph (or one line of a PDF) of running text."""

    text: str
    where: Where


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell's text."""

    text: str
    where: Where


@dataclass(frozen=True, slots=True)
class TableRow:
    """One table row: its cells left to right (merged cells appear once)."""

    cells: tuple[Cell, ...]

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
