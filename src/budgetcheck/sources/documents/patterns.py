"""Sentence patterns shared by several sections: changes, reasons, budget comparisons, items."""

from __future__ import annotations

import re

from .passage import Passage, pattern
from .sink import Sink

_DOWN = ("减少", "下降", "降低", "降幅", "减低")
CHANGE = pattern(
    r"(?:比上年|与上年相比|与上年度相比|较上年|同比|比上一年)(?:度)?(?:决算数?)?[^。；\d\n]{0,16}?"
    r"(?P<dir>增加|增长|上升|提高|减少|下降|降低|减低)(?:了)?\s*(?P<amount>#N)#W"
    r"(?:\s*[，、]?\s*(?P<rdir>增长|增加|上升|提高|增幅|下降|减少|降低|降幅)(?:率)?(?:了|为)?\s*(?P<rate>#N)#P)?"
)
REASON = re.compile(r"[，\s]*(?:其)?(?:主要原因(?:是|为)?|原因(?:是|为)|主要是|主要由于|主要用于)[：]?(?P<reason>[^。\n]*。?)")
BUDGET = pattern(
    r"(?:年初|全年|调整)?预算(?:数)?(?:为)?\s*(?P<budget>#N)#W\s*[，、]\s*(?:支出)?决算(?:数)?(?:为)?\s*(?P<final>#N)#W"
    r"(?:\s*[，]\s*(?:预决算差异率(?:为)?\s*(?P<variance>#N)#P|完成(?:年初|全年)?预算的?\s*(?P<completion>#N)#P))?"
)
ITEM = pattern(
    r"(?P<label>[^，；。：、\d\n]{2,30}?)(?:为)?\s*(?P<amount>#N)#W(?:\s*[，]?\s*占[^。；，\d\n]{0,16}?(?P<share>#N)#P)?"
)
_DELIMITERS = "，；。：\n"


def signed(word: str | None) -> str:
    """``-`` for a word of decrease (减少, 下降 …), else empty."""
    return "-" if word in _DOWN else ""


def reason(p: Passage, sink: Sink, end: int) -> int:
    """Store a ``主要原因是：…。`` clause that starts at ``end``; return where it stops."""
    found = REASON.match(p.norm, end)
    if found is None:
        return end
    p.use(found.start(), found.end())
    sink.set("reason", p.text(found, "reason"), p.where(found.start("reason")))
    return found.end()


def change(p: Passage, sink: Sink, start: int = 0, end: int | None = None, key: str = "change") -> int:
    """Store the first change-against-last-year in a range (with its reason); return its end."""
    found = p.search(CHANGE, start, end)
    if found is None:
        return start
    target = sink.child(key)
    target.put("amount", p.figure(found, "amount", signed(found["dir"])))
    if found["rate"] is not None:
        target.put("rate", p.figure(found, "rate", signed(found["rdir"])))
    return reason(p, target, found.end())


def budget(p: Passage, sink: Sink, found: re.Match[str], key: str) -> int:
    """Store one budget-vs-final comparison match (with its reason); return its end."""
    p.use(found.start(), found.end())
    target = sink.child(key)
    target.put("budget", p.figure(found, "budget"))
    target.put("final", p.figure(found, "final"))
    if found["variance"] is not None:
        target.put("variance_rate", p.figure(found, "variance"))
    if found["completion"] is not None:
        target.put("completion_rate", p.figure(found, "completion"))
    return reason(p, target, found.end())


def label_before(p: Passage, offset: int) -> str:
    """The words between the previous delimiter and ``offset`` (a label printed before a figure)."""
    begin = max(p.norm.rfind(d, 0, offset) for d in _DELIMITERS) + 1
    return p.raw[begin:offset].strip()


def clean_label(text: str) -> str:
    """A printed label without a leading ``其中`` or list numbering."""
    return re.sub(r"^(?:其中|包括|\d+[.、])", "", text).strip()


def amount(p: Passage, sink: Sink, key: str, label: str, start: int = 0, end: int | None = None) -> int:
    """Store the amount printed right after ``label`` (a regex); return the match end or ``start``."""
    regex = _labelled(label)
    found = p.search(regex, start, end)
    if found is None:
        return start
    sink.put(key, p.figure(found, "n"))
    return found.end()


_CACHE: dict[str, re.Pattern[str]] = {}


def _labelled(label: str) -> re.Pattern[str]:
    if label not in _CACHE:
        _CACHE[label] = pattern(
            rf"(?:{label})(?:[（][^）\n]{{0,12}}[）])?(?:支出)?(?:总额|合计|决算数?)?(?:为|是|达|共计|共)?[：]?\s*(?P<n>#N)#W"
        )
    return _CACHE[label]


def items(p: Passage, sink: Sink, key: str, start: int, end: int) -> None:
    """Store the ``label amount，占 share`` list in a range as ``key`` items."""
    for found in p.finditer(ITEM, start, end):
        item = sink.append(key)
        item.set("label", clean_label(p.text(found, "label")), p.where(found.start("label")))
        item.put("amount", p.figure(found, "amount"))
        if found["share"] is not None:
            item.put("share", p.figure(found, "share"))
