"""A rich table of findings per file, coloured by severity, with a summary line."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..runner import RunResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Render findings as a table grouped by file (rich is imported only here)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, highlight=False, soft_wrap=False)
    for file in run.files:
        if file.error:
            console.print(f"[bold red]{file.error}[/]", markup=True)
            continue
        if not file.findings:
            continue
        table = Table(title=file.source, title_justify="left", show_lines=False, expand=False)
        for column in ("rule", "severity", "location", "message", "expected", "found"):
            table.add_column(column, overflow="fold")
        for f in file.findings:
            severity = f.severity.value + (" (explained)" if f.explained else "")
            table.add_row(
                f"{f.rule} {f.name}",
                f"[{_STYLE[f.severity.value]}]{severity}[/]",
                f"{f.file}:{f.line or 0}:{f.column or 0}",
                f.message(lang),
                f.expected or "",
                f.found or "",
            )
        console.print(table)
    console.print(run.summary_line(lang), markup=False)
