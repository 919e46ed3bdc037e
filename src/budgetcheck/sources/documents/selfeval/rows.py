"""One row of a self-evaluation table → model fields: funds rows, indicator rows, 总分.

A row arrives as its label (or indicator name) and the value cells that followed it; the
cells are placed in the columns of the heading by their formats (``split.assign``), glued
text is split first (``split.split_glued``). A row that cannot be placed is returned as a
problem at its place; the other rows are still read.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ....model.figures import normalise
from ....model.records import Record
from ..blocks import Where
from ..sink import Problem, Sink
from .cells import Piece
from .split import _EMPTY_COST as EMPTY_COST
from .repair import Repair, numeric, repaired_text
from .split import COLUMN_KIND, GluedSplitter, assign, split_glued, value_kind

_MAX_VALUES = 48  # characters of one row's glued values (分值, target, actual, rate, 得分)
_START = re.compile(r"[\d≥≤≧≦═=><‹—]")  # a value: a figure, a comparator or an empty cell's dash
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_NAME_END_BAD = re.compile(r"[\d.%≥≤≧≦═=><‹]$")


class Row(Record):
    """A row being read: what it is, its label cell and its value cells."""

    __slots__ = ("kind", "label", "values", "reason", "core")
    kind: str
    label: Piece | None
    values: list[Piece]
    reason: Piece | None
    core: bool

    def __init__(
        self, kind: str, label: Piece | None, values: list[Piece] | None = None, reason: Piece | None = None,
        core: bool = False,
    ) -> None:
        self.kind = kind
        self.label = label
        self.values = [] if values is None else values
        self.reason = reason
        self.core = core


def _texts(values: list[Piece]) -> list[str]:
    return [v.text for v in values]


def merge_target_parts(values: list[Piece], columns: list[str], units: list[str]) -> tuple[list[Piece], list[str]]:
    """Join a target printed over 指标性质 / 指标值 / 度量单位 cells into one target cell; a
    计量单位 column before the target and actual (no 指标值 column) is their unit."""
    if "target_value" not in columns:
        return _unit_column(values, columns, units)
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


def _unit_column(values: list[Piece], columns: list[str], units: list[str]) -> tuple[list[Piece], list[str]]:
    """A row whose 计量单位 stands in a column of its own before the target (no 指标值
    column): the unit cell is left out of the values (the target and actual print their own
    units, or none alike)."""
    if "target_unit" not in columns:
        return values, columns
    plain = [c for c in columns if c != "target_unit"]
    first = next((i for i, v in enumerate(values) if value_kind(v.text, units) != "word"), None)
    kind = value_kind(values[first].text, units) if first is not None else None
    if first is None or not (kind == "unit" or kind == "ph" and len(values) > len(plain)):
        return values, plain  # no unit printed (an empty cell vanished)
    return values[:first] + values[first + 1:], plain  # a unit, or a placeholder one cell too many


def _row_unit(merged: list[Piece], values: list[Piece], units: list[str]) -> list[Piece]:
    """A 度量单位 cell is the unit of the row: a bare actual after the target takes it too."""
    unit = next((v.text for v in values if value_kind(v.text, units) == "unit"), None)
    if unit is None or len(merged) < 2 or value_kind(merged[1].text, units) != "num":
        return merged
    return [merged[0], Piece(merged[1].text + unit, merged[1].where), *merged[2:]]


def place(values: list[Piece], columns: list[str], units: list[str], left: list[Piece] | None = None,
          costs: dict[str, int] | None = None, repairs: tuple[dict[str, str], list[Repair]] | None = None,
          ) -> dict[str, Piece] | None:
    """The value cells by column, or None when no reading fits; cells whose column cannot
    be told go to ``left`` (the caller reports them). With ``repairs`` (the look-alike
    letters and a list to record in), OCR-damaged figures of numeric columns are repaired."""
    if not values:
        return {}
    texts = _texts(values)
    kinds = [value_kind(t, units) for t in texts]
    if repairs is not None:
        fixed = _repaired(values, kinds, columns, units, costs, repairs)
        if fixed is not None:
            values, texts = fixed, _texts(fixed)
            kinds = [value_kind(t, units) for t in texts]
    placed = assign(texts, kinds, columns, costs)
    if placed is None:
        return None
    if left is not None:
        left.extend(v for v, col in zip(values, placed) if col is None)
    return {col: v for col, v in zip(placed, values) if col is not None}


def _repaired(values: list[Piece], kinds: list[str], columns: list[str], units: list[str],
              costs: dict[str, int] | None, repairs: tuple[dict[str, str], list[Repair]]) -> list[Piece] | None:
    """The cells with their OCR look-alikes repaired, when every repaired cell then stands in
    a numeric column (the repairs are recorded); None when nothing is repaired."""
    lookalikes, record = repairs
    fixed = [repaired_text(v.text, k, units, lookalikes) for v, k in zip(values, kinds)]
    if not any(fixed):
        return None
    trial = [Piece(f, v.where) if f else v for v, f in zip(values, fixed)]
    texts = _texts(trial)
    placed = assign(texts, [value_kind(t, units) for t in texts], columns, costs)
    if placed is None or not all(f is None or numeric(col) for f, col in zip(fixed, placed)):
        return None
    record.extend(Repair(col, v, f) for v, f, col in zip(values, fixed, placed) if f and col)
    return trial


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


def _score_fits(cells: dict[str, str]) -> bool:
    """Whether a reading's 得分 is its 分值 × completion rate (capped at 100 % or not) within
    the rounding of the printed cells; False when one of the three is not there."""
    try:
        weight, score = Decimal(cells["weight"]), Decimal(cells["score"])
        rate_text = cells["completion_rate"].rstrip("%")
        rate = Decimal(rate_text) / 100
    except (KeyError, InvalidOperation):
        return False
    margin = _half(cells["score"]) + weight * _half(rate_text) / 100
    return any(abs(score - weight * r) <= margin for r in (rate, min(rate, Decimal(1))))


def _cells(text: str, reading: list[tuple[str, int, int]]) -> dict[str, str]:
    """A reading's cells by column, as printed."""
    return {name: text[a:b] for name, a, b in reading}


