"""Load a .txt/.docx/.pdf/.html disclosure straight into a checked report (extract in memory)."""

from __future__ import annotations

from pathlib import Path

from ..load import LoadedReport, SchemaProblem, build_report
from ..decode import DEFAULT_MAX_BYTES
from ..yamltree import Positions
from ...model.paths import DataPath
from .reader import extract_file


def load_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None) -> LoadedReport:
    """Extract a document and validate the data; values keep their source places.

    ``positions`` holds line/column for text dumps (a section's place is its first
    figure's); ``sources`` holds a readable place for every format (``line 21, column 11``,
    ``table 3 row 5 cell 7``, ``page 4 line 12``; an HTML page's source line).
    """
    extraction = extract_file(path, max_bytes, display)
    positions: Positions = {}
    sources: dict[DataPath, str] = {}
    for data_path, where in extraction.origins.items():
        for end in range(len(data_path), 0, -1):
            prefix = data_path[:end]
            if prefix in sources and (where.line is None or prefix in positions):
                break  # an earlier value placed this prefix, and so every shorter one
            if where.line is not None:
                positions.setdefault(prefix, (where.line, where.column or 1))
            sources.setdefault(prefix, where.label)
    loaded = build_report(extraction.data, positions, extraction.source)
    loaded.sources = sources
    loaded.unread = [
        SchemaProblem(problem.section, problem.snippet, problem.where.line, problem.where.column, problem.where.label)
        for problem in extraction.problems
    ]
    return loaded
