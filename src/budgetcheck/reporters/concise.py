"""``path:line:col: CODE [severity] message``, one finding per line (like ruff's concise)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from .common import explained_note, figures_note, severity_tag, wants_summary, where

if TYPE_CHECKING:
    from ..result import RunResult


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write one line per finding and per unreadable file, then a summary line."""
    for file in run.each():
        if file.error:
            out.write(f"{file.error}\n")
        for f in file.findings:
            out.write(f"{where(f, lang)}: {f.rule} [{severity_tag(f, lang)}] {f.message(lang)}"
                      f"{figures_note(f, lang)}{explained_note(f, lang)}\n")
    if wants_summary(run):
        out.write(run.summary_line(lang) + "\n")
