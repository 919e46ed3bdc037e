"""Edge cases and rounding properties of the arithmetic kinds: ratio, growth, same figure, counts."""

from __future__ import annotations

from fractions import Fraction
from math import ceil, floor

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from budgetcheck.catalogue.rules import load_rules
from budgetcheck.checks.arithmetic.changes import growth_interval, rate_explained
from budgetcheck.checks.arithmetic.ratios import ratio_interval
from budgetcheck.checks.arithmetic.same_figure import indicator_key, measure_key
from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.result import Finding
from budgetcheck.checks.intervals import Interval
from budgetcheck.sources.load import build_report
from budgetcheck.model.measures import parse_measure

from .conftest import check_data, with_unit

RULES = load_rules()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# True amounts are whole yuan, printed in 万元 (the document computes from 元-level data).
yuan = st.integers(min_value=0, max_value=50_000_000)
positive_yuan = st.integers(min_value=100, max_value=50_000_000)
rate_places = st.sampled_from([0, 1, 2])


def wan(n: int) -> Fraction:
    """Whole yuan as an exact amount in 万元."""
    return Fraction(n, 10_000)


def printed(value: Fraction, places: int = 2, percent: bool = False) -> str:
    """``value`` rounded half away from zero to ``places`` decimals, as a document prints it."""
    scaled = abs(value * 100 if percent else value) * 10**places
    digits = floor(scaled + Fraction(1, 2))
    sign = "-" if value < 0 and digits else ""
    whole, frac = divmod(digits, 10**places)
    text = f"{sign}{whole:,}" + (f".{frac:0{places}d}" if places else "")
    return text + ("%" if percent else "")


def beyond(hi: Fraction, places: int) -> str:
    """A percentage printed with ``places`` decimals whose rounding interval lies above ``hi``."""
    step = Fraction(1, 10**places)
    # Two steps above hi: v − step/2 > hi (not a rounding of hi), and v − step > hi too (for a
    # negative v, truncation toward zero reads it as [v − step, v]: not a truncation of hi).
    value = (ceil(hi * 100 / step) + 2) * step
    return printed(value / 100, places, percent=True)


def run(data: dict, *codes: str) -> list[Finding]:
    """Run only the given rules (with every BC009 info they may emit) over a partial report."""
    full, positions = with_unit(data)
    loaded = build_report(full, positions, "case.yaml")
    assert loaded.report is not None, loaded.problems
    result = check_report(loaded, {code: RULES[code] for code in codes}, resolve_profile(loaded))
    return result.findings


def amount_interval(text: str) -> Interval:
    """The rounding interval of a printed 2-decimal amount (ends taken as included)."""
    value = Fraction(text.replace(",", ""))
    return Interval(value - Fraction(1, 200), value + Fraction(1, 200))


def truncation_interval(text: str) -> Interval:
    """Every value a printed 2-decimal amount may have been truncated from (BC009 reads
    every figure of an identity as truncated: a printed 0.00 covers (-0.01, 0.01))."""
    value = Fraction(text.replace(",", ""))
    step = Fraction(1, 100)
    if value > 0:
        return Interval(value, value + step)
    return Interval(value - step, value) if value < 0 else Interval(-step, step)


def upper(text: str) -> Interval:
    """The hull of the rounding and truncation intervals: moved beyond it, neither explains."""
    a, b = amount_interval(text), truncation_interval(text)
    return Interval(min(a.lo, b.lo), max(a.hi, b.hi))


# -- ratio ------------------------------------------------------------------------------------
def test_ratio_over_zero_whole_is_undefined() -> None:
    assert ratio_interval(Interval.point(0), amount_interval("0.00")) is None
    assert ratio_interval(amount_interval("1.00"), Interval(Fraction(-1), Fraction(-1, 2))) is None


def test_zero_part_is_clamped_at_zero() -> None:
    computed = ratio_interval(amount_interval("0.00"), amount_interval("100.00"))
    assert computed is not None and computed.lo == 0 and computed.hi == Fraction(1, 200) / Fraction(19999, 200)


def test_share_of_zero_whole_gives_no_finding_even_when_nonzero() -> None:
    data = {"three_public": {"amount": "0.00", "items": [{"label": "公务接待费", "amount": "0.00", "share": "5.00%"}]}}
    assert run(data, "BC201") == []


def test_truncated_share_is_info_not_error() -> None:
    data = {"expenditure": {"total": "10,000.00", "items": [{"label": "基本支出", "amount": "3,828.77", "share": "38.28%"}]}}
    found = run(data, "BC201", "BC009")
    assert [f.rule for f in found] == ["BC009"]
    assert found[0].expected == "38.29%" and found[0].interval


