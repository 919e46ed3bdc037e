"""The JSON cache of the rule catalogue: reused while the rule files are unchanged, never trusted blindly."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from budgetcheck.catalogue import rules as catalogue
from budgetcheck.catalogue.rules import _read_rules, load_rules, rules_dir


@pytest.fixture()
def rules_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the rule files and an empty cache directory."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for path in sorted(Path(rules_dir()).glob("BC*.yaml"))[:6]:
        (folder / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("BUDGETCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BUDGETCHECK_NO_CACHE", raising=False)
    catalogue.clear_cache()
    yield folder
    catalogue.clear_cache()


def _fresh(folder: Path) -> dict[str, catalogue.Rule]:
    catalogue.clear_cache()
    return load_rules(folder)


def test_second_load_comes_from_the_cache(rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _fresh(rules_copy)
    assert first == _read_rules(sorted(rules_copy.glob("BC*.yaml")))
    assert len(list((rules_copy.parent / "cache").glob("catalogue-*.json"))) == 1

    def no_yaml(path: Path) -> None:
        raise AssertionError(f"read {path} although the cache is current")

    monkeypatch.setattr(catalogue, "_read_yaml", no_yaml)
    assert _fresh(rules_copy) == first


def test_an_edited_rule_file_is_read_again(rules_copy: Path) -> None:
    first = _fresh(rules_copy)
    path = sorted(rules_copy.glob("BC*.yaml"))[0]
    code = path.stem.split("-")[0]
    text = path.read_text(encoding="utf-8").replace(first[code].name, "renamed-rule", 1)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert _fresh(rules_copy)[code].name == "renamed-rule"


def test_a_corrupt_cache_falls_back_to_the_yaml(rules_copy: Path) -> None:
    first = _fresh(rules_copy)
    for file in (rules_copy.parent / "cache").glob("catalogue-*.json"):
        key = json.loads(file.read_text(encoding="utf-8"))["key"]
        file.write_text(json.dumps({"key": key, "values": {"BC001": {"code": 1}}}), encoding="utf-8")
    assert _fresh(rules_copy) == first


def test_the_cache_can_be_turned_off(rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGETCHECK_NO_CACHE", "1")
    assert _fresh(rules_copy)
    assert not (rules_copy.parent / "cache").exists()


def test_a_changed_declaration_file_invalidates_the_cache(
    rules_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Targets were checked against targets.py and the model when the cache was written: when
    either changes, the rule files are read (and checked) again."""
    declaration = tmp_path / "report.py"
    declaration.write_text("v1", encoding="utf-8")
    monkeypatch.setattr(catalogue, "_declarations", lambda: [declaration])
    first = _fresh(rules_copy)
    reads: list[Path] = []
    real = catalogue._read_yaml
    monkeypatch.setattr(catalogue, "_read_yaml", lambda path: reads.append(path) or real(path))
    assert _fresh(rules_copy) == first and reads == []
    declaration.write_text("v2, longer", encoding="utf-8")
    assert _fresh(rules_copy) == first and len(reads) == len(list(rules_copy.glob("BC*.yaml")))
