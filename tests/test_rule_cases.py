"""Data-driven pass/fail cases, one file per rule in tests/rule_cases/ (``pytest -k BC101``).

A ``pass`` case must give no finding of the rule. A ``fail`` case lists every finding of the
rule it must give, no more and no fewer, as sqlfluff's rule tests list their violations:

    expect: fail
    findings:
      - {path: income_expenditure.income_total, expected: "2,310.50", found: "2,310.53", line: 1}

``path`` is the finding's data path; ``expected``/``found`` are its strings (omitted: the
rule sets none); ``line``, optional, is the line in the case's ``report`` (or ``document``)
as if it were a file of its own: the first line under ``report:`` is line 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from budgetcheck.result import Finding
from budgetcheck.sources.yamltree import parse_yaml
from budgetcheck.model.records import replace

from .conftest import check_data, check_document

CASE_DIR = Path(__file__).with_name("rule_cases")
KEYS = ("path", "expected", "found", "line")


def _strip(positions: dict, prefix: tuple) -> dict:
    n = len(prefix)
    return {path[n:]: pos for path, pos in positions.items() if path[:n] == prefix}


def _cases() -> list:
    params = []
    for path in sorted(CASE_DIR.glob("BC*.yaml")):
        data, positions = parse_yaml(path.read_text(encoding="utf-8"), str(path))
        for index, case in enumerate(data["cases"]):
            prefix = ("cases", index, "report")
            first_line = positions.get(prefix, (1, 1))[0] if "report" in case else 1
            case_id = f"{data['rule']}-{case['expect']}-{case['name']}"
            params.append(pytest.param(data["rule"], case, _strip(positions, prefix), first_line, id=case_id))
    return params


def run_case(code: str, case: dict, positions: dict) -> list[Finding]:
    """Every finding the case's report or document gives (all rules)."""
    if "document" in case:
        return check_document(case["document"], profile=case.get("profile")).findings
    return check_data(case["report"] or {}, positions, profile=case.get("profile")).findings


def described(findings: Iterable[Finding], first_line: int, with_line: bool) -> list[dict[str, Any]]:
    """The findings as case entries (``line`` relative to the case's report, when asked)."""
    rows = []
    for f in findings:
        row: dict[str, Any] = {"path": f.path, "expected": f.expected, "found": f.found}
        if with_line:
            row["line"] = None if f.line is None else f.line - first_line + 1
        rows.append(row)
    return rows


def _wanted(entry: dict) -> dict[str, Any]:
    unknown = set(entry) - set(KEYS)
    assert not unknown, f"unknown keys in a findings entry: {sorted(unknown)}"
    assert "path" in entry, f"a findings entry needs a path: {entry}"
    row = {"path": entry["path"], "expected": entry.get("expected"), "found": entry.get("found")}
    if "line" in entry:
        row["line"] = int(entry["line"])
    return row


def mismatch(code: str, case: dict, findings: list[Finding], first_line: int) -> list[str]:
    """What differs between the case's listed findings of ``code`` and the findings given."""
    hits = [f for f in findings if f.rule == code]
    if case["expect"] == "pass":
        return [f"unexpected: {f.path} expected={f.expected} found={f.found}" for f in hits]
    listed = case.get("findings")
    if not listed:
        return [f"a fail case must list its findings; {code} gave {described(hits, first_line, True)}"]
    unmatched = [_wanted(entry) for entry in listed]
    extra = []
    for actual in hits:
        row = described([actual], first_line, True)[0]
        match = next((w for w in unmatched if all(row[key] == w[key] for key in w)), None)
        if match is None:
            extra.append(row)
        else:
            unmatched.remove(match)
    problems = [f"missing: {w}" for w in unmatched] + [f"extra: {row}" for row in extra]
    problems += [f"no line: {f.path}" for f in hits if f.line is None]
    for wanted in case.get("paths") or []:  # the older, looser key, still honoured
        if not any(f.path == wanted or wanted in f.related for f in hits):
            problems.append(f"paths: {wanted} is neither a finding's place nor related")
    return problems


@pytest.mark.parametrize(("code", "case", "positions", "first_line"), _cases())
def test_rule_case(code: str, case: dict, positions: dict, first_line: int) -> None:
    findings = run_case(code, case, positions)
    problems = mismatch(code, case, findings, first_line)
    others = [f"{f.rule} {f.path}: {f.message_en}" for f in findings if f.rule != code]
    assert not problems, "\n".join([*problems, f"(other rules: {others})"])
    if case.get("only"):
        assert not others, others


def _fail_cases(code: str) -> list:
    return [param.values for param in _cases() if param.values[0] == code and param.values[1]["expect"] == "fail"]


def _moved_to_a_part(finding: Finding) -> Finding:
    return replace(finding, path=finding.related[0])


def _expected_off_by_a_cent(finding: Finding) -> Finding:
    assert finding.expected is not None
    return replace(finding, expected=str(Decimal(finding.expected.replace(",", "")) + Decimal("0.01")))


@pytest.mark.parametrize("change", [_moved_to_a_part, _expected_off_by_a_cent], ids=["location", "expected"])
def test_a_changed_rule_turns_its_cases_red(monkeypatch: pytest.MonkeyPatch, change: Callable[[Finding], Finding]) -> None:
    """Report BC101 at a part instead of the total, or with another expected figure: every
    BC101 fail case must fail (the older runner, which accepted a wanted path among the
    related ones, stayed green when the location moved)."""
    from budgetcheck import checks

    original = checks.KINDS["sum"]

    def patched(ctx: Any, rule: Any, target: Any) -> Iterator[Finding]:
        for finding in original(ctx, rule, target):
            yield change(finding) if finding.rule == "BC101" else finding

    monkeypatch.setitem(checks.KINDS, "sum", patched)
    cases = _fail_cases("BC101")
    assert len(cases) >= 3
    for code, case, positions, first_line in cases:
        assert mismatch(code, case, run_case(code, case, positions), first_line), case["name"]
