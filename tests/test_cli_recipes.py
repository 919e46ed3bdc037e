"""The CI recipes of the README (section ``ci``) parse and their budgetcheck commands run."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT
from .test_reporters_golden import run_cli


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("<!-- section: ci -->", 1)[1].split("<!-- end: ci -->", 1)[0]


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.+?)\n```", _section(), flags=re.S)


def _workflow() -> dict:
    return next(doc for doc in map(yaml.safe_load, _blocks("yaml")) if "jobs" in doc)


def _commands() -> list[str]:
    lines = [line for block in _blocks("sh") for line in block.splitlines()]
    for job in _workflow()["jobs"].values():
        lines += [step["run"] for step in job["steps"] if "run" in step]
    return [line.strip() for line in lines if line.strip().startswith("budgetcheck ")]


def test_workflow_parses_and_uploads_sarif() -> None:
    workflow = _workflow()
    steps = workflow["jobs"]["budgetcheck"]["steps"]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    produced = next(s["run"] for s in steps if "--format sarif" in s.get("run", ""))
    assert upload["with"]["sarif_file"] in produced
    assert workflow["permissions"]["security-events"] == "write"


def test_pre_commit_config_names_the_shipped_hook() -> None:
    config = next(doc for doc in map(yaml.safe_load, _blocks("yaml")) if "repos" in doc)
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in config["repos"][0]["hooks"]} <= {h["id"] for h in hooks}


def test_recipe_commands_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands = _commands()
    assert len(commands) >= 5
    (tmp_path / "reports").mkdir()
    shutil.copy(ROOT / "tests/data/reports/clean.yaml", tmp_path / "reports" / "a.yaml")
    shutil.copy(ROOT / "tests/data/reports/findings.yaml", tmp_path / "reports" / "b.yaml")
    monkeypatch.chdir(tmp_path)
    for command in commands:
        _run_recipe(command)


def _run_recipe(command: str) -> None:
    """Run one README command line (``> file`` redirection honoured) and expect 0 or 1."""
    words = shlex.split(command, comments=True)
    target = None
    if ">" in words:
        target = words[words.index(">") + 1]
        words = words[: words.index(">")]
    code, out = run_cli([*words[1:2], "--jobs", "1", *words[2:]])
    assert code in (0, 1), (command, out)
    if target:
        Path(target).write_text(out, encoding="utf-8")
        if target.endswith(".sarif"):
            assert json.loads(out)["version"] == "2.1.0"
