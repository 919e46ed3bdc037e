"""Golden outputs of every format on three hand-written reports (clean, findings, broken).

Regenerate after an intended change with ``BUDGETCHECK_UPDATE_GOLDEN=1 pytest tests/test_reporters_golden.py``
and review the diff of ``tests/golden/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetcheck import __version__
from budgetcheck.cli import main
from budgetcheck.reporters import FORMATS

from .conftest import ROOT

GOLDEN = Path(__file__).with_name("golden")
INPUTS = [f"tests/data/reports/{name}.yaml" for name in ("clean", "findings", "broken")]
# Only rules that existed when the goldens were written, so new rules do not change them.
SELECT = ["--select", "BC001,BC002,BC009,BC101,BC102,BC103"]
ENV = {"GITHUB_ACTIONS": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_US.UTF-8", "COLUMNS": "110"}
UPDATE = os.environ.get("BUDGETCHECK_UPDATE_GOLDEN") == "1"


def run_cli(args: list[str], env: dict[str, str | None] | None = None, stdin: bytes | None = None) -> tuple[int, str]:
    """Run the CLI in the repository root; return exit code and standard output."""
    result = CliRunner().invoke(main, args, env={**ENV, **(env or {})}, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def normalise(text: str) -> str:
    """Only the version string varies between releases."""
    return text.replace(f'"version": "{__version__}"', '"version": "<version>"')


CASES = [(fmt, "en") for fmt in FORMATS] + [("concise", "zh"), ("table", "zh")]


@pytest.mark.parametrize(("fmt", "lang"), CASES, ids=[f"{f}-{lang}" for f, lang in CASES])
def test_format_matches_golden(fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = run_cli(["validate", "--jobs", "1", *SELECT, "--format", fmt, "--lang", lang, *INPUTS])
    assert code == 2  # broken.yaml cannot be checked
    golden = GOLDEN / f"{fmt}-{lang}.txt"
    text = normalise(out)
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"missing {golden.name}: run with BUDGETCHECK_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_goldens_show_every_severity_and_the_explained_mark() -> None:
    concise = (GOLDEN / "concise-en.txt").read_text(encoding="utf-8")
    for needle in ("[error]", "[warning]", "[info]", "[explained]", "BC002", "broken.yaml:5:1"):
        assert needle in concise, needle
