"""Findings: one immutable value per inconsistency, complete when created."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How serious a finding is, in the MoF audit's terms."""

    ERROR = "error"  # 强制性: the arithmetic is wrong
    WARNING = "warning"  # 提示性: suspicious, acceptable with an explanation
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label_zh(self) -> str:
        """The Chinese name used by the MoF software."""
        return {"error": "强制性", "warning": "提示性", "info": "提示"}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported inconsistency at one place of one report."""

    rule: str
    name: str
    severity: Severity
    message_en: str
    message_zh: str
    path: str
    file: str
    line: int | None = None
    column: int | None = None
    expected: str | None = None
    found: str | None = None
    interval: str | None = None
    related: tuple[str, ...] = ()
    explained: str | None = None
    source: str | None = field(default=None, compare=False)

    def message(self, lang: str = "en") -> str:
        """The message in English (``en``) or Chinese (``zh``)."""
        return self.message_zh if lang == "zh" else self.message_en

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, position, rule and path so output is deterministic."""
        return (self.file, self.line or 0, self.column or 0, self.rule, self.path)
