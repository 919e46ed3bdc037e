"""A section's running text, searched with sentence patterns, remembering what was used.

Patterns run on a normalised copy of the text of the same length (full-width digits and
punctuation folded one character for one), so every match maps back to the raw text as
printed and to the paragraph it came from. Spans that a pattern used are marked; numbers
left in unmarked text are what the extractor reports as not understood.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Decimal, localcontext

from .blocks import Paragraph, Where

NUM = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_FOLD = str.maketrans("０１２３４５６７８９％＋－＝＜＞:;()", "0123456789%+-=<>：；（）")
_QUOTES = str.maketrans("\"'‘’「」『』", "“”“”“”“”")
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
_PERIOD = re.compile(r"(?<=\d)．(?=\d)")
_ANY_NUMBER = re.compile(r"(?<![\d.])\d+(?:[.,]\d+)*")
# Numbers that are not figures: dates and years, list numbering, quantities in names.
_NOT_FIGURES = re.compile(
    r"\d{4}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|^\s*\d+[.、](?!\d)|\n\s*\d+[.、](?!\d)"
)


def fold(text: str) -> str:
    """Normalise ``text`` for matching without changing its length."""
    text = text.translate(_FOLD).translate(_QUOTES)
    text = _PERIOD.sub(".", text)
    marks = {m.start() for m in _THOUSANDS.finditer(text)}
    out = [
        ("," if i in marks else "，") if ch in ",，" else ch
        for i, ch in enumerate(text)
    ]
    return "".join(out)


def pattern(template: str) -> re.Pattern[str]:
    """Compile a sentence pattern; ``#N`` is a number, ``#W`` a money unit, ``#P`` a ``%``."""
    return re.compile(template.replace("#N", NUM).replace("#W", r"\s*万?元").replace("#P", r"\s*%"))


def yuan_to_wan(text: str) -> str:
    """Rewrite an amount printed in 元 as the exact same amount in 万元 (4 more decimals)."""
    body = text.replace(",", "").replace("，", "")
    places = len(body.partition(".")[2]) + 4
    with localcontext() as exact:  # as many digits as printed, however many that is
        exact.prec, exact.Emax, exact.Emin = MAX_PREC, MAX_EMAX, MIN_EMIN
        value = Decimal(body).scaleb(-4).quantize(Decimal(1).scaleb(-places))
    return f"{value:,.{places}f}"


