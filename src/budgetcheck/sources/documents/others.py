"""Sentence patterns of the unit, fund, operating-cost, procurement, asset and 绩效 sections."""

from __future__ import annotations

import re

from .passage import Passage, pattern
from .patterns import amount, change, clean_label, signed
from .sink import Sink

HEADCOUNT_TOTAL = pattern(r"(?:实有人数|实有人员|人员总数)(?:为|共)?\s*(?P<n>#N)\s*人")
HEADCOUNT = pattern(
    r"(?P<label>[^，；。：、\d\n]*?人员)\s*(?P<n>#N)\s*人(?:\s*[，]?\s*(?P<dir>增加|减少)\s*(?P<c>#N)\s*人)?"
)
NO_SUBORDINATE = pattern(r"无(?:下属|所属)(?:预算)?单位")
SUBORDINATE = pattern(r"(?:下属|所属)(?:预算)?单位(?:共|有)?\s*(?P<n>#N)\s*个|(?P<m>#N)\s*个(?:下属|所属)(?:预算)?单位")
DIVISIONS = pattern(r"(?:下设|内设)\s*(?P<n>#N)\s*个[^。，；\d\n]{0,8}(?:[，]\s*分别(?:是|为)[：]?(?P<list>[^。\n]+))?")
EMPTY_FUND = re.compile(r"[^。\n]*无[^。\n]*(?:空表|收入|支出)[^。\n]*。?")
PORTION = pattern(r"[^。；\n]{0,12}?(?P<n>#N)#W[^。；\d\n]{0,20}?占[^。；，\d\n]{0,16}?(?P<share>#N)#P")
AS_OF = re.compile(r"截[至止](?P<date>\d{4}年\d{1,2}月\d{1,2}日)")
BUILDING = pattern(r"房屋(?:建筑面积)?\s*(?P<area>#N)\s*平方米[，]?\s*(?:价值)?\s*(?:(?P<value>#N)#W)?")
VEHICLES = pattern(r"车辆(?:共)?\s*(?P<n>#N)\s*辆[，]?\s*(?:价值)?\s*(?:(?P<value>#N)#W)?")
VEHICLE_KIND = pattern(r"(?P<label>[^、，；。：\d\n]+?用车)\s*(?P<n>#N)\s*辆")
OTHER_USE = re.compile(r"其他用车主要(?:是|为|用于)[：]?(?P<use>[^。\n]+)")
EQUIPMENT = pattern(r"单价\s*#N\s*万元[（]含[）]以上(?:的)?设备[（]不含车辆[）]\s*(?P<n>#N)\s*台[（]套[）]")
SUMMARY_COUNT = pattern(r"(?P<kind>整体支出绩效自评表|绩效自评表|评价项目|自评项目)(?:共)?\s*(?P<n>#N)\s*个")
PROSE_START = re.compile(r"取得的成效|发现的问题|下一步改进|改进措施|存在的问题")


def unit(p: Passage, root: Sink) -> None:
    """机构设置及人员情况: headcount by kind with changes, subordinate units, divisions."""
    s = root.child("unit")
    total = p.search(HEADCOUNT_TOTAL)
    if total:
        s.put("headcount_total", p.figure(total, "n"))
    for found in p.finditer(HEADCOUNT):
        group = s.append("headcount")
        group.set("label", clean_label(p.text(found, "label")), p.where(found.start("label")))
        group.put("count", p.figure(found, "n"))
        if found["c"] is not None:
            group.put("change", p.figure(found, "c", signed(found["dir"])))
    none = p.search(NO_SUBORDINATE)
    if none:
        s.set("subordinate_units", "0", p.where(none.start()))
    subordinate = p.search(SUBORDINATE)
    if subordinate:
        s.put("subordinate_units", p.figure(subordinate, "n" if subordinate["n"] else "m"))
    divisions = p.search(DIVISIONS)
    if divisions:
        s.put("division_count", p.figure(divisions, "n"))
        for name in (divisions["list"] and p.text(divisions, "list").split("、")) or []:
            s.add("divisions", name.strip().removesuffix("等"))


def fund_section(p: Passage, root: Sink, key: str) -> None:
    """政府性基金 / 国有资本经营: an empty-table note, or the total spent."""
    s = root.child(key)
    found = p.search(EMPTY_FUND)
    if found:
        s.set("empty", True)
        s.set("note", p.text(found), p.where(found.start()))
        return
    amount(p, s, "total", "支出")


def operating_costs(p: Passage, root: Sink) -> None:
    """机关运行经费 or 公用经费 with its change."""
    s = root.child("operating_costs")
    for label in ("机关运行经费", "公用经费"):
        end = amount(p, s, "amount", label)
        if end:
            s.set("label", label)
            change(p, s, end)
            return


def procurement(p: Passage, root: Sink) -> None:
    """政府采购: total = 货物 + 工程 + 服务; amounts granted to SMEs and micro firms."""
    s = root.child("procurement")
    for key, label in (("total", "政府采购支出|政府采购"), ("goods", "货物"), ("works", "工程"), ("services", "服务")):
        amount(p, s, key, label)
    for key, label in (("sme", "中小企业"), ("micro", "小微企业")):
        at = p.norm.find(label)
        found = p.search(PORTION, at + len(label)) if at >= 0 else None
        if found and found.start() - at - len(label) < 12:
            part = s.child(key)
            part.put("amount", p.figure(found, "n"))
            part.put("share", p.figure(found, "share"))


def assets(p: Passage, root: Sink) -> None:
    """国有资产占用: buildings, vehicles by category, equipment over the unit-price threshold."""
    s = root.child("assets")
    found = p.search(AS_OF)
    if found:
        s.set("as_of", p.text(found, "date"), p.where(found.start("date")))
    found = p.search(BUILDING)
    if found:
        s.put("building_area", p.figure(found, "area"))
        if found["value"]:
            s.put("building_value", p.figure(found, "value"))
    found = p.search(VEHICLES)
    if found:
        s.put("vehicle_count", p.figure(found, "n"))
        if found["value"]:
            s.put("vehicle_value", p.figure(found, "value"))
        for kind in p.finditer(VEHICLE_KIND, found.end(), p.sentence_end(found.end())):
            row = s.append("vehicles")
            row.set("label", clean_label(p.text(kind, "label")), p.where(kind.start()))
            row.put("count", p.figure(kind, "n"))
    found = p.search(OTHER_USE)
    if found:
        s.set("other_vehicle_use", p.text(found, "use"), p.where(found.start("use")))
    found = p.search(EQUIPMENT)
    if found:
        s.put("equipment_over_million", p.figure(found, "n"))


def performance_summary(p: Passage, root: Sink) -> None:
    """The 预算绩效 paragraph: table and project counts with their budget and execution totals."""
    prose = PROSE_START.search(p.norm)
    end = prose.start() if prose else len(p.norm)
    if prose:
        p.use(prose.start(), len(p.norm))  # achievements and problems: narrative, no figures
    s = root.child("performance").child("summary")
    keys = {"unit": ("unit_tables", "unit_budget", "unit_executed"), "project": ("projects", "project_budget", "project_executed")}
    for found in p.finditer(SUMMARY_COUNT, 0, end):
        count, budget_key, executed_key = keys["project" if "项目" in found["kind"] else "unit"]
        s.put(count, p.figure(found, "n"))
        stop = p.norm.find("；", found.end())
        stop = end if stop < 0 else min(stop, end)
        amount(p, s, budget_key, "全年预算总额|全年预算数|预算总额|预算数", found.end(), stop)
        amount(p, s, executed_key, "实际执行总额|全年执行数|执行总额|执行数", found.end(), stop)
