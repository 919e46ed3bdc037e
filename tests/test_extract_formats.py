"""A .docx written here (paragraphs and real, merged-cell tables mirroring the reference
layout) and a PDF rendered from that .docx both extract to the fixture's figures, give the
fixture's findings, and locate each finding: by paragraph or table/row/cell in the .docx,
by page in the PDF (``Finding.source``, which the reporters print when there is no line)."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from click.testing import CliRunner

from budgetcheck.cli.app import main
from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.reader import extract_bytes, read_blocks
from budgetcheck.sources.documents.text import read_text_dump
from budgetcheck.sources.load import InputError, load_report

from .documents import build_docx, build_pdf

docx = pytest.importorskip("docx")
pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "changji-2024.txt"
FIXTURE = ROOT / "fixtures" / "changji-2024.yaml"


@lru_cache(maxsize=None)
def seed_docx() -> bytes:
    return build_docx(read_text_dump(SEED.read_text(encoding="utf-8")))


@lru_cache(maxsize=None)
def seed_pdf() -> bytes:
    return build_pdf(seed_docx())


def _fixture() -> dict[str, Any]:
    return yaml.load(FIXTURE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _as_text(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _as_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_as_text(v) for v in node]
    return str(node).lower() if isinstance(node, bool) else str(node)


@lru_cache(maxsize=None)
def seed_pdf_split_rows() -> bytes:
    return build_pdf(seed_docx(), split_rows=True)


@pytest.mark.parametrize("kind", ["docx", "pdf", "pdf-split-rows"])
def test_generated_document_round_trips_to_the_fixture(kind: str) -> None:
    data = {"docx": seed_docx, "pdf": seed_pdf, "pdf-split-rows": seed_pdf_split_rows}[kind]()
    kind = kind.split("-")[0]
    extraction = extract_bytes(data, f".{kind}", f"seed.{kind}")
    assert _as_text(extraction.data) == _as_text(_fixture())
    assert extraction.problems == []


def test_docx_figures_are_located_by_table_row_and_cell() -> None:
    extraction = extract_bytes(seed_docx(), ".docx", "seed.docx")
    total = extraction.origins[("performance", "projects", 0, "funds", "total", "executed")]
    assert total.label.startswith("table 2 row ") and "cell" in total.label
    assert extraction.origins[("income", "total")].label.startswith("paragraph ")


def test_pdf_figures_are_located_by_page() -> None:
    extraction = extract_bytes(seed_pdf(), ".pdf", "seed.pdf")
    assert re.fullmatch(r"page 1 line \d+", extraction.origins[("income", "total")].label)
    last = extraction.origins[("performance", "projects", 10, "total", "score")]
    assert last.label.startswith("page ") and int(last.label.split()[1]) > 5


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_damaged_documents_are_input_errors(kind: str) -> None:
    with pytest.raises(InputError) as caught:
        extract_bytes(b"PK\x03\x04 not really a document", f".{kind}", f"bad.{kind}")
    assert f"bad.{kind}" in str(caught.value)


def _findings(data: bytes, kind: str, tmp_path: Path) -> list[Any]:
    path = tmp_path / f"seed.{kind}"
    path.write_bytes(data)
    loaded = load_report(path)
    assert loaded.problems == [] and loaded.report is not None
    return check_report(loaded, profile=resolve_profile(loaded)).findings


def _fixture_keys() -> list[tuple[str, str]]:
    loaded = load_report(FIXTURE)
    return sorted((f.rule, f.path) for f in check_report(loaded, profile=resolve_profile(loaded)).findings)


def _docx_text(document: Any, source: str) -> str:
    """The text at a ``paragraph N`` or ``table T row R cell C`` place (cells counted as the reader does)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph as DocxParagraph

    found = re.fullmatch(r"paragraph (\d+)", source)
    if found:
        paragraphs = [c for c in document.element.body.iterchildren() if c.tag == qn("w:p")]
        return DocxParagraph(paragraphs[int(found[1]) - 1], document).text
    table, row, cell = map(int, re.fullmatch(r"table (\d+) row (\d+) cell (\d+)", source).groups())
    distinct: list[Any] = []
    for item in document.tables[table - 1].rows[row - 1].cells:
        if not distinct or item._tc is not distinct[-1]._tc:
            distinct.append(item)
    return distinct[cell - 1].text


