"""The "三公" section: total, its three items and sub-items, budgets and counts."""

from __future__ import annotations

import re

from .passage import Passage, pattern
from .patterns import BUDGET, budget, change, label_before
from .sink import Sink

_ITEMS = r"因公出国[（]境[）]费|公务用车购置及运行维护费|公务用车购置及运行费|公务接待费"
_PARTS = r"公务用车购置费|公务用车运行维护费|公务用车运行费"
TOTAL = pattern(r"三公[“”]?经费(?:支出)?(?:决算)?(?:为|合计|共计)?\s*(?P<n>#N)#W")
ITEM = pattern(
    r"(?P<label>" + _ITEMS + r")(?:支出)?(?:决算)?(?:为)?\s*(?P<n>#N)#W\s*[，]?\s*占[^。；，\d\n]{0,16}?(?P<share>#N)#P"
)
# An item printed without a share (a total of 0 has no shares), but not a restatement.
ITEM_NO_SHARE = pattern(
    r"(?P<label>" + _ITEMS + r")(?:支出)?(?:决算)?(?:为)?\s*(?P<n>#N)#W(?!\s*[，]?\s*(?:占|开支内容|其中|主要用于))"
)
RESTATED = pattern(r"(?P<label>" + _ITEMS + r")(?:支出)?(?:为)?\s*(?P<n>#N)#W\s*[，]?\s*(?=开支内容|其中|主要用于)")
PART = pattern(r"(?P<label>" + _PARTS + r")(?:支出)?(?:为)?\s*(?P<n>#N)#W")
COUNTS = [
    ("abroad_groups", pattern(r"团组\s*(?P<n>#N)\s*个")),
    ("abroad_trips", pattern(r"出国[（]境[）]\s*(?P<n>#N)\s*人次")),
    ("vehicles_purchased", pattern(r"购置(?:数量?)?\s*(?P<n>#N)\s*辆")),
    ("vehicles_held", pattern(r"保有量\s*(?:为)?\s*(?P<n>#N)\s*辆")),
    ("fixed_asset_vehicles", pattern(r"固定资产车辆\s*(?P<n>#N)\s*辆")),
    ("reception_batches", pattern(r"(?P<n>#N)\s*批次")),
    ("reception_visits", pattern(r"批次[，、]?\s*(?:接待)?\s*(?P<n>#N)\s*人次")),
]


def _bare(label: str) -> str:
    return re.sub(r"^财政拨款|支出$|决算$", "", label.strip())


def three_public(p: Passage, root: Sink) -> None:
    """Parse the whole "三公" section into ``three_public``."""
    s = root.child("three_public")
    total = p.search(TOTAL)
    if total:
        s.put("amount", p.figure(total, "n"))
        change(p, s, total.end(), p.sentence_end(total.end()))
    targets: dict[str, Sink] = {}
    for found in p.finditer(ITEM):
        item = s.append("items")
        label = p.text(found, "label")
        item.set("label", label, p.where(found.start("label")))
        item.put("amount", p.figure(found, "n"))
        item.put("share", p.figure(found, "share"))
        change(p, item, found.end(), p.sentence_end(found.end()))
        targets[_bare(label)] = item
    for found in ITEM_NO_SHARE.finditer(p.norm):
        label = p.text(found, "label")
        if _bare(label) in targets:
            continue
        p.use(found.start(), found.end())
        item = s.append("items")
        item.set("label", label, p.where(found.start("label")))
        item.put("amount", p.figure(found, "n"))
        change(p, item, found.end(), p.sentence_end(found.end()))
        targets[_bare(label)] = item
    vehicles = next((sink for label, sink in targets.items() if "公务用车" in label), None)
    for found in PART.finditer(p.norm):
        label = p.text(found, "label")
        if vehicles is None or _bare(label) in targets:
            continue
        p.use(found.start(), found.end())
        part = vehicles.append("parts")
        part.set("label", label, p.where(found.start("label")))
        part.put("amount", p.figure(found, "n"))
        targets[_bare(label)] = part
    _restated(p, targets)
    counts = s.child("counts")
    for key, regex in COUNTS:
        counted = p.search(regex)
        if counted:
            counts.put(key, p.figure(counted, "n"))
    if not counts.data:
        del s.data["counts"]
    for found in BUDGET.finditer(p.norm):
        label = _bare(label_before(p, found.start()))
        if "三公" in label:
            budget(p, s, found, "budget")
        elif label in targets:
            budget(p, targets[label], found, "budget")


def _restated(p: Passage, targets: dict[str, Sink]) -> None:
    """Mark item amounts printed again in the 具体情况 paragraphs as understood when they agree.

    The model has one place per item amount; a restatement that disagrees stays unmarked
    and is reported as text the extractor could not place.
    """
    for found in RESTATED.finditer(p.norm):
        item = targets.get(_bare(p.text(found, "label")))
        if item is not None and item.data.get("amount") == p.figure(found, "n")[0]:
            p.use(found.start(), found.end())
