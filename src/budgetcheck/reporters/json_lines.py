"""JSON Lines: one JSON object per finding (the ``json`` format's finding, plus ``file``),
flushed after each file so a pipe sees each file's findings as soon as it is checked.
An unreadable file is one object with ``error``; the last line is the run's summary."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from ..result import Severity
from .json_report import finding_dict

if TYPE_CHECKING:
    from ..result import RunResult


def _line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write one line per finding and per unreadable file, then ``{"summary": …}``."""
    for file in run.each():
        if file.error:
            out.write(_line({"type": "error", "file": file.source, "error": file.error}))
        for finding in file.findings:
            out.write(_line({"type": "finding", "file": file.source, **finding_dict(finding)}))
        out.flush()
    totals = run.totals()
    summary = {"files": totals.files, **{s.value: totals.unexplained[s] for s in Severity},
               "explained": totals.explained, "could_not_check": totals.invalid,
               "exit_code": run.exit_code()}
    out.write(_line({"type": "summary", **summary}))
