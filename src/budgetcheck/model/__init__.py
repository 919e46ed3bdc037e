"""The report model: every figure of a disclosure, typed."""

from .report import *  # noqa: F401,F403
from .report import Report
from .types import Placeholder

__all__ = ["Report", "Placeholder"]
