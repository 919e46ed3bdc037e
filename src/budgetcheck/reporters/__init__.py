"""Output formats. Each reporter reads only file results and rule metadata.

A reporter is a function ``report(run, out, lang)``; the map below names them and feeds the
``--format`` choice. Modules are imported only when their format is used.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..runner import RunResult

Reporter = Callable[["RunResult", IO[str], str], None]

REPORTERS: dict[str, str] = {
    "full": "full",
    "table": "table",
    "concise": "concise",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html_report",
    "csv": "csv_report",
    "xlsx": "xlsx",
    "gitlab": "gitlab",
    "json-lines": "json_lines",
}
FORMATS = tuple(REPORTERS)


def get_reporter(name: str) -> Reporter:
    """The reporter function for a format name; KeyError for an unknown name."""
    module = import_module(f"{__name__}.{REPORTERS[name]}")
    reporter: Reporter = module.report
    return reporter
