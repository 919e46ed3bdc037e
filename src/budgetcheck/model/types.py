"""Pydantic field types for printed figures, placeholders and indicator cells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Callable

from pydantic import ConfigDict, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic import BaseModel

from ..figures import Figure, FigureError, is_placeholder, parse_figure
from ..measures import Measure, parse_measure


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A "not applicable" cell (``/``, ``—``, ``-``, blank) kept distinct from a number."""

    text: str

    def __str__(self) -> str:
        return self.text


class Base(BaseModel):
    """Base of every report section: unknown keys are errors, values are immutable."""

    # defer_build: build one validator for Report on first use instead of one per class at
    # import (halves the start-up cost of `budgetcheck validate`; see bench/README.md).
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True)


def _text_of(value: object) -> str:
    if isinstance(value, (Figure, Placeholder, Measure)):
        return value.text
    return str(value)


def _figure_validator(percent: bool | None, suffixes: tuple[str, ...], cells: bool) -> Callable[[Any], Any]:
    def validate(raw: Any) -> Any:
        if isinstance(raw, (Figure, Placeholder)):
            return raw
        if cells and isinstance(raw, str) and is_placeholder(raw):
            return Placeholder(raw.strip())
        try:
            return parse_figure(raw, percent=percent, suffixes=suffixes)
        except FigureError as exc:
            raise ValueError(str(exc)) from None

    return validate


def _figure_type(percent: bool | None, suffixes: tuple[str, ...], cells: bool, example: str) -> Any:
    schema = {"type": ["string", "number"], "examples": [example]}
    return Annotated[
        Figure | Placeholder if cells else Figure,
        PlainValidator(_figure_validator(percent, suffixes, cells)),
        PlainSerializer(_text_of, return_type=str),
        WithJsonSchema(schema),
    ]


def _measure(raw: Any) -> Measure:
    if isinstance(raw, Measure):
        return raw
    try:
        return parse_measure(raw)
    except FigureError as exc:
        raise ValueError(str(exc)) from None


Amount = _figure_type(False, ("万元", "元"), False, "2,310.50")
"""An amount of money (万元 unless stated), signed where it is a change."""
Percent = _figure_type(True, (), False, "93.61%")
"""A percentage; a bare number is read as percentage points."""
Count = _figure_type(False, ("人", "辆", "个", "台", "台（套）", "次", "批次", "人次", "份"), False, "5")
"""A whole count (people, vehicles, projects)."""
Score = _figure_type(False, ("分",), False, "9.36")
"""A weight or score in points."""
AmountCell = _figure_type(False, ("万元", "元"), True, "14.10")
"""An amount table cell that may be a placeholder."""
PercentCell = _figure_type(True, (), True, "100.00%")
"""A percentage table cell that may be a placeholder."""
ScoreCell = _figure_type(False, ("分",), True, "10")
"""A weight or score table cell that may be a placeholder."""
MeasureCell = Annotated[
    Measure,
    PlainValidator(_measure),
    PlainSerializer(_text_of, return_type=str),
    WithJsonSchema({"type": ["string", "number"], "examples": [">=90%", "=1套", "2024年12月15日前", "提升"]}),
]
"""An indicator target or actual: operator + number + unit, a date, a word or a placeholder."""
