"""The scoring conventions of a profile (``rules/profiles/*.yaml``), parsed into exact values.

``profiles.py`` has already checked every key and value; this module turns them into
fractions and tuples, with the national defaults for what a profile leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from ...model.exact import Fraction
from typing import Any
from ...model.figures import FigureError, normalise, parse_figure
from ...model.records import Frozen, set_field


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
    "达成年度指标": "达成",
    "部分达成": "部分达成",
    "部分达到预期": "部分达成",
    "部分达到预期指标": "部分达成",
    "部分达成年度指标并具有一定效果": "部分达成",
    "未达成": "未达成",
    "未达到预期": "未达成",
    "未达到预期指标": "未达成",
    "未达成年度指标且效果较差": "未达成",
}
DEFAULT_BANDS = {"达成": ["80%", "100%"], "部分达成": ["60%", "80%"], "未达成": ["0%", "60%"]}
DEFAULT_GRADES = [{"grade": "优", "min": "90"}, {"grade": "良", "min": "80"}, {"grade": "中", "min": "60"}, {"grade": "差", "min": "0"}]
_SPACES = re.compile(r"\s+")
ROUNDING_STEPS = {"none": None, "whole": Fraction(1), "half": Fraction(1, 2)}


class StatedRule(Frozen):
    """The formula a 赋分规则 printed beside a row states (``stated_rules`` of the profile).

    ``all_or_nothing``: the weight when met, else 0; ``per_point``: the weight less
    ``points`` for each ``step`` percentage points below target; ``capped``: weight × rate,
    at most the weight (no deduction above target); ``judged``: the evaluator's judgement,
    nothing to recompute from the rate.
    """

    __slots__ = ("formula", "step", "points")
    formula: str
    step: Fraction | None
    points: Fraction | None

    def __init__(self, formula: str, step: Fraction | None = None, points: Fraction | None = None) -> None:
        set_field(self, "formula", formula)
        set_field(self, "step", step)
        set_field(self, "points", points)


def _named(patterns: tuple[re.Pattern[str], ...], name: str) -> bool:
    """Whether an indicator name (spaces removed) matches one of ``patterns``."""
    bare = re.sub(r"\s+", "", name)
    return any(pattern.search(bare) for pattern in patterns)


class Conventions(Frozen):
    """Which scoring conventions a profile accepts (see ``docs/scoring.md``)."""

    __fields__ = ("execution_score", "execution_thresholds", "execution_note_below", "unspent_rate",
                  "above_target", "cutoff_rate", "cutoff_levels", "forward_rate", "reverse_over_target",
                  "reverse_met_rate", "far_above_rate", "score_rounding", "qualitative_bands",
                  "qualitative_words", "grade_bands", "stated_rules", "reverse_names", "execution_rows")
    execution_score: tuple[str, ...] = ("capped",)
    execution_thresholds: tuple[tuple[Fraction, Fraction], ...] = ()
    execution_note_below: Fraction | None = None
    unspent_rate: Fraction = Fraction(1, 2)
    above_target: tuple[str, ...] = ("full", "deviation")
    cutoff_rate: Fraction | None = None
    cutoff_levels: tuple[str, ...] = ()
    forward_rate: tuple[str, ...] = ("ratio", "capped")
    reverse_over_target: tuple[str, ...] = ("linear", "inverse")
    reverse_met_rate: tuple[str, ...] = ("full",)
    far_above_rate: Fraction = Fraction(11, 10)
    score_rounding: Fraction | None = None
    qualitative_bands: dict[str, tuple[Fraction, Fraction]]
    qualitative_words: dict[str, str]
    grade_bands: tuple[tuple[str, Fraction], ...] = ()
    stated_rules: tuple[tuple[str, re.Pattern[str]], ...] = ()
    reverse_names: tuple[re.Pattern[str], ...] = ()
    execution_rows: tuple[re.Pattern[str], ...] = ()

    def __init__(
        self, execution_score: tuple[str, ...] = ("capped",),
        execution_thresholds: tuple[tuple[Fraction, Fraction], ...] = (),
        execution_note_below: Fraction | None = None, unspent_rate: Fraction = Fraction(1, 2),
        above_target: tuple[str, ...] = ("full", "deviation"), cutoff_rate: Fraction | None = None,
        cutoff_levels: tuple[str, ...] = (), forward_rate: tuple[str, ...] = ("ratio", "capped"),
        reverse_over_target: tuple[str, ...] = ("linear", "inverse"),
        reverse_met_rate: tuple[str, ...] = ("full",), far_above_rate: Fraction = Fraction(11, 10),
        score_rounding: Fraction | None = None,
        qualitative_bands: dict[str, tuple[Fraction, Fraction]] | None = None,
        qualitative_words: dict[str, str] | None = None, grade_bands: tuple[tuple[str, Fraction], ...] = (),
        stated_rules: tuple[tuple[str, re.Pattern[str]], ...] = (),
        reverse_names: tuple[re.Pattern[str], ...] = (), execution_rows: tuple[re.Pattern[str], ...] = (),
    ) -> None:
        set_field(self, "execution_score", execution_score)
        set_field(self, "execution_thresholds", execution_thresholds)
        set_field(self, "execution_note_below", execution_note_below)
        set_field(self, "unspent_rate", unspent_rate)
        set_field(self, "above_target", above_target)
        set_field(self, "cutoff_rate", cutoff_rate)
        set_field(self, "cutoff_levels", cutoff_levels)
        set_field(self, "forward_rate", forward_rate)
        set_field(self, "reverse_over_target", reverse_over_target)
        set_field(self, "reverse_met_rate", reverse_met_rate)
        set_field(self, "far_above_rate", far_above_rate)
        set_field(self, "score_rounding", score_rounding)
        set_field(self, "qualitative_bands", {} if qualitative_bands is None else qualitative_bands)
        set_field(self, "qualitative_words", dict(DEFAULT_WORDS) if qualitative_words is None else qualitative_words)
        set_field(self, "grade_bands", grade_bands)
        set_field(self, "stated_rules", stated_rules)
        set_field(self, "reverse_names", reverse_names)
        set_field(self, "execution_rows", execution_rows)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Conventions:
        """Read a profile's ``params`` mapping; missing keys keep the national defaults."""
        words = dict(DEFAULT_WORDS)
        words.update({normalise(str(k)): str(v) for k, v in (params.get("qualitative_words") or {}).items()})
        thresholds = params.get("execution_thresholds") or []
        return cls(
            execution_score=_names(params.get("execution_score"), cls.execution_score),
            execution_thresholds=tuple(sorted(
                ((_fraction(t["min"], True), _fraction(t["share"], True)) for t in thresholds), key=lambda t: -t[0])),
            execution_note_below=_optional(params.get("execution_note_below")),
            unspent_rate=_fraction(params.get("unspent_rate", "50%"), True),
            above_target=_names(params.get("above_target"), cls.above_target),
            cutoff_rate=_optional(params.get("cutoff_rate")),
            cutoff_levels=_names(params.get("cutoff_levels"), ()),
            forward_rate=_names(params.get("forward_rate"), cls.forward_rate),
            reverse_over_target=_names(params.get("reverse_over_target"), cls.reverse_over_target),
            reverse_met_rate=_names(params.get("reverse_met_rate"), cls.reverse_met_rate),
            far_above_rate=_fraction(params.get("far_above_rate", "110%"), True),
            score_rounding=ROUNDING_STEPS[str(params.get("score_rounding", "none"))],
            qualitative_bands=_bands(params.get("qualitative_bands") or DEFAULT_BANDS),
            qualitative_words=words,
            grade_bands=_grades(params.get("grade_bands") or DEFAULT_GRADES),
            stated_rules=tuple(
                (formula, re.compile(pattern))
                for formula, patterns in (params.get("stated_rules") or {}).items() for pattern in patterns
            ),
            reverse_names=tuple(re.compile(pattern) for pattern in params.get("reverse_names") or ()),
            execution_rows=tuple(re.compile(pattern) for pattern in params.get("execution_rows") or ()),
        )

    def execution_row(self, name: str) -> bool:
        """Whether an indicator of this name scores budget execution (the profile's
        ``execution_rows``: 预算执行率 printed as an indicator row)."""
        return _named(self.execution_rows, name)

    def reverse_by_name(self, name: str) -> bool:
        """Whether an indicator of this name is lower-is-better when its target prints no
        comparator (the profile's ``reverse_names``)."""
        return _named(self.reverse_names, name)

    def stated_rule(self, text: str | None) -> StatedRule | None:
        """The formula a printed 赋分规则 states, by the profile's wordings (first match in
        the order written), or None when it states none the profile knows."""
        if not text or not self.stated_rules:
            return None
        squeezed = _SPACES.sub("", normalise(text))
        for formula, pattern in self.stated_rules:
            match = pattern.search(squeezed)
            if match is None:
                continue
            if formula == "per_point":
                step, points = _fraction(match["step"], False), _fraction(match["points"], False)
                if step <= 0:
                    continue
                return StatedRule(formula, step, points)
            return StatedRule(formula)
        return None

    def band_of(self, actual_text: str) -> tuple[str, tuple[Fraction, Fraction]] | None:
        """The achievement band an actual word names (``达到预期指标`` → 达成), or None."""
        word = normalise(actual_text).lstrip("=")
        name = self.qualitative_words.get(word, word)
        band = self.qualitative_bands.get(name)
        return (name, band) if band is not None else None


def _optional(raw: object) -> Fraction | None:
    return None if raw is None else _fraction(raw, True)


def _bands(raw: Mapping[str, Any]) -> dict[str, tuple[Fraction, Fraction]]:
    return {str(k): (_fraction(v[0], True), _fraction(v[1], True)) for k, v in raw.items()}


def _grades(raw: Any) -> tuple[tuple[str, Fraction], ...]:
    return tuple(sorted(((str(g["grade"]), _fraction(g["min"], False)) for g in raw), key=lambda gb: -gb[1]))
