"""Render a document's blocks as an HTML page the way government sites publish one.

What such pages look like (and what this writes): the text inside a page-layout table
nested two deep; paragraphs as Word's ``<p class=MsoNormal>`` with inline styles and runs
split into ``<span>``s (digits in their own ``lang=EN-US`` span), ``&nbsp;`` indentation
and source line breaks in mid-sentence; some paragraphs run together in one ``<div>``
separated by ``<br>``; headings in ``<b>``/``<strong>``; data tables with ``<td><p><span>``
cells, long cells broken by ``<br>``, a short row spread over the grid with ``colspan``,
a blank cell under a filled one merged into it with ``rowspan``; comments, scripts,
styles, a hidden block and a site menu around it; and a GBK ``<meta charset>`` when asked.
"""

from __future__ import annotations

import re
from html import escape

from budgetcheck.sources.documents.blocks import Block, Paragraph, TableRow

_WIDE = re.compile(r"[\u4e00-\u9fff]")
HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title} - 信息公开</title>
<style type="text/css">.MsoNormal{{margin:0pt;}} td{{font-size:12px}}</style>
<script type="text/javascript">var pageNo = 3; document.write("<p>2,000.00万元</p>");</script>
</head>
<body style="margin:0">
<div class="menu"><a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a></div>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td valign="top">
<table width="100%" border="0"><tr><td class="content" style="padding:10px 20px">
<!-- 正文开始 2,000.00 -->
"""
TAIL = """<div style="display:none">访问量 12,345 次</div>
</td></tr></table>
</td></tr></table>
</body>
</html>
"""


def _break_lines(text: str) -> str:
    """Escape text and put a source line break in the middle of long Chinese runs."""
    out = escape(text, quote=False)
    middle = len(out) // 2
    if len(out) > 30 and _WIDE.match(out[middle - 1 : middle]) and _WIDE.match(out[middle : middle + 1]):
        out = out[:middle] + "\n" + out[middle:]
    return out


def _spans(text: str) -> str:
    """Word's run soup: digits and Latin in their own spans, the rest in styled ones."""
    parts = re.split(r"([0-9][0-9,.%]*)", text)
    out = []
    for part in parts:
        if not part:
            continue
        if part[0].isdigit():
            out.append(f'<span lang="EN-US" style="font-family:\'Times New Roman\'">{escape(part)}</span>')
        else:
            out.append(f'<span style="font-family:仿宋_GB2312;font-size:16.0pt">{_break_lines(part)}</span>')
    return "".join(out)


def _paragraph(block: Paragraph, index: int) -> str:
    if re.match(r"^(?:第[一二三四]部分|[一二三四五六七八九十]+、)", block.text):
        bold = "strong" if index % 2 else "b"
        return f'<p class="MsoNormal" align="center"><{bold}><span>{escape(block.text)}</span></{bold}></p>\n'
    return (
        f'<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">&nbsp;&nbsp;'
        f"{_spans(block.text)}<o:p></o:p></p>\n"
    )


def _cell(text: str, attributes: str) -> str:
    body = escape(text)
    middle = len(text) // 2
    if len(text) >= 12 and _WIDE.match(text[middle - 1]) and _WIDE.match(text[middle]):
        body = f"{escape(text[:middle])}<br />{escape(text[middle:])}"  # a cell broken by <br>
    return f'<td{attributes} style="border:solid windowtext 1.0pt"><p class="MsoNormal"><span>{body}</span></p></td>'


def _table(rows: list[TableRow], rowspans: bool) -> str:
    width = max(len(row.cells) for row in rows)
    grid: list[list[str | None]] = [list(row.texts) for row in rows]
    spans: dict[tuple[int, int], int] = {}
    if rowspans:  # a blank cell under a filled one in a row of the same length: merged into it
        for y in range(1, len(grid)):
            for x, text in enumerate(grid[y]):
                if text != "" or len(grid[y]) != len(grid[y - 1]):
                    break
                top = y - 1
                while grid[top][x] is None:
                    top -= 1
                if grid[top][x] == "":
                    break
                spans[(top, x)] = spans.get((top, x), 1) + 1
                grid[y][x] = None
    lines = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">']
    for y, row in enumerate(grid):
        cells = []
        for x, text in enumerate(row):
            if text is None:
                continue
            span = width // len(row) + (x < width % len(row))
            attributes = (f' colspan="{span}"' if span > 1 else "") + (
                f' rowspan="{spans[(y, x)]}"' if (y, x) in spans else ""
            )
            cells.append(_cell(text, attributes))
        lines.append(" <tr>" + "".join(cells) + "</tr>")
    lines.append("</table>\n")
    return "\n".join(lines)


def _parts(blocks: list[Block], is_title: object) -> list[Paragraph | list[TableRow]]:
    out: list[Paragraph | list[TableRow]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block)
        elif out and isinstance(out[-1], list) and not is_title("".join(block.texts)):  # type: ignore[operator]
            out[-1].append(block)
        else:
            out.append([block])
    return out


def gov_page(blocks: list[Block], charset: str = "utf-8", rowspans: bool = True) -> bytes:
    """The blocks as a published HTML page, encoded in ``charset`` (``gbk``: characters
    outside GBK as character references, as sites do)."""
    from budgetcheck.sources.documents.tables import table_kind

    title = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
    body = [HEAD.format(charset="gb2312" if charset == "gbk" else charset, title=escape(title))]
    pending: list[Paragraph] = []
    for index, part in enumerate(_parts(blocks, table_kind)):
        if isinstance(part, Paragraph) and index % 7 in (4, 5):
            pending.append(part)  # a few paragraphs run together in one <div>, split by <br>
            continue
        if pending:
            body.append("<div>" + "<br />\n".join(_spans(p.text) for p in pending) + "</div>\n")
            pending = []
        body.append(_paragraph(part, index) if isinstance(part, Paragraph) else _table(part, rowspans))
    if pending:
        body.append("<div>" + "<br />\n".join(_spans(p.text) for p in pending) + "</div>\n")
    body.append(TAIL)
    return "".join(body).encode(charset, errors="xmlcharrefreplace")