def test_docx_findings_are_located_by_paragraph_or_table_row_and_cell(tmp_path: Path) -> None:
    findings = _findings(seed_docx(), "docx", tmp_path)
    assert sorted((f.rule, f.path) for f in findings) == _fixture_keys()
    document = docx.Document(io.BytesIO(seed_docx()))
    kinds = set()
    for finding in findings:
        assert finding.line is None and finding.source, finding
        assert re.fullmatch(r"paragraph \d+|table \d+ row \d+ cell \d+", finding.source), finding.source
        kinds.add(finding.source.split()[0])
        assert finding.found.rstrip("分") in _docx_text(document, finding.source), (finding.rule, finding.path)
    assert kinds == {"paragraph", "table"}


def test_pdf_findings_are_located_by_page(tmp_path: Path) -> None:
    import pypdfium2

    findings = _findings(seed_pdf(), "pdf", tmp_path)
    assert sorted((f.rule, f.path) for f in findings) == _fixture_keys()
    document = pypdfium2.PdfDocument(seed_pdf())
    pages = ["".join(page.get_textpage().get_text_range().split()) for page in document]
    for finding in findings:
        assert finding.line is None and finding.source, finding
        page = re.match(r"page (\d+)\b", finding.source)
        assert page is not None, finding.source
        assert finding.found.rstrip("分") in pages[int(page[1]) - 1], (finding.rule, finding.path, finding.source)


@pytest.mark.parametrize("kind, place", [("docx", r"table \d+ row \d+ cell \d+"), ("pdf", r"page \d+")])
def test_reporters_print_the_place_in_the_document(kind: str, place: str, tmp_path: Path) -> None:
    path = tmp_path / f"seed.{kind}"
    path.write_bytes(seed_docx() if kind == "docx" else seed_pdf())
    result = CliRunner().invoke(main, ["validate", "--format", "concise", str(path)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if "BC502" in line]
    assert len(lines) == 4 and all(re.search(place, line) for line in lines), lines


def _python_docx_blocks(data: bytes) -> list[tuple[str, list[str]]]:
    """The reference reading through python-docx's object layer (what the reader replaced)."""
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    from budgetcheck.sources.documents.blocks import clean

    document = docx.Document(io.BytesIO(data))
    out: list[tuple[str, list[str]]] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            text = clean(DocxParagraph(child, document).text.replace("\n", ""))[1]
            if text:
                out.append(("P", [text]))
        elif child.tag.endswith("}tbl"):
            for row in DocxTable(child, document).rows:
                seen: list[Any] = []
                for cell in row.cells:
                    if all(cell._tc is not other._tc for other in seen):
                        seen.append(cell)
                texts = ["".join(clean(p.text.replace("\n", ""))[1] for p in c.paragraphs) for c in seen]
                out.append(("R", texts))
    return out


def test_the_docx_reader_reads_what_python_docx_reads() -> None:
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    paragraph = document.add_paragraph("收入合计")
    paragraph.add_run("1,234.56").add_break()  # a line break inside a paragraph
    paragraph.add_run("\t万元。").add_break(WD_BREAK.PAGE)
    table = document.add_table(rows=3, cols=4)
    for r in range(3):
        for c in range(4):
            table.cell(r, c).text = f"{r}.{c}0"
    table.cell(0, 0).merge(table.cell(2, 0))  # vertical
    table.cell(1, 1).merge(table.cell(1, 3))  # horizontal
    table.cell(2, 2).add_paragraph("第二段")  # two paragraphs in one cell
    out = io.BytesIO()
    document.save(out)
    for data in (out.getvalue(), seed_docx()):
        blocks = read_blocks(data, ".docx", "x.docx").blocks
        assert [("P", [b.text]) if hasattr(b, "text") else ("R", b.texts) for b in blocks] == _python_docx_blocks(data)
