"""Split the running text into the template's sections by their headings.

Headings are recognised by the template's fixed words, not by their numbering, because
local templates number them differently (``一、`` / ``（一）`` / ``1.`` / none).
"""

from __future__ import annotations

import re

from ...model.records import Record
from .blocks import Paragraph
from .passage import fold

_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))\s*"
)
_CHINESE_NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")
_FIGURE_HINT = re.compile(r"\d\s*(?:万?元|%|人|辆)")
MAX_HEADING = 40

# (section key, words that must all occur, words that must not) — most specific first.
_KEYS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("prose", ("名词解释",), ()),
    ("prose", ("决算报表",), ()),
    ("prose", ("其他需", "说明"), ()),
    ("prose", ("主要职能",), ()),
    ("prose", ("单位职能",), ()),
    ("container", ("单位概况",), ()),
    ("unit", ("机构设置",), ()),
    ("unit", ("人员情况",), ()),
    ("government_fund", ("政府性基金",), ()),
    ("state_capital", ("国有资本经营",), ()),
    ("three_public", ("三公",), ()),
    ("basic_expenditure", ("基本支出",), ()),
    ("general_budget.structure", ("一般公共预算", "结构"), ()),
    ("general_budget.detail", ("一般公共预算", "具体"), ()),
    ("general_budget", ("一般公共预算",), ()),
    ("fiscal", ("财政拨款收入支出",), ()),
    ("income_expenditure", ("收入支出决算总体",), ()),
    ("income_expenditure", ("收入支出总体",), ()),
    ("income", ("收入决算",), ()),
    ("expenditure", ("支出决算",), ("收入",)),
    ("container", ("其他重要事项",), ()),
    ("operating_costs", ("机关运行经费",), ()),
    ("operating_costs", ("公用经费",), ()),
    ("procurement", ("政府采购",), ()),
    ("assets", ("国有资产",), ()),
    ("performance", ("绩效",), ()),
    ("container", ("决算情况说明",), ()),
]
# Sub-headings inside 一般公共预算财政拨款支出 that carry only one word of their own.
_SUBSECTIONS = {"总体": "general_budget", "结构": "general_budget.structure", "具体": "general_budget.detail"}


class Section(Record):
    """A heading and the paragraphs under it."""

    __slots__ = ("key", "heading", "paragraphs")
    key: str
    heading: Paragraph | None
    paragraphs: list[Paragraph]

    def __init__(self, key: str, heading: Paragraph | None, paragraphs: list[Paragraph] | None = None) -> None:
        self.key = key
        self.heading = heading
        self.paragraphs = [] if paragraphs is None else paragraphs

    @property
    def title(self) -> str:
        """The heading text (or the section key when there is none)."""
        return self.heading.text if self.heading else self.key


def heading_key(text: str, current: str) -> str | None:
    """The section a paragraph opens, or None when it is running text."""
    folded = fold(text)
    if current == "prose.part" and not folded.startswith("第"):
        return None
    if "《" in folded or len(folded) > MAX_HEADING or _FIGURE_HINT.search(folded) or folded.rstrip().endswith(("。", "；")):
        return None
    numbered = _CHINESE_NUMBERING.match(folded) is not None
    body = _NUMBERING.sub("", folded)
    if current.startswith("general_budget"):
        for word, key in _SUBSECTIONS.items():
            if word in body and ("情况" in body or numbered):
                return key
    for key, need, avoid in _KEYS:
        if all(w in body for w in need) and not any(w in body for w in avoid):
            if numbered or "说明" in body or "情况" in body or key in ("prose", "container"):
                return key
    return "unknown" if numbered and "，" not in folded else None


def split_sections(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Section]]:
    """The paragraphs before the first heading, and the sections in document order."""
    preamble: list[Paragraph] = []
    sections: list[Section] = []
    for paragraph in paragraphs:
        key = heading_key(paragraph.text, sections[-1].key if sections else "")
        if key == "prose" and fold(paragraph.text).startswith("第"):
            key = "prose.part"  # a whole part of definitions or table lists: no headings inside
        if key is not None:
            sections.append(Section(key, paragraph))
        elif sections:
            sections[-1].paragraphs.append(paragraph)
        else:
            preamble.append(paragraph)
    return preamble, sections
