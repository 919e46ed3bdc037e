"""Generated "三公" disclosures in the wordings and layouts the statement grammar reads.

Each document is consistent by construction: every printed rate, share and completion is
the exact value rounded half-up to its printed places, so a correct reader and checker give
no error or warning and nothing unread. The wording (base phrases, verbs), the amount unit
(万元 / 元, with or without separators), full-width digits, traditional characters and the
layout (sentences, a ``|`` table, a headers-first table) are drawn independently.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

PRIOR = ("比上年", "较上年", "与上年相比，", "同比", "较{prior}年度决算数")
BUDGET = ("与年初预算相比，", "与预算相比，", "较年初预算数")
UP, DOWN = ("增加", "增长", "上升"), ("减少", "下降", "降低")
ITEMS = (("abroad", "因公出国（境）费"), ("reception", "公务接待费"), ("vehicles", "公务用车购置及运行维护费"))
PARTS = (("purchase", "公务用车购置费"), ("running", "公务用车运行维护费"))
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass
class Style:
    """How one document prints its figures."""

    yuan: bool
    commas: bool
    full_width: bool
    traditional: bool
    prior: str
    budget: str
    layout: str


def _round(value: Fraction, places: int) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


class Printer:
    """Prints cents as amounts and fractions as percentages in one style."""

    def __init__(self, style: Style):
        self.style = style

    def amount(self, cents: int) -> str:
        value = Decimal(abs(cents)).scaleb(-2)
        text = f"{value * 10000:,.2f}" if self.style.yuan else f"{value:,.2f}"
        if not self.style.commas:
            text = text.replace(",", "")
        return self._digits(text) + ("元" if self.style.yuan else "万元")

    def cell(self, cents: int) -> str:
        return f"{Decimal(cents).scaleb(-2):.2f}"

    def percent(self, value: Fraction) -> str:
        return self._digits(f"{abs(_round(value * 100, 2))}") + "%"

    def _digits(self, text: str) -> str:
        return text.translate(FULL) if self.style.full_width else text


def _change(p: Printer, phrase: str, current: int, base: int) -> str:
    change = current - base
    verb = (UP if change >= 0 else DOWN)
    if base == 0:
        return f"{phrase}{verb[0]}{p.amount(change)}，增长--（基数为0，不可比）"
    return f"{phrase}{verb[0]}{p.amount(change)}，{verb[1]}{p.percent(Fraction(abs(change), base))}"


def _sentence(p: Printer, label: str, f: dict[str, int], style: Style, year: int, total: int | None) -> str:
    prior = style.prior.format(prior=year - 1)
    text = f"{label}支出决算为{p.amount(f['final'])}，完成预算的{p.percent(Fraction(f['final'], f['budget']))}"
    if total:
        text = f"{label}支出决算为{p.amount(f['final'])}，占{p.percent(Fraction(f['final'], total))}"
    return text + "，" + _change(p, prior, f["final"], f["prior"])


def render(figures: dict[str, dict[str, int]], style: Style, year: int = 2023) -> str:
    """The text of one generated disclosure."""
    p = Printer(style)
    head = f"某单位{year}年度“三公”经费决算情况说明"
    total = figures["total"]
    body = [head, "一、“三公”经费支出总体情况"]
    if style.layout == "table":
        body += _pipe_table(p, figures)
    elif style.layout == "headers":
        body += _headers_first(p, figures)
    body.append(
        f"{year}年度“三公”经费预算为{p.amount(total['budget'])}，支出决算为{p.amount(total['final'])}，"
        f"完成预算的{p.percent(Fraction(total['final'], total['budget']))}，"
        + _change(p, style.prior.format(prior=year - 1), total["final"], total["prior"]) + "。"
    )
    listed = "；".join(_sentence(p, label, figures[key], style, year, total["final"]) for key, label in ITEMS)
    body.append(f"{year}年度“三公”经费支出决算中，{listed}。")
    for key, label in ITEMS:
        f = figures[key]
        claim = "无变化" if f["budget"] == f["final"] else None
        budget = style.budget
        text = f"{label}支出{p.amount(f['final'])}，"
        text += f"{budget.rstrip('，')}{claim}。" if claim else _change(p, budget, f["final"], f["budget"]) + "。"
        body.append(text)
    text = "\n".join(body) + "\n"
    return _traditional(text) if style.traditional else text


def _pipe_table(p: Printer, figures: dict[str, dict[str, int]]) -> list[str]:
    rows = [("合 计", "total")] + [(label, key) for key, label in ITEMS] + [("其中:" + PARTS[1][1], "running"), (PARTS[0][1], "purchase")]
    lines = ["“三公”经费支出决算表", "单位:万元", "项 目 |", "预 算 数 |", "决 算 数 |"]
    for label, key in rows:
        lines += [f"{label} |", f"{p.cell(figures[key]['budget'])} |", f"{p.cell(figures[key]['final'])} |"]
    return lines


def _headers_first(p: Printer, figures: dict[str, dict[str, int]]) -> list[str]:
    lines = ["“三公”经费支出决算表", "单位:万元", "“三公”经费", "合计", "因公出国", "（境）费", "公务用车购置及运行维护费",
             "公务接待费", "小计", "公务用车", "购置费", "公务用车", "运行维护费"] + ["预算数", "决算数"] * 6
    for key in ("total", "abroad", "vehicles", "purchase", "running", "reception"):
        lines += [p.cell(figures[key]["budget"]), p.cell(figures[key]["final"])]
    return lines


def _traditional(text: str) -> str:
    from opencc import OpenCC  # type: ignore[import-untyped]

    converter = OpenCC("s2t")
    out = converter.convert(text)
    return str(out) if len(out) == len(text) else "".join(str(converter.convert(ch))[:1] or ch for ch in text)


@st.composite
def documents(draw: Any) -> tuple[dict[str, dict[str, int]], Style]:
    """Consistent figures (cents) and a printing style."""
    cents = st.integers(min_value=100, max_value=5_000_000)
    figures: dict[str, dict[str, int]] = {}
    for key in ("abroad", "reception", "purchase", "running"):
        final = draw(cents)
        figures[key] = {"final": final, "budget": draw(st.sampled_from([final, final + draw(cents)])), "prior": draw(cents)}
    for parent, kids in (("vehicles", ("purchase", "running")), ("total", ("abroad", "reception", "vehicles"))):
        figures[parent] = {m: sum(figures[k][m] for k in kids) for m in ("final", "budget", "prior")}
    style = Style(
        yuan=draw(st.booleans()), commas=draw(st.booleans()), full_width=draw(st.booleans()),
        traditional=draw(st.booleans()), prior=draw(st.sampled_from(PRIOR)), budget=draw(st.sampled_from(BUDGET)),
        layout=draw(st.sampled_from(("sentences", "table", "headers"))),
    )
    return figures, style
