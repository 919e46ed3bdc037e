"""Compatibility name for :mod:`budgetcheck.result` (severity and finding live there)."""

from __future__ import annotations

from .result import Finding, Severity

__all__ = ["Finding", "Severity"]
