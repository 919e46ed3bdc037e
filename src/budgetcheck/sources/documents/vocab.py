"""The statement grammar's wordings and known labels, loaded from vocabulary/statements.yaml."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ...model.records import Frozen, set_field

_FILE = Path(__file__).parent / "vocabulary" / "statements.yaml"


def _alternatives(words: list[str]) -> str:
    return "(?:" + "|".join(words) + ")"


class Vocabulary(Frozen):
    """Compiled wordings (regexes) and the label tree."""

    __slots__ = ("bases", "down", "direction", "claim", "completion", "budget_word", "final_word", "filler",
                 "balance", "income_totals", "expenditure_totals", "labels", "children", "columns",
                 "subtotal", "parts")
    bases: list[tuple[str, re.Pattern[str]]]
    down: tuple[str, ...]
    direction: re.Pattern[str]
    claim: re.Pattern[str]
    completion: re.Pattern[str]
    budget_word: re.Pattern[str]
    final_word: re.Pattern[str]
    filler: re.Pattern[str]
    balance: re.Pattern[str]
    income_totals: tuple[str, ...]
    expenditure_totals: tuple[str, ...]
    labels: list[tuple[str, re.Pattern[str]]]
    children: dict[str, tuple[str, ...]]
    columns: list[tuple[str, re.Pattern[str]]]
    subtotal: re.Pattern[str]
    parts: str  # the word that opens a list of parts of the figure before it

    def __init__(
        self, bases: list[tuple[str, re.Pattern[str]]], down: tuple[str, ...], direction: re.Pattern[str],
        claim: re.Pattern[str], completion: re.Pattern[str], budget_word: re.Pattern[str],
        final_word: re.Pattern[str], filler: re.Pattern[str], balance: re.Pattern[str],
        income_totals: tuple[str, ...], expenditure_totals: tuple[str, ...],
        labels: list[tuple[str, re.Pattern[str]]], children: dict[str, tuple[str, ...]],
        columns: list[tuple[str, re.Pattern[str]]], subtotal: re.Pattern[str], parts: str,
    ) -> None:
        set_field(self, "bases", bases)
        set_field(self, "down", down)
        set_field(self, "direction", direction)
        set_field(self, "claim", claim)
        set_field(self, "completion", completion)
        set_field(self, "budget_word", budget_word)
        set_field(self, "final_word", final_word)
        set_field(self, "filler", filler)
        set_field(self, "balance", balance)
        set_field(self, "income_totals", income_totals)
        set_field(self, "expenditure_totals", expenditure_totals)
        set_field(self, "labels", labels)
        set_field(self, "children", children)
        set_field(self, "columns", columns)
        set_field(self, "subtotal", subtotal)
        set_field(self, "parts", parts)

    def key(self, label: str) -> str | None:
        """The known label a text names (the most specific one), or None."""
        for key, regex in self.labels:
            if regex.search(label):
                return key
        return None

    def parent(self, key: str) -> str | None:
        """The known label whose parts include ``key``."""
        return next((k for k, kids in self.children.items() if key in kids), None)

    def ancestors(self, key: str) -> list[str]:
        """Every known label ``key`` is a part of, nearest first."""
        out: list[str] = []
        parent = self.parent(key)
        while parent is not None and parent not in out:
            out.append(parent)
            parent = self.parent(parent)
        return out


def _build(raw: dict[str, Any]) -> Vocabulary:
    label_items = list(raw["labels"].items())
    # Most specific first: a child label is tried before the parent that contains its words.
    ordered = sorted(label_items, key=lambda kv: -max(len(m) for m in kv[1]["match"]))
    return Vocabulary(
        bases=[(group, re.compile(_alternatives(words))) for group, words in raw["bases"].items()],
        down=tuple(raw["down"]),
        direction=re.compile(_alternatives(sorted(raw["down"] + raw["up"], key=len, reverse=True)) + "(?:了|为)?$"),
        claim=re.compile(_alternatives(raw["claims"])),
        completion=re.compile(_alternatives(raw["completion"]) + "的?$"),
        budget_word=re.compile(_alternatives(raw["measures"]["budget"]) + "$"),
        final_word=re.compile(_alternatives(raw["measures"]["final"]) + "$"),
        filler=re.compile(raw["filler"]),
        balance=re.compile(raw["balance"]),
        income_totals=tuple(raw["income_totals"]),
        expenditure_totals=tuple(raw["expenditure_totals"]),
        labels=[(key, re.compile(_alternatives(spec["match"]))) for key, spec in ordered],
        children={key: tuple(spec.get("children", ())) for key, spec in label_items if spec.get("children")},
        columns=[(name, re.compile(_alternatives(words) + "$")) for name, words in raw["columns"].items()],
        subtotal=re.compile(_alternatives(raw["subtotal"])),
        parts=str(raw["parts"]),
    )


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary (read once)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(_FILE, encoding="utf-8") as handle:
        return _build(yaml.load(handle, Loader=loader))  # noqa: S506 - a safe loader