def test_share_finding_carries_figures_and_interval() -> None:
    data = {"procurement": {"total": "80.00", "goods": "80.00", "works": "0.00", "services": "0.00",
                            "sme": {"amount": "60.00", "share": "70.00%"}}}
    (finding,) = run(data, "BC201")
    assert (finding.path, finding.expected, finding.found) == ("procurement.sme.share", "75.00%", "70.00%")
    assert finding.interval is not None and finding.interval.startswith("(74.98")  # 80.005 is excluded


@FAST
@given(whole=positive_yuan, fraction=st.fractions(min_value=0, max_value=1), places=rate_places)
def test_rounded_shares_never_fire_and_moved_ones_do(whole: int, fraction: Fraction, places: int) -> None:
    part = floor(whole * fraction)
    true_share = Fraction(part, whole)
    total_text, part_text = printed(wan(whole)), printed(wan(part))
    item = {"label": "项目支出", "amount": part_text, "share": printed(true_share, places, True)}
    assert run({"expenditure": {"total": total_text, "items": [item]}}, "BC201", "BC009") == []
    a, b = upper(part_text), upper(total_text)
    assume(b.lo > 0)
    hi = max(a.hi, Fraction(0)) / b.lo
    moved = dict(item, share=beyond(hi, places))
    found = run({"expenditure": {"total": total_text, "items": [moved]}}, "BC201", "BC009")
    assert [f.rule for f in found] == ["BC201"]


# -- growth -----------------------------------------------------------------------------------
def test_zero_prior_is_undefined_for_growth() -> None:
    assert growth_interval(amount_interval("0.23"), amount_interval("0.23")) is None


def test_new_line_is_a_zero_base_warning_not_a_growth_error() -> None:
    data = {"general_budget": {"total": "0.23", "lines": [
        {"class_label": "卫生健康支出", "amount": "0.23", "change": {"amount": "0.23", "rate": "100.00%"}}]}}
    found = run(data, "BC301", "BC302", "BC009")
    assert [(f.rule, f.severity.value) for f in found] == [("BC302", "warning")]
    assert found[0].found == "100.00%" and "0.00" in (found[0].expected or "")


def test_zero_to_zero_at_zero_percent_is_conventional() -> None:
    assert rate_explained(amount_interval("0.00"), amount_interval("0.00"), Interval.point(0))
    data = {"three_public": {"amount": "0.00", "change": {"amount": "0.00", "rate": "0.00%"}}}
    assert run(data, "BC301", "BC302") == []


def test_negative_change_with_positive_rate_is_an_error() -> None:
    data = {"operating_costs": {"label": "公用经费", "amount": "8.00", "change": {"amount": "-2.00", "rate": "20.00%"}}}
    (finding,) = run(data, "BC301", "BC302", "BC009")
    assert (finding.rule, finding.expected) == ("BC301", "-20.00%")


def test_decline_to_zero_is_minus_one_hundred_percent() -> None:
    data = {"operating_costs": {"label": "公用经费", "amount": "0.00", "change": {"amount": "-3.25", "rate": "-100.00%"}}}
    assert run(data, "BC301", "BC302", "BC009") == []


def test_growth_is_checked_against_the_amount_it_belongs_to() -> None:
    # 收入支出总体's change belongs to 收入总计, not to 本年收入合计.
    data = {"income_expenditure": {"income_total": "1,100.00", "current_income": "1,000.00",
                                   "opening_balance": "100.00", "expenditure_total": "1,100.00",
                                   "current_expenditure": "1,100.00", "change": {"amount": "100.00", "rate": "10.00%"}}}
    assert run(data, "BC301") == []


@FAST
@given(current=yuan, prior=st.integers(min_value=1, max_value=50_000_000), places=rate_places)
def test_rounded_growth_never_fires(current: int, prior: int, places: int) -> None:
    change = current - prior
    rate = Fraction(change, prior)
    data = {"operating_costs": {"label": "公用经费", "amount": printed(wan(current)),
                                "change": {"amount": printed(wan(change)), "rate": printed(rate, places, True)}}}
    assert run(data, "BC301", "BC302", "BC009") == []


@FAST
@given(current=st.integers(0, 5_000), prior=st.integers(1, 300), places=rate_places)
def test_rounded_growth_over_tiny_priors_never_fires(current: int, prior: int, places: int) -> None:
    # Priors of 0.0001-0.03 万元: the printed prior often rounds to 0, yet the rate is explained.
    change = current - prior
    data = {"three_public": {"amount": printed(wan(current)), "change": {
        "amount": printed(wan(change)), "rate": printed(Fraction(change, prior), places, True)}}}
    assert run(data, "BC301", "BC302", "BC009") == []


