"""Resolve a data path pattern against the declared model classes (not against a report).

The rule catalogue checks with it, when it loads, that every path a rule names reaches a
field of the model (``income.items[*].amount``), so a misspelt path is an error in the rule
file rather than a rule that never finds anything.
"""

from __future__ import annotations

from typing import Any

from .paths import WILDCARD, DataPath, format_path
from .types import Base, parse_annotation


class FieldPathError(ValueError):
    """A path that names no field of the model (or indexes what is not a list)."""


def resolve_type(root: type[Base], pattern: DataPath) -> Any:
    """The declared type a path ends at: a model class, a cell type, or a scalar's name."""
    current: Any = root
    is_list = False
    for depth, seg in enumerate(pattern):
        here = format_path(pattern[:depth]) or root.__name__
        if is_list:
            if not (isinstance(seg, int) or seg == WILDCARD):
                raise FieldPathError(f"{here} is a list: index it with [*] or [n] before .{seg}")
            is_list = False
            continue
        if isinstance(seg, int) or seg == WILDCARD:
            raise FieldPathError(f"{here} is not a list")
        if not (isinstance(current, type) and issubclass(current, Base)):
            raise FieldPathError(f"{here} has no fields (so no {seg!r})")
        spec = current.__pydantic_fields__.get(seg)
        if spec is None:
            known = ", ".join(current.__pydantic_fields__)
            raise FieldPathError(f"{current.__name__} has no field {seg!r} (fields: {known})")
        shape, current, _ = parse_annotation(current, spec.annotation)
        is_list = shape == "list"
    return current
