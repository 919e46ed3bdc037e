"""What the human formats (html, csv, xlsx) show of one file: its document facts, counts,
verdict, and its findings in document order grouped by section and table."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from ..model.records import Frozen, set_field
from ..result import Severity
from .common import file_counts
from .labels import VERDICTS, pick, section_name
from .place import document_key, section_of, table_path

if TYPE_CHECKING:
    from ..model.docinfo import DocumentInfo
    from ..result import FileResult
    from ..result import Finding


class Group(Frozen):
    """Consecutive findings of one section (and one table of it, when it has tables)."""

    __slots__ = ("section", "section_name", "table", "table_name", "findings")
    section: str
    section_name: str
    table: str | None
    table_name: str | None
    findings: tuple[Finding, ...]

    def __init__(
        self, section: str, section_name: str, table: str | None, table_name: str | None,
        findings: tuple[Finding, ...],
    ) -> None:
        set_field(self, "section", section)
        set_field(self, "section_name", section_name)
        set_field(self, "table", table)
        set_field(self, "table_name", table_name)
        set_field(self, "findings", findings)


class DocumentView(Frozen):
    """One checked (or unreadable) file as the human formats show it."""

    __slots__ = ("file", "info", "counts", "verdict", "error", "findings")
    file: str
    info: DocumentInfo | None
    counts: dict[str, int]
    verdict: str
    error: str | None
    findings: tuple[Finding, ...]

    def __init__(
        self, file: str, info: DocumentInfo | None, counts: dict[str, int], verdict: str, error: str | None,
        findings: tuple[Finding, ...],
    ) -> None:
        set_field(self, "file", file)
        set_field(self, "info", info)
        set_field(self, "counts", counts)
        set_field(self, "verdict", verdict)
        set_field(self, "error", error)
        set_field(self, "findings", findings)

    @property
    def unit(self) -> str | None:
        """The unit's name as printed, when the report could be read."""
        return self.info.unit if self.info else None

    @property
    def year(self) -> int | None:
        """The year the report covers."""
        return self.info.year if self.info else None

    def verdict_text(self, lang: str) -> str:
        """The verdict in words."""
        return pick(VERDICTS[self.verdict], lang)

    def table_name(self, table: str | None) -> str | None:
        """The printed name of a table, or its data path when the report does not name it."""
        if table is None:
            return None
        return (self.info.table_name(table) if self.info else None) or table

    def groups(self, lang: str) -> list[Group]:
        """The findings by section and table, in document order."""
        def key(f: Finding) -> tuple[str, str | None]:
            return section_of(f.path), table_path(f.path)

        return [
            Group(section, section_name(section, lang), table, self.table_name(table), tuple(items))
            for (section, table), items in groupby(self.findings, key=key)
        ]


def verdict(file: FileResult, counts: dict[str, int]) -> str:
    """``unreadable``, ``fail`` (errors), ``review`` (warnings only) or ``pass``."""
    if file.error or file.invalid:
        return "unreadable"
    if counts[Severity.ERROR.value]:
        return "fail"
    return "review" if counts[Severity.WARNING.value] else "pass"


def view(file: FileResult) -> DocumentView:
    """The document view of one file result (``document`` facts when the engine kept them)."""
    counts = file_counts(file)
    return DocumentView(
        file=file.source,
        info=getattr(file, "document", None),
        counts=counts,
        verdict=verdict(file, counts),
        error=file.error,
        findings=tuple(sorted(file.findings, key=document_key)),
    )
