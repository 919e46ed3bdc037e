"""Sentence patterns of the statement sections: totals, income, expenditure, appropriations."""

from __future__ import annotations

import re

from .passage import Passage, pattern
from .patterns import BUDGET, amount, budget, change, clean_label, items
from .sink import Sink

SHARE = pattern(r"\s*[，]?\s*占[^。；，\d\n]{0,16}?(?P<share>#N)#P")
CLASS = pattern(
    r"(?P<label>[^，；。：、\d\n.（）]+?)[（]类[）](?:支出)?(?:为)?\s*(?P<amount>#N)#W"
    r"(?:\s*[，]?\s*占[^。；，\d\n]{0,16}?(?P<share>#N)#P)?"
)
LINE = pattern(
    r"(?P<cls>[^，；。：、\d\n.（）]+?)[（]类[）](?:(?P<sec>[^\n（）]*?)[（]款[）])?(?:(?P<item>[^\n（）]*?)[（]项[）])?[：]?"
)
LINE_AMOUNT = pattern(r"(?:支出)?决算(?:数)?(?:为)?\s*(?P<n>#N)#W|(?P<m>#N)#W")
LIST = re.compile(r"\s*[，]?\s*(?:主要)?(?:包括|用于)[：]?(?P<list>[^。\n]+)")


def income_expenditure(p: Passage, root: Sink) -> None:
    """收入总计/支出总计 with their parts and the change against last year."""
    s = root.child("income_expenditure")
    for key, label in (
        ("income_total", "收入总计"),
        ("current_income", "本年收入合计|本年收入"),
        ("non_fiscal_balance_used", "使用非财政拨款结余"),
        ("opening_balance", "年初结转和结余"),
        ("expenditure_total", "支出总计"),
        ("current_expenditure", "本年支出合计|本年支出"),
        ("balance_distribution", "结余分配"),
        ("closing_balance", "年末结转和结余"),
    ):
        amount(p, s, key, label)
    change(p, s)


def breakdown(p: Passage, root: Sink, key: str, total_label: str) -> None:
    """A total followed by ``其中：label amount，占 share；…`` (income or expenditure)."""
    s = root.child(key)
    end = amount(p, s, "total", total_label)
    items(p, s, "items", end, p.sentence_end(end))


def fiscal(p: Passage, root: Sink) -> None:
    """财政拨款收入支出总体: totals, change and budget comparison."""
    s = root.child("fiscal")
    for key, label in (
        ("income_total", "财政拨款收入总计"),
        ("opening_balance", "年初财政拨款结转和结余"),
        ("current_income", "本年财政拨款收入"),
        ("expenditure_total", "财政拨款支出总计"),
        ("closing_balance", "年末财政拨款结转和结余"),
        ("current_expenditure", "本年财政拨款支出"),
    ):
        amount(p, s, key, label)
    change(p, s)
    found = p.search(BUDGET)
    if found:
        budget(p, s, found, "budget_comparison")


def general_budget(p: Passage, root: Sink) -> None:
    """一般公共预算财政拨款支出总体: total, share of all expenditure, change, budget."""
    s = root.child("general_budget")
    end = amount(p, s, "total", "一般公共预算财政拨款支出")
    share = SHARE.match(p.norm, end) if end else None
    if share:
        p.use(share.start(), share.end())
        s.put("share_of_expenditure", p.figure(share, "share"))
    change(p, s)
    found = p.search(BUDGET)
    if found:
        budget(p, s, found, "budget_comparison")


def general_budget_classes(p: Passage, root: Sink) -> None:
    """The structure by 类: ``label(类) amount，占 share``."""
    s = root.child("general_budget")
    for found in p.finditer(CLASS):
        item = s.append("classes")
        item.set("label", p.text(found, "label"), p.where(found.start("label")))
        item.put("amount", p.figure(found, "amount"))
        if found["share"] is not None:
            item.put("share", p.figure(found, "share"))


def general_budget_lines(p: Passage, root: Sink) -> None:
    """The 类/款/项 lines: amount, change against last year and reason."""
    s = root.child("general_budget")
    heads = list(p.finditer(LINE))
    for index, head in enumerate(heads):
        end = heads[index + 1].start() if index + 1 < len(heads) else len(p.norm)
        line = s.append("lines")
        for key, group in (("class_label", "cls"), ("section_label", "sec"), ("item_label", "item")):
            if head[group]:
                line.set(key, p.text(head, group), p.where(head.start(group)))
        found = p.search(LINE_AMOUNT, head.end(), end)
        if found:
            line.put("amount", p.figure(found, "n" if found["n"] else "m"))
            change(p, line, found.end(), end)


def basic_expenditure(p: Passage, root: Sink) -> None:
    """基本支出 = 人员经费 + 公用经费, with the listed kinds of each."""
    s = root.child("basic_expenditure")
    amount(p, s, "total", "基本支出")
    for key, label in (("personnel", "人员经费"), ("public", "公用经费")):
        end = amount(p, s, key, label)
        listed = LIST.match(p.norm, end) if end else None
        if listed:
            p.use(listed.start(), listed.end())
            for part in p.text(listed, "list").split("、"):
                part = clean_label(part).removesuffix("等")
                if part:
                    s.add(f"{key}_items", part)
