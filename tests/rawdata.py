"""Reading and writing raw report data (nested dicts and lists from YAML) at a data path."""

from __future__ import annotations

from typing import Any

from budgetcheck.model.paths import DataPath


def raw_get(data: Any, path: DataPath) -> Any:
    """The raw value at ``path`` (KeyError or IndexError when absent)."""
    for seg in path:
        data = data[seg]
    return data


def raw_set(data: Any, path: DataPath, value: Any) -> None:
    """Put ``value`` at ``path``, whose parent must exist."""
    raw_get(data, path[:-1])[path[-1]] = value