def _distinct(text: str, readings: list[list[tuple[str, int, int]]]) -> set[tuple[tuple[str, str], ...]]:
    """The different readings, amounts counted alike wherever they stand (an empty 年初预算数)."""
    return {tuple(("amount" if COLUMN_KIND.get(n) == "amount" else n, text[a:b]) for n, a, b in r) for r in readings}


def _plausible_points(cells: dict[str, str]) -> bool:
    """Whether a reading's 分值 is a whole number of points and its 得分 within it (a
    preference only: "0.0010" read as a 分值 under a 得分 of 6.67 loses to any reading
    without it, and a score above its weight is still a finding where nothing else reads)."""
    if "." in cells.get("weight", ""):
        return False
    try:
        return Decimal(cells["score"]) <= Decimal(cells["weight"])
    except (KeyError, InvalidOperation):
        return True


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


_MEASURE_UNIT = re.compile(r"^[^\d]*[\d.,]+(.*)$")


def _one_unit(text: str, reading: list[tuple[str, int, int]]) -> bool:
    """Whether a reading's target and actual print one unit (or none alike): "26次12次" is
    26次 | 12次, not 2 | 6次 | 12次."""
    found = set()
    for name, a, b in reading:
        if COLUMN_KIND.get(name) in ("measure", "spare_measure") and (unit := _MEASURE_UNIT.match(text[a:b])):
            found.add(unit.group(1))
    return len(found) <= 1


def _has_amount(reading: list[tuple[str, int, int]]) -> bool:
    """Whether a reading places an amount (only then can its rate confirm the split)."""
    return any(COLUMN_KIND.get(name) == "amount" for name, _, _ in reading)


def _whole_tail(reading: list[tuple[str, int, int]], columns: list[str]) -> bool:
    """Whether a reading fills every column that is not an amount (rate, 分值, 得分): a row
    whose amounts vanished is read only when all of its other cells are there (and none is
    a bare 0: "10" read as 分值 1, 得分 0 is a guess)."""
    used = {name for name, _, _ in reading}
    return all(c in used for c in columns if COLUMN_KIND.get(c) != "amount")


