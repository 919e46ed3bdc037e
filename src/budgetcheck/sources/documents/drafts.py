"""What the statement grammar and the flat-table reader produce, before linking."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Where

SLOTS = ("vs_prior", "vs_budget", "vs_other")


@dataclass
class Fig:
    """A figure as it goes into the model (元 rewritten in 万元, sign applied) and its place."""

    text: str
    where: Where


@dataclass
class Cmp:
    """A comparison of a statement's figure with a base."""

    against: str
    where: Where
    base: Fig | None = None
    change: Fig | None = None
    rate: Fig | None = None
    completion: Fig | None = None
    claim: tuple[str, Where] | None = None
    unsigned: Fig | None = None  # a change printed without its verb; signed by the rate's

    def empty(self) -> bool:
        """Whether nothing was printed for this comparison."""
        return not (self.base or self.change or self.rate or self.completion or self.claim)


@dataclass
class Draft:
    """One labelled statement."""

    label: str  # normalised (simplified, no spaces): what labels are matched by
    where: Where
    key: str | None = None
    printed: str | None = None  # the label as printed
    amount: Fig | None = None
    budget: Fig | None = None
    count: Fig | None = None
    share: Fig | None = None
    share_of: str | None = None
    share_head: str | None = None
    parent: Draft | None = None
    aside: bool = False
    damaged: tuple[str, Where] | None = None
    table: bool = False
    blank: bool = False  # a table row whose cells are all empty
    comparisons: dict[str, Cmp] = field(default_factory=dict)
    parts: list[Draft] = field(default_factory=list)

    def comparison(self, slot: str, against: str, where: Where) -> Cmp:
        """The comparison in ``slot`` (created when missing)."""
        if slot not in self.comparisons:
            self.comparisons[slot] = Cmp(against, where)
        return self.comparisons[slot]


@dataclass
class BalanceDraft:
    """A printed balance and the figures it is made of."""

    label: str
    result: Fig
    added: list[Fig] = field(default_factory=list)
    subtracted: list[Fig] = field(default_factory=list)
