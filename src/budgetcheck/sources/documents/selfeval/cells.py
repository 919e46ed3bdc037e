"""Text lines of a self-evaluation table → one stream of cells, whatever the layout.

Layouts read: cells separated by ``|`` (one per line or several per line, rows re-broken
anywhere); cells separated by spaces, one row per line; one cell per line or paragraph;
and cells glued without any separator, where only the table's own words (headings, row
labels) mark the boundaries — the glued text between two words is kept as one ``glued``
cell for the table reader to split against the columns it expects there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ....model.figures import is_placeholder
from ....model.records import Frozen, set_field
from ..blocks import Paragraph, Where
from .vocab import LABEL_KINDS, Vocabulary, column_of, label_of, squeeze

_SPACES = re.compile(r"[ \t\u3000]+")
_NUMBERISH = re.compile(r"\d")
_FRACTION = re.compile(r"^\.\d+%?$")
_META = re.compile(r"^[^:：\d]{2,6}[:：]\S")


class Piece(Frozen):
    """One cell of the stream: its text, where it starts, and whether it is glued text."""

    __slots__ = ("text", "where", "glued", "printed")
    text: str
    where: Where
    glued: bool
    printed: str | None
    """The text as printed when the cell is read as another (a heading whose characters an
    OCR layer printed out of order); None when it is read as printed."""

    def __init__(self, text: str, where: Where, glued: bool = False, printed: str | None = None) -> None:
        set_field(self, "text", text)
        set_field(self, "where", where)
        set_field(self, "glued", glued)
        set_field(self, "printed", printed)


def _at(where: Where, offset: int) -> Where:
    return where.shifted(offset) if where.column is not None else where


def _split(paragraph: Paragraph, pattern: re.Pattern[str]) -> list[Piece]:
    pieces, start = [], 0
    for sep in [*pattern.finditer(paragraph.text), None]:
        end = sep.start() if sep else len(paragraph.text)
        chunk = paragraph.text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            pieces.append(Piece(chunk.strip(), _at(paragraph.where, start + lead)))
        start = sep.end() if sep else end
    return pieces


def is_word(text: str, vocab: Vocabulary) -> bool:
    """Whether a text is a heading or label of the table."""
    return label_of(text, vocab) is not None or any(
        column_of(text, vocab, key) for key in ("funds_columns", "indicator_columns"))


def _spaced(paragraph: Paragraph, vocab: Vocabulary) -> bool:
    """A row printed with spaces between its cells: several parts, a number or heading among them."""
    parts = _SPACES.split(paragraph.text.strip())
    if len(parts) < 2:
        return False
    if (label := label_of(parts[0], vocab)) is not None and (label.kind == "meta" or label.weight is not None):
        return True  # 项目名称 示例项目; 数量指标(10分) 学生满 (a weighted heading before a cell)
    values = sum(1 for p in parts[1:] if (_NUMBERISH.search(p) and len(p) <= 12) or is_placeholder(p))
    return values > 0 or sum(is_word(p, vocab) for p in parts) >= 2 or sum(_META.match(p) is not None for p in parts) >= 2


_PIPE = re.compile(r"\s*\|[\s|]*")


def layout_cells(paragraphs: list[Paragraph], vocab: Vocabulary) -> list[Piece]:
    """The cells of a table printed with separators (``|``, spaces, or one per line)."""
    pieces: list[Piece] = []
    for paragraph in paragraphs:
        if "|" in paragraph.text:
            pieces.extend(_split(paragraph, _PIPE))
        elif _spaced(paragraph, vocab):
            pieces.extend(_split(paragraph, _SPACES))
        elif paragraph.text.strip():
            pieces.append(Piece(paragraph.text.strip(), paragraph.where))
    return merge_broken(pieces, vocab)


def merge_broken(pieces: list[Piece], vocab: Vocabulary) -> list[Piece]:
    """Join headings printed over two cells (``经济效益`` + ``指标``, ``满意度指标`` + ``(10分)``)."""
    out: list[Piece] = []
    for piece in pieces:
        if out and _FRACTION.match(piece.text) and re.fullmatch(r"\d+", out[-1].text):  # a rate "0" / ".1"
            out[-1] = Piece(out[-1].text + piece.text, out[-1].where)
        elif out and not _NUMBERISH.sub("", piece.text) == "" and _joins(out[-1].text, piece.text, vocab):
            out[-1] = Piece(out[-1].text + piece.text, out[-1].where)
        else:
            out.append(piece)
    return out


def _joins(first: str, second: str, vocab: Vocabulary) -> bool:
    joined = first + second
    if len(squeeze(joined)) > 30:
        return False
    label = label_of(second, vocab)
    if label is not None and label.kind not in ("weight_only", "noise"):
        return False
    if label is not None and label.kind == "weight_only":  # "(50分)" belongs to a row label only
        head = label_of(first, vocab)
        return head is not None and head.kind not in ("weight_only",) and head.weight is None
    if re.fullmatch(r"[(（].*[)）]", squeeze(second)):
        return is_word(first, vocab) or is_word(joined, vocab)
    return not is_word(first, vocab) and is_word(joined, vocab)


# -- glued text ---------------------------------------------------------------------------

def is_glued(paragraph: Paragraph, vocab: Vocabulary) -> bool:
    """A paragraph whose table words touch each other with no separator between them."""
    if "|" in paragraph.text or len(paragraph.text) < 40:
        return False
    spans = _glued_words(paragraph.text, vocab)  # as printed: words apart by a space are not glued
    return sum(1 for a, b in zip(spans, spans[1:]) if a[1] == b[0]) >= 3


@lru_cache(maxsize=None)
def _word_patterns(vocab: Vocabulary) -> list[re.Pattern[str]]:
    """Unanchored patterns of every table word, for finding them inside glued text."""
    found: list[str] = []
    for kind in (*LABEL_KINDS, "funds_columns", "indicator_columns", "meta"):
        entries = vocab.raw[kind]
        patterns = [p for pats in entries.values() for p in pats] if isinstance(entries, dict) else entries
        found.extend(p.strip("^$") for p in patterns if p not in vocab.raw["not_in_glued"])
    suffix = f"(?:{vocab.raw['weight_suffix']}|{vocab.raw['heading_suffix']}|[:：])*"
    return [re.compile(f"(?:{p}){suffix}") for p in found]


def _glued_words(text: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    """(start, end) of the table words in a glued text, leftmost-longest, not overlapping."""
    patterns = _word_patterns(vocab)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        ends = [m.end() for p in patterns if (m := p.match(text, index)) and m.end() > index]
        if ends:
            spans.append((index, max(ends)))
            index = max(ends)
        else:
            index += 1
    return spans


_VALUE_START = re.compile(r"[\d%≥≤≧≦═=><‹—/／-]")  # a figure, a comparator or an empty cell's dash


def _in_names(text: str, spans: list[tuple[int, int]], vocab: Vocabulary) -> list[tuple[int, int]]:
    """The words without the column headings that end an indicator name ("预算完成率%70%":
    a heading word after other text and right before a value is the end of a name; the
    headings of a heading row stand next to each other)."""
    kept: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(spans):
        after_text = index == 0 and start > 0 or index > 0 and spans[index - 1][1] < start
        word = text[start:end]
        if after_text and end < len(text) and _VALUE_START.match(text, end) and _is_column(word, vocab) \
                and label_of(word, vocab) is None:  # a row label (自评得分99) is no name's end
            continue
        kept.append((start, end))
    return kept


def _is_column(text: str, vocab: Vocabulary) -> bool:
    return any(column_of(text, vocab, key) for key in ("funds_columns", "indicator_columns"))


def glued_cells(paragraphs: list[Paragraph], vocab: Vocabulary) -> list[Piece]:
    """The cells of glued paragraphs: each table word, and the glued text between words (a
    heading printed out of order between two headings is read as that heading)."""
    text, places = _joined(paragraphs, vocab)
    pieces: list[Piece] = []
    last = 0
    spans = _in_names(text, _glued_words(text, vocab), vocab)
    for index, (start, end) in enumerate(spans):
        if start > last:
            gap = text[last:start]
            heading = scrambled_heading(gap, vocab) if index and _headings_around(text, spans, index, vocab) else None
            pieces.append(Piece(heading, places[last], printed=gap) if heading else Piece(gap, places[last], glued=True))
        pieces.append(Piece(text[start:end], places[start]))
        last = end
    if last < len(text):
        pieces.append(Piece(text[last:], places[last], glued=True))
    return pieces


def _joined(paragraphs: list[Paragraph], vocab: Vocabulary) -> tuple[str, list[Where]]:
    """The paragraphs as one text without spaces (or page markers), and each character's place."""
    marker = vocab.regex("page_marker")
    chars: list[str] = []
    places: list[Where] = []
    for paragraph in paragraphs:
        skip = marker.match(paragraph.text)
        start = skip.end() if skip else 0
        for offset, char in enumerate(paragraph.text[start:], start=start):
            if not char.isspace():
                chars.append(char)
                places.append(_at(paragraph.where, offset))
    return "".join(chars), places


