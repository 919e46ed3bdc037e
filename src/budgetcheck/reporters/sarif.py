"""SARIF 2.1.0 for GitHub code scanning: the rule catalogue as the driver's rules, one result
per finding with a fingerprint that survives edits elsewhere in the file."""

from __future__ import annotations

import hashlib
import json
from typing import IO, TYPE_CHECKING, Any

from .. import __version__
from ..catalogue.rules import Rule, load_rules
from ..result import Finding, Severity
from .common import relative_uri

if TYPE_CHECKING:
    from ..result import RunResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/budgetcheck/"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """One ``reportingDescriptor`` from the catalogue."""
    examples = f"Failing example:\n\n{rule.example_fail}\n\nPassing example:\n\n{rule.example_pass}"
    markdown = (f"{rule.docs}\n\n**Failing example**\n\n```yaml\n{rule.example_fail}\n```\n\n"
                f"**Passing example**\n\n```yaml\n{rule.example_pass}\n```")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} {rule.summary_zh}".strip()},
        "help": {"text": f"{rule.docs}\n\n{examples}", "markdown": markdown},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["budget", rule.kind]},
    }


def fingerprint(finding: Finding) -> str:
    """A stable hash of rule, file and data path (not the line)."""
    key = "\x1f".join((finding.rule, relative_uri(finding.file), finding.path))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def location(finding: Finding) -> dict[str, Any]:
    """The SARIF location: file and line, or file and the place in a .docx/.pdf (logical)."""
    physical: dict[str, Any] = {"artifactLocation": {"uri": relative_uri(finding.file)}}
    if finding.line:
        region: dict[str, int] = {"startLine": finding.line}
        if finding.column:
            region["startColumn"] = finding.column
        physical["region"] = region
    entry: dict[str, Any] = {"physicalLocation": physical}
    if not finding.line and finding.source:
        entry["logicalLocations"] = [{"name": finding.source, "fullyQualifiedName": finding.path}]
    return entry


def result(finding: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    """One SARIF ``result``."""
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message(lang)},
        "locations": [location(finding)],
        "partialFingerprints": {"budgetcheck/v1": fingerprint(finding)},
        "properties": {"dataPath": finding.path, "sourcePlace": finding.source,
                       "expected": finding.expected, "found": finding.found,
                       "messageZh": finding.message_zh, "messageEn": finding.message_en},
    }
    if finding.rule in index:
        entry["ruleIndex"] = index[finding.rule]
    if finding.explained:
        entry["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": finding.explained}]
    return entry


def document(run: RunResult, lang: str) -> dict[str, Any]:
    """The SARIF log of a run; the driver lists the selected rules (all when none was chosen)."""
    catalogue = load_rules()
    rules = [catalogue[code] for code in run.rules if code in catalogue] or list(catalogue.values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file in run.each():
        results.extend(result(f, index, lang) for f in file.findings)
        if file.error:
            notifications.append(
                {"level": "error", "message": {"text": file.error},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": relative_uri(file.source)}}}]}
            )
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "budgetcheck", "version": __version__,
                                "informationUri": INFORMATION_URI, "rules": [rule_descriptor(r) for r in rules]}},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write the run as a SARIF 2.1.0 log."""
    out.write(json.dumps(document(run, lang), ensure_ascii=False, indent=2) + "\n")
