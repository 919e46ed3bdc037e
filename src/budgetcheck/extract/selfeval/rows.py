"""One row of a self-evaluation table → model fields: funds rows, indicator rows, 总分.

A row arrives as its label (or indicator name) and the value cells that followed it; the
cells are placed in the columns of the heading by their formats (``split.assign``), glued
text is split first (``split.split_glued``). A row that cannot be placed is returned as a
problem at its place; the other rows are still read.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...figures import normalise
from ...records import Record
from ..blocks import Where
from ..sink import Problem, Sink
from .cells import Piece
from .split import _EMPTY_COST as EMPTY_COST
from .split import COLUMN_KIND, assign, best_split, split_glued, value_kind

_MAX_VALUES = 48  # characters of one row's glued values (分值, target, actual, rate, 得分)
_START = re.compile(r"[\d≥≤≧≦═=><‹]")
_NAME_END_BAD = re.compile(r"[\d.%≥≤≧≦═=><‹]$")


class Row(Record):
    """A row being read: what it is, its label cell and its value cells."""

    __slots__ = ("kind", "label", "values", "reason")
    kind: str
    label: Piece | None
    values: list[Piece]
    reason: Piece | None

    def __init__(
        self, kind: str, label: Piece | None, values: list[Piece] | None = None, reason: Piece | None = None,
    ) -> None:
        self.kind = kind
        self.label = label
        self.values = [] if values is None else values
        self.reason = reason


def _texts(values: list[Piece]) -> list[str]:
    return [v.text for v in values]


def merge_target_parts(values: list[Piece], columns: list[str], units: list[str]) -> tuple[list[Piece], list[str]]:
    """Join a target printed over 指标性质 / 指标值 / 度量单位 cells into one target cell."""
    if "target_value" not in columns:
        return values, columns
    merged: list[Piece] = []
    for piece in values:
        kind = value_kind(piece.text, units)
        last = value_kind(merged[-1].text, units) if merged else ""
        if merged and ((last == "op" and kind in ("num", "word", "measure")) or (kind == "unit" and last in ("num", "measure"))):
            merged[-1] = Piece(merged[-1].text + piece.text, merged[-1].where)
        else:
            merged.append(piece)
    plain = [c for c in columns if c not in ("target_operator", "target_unit")]
    return _row_unit(merged, values, units), ["target" if c == "target_value" else c for c in plain]


def _row_unit(merged: list[Piece], values: list[Piece], units: list[str]) -> list[Piece]:
    """A 度量单位 cell is the unit of the row: a bare actual after the target takes it too."""
    unit = next((v.text for v in values if value_kind(v.text, units) == "unit"), None)
    if unit is None or len(merged) < 2 or value_kind(merged[1].text, units) != "num":
        return merged
    return [merged[0], Piece(merged[1].text + unit, merged[1].where), *merged[2:]]


def place(values: list[Piece], columns: list[str], units: list[str], left: list[Piece] | None = None,
          costs: dict[str, int] | None = None) -> dict[str, Piece] | None:
    """The value cells by column, or None when no reading fits; cells whose column cannot
    be told go to ``left`` (the caller reports them)."""
    if not values:
        return {}
    texts = _texts(values)
    placed = assign(texts, [value_kind(t, units) for t in texts], columns, costs)
    if placed is None:
        return None
    if left is not None:
        left.extend(v for v, col in zip(values, placed) if col is None)
    return {col: v for col, v in zip(placed, values) if col is not None}


def _half(text: str) -> Decimal:
    """Half a unit of a printed number's last decimal (the rounding half-width)."""
    return Decimal(5).scaleb(-len(text.partition(".")[2]) - 1)


def _rate_fits(cells: dict[str, str]) -> bool:
    """Whether a glued funds reading's amounts give its printed rate within rounding (the
    split's last tie-break)."""
    try:
        rate_text = cells["execution_rate"].rstrip("%")
        rate = Decimal(rate_text) / 100
    except (KeyError, InvalidOperation):
        return True  # no rate printed: nothing to fit
    try:
        budget_text, spent_text = (cells[k].replace(",", "") for k in ("annual_budget", "executed"))
        budget, spent = Decimal(budget_text), Decimal(spent_text)
    except (KeyError, InvalidOperation):
        return False  # a rate without both amounts: the reading cannot be confirmed
    if rate == 0 or spent == 0:  # a glued 0 is no rounded small figure: 0% goes with nothing spent
        return rate == spent == 0
    low_budget = budget - _half(budget_text)
    if low_budget <= 0:
        return False  # a budget that may be 0 gives no rate: a reading printing one does not fit
    low = max(Decimal(0), spent - _half(spent_text)) / (budget + _half(budget_text))
    high = (spent + _half(spent_text)) / low_budget
    margin = _half(rate_text) / 100
    return rate + margin >= low and rate - margin <= high


def _cost(reading: list[tuple[str, int, int]], columns: list[str], costs: dict[str, int]) -> int:
    used = {name for name, _, _ in reading}
    return sum(costs[COLUMN_KIND.get(c, "text")] for c in columns if c not in used)


def _zeros(text: str, reading: list[tuple[str, int, int]]) -> int:
    """How many cells of a reading are a bare zero (glued zeros are rare; splits making them are not preferred)."""
    return sum(1 for _, a, b in reading if re.fullmatch(r"0(?:\.0+)?%?", text[a:b]))


