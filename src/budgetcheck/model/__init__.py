"""The report model: every figure of a disclosure, typed.

``from budgetcheck.model import Report`` (or ``Unit``, ``Item`` …) gives the pydantic models
of :mod:`budgetcheck.model.public`, imported on first use. The command line reads reports
with the records of :mod:`budgetcheck.model.report` instead (same declarations, a faster
start); a library user needs only the classes here.
"""

from typing import Any

from .figures import Figure
from .measures import Measure
from .report import Report as _Declared
from .types import Placeholder

__all__ = [*_Declared.__declared__, "Figure", "Measure", "Placeholder"]


def __getattr__(name: str) -> Any:
    if name in _Declared.__declared__:
        from . import public

        return public.CLASSES[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
