"""Explanations (说明): a report's written reasons for specific findings.

As in the MoF reporting software, a unit may explain a 提示性 (warning) finding: the finding
is still shown, marked explained, and no longer fails the run. Explaining an error-level
finding is accepted only with ``--allow-explained-errors``. An explanation that explains
nothing is itself reported, as a finding of the unused-explanation rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..catalogue.rules import Rule, find_rule
from ..i18n import Text
from ..result import Finding, Severity
from ..sources.load import LoadedReport
from ..model.records import replace

UNUSED_RULE = "BC002"

_UNMATCHED = Text("explain.unmatched")
_UNKNOWN = Text("explain.unknown")
_ERROR = Text("explain.error")


def _problem(loaded: LoadedReport, rules: dict[str, Rule], index: int, explanation: Any,
             problem: Text) -> Finding:
    rule = rules[UNUSED_RULE]
    path = ("explanations", index)
    text_path = f"explanations[{index}]"
    values = {"path": text_path, "rule": explanation.rule, "target": explanation.path,
              "problem": problem.render("en"), "problem_zh": problem.render("zh")}
    line, column = loaded.locate(path)
    return Finding(
        rule=rule.code, name=rule.name, severity=rule.severity,
        message_en=rule.render("en", values), message_zh=rule.render("zh", values),
        path=text_path, file=loaded.source, line=line, column=column,
    )


def apply_explanations(
    loaded: LoadedReport,
    findings: Sequence[Finding],
    rules: dict[str, Rule],
    allow_errors: bool = False,
) -> list[Finding]:
    """Mark explained findings and add a finding for each explanation that explains nothing."""
    explanations = list(getattr(loaded.report, "explanations", None) or ())
    if not explanations or UNUSED_RULE not in rules:
        return list(findings)
    out = list(findings)
    extra: list[Finding] = []
    for index, explanation in enumerate(explanations):
        target = find_rule(explanation.rule, rules)
        if target is None:
            extra.append(_problem(loaded, rules, index, explanation, _UNKNOWN))
            continue
        hits = [i for i, f in enumerate(out) if f.rule == target.code and f.path == explanation.path]
        if not hits:
            extra.append(_problem(loaded, rules, index, explanation, _UNMATCHED))
            continue
        for i in hits:
            if out[i].severity is Severity.ERROR and not allow_errors:
                extra.append(_problem(loaded, rules, index, explanation, _ERROR))
                break
            out[i] = replace(out[i], explained=explanation.reason)
    return sorted(out + extra, key=lambda f: f.sort_key)
