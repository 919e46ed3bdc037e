"""Small helpers shared by reporters: locations, relative URIs, counts per file."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..findings import Finding, Severity
from .place import location, place_label

if TYPE_CHECKING:
    from ..engine import FileResult


def relative_uri(name: str) -> str:
    """A file name as a relative, ``/``-separated URI (relative to the cwd when inside it)."""
    if name.startswith("<"):
        return quote(name)
    path = Path(name)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(PurePath(os.path.normpath(path)).as_posix())


def where(finding: Finding) -> str:
    """``file:line:col``, ``file (table 3 row 5 cell 7)`` for a .docx/.pdf, or the file alone."""
    return location(finding)


def position(finding: Finding, lang: str = "en") -> str:
    """``line:col``, the place in the source document when there are no lines, or ``-``."""
    if finding.line:
        return f"{finding.line}:{finding.column}" if finding.column else str(finding.line)
    return place_label(finding, lang) or "-"


def file_counts(file: FileResult) -> dict[str, int]:
    """Unexplained findings of each severity, and the explained ones, for one file."""
    counts = {severity.value: 0 for severity in Severity}
    counts["explained"] = 0
    for finding in file.findings:
        counts["explained" if finding.explained else finding.severity.value] += 1
    return counts


def status(file: FileResult) -> str:
    """``checked``, ``invalid`` (schema errors) or ``unreadable`` (not a report at all)."""
    if file.error:
        return "unreadable"
    return "invalid" if file.invalid else "checked"
