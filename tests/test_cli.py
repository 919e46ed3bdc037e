"""``budgetcheck validate`` as a CI lint step: inputs, exit codes, selection, configuration,
explanations, baselines and the discovery commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .test_reporters_golden import run_cli

CLEAN = """unit: {name: 测试单位, year: 2024}
basic_expenditure: {total: "30.00", personnel: "20.00", public: "10.00"}
"""
ERROR = """unit: {name: 测试单位, year: 2024}
basic_expenditure: {total: "31.00", personnel: "20.00", public: "10.00"}
"""
WARNING_ONLY = CLEAN + """explanations:
  - {rule: BC101, path: basic_expenditure.total, reason: 旧说明}
"""
EXPLAINED_ERROR = ERROR + """explanations:
  - {rule: sum-mismatch, path: basic_expenditure.total, reason: 口径不同，已报财政部门}
"""


def write(folder: Path, name: str, text: str) -> Path:
    """Write a report below ``folder`` (creating sub-folders) and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def concise(*args: str, env: dict | None = None, stdin: bytes | None = None) -> tuple[int, str]:
    """Run ``validate --format concise --jobs 1`` with the given arguments."""
    return run_cli(["validate", "--format", "concise", "--jobs", "1", *args], env=env, stdin=stdin)


# -- inputs ------------------------------------------------------------------------------
def test_directories_are_searched_recursively_for_yaml(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", CLEAN)
    write(tmp_path, "sub/deeper/b.yml", ERROR)
    write(tmp_path, ".git/c.yaml", ERROR)
    write(tmp_path, "notes.txt", "not a report")
    code, out = concise("--include-ext", "yaml", str(tmp_path))
    assert code == 1
    assert "b.yml:2:" in out and "c.yaml" not in out and "notes.txt" not in out
    assert out.rstrip().endswith("2 files: 1 error(s), 0 warning(s), 0 info")


def test_stdin_is_read_with_dash(tmp_path: Path) -> None:
    code, out = concise("-", stdin=ERROR.encode("utf-8"))
    assert code == 1
    assert out.startswith("<stdin>:2:") and "BC101" in out


def test_stdin_accepts_gb18030(tmp_path: Path) -> None:
    code, out = concise("-", stdin=CLEAN.encode("gb18030"))
    assert code == 0, out


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", ERROR)
    code, out = concise(str(tmp_path / "missing.yaml"), str(good))
    assert code == 2
    assert "missing.yaml: cannot read file" in out and "good.yaml:2:" in out
    assert "1 could not be checked" in out


def test_a_directory_without_reports_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out = concise(str(tmp_path / "empty"))
    assert code == 2 and "holds no report files (*.yaml" in out


def test_parallel_run_reports_the_same_as_sequential(tmp_path: Path) -> None:
    paths = [str(write(tmp_path, f"r{i}.yaml", ERROR if i % 2 else CLEAN)) for i in range(4)]
    one = run_cli(["validate", "--format", "json", "--jobs", "1", *paths])
    two = run_cli(["validate", "--format", "json", "--jobs", "2", *paths])
    assert one == two and one[0] == 1


# -- exit codes --------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "args", "expected"), [
    (CLEAN, [], 0),
    (ERROR, [], 1),
    (ERROR, ["--exit-zero"], 0),
    ("unit: [unclosed\n", [], 2),
    ("unit: [unclosed\n", ["--exit-zero"], 2),
    ("unit: {name: 单位, year: 二〇二四}\n", ["--exit-zero"], 2),
    (WARNING_ONLY, [], 0),
    (WARNING_ONLY, ["--fail-on", "warning"], 1),
    (WARNING_ONLY, ["--fail-on", "warning", "--ignore", "unused-explanation"], 0),
])
def test_exit_codes(tmp_path: Path, text: str, args: list[str], expected: int) -> None:
    path = write(tmp_path, "r.yaml", text)
    assert concise(*args, str(path))[0] == expected


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    path = str(write(tmp_path, "r.yaml", CLEAN))
    assert concise("--select", "BC9Z", path)[0] == 2
    assert concise("--ignore", "no-such-rule", path)[0] == 2
    assert concise("--profile", "nowhere", path)[0] == 2
    assert run_cli(["validate", "--format", "xml", path])[0] == 2
    assert run_cli(["validate"])[0] == 2


# -- selection and language --------------------------------------------------------------
def test_select_by_prefix_and_name_and_ignore(tmp_path: Path) -> None:
    path = str(write(tmp_path, "r.yaml", ERROR.replace('unit: {name: 测试单位, year: 2024}',
                                                      'unit: {name: 测试单位, year: 2024, headcount_total: "3", '
                                                      'headcount: [{label: 在职, count: "1"}]}')))
    assert {"BC101", "BC103"} <= set(_codes(concise(path)[1]))
    assert _codes(concise("--select", "BC10", "--ignore", "count-mismatch", path)[1]) == ["BC101"]
    assert _codes(concise("--select", "count-mismatch", path)[1]) == ["BC103"]
    assert concise("--ignore", "BC1", path)[0] == 0


def _codes(out: str) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in out.splitlines() if ": BC" in line]


def test_language_defaults_to_the_locale(tmp_path: Path) -> None:
    path = str(write(tmp_path, "r.yaml", ERROR))
    assert "各分项合计为" in concise(path, env={"LANG": "zh_CN.UTF-8"})[1]
    assert "add up to" in concise(path, env={"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"})[1]
    assert "add up to" in concise("--lang", "en", path, env={"LANG": "zh_CN.UTF-8"})[1]


