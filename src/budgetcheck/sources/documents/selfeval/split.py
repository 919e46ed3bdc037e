"""Which column each value of a row belongs to, and where glued values split.

Rows often print fewer values than the heading has columns (empty cells vanish) and
glued rows print no boundaries at all. Both are resolved by the cells' formats alone: an
amount above 100 is no weight, a percentage is a rate, a comparator or unit makes a
target. Where more than one reading fits equally well the row is not read (the caller
reports it), except for amount columns, where an empty 年初预算数 is the usual gap and the
amounts are aligned to the right.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

from ....model.figures import is_placeholder, normalise

# Column kinds of model fields, and what an empty cell of the kind costs a reading.
COLUMN_KIND = {"initial_budget": "amount", "annual_budget": "amount", "executed": "amount",
               "weight": "point", "score": "point", "execution_rate": "rate", "completion_rate": "rate",
               "target": "measure", "actual": "measure", "adjusted_target": "spare_measure",
               "deviation_reason": "text", "core": "text"}
# An adjusted target (调整指标值) is usually left empty: its gap costs nothing.
_EMPTY_COST = {"amount": 1, "measure": 1, "spare_measure": 0, "rate": 2, "point": 3, "text": 0}
# A funds source row (其中:财政拨款) usually leaves 分值 and 得分 to the total row.
PART_COST = {**_EMPTY_COST, "point": 0}
_NUMBER = r"(?:0|[1-9]\d*)(?:\.\d+)?"
_AMOUNT = r"(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?"  # thousands separators allowed
PLACEHOLDER = r"[—\-/／]"  # an empty cell's dash as printed
_OPS = r"(?:>=|<=|=>|=<|‹=|[≥≤≧≦═=><])"
_DATE = r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:前|以前|之前|底前|底|完成)?"


def value_kind(text: str, units: list[str]) -> str:
    """``ph``, ``op``, ``unit``, ``num``, ``pct``, ``date``, ``measure`` or ``word``."""
    body = normalise(text)
    if is_placeholder(body):
        return "ph"
    if re.fullmatch(_OPS, body):
        return "op"
    if body in units:
        return "unit"
    if re.fullmatch(_AMOUNT, body):
        return "num"
    if re.fullmatch(_NUMBER + "%", body):
        return "pct"
    if re.fullmatch(_DATE, body):
        return "date"
    unit = "(?:" + "|".join(re.escape(u) for u in units) + r")?[^\d]{0,6}"
    if re.fullmatch(f"(?:{_OPS}|小于|大于|不低于|不超过|不少于|不高于|低于|高于)?{_NUMBER}%?{unit}", body):
        return "measure"
    return "word"


def fits(kind: str, column: str, text: str, exact: bool) -> bool:
    """Whether a value of ``kind`` can stand in ``column``."""
    col = COLUMN_KIND.get(column, "text")
    if kind == "ph":
        return True
    if col == "amount":
        return kind == "num"
    if col == "point":
        return kind == "num" and Decimal(normalise(text).replace(",", "")) <= 100
    if col == "rate":
        return kind == "pct" or (exact and kind == "num")
    if col in ("measure", "spare_measure"):
        return kind in ("num", "pct", "measure", "date", "word")
    return kind == "word"


def assign(texts: list[str], kinds: list[str], columns: list[str], costs: dict[str, int] | None = None) -> list[str | None] | None:
    """The column of each value (in order; None for a value whose column the equally good
    readings disagree on), or None when no reading fits."""
    exact = len(texts) == len(columns)
    best: list[tuple[int, tuple[int, ...]]] = []
    for combo in combinations(range(len(columns)), len(texts)):
        if not all(fits(k, columns[c], t, exact) for t, k, c in zip(texts, kinds, combo)):
            continue
        cost = sum((costs or _EMPTY_COST)[COLUMN_KIND.get(columns[c], "text")] for c in range(len(columns)) if c not in combo)
        best.append((cost, combo))
    if not best:
        return None
    low = min(cost for cost, _ in best)
    tied = sorted((combo for cost, combo in best if cost == low), reverse=True)
    placed: list[str | None] = [columns[c] for c in tied[0]]
    for other in tied[1:]:
        if not _same_reading(tied[0], other, kinds, columns):
            placed = [col if col == columns[o] else None for col, o in zip(placed, other)]
    return None if all(col is None for col in placed) else placed


def _same_reading(first: tuple[int, ...], other: tuple[int, ...], kinds: list[str], columns: list[str]) -> bool:
    """Two readings that differ only by where placeholders or amounts stand."""
    for a, b, kind in zip(first, other, kinds):
        if a != b and kind != "ph" and not (COLUMN_KIND.get(columns[a]) == COLUMN_KIND.get(columns[b]) == "amount"):
            return False
    return True


# -- glued values -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _token_pattern(col: str, units: tuple[str, ...]) -> re.Pattern[str] | None:
    """The compiled pattern of one glued value of a column kind (or a placeholder)."""
    unit = "(?:" + "|".join(re.escape(u) for u in units) + ")"
    measure = f"(?:{_OPS})?{_NUMBER}(?:%|{unit}(?:/{unit})?)?|{_DATE}"
    pattern = {"amount": _AMOUNT, "point": _NUMBER, "rate": _NUMBER + "%", "measure": measure,
               "spare_measure": measure}.get(col)
    return None if pattern is None else re.compile(f"{pattern}|{PLACEHOLDER}")


_LONGEST_VALUE = 24


def _tokens(column: str, text: str, start: int, units: tuple[str, ...], flags: tuple[str, ...] = ()) -> list[int]:
    """End positions of every value of ``column``'s kind that starts at ``start`` (``flags``:
    the words a 是否核心指标 cell holds)."""
    col = COLUMN_KIND.get(column, "text")
    if column == "core":
        return [start + len(flag) for flag in flags if text.startswith(flag, start)]
    return [start + size for size in _value_sizes(col, text[start:start + _LONGEST_VALUE], units)]


@lru_cache(maxsize=4096)
def _value_sizes(kind: str, window: str, units: tuple[str, ...]) -> tuple[int, ...]:
    """The lengths of every value of a column kind that the window starts with (a row's
    readings look at the same windows again and again)."""
    pattern = _token_pattern(kind, units)
    if pattern is None:
        return ()
    return tuple(size for size in range(1, len(window) + 1)
                 if pattern.fullmatch(window, 0, size) and _plausible(kind, window[:size]))


def _plausible(kind: str, piece: str) -> bool:
    """Format bounds of a glued value: a weight or score is at most 100, a rate below 1000%."""
    if re.fullmatch(PLACEHOLDER, piece):
        return True
    if kind == "point":
        return Decimal(piece) <= 100
    if kind == "rate":
        return Decimal(piece.rstrip("%")) < 1000
    return True


def _pair(text: str, start: int, end_limit: int) -> list[int]:
    """End positions of a word printed twice (target and actual alike: 合格合格)."""
    ends = []
    for size in range(1, (end_limit - start) // 2 + 1):
        word = text[start:start + size]
        if not re.search(r"\d", word) and text[start + size:start + 2 * size] == word:
            ends.append(start + 2 * size)
    return ends


def _actual_after(columns: list[str], index: int) -> int | None:
    """The index of the actual column right after the target at ``index`` (an adjusted
    target column between them left empty), or None."""
    for later in range(index + 1, len(columns)):
        if columns[later] == "actual":
            return later
        if COLUMN_KIND.get(columns[later]) != "spare_measure":
            return None
    return None


def _word_end(text: str, pos: int, dashes: str) -> int | None:
    """The end of a word actual starting at ``pos`` right after a placeholder target
    (``—目标明确4``): the word runs to the next digit, so the digits around it fix both of
    its ends; None when there is no such word."""
    end = pos
    while end < len(text) and not text[end].isdigit():
        end += 1
    word = text[pos:end]
    return end if word and len(word) <= _LONGEST_VALUE and not re.match(PLACEHOLDER, word) and word[0] not in dashes else None


class GluedSplitter:
    """Every way a glued text, or a prefix of it, reads as values of ``columns`` in order
    (columns may be empty; ``flags``: the words a 是否核心指标 cell holds). The values that
    may start at each place are found once and shared by all prefixes: a row's end is
    sought by trying many prefixes of the same text.

    ``dashes``: characters an OCR layer prints for the dash of an empty cell (``一``); with
    them a target or actual may be one such character alone, and an actual may be a word
    after a placeholder target (both only where the caller reads text it could not read
    otherwise)."""

    def __init__(self, text: str, columns: list[str], units: list[str], flags: tuple[str, ...] = (),
                 dashes: str = "") -> None:
        self.text, self.columns, self.flags, self.dashes = text, columns, flags, dashes
        self.units = tuple(units)
        self.options: dict[tuple[int, int], list[tuple[int, int, tuple[tuple[str, int, int], ...]]]] = {}
        self._reached: frozenset[int] | None = None

    def steps(self, pos: int, col: int) -> list[tuple[int, int, tuple[tuple[str, int, int], ...]]]:
        """(next position, next column, cells read) of every value that may start at ``pos``."""
        key = (pos, col)
        found = self.options.get(key)
        if found is None:
            found = self.options[key] = []
            for index in range(col, len(self.columns)):
                name = self.columns[index]
                actual = _actual_after(self.columns, index) if name == "target" else None
                if actual is not None:
                    for end in _pair(self.text, pos, len(self.text)):
                        half = pos + (end - pos) // 2
                        found.append((end, actual + 1, (("target", pos, half), ("actual", half, end))))
                ends = _tokens(name, self.text, pos, self.units, self.flags)
                if self.dashes and COLUMN_KIND.get(name) == "measure" and self.text[pos:pos + 1] in tuple(self.dashes):
                    ends = [*ends, pos + 1]
                found.extend((end, index + 1, ((name, pos, end),)) for end in ends)
                if self.dashes and actual is not None:
                    found.extend(self._word_after_placeholder(pos, ends, actual))
        return found

    def _word_after_placeholder(self, pos: int, ends: list[int], actual: int,
                                ) -> list[tuple[int, int, tuple[tuple[str, int, int], ...]]]:
        """A placeholder target at ``pos`` and the word actual after it, as one step."""
        steps: list[tuple[int, int, tuple[tuple[str, int, int], ...]]] = []
        for end in ends:
            target = self.text[pos:end]
            if re.fullmatch(PLACEHOLDER, target) or target in self.dashes:
                word_end = _word_end(self.text, end, self.dashes)
                if word_end is not None:
                    steps.append((word_end, actual + 1, (("target", pos, end), ("actual", end, word_end))))
        return steps

    def reached(self) -> frozenset[int]:
        """Every place some reading from the start of the text gets to (found once)."""
        if self._reached is None:
            seen, todo = {(0, 0)}, [(0, 0)]
            while todo:
                pos, col = todo.pop()
                for end, nxt, _ in self.steps(pos, col):
                    if (end, nxt) not in seen:
                        seen.add((end, nxt))
                        todo.append((end, nxt))
            self._reached = frozenset(pos for pos, _ in seen)
        return self._reached

    def readings(self, stop: int) -> list[list[tuple[str, int, int]]]:
        """Every reading of ``text[:stop]`` (at most about 400)."""
        found: list[list[tuple[str, int, int]]] = []
        if stop not in self.reached():
            return found
        finishes: dict[tuple[int, int], bool] = {}

        def finishes_from(pos: int, col: int) -> bool:
            key = (pos, col)
            if key not in finishes:
                finishes[key] = pos == stop or any(
                    end <= stop and finishes_from(end, nxt) for end, nxt, _ in self.steps(pos, col))
            return finishes[key]

        def walk(pos: int, col: int, acc: list[tuple[str, int, int]]) -> None:
            if len(found) > 400:
                return
            if pos == stop:
                found.append(list(acc))
                return
            for end, nxt, cells in self.steps(pos, col):
                if end <= stop and finishes_from(end, nxt):
                    walk(end, nxt, [*acc, *cells])

        walk(0, 0, [])
        return found


def split_glued(text: str, columns: list[str], units: list[str], flags: tuple[str, ...] = (), dashes: str = "",
                ) -> list[list[tuple[str, int, int]]]:
    """Every way ``text`` reads as values of ``columns`` in order (columns may be empty;
    ``flags``: the words a 是否核心指标 cell holds; ``dashes``: see :class:`GluedSplitter`)."""
    return GluedSplitter(text, columns, units, flags, dashes).readings(len(text))
