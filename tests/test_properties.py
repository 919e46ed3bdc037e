"""Never crash, never cry wolf — properties over generated disclosures.

Example counts scale with the loaded hypothesis profile (tests/conftest.py): the default
(CI) profile runs 1,000 consistent reports through the linter and 200 through the template
text and ``extract``; ``--hypothesis-profile=thorough`` runs ten times as many. Every property
builds its reports in tests/strategies.py; tests/template_text.py writes them as text dumps.
"""

from __future__ import annotations

import re

import copy
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st

from budgetcheck.catalogue.rules import load_rules
from budgetcheck.cli.app import main
from budgetcheck.checks.engine import FileResult, check_report, resolve_profile
from budgetcheck.sources.documents.reader import extract_bytes
from budgetcheck.model.figures import Figure
from budgetcheck.result import Severity
from budgetcheck.sources.load import LoadedReport, build_report, load_text
from budgetcheck.model.paths import DataPath, format_path, get

from .conftest import check_touching
from .strategies import consistent_reports, mutated_template_texts, to_yaml
from .template_text import SCRAMBLED_ACTUAL_HEADING, SELFEVAL_CUT_LAYOUTS, SELFEVAL_DAMAGED_LAYOUTS, SELFEVAL_DASH_LAYOUTS, SELFEVAL_FORMS, SELFEVAL_LAYOUTS, SELFEVAL_OCR_LAYOUTS, cut_block, printed_cells, render, render_selfeval, states_own_rule
from .rawdata import raw_set

BASE = settings().max_examples  # 100 in the default profile, 1,000 in ``thorough``
NO_FALSE_POSITIVES = 10 * BASE
HEAVY = BASE


def _check(text: str) -> FileResult:
    loaded = load_text(text, "generated.yaml")
    assert loaded.report is not None, [p.message for p in loaded.problems]
    return check_report(loaded, profile=resolve_profile(loaded))


def _loud(result: FileResult) -> list[str]:
    return [f"{f.rule} {f.path}: {f.message_en}" for f in result.findings if f.severity.rank >= Severity.WARNING.rank]


# -- no false positives --------------------------------------------------------------------
@settings(max_examples=NO_FALSE_POSITIVES)
@given(consistent_reports(styled=True))
def test_a_consistent_report_has_no_error_or_warning(report: dict[str, Any]) -> None:
    """Under every profile the generator scores by (named in the report), month-only dates,
    capped rates and target/actual reverse rows included."""
    text = to_yaml(report)
    note(text)
    assert _loud(_check(text)) == []


@settings(max_examples=BASE)
@given(consistent_reports(truncates=True))
def test_a_truncating_source_system_gives_no_error_or_warning(report: dict[str, Any]) -> None:
    # Every amount and rate cut, not rounded: at most BC009 infos (every figure truncated).
    text = to_yaml(report)
    note(text)
    assert _loud(_check(text)) == []


# -- detection -----------------------------------------------------------------------------
def _moved(figure: Figure, delta: Fraction) -> str:
    """The figure's printed text moved by ``delta``, same decimals and suffix."""
    unit = Decimal(1).scaleb(-figure.places)
    step = (Decimal(delta.numerator) / Decimal(delta.denominator)).quantize(unit, rounding="ROUND_CEILING")
    moved = figure.value + step
    suffix = figure.text[len(figure.text.rstrip("分万元%")):]
    return f"{moved:.{figure.places}f}{suffix}"


def _combined_half_widths(loaded: Any, touched: frozenset[DataPath], path: DataPath) -> Fraction:
    """An upper bound of the summed half-widths of the identities ``path`` takes part in.

    Sums and repeated figures stay within one section of the report (or one table of a list
    section) plus one copy elsewhere, so the half-widths of every checked figure of that
    section, plus one, bound them.
    """
    scope = path[:2] if len(path) > 1 and isinstance(path[1], int) else path[:1]
    if path[0] == "performance" and len(path) > 2 and isinstance(path[2], int):
        scope = path[:3]
    widths = [
        fig.half_width
        for other in touched
        if other[: len(scope)] == scope and isinstance(fig := get(loaded.report, other), Figure) and not fig.percent
    ]
    return sum(widths, Fraction(0)) + Fraction(1, 100)