def read_glued(text: str, where: list[Where], columns: list[str], units: list[str],
               costs: dict[str, int] | None = None, lost: bool = False, flags: tuple[str, ...] = (),
               splitter: GluedSplitter | None = None, dashes: str = "") -> dict[str, Piece] | None:
    """The one reading of glued values (None when there is none or several). ``lost``: the
    row's amounts were printed as letters; a reading that places amounts all the same and
    one that places none make the row ambiguous. ``flags``: the words of 是否核心指标;
    ``splitter``: one already made for a longer text that ``text`` begins; ``dashes``: see
    :class:`GluedSplitter`."""
    readings = splitter.readings(len(text)) if splitter is not None else split_glued(text, columns, units, flags, dashes)
    if not readings:
        return None
    kept = [r for r in readings if _one_precision(text, r) and _one_unit(text, r)] or readings
    fitted = [r for r in kept if _rate_fits(_cells(text, r))]
    bare = [r for r in kept if not _has_amount(r) and _whole_tail(r, columns) and not _zeros(text, r)]
    kept = ([] if fitted else bare) if lost else (fitted or bare)
    if not kept:
        return None  # no split gives the printed 执行率: unread rather than guessed
    kept = [r for r in kept if _plausible_points(_cells(text, r))] or kept
    fewest = min(_zeros(text, r) for r in kept)
    kept = [r for r in kept if _zeros(text, r) == fewest]
    table = costs or EMPTY_COST
    low = min(_cost(r, columns, table) for r in kept)
    kept = [r for r in kept if _cost(r, columns, table) == low]
    # an adjusted target (调整指标值) is read only when no reading leaves it empty
    kept = [r for r in kept if not any(COLUMN_KIND.get(n) == "spare_measure" for n, _, _ in r)] or kept
    if len(_distinct(text, kept)) > 1:  # 分值 and 得分 side by side ("10.63"): the one whose 得分 is 分值 × 得分系数
        kept = [r for r in kept if _score_fits(_cells(text, r))] or kept
    if len(_distinct(text, kept)) != 1:
        return None
    best = max(kept, key=lambda r: tuple(columns.index(n) for n, _, _ in r))
    return {name: Piece(text[a:b], where[a]) for name, a, b in best}


class GluedLayout(Record):
    """What a glued indicator row may hold: its value columns, the units a value may carry,
    the words of 是否核心指标 (``flags``), the letters an OCR layer prints for digits, and
    the 计量单位 / 指标性质 cells a name may end with (``name_tail``, None when the heading
    prints neither column), and the characters read as the dash of an empty cell
    (``dashes``, see :class:`GluedSplitter`; none on a first reading)."""

    __slots__ = ("columns", "units", "flags", "lookalikes", "name_tail", "dashes")
    columns: list[str]
    units: list[str]
    flags: tuple[str, ...]
    lookalikes: str
    name_tail: re.Pattern[str] | None
    dashes: str

    def __init__(self, columns: list[str], units: list[str], flags: tuple[str, ...] = (), lookalikes: str = "",
                 name_tail: re.Pattern[str] | None = None, dashes: str = "") -> None:
        self.columns = columns
        self.units = units
        self.flags = flags
        self.lookalikes = lookalikes
        self.name_tail = name_tail
        self.dashes = dashes

    def with_dashes(self, dashes: str) -> GluedLayout:
        """The same layout, reading ``dashes`` as the dash of an empty cell."""
        return GluedLayout(self.columns, self.units, self.flags, self.lookalikes, self.name_tail, dashes)

    @property
    def full(self) -> int:
        """How many cells a complete row fills (text columns aside)."""
        return len([c for c in self.columns if COLUMN_KIND.get(c) != "text"])


def glued_rows(piece: Piece, layout: GluedLayout) -> tuple[list[tuple[Piece, dict[str, Piece]]], list[Piece]]:
    """Indicator rows glued into one text (name, values, next name, ...); and unread rests.
    A run of look-alike letters right after a row's values is a figure lost to OCR ("IO"),
    reported unread; a row that cannot be read is reported unread up to the next row that
    can, and reading goes on from there."""
    text = piece.text
    where = [piece.where.shifted(i) for i in range(len(text))]
    rows: list[tuple[Piece, dict[str, Piece]]] = []
    unread: list[Piece] = []
    start = 0
    lookalikes = layout.lookalikes
    while start < len(text):
        lost = re.match(f"[{re.escape(lookalikes)}]+(?![A-Za-z])", text[start:]) if lookalikes and rows else None
        if lost is not None:
            unread.append(Piece(text[start:start + lost.end()], where[start]))
            start += lost.end()
            continue
        found = _next_row(text, start, where, layout)
        if found is None:
            resume = _resume(text, start, where, layout)
            rest = text[start:resume]
            if re.search(r"\d", rest):
                unread.append(Piece(rest, where[start]))
            elif rest.strip():
                rows.append((Piece(rest, where[start]), {}))
            start = resume
            continue
        name_end, end, cells = found
        if _values_in_name(text[start:name_end]) and len(cells) < layout.full:
            unread.append(Piece(text[start:end], where[start]))  # a name holding figures: cells lost in it
        else:
            rows.append((Piece(_bare_name(text[start:name_end], layout), where[start]), cells))
        start = end
    return rows, unread


