"""Generated template text (tests/template_text.py) published as an HTML page or a .docx
reads to exactly the data its text dump reads to: the readers add nothing and lose nothing,
whatever the figures, wordings and tables the generator draws."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from budgetcheck.sources.documents.reader import extract_bytes
from budgetcheck.sources.documents.text import read_text_dump

from .documents import build_docx
from .htmlpages import gov_page
from .strategies import consistent_reports
from .template_text import render

pytest.importorskip("lxml")
pytest.importorskip("docx")

FEW = max(5, settings().max_examples // 10)  # each example renders and reads a whole document


def _as_dump(report: dict[str, Any]) -> tuple[str, Any]:
    text = render(report)
    note(text)
    return text, extract_bytes(text.encode("utf-8"), ".txt", "generated.txt")


@settings(max_examples=FEW, deadline=None)
@given(consistent_reports(), st.sampled_from(["utf-8", "gbk"]), st.booleans())
def test_a_generated_page_reads_as_its_text(report: dict[str, Any], charset: str, rowspans: bool) -> None:
    text, dump = _as_dump(report)
    page = extract_bytes(gov_page(read_text_dump(text), charset, rowspans), ".html", "generated.html")
    assert page.data == dump.data
    assert [p.snippet for p in page.problems] == [p.snippet for p in dump.problems]


@settings(max_examples=FEW, deadline=None)
@given(consistent_reports())
def test_a_generated_docx_reads_as_its_text(report: dict[str, Any]) -> None:
    text, dump = _as_dump(report)
    document = extract_bytes(build_docx(read_text_dump(text)), ".docx", "generated.docx")
    assert document.data == dump.data
    assert [p.snippet for p in document.problems] == [p.snippet for p in dump.problems]


@settings(max_examples=3, deadline=None)
@given(consistent_reports(), st.booleans())
def test_a_generated_pdf_reads_as_its_text(report: dict[str, Any], split_rows: bool) -> None:
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    from .documents import build_pdf

    text, dump = _as_dump(report)
    pdf = build_pdf(build_docx(read_text_dump(text)), split_rows=split_rows)
    document = extract_bytes(pdf, ".pdf", "generated.pdf")
    assert document.data == dump.data
    assert [p.snippet for p in document.problems] == [p.snippet for p in dump.problems]
