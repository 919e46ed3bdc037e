"""A run of paragraphs normalised for the statement grammar, mapped back to the printed text.

The normalised text folds full-width digits and punctuation, converts traditional
characters to simplified ones (OpenCC, character by character so that every character keeps
its place), drops pinyin readings inserted after characters ("學(xué)") and spaces inside
words ("预 算 数"), and joins lines that a PDF broke inside a sentence. Every normalised
character remembers the paragraph and column it came from, so a match maps back to the
printed text and its place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .blocks import Paragraph, Where
from .passage import fold

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN = re.compile(rf"[(（](?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]+[)）]")
_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)](?!\d))")
_ENDS = tuple("。；;！？!?：:")
_CJK = re.compile(r"[\u3400-\u9fff]")
_MIN_BROKEN = 15  # PDF lines broken inside a sentence are full-width lines


@lru_cache(maxsize=1)
def _converter() -> Any:
    """OpenCC's traditional → simplified converter (imported only for traditional text)."""
    from opencc import OpenCC  # type: ignore[import-untyped]  # lazy: only for Chinese text

    try:
        return OpenCC("t2s")
    except Exception:  # the native binding names its configurations by file
        return OpenCC("t2s.json")


def simplified(text: str) -> str:
    """``text`` in simplified characters, one character for one."""
    if not any("\u3400" <= ch <= "\u9fff" for ch in text):
        return text
    converter = _converter()
    whole = converter.convert(text)
    if len(whole) == len(text):
        return str(whole)
    return "".join(str(converter.convert(ch))[:1] or ch for ch in text)


def continues(previous: str, following: str) -> bool:
    """Whether ``following`` goes on the sentence a PDF line break cut in ``previous``."""
    if not previous or previous.endswith(_ENDS) or _HEADING.match(following) or "|" in previous + following:
        return False
    body = _HEADING.sub("", previous)  # a numbered heading's own number is no figure
    return len(previous) >= _MIN_BROKEN and any(ch.isdigit() for ch in body + following[:6])


class Scan:
    """Normalised text of some paragraphs, each character mapped to its printed place."""

    def __init__(self, paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        chars: list[str] = []
        self.origin: list[tuple[int, int]] = []
        for index, paragraph in enumerate(paragraphs):
            if index and not continues(paragraphs[index - 1].text, paragraph.text):
                chars.append("\n")
                self.origin.append((index - 1, len(paragraphs[index - 1].text)))
            self._add(index, paragraph.text, chars)
        self.text = "".join(chars)
        self.used = bytearray(len(self.text))

    def _add(self, index: int, raw: str, chars: list[str]) -> None:
        norm = simplified(fold(raw))
        drop = bytearray(len(norm))
        for found in _PINYIN.finditer(norm):
            drop[found.start() : found.end()] = b"\x01" * (found.end() - found.start())
        for column, ch in enumerate(norm):
            if drop[column]:
                continue
            if ch.isspace() and not (_digit(norm, column - 1) and _digit(norm, column + 1)):
                continue
            chars.append(ch)
            self.origin.append((index, column))

    def where(self, offset: int) -> Where:
        """The printed place of a normalised offset."""
        if not self.origin:
            return Where("?")
        index, column = self.origin[min(max(offset, 0), len(self.origin) - 1)]
        paragraph = self.paragraphs[index]
        return paragraph.where.shifted(column)

    def printed(self, start: int, end: int) -> str:
        """The printed text between two normalised offsets (within one paragraph)."""
        if start >= end:
            return ""
        first, last = self.origin[start], self.origin[end - 1]
        if first[0] != last[0]:
            return self.text[start:end]
        return self.paragraphs[first[0]].text[first[1] : last[1] + 1]

    def use(self, start: int, end: int) -> None:
        """Mark a span as read."""
        self.used[start:end] = b"\x01" * (end - start)


def plain(text: str) -> str:
    """``text`` normalised as the grammar reads it, without the map to the printed text."""
    norm = _PINYIN.sub("", simplified(fold(text)))
    return re.sub(r"(?<!\d)\s+|\s+(?!\d)", "", norm)


def _digit(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isdigit()


def has_cjk(text: str) -> bool:
    """Whether a text holds a Chinese character (a label, not a bare number)."""
    return _CJK.search(text) is not None
