"""Printed figures: exact decimal values that remember how they were printed.

A figure such as ``2,310.50`` or ``93.61%`` stands for every true value that rounds to it,
so each figure carries its printed number of decimals and the raw text it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from .exact import Fraction

# Full-width digits and punctuation that hand-typed documents mix with ASCII.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，％－＋＜＞＝",
    "0123456789.,%-+<>=",
)
PLACEHOLDERS = frozenset({"/", "／", "—", "——", "-", "--", "–", "无", "", "不适用"})
"""Cell texts (after :func:`normalise`) that mean "not applicable"."""
_NUMBER = re.compile(
    r"^(?P<sign>[+-])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?P<pct>%)?$"
)
# The same grammar for ASCII text, which almost every cell is: sign, digits, decimals, %.
_ASCII_NUMBER = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)", re.ASCII)
# Each unit-word table longest first (a cell ending in 人次 is read as 人次, not 次).
_LONGEST_FIRST: dict[tuple[str, ...], tuple[str, ...]] = {}


class FigureError(ValueError):
    """Raised when a text is not a printed number."""


def normalise(text: str) -> str:
    """Return ``text`` with full-width digits and signs folded to ASCII and spaces removed."""
    if text.isascii():  # nothing to fold (hot path)
        return text.replace(" ", "").strip()
    return text.translate(_FULLWIDTH).replace(" ", "").replace("\u3000", "").strip()


def is_placeholder(text: str) -> bool:
    """Tell whether a cell holds a "not applicable" mark such as ``/`` or ``—``."""
    return normalise(text) in PLACEHOLDERS


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as printed: exact value, printed decimals, percent flag and raw text.

    ``counted`` marks a count (people, vehicles, 批次, 人次): it is exactly its value, not
    the rounding interval of one.
    """

    value: Decimal
    places: int
    percent: bool
    text: str
    counted: bool = field(default=False, compare=False)

    @property
    def half_width(self) -> Fraction:
        """Half of one unit in the last printed place (in the figure's own unit)."""
        return Fraction(1, 2 * 10**self.places)

    @property
    def exact(self) -> Fraction:
        """The printed value as an exact fraction (percent figures as a fraction of 1)."""
        n, d = self.value.as_integer_ratio()
        return Fraction(n, d * 100 if self.percent else d)

    def interval(self) -> tuple[Fraction, Fraction]:
        """The ends of every true value that rounds to this figure (v ± half a unit; which
        end is excluded is :meth:`budgetcheck.checks.intervals.Interval.of`'s business)."""
        # v ± 1/(2·10^p) over one integer denominator: two Fractions instead of six (hot path).
        n, d = self.value.as_integer_ratio()
        scale = 2 * 10**self.places
        den = scale * d * (100 if self.percent else 1)
        return Fraction(scale * n - d, den), Fraction(scale * n + d, den)

    def truncation_interval(self) -> tuple[Fraction, Fraction]:
        """Every true value that truncates to this figure (away from zero excluded)."""
        v, step = Fraction(self.value), 2 * self.half_width
        lo, hi = (v, v + step) if v >= 0 else (v - step, v)
        if self.percent:
            return lo / 100, hi / 100
        return lo, hi

    def __str__(self) -> str:
        return self.text


def parse_figure(
    raw: object, *, percent: bool | None = None, suffixes: tuple[str, ...] = (), counted: bool = False
) -> Figure:
    """Parse a printed number (``"2,310.50"``, ``"93.61%"``, ``12``) into a :class:`Figure`.

    ``percent=True`` accepts a bare number as percentage points; ``percent=False`` rejects
    a ``%`` sign. ``suffixes`` are unit words that may follow the number (``万元``, ``分``).
    ``counted`` marks the figure as an exact count.
    """
    if type(raw) is str and raw.isascii():  # hot path: a plain ``1,234.56`` or ``93.61%``
        figure = _parse_ascii(raw, percent, suffixes, counted)
        if figure is not None:
            return figure
    if isinstance(raw, bool) or raw is None:
        raise FigureError(f"expected a number, got {raw!r}")
    if isinstance(raw, (int, Decimal)):
        text = str(raw)
    elif isinstance(raw, str):
        text = raw
    else:
        raise FigureError(f"expected a number, got {type(raw).__name__}")
    body = normalise(text)
    for suffix in _longest_first(suffixes):
        if body.endswith(suffix) and len(body) > len(suffix):
            body = body[: -len(suffix)]
            break
    match = _NUMBER.match(body)
    if match is None:
        raise FigureError(f"not a number: {text!r}")
    has_pct = match["pct"] is not None
    if percent is False and has_pct:
        raise FigureError(f"expected an amount, got a percentage: {text!r}")
    frac = match["frac"] or ""
    digits = match["int"].replace(",", "") + ("." + frac if frac else "")
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise FigureError(f"not a number: {text!r}") from exc
    if match["sign"] == "-":
        value = -value
    return Figure(value=value, places=len(frac), percent=has_pct or bool(percent), text=text.strip(), counted=counted)


def _parse_ascii(text: str, percent: bool | None, suffixes: tuple[str, ...], counted: bool) -> Figure | None:
    """:func:`parse_figure` of an ASCII text with no unit word, or None to take the general
    way (which also words the errors)."""
    body = text.replace(" ", "").strip()
    if suffixes and body.endswith(suffixes):
        return None
    match = _ASCII_NUMBER.fullmatch(body)
    if match is None:
        return None
    sign, whole, frac, pct = match.groups()
    if pct and percent is False:
        return None
    value = Decimal((whole.replace(",", "") if "," in whole else whole) + ("." + frac if frac else ""))
    if sign == "-":
        value = -value
    return Figure(value, len(frac) if frac else 0, bool(pct) or bool(percent), text.strip(), counted)


def _longest_first(suffixes: tuple[str, ...]) -> tuple[str, ...]:
    """The unit words longest first, sorted once per table."""
    found = _LONGEST_FIRST.get(suffixes)
    if found is None:
        found = _LONGEST_FIRST[suffixes] = tuple(sorted(suffixes, key=len, reverse=True))
    return found


def format_fraction(value: Fraction, places: int, percent: bool = False) -> str:
    """Format an exact value with ``places`` decimals (half away from zero), for messages."""
    scaled = value * 100 if percent else value
    quantum = Decimal(1).scaleb(-places)
    dec = (Decimal(scaled.numerator) / Decimal(scaled.denominator)).quantize(quantum, rounding="ROUND_HALF_UP")
    return f"{dec:,}" + ("%" if percent else "")
