"""Hypothesis strategies: complete, internally consistent disclosures on random true values.

True values are drawn first (amounts as whole 元, so that printing them in 万元 to two
decimals really rounds), every total is derived exactly, every share, growth rate, variance
rate, execution rate and score is computed exactly as a :class:`~fractions.Fraction`, and
only then is each value printed the way documents print it: half-up to 2 decimals for
amounts, 2, 1 or 0 decimals for percentages, with or without thousands separators. The
result is the raw data a report YAML holds (every figure a string as printed) and
:func:`to_yaml` writes it as YAML text with quoted figures.

A report built here satisfies every identity of docs/domain.md §2 under the ``national`` profile,
so the linter must find nothing at warning level or above in it. ``consistent_reports(styled=True)``
also draws a scoring profile (``rules/profiles/``), names it in the report's ``profile`` key and
scores the performance tables by it: capped or deducted rates above target, met ceilings printed
as target/actual, scores rounded to whole or half points, execution scored by thresholds, and
deadlines met by an actual month (``2024年11月``, or ``2024年12月`` against a deadline inside
December, which is undecided and must not be reported).
"""

from __future__ import annotations

import math

import json
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from .template_text import render

WAN = 10_000  # 元 per 万元

INCOME_LABELS = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
EXPENDITURE_LABELS = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
CLASSES = {
    "社会保障和就业支出": ("行政事业单位养老支出", ("机关事业单位基本养老保险缴费支出", "机关事业单位职业年金缴费支出")),
    "卫生健康支出": ("行政事业单位医疗", ("行政单位医疗", "事业单位医疗", "公务员医疗补助")),
    "节能环保支出": ("污染防治", ("大气", "水体", "固体废弃物与化学品", "其他污染防治支出")),
    "住房保障支出": ("住房改革支出", ("住房公积金", "提租补贴")),
    "农林水支出": ("农业农村", ("行政运行", "事业运行", "一般行政管理事务")),
}
VEHICLE_KINDS = ("主要负责人用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "其他用车")


@dataclass(frozen=True)
class Style:
    """How a profile scores a table (what the generator must print to be consistent with it)."""

    profile: str = "national"
    above_target: str = "full"  # full | deviation
    capped_rates: bool | None = False  # print forward rates above 100 % as 100 % (None: either)
    reverse_inverse: bool = False  # print met ceilings as target / actual
    step: Fraction | None = None  # scores rounded to whole (1) or half (1/2) points
    thresholds: tuple[tuple[Fraction, Fraction], ...] = ()  # execution score bands (min rate, share)
    month_dates: bool = True  # some deadlines met by an actual month without a day


STYLES = (
    Style(),
    Style(capped_rates=None),
    Style("deviation", above_target="deviation"),
    Style("anhui-hubei"),
    Style("chongqing", capped_rates=True),
    Style("capped-proportional", capped_rates=None),
    Style("reverse-ratio", reverse_inverse=True),
    Style("whole-points", step=Fraction(1)),
    Style("half-points", step=Fraction(1, 2)),
    Style("thresholds-example", thresholds=((Fraction(9, 10), Fraction(1)), (Fraction(8, 10), Fraction(8, 10)),
                                            (Fraction(6, 10), Fraction(6, 10)), (Fraction(0), Fraction(0)))),
)


def step_rounded(value: Fraction, step: Fraction | None) -> Fraction:
    """A score rounded half up to the style's step (two decimals when it has none)."""
    if step is None:
        return Fraction(rounded(value, 2))
    return Fraction(rounded(value / step, 0)) * step


# -- printing ------------------------------------------------------------------------------
def rounded(value: Fraction, places: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """``value`` rounded half away from zero to ``places`` decimals, as documents print
    (``rounding=ROUND_DOWN``: truncated toward zero, as a system cutting 元 to 万元 does)."""
    scaled = Decimal(value.numerator) / Decimal(value.denominator) if value.denominator != 1 else Decimal(value.numerator)
    return scaled.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def print_number(value: Fraction, places: int, commas: bool = False, rounding: str = ROUND_HALF_UP) -> str:
    """A number as printed: fixed decimals, optional thousands separators."""
    dec = rounded(value, places, rounding)
    if dec == 0:
        dec = abs(dec)  # "-0.00" is not how a document prints nothing
    return f"{dec:,.{places}f}" if commas else f"{dec:.{places}f}"


class Printer:
    """How one document prints: thousands separators or not, percent decimals, and whether
    its source system truncates amounts and rates instead of rounding them."""

    def __init__(self, commas: bool, pct_places: int, truncates: bool = False):
        self.commas = commas
        self.pct_places = pct_places
        self.rounding = ROUND_DOWN if truncates else ROUND_HALF_UP

    def amount(self, yuan: int | Fraction, places: int = 2) -> str:
        """An amount given in 元, printed in 万元 with two decimals (or ``places``)."""
        return print_number(Fraction(yuan) / WAN, places, self.commas, self.rounding)

    def pct(self, ratio: Fraction, places: int | None = None) -> str:
        """A ratio printed as a percentage."""
        return print_number(ratio * 100, self.pct_places if places is None else places, rounding=self.rounding) + "%"

    @staticmethod
    def score(points: Fraction) -> str:
        """A score: whole numbers printed bare, others with two decimals."""
        return str(points.numerator) if points.denominator == 1 else print_number(points, 2)


def printed_value(text: str) -> Fraction:
    """The exact value a printed figure shows (``"1,085.20"`` → 1085.2, ``"9.5%"`` → 9.5)."""
    return Fraction(Decimal(text.replace(",", "").rstrip("%分")))


# -- drawing -------------------------------------------------------------------------------
class Gen:
    """Draw helpers bound to one hypothesis ``draw`` and one document's printing habits."""

    style: Style = Style()
    stated_rules = False  # forward rows may print a 赋分规则 that states their formula

    def __init__(self, draw: Any, printer: Printer):
        self.draw = draw
        self.p = printer

    def yuan(self, lo: int = 0, hi: int = 5_000_000, zero_chance: bool = True) -> int:
        """A true amount in 元; sometimes exactly zero (many template lines are 0.00)."""
        if zero_chance and self.draw(st.integers(0, 5)) == 0:
            return 0
        return self.draw(st.integers(max(lo, 1 if zero_chance else lo), hi))

    def split(self, total: int, parts: int) -> list[int]:
        """``total`` 元 cut into ``parts`` non-negative whole amounts."""
        cuts = sorted(self.draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1)))
        edges = [0, *cuts, total]
        return [b - a for a, b in zip(edges, edges[1:])]

    def change(self, current: int, *, allow_new: bool = True) -> dict[str, str]:
        """Change against a random prior year: amount, and the growth rate when the prior is not 0."""
        prior = 0 if allow_new and self.draw(st.integers(0, 7)) == 0 else self.yuan(1, max(2 * current, 20_000), False)
        delta = current - prior
        out = {"amount": self.p.amount(delta)}
        if prior > 0:
            out["rate"] = self.p.pct(Fraction(delta, prior))
        out["reason"] = "本年工作任务变化。" if delta else "与上年持平。"
        return out


