"""One block per finding, as ruff's full format: location and rule, the message wrapped to
the terminal, the printed text with the figure underlined, expected against printed.

Findings are in document order, errors first at one place. Lines never break inside a
code, a rule name or a figure; a long printed line is cut around its figure.
"""

from __future__ import annotations

import re
import shutil
from typing import IO, TYPE_CHECKING

from .cells import cell_width, crop, wrap
from .common import expected_text, wants_color, wants_summary
from .labels import severity_name, word
from .place import document_key, location
from .snippet import Snippet, SnippetReader

if TYPE_CHECKING:
    from ..result import Finding
    from ..result import RunResult

_ANSI = {"error": "1;31", "warning": "33", "info": "36", "bold": "1", "dim": "2"}
INDENT = "  "
READ_AGAIN = (".docx",)  # reading a .docx again for its rows is quick; a PDF is not (at a terminal)
MIN_WIDTH = 40


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if color and text else text


def _verdict(f: Finding, lang: str) -> str:
    """``expected 9.65, printed 10.00`` (or empty when the rule compares no single figure)."""
    parts = []
    if f.expected is not None:
        parts.append(f"{word('expected', lang).lower()} {expected_text(f, lang)}")
    if f.found is not None:
        parts.append(f"{word('printed', lang).lower()} {f.found}")
    return ("，" if lang == "zh" else ", ").join(parts)


def header(f: Finding, lang: str, color: bool) -> list[str]:
    """``file:line:col: BC502 execution-score-mismatch [error]``: its parts never break."""
    label = severity_name(f.severity.value, lang)
    if f.explained:
        label += ("，" if lang == "zh" else ", ") + word("explained", lang)
    return [f"{_paint(location(f, lang), 'bold', color)}:", _paint(f.rule, f.severity.value, color),
            f.name, f"[{label}]"]


def join_parts(parts: list[str], width: int, color: bool) -> list[str]:
    """Parts joined by spaces on lines of at most ``width`` columns (continuations indented)."""
    lines = [parts[0]]
    for part in parts[1:]:
        size = cell_width(part) if not color else cell_width(_strip(part))
        if cell_width(_strip(lines[-1])) + 1 + size <= width:
            lines[-1] += " " + part
        else:
            lines.append(INDENT + part)
    return lines


def _strip(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def snippet_lines(f: Finding, snip: Snippet, width: int, color: bool, lang: str) -> list[str]:
    """The numbered printed line (or row) and, under the figure, ``^^^^`` and the verdict."""
    number = str(snip.line) if snip.line else ""
    gutter = f"{INDENT}{number} │ "
    blank = INDENT + " " * len(number) + " │ "
    before = " │ ".join(snip.parts[: snip.focus])
    joined = " │ ".join(snip.parts)
    offset = len(before) + (3 if snip.focus else 0)
    span = (offset + snip.mark[0], offset + snip.mark[1]) if snip.mark else None
    text, column, size = crop(joined, span, max(width - len(gutter), 10))
    lines = [gutter + text]
    verdict = _verdict(f, lang)
    if span is None:
        return lines + ([blank + verdict] if verdict else [])
    carets = " " * column + _paint("^" * max(size, 1), f.severity.value, color)
    if len(blank) + column + size + 1 + cell_width(verdict) <= width:
        return lines + [f"{blank}{carets} {verdict}".rstrip()]
    return lines + [blank + carets, blank + verdict] if verdict else lines + [blank + carets]


def block(f: Finding, snip: Snippet | None, width: int, color: bool, lang: str) -> list[str]:
    """All lines of one finding."""
    lines = join_parts(header(f, lang, color), width, color)
    lines += [INDENT + line for line in wrap(f.message(lang), width - len(INDENT))]
    if snip is not None:
        lines += snippet_lines(f, snip, width, color, lang)
    else:
        verdict = _verdict(f, lang)  # the place, if any, is in the first line already
        lines += [INDENT + line for line in wrap(verdict, width - len(INDENT))] if verdict else []
    if f.explained:
        lines += [INDENT + line for line in wrap(f"{word('explanation', lang)}{'：' if lang == 'zh' else ': '}{f.explained}", width - len(INDENT))]
    return lines


def terminal_width(width: int | None) -> int:
    """The width to wrap to: the one given, else the terminal's (``COLUMNS``), else 80."""
    return max(width or shutil.get_terminal_size((80, 24)).columns, MIN_WIDTH)


def report(run: RunResult, out: IO[str], lang: str, *, width: int | None = None, color: bool | None = None) -> None:
    """Write one block per finding and per unreadable file, then the summary line.

    ``width``: the columns to fit (None: the terminal's); ``color``: ANSI colours on or off
    (None: as the run says).
    """
    columns = terminal_width(width)
    color = wants_color(run, color)
    reader = SnippetReader(documents=READ_AGAIN)
    for file in run.each():
        if file.error:
            out.write(_paint(file.error, "error", color) + "\n\n")
        for f in sorted(file.findings, key=document_key):
            out.write("\n".join(block(f, reader.snippet(f), columns, color, lang)) + "\n\n")
        out.flush()
    if wants_summary(run):
        out.write(run.summary_line(lang) + "\n")
