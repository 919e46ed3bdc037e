"""Run the rule catalogue over one loaded report and collect the result; never prints."""

from __future__ import annotations

from ..catalogue.rules import Rule, load_rules
from ..catalogue.profiles import Profile, load_profiles
from . import KINDS, SCHEMA_RULE, UNREAD_RULE
from .context import Context
from ..model.docinfo import describe
from ..sources.load import LoadedReport
from ..model.paths import DataPath
from ..i18n import render
from ..result import FileResult, Finding
from ..catalogue.targets import KINDS as TARGETS
from ..catalogue.targets import NO_TARGET

__all__ = ["FileResult", "check_report", "resolve_profile"]

# Same-figure rules run first: a disputed copy is reported once and blocks the identities
# that would otherwise repeat the same disagreement (as Arelle does for XBRL duplicates).
_FIRST_KINDS = ("same_figure",)


def _unread_findings(loaded: LoadedReport, rules: dict[str, Rule]) -> list[Finding]:
    """Warnings for text of a .txt/.docx/.pdf that held figures extraction could not read."""
    rule = rules[UNREAD_RULE]
    findings = []
    for unread in loaded.unread:
        values = {"path": unread.path, "snippet": unread.message}
        findings.append(
            Finding(
                rule=rule.code, name=rule.name, severity=rule.severity,
                message_en=rule.render("en", values), message_zh=rule.render("zh", values),
                path=unread.path, file=loaded.source, line=unread.line, column=unread.column,
                source=unread.source,
            )
        )
    return findings


def _ordered(rules: dict[str, Rule]) -> list[Rule]:
    return sorted(rules.values(), key=lambda r: (r.kind not in _FIRST_KINDS, r.code))


def resolve_profile(loaded: LoadedReport, override: str | None = None) -> Profile:
    """The scoring profile: the CLI's choice, else the report's ``profile`` key, else national."""
    profiles = load_profiles()
    name = override or getattr(loaded.report, "profile", None) or "national"
    if name not in profiles:
        raise KeyError(name)
    return profiles[name]


def check_report(
    loaded: LoadedReport,
    rules: dict[str, Rule] | None = None,
    profile: Profile | None = None,
    allow_explained_errors: bool = False,
    *,
    touched: set[DataPath] | None = None,
) -> FileResult:
    """Run every rule over a loaded report; schema problems become findings of BC001.

    The report's explanations (说明) are applied last (see :mod:`budgetcheck.checks.explain`).
    ``touched``, when given, receives every figure path a check used (the coverage and
    property tests measure with it; a run does not keep it).
    """
    all_rules = load_rules()
    rules = all_rules if rules is None else rules
    unread = _unread_findings(loaded, all_rules)
    if loaded.problems or loaded.report is None:
        return FileResult(loaded.source, findings=unread + _schema_findings(loaded, all_rules), invalid=True)
    ctx = Context(loaded, profile or resolve_profile(loaded), all_rules,
                  touched=set() if touched is None else touched, record_touched=touched is not None)
    findings = list(unread)
    for rule in _ordered(rules):
        if TARGETS[rule.kind].engine:  # reported above (schema, not extracted) or by explain
            continue
        for target in rule.targets or (NO_TARGET,):
            findings.extend(KINDS[rule.kind](ctx, rule, target))
    findings.sort(key=lambda f: f.sort_key)
    from .explain import apply_explanations

    findings = apply_explanations(loaded, findings, all_rules, allow_explained_errors)
    return FileResult(loaded.source, findings=findings, document=describe(loaded.report, (f.path for f in findings)))


def _schema_findings(loaded: LoadedReport, rules: dict[str, Rule]) -> list[Finding]:
    """One BC001 finding per schema problem, in both languages."""
    schema = rules[SCHEMA_RULE]
    findings = []
    for problem in loaded.problems:
        values = {"path": problem.path}
        findings.append(Finding(
            rule=schema.code, name=schema.name, severity=schema.severity,
            message_en=schema.render("en", {**values, "problem": render(problem.message, "en")}),
            message_zh=schema.render("zh", {**values, "problem": render(problem.message, "zh")}),
            path=problem.path, file=loaded.source, line=problem.line, column=problem.column,
        ))
    return findings
