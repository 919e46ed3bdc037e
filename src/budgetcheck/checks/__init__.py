"""The generic check kinds that rules in ``rules/`` are declared over."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..catalogue.rules import Rule
from ..result import Finding
from .context import Context
from .arithmetic.sums import check_group_sum, check_sum
from .arithmetic.bounds import check_not_above
from .arithmetic.changes import check_growth, check_growth_zero_base, check_negative_prior
from .arithmetic.counts import check_table_count
from .arithmetic.ratios import check_ratio
from .arithmetic.same_figure import check_same_figure, check_same_indicator
from .scoring.consistency import check_convention, check_far_above
from .scoring.costs import check_cost_cover
from .scoring.headings import check_heading_weights
from .scoring.missed import check_missed_target
from .scoring.monotone import check_monotone
from .scoring.execution import (
    check_execution_note, check_execution_rate, check_execution_score, check_unspent_outputs_met,
)
from .scoring.indicators import (
    check_completion_rate, check_deadline, check_indicator_score, check_qualitative_band, check_satisfaction,
)
from .scoring.table_scores import check_grade, check_score_range, check_total_score, check_weights_total
from .arithmetic.signs import check_negative, check_percent_as_fraction
from .arithmetic.statement_sums import check_statement_sum
from .arithmetic.statements import (
    check_balance, check_claim_unchanged, check_damaged, check_difference, check_repaired, check_whole_base,
)
from .scoring.printed import check_not_printed, check_ocr_alternative, check_unmeasured_actual

# Each function takes its kind's own target class (catalogue/targets.py); the catalogue
# parses every target into that class at load, and tests/test_check_signatures.py keeps the
# two registries in step, so the third argument is typed per function, not here.
CheckKind = Callable[[Context, Rule, Any], Iterable[Finding]]
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
    "not_above": check_not_above,
    "execution_rate": check_execution_rate,
    "execution_score": check_execution_score,
    "execution_note": check_execution_note,
    "unspent_outputs_met": check_unspent_outputs_met,
    "weights_total": check_weights_total,
    "heading_weights": check_heading_weights,
    "score_range": check_score_range,
    "total_score": check_total_score,
    "completion_rate": check_completion_rate,
    "indicator_score": check_indicator_score,
    "deadline": check_deadline,
    "missed_target": check_missed_target,
    "qualitative_band": check_qualitative_band,
    "satisfaction": check_satisfaction,
    "grade": check_grade,
    "cost_cover": check_cost_cover,
    "convention": check_convention,
    "far_above": check_far_above,
    "monotone": check_monotone,
    "negative": check_negative,
    "percent_as_fraction": check_percent_as_fraction,
    "difference": check_difference,
    "claim_unchanged": check_claim_unchanged,
    "balance": check_balance,
    "damaged": check_damaged,
    "repaired": check_repaired,
    "statement_sum": check_statement_sum,
    "whole_base": check_whole_base,
    "not_printed": check_not_printed,
    "unmeasured_actual": check_unmeasured_actual,
    "ocr_alternative": check_ocr_alternative,
}