# -- headings printed out of order ---------------------------------------------------------

_MAX_EXTRA = 1  # characters a scrambled heading may carry beyond the heading's own


def _headings_around(text: str, spans: list[tuple[int, int]], index: int, vocab: Vocabulary) -> bool:
    """Whether the words before and after the gap at ``spans[index]`` are both column headings."""
    return all(_is_column(text[a:b], vocab) for a, b in (spans[index - 1], spans[index]))


def scrambled_heading(text: str, vocab: Vocabulary) -> str | None:
    """The one column heading whose characters a text without digits holds in another order
    (at most one character more: an OCR layer reading a heading wrapped over two lines
    prints "年成值全完值" for 全年完成值), or None when there is none or more than one."""
    if re.search(r"\d", text) or not 3 <= len(text) <= 12:
        return None
    found = {word for word in _literal_headings(vocab) if _holds(text, word)}
    return found.pop() if len(found) == 1 else None


def _holds(text: str, word: str) -> bool:
    if len(word) < 3 or len(text) - len(word) > _MAX_EXTRA or len(text) < len(word):
        return False
    rest = list(text)
    for char in word:
        if char not in rest:
            return False
        rest.remove(char)
    return text != word


@lru_cache(maxsize=None)
def _literal_headings(vocab: Vocabulary) -> tuple[str, ...]:
    """The column headings that are plain words (``^全年完成值$``), as words."""
    words: list[str] = []
    for key in ("funds_columns", "indicator_columns"):
        for patterns in vocab.raw[key].values():
            words.extend(p[1:-1] for p in patterns if re.fullmatch(r"\^[\u4e00-\u9fff]+\$", p))
    return tuple(dict.fromkeys(words))
