"""Scoring profiles: strict loading (file:line errors), ``extends``, selection by the report
or ``--profile``, and the ``budgetcheck profiles`` command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import budgetcheck.catalogue.profiles as profiles_module
from budgetcheck.checks.scoring.profile_params import Conventions
from budgetcheck.cli.app import main
from budgetcheck.catalogue.profiles import ProfileError, load_profiles

from .conftest import check_data

BASE = """name: base
description: a base profile
params:
  execution_score: [capped]
  far_above_rate: "120%"
"""


@pytest.fixture
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A rules folder of our own, read instead of the packaged one."""
    (tmp_path / "profiles").mkdir()
    monkeypatch.setattr(profiles_module, "rules_dir", lambda: tmp_path)
    load_profiles.cache_clear()
    yield tmp_path / "profiles"
    load_profiles.cache_clear()


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_every_shipped_profile_loads_and_parses() -> None:
    found = load_profiles()
    assert {"national", "deviation", "anhui-hubei", "sichuan", "chongqing", "capped-proportional",
            "whole-points", "half-points", "reverse-ratio", "thresholds-example"} <= set(found)
    for profile in found.values():
        Conventions.from_params(profile.params)
        assert profile.description and profile.sources, profile.name


def test_extends_layers_the_child_over_its_parent(rules: Path) -> None:
    _write(rules, "base.yaml", BASE)
    _write(rules, "child.yaml", "name: child\nextends: base\nparams:\n  execution_score: uncapped\n")
    child = load_profiles()["child"]
    assert child.extends == "base"
    assert child.params == {"execution_score": ["uncapped"], "far_above_rate": "120%"}


@pytest.mark.parametrize(("text", "line", "words"), [
    ("name: x\nparams:\n  execution_scor: capped\n", 3, "unknown key 'execution_scor'"),
    ("name: x\nparams:\n  execution_score: caped\n", 3, "'caped' is not one of"),
    ("name: x\nparams:\n  far_above_rate: \"110\"\n", 3, "not a percentage"),
    ("name: x\nparams:\n  qualitative_bands:\n    达成: [\"80%\"]\n", 4, "expected 2 value(s)"),
    ("name: x\nparams:\n  grade_bands:\n    - {grade: 优, minimum: \"90\"}\n", 4, "unknown key 'minimum'"),
    ("name: x\ncolour: red\nparams: {}\n", 2, "unknown key 'colour'"),
    ("name: x\nparams:\n  qualitative_words: {很好: 优秀}\n", 1, "names no band"),
    ("name: x\n", 1, "missing params"),
    ("name: x\nparams:\n  stated_rules:\n    all_or_nothin: [满分]\n", 4, "unknown key 'all_or_nothin'"),
    ("name: x\nparams:\n  stated_rules:\n    judged:\n      - 直接(赋分\n", 5, "not a regular expression"),
    ("name: x\nparams:\n  reverse_names: ['控制率$', '(结余率']\n", 3, "not a regular expression"),
    ("name: x\nparams:\n  execution_rows: ['执行率$', '预算(执行率']\n", 3, "not a regular expression"),
    ("name: x\nparams:\n  stated_rules:\n    per_point: [每低(\\d+)%扣(\\d+)分]\n", 4, "needs the groups (?P<step>…), (?P<points>…)"),
])
def test_a_profile_that_does_not_validate_names_its_file_and_line(rules: Path, text: str, line: int, words: str) -> None:
    _write(rules, "x.yaml", text)
    with pytest.raises(ProfileError) as caught:
        load_profiles()
    assert f"x.yaml:{line}:" in str(caught.value) and words in str(caught.value)


def test_extending_an_unknown_profile_or_a_cycle_is_an_error(rules: Path) -> None:
    _write(rules, "a.yaml", "name: a\nextends: b\nparams: {}\n")
    _write(rules, "b.yaml", "name: b\nextends: a\nparams: {}\n")
    with pytest.raises(ProfileError, match="cycle"):
        load_profiles()
    load_profiles.cache_clear()
    _write(rules, "b.yaml", "name: b\nextends: nowhere\nparams: {}\n")
    with pytest.raises(ProfileError, match="which is no profile"):
        load_profiles()