@FAST
@given(current=yuan, prior=st.integers(min_value=1, max_value=50_000_000), places=rate_places)
def test_moved_growth_rate_fires(current: int, prior: int, places: int) -> None:
    a, c = upper(printed(wan(current))), upper(printed(wan(current - prior)))
    assume(not (a - c).reaches_zero())
    corners = [ci / (ai - ci) for ai in (a.lo, a.hi) for ci in (c.lo, c.hi)]
    data = {"operating_costs": {"label": "公用经费", "amount": printed(wan(current)),
                                "change": {"amount": printed(wan(current - prior)), "rate": beyond(max(corners), places)}}}
    found = run(data, "BC301", "BC302", "BC009")
    assert [f.rule for f in found] == ["BC301"]


# -- budget vs final --------------------------------------------------------------------------
@FAST
@given(budget=positive_yuan, final=yuan, places=rate_places)
def test_rounded_budget_rates_never_fire_and_moved_ones_do(budget: int, final: int, places: int) -> None:
    ratio = Fraction(final, budget)
    comparison = {"budget": printed(wan(budget)), "final": printed(wan(final)),
                  "variance_rate": printed(ratio - 1, places, True), "completion_rate": printed(ratio, places, True)}
    codes = ("BC401", "BC402", "BC009")
    assert run({"three_public": {"amount": comparison["final"], "budget": comparison}}, *codes) == []
    assume(upper(comparison["budget"]).lo > 0)
    hi = upper(comparison["final"]).hi / upper(comparison["budget"]).lo
    moved = dict(comparison, variance_rate=beyond(hi - 1, places), completion_rate=beyond(hi, places))
    found = run({"three_public": {"amount": comparison["final"], "budget": moved}}, *codes)
    assert sorted(f.rule for f in found) == ["BC401", "BC402"]


def test_budget_and_final_zero_is_fine_but_zero_budget_is_not_checked() -> None:
    zero = {"budget": "0.00", "final": "0.00", "variance_rate": "0.00%"}
    odd = {"budget": "0.00", "final": "2.00", "variance_rate": "100.00%"}
    data = {"three_public": {"amount": "2.00", "items": [
        {"label": "公务接待费", "amount": "0.00", "budget": zero},
        {"label": "公务用车购置及运行维护费", "amount": "2.00", "budget": odd}]}}
    assert run(data, "BC401") == []


# -- same figure ------------------------------------------------------------------------------
def _overview(current_income: str) -> dict:
    return {"income_total": "1,010.00", "current_income": current_income, "opening_balance": "10.00",
            "non_fiscal_balance_used": "0.00",
            "expenditure_total": "1,010.00", "current_expenditure": "1,010.00"}


def test_one_disagreement_is_reported_once_and_does_not_cascade() -> None:
    # The overview prints 本年收入 900.00, the income section 1,000.00 (whose parts and shares fit it).
    data = {
        "income_expenditure": _overview("900.00"),
        "income": {"total": "1,000.00", "items": [
            {"label": "财政拨款收入", "amount": "800.00", "share": "80.00%"},
            {"label": "其他收入", "amount": "200.00", "share": "20.00%"}]},
    }
    findings = check_data(data).findings
    disputed = {"income_expenditure.current_income", "income.total"}
    # Reported at the overview's copy: the income section's total agrees with its own parts.
    assert [(f.rule, f.path, f.related, f.found) for f in findings if f.rule == "BC801"] == [
        ("BC801", "income_expenditure.current_income", ("income.total",), "900.00")]
    cascaded = [f for f in findings if f.rule in {"BC101", "BC201"} and (f.path in disputed or disputed & set(f.related))]
    assert cascaded == []


def test_a_typo_in_a_total_is_reported_at_the_total_not_at_its_twin() -> None:
    # 收入总计 mistyped: its parts and the unit table's copy both say 1,010.00.
    overview = dict(_overview("1,000.00"), income_total="1,810.00")
    table = {"funds": {"total": {"label": "合计", "annual_budget": "1,010.00", "executed": "1,000.00"}}}
    findings = check_data({"income_expenditure": overview, "performance": {"unit_table": table}}).findings
    assert [(f.rule, f.path, f.expected) for f in findings if f.rule == "BC801"] == [
        ("BC801", "income_expenditure.income_total", "1,010.00")]


def test_a_disagreement_without_other_evidence_is_reported_at_the_second_copy() -> None:
    data = {"income_expenditure": _overview("1,000.00"), "income": {"total": "1,100.00"}}
    assert [(f.path, f.related) for f in check_data(data).findings if f.rule == "BC801"] == [
        ("income.total", ("income_expenditure.current_income",))]


