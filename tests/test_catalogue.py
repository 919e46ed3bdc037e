"""Meta-tests: every rule is documented, has pass and fail cases, and its examples hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetcheck.catalogue.rules import load_rules
from budgetcheck.catalogue.profiles import load_profiles
from budgetcheck.checks import KINDS
from budgetcheck.sources.yamltree import parse_yaml

from .conftest import check_data, check_document

RULES = load_rules()
CASE_DIR = Path(__file__).with_name("rule_cases")
BUILTIN_KINDS = {"schema", "truncation", "explanation", "extraction"}


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_documented(code: str) -> None:
    rule = RULES[code]
    assert rule.code.startswith("BC") and len(rule.code) == 5
    assert rule.name and rule.name == rule.name.lower() and " " not in rule.name
    assert len(rule.docs) > 80, "docs should explain the rule"
    assert rule.summary and rule.summary_zh
    assert rule.message_en and rule.message_zh
    assert rule.example_fail and rule.example_pass
    assert rule.kind in KINDS or rule.kind in BUILTIN_KINDS, rule.kind


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("code", list(RULES))
def test_rule_has_pass_and_fail_cases(code: str) -> None:
    path = CASE_DIR / f"{code}.yaml"
    assert path.exists(), f"missing {path.name}"
    data, _ = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    assert data["rule"] == code
    expects = {case["expect"] for case in data["cases"]}
    assert expects == {"pass", "fail"}


@pytest.mark.parametrize("code", [c for c in RULES if RULES[c].kind != "schema"])
def test_documented_examples_hold(code: str) -> None:
    rule = RULES[code]
    if rule.kind == "extraction":  # its examples are template text, not YAML
        assert any(f.rule == code for f in check_document(rule.example_fail).findings)
        assert not any(f.rule == code for f in check_document(rule.example_pass).findings)
        return
    fail_data, fail_pos = parse_yaml(rule.example_fail, "example")
    pass_data, pass_pos = parse_yaml(rule.example_pass, "example")
    assert any(f.rule == code for f in check_data(fail_data, fail_pos).findings)
    assert not any(f.rule == code for f in check_data(pass_data, pass_pos).findings)


def test_profiles_exist() -> None:
    profiles = load_profiles()
    assert {"national", "deviation"} <= set(profiles)
