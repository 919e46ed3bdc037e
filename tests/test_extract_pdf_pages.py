"""PDF tables broken by a page: rows split across the break (Word's default) are joined,
a repeated header row is dropped, the padding left of a split row is no row, a fragment
whose row is not in the document is reported as not placed, page numbers are not text."""

from __future__ import annotations

import io
from typing import Any

import pytest
from click.testing import CliRunner

from budgetcheck.cli.app import main
from budgetcheck.sources.documents import pdf as pdf_reader
from budgetcheck.sources.documents.blocks import Paragraph, TableRow
from budgetcheck.sources.documents.reader import extract_bytes, read_blocks

from .test_extract_formats import _as_text, _fixture, seed_pdf_split_rows

pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")

HEADER = ["项目", "说明", "预算数", "决算数", "完成率"]
ROWS = [  # invented figures; the third row's 说明 is long enough to be split by the page break
    ["办公设备购置", "购置打印机2台", "3.00", "2.80", "93.33%"],
    ["网络运维", "按合同完成运维", "12.00", "12.00", "100.00%"],
    ["监测能力建设", "完成监测站点改造" * 12 + "，全年累计完成站点改造15个", "45.50", "44.10", "96.92%"],
    ["宣传培训", "开展培训4期", "2.00", "1.90", "95.00%"],
]


def _pdf(story_of: Any, page_numbers: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")

    def number(canvas: Any, document: Any) -> None:
        canvas.setFont("STSong-Light", 8)
        canvas.drawCentredString(A5[0] / 2, 20, f"- {document.page} -")

    out = io.BytesIO()
    hook = number if page_numbers else (lambda canvas, document: None)
    SimpleDocTemplate(out, pagesize=A5).build(story_of(style), onFirstPage=hook, onLaterPages=hook)
    return out.getvalue()


def _table(style: Any, rows: list[list[str]], repeat: int, split_rows: bool = True) -> Any:
    from reportlab.platypus import Paragraph as P, Table

    data = [[P(text, style) for text in row] for row in rows]
    # Word draws the rule under a repeated header row on every page; reportlab needs telling
    rules = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black")]
    return Table(data, colWidths=[60, 120, 45, 45, 50], repeatRows=repeat, splitInRow=int(split_rows),
                 style=[*rules, ("VALIGN", (0, 0), (-1, -1), "TOP")])


def _split_table_pdf(page_numbers: bool = False) -> bytes:
    from reportlab.platypus import Spacer

    return _pdf(lambda style: [Spacer(1, 330), _table(style, [HEADER, *ROWS], repeat=0)], page_numbers)


MANY = [[f"项目{n}", f"说明{n}", f"{n}.00", f"{n}.00", "100.00%"] for n in range(1, 41)]


def _repeated_header_pdf() -> bytes:
    return _pdf(lambda style: [_table(style, [HEADER, *MANY], repeat=1, split_rows=False)])


def _rows(data: bytes) -> list[list[str]]:
    return [block.texts for block in read_blocks(data, ".pdf", "t.pdf").blocks if isinstance(block, TableRow)]


def _page_tables(data: bytes) -> list[list[list[str]]]:
    import pypdfium2

    from budgetcheck.sources.documents.pdfpage import read_page

    document = pypdfium2.PdfDocument(data)
    return [[[c.text for c in row] for row in table.rows] for page in document for table in read_page(page)[1]]


def test_a_row_split_by_the_page_is_joined() -> None:
    data = _split_table_pdf()
    pages = _page_tables(data)
    assert len(pages) == 2 and pages[1][0][:1] == [""] and pages[1][0][2:] == ["", "", ""]  # the rest of the row
    assert _rows(data) == [HEADER, *ROWS]


def test_a_header_row_repeated_on_the_next_page_is_read_once() -> None:
    data = _repeated_header_pdf()
    pages = _page_tables(data)
    assert len(pages) >= 2 and all(page[0] == HEADER for page in pages)
    assert _rows(data) == [HEADER, *MANY]


def test_without_rejoining_the_split_row_would_be_two(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "_fragment", lambda last, first: False)
    assert len(_rows(_split_table_pdf())) == len(ROWS) + 2  # header, rows, and the rest of the split one


def test_page_numbers_are_not_text() -> None:
    blocks = read_blocks(_split_table_pdf(page_numbers=True), ".pdf", "t.pdf").blocks
    assert not [b for b in blocks if isinstance(b, Paragraph)]
    assert _rows(_split_table_pdf(page_numbers=True)) == [HEADER, *ROWS]


def test_the_reference_document_with_rows_broken_by_pages_needs_the_join(monkeypatch: pytest.MonkeyPatch) -> None:
    extraction = extract_bytes(seed_pdf_split_rows(), ".pdf", "split.pdf")
    assert _as_text(extraction.data) == _as_text(_fixture()) and extraction.problems == []
    monkeypatch.setattr(pdf_reader, "_fragment", lambda last, first: False)
    broken = extract_bytes(seed_pdf_split_rows(), ".pdf", "split.pdf")
    assert _as_text(broken.data) != _as_text(_fixture())


def _orphan_pdf() -> bytes:
    from reportlab.platypus import PageBreak, Paragraph as P

    rest = ["", "较上年增加2.5%的原因是站点改造", "", "", ""]  # the rest of a row on a page not given
    return _pdf(lambda style: [P("续上页。", style), PageBreak(), _table(style, [rest, *ROWS], repeat=0)])


def test_a_fragment_whose_row_is_not_in_the_document_is_not_placed(tmp_path: Any) -> None:
    data = _orphan_pdf()
    extraction = extract_bytes(data, ".pdf", "orphan.pdf")
    assert [(p.where.label, p.snippet) for p in extraction.problems if p.section.startswith("not placed")] == [
        ("page 2 table 1 row 1", " | 较上年增加2.5%的原因是站点改造 |  |  | ")
    ]
    assert _rows(data) == ROWS
    path = tmp_path / "orphan.pdf"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["extract", str(path)])
    notes = [line for line in result.output.splitlines() if "not extracted" in line and "not placed" in line]
    assert len(notes) == 1 and "page 2 table 1 row 1:" in notes[0], result.output