def test_without_the_disagreement_the_sum_would_fire() -> None:
    # Control for the test above: the same overview does not add up when nothing is disputed.
    data = {"income_expenditure": _overview("900.00")}
    assert [f.rule for f in check_data(data).findings if f.rule.startswith("BC1")] == ["BC101"]


@FAST
@given(value=yuan)
def test_copies_at_different_precision_agree_and_shifted_ones_do_not(value: int) -> None:
    two, one = printed(wan(value), 2), printed(wan(value), 1)
    assert run({"three_public": {"amount": one, "budget": {"budget": two, "final": two}}}, "BC801") == []
    # beyond ``one``'s rounding (0.05) and truncation (0.1) intervals, plus the copy's own 0.005
    shifted = printed(Fraction(one.replace(",", "")) + Fraction(16, 100), 2)
    found = run({"three_public": {"amount": one, "budget": {"budget": two, "final": shifted}}}, "BC801")
    assert [(f.rule, f.path) for f in found] == [("BC801", "three_public.budget.final")]


def test_budget_comparisons_differ_legitimately_when_there_are_fund_appropriations() -> None:
    fiscal = {"income_total": "130.00", "current_income": "130.00", "expenditure_total": "130.00",
              "current_expenditure": "130.00", "budget_comparison": {"budget": "110.00", "final": "130.00"}}
    general = {"total": "100.00", "budget_comparison": {"budget": "90.00", "final": "100.00"}}
    data = {"fiscal": fiscal, "general_budget": general}
    assert [f.path for f in run(data, "BC801")] == ["general_budget.budget_comparison.budget",
                                                    "general_budget.budget_comparison.final"]
    assert run(dict(data, government_fund={"total": "30.00"}), "BC801") == []


def test_vehicle_difference_is_a_warning_and_does_not_block() -> None:
    data = {"three_public": {"amount": "1.00", "counts": {"vehicles_held": "4", "fixed_asset_vehicles": "3"}},
            "assets": {"vehicle_count": "3", "vehicles": [{"label": "其他用车", "count": "2"}]}}
    findings = check_data(data).findings
    assert [(f.rule, f.severity.value) for f in findings if f.rule == "BC803"] == [("BC803", "warning")]
    assert [f.path for f in findings if f.rule == "BC103"] == ["assets.vehicle_count"]


# -- indicators -------------------------------------------------------------------------------
def test_indicator_names_match_without_brackets_and_spaces() -> None:
    assert indicator_key("巡查车辆数（辆）") == indicator_key("巡查 车辆数(辆)") == "巡查车辆数辆"


def test_measures_compare_by_value_and_unit() -> None:
    assert measure_key(parse_measure("=1.0套")) == measure_key(parse_measure("=1套"))
    assert measure_key(parse_measure(">=800辆")) != measure_key(parse_measure(">=1200辆"))
    assert measure_key(parse_measure(">=90%")) != measure_key(parse_measure("=90%"))
    assert measure_key(parse_measure("=5台")) != measure_key(parse_measure("=5个"))
    assert measure_key(parse_measure("/")) is None


def _table(indicators: list[dict]) -> dict:
    return {"funds": {"total": {"label": "合计", "annual_budget": "1.00", "executed": "1.00"}}, "indicators": indicators}


@FAST
@given(target=st.integers(1, 10**6), actual=st.integers(0, 10**6), delta=st.integers(1, 1000))
def test_same_indicator_agrees_or_is_reported_once(target: int, actual: int, delta: int) -> None:
    row = {"name": "运维台数", "weight": "100", "target": f">={target}台", "actual": f"={actual}台", "score": "100"}
    unit = _table([row])
    assert run({"performance": {"unit_table": unit, "projects": [dict(_table([row]), name="甲")]}}, "BC802") == []
    other = dict(row, actual=f"={actual + delta}台")
    found = run({"performance": {"unit_table": unit, "projects": [dict(_table([other]), name="甲")]}}, "BC802")
    assert [(f.path, f.expected) for f in found] == [("performance.projects[0].indicators[0].actual", f"={actual}台")]


# -- table counts -----------------------------------------------------------------------------
@FAST
@given(tables=st.integers(1, 6), extra=st.integers(-6, 6))
def test_project_table_count(tables: int, extra: int) -> None:
    projects = [dict(_table([]), name=f"项目{i}") for i in range(tables)]
    stated = max(tables + extra, 0)
    found = run({"performance": {"summary": {"projects": str(stated)}, "projects": projects}}, "BC104")
    assert len(found) == (stated != tables)
    if found:
        assert (found[0].expected, found[0].found) == (str(tables), str(stated))