def _one_precision(text: str, reading: list[tuple[str, int, int]]) -> bool:
    """Whether a reading's amounts are printed with one number of decimals (one row, one format)."""
    places = {len(text[a:b].partition(".")[2]) for n, a, b in reading
              if COLUMN_KIND.get(n) == "amount" and re.search(r"\d", text[a:b])}
    return len(places) <= 1


def read_glued(text: str, where: list[Where], columns: list[str], units: list[str],
               costs: dict[str, int] | None = None) -> dict[str, Piece] | None:
    """The one reading of glued values (None when there is none or several)."""
    readings = split_glued(text, columns, units)
    if not readings:
        return None
    kept = [r for r in readings if _one_precision(text, r)] or readings
    kept = [r for r in kept if _rate_fits({n: text[a:b] for n, a, b in r})]
    if not kept:
        return None  # no split gives the printed 执行率: unread rather than guessed
    fewest = min(_zeros(text, r) for r in kept)
    kept = [r for r in kept if _zeros(text, r) == fewest]
    table = costs or EMPTY_COST
    low = min(_cost(r, columns, table) for r in kept)
    kept = [r for r in kept if _cost(r, columns, table) == low]
    distinct = {tuple(("amount" if COLUMN_KIND.get(n) == "amount" else n, text[a:b]) for n, a, b in r) for r in kept}
    if len(distinct) != 1:
        return None
    best = max(kept, key=lambda r: tuple(columns.index(n) for n, _, _ in r))
    return {name: Piece(text[a:b], where[a]) for name, a, b in best}


def glued_rows(piece: Piece, columns: list[str], units: list[str]) -> tuple[list[tuple[Piece, dict[str, Piece]]], list[Piece]]:
    """Indicator rows glued into one text (name, values, next name, ...); and unread rests."""
    text = piece.text
    where = [piece.where.shifted(i) for i in range(len(text))]
    rows: list[tuple[Piece, dict[str, Piece]]] = []
    unread: list[Piece] = []
    start = 0
    while start < len(text):
        found = _next_row(text, start, where, columns, units)
        if found is None:
            rest = text[start:]
            if re.search(r"\d", rest):
                unread.append(Piece(rest, where[start]))
            elif rest.strip():
                rows.append((Piece(rest, where[start]), {}))
            break
        name_end, end, cells = found
        if _values_in_name(text[start:name_end]) and len(cells) < len([c for c in columns if COLUMN_KIND.get(c) != "text"]):
            unread.append(Piece(text[start:end], where[start]))  # a name holding figures: cells lost in it
        else:
            rows.append((Piece(text[start:name_end], where[start]), cells))
        start = end
    return rows, unread


def _next_row(text: str, start: int, where: list[Where], columns: list[str], units: list[str]) -> tuple[int, int, dict[str, Piece]] | None:
    """(end of the name, end of the row, cells) of the row starting at ``start``; the reading
    filling the most columns wins, the nearest one on a tie."""
    best: tuple[int, int, int, dict[str, Piece]] | None = None
    for name_end in range(start + 1, len(text)):
        if _NAME_END_BAD.search(text[name_end - 1]) or not (_START.match(text[name_end]) or _pair_start(text, name_end)):
            continue
        for end in range(min(len(text), name_end + _MAX_VALUES), name_end, -1):
            if end < len(text) and (_START.match(text[end]) or text[end] in "%./"):
                continue
            cells = read_glued(text[name_end:end], where[name_end:end], columns, units)
            if cells and (best is None or len(cells) > best[0]):
                best = (len(cells), name_end, end, cells)
        if best is not None and best[0] == len([c for c in columns if COLUMN_KIND.get(c) != "text"]):
            break
    return None if best is None else best[1:]


def _values_in_name(name: str) -> bool:
    """Whether a glued name holds digits outside brackets and an 指标N: prefix."""
    return bool(re.search(r"\d", re.sub(r"[(（][^)）]*[)）]|^指标\d+[:：]?", "", name)))


def _pair_start(text: str, pos: int) -> bool:
    return any(text[pos:pos + n] == text[pos + n:pos + 2 * n] for n in range(1, 8))


def set_cells(sink: Sink, cells: dict[str, Piece]) -> None:
    """Store placed cells in a row's mapping, each with its place."""
    for name, piece in cells.items():
        if name in ("deviation_reason", "core") or piece.text == "":
            if name == "deviation_reason" and piece.text:
                sink.set(name, piece.text, piece.where)
            continue
        sink.set(name, _cell_text(piece.text), piece.where)


def _cell_text(text: str) -> str:
    """A cell as the model reads it: a rate broken over two lines ("0\\n.1") joined again."""
    return re.sub(r"\s+", "", text) if re.fullmatch(r"[\d.\s%]+", text) else text.strip()


def unread(problems: list[Problem], section: str, pieces: list[Piece]) -> None:
    """Report cells that hold figures but could not be placed (BC003)."""
    shown = " ".join(p.text for p in pieces)
    if pieces and re.search(r"\d", shown):
        problems.append(Problem(section, shown[:80], pieces[0].where))


def number(text: str) -> str | None:
    """The text as a plain number (a trailing 分 dropped), if it is one."""
    body = normalise(text).removesuffix("分")
    return body if re.fullmatch(r"\d+(?:\.\d+)?", body) else None
