"""The printed text a finding points at: its sentence, table row or YAML line, figure marked.

A .yaml or .txt file is read again (once per file) to take the line of the finding; in a
.txt dump a table row is the run of TAB-prefixed lines around it (one cell per line, the
layout :mod:`budgetcheck.sources.documents.text` reads). A .docx/.pdf finding keeps only its place
label (``table 3 row 5 cell 7``): when the reader is asked to (``documents``), the document
is read again with the extractor's own reader and the block with that label is shown;
a label shared by several blocks (a PDF's ``page 4``) names the one of them that holds the
printed figure, if only one does. Otherwise there is no snippet and the formats print the
place instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.records import Frozen, set_field

if TYPE_CHECKING:
    from ..sources.documents.blocks import Block
    from ..result import Finding

Located = dict[str, list[tuple[tuple[str, ...], int]]]  # place label -> [(block texts, focus)]

LINE_SUFFIXES = (".yaml", ".yml", ".txt")
DOCUMENT_SUFFIXES = (".docx", ".pdf")
_COMMENT = re.compile(r"\s#")  # a YAML comment starts at a '#' after whitespace
_NOTE = re.compile(r"\s*\(printed [^)]*\)$")  # a place label's "(printed 1234元)" note
_READ_LIMIT = 64 * 1024 * 1024  # a file this big was refused by the loader anyway


class Snippet(Frozen):
    """Printed text: ``parts`` (one sentence or line, or a row's cells), figure marked.

    ``mark`` is the (start, end) character span of the offending figure inside
    ``parts[focus]``, or None when the figure could not be found in the text.
    """

    __slots__ = ("line", "parts", "focus", "mark")
    line: int | None  # None for a block of a .docx/.pdf (its place names it)
    parts: tuple[str, ...]
    focus: int
    mark: tuple[int, int] | None

    def __init__(
        self, line: int | None, parts: tuple[str, ...], focus: int = 0, mark: tuple[int, int] | None = None,
    ) -> None:
        set_field(self, "line", line)
        set_field(self, "parts", parts)
        set_field(self, "focus", focus)
        set_field(self, "mark", mark)

    @property
    def is_row(self) -> bool:
        """Whether the text is a table row (several cells)."""
        return len(self.parts) > 1


def _find(text: str, figure: str | None, near: int) -> tuple[int, int] | None:
    """The span of ``figure`` in ``text``, the occurrence nearest to index ``near``."""
    if not figure:
        return None
    starts = []
    start = text.find(figure)
    while start >= 0:
        starts.append(start)
        start = text.find(figure, start + 1)
    if not starts:
        return None
    best = min(starts, key=lambda s: abs(s - near))
    return best, best + len(figure)


def _row(lines: list[str], index: int) -> tuple[list[str], int]:
    """The cells of the TAB-line run holding line ``index`` (0-based), and its cell index."""
    first = index
    while first > 0 and lines[first - 1].startswith("\t"):
        first -= 1
    last = index
    while last + 1 < len(lines) and lines[last + 1].startswith("\t"):
        last += 1
    return [line[1:].strip() for line in lines[first : last + 1]], index - first


class SnippetReader:
    """Reads each file once and gives the snippet of each of its findings.

    ``documents`` lists the suffixes of documents (.docx, .pdf) worth reading again to show
    the printed row of a finding located by a place label.
    """

    def __init__(self, documents: tuple[str, ...] = ()) -> None:
        self.documents = documents
        self._lines: dict[str, list[str] | None] = {}
        self._places: dict[str, Located] = {}

    def lines(self, name: str) -> list[str] | None:
        """The lines of a .yaml/.txt file, or None (other kinds, unreadable, standard input)."""
        if name not in self._lines:
            self._lines[name] = _read_lines(name)
        return self._lines[name]

    def places(self, name: str) -> Located:
        """The blocks of a .docx/.pdf by place label (empty when it cannot be read again)."""
        if name not in self._places:
            self._places[name] = _read_places(name) if name.lower().endswith(self.documents) else {}
        return self._places[name]

    def snippet(self, finding: Finding) -> Snippet | None:
        """The printed text at the finding's line or place, or None when there is none."""
        if not finding.line:
            return self._placed(finding)
        lines = self.lines(finding.file)
        if not lines or finding.line > len(lines):
            return None
        index = finding.line - 1
        raw = lines[index]
        if finding.file.lower().endswith(".txt") and raw.startswith("\t"):
            cells, focus = _row(lines, index)
            return Snippet(finding.line, tuple(cells), focus, _find(cells[focus], finding.found, 0))
        text = _without_comment(raw) if finding.file.lower().endswith((".yaml", ".yml")) else raw.rstrip()
        lead = len(text) - len(text.lstrip())
        near = (finding.column or 1) - 1 - lead
        return Snippet(finding.line, (text.lstrip(),), 0, _find(text.lstrip(), finding.found, near))

    def _placed(self, finding: Finding) -> Snippet | None:
        if not finding.source:
            return None
        blocks = self.places(finding.file).get(_NOTE.sub("", finding.source), [])
        if len(blocks) > 1:
            blocks = [(parts, focus) for parts, focus in blocks if finding.found and finding.found in parts[focus]]
        if len(blocks) != 1:
            return None
        parts, focus = blocks[0]
        return Snippet(None, parts, focus, _find(parts[focus], finding.found, 0))


def located(blocks: list[Block]) -> Located:
    """The blocks by the place label of their paragraph or cells, in document order."""
    from ..sources.documents.blocks import Paragraph

    places: Located = {}
    for block in blocks:
        wheres = [block.where] if isinstance(block, Paragraph) else [cell.where for cell in block.cells]
        texts = (block.text,) if isinstance(block, Paragraph) else tuple(block.texts)
        for focus, where in enumerate(wheres):
            places.setdefault(where.label, []).append((texts, focus))
    return places


def _read_places(name: str) -> Located:
    """A .docx/.pdf read again with the extractor's reader; empty on any failure."""
    path = Path(name)
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".docx":
            from ..sources.documents.docx import read_docx as reader
        else:
            from ..sources.documents.pdf import read_pdf as reader
        return located(reader(data).blocks)
    except Exception:  # noqa: BLE001 - a snippet is shown when it can be; the place is shown anyway
        return {}


def _without_comment(line: str) -> str:
    """A YAML line without its trailing ``# comment`` (a ``#`` inside quotes is kept)."""
    for match in _COMMENT.finditer(line):
        before = line[: match.start()]
        if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
            return before.rstrip()
    return line.rstrip()


def _read_lines(name: str) -> list[str] | None:
    path = Path(name)
    if not name.lower().endswith(LINE_SUFFIXES) or not path.is_file():
        return None
    try:
        if path.stat().st_size > _READ_LIMIT:
            return None
        return path.read_bytes().decode("utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
