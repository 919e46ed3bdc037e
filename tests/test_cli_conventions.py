"""Linter conventions: output file, quiet levels, statistics, colour, "did you mean", the
default terminal format and shell completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from budgetcheck.reporters import FORMATS
from budgetcheck.cli.settings import default_format, wants_colour

from .conftest import FIXTURE
from .test_reporters_golden import run_cli

FIX = str(FIXTURE)


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out = run_cli(["validate", "--format", "concise", "-o", str(target), FIX])
    assert code == 1 and out == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 22 and lines[-1] == "1 file: 13 error(s), 8 warning(s), 0 info"


def test_quiet_drops_the_summary_and_twice_everything() -> None:
    code, out = run_cli(["validate", "--format", "concise", "-q", FIX])
    assert code == 1 and len(out.splitlines()) == 21 and "error(s)" not in out
    code, out = run_cli(["validate", "--format", "concise", "-qq", FIX])
    assert code == 1 and out == ""
    for fmt in ("table", "github"):
        out = run_cli(["validate", "--format", fmt, "-q", FIX])[1]
        assert "BC502" in out and "error(s)" not in out.splitlines()[-1], fmt


def test_statistics_count_findings_per_rule_most_frequent_first() -> None:
    code, out = run_cli(["validate", "--statistics", FIX])
    lines = out.splitlines()
    assert code == 1
    counts = [(int(line.split()[0]), line.split()[1]) for line in lines[:-1]]
    assert counts[0] == (5, "BC702") and sum(n for n, _ in counts) == 21
    assert counts == sorted(counts, key=lambda item: (-item[0], item[1]))
    assert lines[-1] == "1 file: 13 error(s), 8 warning(s), 0 info"
    assert "BC702" in run_cli(["validate", "--statistics", "-q", FIX])[1]
    assert "error(s)" not in run_cli(["validate", "--statistics", "-q", FIX])[1]


@pytest.mark.parametrize(("choice", "env", "coloured"), [
    ("always", {}, True), ("never", {"FORCE_COLOR": "1"}, False), ("auto", {}, False), ("auto", {"FORCE_COLOR": "1"}, True),
])
def test_color_option_besides_no_color_and_force_color(choice: str, env: dict[str, str], coloured: bool) -> None:
    out = run_cli(["validate", "--format", "table", "--color", choice, FIX], env=env)[1]
    assert ("\x1b[" in out) is coloured


def test_colour_decision() -> None:
    assert wants_colour("auto", {}, True) and not wants_colour("auto", {"NO_COLOR": "1"}, True)
    assert not wants_colour("auto", {}, False) and wants_colour("auto", {"FORCE_COLOR": "1"}, False)
    assert wants_colour("always", {"NO_COLOR": "1"}, False) and not wants_colour("never", {}, True)


@pytest.mark.parametrize(("args", "hint"), [
    (["--fial-on", "error"], "Did you mean '--fail-on'?"),
    (["--format", "tabel"], "(did you mean table?)"),
    (["--select", "BC1O1"], "(did you mean BC101?)"),
    (["--ignore", "sum-mismach"], "(did you mean sum-mismatch?)"),
    (["--profile", "nationl"], "(did you mean national?)"),
])
def test_did_you_mean_for_options_formats_rules_and_profiles(args: list[str], hint: str) -> None:
    from click.testing import CliRunner

    from budgetcheck.cli.app import main

    result = CliRunner().invoke(main, ["validate", *args, FIX], env={"LANG": "en_US.UTF-8", "LC_ALL": None})
    assert result.exit_code == 2 and hint in result.stderr, result.stderr


def test_did_you_mean_for_configuration_keys_and_rule_codes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from budgetcheck.cli.app import main

    config = tmp_path / ".budgetcheck.toml"
    config.write_text('fial-on = "error"\ncolor = "allways"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--config", str(config), FIX], env={"LANG": "en_US.UTF-8"})
    assert result.exit_code == 2 and "unknown key 'fial-on' (did you mean fail-on?)" in result.stderr
    config.write_text('color = "allways"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--config", str(config), FIX], env={"LANG": "en_US.UTF-8"})
    assert result.exit_code == 2 and "(did you mean always?)" in result.stderr
    result = CliRunner().invoke(main, ["rule", "sum-mismach"], env={"LANG": "en_US.UTF-8"})
    assert result.exit_code == 2 and "(did you mean sum-mismatch?)" in result.stderr


def test_a_terminal_gets_the_full_format_or_the_table_until_it_exists() -> None:
    assert default_format({}, True) == "full" and default_format({}, False) == "concise"
    assert default_format({"GITHUB_ACTIONS": "true"}, True) == "github"
    code, out = run_cli(["validate", "--format", "full", "--select", "BC302", FIX])
    expected = run_cli(["validate", "--format", "full" if "full" in FORMATS else "table", "--select", "BC302", FIX])[1]
    assert code == 0 and out == expected and "BC302" in out


def test_bash_completion_script_is_generated() -> None:
    env = {**os.environ, "_BUDGETCHECK_COMPLETE": "bash_source"}
    done = subprocess.run([sys.executable, "-c", "from budgetcheck.cli.app import main; main(prog_name='budgetcheck')"],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0 and "_budgetcheck_completion" in done.stdout and "complete " in done.stdout
