"""What the statement grammar and the flat-table reader produce, before linking."""

from __future__ import annotations


from ...model.records import Record
from .blocks import Where

SLOTS = ("vs_prior", "vs_budget", "vs_other")


class Fig(Record):
    """A figure as it goes into the model (元 rewritten in 万元, sign applied) and its place."""

    __slots__ = ("text", "where")
    text: str
    where: Where

    def __init__(self, text: str, where: Where) -> None:
        self.text = text
        self.where = where


class Cmp(Record):
    """A comparison of a statement's figure with a base."""

    __slots__ = ("against", "where", "base", "change", "rate", "completion", "claim", "unsigned")
    against: str
    where: Where
    base: Fig | None
    change: Fig | None
    rate: Fig | None
    completion: Fig | None
    claim: tuple[str, Where] | None
    unsigned: Fig | None  # a change printed without its verb; signed by the rate's

    def __init__(
        self, against: str, where: Where, base: Fig | None = None, change: Fig | None = None,
        rate: Fig | None = None, completion: Fig | None = None, claim: tuple[str, Where] | None = None,
        unsigned: Fig | None = None,
    ) -> None:
        self.against = against
        self.where = where
        self.base = base
        self.change = change
        self.rate = rate
        self.completion = completion
        self.claim = claim
        self.unsigned = unsigned

    def empty(self) -> bool:
        """Whether nothing was printed for this comparison."""
        return not (self.base or self.change or self.rate or self.completion or self.claim)


class Draft(Record):
    """One labelled statement."""

    __slots__ = ("label", "where", "key", "printed", "amount", "budget", "count", "share", "share_of",
                 "share_head", "parent", "aside", "damaged", "table", "blank", "comparisons", "parts")
    label: str  # normalised (simplified, no spaces): what labels are matched by
    where: Where
    key: str | None
    printed: str | None  # the label as printed
    amount: Fig | None
    budget: Fig | None
    count: Fig | None
    share: Fig | None
    share_of: str | None
    share_head: str | None
    parent: Draft | None
    aside: bool
    damaged: tuple[str, Where] | None
    table: bool
    blank: bool  # a table row whose cells are all empty
    comparisons: dict[str, Cmp]
    parts: list[Draft]

    def __init__(
        self, label: str, where: Where, key: str | None = None, printed: str | None = None,
        amount: Fig | None = None, budget: Fig | None = None, count: Fig | None = None,
        share: Fig | None = None, share_of: str | None = None, share_head: str | None = None,
        parent: Draft | None = None, aside: bool = False, damaged: tuple[str, Where] | None = None,
        table: bool = False, blank: bool = False, comparisons: dict[str, Cmp] | None = None,
        parts: list[Draft] | None = None,
    ) -> None:
        self.label = label
        self.where = where
        self.key = key
        self.printed = printed
        self.amount = amount
        self.budget = budget
        self.count = count
        self.share = share
        self.share_of = share_of
        self.share_head = share_head
        self.parent = parent
        self.aside = aside
        self.damaged = damaged
        self.table = table
        self.blank = blank
        self.comparisons = {} if comparisons is None else comparisons
        self.parts = [] if parts is None else parts

    def comparison(self, slot: str, against: str, where: Where) -> Cmp:
        """The comparison in ``slot`` (created when missing)."""
        if slot not in self.comparisons:
            self.comparisons[slot] = Cmp(against, where)
        return self.comparisons[slot]


class BalanceDraft(Record):
    """A printed balance and the figures it is made of."""

    __slots__ = ("label", "result", "added", "subtracted")
    label: str
    result: Fig
    added: list[Fig]
    subtracted: list[Fig]

    def __init__(
        self, label: str, result: Fig, added: list[Fig] | None = None, subtracted: list[Fig] | None = None,
    ) -> None:
        self.label = label
        self.result = result
        self.added = [] if added is None else added
        self.subtracted = [] if subtracted is None else subtracted
