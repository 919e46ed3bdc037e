"""``path:line:col: CODE [severity] message``, one finding per line (like ruff's concise)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from .common import where

if TYPE_CHECKING:
    from ..result import RunResult


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write one line per finding and per unreadable file, then a summary line."""
    for file in run.each():
        if file.error:
            out.write(f"{file.error}\n")
        for f in file.findings:
            extra = ""
            if f.expected is not None and f.found is not None:
                expected = f.expected_text(lang)
                extra = f" (expected {expected}, found {f.found})" if lang != "zh" else f"（应为 {expected}，填报 {f.found}）"
            mark = (" [explained]" if lang != "zh" else " [已说明]") if f.explained else ""
            out.write(f"{where(f)}: {f.rule} [{f.severity.label(lang)}] {f.message(lang)}{extra}{mark}\n")
    if run.show_summary:
        out.write(run.summary_line(lang) + "\n")
