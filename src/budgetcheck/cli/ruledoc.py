"""``budgetcheck rule CODE``: one rule's documentation in the chosen language."""

from __future__ import annotations

import re

from ..catalogue.rules import Rule
from ..i18n import t

_CJK = re.compile(r"[\u4e00-\u9fff]")
_COMMENT = re.compile(r"\s+#(.*)$")


def example_in(text: str, lang: str) -> str:
    """An example report; in Chinese, its comments that carry no Chinese text are left out."""
    if lang != "zh":
        return text
    lines = []
    for line in text.splitlines():
        comment = _COMMENT.search(line)
        if comment and not _CJK.search(comment.group(1)):
            line = line[: comment.start()]
        lines.append(line)
    return "\n".join(lines)


def describe(rule: Rule, lang: str) -> str:
    """Code, name, severity, summary, documentation and both examples."""
    summary = rule.summary_zh if lang == "zh" and rule.summary_zh else rule.summary
    head = f"{rule.code} {rule.name} ({rule.severity.label(lang)})"
    if lang == "zh":
        head = f"{rule.code} {rule.name}（{rule.severity.label(lang)}）"
    return (f"{head}\n\n{summary}\n\n{rule.docs_in(lang)}\n\n"
            f"{t('rule.failing', lang)}\n{example_in(rule.example_fail, lang)}\n\n"
            f"{t('rule.passing', lang)}\n{example_in(rule.example_pass, lang)}")
