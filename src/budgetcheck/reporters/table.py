"""A rich table of findings per file, coloured by severity, with per-file and total counts."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from .common import file_counts, position

if TYPE_CHECKING:
    from ..result import RunResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_HEAD = {
    "en": ("rule", "severity", "line:col", "message", "expected", "found"),
    "zh": ("规则", "级别", "行:列", "说明", "应为", "填报"),
}


def _title(source: str, counts: dict[str, int], lang: str) -> str:
    if lang == "zh":
        return (f"{source}（强制性 {counts['error']}，提示性 {counts['warning']}，"
                f"提示 {counts['info']}，已说明 {counts['explained']}）")
    return (f"{source} ({counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} info, {counts['explained']} explained)")


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Render findings as one table per file (rich is imported only here)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=out, highlight=False, soft_wrap=False, force_terminal=run.color)
    for file in run.each():
        if file.error:
            console.print(f"[bold red]{escape(file.error)}[/]")
            continue
        if not file.findings:
            continue
        table = Table(title=escape(_title(file.source, file_counts(file), lang)), title_justify="left")
        for column in _HEAD["zh" if lang == "zh" else "en"]:
            table.add_column(column, overflow="fold")
        for f in file.findings:
            label = f.severity.label_zh if lang == "zh" else f.severity.value
            if f.explained:
                label += "（已说明）" if lang == "zh" else " (explained)"
            table.add_row(
                escape(f"{f.rule} {f.name}"),
                f"[{_STYLE[f.severity.value]}]{escape(label)}[/]",
                position(f),
                escape(f.message(lang)),
                escape(f.expected_text(lang) or ""),
                escape(f.found or ""),
            )
        console.print(table)
    if run.show_summary:
        console.print(run.summary_line(lang), markup=False)
