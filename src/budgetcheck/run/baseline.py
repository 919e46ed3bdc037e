"""Baselines: adopt the checker on old reports and fail only on new findings.

A baseline lists known findings keyed by file, rule and data path — never by line, so
editing a report elsewhere does not make old findings look new. Findings in the baseline
are left out of the output and do not fail the run; the summary counts them.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..i18n import Text, os_reason, syntax_reason
from ..result import Finding

if TYPE_CHECKING:
    from ..catalogue.rules import FilePath

BASELINE_VERSION = 1
Key = tuple[str, str, str]


class BaselineError(ValueError):
    """A baseline file that cannot be read or is not a budgetcheck baseline."""


def file_key(name: str) -> str:
    """A file name as stored in a baseline: relative to the cwd when inside it, ``/``-separated."""
    if name.startswith("<"):
        return name
    from pathlib import Path, PurePath  # only when a baseline is used

    path = Path(name)
    try:
        path = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        pass
    return PurePath(os.path.normpath(path)).as_posix()


def key_of(finding: Finding) -> Key:
    """The identity of a finding for baselining: file, rule code, data path."""
    return (file_key(finding.file), finding.rule, finding.path)


def write(path: FilePath, findings: Iterable[Finding]) -> int:
    """Write every finding as a baseline entry; returns how many were written."""
    counts = Counter(key_of(f) for f in findings)
    entries = [{"file": file, "rule": rule, "path": data_path, "count": n}
               for (file, rule, data_path), n in sorted(counts.items())]
    document = {"tool": "budgetcheck", "baseline_version": BASELINE_VERSION, "findings": entries}
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return sum(counts.values())


def read(path: FilePath) -> Counter[Key]:
    """Read a baseline file into a multiset of keys."""
    try:
        with open(path, encoding="utf-8") as handle:
            data: Any = json.loads(handle.read())
    except OSError as exc:
        raise BaselineError(Text("baseline.unreadable", path=path, reason=os_reason(exc))) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(Text("baseline.unreadable", path=path, reason=syntax_reason(exc, "JSON"))) from None
    if not isinstance(data, dict) or data.get("baseline_version") != BASELINE_VERSION:
        raise BaselineError(Text("baseline.not_baseline", path=path, version=BASELINE_VERSION))
    known: Counter[Key] = Counter()
    for entry in data.get("findings") or []:
        try:
            known[(str(entry["file"]), str(entry["rule"]), str(entry["path"]))] += int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(Text("baseline.malformed", path=path, entry=repr(entry))) from None
    return known


def split(findings: list[Finding], known: Counter[Key]) -> tuple[list[Finding], int]:
    """Drop findings covered by the baseline (each entry covers ``count`` findings)."""
    left = Counter(known)
    kept: list[Finding] = []
    dropped = 0
    for finding in findings:
        key = key_of(finding)
        if left[key] > 0:
            left[key] -= 1
            dropped += 1
        else:
            kept.append(finding)
    return kept, dropped
