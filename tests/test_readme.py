"""The README: its set-up commands are the ones CI runs, and its library example runs as written."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quick, flags=re.S)


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = _commands()
    assert len(commands) == 2
    assert "budgetcheck validate fixtures/changji-2024.yaml" in commands[0]
    assert commands[1].rstrip().endswith("pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()


def test_readme_lists_every_rule() -> None:
    from budgetcheck.catalogue.rules import load_rules

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in load_rules().values():
        assert f"| {rule.code} | `{rule.name}` |" in text, rule.code


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return _readme().split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_quick_start_says_why_the_first_command_exits_1() -> None:
    from click.testing import CliRunner

    from budgetcheck.cli.app import main

    quick = _section("Quick start")
    assert "13 errors and 8 warnings" in quick and "exits with code 1" in quick
    result = CliRunner().invoke(main, ["validate", "--format", "concise", "fixtures/changji-2024.yaml"],
                                env={"LANG": "en_US.UTF-8", "LC_ALL": None, "GITHUB_ACTIONS": None})
    summary = result.stdout.strip().splitlines()[-1]
    assert result.exit_code == 1 and f"`{summary}`" in quick


def test_readme_leads_with_use_and_links_the_detailed_pages() -> None:
    titles = [line[3:] for line in _readme().splitlines() if line.startswith("## ")]
    assert titles[:3] == ["Quick start", "What the output means", "Checking your own documents"]
    assert "pip install -e '.[docx,pdf,html]'" in _section("Checking your own documents")
    assert "docs/reading.md" in _section("Reading documents")
    assert "docs/scoring.md" in _section("Scoring profiles")
    for page in ("docs/formats.md", "docs/selfeval.md", "docs/contributing.md"):
        assert f"({page})" in _readme(), page
    assert (ROOT / "docs" / "contributing.md").is_file()


def test_internals_live_on_the_contributors_page() -> None:
    readme = _readme()
    contributing = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    for internal in ("hypothesis-profile", "fuzz/", "BUDGETCHECK_UPDATE_GOLDEN", "BUDGETCHECK_MUTATION_STRIDE",
                     "tests/test_properties.py"):
        assert internal not in readme and internal in contributing, internal


def test_documented_exit_codes_are_the_real_ones() -> None:
    from budgetcheck.cli.live import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED

    table = _section("What the output means")
    for code in (0, 1, 2, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE):
        assert f"| `{code}` |" in table, code


def test_the_library_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest

    monkeypatch.chdir(ROOT)
    failures, tried = doctest.testfile(str(ROOT / "README.md"), module_relative=False, report=True)
    assert tried >= 5 and failures == 0


def _block(marker: str) -> str:
    found = re.search(rf"<!-- {re.escape(marker)} -->\n```text\n(.*?)```", _readme(), flags=re.S)
    assert found is not None, marker
    return found.group(1)


def test_the_self_evaluation_example_gives_the_output_shown(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from budgetcheck.cli.app import main

    (tmp_path / "example.txt").write_text(_block("readme-example: selfeval"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--format", "concise", "example.txt"],
                                env={"LANG": "en_US.UTF-8", "LC_ALL": None, "GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    assert result.stdout == _block("readme-output: selfeval")


def test_the_readme_lists_every_shipped_profile() -> None:
    table = _section("Scoring profiles")
    for path in sorted((ROOT / "rules" / "profiles").glob("*.yaml")):
        assert f"`{path.stem}`" in table, path.stem
