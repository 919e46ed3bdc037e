"""Extracting the reference text dump reproduces the hand transcription, figure for figure.

Compared: every value of the fixture as text — figures exactly as printed, and also labels,
reasons, names and the 年度总体目标 prose, which the extractor reads too. ``validate`` on the
.txt then gives the same findings (rule + data path) as on the .yaml.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from budgetcheck.cli.app import main
from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.emit import to_yaml
from budgetcheck.sources.documents.reader import extract_file
from budgetcheck.sources.load import load_report, load_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "changji-2024.txt"
FIXTURE = ROOT / "fixtures" / "changji-2024.yaml"


def as_text(node: Any) -> Any:
    """Data with every scalar as its text (how the loader hands figures to the model)."""
    if isinstance(node, dict):
        return {k: as_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [as_text(v) for v in node]
    return str(node).lower() if isinstance(node, bool) else str(node)


def fixture_data() -> dict[str, Any]:
    return yaml.load(FIXTURE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def leaves(node: Any, path: tuple = ()) -> dict[tuple, str]:
    """Every scalar by its data path."""
    if isinstance(node, dict):
        return {p: v for k, child in node.items() for p, v in leaves(child, path + (k,)).items()}
    if isinstance(node, list):
        return {p: v for i, child in enumerate(node) for p, v in leaves(child, path + (i,)).items()}
    return {path: str(node).lower() if isinstance(node, bool) else str(node)}


def test_every_fixture_value_is_extracted_as_printed() -> None:
    extracted = leaves(extract_file(SEED).data)
    expected = leaves(fixture_data())
    missing = sorted(str(p) for p in expected if p not in extracted)
    different = sorted(f"{p}: {extracted[p]!r} != {v!r}" for p, v in expected.items() if p in extracted and extracted[p] != v)
    extra = sorted(str(p) for p in extracted if p not in expected)
    assert len(expected) > 1000
    assert not missing and not different and not extra, (missing[:10], different[:10], extra[:10])


def test_the_seed_extracts_without_leftovers() -> None:
    assert extract_file(SEED).problems == []


def test_emitted_yaml_loads_back_to_the_same_data_with_source_comments() -> None:
    extraction = extract_file(SEED)
    text = to_yaml(extraction)
    loaded = load_text(text, "out.yaml")
    assert loaded.problems == [] and loaded.report is not None
    assert as_text(yaml.load(text, Loader=yaml.BaseLoader)) == as_text(fixture_data())
    assert 'income_total: "1,159.29"  # line 21, column 11' in text
    assert "# 二、收入决算情况说明" in text


def _keys(findings: list[Any]) -> list[tuple[str, str]]:
    return sorted((f.rule, f.path) for f in findings)


def _checked(path: Path) -> list[Any]:
    loaded = load_report(path)
    assert loaded.problems == [] and loaded.report is not None
    return check_report(loaded, profile=resolve_profile(loaded)).findings


def _tally(findings: list[Any]) -> Counter[str]:
    return Counter(f.severity.value for f in findings)


def test_validate_on_the_text_dump_finds_exactly_what_it_finds_on_the_fixture() -> None:
    """Same rule + data path, same count (13 errors, 8 warnings), same figures quoted."""
    txt, fix = _checked(SEED), _checked(FIXTURE)
    assert _tally(fix) == Counter({"error": 13, "warning": 8})
    assert _tally(txt) == _tally(fix)
    assert _keys(txt) == _keys(fix)
    assert len(set(_keys(txt))) == len(txt)  # no finding reported twice at one place
    by_key = {(f.rule, f.path): f for f in fix}
    for finding in txt:
        twin = by_key[(finding.rule, finding.path)]
        assert (finding.expected, finding.found, finding.message_en) == (twin.expected, twin.found, twin.message_en)
        assert finding.file.endswith(".txt") and finding.line is not None


def test_findings_on_the_text_dump_point_at_the_printed_figure(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    planted = text.replace("收入总计1,159.29万元", "收入总计1,159.99万元", 1)  # a sum that no longer adds up
    assert planted != text
    path = tmp_path / "planted.txt"
    path.write_text(planted, encoding="utf-8")
    loaded = load_report(path)
    findings = check_report(loaded, profile=resolve_profile(loaded)).findings
    lines = planted.splitlines()
    located = [f for f in findings if f.found and f.line]
    assert located
    for finding in located:
        line = lines[finding.line - 1]
        assert finding.source and finding.source.startswith(f"line {finding.line}")
        assert finding.found.rstrip("分") in line[finding.column - 1 :], (finding.rule, finding.path, line)


def test_extract_command_writes_yaml_that_validate_reads(tmp_path: Path) -> None:
    out = tmp_path / "report.yaml"
    result = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(out), "--strict"])
    assert result.exit_code == 0, result.output
    assert as_text(yaml.load(out.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)) == as_text(fixture_data())
    checked = CliRunner().invoke(main, ["validate", "--format", "concise", str(out)])
    assert checked.exit_code in (0, 1) and "BC001" not in checked.output


def test_extract_to_stdout_and_unreadable_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--no-comments"])
    assert result.exit_code == 0 and 'income_total: "1,159.29"\n' in result.output
    missing = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    odd = tmp_path / "report.odt"
    odd.write_bytes(b"x")
    wrong = CliRunner().invoke(main, ["extract", str(odd)])
    assert wrong.exit_code == 2 and ".odt" in wrong.output
