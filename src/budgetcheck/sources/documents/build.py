"""Link the statements of a document and write them into the report data.

Linking fills what a statement implies but does not print: the current figure and the base
of each comparison (the budget of "与预算相比…" from the statement, or from another statement
of the same label, such as the document's 决算表), and the total a share is of (the printed
denominator, the total the statement is listed under, or its known parent label).
"""

from __future__ import annotations

from ...model.exact import Fraction

from ...model.figures import parse_figure
from .drafts import SLOTS, BalanceDraft, Cmp, Draft, Fig
from .sink import Sink
from .vocab import vocabulary


class Linker:
    """Finds, for a statement, the figures of other statements it refers to."""

    def __init__(self, drafts: list[Draft]):
        self.order: list[Draft] = []
        for draft in drafts:
            self._walk(draft)

    def _walk(self, draft: Draft) -> None:
        self.order.append(draft)
        for part in draft.parts:
            self._walk(part)

    def lookup(self, draft: Draft, measure: str, key: str | None = None, label: str | None = None) -> Fig | None:
        """The ``measure`` of the nearest statement with the same key (or label) as ``draft``."""
        key = key if key is not None else draft.key
        label = label if label is not None else draft.label
        own = getattr(draft, measure)
        if own is not None and key == draft.key:
            return own  # type: ignore[no-any-return]
        here = self.order.index(draft) if draft in self.order else len(self.order)
        matches = [d for d in self.order if getattr(d, measure) is not None and _same(d, key, label)]
        before = [d for d in matches if self.order.index(d) < here]
        chosen = before[-1] if before else (matches[0] if matches else None)
        return getattr(chosen, measure) if chosen is not None else None

    def share_base(self, draft: Draft) -> Fig | None:
        """The total a printed share is of."""
        if draft.share_of:
            found = self._by_words(draft.share_of)
            if found is not None:
                return found
            key = vocabulary().key(draft.share_of)
            return self.lookup(draft, "amount", key, draft.share_of) if key else None
        if draft.parent is not None and draft.parent.amount is not None:
            return draft.parent.amount
        if draft.share_head:
            key = vocabulary().key(draft.share_head)
            if key is not None:
                return self.lookup(draft, "amount", key, "")
        parent = vocabulary().parent(draft.key) if draft.key else None
        return self.lookup(draft, "amount", parent, "") if parent else None

    def _by_words(self, words: str) -> Fig | None:
        for draft in self.order:
            if draft.amount is not None and draft.label and (draft.label.endswith(words) or words.endswith(draft.label)):
                return draft.amount
        return None


def _same(draft: Draft, key: str | None, label: str) -> bool:
    if key is not None:
        return draft.key == key
    return bool(label) and draft.label == label


def _listed(drafts: list[Draft], linker: Linker) -> list[Draft]:
    """Put a list "X中，A a，占…；B b，占…" under X when it names all of X's parts.

    The list is taken as all of X when its shares add up to 100 % within rounding or its
    labels are every known part of X; X's amount is the one printed for X elsewhere.
    """
    out: list[Draft] = []
    index = 0
    while index < len(drafts):
        draft = drafts[index]
        end = index
        while end < len(drafts) and drafts[end].share is not None and drafts[end].share_head == draft.share_head:
            end += 1
        group = drafts[index:end]
        head = _head(draft, group, linker) if draft.share_head and len(group) >= 2 else None
        if head is None:
            out.append(draft)
            index += 1
            continue
        out.append(head)
        index = end
    return out


def _head(first: Draft, group: list[Draft], linker: Linker) -> Draft | None:
    vocab = vocabulary()
    key = vocab.key(first.share_head or "")
    total = linker.lookup(first, "amount", key, "") if key else None
    if total is None or not _exhaustive(group, key):
        return None
    head = Draft(first.share_head or "", total.where, key=key, amount=total)
    for part in group:
        part.parent = head
        head.parts.append(part)
    return head


def _exhaustive(group: list[Draft], key: str | None) -> bool:
    kids = set(vocabulary().children.get(key or "", ()))
    if kids and {d.key for d in group} >= kids:
        return True
    low = high = Fraction(0)
    for draft in group:
        assert draft.share is not None
        lo, hi = parse_figure(draft.share.text, percent=True).interval()
        low, high = low + lo, high + hi
    return low <= 100 <= high


def write(drafts: list[Draft], balances: list[BalanceDraft], root: Sink) -> None:
    """Store linked statements as ``statements`` and balances as ``balances``."""
    linker = Linker(drafts)
    drafts = _listed(drafts, linker)
    linker = Linker(drafts)
    pending = list(drafts)
    while pending:
        draft = pending.pop(0)
        if _worth(draft):
            pending[:0] = _statement(draft, root.append("statements"), linker)
    for balance in balances:
        sink = root.append("balances")
        sink.set("label", balance.label, balance.result.where)
        _put(sink, "result", balance.result)
        for key, figures in (("added", balance.added), ("subtracted", balance.subtracted)):
            for figure in figures:
                sink.add(key, figure.text, figure.where)


def _worth(draft: Draft) -> bool:
    return bool(draft.amount or draft.budget or draft.count or draft.comparisons or draft.parts or draft.damaged or draft.share)


def _put(sink: Sink, key: str, figure: Fig | None) -> None:
    if figure is not None:
        sink.set(key, figure.text, figure.where)


def _statement(draft: Draft, sink: Sink, linker: Linker) -> list[Draft]:
    """Write one statement with its parts; return the drafts left to write at the top."""
    sink.set("label", draft.printed or draft.label, draft.where)
    if draft.key:
        sink.set("key", draft.key)
    _put(sink, "amount", draft.amount)
    _put(sink, "budget", draft.budget)
    _put(sink, "count", draft.count)
    if draft.share is not None:
        _put(sink, "share", draft.share)
        _put(sink, "share_base", linker.share_base(draft))
    for slot in SLOTS:
        cmp = draft.comparisons.get(slot)
        if cmp is not None and not cmp.empty():
            _comparison(draft, slot, cmp, sink.child(slot), linker)
    if draft.damaged:
        sink.set("damaged", draft.damaged[0], draft.damaged[1])
    parts = [part for part in draft.parts if _worth(part)]
    alone: list[Draft] = []
    for part in parts:
        alone.extend(_statement(part, sink.append("parts"), linker))
    return alone


def _comparison(draft: Draft, slot: str, cmp: Cmp, sink: Sink, linker: Linker) -> None:
    sink.set("against", cmp.against, cmp.where)
    _put(sink, "current", linker.lookup(draft, "amount"))
    base = cmp.base or (linker.lookup(draft, "budget") if slot == "vs_budget" else None)
    _put(sink, "base", base)
    _put(sink, "change", cmp.change)
    _put(sink, "rate", cmp.rate)
    _put(sink, "completion", cmp.completion)
    if cmp.claim:
        sink.set("claim", cmp.claim[0], cmp.claim[1])
