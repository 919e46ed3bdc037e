"""The generic check kinds that rules in ``rules/`` are declared over."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..catalogue import Rule
from ..findings import Finding
from .context import Context
from .sums import check_group_sum, check_sum
from .changes import check_growth, check_growth_zero_base
from .counts import check_table_count
from .ratios import check_ratio
from .same_figure import check_same_figure, check_same_indicator
from .signs import check_negative, check_percent_as_fraction

CheckKind = Callable[[Context, Rule, dict[str, Any]], Iterable[Finding]]
SCHEMA_RULE = "BC001"

KINDS: dict[str, CheckKind] = {
    "sum": check_sum,
    "group_sum": check_group_sum,
    "ratio": check_ratio,
    "growth": check_growth,
    "growth_zero_base": check_growth_zero_base,
    "same_figure": check_same_figure,
    "same_indicator": check_same_indicator,
    "table_count": check_table_count,
    "negative": check_negative,
    "percent_as_fraction": check_percent_as_fraction,
}
