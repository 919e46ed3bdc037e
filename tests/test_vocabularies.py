"""The wordings shipped as data are what the readers read: no entry misspelt, none missing."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from budgetcheck.sources.documents import vocab as statements
from budgetcheck.sources.documents.selfeval import vocab as selfeval

SOURCES = Path(selfeval.__file__).resolve().parents[1]


def _selfeval_raw() -> dict[str, Any]:
    return yaml.safe_load((SOURCES / "selfeval" / "vocabulary.yaml").read_text(encoding="utf-8"))


def test_the_shipped_self_evaluation_vocabulary_has_its_declared_entries() -> None:
    assert selfeval.checked(_selfeval_raw()) == _selfeval_raw()
    assert selfeval.vocabulary().patterns("titles")


@pytest.mark.parametrize(("change", "words"), [
    (lambda raw: raw.update(titels=raw.pop("titles")), "unknown entries ['titels'], missing entries ['titles']"),
    (lambda raw: raw["indicator_columns"].update(score=["^得分("]), "indicator_columns: a pattern does not compile"),
    (lambda raw: raw.update(units="%"), "units must be a list of texts"),
    (lambda raw: raw.update(weight_suffix=["(\\d+)分"]), "weight_suffix must be one pattern"),
    (lambda raw: raw["ocr_lookalikes"].update(O="zero"), "ocr_lookalikes must map letters to the digit"),
])
def test_a_broken_self_evaluation_vocabulary_is_refused(change: Any, words: str) -> None:
    raw = copy.deepcopy(_selfeval_raw())
    change(raw)
    with pytest.raises(selfeval.VocabularyError, match=re.escape(words)):
        selfeval.checked(raw)


def test_every_statement_wording_entry_is_read() -> None:
    """Each top-level entry of statements.yaml is named by the loader (a misspelt extra entry
    would otherwise be ignored while the reader falls back to nothing)."""
    raw = yaml.safe_load((SOURCES / "vocabulary" / "statements.yaml").read_text(encoding="utf-8"))
    loader = Path(statements.__file__).read_text(encoding="utf-8")
    unread = [key for key in raw if not re.search(rf"""["']{re.escape(key)}["']""", loader)]
    assert unread == []