@pytest.mark.parametrize("one_path", [True, False])
def test_borders_drawn_as_thin_filled_bars_make_a_table(one_path: bool) -> None:
    """Word draws each cell edge as a thin filled rectangle, often all in one path."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont("STSong-Light", 9)
    xs, ys = [50, 150, 250, 350], [700, 680, 660, 640]
    cells = [["项目", "预算数", "决算数"], ["公务接待费", "1.00", "0.90"], ["公务用车", "2.00", "2.10"]]
    bars = [(x0, y - 0.25, x1 - x0, 0.5) for y in ys for x0, x1 in zip(xs, xs[1:])]
    bars += [(x - 0.25, y1, 0.5, y0 - y1) for x in xs for y0, y1 in zip(ys, ys[1:])]
    path = canvas.beginPath()
    for bar in bars:
        if one_path:
            path.rect(*bar)
        else:
            canvas.rect(*bar, stroke=0, fill=1)
    if one_path:
        canvas.drawPath(path, stroke=0, fill=1)
    for y, row in zip(ys, cells):
        for x, text in zip(xs, row):
            canvas.drawString(x + 3, y - 14, text)
    canvas.drawString(50, 750, "表一 三公经费")
    canvas.save()
    blocks = read_blocks(out.getvalue(), ".pdf", "bars.pdf").blocks
    assert [b.text if isinstance(b, Paragraph) else b.texts for b in blocks] == ["表一 三公经费", *cells]


def test_a_statement_wrapped_after_its_colon_stays_one_paragraph() -> None:
    """A line that runs to the margin and ends with ： goes on; a short one ending with ： ends."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont("STSong-Light", 10)
    lines = [
        (72, "公务接待费支出1.00万元，比上年增加0.50万元，增长100.00%，主要原因是："),  # runs to the margin
        (72, "接待任务增加。"),
        (92, "具体情况如下："),  # short: ends its paragraph
        (72, "公务用车运行维护费2.00万元。"),
        (72, "8.公务用车支出1.00万元，比上年增加0.50万元，增长100.00%，主要原因是："),  # at the margin, but ...
        (72, "9.专项支出0.20万元。"),  # ... the next line is numbered
    ]
    ends = [pdfmetrics.stringWidth(text, "STSong-Light", 10) + x for x, text in lines]
    assert max(ends) - min(ends[0], ends[4]) < 10  # both at the right margin, within a character
    for n, (x, text) in enumerate(lines):
        canvas.drawString(x, 760 - 14 * n, text)
    canvas.save()
    blocks = read_blocks(out.getvalue(), ".pdf", "wrap.pdf").blocks
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        lines[0][1] + lines[1][1], lines[2][1], lines[3][1], lines[4][1], lines[5][1]
    ]
