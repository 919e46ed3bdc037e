"""Self-evaluation tables (绩效自评表) printed as text: any layout, read by their own words.

``read_tables`` takes the running-text paragraphs of a document; when they hold a
self-evaluation table (a title, a funds heading and an indicator heading), the paragraphs
from the title on are read as table cells (``cells``), the cells as rows and columns by the
vocabulary (``vocabulary.yaml``, ``parse``), and the rest is returned for the narrative
readers. Supported layouts: docs/selfeval.md.
"""

from __future__ import annotations

import re
from typing import Any

from ..blocks import Paragraph
from ..sink import Problem, Sink
from .cells import glued_cells, is_glued, layout_cells
from .parse import TableParser
from .vocab import squeeze, vocabulary

# Front matter of a text file ("SOURCE: ...", "LAYOUT: ..."): Latin keys, not table text.
_FRONT_MATTER = re.compile(r"^[A-Z][A-Z_ ]{1,20}:")


def holds_table(paragraphs: list[Paragraph]) -> bool:
    """Whether running text holds a self-evaluation table (title, funds and indicator words)."""
    text = squeeze("".join(p.text for p in paragraphs if not _FRONT_MATTER.match(p.text)))
    return "自评" in text and "指标" in text and bool(re.search(r"预算数|执行数|执行率", text))


def read_tables(paragraphs: list[Paragraph], root: Sink, problems: list[Problem]) -> list[Paragraph]:
    """Read the self-evaluation tables of running text into ``root``; return the paragraphs
    before the first table (the rest of the document is the tables)."""
    if not holds_table(paragraphs):
        return paragraphs
    vocab = vocabulary()
    titles = vocab.patterns("titles")
    start = next((i for i, p in enumerate(paragraphs) if not _FRONT_MATTER.match(p.text)
                  and any(t.search(squeeze(p.text)) for t in titles) and (len(squeeze(p.text)) <= 60 or is_glued(p, vocab))), None)
    if start is None:
        return paragraphs
    run = [p for p in paragraphs[start:] if not _FRONT_MATTER.match(p.text)]
    glued = any(is_glued(p, vocab) for p in run)
    pieces = glued_cells(run, vocab) if glued else layout_cells(run, vocab)
    parser = TableParser(root, vocab, problems)
    parser.read(pieces)
    _unit(parser, root)
    return [p for p in paragraphs[:start] if not _FRONT_MATTER.match(p.text)]


def _unit(parser: TableParser, root: Sink) -> None:
    """The unit of a document that is only tables: 单位名称, else the first table's units."""
    tables: dict[str, Any] = root.data.get("performance", {})
    first: dict[str, Any] = tables.get("unit_table") or next(iter(tables.get("projects", [])), {})
    name = parser.unit_name[0] if parser.unit_name else first.get("implementer") or first.get("department")
    where = parser.unit_name[1].where if parser.unit_name else None
    unit = root.child("unit")
    if name and "name" not in unit.data:
        unit.set("name", name, where)
    if parser.year and "year" not in unit.data:
        unit.set("year", int(parser.year), where)
    if not unit.data:
        del root.data["unit"]
