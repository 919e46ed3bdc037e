"""The scoring conventions of a profile (``rules/profiles/*.yaml``), parsed into exact values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..figures import FigureError, normalise, parse_figure


def _fraction(raw: object, percent: bool) -> Fraction:
    """A profile number (``"110%"``, ``"90"``) as an exact value (percentages as a fraction of 1)."""
    try:
        return parse_figure(raw, percent=True if percent else None).exact
    except FigureError:
        raise ValueError(f"bad number in profile: {raw!r}") from None


def _names(raw: Any, default: tuple[str, ...]) -> tuple[str, ...]:
    if raw is None:
        return default
    if isinstance(raw, str):
        return (raw,)
    return tuple(str(item) for item in raw)


DEFAULT_WORDS = {
    "达成": "达成",
    "已达成": "达成",
    "达到预期指标": "达成",
    "达到预期": "达成",
    "达到预期目标": "达成",
    "部分达成": "部分达成",
    "部分达到预期": "部分达成",
    "部分达到预期指标": "部分达成",
    "未达成": "未达成",
    "未达到预期": "未达成",
    "未达到预期指标": "未达成",
}


@dataclass(frozen=True)
class Conventions:
    """Which scoring conventions a profile accepts (see ``rules/profiles/national.yaml``)."""

    execution_score: str = "capped"
    above_target: tuple[str, ...] = ("full", "deviation")
    forward_rate: tuple[str, ...] = ("ratio", "capped")
    reverse_over_target: tuple[str, ...] = ("linear", "inverse")
    far_above_rate: Fraction = Fraction(11, 10)
    qualitative_bands: dict[str, tuple[Fraction, Fraction]] = field(default_factory=dict)
    qualitative_words: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_WORDS))
    grade_bands: tuple[tuple[str, Fraction], ...] = ()

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Conventions:
        """Read a profile's ``params`` mapping; missing keys keep the national defaults."""
        bands = params.get("qualitative_bands") or {"达成": ["80%", "100%"], "部分达成": ["60%", "80%"], "未达成": ["0%", "60%"]}
        grades = params.get("grade_bands") or [
            {"grade": "优", "min": "90"}, {"grade": "良", "min": "80"}, {"grade": "中", "min": "60"}, {"grade": "差", "min": "0"}
        ]
        words = dict(DEFAULT_WORDS)
        words.update({normalise(str(k)): str(v) for k, v in (params.get("qualitative_words") or {}).items()})
        return cls(
            execution_score=str(params.get("execution_score", "capped")),
            above_target=_names(params.get("above_target"), cls.above_target),
            forward_rate=_names(params.get("forward_rate"), cls.forward_rate),
            reverse_over_target=_names(params.get("reverse_over_target"), cls.reverse_over_target),
            far_above_rate=_fraction(params.get("far_above_rate", "110%"), True),
            qualitative_bands={str(k): (_fraction(v[0], True), _fraction(v[1], True)) for k, v in bands.items()},
            qualitative_words=words,
            grade_bands=tuple(
                sorted(((str(g["grade"]), _fraction(g["min"], False)) for g in grades), key=lambda gb: -gb[1])
            ),
        )

    def band_of(self, actual_text: str) -> tuple[str, tuple[Fraction, Fraction]] | None:
        """The achievement band an actual word names (``达到预期指标`` → 达成), or None."""
        word = normalise(actual_text).lstrip("=")
        name = self.qualitative_words.get(word, word)
        band = self.qualitative_bands.get(name)
        return (name, band) if band is not None else None
