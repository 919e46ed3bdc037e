"""Display width and wrapping for mixed Chinese/Latin text on a terminal.

Chinese characters take two columns and may break anywhere; a run of Latin letters,
digits and figure punctuation (a code, a rule name, ``2,310.50``, ``96.47%``) never breaks.
Closing punctuation stays on the line of the word before it.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"\s+|[!-~\u00a0-\u024f−×÷±≤≥]+|.", re.S)
_NO_LINE_START = set("，。、；：？！）》」』】〕,.;:?!)%")
_NO_LINE_END = set("（《「『【〔(“")


def cell_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (wide and full-width characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        glue = tokens and not tokens[-1].isspace() and not token.isspace()
        if glue and (token[0] in _NO_LINE_START or tokens[-1][-1] in _NO_LINE_END):
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken between tokens (a longer token stays whole)."""
    lines: list[str] = []
    line, used = "", 0
    for token in _tokens(" ".join(text.split())):
        size = cell_width(token)
        if token.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def crop(text: str, span: tuple[int, int] | None, width: int) -> tuple[str, int, int]:
    """A window of ``text`` at most ``width`` columns wide that keeps ``span`` whole.

    Returns the window (``…`` where text was cut) and the columns of the span within it.
    """
    start, end = span or (0, 0)
    if cell_width(text) <= width:
        return text, cell_width(text[:start]), cell_width(text[start:end])
    left, right = start, end
    grown = True
    while grown:  # grow around the span, one character each side in turn, while it fits
        grown = False
        if left > 0 and _fits(text, left - 1, right, width):
            left, grown = left - 1, True
        if right < len(text) and _fits(text, left, right + 1, width):
            right, grown = right + 1, True
    prefix = "…" if left > 0 else ""
    window = prefix + text[left:right] + ("…" if right < len(text) else "")
    offset = cell_width(prefix + text[left:start])
    return window, offset, cell_width(text[start:end])


def _fits(text: str, left: int, right: int, width: int) -> bool:
    extra = (1 if left > 0 else 0) + (1 if right < len(text) else 0)
    return cell_width(text[left:right]) + extra <= width
