"""CSV, one row per finding: UTF-8 with a byte-order mark so Excel reads the Chinese right,
columns in the fixed order of :data:`budgetcheck.reporters.rows.COLUMNS`."""

from __future__ import annotations

import csv
from typing import IO, TYPE_CHECKING

from .rows import header, rows

if TYPE_CHECKING:
    from ..result import RunResult

BOM = "\ufeff"


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write the heading row, then each file's findings (flushed file by file)."""
    writer = csv.writer(out, lineterminator="\r\n")
    out.write(BOM)
    writer.writerow(header(lang))
    for chunk in rows(run, lang):
        writer.writerows(["" if value is None else value for value in row] for row in chunk)
        out.flush()
