"""One stable JSON document per run (shape documented in the README, ``schema_version`` 1)."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from .. import __version__
from ..result import Finding, Severity
from .common import file_counts, status

if TYPE_CHECKING:
    from ..result import RunResult

SCHEMA_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    """A finding as plain JSON values."""
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity.value,
        "message": {"en": f.message_en, "zh": f.message_zh},
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "source": f.source,
        "expected": f.expected,
        "found": f.found,
        "interval": f.interval,
        "related": list(f.related),
        "explained": f.explained,
    }


def document(run: RunResult) -> dict[str, Any]:
    """The whole run as one JSON-ready mapping."""
    files: list[dict[str, Any]] = [
        {
            "path": file.source,
            "status": status(file),
            "error": file.error,
            "counts": file_counts(file),
            "findings": [finding_dict(f) for f in file.findings],
        }
        for file in run.each()
    ]
    totals = run.totals()  # complete once every file has been read
    counts = totals.unexplained
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "budgetcheck", "version": __version__},
        "files": files,
        "summary": {
            "files": totals.files,
            "error": counts[Severity.ERROR],
            "warning": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "explained": totals.explained,
            "baselined": run.baselined,
            "could_not_check": totals.invalid,
            "fail_on": run.fail_on.value,
            "exit_code": run.exit_code(),
        },
    }


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write the run as one indented JSON document (both languages are always included)."""
    out.write(json.dumps(document(run), ensure_ascii=False, indent=2) + "\n")
