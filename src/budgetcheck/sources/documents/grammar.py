"""The statement grammar: labelled figures read from running text wherever they stand.

A statement is a label and the figures printed after it: an amount (决算 or 预算), its share
(占…%), its comparisons with a base (比上年 / 与预算相比 / 较2022年决算数 …: change, rate,
completion, or a "no change" claim) and the parts listed under it (其中…). The grammar walks
the figures of a run of text in order; the words between two figures (the *lead* of the
second) say what the second is. The wordings are data (vocabulary/statements.yaml).
Every figure the grammar places is marked as read; the others are reported (BC003).
"""

from __future__ import annotations

import re

from ...model.records import Record
from .drafts import BalanceDraft, Draft, Fig
from .passage import yuan_to_wan
from .scan import Scan, has_cjk
from .vocab import Vocabulary, vocabulary

FIGURE = re.compile(
    r"(?P<damaged>(?<=[计额数为出入])，\d{3}(?:\.\d+)?(?=万元|元))"
    r"|(?P<num>(?<![\d.,A-Za-z])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?P<unit>亿元|万元|元|%|辆|人次|人|个|批次|次|台（套）|台|平方米|项)?"
    r"|(?P<dash>(?<=[长降少加])(?:-{2,}|—{1,2})%?)"
)
_SOFT = "，、：:"
_HARD = "；;。\n"
_LABEL_NOISE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|[（(]?[一二三四五六七八九十\d]+[)）.、]|其中|包括|加|另|和|及|主要是|分别是|[：:]|\s)+"
)
_YEAR = re.compile(r"\d{4}年度?")
_HEAD = re.compile(r"([^，。；;：:\n]{2,40}?)中[，,：:]")
_SHARE = re.compile(r"占(?P<of>[^，。；\d]*?)(?:的|比重为?|比例为?)?$")
_COUNT_UNITS = ("辆", "人次", "人", "个", "批次", "次", "台（套）", "台", "平方米", "项")
_COUNTED = ("辆", "人次", "人", "个", "批次", "次", "台（套）", "台")  # exact counts: parts sum exactly


class _State(Record):
    __slots__ = ("subject", "slot", "against", "parents", "last", "last_role", "head")
    subject: Draft | None
    slot: str | None
    against: str
    parents: list[tuple[Draft, str, int]]
    last: tuple[Draft, str] | None
    last_role: str
    head: str | None

    def __init__(
        self, subject: Draft | None = None, slot: str | None = None, against: str = "",
        parents: list[tuple[Draft, str, int]] | None = None, last: tuple[Draft, str] | None = None,
        last_role: str = "", head: str | None = None,
    ) -> None:
        self.subject = subject
        self.slot = slot
        self.against = against
        self.parents = [] if parents is None else parents
        self.last = last
        self.last_role = last_role
        self.head = head


class Reading(Record):
    """What the grammar read from one run: statements and balances in printed order."""

    __slots__ = ("drafts", "balances")
    drafts: list[Draft]
    balances: list[BalanceDraft]

    def __init__(self, drafts: list[Draft] | None = None, balances: list[BalanceDraft] | None = None) -> None:
        self.drafts = [] if drafts is None else drafts
        self.balances = [] if balances is None else balances


def read(scan: Scan) -> Reading:
    """Read every statement of a scanned run of text."""
    return _Reader(scan, vocabulary()).run()