# Identities whose rounding slack is the plain sum of half-widths (sums, repeated figures,
# total scores). Ratios and growth rates have a slack that grows with the values (a growth
# rate near -100% hardly moves with its change amount), so their figures are not candidates.
ADDITIVE_RULES = {code: rule for code, rule in load_rules().items() if rule.kind in {"sum", "group_sum", "same_figure", "total_score"}}


@settings(max_examples=HEAVY)
@given(consistent_reports(), st.data())
def test_moving_one_figure_beyond_rounding_is_found(report: dict[str, Any], data: st.DataObject) -> None:
    text = to_yaml(report)
    loaded = load_text(text, "generated.yaml")
    _, touched = check_touching(loaded, ADDITIVE_RULES, resolve_profile(loaded))
    candidates = sorted(
        (path for path in touched if isinstance(fig := get(loaded.report, path), Figure) and not fig.percent),
        key=format_path,
    )
    assume(candidates)
    path = data.draw(st.sampled_from(candidates), label="figure")
    figure = get(loaded.report, path)
    width = _combined_half_widths(loaded, touched, path)
    sign = data.draw(st.sampled_from([1, -1]), label="direction")
    if sign < 0 and Fraction(figure.value) - (width + 1) < 0:
        sign = 1  # amounts and counts are not negative; move up instead
    delta = sign * (width + 2 * figure.half_width)
    mutated = copy.deepcopy(report)
    raw_set(mutated, path, _moved(figure, delta))
    note(f"{format_path(path)}: {figure.text} -> {_moved(figure, delta)} (combined half-widths {float(width):.3f})")
    result = _check(to_yaml(mutated))
    wanted = format_path(path)
    assert any(f.path == wanted or wanted in f.related for f in result.findings), [
        f"{f.rule} {f.path}" for f in result.findings
    ]


# -- round trip ----------------------------------------------------------------------------
def _figures(model: Any, prefix: DataPath = ()) -> dict[str, tuple[str, int, bool]]:
    """Every figure of a model by path: printed text, decimals, percent flag."""
    out: dict[str, tuple[str, int, bool]] = {}
    if isinstance(model, Figure):
        out[format_path(prefix)] = (model.text, model.places, model.percent)
    elif isinstance(model, (list, tuple)):
        for index, item in enumerate(model):
            out.update(_figures(item, prefix + (index,)))
    elif hasattr(model, "__pydantic_fields__"):
        for name in type(model).__pydantic_fields__:
            out.update(_figures(getattr(model, name), prefix + (name,)))
    return out


@settings(max_examples=HEAVY)
@given(consistent_reports(), st.sampled_from(["quoted", "pyyaml"]))
def test_model_to_yaml_to_model_keeps_every_figure(report: dict[str, Any], writer: str) -> None:
    first = load_text(to_yaml(report), "first.yaml").report
    dumped = first.model_dump(mode="json")
    text = to_yaml(dumped) if writer == "quoted" else yaml.safe_dump(dumped, allow_unicode=True, sort_keys=False)
    second = load_text(text, "second.yaml").report
    assert second == first
    figures = _figures(first)
    assert figures and _figures(second) == figures


# -- template text for `extract` -----------------------------------------------------------
def _extracted(report: dict[str, Any]) -> tuple[LoadedReport, list[str]]:
    """Render a generated report as a text dump, extract it; also what was not extracted."""
    text = render(report)
    note(text)
    extraction = extract_bytes(text.encode("utf-8"), ".txt", "generated.txt")
    loaded = build_report(extraction.data, {}, "generated.txt")
    return loaded, [str(problem) for problem in extraction.problems]


@settings(max_examples=2 * BASE)
@given(consistent_reports())
def test_extracting_the_template_text_gives_the_same_figures(report: dict[str, Any]) -> None:
    loaded, not_extracted = _extracted(report)
    assert not_extracted == [] and loaded.problems == [], (not_extracted, loaded.problems)
    wanted = printed_cells(load_text(to_yaml(report), "generated.yaml").report)
    got = printed_cells(loaded.report)
    assert len(wanted) > 100
    assert got == wanted, sorted((format_path(p), wanted.get(p), got.get(p)) for p in wanted.keys() | got.keys()
                                 if wanted.get(p) != got.get(p))[:10]


