"""GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint,
severity, location.path, location.lines.begin), shown in merge requests."""

from __future__ import annotations

import hashlib
import json
from typing import IO, TYPE_CHECKING, Any

from ..result import Finding, Severity
from .common import relative_uri
from .place import place_label

if TYPE_CHECKING:
    from ..result import RunResult

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprint(finding: Finding) -> str:
    """A stable hash of rule, file and data path (edits elsewhere in the file keep it)."""
    key = "\x1f".join((finding.rule, relative_uri(finding.file), finding.path))
    return hashlib.md5(key.encode("utf-8"), usedforsecurity=False).hexdigest()


def issue(finding: Finding, lang: str) -> dict[str, Any]:
    """One Code Quality issue; a finding without a line is put on line 1 with its place named."""
    description = f"{finding.rule} {finding.message(lang)}"
    place = place_label(finding, lang)
    if not finding.line and place:
        description += f" ({place})"
    return {
        "description": description,
        "check_name": f"{finding.rule} {finding.name}",
        "fingerprint": fingerprint(finding),
        "severity": "info" if finding.explained else SEVERITY[finding.severity],
        "location": {"path": relative_uri(finding.file), "lines": {"begin": finding.line or 1}},
    }


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write every finding (and each unreadable file, as a blocker) as one JSON array."""
    issues: list[dict[str, Any]] = []
    for file in run.each():
        if file.error:
            issues.append({"description": file.error, "check_name": "unreadable",
                           "fingerprint": hashlib.md5(file.source.encode(), usedforsecurity=False).hexdigest(),
                           "severity": "blocker",
                           "location": {"path": relative_uri(file.source), "lines": {"begin": 1}}})
        issues.extend(issue(f, lang) for f in file.findings)
    out.write(json.dumps(issues, ensure_ascii=False, indent=2) + "\n")
