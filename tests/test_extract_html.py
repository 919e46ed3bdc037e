"""HTML pages, rendered the way government sites publish them (tests/htmlpages.py), read
to the same blocks, data and findings as the text dump they were rendered from; findings
are located by source line; the page's furniture (scripts, menus, hidden blocks) is not
read; a GB2312-declared page decodes with GBK-only characters."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from budgetcheck.cli.app import main
from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.blocks import Block, Paragraph, TableRow
from budgetcheck.sources.documents.reader import extract_bytes, read_blocks
from budgetcheck.sources.documents.text import read_text_dump
from budgetcheck.sources.load import InputError, load_report

from .htmlpages import gov_page
from .test_extract_seed import FIXTURE, SEED, as_text, fixture_data

pytest.importorskip("lxml")

UNIT = "某某市生态环境监测站"  # invented: the reference text with its unit renamed and figures changed
THREE_PUBLIC_TABLE = [  # invented figures; the header row spans with colspan, 合计 with rowspan
    ["项目", "全年预算数", "决算数", "差异率"],
    ["合计", "5.60", "5.60", "0.00%"],
    ["因公出国（境）费", "0.00", "0.00", "0.00%"],
    ["公务用车购置及运行维护费", "5.60", "5.60", "0.00%"],
    ["公务接待费", "0.00", "0.00", "0.00%"],
]


def _key(block: Block) -> tuple[str, tuple[str, ...]]:
    return ("P", (block.text,)) if isinstance(block, Paragraph) else ("R", tuple(block.texts))


@lru_cache(maxsize=None)
def _invented_text() -> str:
    """The reference dump, renamed, with 三公 figures changed: one total now disagrees."""
    text = SEED.read_text(encoding="utf-8").replace("昌吉回族自治州环境污染监控中心", UNIT)
    text = text.replace("财政拨款“三公”经费支出4.60万元，比上年增加0.20万元", "财政拨款“三公”经费支出5.60万元，比上年增加0.20万元")
    table = "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in THREE_PUBLIC_TABLE)
    return text.replace("具体情况如下：\n", "具体情况如下：\n" + table, 1)


def _findings(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    loaded = load_report(path)
    assert loaded.problems == [] and loaded.report is not None, loaded.problems[:3]
    findings = check_report(loaded, profile=resolve_profile(loaded)).findings
    return sorted((f.rule, f.path, f.expected, f.found) for f in findings)


@pytest.mark.parametrize("charset, rowspans", [("utf-8", False), ("utf-8", True), ("gbk", True)])
def test_a_published_page_reads_to_the_fixture(charset: str, rowspans: bool) -> None:
    blocks = read_text_dump(SEED.read_text(encoding="utf-8"))
    page = gov_page(blocks, charset, rowspans)
    extraction = extract_bytes(page, ".html", "page.html")
    assert as_text(extraction.data) == as_text(fixture_data())
    assert extraction.problems == []
    if not rowspans:  # block for block, after the site's menu line
        read = [_key(b) for b in read_blocks(page, ".html", "page.html").blocks]
        assert read[0] == ("P", ("首页 > 信息公开",)) and read[1:] == [_key(b) for b in blocks]


def test_a_page_gives_the_findings_of_its_text_dump_located_by_source_line(tmp_path: Path) -> None:
    text = _invented_text()
    dump = tmp_path / "invented.txt"
    dump.write_text(text, encoding="utf-8")
    page = tmp_path / "invented.html"
    page.write_bytes(gov_page(read_text_dump(text), "gbk"))
    expected = _findings(dump)
    assert ("BC801", "three_public.amount", "4.60", "5.60") in expected, expected
    assert _findings(page) == expected
    source = page.read_bytes().decode("gb18030").splitlines()
    loaded = load_report(page)
    for finding in check_report(loaded, profile=resolve_profile(loaded)).findings:
        assert finding.line is not None, finding
        nearby = "".join(source[finding.line - 1 : finding.line + 1])  # a sentence may wrap in the source
        shown = html.unescape(re.sub(r"<[^>]+>|\n", "", nearby))
        assert finding.found is None or finding.found.rstrip("分") in shown, (finding.rule, finding.line)


def test_the_fixture_findings_hold_on_its_page(tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    page.write_bytes(gov_page(read_text_dump(SEED.read_text(encoding="utf-8")), "utf-8"))
    assert _findings(page) == _findings(FIXTURE)


SOUP = """<html><head><meta charset="gb2312"><title>标题 1.00万元</title>
<style>td {{ color: red }}</style><script>var x = "9.99万元";</script></head>
<body><table width=100%><tr><td>
  <table><tr><td>
    <p><span style="font-size:16pt">某某单位</span><span>2024</span><span>年度部门决算
        公开说明</span></p>
    <p>&nbsp;&nbsp;&nbsp;&nbsp;收入合计&nbsp;1,234.56万元。<br>支出合计<b>1,200.00</b>万元。</p>
    <div style="display: none">访问 77 次</div><!-- 3.00万元 -->
    <table border=1>
      <tr><th colspan=2>项目</th><th>决算数</th></tr>
      <tr><td rowspan=2>合计</td><td>其中：公务<br>接待费</td><td>1.00</td></tr>
      <tr><td>公务用车</td><td>2.00</td></tr>
    </table>
  </td></tr></table>
  <table><tr><td>一、单列表格里的段落</td></tr><tr><td>堃 3.50万元</td></tr></table>