class _Reader:
    def __init__(self, scan: Scan, vocab: Vocabulary):
        self.scan, self.v = scan, vocab
        self.state = _State()
        self.out = Reading()
        self.balance_from = 0

    def run(self) -> Reading:
        previous = 0
        for found in FIGURE.finditer(self.scan.text):
            if found["num"] is not None and found["unit"] is None:
                continue  # a bare number (a year, list numbering) is part of the words
            lead = self.scan.text[previous : found.start()]
            self._lead(lead, previous)
            if self._figure(found, lead):
                self.scan.use(found.start(), found.end())
            previous = found.end()
        self._lead(self.scan.text[previous:], previous)
        return self.out

    # -- the words between figures ---------------------------------------------------------
    def _lead(self, lead: str, offset: int) -> None:
        s = self.state
        start = 0
        for index, ch in enumerate(lead):
            if ch in _HARD:
                self._claims(lead[start:index], offset + start)
                s.slot, start = None, index + 1
                if ch in "。\n":
                    s.parents, s.head = [], None
        tail = lead[start:]
        self._claims(tail, offset + start)
        if self.v.parts in tail and s.subject is not None:
            draft = s.subject
            measure = s.last[1] if s.last is not None and s.last[0] is draft else "amount"
            s.parents.append((draft, measure, self._depth(offset + start + tail.find(self.v.parts))))
        elif re.search(r"(?:^|[，,；;])加", tail):
            s.parents = []
        heads = [h for h in _HEAD.finditer(tail) if not h[1].endswith("其")]
        if heads:
            s.head = heads[-1][1]

    def _claims(self, text: str, offset: int) -> None:
        """Base phrases and "no change" claims in the words between figures."""
        s = self.state
        for group, regex in self.v.bases:
            for found in regex.finditer(text):
                s.slot, s.against = self._slot(group), found[0]
        claim = self.v.claim.search(text)
        if claim and s.subject is not None:
            base = self._base_before(text[: claim.start()])
            if base is not None:
                s.slot, s.against = self._slot(base[0]), base[1]
            if s.slot is not None:
                where = self.scan.where(offset + claim.start())
                cmp = s.subject.comparison(s.slot, s.against, where)
                cmp.claim = (claim[0], where)
                self.scan.use(offset + claim.start(), offset + claim.end())

    def _base_before(self, text: str) -> tuple[str, str] | None:
        best: tuple[int, str, str] | None = None
        for group, regex in self.v.bases:
            for found in regex.finditer(text):
                if best is None or found.start() >= best[0]:
                    best = (found.start(), group, found[0])
        return (best[1], best[2]) if best else None

    def _slot(self, group: str) -> str:
        if group == "budget":
            return "vs_budget"
        subject = self.state.subject
        if subject is not None and "vs_prior" in subject.comparisons and self.state.slot != "vs_prior":
            other = subject.comparisons["vs_prior"]
            if not other.empty():
                return "vs_other"
        return "vs_prior"

    # -- one figure -------------------------------------------------------------------------
    def _figure(self, found: re.Match[str], lead: str) -> bool:
        near = _near(lead)
        depth = self._depth(found.start())
        while self.state.parents and self.state.parents[-1][2] > depth:
            self.state.parents.pop()
        if found["damaged"]:
            return self._damaged(found, near)
        if found["dash"]:
            return self.state.last_role in ("change", "rate", "budget")
        unit = found["unit"]
        if unit is None:
            return False
        if unit == "%":
            return self._percent(found, near, lead)
        if unit in _COUNT_UNITS:
            if unit in _COUNTED and self.state.last_role != "change":
                return self._labelled(found, near, counted=True)
            self.state.last_role = "count"
            return True
        if unit == "亿元":
            return True
        return self._amount(found, near, lead)

    def fig(self, found: re.Match[str], sign: str = "") -> Fig:
        number = found["num"].replace("，", ",")
        text = yuan_to_wan(number) if found["unit"] == "元" else number
        if found["unit"] == "%":
            text += "%"
        if sign == "-" and not text.startswith("-"):
            text = "-" + text
        where = self.scan.where(found.start())
        if found["unit"] == "元":
            where = type(where)(f"{where.label} (printed {self.scan.printed(found.start(), found.end())})", where.line, where.column)
        return Fig(text, where)

    def _damaged(self, found: re.Match[str], near: str) -> bool:
        draft = self._subject_for(near, found.start())
        draft.damaged = (self.scan.printed(found.start(), found.end()).strip(), self.scan.where(found.start()))
        self.state.last_role = "damaged"
        return True

    def _percent(self, found: re.Match[str], near: str, lead: str) -> bool:
        s = self.state
        subject = s.subject
        if subject is None:
            return False
        direction = self.v.direction.search(near)
        if direction:
            cmp = subject.comparison(s.slot or "vs_prior", s.against or "上年", self.scan.where(found.start()))
            sign = "-" if direction[0].startswith(self.v.down) else ""
            if cmp.unsigned is not None and cmp.change is None:
                cmp.change = Fig(("-" if sign else "") + cmp.unsigned.text.lstrip("-"), cmp.unsigned.where)
            if cmp.rate is None:
                cmp.rate = self.fig(found, sign)
            s.last_role = "rate"
            return True
        share = _SHARE.search(near) or _SHARE.search(lead.rstrip(_SOFT + " "))
        if share:
            if subject.share is None:
                subject.share = self.fig(found)
                subject.share_of = share["of"] or None
                subject.share_head = s.head
            s.last_role = "share"
            return True
        if self.v.completion.search(near) or (near in ("的", "") and s.last_role == "budget-of"):
            cmp = subject.comparison("vs_budget", "预算", self.scan.where(found.start()))
            if cmp.completion is None:
                cmp.completion = self.fig(found)
            s.last_role = "completion"
            return True
        return False

    def _amount(self, found: re.Match[str], near: str, lead: str) -> bool:
        s = self.state
        if self.v.balance.search(lead):
            self._balance(found, near)
            return True
        direction = self.v.direction.search(near)
        base = self._base_before(near)
        if direction:
            label = near[: near.find(base[1])] if base else near[: direction.start()]
            subject = self._subject_for(label, found.start(), allow_same=True)
            if base:
                s.slot, s.against = self._slot(base[0]), base[1]
            sign = "-" if direction[0].startswith(self.v.down) else ""
            cmp = subject.comparison(s.slot or "vs_prior", s.against or "上年", self.scan.where(found.start()))
            if cmp.change is None:
                cmp.change = self.fig(found, sign)
            s.last, s.last_role = (subject, "change"), "change"
            return True
        if base and near.endswith(base[1]) and s.subject is not None:
            label = near[: near.rfind(base[1])]
            subject = self._subject_for(label, found.start(), allow_same=True)
            s.slot, s.against = self._slot(base[0]), base[1]
            cmp = subject.comparison(s.slot, s.against, self.scan.where(found.start()))
            cmp.base = self.fig(found)
            s.last_role = "base"
            return True
        if not near and s.last_role == "base" and s.subject is not None and s.slot:
            cmp = s.subject.comparisons[s.slot]
            cmp.unsigned = self.fig(found)
            s.last_role = "unsigned"
            return True
        if self.v.completion.search(near) and s.subject is not None:
            if s.subject.budget is None:
                s.subject.budget = self.fig(found)
            s.last_role = "budget-of"
            return True
        return self._labelled(found, near)

    def _labelled(self, found: re.Match[str], near: str, counted: bool = False) -> bool:
        s = self.state
        text = self.v.filler.sub("", near)
        measure = "count" if counted else "amount"
        word = None if counted else self.v.budget_word.search(text)
        if word and (word.start() > 0 or not text.endswith("决算")):
            measure, text = "budget", text[: word.start()]
        else:
            word = self.v.final_word.search(text)
            if word and not _labelish(clean_label(text[: word.start()])):
                text = ""
        subject = self._subject_for(text, found.start())
        if not counted and not (word and measure == "budget") and subject.parent is not None and subject.amount is None and not word:
            measure = self._inherited(subject)
        if measure == "change" and subject.parent is not None:
            return self._inherited_change(subject, found)
        if getattr(subject, measure) is not None:
            subject = self._new(text or subject.label, found.start(), subject.parent is not None)
        figure = self.fig(found)
        if counted:
            figure.text += found["unit"]
        setattr(subject, measure, figure)
        s.last, s.last_role = (subject, measure), "count" if counted else "amount"
        return True

    def _inherited_change(self, subject: Draft, found: re.Match[str]) -> bool:
        """A part listed under a change (减少X万元，其中：A a万元…) is a change of the same kind."""
        parent = subject.parent
        assert parent is not None
        slot = next((k for k, c in parent.comparisons.items() if c.change is not None), "vs_prior")
        model = parent.comparisons.get(slot)
        sign = "-" if model is not None and model.change is not None and model.change.text.startswith("-") else ""
        cmp = subject.comparison(slot, model.against if model else "上年", self.scan.where(found.start()))
        cmp.change = self.fig(found, sign)
        self.state.last, self.state.last_role = (subject, "change"), "change"
        return True

    def _inherited(self, subject: Draft) -> str:
        parents = self.state.parents
        for draft, measure, _ in reversed(parents):
            if draft is subject.parent:
                return measure
        return "amount"

    # -- subjects -----------------------------------------------------------------------------
    def _subject_for(self, text: str, offset: int, allow_same: bool = False) -> Draft:
        """The statement a figure belongs to: a new one when ``text`` names a label."""
        s = self.state
        label = clean_label(text)
        if not has_cjk(label) or not _labelish(label):
            if s.subject is None:
                s.subject = self._new(label or "", offset, False)
            return s.subject
        key = self.v.key(label)
        if allow_same and s.subject is not None and key is not None and s.subject.key == key:
            return s.subject
        return self._new(label, offset, True)

    def _new(self, label: str, offset: int, as_part: bool) -> Draft:
        s = self.state
        draft = Draft(label, self.scan.where(offset), key=self.v.key(label) if label else None)
        start = self.scan.text.rfind(label, 0, offset) if label else -1
        if start >= 0:
            draft.printed = clean_label(self.scan.printed(start, start + len(label)))
            draft.where = self.scan.where(start)
        draft.aside = self._depth(offset) > 0
        parent = self._parent_for(draft) if as_part else None
        if parent is not None:
            draft.parent = parent
            parent.parts.append(draft)
        else:
            self.out.drafts.append(draft)
        if s.subject is not None and draft.parent is None and s.slot:
            s.slot = None if s.slot not in ("vs_prior", "vs_budget", "vs_other") else s.slot
        s.subject = draft
        return draft

    def _parent_for(self, draft: Draft) -> Draft | None:
        parents = self.state.parents
        if not parents:
            return None
        if draft.key is not None:
            ancestors = self.v.ancestors(draft.key)
            for candidate, _, _ in reversed(parents):
                for node in _chain(candidate):
                    if node.key in ancestors:
                        return node
        return parents[-1][0]

    def _depth(self, offset: int) -> int:
        """How many brackets are open at ``offset`` within its sentence."""
        text = self.scan.text
        begin = max(text.rfind("。", 0, offset), text.rfind("\n", 0, offset)) + 1
        words = text[begin:offset]
        return max(sum(words.count(c) for c in "（(") - sum(words.count(c) for c in "）)"), 0)

    def _balance(self, found: re.Match[str], near: str) -> None:
        tops = [d for d in self.out.drafts[self.balance_from :] if not d.aside and d.amount is not None]
        self.balance_from = len(self.out.drafts)
        result = self.fig(found)
        balance = BalanceDraft(clean_label(near) or "结余", result)
        income = [d for d in tops if d.label.endswith(self.v.income_totals)]
        spending = [d for d in tops if d.label.endswith(self.v.expenditure_totals)]
        if len(income) == 1 and len(spending) == 1:
            balance.added, balance.subtracted = [_amount_of(income[0])], [_amount_of(spending[0])]
        elif not income and not spending and tops:
            for draft in tops:
                (balance.subtracted if "支出" in draft.label else balance.added).append(_amount_of(draft))
        else:
            return
        self.out.balances.append(balance)
        self.state.last_role = "balance"


def _amount_of(draft: Draft) -> Fig:
    assert draft.amount is not None
    return draft.amount


def _chain(draft: Draft) -> list[Draft]:
    out: list[Draft] = []
    node: Draft | None = draft
    while node is not None:
        out.append(node)
        node = node.parent
    return out


def _near(lead: str) -> str:
    """The words of the last clause before a figure."""
    text = lead.rstrip(_SOFT + " ")
    cut = max(text.rfind(c) for c in _SOFT + _HARD)
    return text[cut + 1 :].lstrip("（(")


def clean_label(text: str) -> str:
    """A printed label without numbering, 其中, a leading year or quotes."""
    text = _YEAR.sub("", text)
    text = _LABEL_NOISE.sub("", text).strip(" \"'")
    if "”" in text and "“" not in text:
        text = "“" + text  # the opening quote was cut with the words before it
    return text


def _labelish(text: str) -> bool:
    """Whether a cleaned lead names something (not only filler such as 为, 的)."""
    return len(re.sub(r"[为是的了共计约达]", "", text)) >= 2
