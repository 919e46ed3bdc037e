"""The generic check kinds that rules in ``rules/`` are declared over."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..catalogue import Rule
from ..findings import Finding
from .context import Context
from .sums import check_group_sum, check_sum
from .changes import check_growth, check_growth_zero_base, check_negative_prior
from .counts import check_table_count
from .ratios import check_ratio
from .same_figure import check_same_figure, check_same_indicator
from .consistency import check_convention, check_far_above
from .costs import check_cost_cover
from .execution import check_execution_rate, check_execution_score
from .indicators import (
    check_completion_rate, check_deadline, check_indicator_score, check_qualitative_band, check_satisfaction,
)
from .table_scores import check_grade, check_score_range, check_total_score, check_weights_total
from .signs import check_negative, check_percent_as_fraction

CheckKind = Callable[[Context, Rule, Any], Iterable[Finding]]
"""A check function: the run's context, the rule, and one target of the kind's declared type."""
SCHEMA_RULE = "BC001"
UNREAD_RULE = "BC003"

KINDS: dict[str, CheckKind] = {
    "sum": check_sum,
    "group_sum": check_group_sum,
    "ratio": check_ratio,
    "growth": check_growth,
    "growth_zero_base": check_growth_zero_base,
    "negative_prior": check_negative_prior,
    "same_figure": check_same_figure,
    "same_indicator": check_same_indicator,
    "table_count": check_table_count,
    "execution_rate": check_execution_rate,
    "execution_score": check_execution_score,
    "weights_total": check_weights_total,
    "score_range": check_score_range,
    "total_score": check_total_score,
    "completion_rate": check_completion_rate,
    "indicator_score": check_indicator_score,
    "deadline": check_deadline,
    "qualitative_band": check_qualitative_band,
    "satisfaction": check_satisfaction,
    "grade": check_grade,
    "cost_cover": check_cost_cover,
    "convention": check_convention,
    "far_above": check_far_above,
    "negative": check_negative,
    "percent_as_fraction": check_percent_as_fraction,
}
