"""Small helpers shared by reporters: locations, relative URIs, counts per file."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..result import Finding, Severity
from .place import location, place_label

if TYPE_CHECKING:
    from ..result import FileResult


def relative_uri(name: str) -> str:
    """A file name as a relative, ``/``-separated URI (relative to the cwd when inside it)."""
    from pathlib import Path, PurePath  # only the URI formats (SARIF, GitLab) ask for it
    from urllib.parse import quote

    if name.startswith("<"):
        return quote(name)
    path = Path(name)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(PurePath(os.path.normpath(path)).as_posix())


def where(finding: Finding, lang: str = "en") -> str:
    """``file:line:col``, ``file (table 3 row 5 cell 7)`` for a .docx/.pdf, or the file alone."""
    return location(finding, lang)


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


def figures_note(finding: Finding, lang: str) -> str:
    """`` (expected 14, found 15)`` or ``（应为 14，填报 15）``; empty without both figures."""
    if finding.expected is None or finding.found is None:
        return ""
    expected = expected_text(finding, lang)
    if lang == "zh":
        return f"（应为 {expected}，填报 {finding.found}）"
    return f" (expected {expected}, found {finding.found})"


def explained_note(finding: Finding, lang: str, reason: bool = False) -> str:
    """`` [explained]`` / `` [已说明]``, with the explanation itself when ``reason``."""
    if not finding.explained:
        return ""
    label = "已说明" if lang == "zh" else "explained"
    if not reason:
        return f" [{label}]"
    return f" [{label}：{finding.explained}]" if lang == "zh" else f" [{label}: {finding.explained}]"


def severity_tag(finding: Finding, lang: str) -> str:
    """``error`` or 强制性 (the severity as the line formats print it)."""
    return finding.severity.label_zh if lang == "zh" else finding.severity.value


def expected_text(finding: Finding, lang: str) -> str | None:
    """The expected figure for display: words in it (``undefined``) in ``lang`` when the
    finding type can translate them, else as the rule wrote it."""
    translate = getattr(finding, "expected_text", None)
    return translate(lang) if callable(translate) else finding.expected


def wants_summary(run: object) -> bool:
    """Whether the run's summary line is to be written (not under ``-q``)."""
    return bool(getattr(run, "show_summary", True))


def wants_color(run: object, color: bool | None) -> bool:
    """Colour as asked, else as the run says (``--color``, ``NO_COLOR``, a terminal)."""
    return color if color is not None else bool(getattr(run, "color", False))