def test_a_broken_profile_exits_2_from_the_cli(rules: Path) -> None:
    _write(rules, "national.yaml", "name: national\nparams:\n  above_target: [fully]\n")
    for args in (["profiles"], ["validate", "--format", "concise", "--jobs", "1", "-"]):
        result = CliRunner().invoke(main, args, input=b"unit: {name: x, year: 2024}\n")
        assert result.exit_code == 2
        assert "national.yaml:3:" in result.stderr and "'fully' is not one of" in result.stderr


def test_profiles_command_lists_name_extends_and_description() -> None:
    result = CliRunner().invoke(main, ["profiles"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert "extends national" in lines["sichuan"] and "extends" not in lines["national"].split("MoF")[0]
    entries = json.loads(CliRunner().invoke(main, ["profiles", "--format", "json"]).stdout)
    assert {e["name"]: e["extends"] for e in entries}["deviation"] == "national"


VENDOR_TABLE = {
    "performance": {"projects": [{
        "name": "示例项目",
        "funds": {"total": {"label": "年度资金总额", "annual_budget": "329.77", "executed": "338.31", "weight": "10",
                            "execution_rate": "102.59%", "score": "10.26"}},
        "indicators": [{"name": "甲", "weight": "90", "target": ">=100份", "actual": "=82份", "score": "73.80"}],
        "total": {"weight": "100", "score": "84.06", "grade": "优"},
    }]},
}


def test_the_report_or_the_command_line_picks_the_profile() -> None:
    national = {f.rule for f in check_data(VENDOR_TABLE).findings}
    assert {"BC502", "BC602", "BC609"} <= national
    named = {f.rule for f in check_data({**VENDOR_TABLE, "profile": "anhui-hubei"}).findings}
    assert not named & {"BC502", "BC602", "BC609"}
    assert not {f.rule for f in check_data(VENDOR_TABLE, profile="anhui-hubei").findings} & {"BC502", "BC602", "BC609"}


def test_the_worked_example_of_docs_scoring_holds(rules: Path) -> None:
    """docs/scoring.md: the example profile accepts its table; national rejects its execution score."""
    import re
    import shutil

    from budgetcheck.catalogue.rules import rules_dir
    from budgetcheck.sources.yamltree import parse_yaml

    shutil.copy(Path(rules_dir()) / "profiles" / "national.yaml", rules / "national.yaml")
    text = (Path(__file__).resolve().parents[1] / "docs" / "scoring.md").read_text(encoding="utf-8")
    profile_text, table_text = re.findall(r"```yaml\n(.*?)```", text, re.S)[:2]
    _write(rules, "city-example.yaml", profile_text)
    data, positions = parse_yaml(table_text, "example")
    assert check_data(data, positions).findings == []
    del data["profile"]
    assert [f.rule for f in check_data(data, positions).findings] == ["BC502"]


@pytest.mark.parametrize(("text", "formula", "step", "points"), [
    ("达到目标值得满分，未达到不得分", "all_or_nothing", None, None),
    ("完成 得满分；未完成 得0分", "all_or_nothing", None, None),
    ("每降低1个百分点扣0.5分", "per_point", "1", "0.5"),
    ("每低 2 ％ 扣 1 分，扣完为止", "per_point", "2", "1"),
    ("按完成比例计算得分，满分为止", "capped", None, None),
    ("超过目标值不加分", "capped", None, None),
    ("直接赋分", "judged", None, None),
    ("按评判等级赋分", "judged", None, None),
    ("按照完成比例赋分", None, None, None),  # the profile's own conventions apply
    ("完成得满分，未完成按比例得分", None, None, None),
    ("", None, None, None),
])
def test_the_national_wordings_read_a_stated_rule(text: str, formula: str | None, step: str | None, points: str | None) -> None:
    from fractions import Fraction

    from budgetcheck.checks.scoring.profile_params import Conventions

    conv = Conventions.from_params(load_profiles()["national"].params)
    stated = conv.stated_rule(text)
    assert (stated.formula if stated else None) == formula
    if stated is not None:
        assert stated.step == (Fraction(step) if step else None) and stated.points == (Fraction(points) if points else None)
