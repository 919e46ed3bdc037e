"""The generic check kinds that rules in ``rules/`` are declared over."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..catalogue import Rule
from ..findings import Finding
from .context import Context
from .sums import check_group_sum, check_sum

CheckKind = Callable[[Context, Rule, dict[str, Any]], Iterable[Finding]]
SCHEMA_RULE = "BC001"

KINDS: dict[str, CheckKind] = {
    "sum": check_sum,
    "group_sum": check_group_sum,
}
