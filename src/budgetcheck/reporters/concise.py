"""``path:line:col: CODE [severity] message``, one finding per line."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..runner import RunResult


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write one line per finding and per unreadable file, then a summary line."""
    for file in run.files:
        if file.error:
            out.write(f"{file.error}\n")
        for f in file.findings:
            where = f"{f.file}:{f.line or 0}:{f.column or 0}"
            extra = ""
            if f.expected is not None and f.found is not None:
                extra = f" (expected {f.expected}, found {f.found})"
            mark = " [explained]" if f.explained else ""
            out.write(f"{where}: {f.rule} [{f.severity.value}] {f.message(lang)}{extra}{mark}\n")
    out.write(run.summary_line(lang) + "\n")