</td></tr></table></body></html>
"""


def test_tag_soup_is_read_as_a_reader_sees_it() -> None:
    read = read_blocks(SOUP.encode("gbk"), ".html", "soup.html")
    assert [_key(b) for b in read.blocks] == [
        ("P", ("某某单位2024年度部门决算公开说明",)),
        ("P", ("收入合计 1,234.56万元。",)),
        ("P", ("支出合计1,200.00万元。",)),
        ("R", ("项目", "决算数")),
        ("R", ("合计", "其中：公务接待费", "1.00")),
        ("R", ("公务用车", "2.00")),
        ("P", ("一、单列表格里的段落",)),
        ("P", ("堃 3.50万元",)),
    ]
    first, income = read.blocks[0], read.blocks[1]
    assert first.where.line == 5 and income.where.line == 7 and income.where.label == "line 7"
    row = read.blocks[4]
    assert isinstance(row, TableRow) and [c.where.line for c in row.cells] == [11, 11, 11]


def test_a_page_in_utf8_without_a_declaration_and_one_with_a_bom() -> None:
    body = "<p>收入合计1.00万元。</p>"
    for data in (body.encode("utf-8"), b"\xef\xbb\xbf" + body.encode("utf-8"), body.encode("gb18030")):
        assert [_key(b) for b in read_blocks(data, ".html", "p.html").blocks] == [("P", ("收入合计1.00万元。",))]


@pytest.mark.parametrize("data", [b"", b"<html><head><title>x</title></head><body> </body></html>",
                                  b"<script>var a = 1;</script>", b"\x00\x01\x02binary"])
def test_a_page_without_text_is_one_input_error(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(data)
    for command in (["validate", "--format", "concise"], ["extract"]):
        result = CliRunner().invoke(main, [*command, str(path)])
        assert result.exit_code == 2, result.output
        errors = [line for line in result.output.splitlines() if "empty.html" in line]
        assert len(errors) == 1 and "Traceback" not in result.output, result.output


def test_htm_pages_are_read_too(tmp_path: Any) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(SOUP.encode("gbk"))
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0 and "某某单位" in result.output, result.output


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SOUP)), st.integers(0, 40),
                          st.sampled_from(["", "<", ">", "</td>", "<table>", "<tr><td>", "&", "&#xffff;", "\x00",
                                           "<br", "<p>9.9万元", "]]>", "<!--", "<?xml encoding='x'?>"])), max_size=6))
def test_a_mangled_page_is_read_or_refused_never_a_crash(edits: list[tuple[int, int, str]]) -> None:
    text = SOUP
    for at, length, insert in edits:
        text = text[:at] + insert + text[at + length :]
    try:
        read = read_blocks(text.encode("utf-8"), ".html", "m.html")
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(isinstance(block, (Paragraph, TableRow)) for block in read.blocks)


def test_a_content_column_beside_a_menu_is_running_text() -> None:
    paragraphs = "".join(f"<p>第{n}段：支出{n}.00万元。</p>" for n in range(1, 8))
    page = f"<table><tr><td><a href='/'>首页</a><br>通知公告</td><td>{paragraphs}</td></tr></table>"
    blocks = read_blocks(page.encode("utf-8"), ".html", "p.html").blocks
    assert [_key(b) for b in blocks] == [("P", ("首页",)), ("P", ("通知公告",))] + [
        ("P", (f"第{n}段：支出{n}.00万元。",)) for n in range(1, 8)
    ]


def test_figures_on_separate_lines_of_a_cell_stay_apart() -> None:
    page = "<table><tr><td>项目</td><td>金额</td></tr><tr><td>公务<br>接待费</td><td>合计3.00<p>1.00</p><p>2.00</p></td></tr></table>"
    rows = [b.texts for b in read_blocks(page.encode("utf-8"), ".html", "p.html").blocks if isinstance(b, TableRow)]
    assert rows == [["项目", "金额"], ["公务接待费", "合计3.00 1.00 2.00"]]


def test_word_saved_as_web_page() -> None:
    """Word's "save as web page": conditional comments, list markers, entities, zero-width spaces."""
    page = (
        "<html><body><!--[if gte mso 9]><xml><w:WordDocument>99.00</w:WordDocument></xml><![endif]-->\n"
        "<p class=MsoListParagraph><![if !supportLists]><span>1.<span style='font:7.0pt'>&nbsp; </span></span>"
        "<![endif]>收入合计1.00万元。</p>\n<p>&yen;2.00&#8203;元&ensp;。</p></body></html>"
    )
    blocks = read_blocks(page.encode("utf-8"), ".html", "w.html").blocks
    assert [_key(b) for b in blocks] == [("P", ("1. 收入合计1.00万元。",)), ("P", ("¥2.00元 。",))]