class Passage:
    """The paragraphs of one section joined by newlines, with used-span bookkeeping."""

    def __init__(self, title: str, paragraphs: list[Paragraph]):
        self.title = title
        self.paragraphs = paragraphs
        self.raw = "\n".join(p.text for p in paragraphs)
        self.norm = fold(self.raw)
        self.starts: list[int] = []
        offset = 0
        for paragraph in paragraphs:
            self.starts.append(offset)
            offset += len(paragraph.text) + 1
        self.used = bytearray(len(self.raw))

    # -- locating -------------------------------------------------------------------------
    def where(self, offset: int) -> Where:
        """The source place of a character offset."""
        index = max(i for i, start in enumerate(self.starts) if start <= offset) if self.starts else 0
        if not self.paragraphs:
            return Where("?")
        return self.paragraphs[index].where.shifted(offset - self.starts[index])

    def snippet(self, start: int, end: int, margin: int = 0) -> str:
        """The raw text of a span, widened by ``margin`` characters within its line."""
        lo = max(self.raw.rfind("\n", 0, start) + 1, start - margin)
        line_end = self.raw.find("\n", end)
        hi = min(line_end if line_end >= 0 else len(self.raw), end + margin)
        return self.raw[lo:hi]

    # -- matching -------------------------------------------------------------------------
    def search(self, regex: re.Pattern[str], start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first match at or after ``start`` (and ending before ``end``), marked as used."""
        found = regex.search(self.norm, start, len(self.norm) if end is None else end)
        if found:
            self.use(found.start(), found.end())
        return found

    def finditer(self, regex: re.Pattern[str], start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Every match in a range, each marked as used."""
        for found in regex.finditer(self.norm, start, len(self.norm) if end is None else end):
            self.use(found.start(), found.end())
            yield found

    def use(self, start: int, end: int) -> None:
        """Mark a span as understood."""
        self.used[start:end] = b"\x01" * (end - start)

    def text(self, found: re.Match[str], group: str | int = 0) -> str:
        """The raw (as printed) text of a match group, stripped."""
        return self.raw[found.start(group) : found.end(group)].strip()

    def figure(self, found: re.Match[str], group: str, sign: str = "") -> tuple[str, Where]:
        """A figure as printed (amounts in 元 rewritten in 万元), signed, and where it is."""
        start, end = found.span(group)
        percent = re.match(r"\s*%", self.norm[end : end + 3])
        if percent:
            end += percent.end()
        printed = self.raw[start:end].strip()
        where = self.where(start)
        if not percent and re.match(r"\s*元", self.norm[end : end + 3]):
            where = Where(f"{where.label} (printed {printed}元)", where.line, where.column)
            printed = yuan_to_wan(self.norm[start:end].strip())  # folded: full-width digits, ．and －
        if sign == "-" and not printed.startswith(("-", "－")):
            printed = "-" + printed
        return printed, where

    def sentence_end(self, offset: int) -> int:
        """The offset just past the sentence (。 or line end) that contains ``offset``."""
        stops = [i for i in (self.norm.find("。", offset), self.norm.find("\n", offset)) if i >= 0]
        if not stops:
            return len(self.norm)
        return min(stops) + (1 if self.norm[min(stops)] == "。" else 0)

    def _figures(self) -> list[tuple[int, int]]:
        """Spans of the numbers that are figures (not dates, years or list numbering)."""
        skip = bytearray(len(self.norm))
        for found in _NOT_FIGURES.finditer(self.norm):
            skip[found.start() : found.end()] = b"\x01" * (found.end() - found.start())
        return [m.span() for m in _ANY_NUMBER.finditer(self.norm) if not all(skip[m.start() : m.end()])]

    def read_share(self) -> tuple[int, int]:
        """(figures used by a pattern, figures in the text)."""
        spans = self._figures()
        return sum(1 for a, b in spans if all(self.used[a:b])), len(spans)

    def partly_read(self) -> bool:
        """Whether some paragraph has figures a pattern used beside figures none used."""
        spans = self._figures()
        for index, paragraph in enumerate(self.paragraphs):
            lo, hi = self.starts[index], self.starts[index] + len(paragraph.text)
            read = {all(self.used[a:b]) for a, b in spans if lo <= a < hi}
            if read == {True, False}:
                return True
        return False

    def take_unread(self) -> list[Paragraph]:
        """The paragraphs holding figures none of which a pattern used, marked as used."""
        spans = self._figures()
        out: list[Paragraph] = []
        for index, paragraph in enumerate(self.paragraphs):
            lo, hi = self.starts[index], self.starts[index] + len(paragraph.text)
            inside = [(a, b) for a, b in spans if lo <= a < hi]
            if inside and not any(any(self.used[a:b]) for a, b in inside):
                out.append(paragraph)
                self.use(lo, hi)
        return out

    def leftovers(self) -> list[tuple[str, Where]]:
        """Sentences holding numbers that no pattern used: (snippet, where)."""
        skip = bytearray(self.used)
        for found in _NOT_FIGURES.finditer(self.norm):
            skip[found.start() : found.end()] = b"\x01" * (found.end() - found.start())
        reported: set[int] = set()
        out: list[tuple[str, Where]] = []
        for found in _ANY_NUMBER.finditer(self.norm):
            if all(skip[found.start() : found.end()]):
                continue
            begin = max(self.norm.rfind("。", 0, found.start()), self.norm.rfind("\n", 0, found.start())) + 1
            if begin in reported:
                continue
            reported.add(begin)
            end = self.sentence_end(found.start())
            text = self.raw[begin:end].strip()
            out.append((text if len(text) <= 80 else text[:77] + "…", self.where(found.start())))
        return out
