"""budgetcheck as a library: read a report, run the rules, get the findings (docs/library.md).

:func:`load` reads a file (.yaml, or a published .txt/.docx/.pdf) keeping each value's line;
:func:`model_of` gives its figures as the public pydantic model; :func:`check` runs every
rule over a loaded report, a file, or a model built in code, and returns the findings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .result import Finding
from .sources.load import LoadedReport, load_report

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .result import FileResult

__all__ = ["Finding", "LoadedReport", "check", "findings", "load", "model_of"]


def load(path: str | Path) -> LoadedReport:
    """Read a report file; input that cannot be read raises ``budgetcheck.sources.load.InputError``."""
    return load_report(path)


def model_of(loaded: LoadedReport) -> BaseModel | None:
    """The loaded report as a public ``budgetcheck.model.Report``, or None when it did not validate."""
    if loaded.report is None:
        return None
    from .model.public import to_public

    return to_public(loaded.report)


def check(report: LoadedReport | BaseModel | str | Path, *, profile: str | None = None) -> FileResult:
    """Run every rule over a report: its findings (schema problems are findings of BC001).

    ``report`` is a loaded report, a file path, or a ``budgetcheck.model.Report`` built or
    validated in code (its findings then carry no line numbers). ``profile`` names a scoring
    profile (default: the report's ``profile`` key, else ``national``).
    """
    from .checks.engine import check_report, resolve_profile

    loaded = report if isinstance(report, LoadedReport) else _loaded(report)
    chosen = resolve_profile(loaded, profile) if loaded.report is not None else None
    return check_report(loaded, profile=chosen)


def findings(report: LoadedReport | BaseModel | str | Path, *, profile: str | None = None) -> list[Finding]:
    """The findings of :func:`check`, explained ones left out."""
    return [finding for finding in check(report, profile=profile).findings if not finding.explained]


def _loaded(report: Any) -> LoadedReport:
    if isinstance(report, (str, Path)):
        return load(report)
    from .model.report import Report
    from .model.types import Base

    record = report if isinstance(report, Base) else Report.model_validate(report.model_dump(mode="json"))
    return LoadedReport(source="<model>", report=record, positions={})  # the checks read the records
