"""Data-driven pass/fail cases, one file per rule in tests/rule_cases/ (``pytest -k BC101``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetcheck.loader.yamltree import parse_yaml

from .conftest import check_data, check_document

CASE_DIR = Path(__file__).with_name("rule_cases")


def _strip(positions: dict, prefix: tuple) -> dict:
    n = len(prefix)
    return {path[n:]: pos for path, pos in positions.items() if path[:n] == prefix}


def _cases() -> list:
    params = []
    for path in sorted(CASE_DIR.glob("BC*.yaml")):
        data, positions = parse_yaml(path.read_text(encoding="utf-8"), str(path))
        for index, case in enumerate(data["cases"]):
            prefix = ("cases", index, "report")
            case_id = f"{data['rule']}-{case['expect']}-{case['name']}"
            params.append(pytest.param(data["rule"], case, _strip(positions, prefix), id=case_id))
    return params


@pytest.mark.parametrize(("code", "case", "positions"), _cases())
def test_rule_case(code: str, case: dict, positions: dict) -> None:
    if "document" in case:
        result = check_document(case["document"], profile=case.get("profile"))
    else:
        result = check_data(case["report"] or {}, positions, profile=case.get("profile"))
    hits = [f for f in result.findings if f.rule == code]
    others = [f"{f.rule} {f.path}: {f.message_en}" for f in result.findings if f.rule != code]
    if case["expect"] == "pass":
        assert hits == [], [f.message_en for f in hits]
    else:
        assert hits, f"{code} did not fire; other findings: {others}"
        for wanted in case.get("paths") or []:
            assert any(f.path == wanted or wanted in f.related for f in hits), (wanted, [f.path for f in hits])
        assert all(f.line is not None for f in hits)
    if case.get("only"):
        assert not others, others