@settings(max_examples=2 * BASE)
@given(consistent_reports())
def test_the_extracted_template_text_has_no_error_or_warning(report: dict[str, Any]) -> None:
    loaded, not_extracted = _extracted(report)
    assert not_extracted == []
    assert loaded.report is not None, loaded.problems
    assert _loud(check_report(loaded, profile=resolve_profile(loaded))) == []


THREE_PUBLIC_ALL_ZERO = (
    "某单位2024年度部门决算公开说明\n"
    "九、财政拨款“三公”经费支出决算情况说明\n"
    "2024年度财政拨款“三公”经费支出0.00万元。其中：因公出国（境）费支出0.00万元，"
    "公务用车购置及运行维护费支出0.00万元，公务接待费支出0.00万元。\n"
)


def test_three_public_items_without_shares_are_extracted() -> None:
    extraction = extract_bytes(THREE_PUBLIC_ALL_ZERO.encode("utf-8"), ".txt", "zero.txt")
    assert extraction.problems == []
    assert [item["amount"] for item in extraction.data["three_public"]["items"]] == ["0.00"] * 3


# -- total robustness ----------------------------------------------------------------------
def _validate(content: bytes, *args: str, name: str = "input.yaml") -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / name
        target.write_bytes(content)
        result = CliRunner().invoke(main, ["validate", *args, str(target)], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.output.strip(), "every run ends with a message"
    if result.exit_code == 2:
        assert name in result.output  # the refusal names the file
    return result


@settings(max_examples=2 * BASE)
@given(st.binary(max_size=2_000), st.sampled_from([["--format", "concise"], ["--format", "table"]]))
def test_any_bytes_end_in_exit_0_1_or_2(content: bytes, fmt: list[str]) -> None:
    _validate(content, *fmt)


def _text_mutation(text: str, data: st.DataObject) -> str:
    """Cut, insert, duplicate or swap a span of the YAML text."""
    size = len(text)
    start = data.draw(st.integers(0, size), label="start")
    end = data.draw(st.integers(start, min(size, start + 40)), label="end")
    kind = data.draw(st.sampled_from(["cut", "insert", "duplicate", "replace"]), label="mutation")
    if kind == "cut":
        return text[:start] + text[end:]
    if kind == "duplicate":
        return text[:end] + text[start:end] + text[end:]
    noise = data.draw(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%,. \n\t0123456789元万%—／")), max_size=12))
    return text[:start] + noise + (text[start:] if kind == "insert" else text[end:])


@settings(max_examples=2 * BASE)
@given(consistent_reports(), st.data())
def test_a_mutated_report_ends_in_exit_0_1_or_2(report: dict[str, Any], data: st.DataObject) -> None:
    text = to_yaml(report)
    if data.draw(st.booleans(), label="structural"):
        paths = _scalar_paths(report)
        path = data.draw(st.sampled_from(paths), label="path")
        mutated = copy.deepcopy(report)
        raw_set(mutated, path, data.draw(st.one_of(st.text(max_size=12), st.sampled_from(
            ["NaN", "-Infinity", ".inf", "1e308", "1_000", "0x10", "-0.00", "１２．５", "0.9361", "93.61", "", "/"]))))
        text = to_yaml(mutated)
    else:
        text = _text_mutation(text, data)
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]), label="encoding")
    _validate(text.encode(encoding, errors="replace"))


@settings(max_examples=BASE)
@given(mutated_template_texts())
def test_a_mutated_template_text_ends_in_exit_0_1_or_2(content: bytes) -> None:
    _validate(content, "--format", "concise", name="input.txt")


def _scalar_paths(data: Any, prefix: DataPath = ()) -> list[DataPath]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _scalar_paths(value, prefix + (key,))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in _scalar_paths(value, prefix + (index,))]
    return [prefix]