def test_github_format_is_chosen_under_github_actions(tmp_path: Path) -> None:
    path = str(write(tmp_path, "r.yaml", ERROR))
    out = run_cli(["validate", "--jobs", "1", path], env={"GITHUB_ACTIONS": "true"})[1]
    assert out.startswith("::error file=")
    out = run_cli(["validate", "--jobs", "1", "--format", "concise", path], env={"GITHUB_ACTIONS": "true"})[1]
    assert not out.startswith("::")


# -- configuration -----------------------------------------------------------------------
def test_pyproject_is_found_walking_up_and_cli_overrides_it(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.budgetcheck]\nfail-on = "warning"\nlang = "zh"\n')
    path = str(write(tmp_path, "reports/2024/r.yaml", WARNING_ONLY))
    code, out = concise(path)
    assert code == 1 and "的说明未对应任何检查结果" in out
    assert concise("--fail-on", "error", "--lang", "en", path)[0] == 0


def test_budgetcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.budgetcheck]\nfail-on = "warning"\n')
    write(tmp_path, ".budgetcheck.toml", 'ignore = ["BC002"]\n')
    path = str(write(tmp_path, "r.yaml", WARNING_ONLY))
    assert concise(path)[0] == 0


def test_unknown_or_mistyped_configuration_is_an_error(tmp_path: Path) -> None:
    path = str(write(tmp_path, "r.yaml", CLEAN))
    write(tmp_path, ".budgetcheck.toml", 'fail_on = "warning"\nselct = ["BC1"]\n')
    assert concise(path)[0] == 2
    write(tmp_path, ".budgetcheck.toml", 'jobs = "many"\n')
    assert concise(path)[0] == 2
    write(tmp_path, ".budgetcheck.toml", 'fail-on = "fatal"\n')
    assert concise(path)[0] == 2
    write(tmp_path, ".budgetcheck.toml", 'select = [unclosed\n')
    assert concise(path)[0] == 2


# -- explanations and baselines ----------------------------------------------------------
def test_an_explained_error_needs_allow_explained_errors(tmp_path: Path) -> None:
    path = str(write(tmp_path, "r.yaml", EXPLAINED_ERROR))
    code, out = concise(path)
    assert code == 1 and "BC002" in out and "--allow-explained-errors" in out
    code, out = concise("--allow-explained-errors", path)
    assert code == 0 and "[explained]" in out and "BC002" not in out


def test_baseline_hides_known_findings_by_data_path_not_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", ERROR)
    baseline = tmp_path / "baseline.json"
    code, _ = concise("--write-baseline", str(baseline), str(path))
    assert code == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert [(e["rule"], e["path"]) for e in entries] == [("BC101", "basic_expenditure.total")]
    # Lines move and a new problem appears: only the new one fails.
    path.write_text("# moved\n# down\n" + ERROR + 'procurement: {total: "9.00", goods: "1.00", works: "0.00", services: "1.00"}\n',
                    encoding="utf-8")
    code, out = concise("--baseline", str(baseline), str(path))
    assert code == 1
    assert _codes(out) == ["BC101"] and "r.yaml:5:" in out and "1 in baseline" in out


def test_a_broken_baseline_is_an_error(tmp_path: Path) -> None:
    path = str(write(tmp_path, "r.yaml", CLEAN))
    bad = write(tmp_path, "baseline.json", "{not json")
    assert concise("--baseline", str(bad), path)[0] == 2
    assert concise("--baseline", str(tmp_path / "absent.json"), path)[0] == 2


# -- discovery ---------------------------------------------------------------------------
def test_rules_json_rule_and_schema_commands() -> None:
    code, out = run_cli(["rules", "--format", "json"])
    rules = {r["code"]: r for r in json.loads(out)}
    assert code == 0 and rules["BC002"]["name"] == "unused-explanation"
    code, out = run_cli(["rule", "unused-explanation"])
    assert code == 0 and out.startswith("BC002 unused-explanation (warning)")
    assert run_cli(["rule", "BC999"])[0] == 2
    code, out = run_cli(["schema"])
    schema = json.loads(out)
    assert code == 0 and "unit" in schema["properties"] and "explanations" in schema["properties"]


def test_help_shows_examples() -> None:
    out = run_cli(["--help"])[1]
    assert "Examples:" in out and "budgetcheck validate --format sarif" in out
    assert "--fail-on" in run_cli(["validate", "--help"])[1]


def test_version_does_not_import_heavy_libraries() -> None:
    code = ("import sys\nfrom budgetcheck.cli import app\n"
            "heavy = [m for m in ('rich', 'pydantic', 'yaml', 'budgetcheck.reporters') if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_pre_commit_hook_definition() -> None:
    import yaml

    from .conftest import ROOT

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "budgetcheck")
    assert hook["entry"].startswith("budgetcheck validate") and hook["language"] == "python"


def test_exit_skips_the_final_collection_once() -> None:
    from budgetcheck.cli import app as cli

    cli._skip_final_collection()
    cli._skip_final_collection()
    assert cli._FREEZE_AT_EXIT == [True]
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "changji-2024.yaml"
    code = (  # atexit runs last-in first-out: this handler runs after the one validate registers
        "import atexit, gc, sys\nfrom budgetcheck.cli.app import main\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count(), file=sys.stderr))\n"
        "sys.argv = ['budgetcheck', 'validate', '--format', 'concise', sys.argv[1]]\nmain()\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(fixture)], capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "error(s)" in done.stdout
    assert int(done.stderr.split("frozen", 1)[1].split()[0]) > 1000
