"""A mistake in a rule file is an error when the catalogue loads: one line naming
the file and line, exit 2 from the CLI; never a rule that silently checks nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from budgetcheck.catalogue import rules as catalogue
from budgetcheck.catalogue.rules import CatalogueError, load_rules, rules_dir
from budgetcheck.catalogue.model_paths import check_target_paths
from budgetcheck.checks import KINDS as CHECKS
from budgetcheck.catalogue.targets import KINDS, path_fields

ROOT = Path(__file__).resolve().parents[1]
SUM = "BC101-sum-mismatch.yaml"
SAME = "BC801-figure-disagreement.yaml"
NEGATIVE = "BC010-negative-figure.yaml"

# (file, text written, replacement, words the one-line error must hold, line of the mistake)
MISTAKES = [
    ("unknown kind", SUM, "kind: sum\n", "kind: summ\n", ["unknown kind 'summ'"]),
    ("missing key", SUM, "    total: basic_expenditure.total\n", "", ["missing key 'total'"]),
    ("misspelt option", SAME, "    exact: true\n", "    exakt: true\n", ["unknown key 'exakt'"]),
    ("bad path", SUM, "parts: [basic_expenditure.personnel,", "parts: [basic_expenditure.personel,",
     ["parts[0].path", "no field 'personel'"]),
    ("relative path without scope", SUM, "    total: basic_expenditure.total\n", "    total: .total\n",
     ["no for_each"]),
    ("wrong value type", SAME, "    exact: true\n", "    exact: yes please\n", ["exact", "expected bool"]),
    ("misspelt params", NEGATIVE, "  signed:", "  signd:", ["params.signd", "unknown key 'signd'"]),
    ("misspelt field name", NEGATIVE, "signed: [change,", "signed: [chnage,", ["params.signed[0]", "'chnage'"]),
    ("misspelt top-level key", SUM, "targets:\n", "target:\n", ["unknown key 'target'"]),
    ("bad severity", SUM, "severity: error\n", "severity: fatal\n", ["severity 'fatal'"]),
]


def _plant(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of the catalogue with one edit; returns the folder and the line of the edit."""
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} no longer holds {old!r}: update the test"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder, line


@pytest.mark.parametrize(("what", "name", "old", "new", "words"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_planted_mistake_is_one_line_with_file_and_line(
    tmp_path: Path, what: str, name: str, old: str, new: str, words: list[str]
) -> None:
    folder, line = _plant(tmp_path, name, old, new)
    env = {**os.environ, "BUDGETCHECK_RULES_DIR": str(folder), "BUDGETCHECK_NO_CACHE": "1",
           "PYTHONPATH": str(ROOT / "src")}
    report = tmp_path / "report.yaml"
    report.write_text("unit: {name: 测试单位, year: 2024}\n", encoding="utf-8")
    for args in (["validate", str(report)], ["rules"]):
        done = subprocess.run([sys.executable, "-m", "budgetcheck", *args], capture_output=True, text=True,
                              env=env, check=False)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert done.stdout == "" and "Traceback" not in done.stderr
        error = done.stderr.strip()
        assert "\n" not in error, error
        near = [f"{folder / name}:{n}:" for n in range(line - 2, line + 2)]  # a key: its mapping or value
        assert any(place in error for place in near), (near, error)
        for word in words:
            assert word in error, error


def test_a_cached_catalogue_does_not_hide_a_mistake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGETCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BUDGETCHECK_NO_CACHE", raising=False)
    folder, _ = _plant(tmp_path, SUM, "kind: sum\n", "kind: sum\n")
    catalogue.clear_cache()
    assert load_rules(folder)["BC101"].targets  # now cached
    path = folder / SUM
    path.write_text(path.read_text(encoding="utf-8").replace("kind: sum\n", "kind: summ\n"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    catalogue.clear_cache()
    with pytest.raises(CatalogueError, match="unknown kind"):
        load_rules(folder)
    catalogue.clear_cache()


def test_every_kind_with_a_check_declares_its_target_type() -> None:
    assert set(CHECKS) <= {kind for kind, spec in KINDS.items() if not spec.engine}


def test_every_rule_kind_is_declared() -> None:
    assert {rule.kind for rule in load_rules().values()} <= set(KINDS)


def test_every_path_in_the_rules_resolves_against_the_model() -> None:
    """The meta-test: each path a rule names reaches a field of the model (about 260 paths)."""
    count = 0
    for rule in load_rules().values():
        for target in rule.targets:
            check_target_paths(target)  # raises TargetError naming the path
            count += len(path_fields(target))
    assert count > 200


@pytest.mark.parametrize(("kind", "raw", "where", "words"), [
    ("same_indicator", {"reference": "a", "rows": "b", "fields": ["target", "score"]}, ("fields", 1), "not one of"),
    ("sum", {"total": "a", "parts": "b"}, ("parts",), "expected a list"),
    ("sum", {"what": "收入", "total": "a", "parts": []}, ("what",), "expected a mapping"),
    ("sum", {"total": "a", "parts": [{"path": "b", "optional": "yes"}]}, ("parts", 0, "optional"), "expected bool"),
    ("ratio", {"printed": "a", "numerator": "b"}, (), "missing key 'denominator'"),
])
def test_each_value_is_read_as_its_declared_type(kind: str, raw: dict, where: tuple, words: str) -> None:
    from budgetcheck.catalogue.targets import TargetError, parse_target

    target_type = KINDS[kind].target
    assert target_type is not None
    with pytest.raises(TargetError) as caught:
        parse_target(target_type, raw)
    assert caught.value.where == where and words in caught.value.message


def test_a_target_is_typed_frozen_and_keeps_what_was_written() -> None:
    from budgetcheck.catalogue.targets import Part, SumTarget, parse_target

    raw = {"what": {"en": "x"}, "total": "a.b", "parts": ["a.c", {"path": "a.d", "optional": True}]}
    target = parse_target(SumTarget, raw)
    assert isinstance(target, SumTarget) and target.parts == (Part(path="a.c", raw={"path": "a.c"}),
                                                               Part(path="a.d", optional=True, raw=raw["parts"][1]))
    assert target.what is not None and target.what.zh is None and target.exact is False and target.for_each is None
    assert target.raw == raw and target.total == "a.b"  # typed, and the mapping as written kept
    with pytest.raises(AttributeError):
        target.total = "other"  # type: ignore[misc]
