"""A rich table of findings per file, coloured by severity, with per-file and total counts."""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING

from .cells import cell_width
from .common import expected_text, file_counts, position, wants_color, wants_summary
from .place import document_key

if TYPE_CHECKING:
    from rich.table import Table

    from ..result import FileResult
    from ..result import Finding
    from ..result import RunResult

WIDE = 120  # below this many columns: names broken at hyphens, expected/printed in one column
NAME_WIDTH = 14  # below WIDE_NAMES columns, rule names break after a hyphen to fit this
WIDE_NAMES = 100

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_HEAD = {
    "en": ("rule", "severity", "place", "message", "expected", "found"),
    "zh": ("规则", "级别", "位置", "说明", "应为", "填报"),
}


def _title(source: str, counts: dict[str, int], lang: str) -> str:
    if lang == "zh":
        return (f"{source}（强制性 {counts['error']}，提示性 {counts['warning']}，"
                f"提示 {counts['info']}，已说明 {counts['explained']}）")
    return (f"{source} ({counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} info, {counts['explained']} explained)")


def _longest_token(texts: list[str]) -> int:
    """Columns of the longest unbreakable token (a figure, a code) in ``texts``."""
    return max((cell_width(token) for text in texts for token in text.split()), default=1)


def hyphen_wrap(name: str, width: int) -> str:
    """A rule name on lines of at most ``width`` columns, broken only after its hyphens."""
    lines: list[str] = []
    for part in re.findall(r"[^-]+-?", name):
        if lines and len(lines[-1]) + len(part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return "\n".join(lines)


def _figures(f: Finding, lang: str, narrow: bool) -> list[str]:
    """The expected and printed cells; one cell holding both on a narrow terminal."""
    if not narrow:
        return [expected_text(f, lang) or "", f.found or ""]
    head = _HEAD["zh" if lang == "zh" else "en"]
    both = [f"{head[4]} {expected_text(f, lang)}" if f.expected else "", f"{head[5]} {f.found}" if f.found else ""]
    return ["\n".join(text for text in both if text)]


def _table(file: FileResult, lang: str, width: int) -> Table:
    from rich.markup import escape
    from rich.table import Table

    findings = sorted(file.findings, key=document_key)
    narrow = width < WIDE
    head = list(_HEAD["zh" if lang == "zh" else "en"])
    table = Table(title=escape(_title(file.source, file_counts(file), lang)), title_justify="left", expand=narrow)
    longest = max((len(f.name) for f in findings), default=8)
    name_width = NAME_WIDTH if width < WIDE_NAMES else longest
    table.add_column(head[0], no_wrap=True, min_width=min(name_width, 12))
    table.add_column(head[1], no_wrap=True)
    table.add_column(head[2], overflow="fold", max_width=16 if narrow else 24)
    table.add_column(head[3], ratio=1, overflow="fold", min_width=12)
    figures = [text for f in findings for text in _figures(f, lang, narrow)]
    for title in (["/".join(head[4:])] if narrow else head[4:]):
        longest = _longest_token(figures)
        table.add_column(title, overflow="fold", min_width=min(longest, 16), max_width=max(longest, 16))
    for f in findings:
        label = f.severity.label_zh if lang == "zh" else f.severity.value
        if f.explained:
            label += "\n（已说明）" if lang == "zh" else "\n(explained)"
        table.add_row(
            f"{escape(f.rule)}\n{escape(hyphen_wrap(f.name, name_width))}",
            f"[{_STYLE[f.severity.value]}]{escape(label)}[/]",
            escape(position(f, lang)),
            escape(f.message(lang)),
            *(escape(text) for text in _figures(f, lang, narrow)),
        )
    return table


def report(run: RunResult, out: IO[str], lang: str, *, width: int | None = None, color: bool | None = None) -> None:
    """Render findings as one table per file, in document order (rich is imported only here).

    ``width`` is the terminal's width (rich measures it when None); ``color`` turns colour
    on or off (None: as the run says).
    """
    from rich.console import Console
    from rich.markup import escape

    color = wants_color(run, color)
    console = Console(file=out, highlight=False, soft_wrap=False, width=width,
                      force_terminal=color, no_color=not color)
    for file in run.each():
        if file.error:
            console.print(f"[bold red]{escape(file.error)}[/]")
            continue
        if file.findings:
            console.print(_table(file, lang, console.width))
    if wants_summary(run):
        console.print(run.summary_line(lang), markup=False)