def _bare_name(name: str, layout: GluedLayout) -> str:
    """A glued name without the 计量单位 / 指标性质 cells printed after it."""
    tail = layout.name_tail.search(name) if layout.name_tail is not None else None
    return name[:tail.start()] if tail and tail.start() else name


def _resume(text: str, start: int, where: list[Where], layout: GluedLayout) -> int:
    """Where reading goes on after a row that cannot be read: the next place after a row's
    end (a 是/否 flag, or a figure before a name) where a row reads; the end of the text
    when there is none."""
    for pos in range(start + 1, len(text)):
        ended = text[pos - 1] in "".join(layout.flags) if layout.flags else text[pos - 1].isdigit()
        if ended and _IDEOGRAPH.match(text, pos) and _next_row(text, pos, where, layout) is not None:
            return pos
    return len(text)


_FIGURE_IN_NAME = re.compile(r"\d%")
_MAX_NAME = 60  # characters of one glued indicator name, with the 计量单位 and 指标性质 glued to it


def _next_row(text: str, start: int, where: list[Where], layout: GluedLayout) -> tuple[int, int, dict[str, Piece]] | None:
    """(end of the name, end of the row, cells) of the row starting at ``start``; the reading
    filling the most columns wins, the nearest one on a tie. A name never holds a
    percentage figure: the search stops there."""
    best: tuple[int, int, int, dict[str, Piece]] | None = None
    figure = _FIGURE_IN_NAME.search(text, start)
    last = min(len(text), start + _MAX_NAME, figure.start() + 1 if figure else len(text))
    for name_end in range(start + 1, last):
        if not _name_ends(text, start, name_end, layout):
            continue
        stop = min(len(text), name_end + _MAX_VALUES)
        splitter = GluedSplitter(text[name_end:stop], layout.columns, layout.units, layout.flags, layout.dashes)
        for end in range(stop, name_end, -1):
            if end < len(text) and (_START.match(text[end]) or text[end] in "%./" or _unit_follows(text, end, layout.units)):
                continue
            cells = read_glued(text[name_end:end], where[name_end:end], layout.columns, layout.units,
                               flags=layout.flags, splitter=splitter)
            if cells and not _junk_after_unit(text[start:name_end], cells, layout) and (best is None or len(cells) > best[0]):
                best = (len(cells), name_end, end, cells)
        if best is not None and best[0] >= layout.full:
            break
    return None if best is None else best[1:]


def _name_ends(text: str, start: int, name_end: int, layout: GluedLayout) -> bool:
    """Whether a name may end at ``name_end``: values start there, and the name does not end
    with a figure's mark (unless it is the 计量单位 cell of a heading that prints one)."""
    if not (_START.match(text[name_end]) or _pair_start(text, name_end)):
        return False
    if not _NAME_END_BAD.search(text[name_end - 1]):
        return True
    return layout.name_tail is not None and _bare_name(text[start:name_end], layout) != text[start:name_end]


def _junk_after_unit(name: str, cells: dict[str, Piece], layout: GluedLayout) -> bool:
    """Whether a name ends with its row's 计量单位 and a character or two more ("次数次到" before
    "0次43次"): those characters are what is left of a target cell an OCR layer garbled."""
    if layout.name_tail is None:
        return False
    unit = next((u.group(1) for c in ("target", "actual") if c in cells
                 and (u := _MEASURE_UNIT.match(cells[c].text)) and u.group(1)), "")
    if not unit or _bare_name(name, layout) != name or name.endswith(unit):
        return False
    return re.search(re.escape(unit) + r".{1,2}$", name) is not None


def _unit_follows(text: str, end: int, units: list[str]) -> bool:
    """Whether a number ends at ``end`` and a unit follows it that no name goes on from
    (``2370`` of ``2370人IO``: one value; ``1`` of ``1项目2指标`` ends before a name)."""
    if not text[end - 1].isdigit() or end >= len(text):
        return False
    return any(text.startswith(unit, end) and not _IDEOGRAPH.match(text, end + len(unit))
               for unit in _units_by_first(tuple(units)).get(text[end], ()))


@lru_cache(maxsize=8)
def _units_by_first(units: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The units other than % by their first character."""
    found: dict[str, list[str]] = {}
    for unit in units:
        if unit != "%":
            found.setdefault(unit[0], []).append(unit)
    return {first: tuple(group) for first, group in found.items()}


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
