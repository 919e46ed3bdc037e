"""The words of self-evaluation tables (vocabulary.yaml), compiled for cell matching."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ....model.records import Frozen, set_field

# Kinds of label cells, in the order a cell is tried against them.
LABEL_KINDS = ("titles", "funds_total", "funds_parts", "total", "grade_labels", "level1", "level2",
               "goals", "funds_heading", "noise")


# What each entry of vocabulary.yaml holds. An entry the file lacks, one it has that is not
# declared here (a misspelt key the reader would never look up) or a pattern that does not
# compile is an error when the vocabulary is read, not a table that silently reads less.
SHAPES: dict[str, str] = {
    **dict.fromkeys(("titles", "indicator_openers", "funds_openers", "funds_total", "funds_parts", "level1",
                     "level2", "total", "total_score_only", "grade_labels", "grades", "goals", "noise",
                     "funds_heading"), "patterns"),
    **dict.fromkeys(("funds_columns", "indicator_columns", "meta"), "columns"),
    **dict.fromkeys(("weight_suffix", "heading_suffix", "name_prefix", "page_marker"), "regex"),
    **dict.fromkeys(("core_values", "indicator_natures", "units", "not_in_glued", "ocr_dashes"), "words"),
    "ocr_lookalikes": "lookalikes",
    "ocr_comparators": "comparators",
}


class VocabularyError(ValueError):
    """A vocabulary that does not have the declared entries and shapes."""


def checked(raw: Any) -> dict[str, Any]:
    """``raw`` (the parsed vocabulary.yaml) when every entry has its declared shape."""
    if not isinstance(raw, dict):
        raise VocabularyError("vocabulary.yaml: expected a mapping of entries")
    unknown, missing = sorted(set(raw) - set(SHAPES)), sorted(set(SHAPES) - set(raw))
    if unknown or missing:
        raise VocabularyError(f"vocabulary.yaml: unknown entries {unknown}, missing entries {missing}")
    for key, shape in SHAPES.items():
        _check_shape(key, shape, raw[key])
    return raw


def _check_shape(key: str, shape: str, value: Any) -> None:
    def texts(items: Any, where: str) -> list[str]:
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise VocabularyError(f"vocabulary.yaml: {where} must be a list of texts")
        return items

    try:
        if shape == "patterns":
            _compile(texts(value, key))
        elif shape == "columns":
            if not isinstance(value, dict):
                raise VocabularyError(f"vocabulary.yaml: {key} must map fields to heading patterns")
            for name, patterns in value.items():
                _compile(texts(patterns, f"{key}.{name}"))
        elif shape == "regex":
            if not isinstance(value, str):
                raise VocabularyError(f"vocabulary.yaml: {key} must be one pattern")
            re.compile(value)
        elif shape == "words":
            texts(value, key)
        elif shape == "comparators":
            if not isinstance(value, dict) or not all(isinstance(k, str) and k.isdigit() and isinstance(v, str)
                                                      and v in "≥≤><" for k, v in value.items()):
                raise VocabularyError(f"vocabulary.yaml: {key} must map digits to the comparator each may stand for")
        elif not isinstance(value, dict) or not all(isinstance(v, str) and len(v) == 1 and v.isdigit()
                                                    for v in value.values()):
            raise VocabularyError(f"vocabulary.yaml: {key} must map letters to the digit each stands for")
    except re.error as error:
        raise VocabularyError(f"vocabulary.yaml: {key}: a pattern does not compile ({error})") from None


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

    @property
    def lookalikes(self) -> dict[str, str]:
        """Letters an OCR layer prints for digits, and the digit each stands for."""
        found: dict[str, str] = self.raw.get("ocr_lookalikes", {})
        return found

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
    return Vocabulary(checked(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))))


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
