"""Read an HTML page: paragraphs of running text and the rows of its data tables (lxml).

Pages are parsed by lxml's HTML parser (libxml2: forgiving of the tag soup government
sites serve, and it keeps each element's source line). Block elements (``<p>``, ``<div>``,
headings, list items) and ``<br>`` end a paragraph; inline markup (``<span>``, ``<font>``,
Word's ``<o:p>``) does not. A ``<table>`` holding another table, or a cell with more than
five paragraphs (a content column beside a menu), or only one cell per row, is page
layout: its cells are read as running text. Any other table is data: one :class:`TableRow` per
``<tr>``, one cell per ``<td>``/``<th>`` as printed (a cell covered by a rowspan or colspan
is not repeated, like a text dump's). Whitespace is collapsed as a browser does, except
that a source line break next to a Chinese character is no space (a wrapped sentence).
Scripts, styles, ``<head>`` and elements hidden with ``display:none`` are not read.
"""

from __future__ import annotations

import re
from typing import Any

from ...i18n import Text
from ..errors import InputError
from .blocks import Block, Cell, Paragraph, Read, TableRow, Where
from .htmltext import decode_html, squash

_SKIP = frozenset({
    "script", "style", "head", "title", "noscript", "template", "iframe", "object", "embed", "select",
    "option", "button", "textarea", "svg", "math", "map", "canvas", "input",
})
_BLOCK = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "section", "article", "header", "footer", "main", "nav", "aside", "center", "pre", "address", "form",
    "fieldset", "figure", "figcaption", "hr", "body", "html", "caption", "details", "summary", "legend",
    "tr", "td", "th", "tbody", "thead", "tfoot",
})
_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# Page layout, not data: a table holding a table, or a cell holding more paragraphs than a
# data cell ever does (the content column beside a site's menu).
MAX_CELL_PARAGRAPHS = 5
_LAYOUT = (
    "//table[.//table or ./tr/td[count(p|div|h1|h2|h3|h4|ul|ol) > $n]"
    " or ./*/tr/td[count(p|div|h1|h2|h3|h4|ul|ol) > $n]]"
)


def _tag(element: Any) -> str:
    tag = element.tag
    return tag if isinstance(tag, str) else ""  # comments and processing instructions


_HIDDEN = "//*[@hidden or contains(translate(@style, 'DISPLAYNOE ', 'displaynoe'), 'display:none')]"


def _remove(element: Any) -> None:
    """Take an element out of the tree, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _prune(root: Any) -> None:
    """Drop what a reader does not see: scripts, styles, the head, hidden elements."""
    from lxml import etree

    etree.strip_elements(root, *_SKIP, with_tail=False)
    for element in root.xpath(_HIDDEN):
        _remove(element)


def _rows(table: Any) -> list[Any]:
    """The ``<tr>`` of this table, not of tables nested in it."""
    rows: list[Any] = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in _SECTIONS:
            rows.extend(row for row in child if _tag(row) == "tr")
    return rows


def _cells(row: Any) -> list[Any]:
    return [cell for cell in row if _tag(cell) in ("td", "th")]


class _Walker:
    """Collects blocks in document order from a parsed page."""

    def __init__(self, layout: set[Any]) -> None:
        self.layout = layout  # the tables that are page layout
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.line: int | None = None
        self.tables = 0

    def text(self, text: str | None, line: int | None) -> None:
        if text:
            if self.line is None and text.strip():
                self.line = line
            self.parts.append(text)

    def flush(self) -> None:
        text = squash("".join(self.parts))
        if text:
            label = f"line {self.line}" if self.line else f"paragraph {len(self.blocks) + 1}"
            self.blocks.append(Paragraph(text, Where(label, self.line)))
        self.parts, self.line = [], None

    def flow(self, element: Any) -> None:
        """Read an element (and its tail) as running text, tables as tables."""
        tag = _tag(element)
        if tag:
            if tag == "br":
                self.flush()
            elif tag == "table":
                self.flush()
                self.table(element)
            else:
                self.inside(element, tag in _BLOCK)
        self.text(element.tail, element.sourceline)

    def inside(self, element: Any, block: bool) -> None:
        if block:
            self.flush()
        self.text(element.text, element.sourceline)
        for child in element:
            self.flow(child)
        if block:
            self.flush()

    def table(self, table: Any) -> None:
        rows = [(row, _cells(row)) for row in _rows(table)]
        for child in table:
            if _tag(child) == "caption":
                self.flow(child)
        if table in self.layout or all(len(cells) <= 1 for _, cells in rows):
            for _, cells in rows:
                for cell in cells:
                    self.inside(cell, True)
            return
        self.tables += 1
        for row_no, (row, cells) in enumerate(rows, start=1):
            if cells:
                self.blocks.append(TableRow(tuple(self.cell(cell, row_no, n) for n, cell in enumerate(cells, 1))))

    def cell(self, cell: Any, row_no: int, column: int) -> Cell:
        """One data cell: all its text, its lines and paragraphs joined as running text is
        (no space next to a Chinese character, one space between two figures)."""
        for inner in cell.iterdescendants():
            if _tag(inner) in _BLOCK:  # a line of its own: apart from the text before and after
                inner.text = "\n" + (inner.text or "")
            if _tag(inner) == "br" or _tag(inner) in _BLOCK:
                inner.tail = "\n" + (inner.tail or "")
        text = squash("".join(cell.itertext()))
        line = cell.sourceline
        label = f"line {line}" if line else f"table {self.tables} row {row_no} cell {column}"
        return Cell(text, Where(label, line))


def read_html(data: bytes, source: str = "page.html") -> Read:
    """Paragraphs and data-table rows of an HTML page, located by source line."""
    from lxml import etree

    text = _XML_DECLARATION.sub("", decode_html(data, source), count=1)
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    root = etree.fromstring(text, parser) if text.strip() else None
    walker = _Walker(set(root.xpath(_LAYOUT, n=MAX_CELL_PARAGRAPHS)) if root is not None else set())
    if root is not None:
        _prune(root)
        walker.flow(root)
        walker.flush()
    if not walker.blocks:
        raise InputError(source, Text("input.html_empty"))
    return Read(walker.blocks)
