"""The words of self-evaluation tables (vocabulary.yaml), compiled for cell matching."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ...records import Frozen, set_field

# Kinds of label cells, in the order a cell is tried against them.
LABEL_KINDS = ("titles", "funds_total", "funds_parts", "total", "grade_labels", "level1", "level2",
               "goals", "funds_heading", "noise")


class Label(Frozen):
    """What a cell is, when it is a word of the table's structure."""

    __slots__ = ("kind", "field", "weight")
    kind: str
    field: str
    weight: str | None

    def __init__(self, kind: str, field: str = "", weight: str | None = None) -> None:
        set_field(self, "kind", kind)
        set_field(self, "field", field)
        set_field(self, "weight", weight)


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patterns]


class Vocabulary(Frozen):
    """Headings, row labels and units of self-evaluation tables."""

    __slots__ = ("raw",)
    raw: dict[str, Any]

    def __init__(self, raw: dict[str, Any]) -> None:
        set_field(self, "raw", raw)

    def patterns(self, key: str) -> list[re.Pattern[str]]:
        """The compiled patterns of one list of the vocabulary."""
        return _patterns(self, key)

    def columns(self, key: str) -> list[tuple[str, re.Pattern[str]]]:
        """(field, pattern) pairs of a column vocabulary, in vocabulary order."""
        return _columns(self, key)

    @property
    def units(self) -> list[str]:
        """Units a glued value may carry, longest first."""
        return _units(self)

    def regex(self, key: str) -> re.Pattern[str]:
        """A single-pattern entry (``weight_suffix``, ``page_marker`` ...)."""
        return _regex(self, key)

    def __hash__(self) -> int:
        return id(self)


@lru_cache(maxsize=None)
def _columns(vocab: Vocabulary, key: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(p)) for name, pats in vocab.raw[key].items() for p in pats]


@lru_cache(maxsize=None)
def _patterns(vocab: Vocabulary, key: str) -> list[re.Pattern[str]]:
    return _compile(vocab.raw[key])


@lru_cache(maxsize=None)
def _units(vocab: Vocabulary) -> list[str]:
    return sorted(vocab.raw["units"], key=len, reverse=True)


@lru_cache(maxsize=None)
def _regex(vocab: Vocabulary, key: str) -> re.Pattern[str]:
    return re.compile(vocab.raw[key])


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with budgetcheck (read once)."""
    text = resources.files(__package__).joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    return Vocabulary(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def squeeze(text: str) -> str:
    """A cell's text without spaces (headings are printed with spaces inside: 绩 效 指 标)."""
    return re.sub(r"[\s\u3000]+", "", text)


def strip_suffixes(text: str, vocab: Vocabulary) -> tuple[str, str | None]:
    """(heading without its bracketed suffixes, the weight in a ``(50分)`` suffix or None)."""
    weight = None
    found = vocab.regex("weight_suffix").search(text)
    if found is not None:
        weight = found.group(1)
        text = text[: found.start()] + text[found.end():]
    return vocab.regex("heading_suffix").sub("", text), weight


def column_of(text: str, vocab: Vocabulary, key: str) -> str | None:
    """The model field a heading cell names in one column vocabulary, or None."""
    base, _ = strip_suffixes(squeeze(text), vocab)
    if not base:
        return None
    return next((name for name, pattern in vocab.columns(key) if pattern.search(base)), None)


def label_of(text: str, vocab: Vocabulary) -> Label | None:
    """The structural label a cell is, or None when it is content."""
    squeezed = squeeze(text)
    base, weight = strip_suffixes(squeezed, vocab)
    for kind in LABEL_KINDS:
        probe = squeezed if kind in ("titles", "funds_heading") else base
        if any(p.search(probe) for p in vocab.patterns(kind)):
            return Label(kind, weight=weight)
    for name, pattern in vocab.columns("meta"):
        if pattern.search(base):
            return Label("meta", name)
    if not base and weight is not None:
        return Label("weight_only", weight=weight)
    return None
