"""Run the rule catalogue over one loaded report and collect the result; never prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .catalogue import Profile, Rule, load_profiles, load_rules
from .checks import KINDS, SCHEMA_RULE, UNREAD_RULE
from .checks.context import Context
from .docinfo import DocumentInfo, describe
from .findings import Finding, Severity
from .loader import LoadedReport

# Same-figure rules run first: a disputed copy is reported once and blocks the identities
# that would otherwise repeat the same disagreement (as Arelle does for XBRL duplicates).
_FIRST_KINDS = ("same_figure",)


@dataclass
class FileResult:
    """The findings of one input file, and whether it could be checked at all."""

    source: str
    findings: list[Finding] = field(default_factory=list)
    invalid: bool = False
    error: str | None = None
    touched: frozenset[tuple[str | int, ...]] = frozenset()
    document: DocumentInfo | None = None  # unit, year, table names: for the human formats

    def counts(self) -> Counter[Severity]:
        """How many findings of each severity."""
        return Counter(f.severity for f in self.findings)


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
    record_touched: bool = True,
) -> FileResult:
    """Run every rule over a loaded report; schema problems become findings of BC001.

    The report's explanations (说明) are applied last (see :mod:`budgetcheck.explain`).
    ``record_touched`` keeps, in ``FileResult.touched``, every figure path a check used: the
    coverage and property tests need it; the CLI turns it off (smaller results to pass on).
    """
    all_rules = load_rules()
    rules = all_rules if rules is None else rules
    result = FileResult(loaded.source)
    result.findings.extend(_unread_findings(loaded, all_rules))
    if loaded.problems or loaded.report is None:
        schema = all_rules[SCHEMA_RULE]
        for problem in loaded.problems:
            result.findings.append(
                Finding(
                    rule=schema.code,
                    name=schema.name,
                    severity=schema.severity,
                    message_en=schema.render("en", {"path": problem.path, "problem": problem.message}),
                    message_zh=schema.render("zh", {"path": problem.path, "problem": problem.message}),
                    path=problem.path,
                    file=loaded.source,
                    line=problem.line,
                    column=problem.column,
                )
            )
        result.invalid = True
        return result
    ctx = Context(loaded, profile or resolve_profile(loaded), all_rules, record_touched=record_touched)
    for rule in _ordered(rules):
        kind = KINDS.get(rule.kind)
        if kind is None:
            continue
        for target in rule.targets or ({},):
            result.findings.extend(kind(ctx, rule, target))
    result.findings.sort(key=lambda f: f.sort_key)
    from .explain import apply_explanations

    result.findings = apply_explanations(loaded, result.findings, all_rules, allow_explained_errors)
    result.touched = frozenset(ctx.touched)
    result.document = describe(loaded.report, (f.path for f in result.findings))
    return result
