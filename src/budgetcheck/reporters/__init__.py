"""Output formats. Each reporter reads only file results and rule metadata.

A reporter is a function ``report(run, out, lang, **options)``; the map below names them
and feeds the ``--format`` choice. Modules are imported only when their format is used.

- The formats in :data:`TERMINAL` also take ``width`` (columns to fit; None: the
  terminal's) and ``color`` (True/False; None: decided from the stream).
- The formats in :data:`BINARY` write bytes to ``out.buffer`` (``sys.stdout`` or a file
  opened as text both have one); they refuse a stream without one.
- A reporter raises :class:`ReporterError` (one line, meant for the user) for a format that
  cannot be written: a missing extra, a binary format on a terminal or a text-only stream.
  It is a click exception with exit code 2, so a command that lets it through still ends
  with that one line and no traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

import click

Reporter = Callable[..., None]  # (run, out, lang, **options) -> None


class ReporterError(click.ClickException):
    """A format that cannot be written here (a missing extra, a binary format on a text stream)."""

    exit_code = 2


REPORTERS: dict[str, str] = {
    "full": "full",
    "table": "table",
    "concise": "concise",
    "json": "json_report",
    "json-lines": "json_lines",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "html": "html_report",
    "csv": "csv_report",
    "xlsx": "xlsx",
}
FORMATS = tuple(REPORTERS)
TERMINAL = frozenset({"full", "table"})
BINARY = frozenset({"xlsx"})


def get_reporter(name: str) -> Reporter:
    """The reporter function for a format name; KeyError for an unknown name."""
    module = import_module(f"{__name__}.{REPORTERS[name]}")
    reporter: Reporter = module.report
    return reporter
