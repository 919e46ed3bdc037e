"""An Excel workbook (openpyxl, the ``xlsx`` extra): one sheet of findings, one row each,
the same columns as the CSV, headings frozen and filtered, plus a summary sheet per file."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from . import ReporterError
from .labels import word
from .rows import COLUMNS, header, rows

if TYPE_CHECKING:
    from openpyxl import Workbook

    from ..result import RunResult

WIDTHS = {"document": 28, "unit": 24, "section": 20, "table": 28, "place": 16, "name": 22,
          "message_zh": 50, "message_en": 50, "explanation": 24, "data_path": 36}


class BinaryOutputError(ReporterError):
    """The stream cannot take bytes (a workbook is binary)."""


def require_openpyxl() -> None:
    """Fail with an install hint, before any file is checked, when the extra is missing."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise ReporterError("--format xlsx needs openpyxl: pip install 'budgetcheck[xlsx]' "
                            "/ xlsx 格式需要安装 openpyxl") from None


def binary(out: IO[str]) -> IO[bytes]:
    """The byte stream under a text stream (``sys.stdout.buffer``, a file opened as text)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None or out.isatty():
        raise BinaryOutputError("xlsx is a binary format: write it to a file (-o report.xlsx) / xlsx 为二进制格式，请输出到文件")
    out.flush()
    return buffer  # type: ignore[no-any-return]


def workbook(run: RunResult, lang: str) -> Workbook:
    """The workbook of a run: a findings sheet and a summary sheet."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])
    sheet = book.create_sheet(word("findings", lang))
    sheet.append(header(lang))
    for chunk in rows(run, lang):
        for row in chunk:
            sheet.append(list(row))
    for index, key in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(key, 10)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    summary = book.create_sheet(word("summary", lang))
    summary.append([run.summary_line(lang)])
    return book


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write the workbook to the byte stream under ``out``."""
    require_openpyxl()
    stream = binary(out)  # both checked before any file is read
    workbook(run, lang).save(stream)
    stream.flush()
