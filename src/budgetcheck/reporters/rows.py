"""One flat row per finding, for spreadsheets (csv, xlsx): what a bureau merges into its own
tracking sheet. The column order is fixed (documented in docs/formats.md); headings are in
the chosen language, the message is given in both."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .common import expected_text
from .labels import severity_name, word
from .place import place_label, section_of
from .view import DocumentView, view

if TYPE_CHECKING:
    from ..result import Finding
    from ..result import RunResult

COLUMNS = ("document", "unit", "year", "section", "table", "place", "rule", "name", "severity",
           "message_zh", "message_en", "expected", "printed", "explanation", "data_path")
Row = tuple[str | int | None, ...]


def header(lang: str) -> tuple[str, ...]:
    """The column headings in ``lang``."""
    return tuple(word(key, lang) for key in COLUMNS)


def finding_row(doc: DocumentView, f: Finding, lang: str) -> Row:
    """The row of one finding."""
    from .labels import section_name
    from .place import table_path

    table = table_path(f.path)
    return (
        doc.file, doc.unit, doc.year, section_name(section_of(f.path), lang),
        doc.table_name(table) if table else None, place_label(f, lang), f.rule, f.name,
        severity_name(f.severity.value, lang), f.message_zh, f.message_en, expected_text(f, lang), f.found,
        f.explained, f.path,
    )


def error_row(doc: DocumentView, lang: str) -> Row:
    """The row of a file that could not be checked (its error as the message)."""
    message = doc.error or ""
    return (doc.file, doc.unit, doc.year, None, None, None, None, None, severity_name("error", lang),
            message, message, None, None, None, None)


def rows(run: RunResult, lang: str) -> Iterator[list[Row]]:
    """The rows of each file in turn (a file's rows are yielded together)."""
    for file in run.each():
        doc = view(file)
        found = [finding_row(doc, f, lang) for f in doc.findings]
        yield ([error_row(doc, lang)] if doc.error else []) + found
