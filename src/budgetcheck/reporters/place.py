"""Where a finding stands: its place in words (en/zh), its document order, its section.

A finding from a .yaml or .txt has a line; one from a .docx/.pdf has a place label from
extraction (``table 3 row 5 cell 7``, ``paragraph 12``, ``page 4``); a finding may have
neither (then the file alone is its place). Nothing here prints ``:0:0``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model.docinfo import table_of
from ..model.paths import PathError, format_path, parse_path
from .labels import SECTIONS

if TYPE_CHECKING:
    from ..result import Finding

# Place labels written by extract (English) and their Chinese form: (pattern, zh template).
# Patterns, not compiled ones: ``re`` compiles (and caches) them on the first Chinese place,
# so that a run in English does not pay for them at start.
PLACE_ZH: tuple[tuple[str, str], ...] = (
    (r"line (\d+), column (\d+)", r"第 \1 行第 \2 列"),
    (r"line (\d+)", r"第 \1 行"),
    (r"table (\d+) row (\d+) cell (\d+)", r"表 \1 第 \2 行第 \3 格"),
    (r"paragraph (\d+)", r"第 \1 段"),
    (r"page (\d+)", r"第 \1 页"),
    (r"\(printed ([^)]*)\)", r"（原文 \1）"),
)
_SECTION_ORDER = {head: index for index, head in enumerate(SECTIONS)}
_NUMBERS = r"\d+"


def place_label(finding: Finding, lang: str) -> str | None:
    """The finding's place inside its file in words, or None when nothing is known."""
    if finding.source:
        return source_place(finding, lang)
    if finding.line:
        label = f"line {finding.line}" + (f", column {finding.column}" if finding.column else "")
        return translate_place(label, lang)
    return None


def source_place(finding: Finding, lang: str) -> str:
    """The finding's place label in ``lang``: through ``Finding.source_text`` when it has it,
    then :func:`translate_place` for what that leaves in English (a ``(printed …元)`` note)."""
    translate = getattr(finding, "source_text", None)
    text = translate(lang) if callable(translate) else None
    return translate_place(text if isinstance(text, str) else finding.source or "", lang)


def translate_place(label: str, lang: str) -> str:
    """An extraction place label, in Chinese when ``lang`` is zh."""
    if lang != "zh":
        return label
    for pattern, template in PLACE_ZH:
        label = re.sub(pattern, template, label)
    return label


def location(finding: Finding, lang: str = "en") -> str:
    """``file:line:col``, ``file:line``, ``file (table 3 row 5 cell 7)`` or ``file``."""
    if finding.line:
        return f"{finding.file}:{finding.line}" + (f":{finding.column}" if finding.column else "")
    if finding.source:
        place = source_place(finding, lang)
        return f"{finding.file}（{place}）" if lang == "zh" else f"{finding.file} ({place})"
    return finding.file


def section_of(path: str) -> str:
    """The report section (top-level data path key) a data path is in."""
    head = re.match(r"[A-Za-z_][A-Za-z0-9_]*", path)
    return head.group(0) if head else ""


def table_path(path: str) -> str | None:
    """The data path of the table a data path is in (``performance.projects[2]``), if any."""
    try:
        table = table_of(parse_path(path))
    except PathError:
        return None
    return format_path(table) if table is not None else None


def document_key(finding: Finding) -> tuple[object, ...]:
    """Sort key in document order: by line, else by section and place; errors first at a place."""
    if finding.line:
        where: tuple[object, ...] = (0, finding.line, finding.column or 0)
    else:
        numbers = tuple(int(n) for n in re.findall(_NUMBERS, finding.source or ""))
        kind = (finding.source or "").split(" ", 1)[0]
        where = (1, _SECTION_ORDER.get(section_of(finding.path), len(_SECTION_ORDER)), kind, numbers)
    return (finding.file, where, -finding.severity.rank, finding.rule, finding.path)