def _shares(g: Gen, amounts: list[int], total: int) -> list[str | None]:
    return [g.p.pct(Fraction(a, total)) if total > 0 else None for a in amounts]


def _items(g: Gen, labels: tuple[str, ...], amounts: list[int], total: int) -> list[dict[str, str]]:
    items = []
    for label, amount, share in zip(labels, amounts, _shares(g, amounts, total)):
        item = {"label": label, "amount": g.p.amount(amount)}
        if share is not None:
            item["share"] = share
        items.append(item)
    return items


# -- sections ------------------------------------------------------------------------------
@st.composite
def consistent_reports(draw: Any, styled: bool = False, truncates: bool = False) -> dict[str, Any]:
    """A complete report (raw printed data) in which every identity holds after rounding;
    ``styled``: scored under a drawn profile, named in the report.

    Some figures printed twice are printed at a coarser precision in one place (本年收入合计
    in the income section, the unit budget in the 预算绩效 paragraph): both copies round the
    same true value. ``truncates``: the accounts system truncates every amount and rate
    instead of rounding them; such a report has no performance tables.
    """
    g = Gen(draw, Printer(commas=draw(st.booleans()), pct_places=draw(st.sampled_from([2, 2, 2, 1, 0])),
                          truncates=truncates))
    g.style = draw(st.sampled_from(STYLES)) if styled else Style(month_dates=False)
    g.stated_rules = draw(st.integers(0, 2)) == 0
    report: dict[str, Any] = {"schema_version": "1", "title": "某单位部门决算公开说明"}
    if g.style.profile != "national":
        report["profile"] = g.style.profile
    report["unit"] = _unit(g)
    gb = _general_budget_section(g)
    basic_total, personnel, public = gb["_basic"]
    fiscal_expenditure = gb["_total"]
    # 财政拨款: opening + income = closing + expenditure.
    f_open, f_close = g.yuan(0, 500_000), g.yuan(0, 500_000)
    f_income = fiscal_expenditure + f_close - f_open
    if f_income < 0:
        f_open, f_income = f_open + f_income, 0
    other_income = [g.yuan(0, 300_000) for _ in INCOME_LABELS[1:]]
    income_parts = [f_income, *other_income]
    current_income = sum(income_parts)
    # Expenditure: 基本支出 is the general-budget basic spending; 项目支出 covers the rest of
    # the general budget plus non-fiscal project spending.
    other_exp = [g.yuan(0, 200_000) for _ in EXPENDITURE_LABELS[2:]]
    project = fiscal_expenditure - basic_total + g.yuan(0, 400_000)
    exp_parts = [basic_total, project, *other_exp]
    current_exp = sum(exp_parts)
    used, distribution = g.yuan(0, 100_000), g.yuan(0, 50_000)
    opening = max(0, current_exp + distribution - current_income - used) + g.yuan(0, 800_000)
    grand_total = current_income + used + opening
    closing = grand_total - current_exp - distribution
    report["income_expenditure"] = {
        "income_total": g.p.amount(grand_total), "current_income": g.p.amount(current_income),
        "non_fiscal_balance_used": g.p.amount(used), "opening_balance": g.p.amount(opening),
        "expenditure_total": g.p.amount(grand_total), "current_expenditure": g.p.amount(current_exp),
        "balance_distribution": g.p.amount(distribution), "closing_balance": g.p.amount(closing),
        "change": g.change(grand_total, allow_new=False),
    }
    report["income"] = {"total": g.p.amount(current_income, _copy_places(g)),
                        "items": _items(g, INCOME_LABELS, income_parts, current_income)}
    report["expenditure"] = {"total": g.p.amount(current_exp, _copy_places(g)),
                             "items": _items(g, EXPENDITURE_LABELS, exp_parts, current_exp)}
    fiscal_budget = g.yuan(max(1, fiscal_expenditure // 3), 2 * fiscal_expenditure + 10_000, False)
    comparison = {"budget": g.p.amount(fiscal_budget), "final": g.p.amount(fiscal_expenditure),
                  "variance_rate": g.p.pct(Fraction(fiscal_expenditure - fiscal_budget, fiscal_budget)),
                  "reason": "年中追加预算。"}
    report["fiscal"] = {
        "income_total": g.p.amount(f_open + f_income), "opening_balance": g.p.amount(f_open),
        "current_income": g.p.amount(f_income), "expenditure_total": g.p.amount(f_close + fiscal_expenditure),
        "closing_balance": g.p.amount(f_close), "current_expenditure": g.p.amount(fiscal_expenditure),
        "change": g.change(f_open + f_income, allow_new=False), "budget_comparison": dict(comparison),
    }
    report["general_budget"] = {
        "total": g.p.amount(fiscal_expenditure),
        "share_of_expenditure": g.p.pct(Fraction(fiscal_expenditure, current_exp)),
        "change": gb["change"], "budget_comparison": comparison,
        "classes": gb["classes"], "lines": gb["lines"],
    }
    report["basic_expenditure"] = {"total": g.p.amount(basic_total), "personnel": g.p.amount(personnel),
                                   "public": g.p.amount(public), "personnel_items": ["基本工资"], "public_items": ["办公费"]}
    report["government_fund"] = {"empty": "true", "note": "本年度无政府性基金预算财政拨款收支。"}
    report["state_capital"] = {"empty": "true", "note": "本年度无国有资本经营预算财政拨款收支。"}
    vehicles = draw(st.integers(0, 6))
    report["three_public"] = _three_public(g, vehicles, public)
    # an administrative unit prints 机关运行经费: the same figure as the basic expenditure's 公用经费
    label = draw(st.sampled_from(["公用经费", "机关运行经费"]))
    report["operating_costs"] = {"label": label, "amount": g.p.amount(public), "change": g.change(public, allow_new=False)}
    report["procurement"] = _procurement(g)
    report["assets"] = _assets(g, vehicles)
    if not truncates:
        # Left out of a truncating document: the self-evaluation rules (BC501, BC605) read
        # only the printed rate or score as truncated, not its operands (checks/tables.py).
        report["performance"] = _performance(g, grand_total, current_exp, fiscal_budget)
    return report


def _copy_places(g: Gen) -> int:
    """The precision of a figure's second copy: usually the document's 2, sometimes 1 or 0."""
    return g.draw(st.sampled_from([2, 2, 2, 1, 0]))


def _unit(g: Gen) -> dict[str, Any]:
    counts = [g.draw(st.integers(0, 60)) for _ in range(3)]
    counts[0] = max(counts[0], 1)
    groups = [{"label": label, "count": str(n), "change": str(g.draw(st.integers(-3, 3)) if n else 0)}
              for label, n in zip(("在职人员", "离休人员", "退休人员"), counts)]
    return {"name": "某某单位", "year": str(g.draw(st.integers(2019, 2025))), "headcount_total": str(sum(counts)),
            "headcount": groups, "subordinate_units": "0", "division_count": "2", "divisions": ["办公室", "业务科"]}


def _general_budget_section(g: Gen) -> dict[str, Any]:
    """Lines with changes (priors drawn per line), classes with shares, total change."""
    labels = g.draw(st.lists(st.sampled_from(sorted(CLASSES)), min_size=1, max_size=4, unique=True))
    lines: list[dict[str, Any]] = []
    class_totals: list[tuple[str, int]] = []
    total = prior_total = 0
    for label in labels:
        section, names = CLASSES[label]
        chosen = g.draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
        class_total = 0
        for name in chosen:
            # the first line is never 0: a unit with a general budget spends something
            amount = g.yuan(1, 3_000_000, zero_chance=bool(lines))
            prior = 0 if g.draw(st.integers(0, 7)) == 0 else g.yuan(1, max(2 * amount, 20_000), False)
            change = {"amount": g.p.amount(amount - prior)}
            if prior > 0:
                change["rate"] = g.p.pct(Fraction(amount - prior, prior))
            change["reason"] = "工作任务变化。"
            lines.append({"class_label": label, "section_label": section, "item_label": name,
                          "amount": g.p.amount(amount), "change": change})
            class_total += amount
            prior_total += prior
        class_totals.append((label, class_total))
        total += class_total
    change = {"amount": g.p.amount(total - prior_total)}
    if prior_total > 0:
        change["rate"] = g.p.pct(Fraction(total - prior_total, prior_total))
    change["reason"] = "工作任务变化。"
    classes = [{"label": label, "amount": g.p.amount(amount), "share": g.p.pct(Fraction(amount, total))}
               for label, amount in class_totals]
    personnel = g.draw(st.integers(0, total))
    public = g.draw(st.integers(0, total - personnel))
    return {"lines": lines, "classes": classes, "change": change, "_total": total,
            "_basic": (personnel + public, personnel, public)}


def _three_public(g: Gen, vehicles: int, public: int) -> dict[str, Any]:
    """"三公" costs: items (vehicles split into purchase + running), budgets, changes, counts."""
    abroad = g.yuan(0, 200_000)
    purchase = g.yuan(0, 300_000) if vehicles else 0
    running = g.yuan(1, 100_000, False) if vehicles else 0
    reception = g.yuan(0, 50_000)
    car = purchase + running
    total = abroad + car + reception
    amounts = [abroad, car, reception]
    labels = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
    items: list[dict[str, Any]] = []
    budgets: list[int] = []
    priors = 0
    for label, amount, share in zip(labels, amounts, _shares(g, amounts, total)):
        prior = g.yuan(0, 200_000)
        priors += prior
        item: dict[str, Any] = {"label": label, "amount": g.p.amount(amount)}
        if share is not None:
            item["share"] = share
        change = {"amount": g.p.amount(amount - prior)}
        if prior > 0:
            change["rate"] = g.p.pct(Fraction(amount - prior, prior))
        item["change"] = change
        if label.startswith("公务用车"):
            parts = []
            for part_label, part in (("公务用车购置费", purchase), ("公务用车运行维护费", running)):
                part_budget = _budget_for(g, part)
                budgets.append(part_budget)
                parts.append({"label": part_label, "amount": g.p.amount(part), "budget": _comparison(g, part_budget, part)})
            item["parts"] = parts
        else:
            item_budget = _budget_for(g, amount)
            budgets.append(item_budget)
            item["budget"] = _comparison(g, item_budget, amount)
        items.append(item)
    change = {"amount": g.p.amount(total - priors)}
    if priors > 0:
        change["rate"] = g.p.pct(Fraction(total - priors, priors))
    budget_total = sum(budgets)
    counts = {
        "abroad_groups": str(g.draw(st.integers(1, 3)) if abroad else 0),
        "vehicles_purchased": str(1 if purchase else 0),
        "vehicles_held": str(vehicles), "fixed_asset_vehicles": str(vehicles),
        "reception_batches": str(g.draw(st.integers(1, 9)) if reception else 0),
    }
    counts["abroad_trips"] = str(int(counts["abroad_groups"]) * g.draw(st.integers(1, 4)))
    counts["reception_visits"] = str(int(counts["reception_batches"]) * g.draw(st.integers(1, 6)))
    return {"amount": g.p.amount(total), "change": change, "budget": _comparison(g, budget_total, total),
            "items": items, "counts": counts}


def _budget_for(g: Gen, final: int) -> int:
    return g.yuan(max(1, final // 2), 2 * final + 1_000, False) if final else g.draw(st.sampled_from([0, 0, 20_000]))


def _comparison(g: Gen, budget: int, final: int) -> dict[str, str]:
    out = {"budget": g.p.amount(budget), "final": g.p.amount(final)}
    if budget > 0:
        out["variance_rate"] = g.p.pct(Fraction(final - budget, budget))
    return out


def _procurement(g: Gen) -> dict[str, Any]:
    goods, works, services = g.yuan(0, 800_000), g.yuan(0, 800_000), g.yuan(0, 800_000)
    total = goods + works + services
    sme = g.draw(st.integers(0, total))
    micro = g.draw(st.integers(0, sme))
    out: dict[str, Any] = {"total": g.p.amount(total), "goods": g.p.amount(goods), "works": g.p.amount(works),
                           "services": g.p.amount(services)}
    if total > 0:
        out["sme"] = {"amount": g.p.amount(sme), "share": g.p.pct(Fraction(sme, total))}
        out["micro"] = {"amount": g.p.amount(micro), "share": g.p.pct(Fraction(micro, total))}
    return out


def _assets(g: Gen, vehicles: int) -> dict[str, Any]:
    kinds = g.split(vehicles, len(VEHICLE_KINDS))
    return {
        "as_of": "12月31日", "building_area": g.p.amount(g.yuan(0, 5_000_000)), "building_value": g.p.amount(g.yuan()),
        "vehicle_count": str(vehicles), "vehicle_value": g.p.amount(g.yuan(0, 600_000) if vehicles else 0),
        "vehicles": [{"label": label, "count": str(n)} for label, n in zip(VEHICLE_KINDS, kinds)],
        "equipment_over_million": str(g.draw(st.integers(0, 3))),
    }


# -- performance ---------------------------------------------------------------------------
def _funds(g: Gen, annual: int, executed: int, initial: int, labels: tuple[str, ...]) -> dict[str, Any]:
    """A funds block: total row with 分值 10, 执行率 and 得分; source rows split per column."""
    n = len(labels)
    annual_parts = g.split(annual, n)
    columns = [g.split(initial, n), annual_parts, _split_executed(g, annual_parts, executed)]
    rate = Fraction(executed, annual) if annual else None
    total: dict[str, str] = {"label": "年度资金总额", "initial_budget": g.p.amount(initial),
                             "annual_budget": g.p.amount(annual), "executed": g.p.amount(executed), "weight": "10"}
    score = _execution_score(g.style, rate)
    total["execution_rate"] = g.p.pct(rate, 2) if rate is not None else "—"
    score = step_rounded(score, g.style.step)
    total["score"] = print_number(score, 2)
    parts = [{"label": label, "initial_budget": g.p.amount(a), "annual_budget": g.p.amount(b),
              "executed": g.p.amount(c), "weight": "—", "execution_rate": "—", "score": "—"}
             for label, a, b, c in zip(labels, *columns)]
    return {"total": total, "parts": parts, "_score": rounded(score, 2)}


def _execution_score(style: Style, rate: Fraction | None) -> Fraction:
    """10 × 执行率 capped at 10, or the share of the threshold band the rate falls in."""
    if rate is None:
        return Fraction(0)
    if style.thresholds:
        return 10 * next(share for minimum, share in style.thresholds if rate >= minimum)
    return Fraction(10) * min(Fraction(1), rate)


def _split_executed(g: Gen, budgets: list[int], executed: int) -> list[int]:
    """``executed`` split over the source rows, no row executing more than its budget."""
    parts, left = [], executed
    for index, budget in enumerate(budgets):
        room_after = sum(budgets[index + 1:])
        part = g.draw(st.integers(max(0, left - room_after), min(budget, left)))
        parts.append(part)
        left -= part
    return parts


def _indicator(g: Gen, weight: int, name: str) -> tuple[dict[str, Any], Decimal]:
    """One indicator row scored by the national rules; returns the row and its printed score."""
    kind = g.draw(st.sampled_from(["forward", "forward", "equal", "reverse", "deadline", "word", "satisfaction",
                                   "execution"]))
    row: dict[str, Any] = {"level1": "产出指标", "level2": "数量指标", "name": name, "weight": str(weight),
                           "basis": "计划标准", "scoring_rule": "按照完成比例赋分", "evidence": "工作资料"}
    rate = Fraction(1)
    if kind in ("forward", "satisfaction"):
        unit = "%" if kind == "satisfaction" else "份"
        target = g.draw(st.integers(60, 99)) if kind == "satisfaction" else g.draw(st.integers(1, 500))
        hi = min(100, target * 105 // 100) if kind == "satisfaction" else target * 105 // 100
        actual = g.draw(st.integers(max(1, target * 6 // 10), max(target, hi)))
        rate = Fraction(actual, target)
        row.update(target=f">={target}{unit}", actual=f"={actual}{unit}")
        if kind == "satisfaction":
            row.update(level1="满意度指标", level2="满意度指标", scoring_rule="满意度赋分")
    elif kind == "equal":
        target = g.draw(st.integers(1, 20))
        actual = g.draw(st.integers(max(1, target // 2), target))
        rate = Fraction(actual, target)
        row.update(target=f"={target}套", actual=f"={actual}套")
    elif kind == "reverse":
        target = g.draw(st.integers(1, 200))
        spent = g.draw(st.integers(0, target))
        row.update(level1="成本指标", level2="经济成本指标", target=f"<={target}万元", actual=f"={spent}万元")
    elif kind == "execution":  # 预算执行率 scored as an indicator: an empty target, scored against 100 %
        percent = g.draw(st.integers(60, 100))
        rate = Fraction(percent, 100)
        row.update(level2="时效指标", name=f"{name}预算执行率", target="—", actual=f"{percent}%")
    elif kind == "deadline":
        day = g.draw(st.integers(1, 28))
        row.update(level2="时效指标", target=f"2024年12月{day}日前", actual=_done_on(g), scoring_rule="直接赋分")
    else:
        row.update(level1="效益指标", level2="社会效益指标", target=g.draw(st.sampled_from(["提升", "有效保障", "提高"])),
                   actual="达到预期指标", scoring_rule="按评判等级赋分")
    score, row["completion_rate"] = _rate_and_score(g, Fraction(weight), rate)
    if kind == "forward":
        score = _stated_rule(g, row, Fraction(weight), rate, score)
    if kind == "reverse" and g.style.reverse_inverse and 0 < spent < target:
        row["completion_rate"] = g.p.pct(Fraction(target, spent), 2)  # a met ceiling printed as target / actual
    printed = rounded(step_rounded(score, g.style.step), 2)
    row["score"] = Printer.score(Fraction(printed))
    if rate != 1:
        row["deviation_reason"] = "实际完成与目标存在差异。"
    return row, printed


def _stated_rule(g: Gen, row: dict[str, Any], weight: Fraction, rate: Fraction, score: Fraction) -> Fraction:
    """Sometimes a forward row prints a 赋分规则 that states its own formula, and is scored by
    it: all or nothing, or points per step below target (full marks at or above it)."""
    if not g.stated_rules:
        return score
    stated = g.draw(st.sampled_from([None, None, "all_or_nothing", "per_point"]))
    if stated == "all_or_nothing":
        row["scoring_rule"] = g.draw(st.sampled_from(["达到目标值得满分，未达到不得分", "完成得满分，未完成得0分"]))
        return weight if rate >= 1 else Fraction(0)
    if stated == "per_point":
        step, points = g.draw(st.sampled_from([1, 2, 5])), g.draw(st.sampled_from([Fraction(1, 2), Fraction(1), Fraction(2)]))
        row["scoring_rule"] = f"每降低{step}个百分点扣{print_number(points, 1 if points.denominator > 1 else 0)}分"
        if rate >= 1:
            return weight
        return max(Fraction(0), weight - points * math.ceil((1 - rate) * 100 / step))
    return score


def _done_on(g: Gen) -> str:
    """An on-time actual date for a December deadline: a November day or month, or December
    without a day (which the deadline day splits: undecided, so never reported)."""
    if not g.style.month_dates:
        return f"2024年11月{g.draw(st.integers(1, 28))}日"
    return g.draw(st.sampled_from([f"2024年11月{g.draw(st.integers(1, 28))}日", "2024年11月", "2024年12月"]))


def _rate_and_score(g: Gen, weight: Fraction, rate: Fraction) -> tuple[Fraction, str]:
    """The true score and the printed completion rate of a forward row under the style."""
    if rate <= 1:
        return weight * rate, "100%" if rate == 1 else g.p.pct(rate, 2)
    if g.style.above_target == "deviation":
        return weight * max(Fraction(0), 2 - rate), g.p.pct(rate, 2)
    capped = g.style.capped_rates if g.style.capped_rates is not None else g.draw(st.booleans())
    return weight, "100%" if capped else g.p.pct(rate, 2)


def _table(g: Gen, funds: dict[str, Any], name: str | None, completion: bool) -> dict[str, Any]:
    """A self-evaluation table: funds block, indicators with weights summing to 90, 总分."""
    n = g.draw(st.integers(1, 6))
    weights = [w + 1 for w in g.split(90 - n, n)]
    rows, scores = [], [funds.pop("_score")]
    for index, weight in enumerate(weights):
        # names are unique: an indicator named in two tables must agree (same-figure rule)
        row, score = _indicator(g, weight, f"{name or '单位'}指标{index + 1}")
        if not completion:
            row.pop("completion_rate")
        rows.append(row)
        scores.append(score)
    _cost_rows(g, rows, funds["total"])
    total = sum(scores, Decimal(0))
    table: dict[str, Any] = {"funds": funds, "goals": {"expected": "完成年度工作任务。", "actual": "已完成。"},
                             "indicators": rows, "total": {"weight": "100", "score": f"{total}分"}}
    if name:
        table = {"name": name, **table}
    return table


def _cost_rows(g: Gen, rows: list[dict[str, Any]], funds: dict[str, str]) -> None:
    """Money cost targets either cover the whole budget (then actuals = 全年执行数) or not at all."""
    costs = [row for row in rows if row["level1"] == "成本指标"]
    if not costs:
        return
    annual = printed_value(funds["annual_budget"])
    if len(costs) == 1 and g.draw(st.booleans()):
        costs[0].update(target=f"<={funds['annual_budget'].replace(',', '')}万元",
                        actual=f"={funds['executed'].replace(',', '')}万元")
    elif sum(printed_value(row["target"][2:-2]) for row in costs) == annual:
        costs[0]["target"] = f"<={printed_value(costs[0]['target'][2:-2]) + 1}万元"
    else:
        return
    if "completion_rate" in costs[0]:  # the figures changed: a met ceiling printed 100 %
        costs[0]["completion_rate"] = "100%"


def _performance(g: Gen, annual_total: int, executed_total: int, initial_total: int) -> dict[str, Any]:
    unit_funds = _funds(g, annual_total, executed_total, initial_total, ("财政拨款", "其他资金"))
    unit_table = _table(g, unit_funds, "某某单位", completion=False)
    projects = []
    budget_sum = executed_sum = 0
    for index in range(g.draw(st.integers(1, 4))):
        annual = g.yuan(10_000, 3_000_000, False)
        executed = g.draw(st.integers(annual // 2, annual))
        initial = g.draw(st.sampled_from([annual, g.yuan(0, annual)]))
        funds = _funds(g, annual, executed, initial, ("当年财政拨款", "其他资金"))
        projects.append(_table(g, funds, f"项目{index + 1}", completion=True))
        budget_sum += annual
        executed_sum += executed
    summary = {"unit_tables": "1", "unit_budget": g.p.amount(annual_total, _copy_places(g)),
               "unit_executed": g.p.amount(executed_total, _copy_places(g)),
               "projects": str(len(projects)), "project_budget": g.p.amount(budget_sum),
               "project_executed": g.p.amount(executed_sum)}
    return {"summary": summary, "unit_table": unit_table, "projects": projects}


# -- writing -------------------------------------------------------------------------------
def to_yaml(data: Any, indent: int = 0) -> str:
    """Block-style YAML with every scalar double-quoted (figures keep their printed text)."""
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, (dict, list)) and value:
                lines.append(f"{pad}{key}:")
                lines.append(to_yaml(value, indent + 1))
            else:
                lines.append(f"{pad}{key}: {_scalar(value)}")
    else:
        for value in data:
            if isinstance(value, (dict, list)) and value:
                body = to_yaml(value, indent + 1).lstrip()
                lines.append(f"{pad}- {body}")
            else:
                lines.append(f"{pad}- {_scalar(value)}")
    return "\n".join(lines)


def _scalar(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    if value is None:
        return "null"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


# -- mutated template text (for `extract`) -----------------------------------------------------
# Characters that carry meaning in the template text: digits (half and full width), figure
# punctuation, units, the words of changes and shares, cell and line breaks.
TEMPLATE_NOISE = list("0123456789０１２３４５６７８９.．,，。：:；、%％－-—/=<>万元（）()类款项占增加减少增长下降年月日前个人辆次\t\n ")


def _mutate_template(draw: Any, text: str) -> str:
    """One edit of template text: cut, insert, duplicate or replace a span, swap two lines,
    add or drop a line's leading TAB (paragraph ↔ table cell), or change one digit."""
    kind = draw(st.sampled_from(["cut", "insert", "duplicate", "replace", "swap", "tab", "digit"]), label="edit")
    start = draw(st.integers(0, len(text)), label="at")
    if kind in ("swap", "tab"):
        lines = text.split("\n")
        one = min(start * len(lines) // (len(text) + 1), len(lines) - 1)
        if kind == "tab":
            lines[one] = lines[one][1:] if lines[one].startswith("\t") else "\t" + lines[one]
        else:
            other = draw(st.integers(0, len(lines) - 1), label="other line")
            lines[one], lines[other] = lines[other], lines[one]
        return "\n".join(lines)
    if kind == "digit":
        digits = [i for i in range(start, min(len(text), start + 200)) if text[i].isdigit()]
        if not digits:
            return text
        at = digits[0]
        return text[:at] + draw(st.sampled_from("0123456789")) + text[at + 1:]
    end = draw(st.integers(start, min(len(text), start + 60)), label="to")
    if kind == "cut":
        return text[:start] + text[end:]
    if kind == "duplicate":
        return text[:end] + text[start:end] + text[end:]
    noise = draw(st.text(alphabet=st.sampled_from(TEMPLATE_NOISE), max_size=16), label="noise")
    return text[:start] + noise + (text[start:] if kind == "insert" else text[end:])


@st.composite
def mutated_template_texts(draw: Any) -> bytes:
    """The template text of a consistent report after one to four random edits, encoded."""
    text = render(draw(consistent_reports()))
    for _ in range(draw(st.integers(1, 4), label="edits")):
        text = _mutate_template(draw, text)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "gb18030"]), label="encoding")
    return text.encode(encoding, errors="replace")
