"""Output formats. Each reporter reads only file results and rule metadata."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..runner import RunResult

Reporter = Callable[["RunResult", IO[str], str], None]


def get_reporter(name: str) -> Reporter:
    """The reporter function for a format name (imported lazily: only what is used loads)."""
    if name == "table":
        from .table import report
    elif name == "concise":
        from .concise import report
    else:
        raise KeyError(name)
    return report


FORMATS = ("table", "concise")