# -- determinism ---------------------------------------------------------------------------
@settings(max_examples=max(20, BASE // 5))
@given(consistent_reports(), st.data())
def test_same_input_same_findings_in_the_same_order(report: dict[str, Any], data: st.DataObject) -> None:
    mutated = copy.deepcopy(report)
    for path in data.draw(st.lists(st.sampled_from(_scalar_paths(report)), max_size=4, unique=True), label="paths"):
        raw_set(mutated, path, "9,999.99")
    text = to_yaml(mutated)
    runs = [load_text(text, "same.yaml") for _ in range(2)]
    results = [check_report(run, profile=resolve_profile(run)) if run.report is not None else None for run in runs]
    if results[0] is None:
        assert [p.message for p in runs[0].problems] == [p.message for p in runs[1].problems]
        return
    assert results[0].findings == results[1].findings


# -- self-evaluation tables printed as running text ----------------------------------------
def _table_figures(report: Any) -> list[dict[str, str]]:
    """The figures of each project table: funds rows, indicator cells, 总分 (names left out:
    the glued layout prints them with a suffix)."""
    cells = printed_cells(report.performance)
    keep = ("funds", "indicators", "total")
    tables: dict[int, dict[str, str]] = {}
    for path, text in cells.items():
        if path[0] == "projects" and path[2] in keep and path[-1] not in ("level1", "level2", "basis", "scoring_rule",
                                                                            "evidence", "deviation_reason", "prior_year"):
            tables.setdefault(path[1], {})[format_path(path[2:])] = text.removesuffix("分")
    return [tables[i] for i in sorted(tables)]


def _selfeval_text(report: dict[str, Any], layout: str) -> tuple[LoadedReport, list[str]]:
    text = render_selfeval(report, layout)
    note(text)
    extraction = extract_bytes(text.encode("utf-8"), ".txt", "generated.txt")
    loaded = build_report(extraction.data, {}, "generated.txt")
    return loaded, [str(problem) for problem in extraction.problems]


def _unstated(report: dict[str, Any]) -> bool:
    """No row scored by a formula its 赋分规则 states: the glued and Chongqing layouts print
    no 赋分规则 column, so such a row is scored by the profile once printed."""
    return not any(states_own_rule(row) for project in report["performance"]["projects"] for row in project["indicators"])


def _no_zero_score(report: dict[str, Any]) -> bool:
    """No indicator scored a bare 0: where 分值 and 得分 are glued side by side ("10"), 1 | 0
    and 10 with an empty 得分 both read, and the row is rightly left unread."""
    return all(not re.fullmatch(r"0(?:\.0+)?", str(row.get("score", "")))
               for project in report["performance"]["projects"] for row in project["indicators"])


def _wordless(report: dict[str, Any]) -> bool:
    """No qualitative row: a target and an actual in different words cannot be split when glued."""
    return all(not row["target"][:1].isalpha() or row["target"][:4].isdigit()
               for project in report["performance"]["projects"] for row in project["indicators"]
               if not row["target"].startswith(("<", ">", "=")) and not row["target"][:1].isdigit())


@settings(max_examples=BASE // 2)
@given(consistent_reports(), st.sampled_from(SELFEVAL_LAYOUTS + SELFEVAL_OCR_LAYOUTS + SELFEVAL_FORMS))
def test_tables_printed_as_text_read_back_to_the_same_figures(report: dict[str, Any], layout: str) -> None:
    if layout.startswith("glued"):
        assume(_wordless(report))
    if layout == "glued-chongqing":
        assume(_no_zero_score(report))
    loaded, not_extracted = _selfeval_text(report, layout)
    assert not_extracted == [] and loaded.problems == [], (not_extracted, loaded.problems)
    wanted = _table_figures(load_text(to_yaml(report), "generated.yaml").report)
    assert _table_figures(loaded.report) == wanted
    if layout == "glued-chongqing":  # the heading printed out of order is read, and reported
        assert [(r.printed, r.read) for table in loaded.report.performance.projects for r in table.repaired] == [
            (SCRAMBLED_ACTUAL_HEADING, "全年完成值")] * len(loaded.report.performance.projects)
    if layout.endswith("-ocr"):  # every repair is recorded, and only the repaired letter differs
        repaired = [r for table in loaded.report.performance.projects for r in table.repaired]
        assert all(r.printed.replace("O", "0") == r.read for r in repaired)
        assert len(repaired) == render_selfeval(report, layout).count("O")


@settings(max_examples=BASE // 4)
@given(consistent_reports())
def test_glued_qualitative_rows_with_ocr_dashes_read_back_with_empty_targets(report: dict[str, Any]) -> None:
    assume(_unstated(report))
    loaded, not_extracted = _selfeval_text(report, SELFEVAL_DASH_LAYOUTS[0])
    assert not_extracted == [] and loaded.report is not None, (not_extracted, loaded.problems)
    read = [(row.target.text, row.score)
            for table in loaded.report.performance.projects for row in table.indicators]
    printed = [row for project in report["performance"]["projects"] for row in project["indicators"]]
    dashed = [i for i, row in enumerate(printed) if not row["target"][:1].isdigit() and row["target"][:1] not in "<>="]
    assert len(read) == len(printed) and all(read[i][0] == "—" for i in dashed), read
    repaired = [r for table in loaded.report.performance.projects for r in table.repaired]
    assert [(r.printed, r.read) for r in repaired] == [("一", "—")] * len(dashed)


@settings(max_examples=BASE // 4)
@given(consistent_reports(), st.sampled_from(["0.01", "1"]))
def test_a_cut_table_total_above_its_visible_scores_and_unseen_weight_is_found(report: dict[str, Any], over: str) -> None:
    assume(_unstated(report))
    projects = report["performance"]["projects"]
    for project in projects:  # the largest total the cut table allows: visible scores + the lost rows' weights
        shown, lost = cut_block(project["indicators"])
        scores = [Decimal(project["funds"]["total"]["score"]), *(Decimal(r["score"]) for r in shown)]
        most = sum(scores, Decimal(0)) + sum(Decimal(r["weight"]) for r in lost)
        project["total"] = {**project["total"], "score": f"{most + Decimal(over)}分"}
    loaded, _ = _selfeval_text(report, SELFEVAL_CUT_LAYOUTS[0])
    assert loaded.report is not None, loaded.problems
    found = {f.path: f.severity for f in check_report(loaded, profile=resolve_profile(loaded)).findings if f.rule == "BC603"}
    # A level-1 cell printing a level-2 word (成本指标(20分) 经济成本指标(20分)) reads as two
    # level-2 headings: the room is then taken as the larger of their weights, and not asserted.
    plain = [i for i, p in enumerate(projects) if all(r["level1"] != "成本指标" for r in p["indicators"])]
    # a total printing more decimals than the scores, within their rounding, is a warning
    wanted = {Severity.ERROR, Severity.WARNING}
    assert all(found.get(f"performance.projects[{i}].total.score") in wanted for i in plain), found


@settings(max_examples=BASE // 2)
@given(consistent_reports(), st.sampled_from(SELFEVAL_LAYOUTS + SELFEVAL_OCR_LAYOUTS + SELFEVAL_FORMS + SELFEVAL_DAMAGED_LAYOUTS
                                              + SELFEVAL_CUT_LAYOUTS + SELFEVAL_DASH_LAYOUTS))
def test_tables_printed_as_text_have_no_error_or_warning(report: dict[str, Any], layout: str) -> None:
    if layout.startswith("glued") and layout not in SELFEVAL_DASH_LAYOUTS:  # glued word pairs are not split yet
        assume(_wordless(report))
    if layout.startswith("glued") or layout in SELFEVAL_FORMS + SELFEVAL_CUT_LAYOUTS:
        assume(_unstated(report))
    if layout == "glued-chongqing":
        assume(_no_zero_score(report))
    loaded, _ = _selfeval_text(report, layout)
    assert loaded.report is not None, loaded.problems
    loud = [f for f in check_report(loaded, profile=resolve_profile(loaded)).findings
            if f.severity.rank >= Severity.WARNING.rank and f.rule != "BC003"]
    assert [f"{f.rule} {f.path}: {f.message_en}" for f in loud] == []
