"""The error raised when an input cannot be read as a report at all."""

from __future__ import annotations

from ..i18n import Text, render


class InputError(Exception):
    """An unreadable input: one line with file:line:col, reported with exit code 2."""

    def __init__(self, source: str, message: str, line: int | None = None, column: int | None = None):
        if not isinstance(message, Text):
            message = " ".join(str(message).split())  # always one line, whatever the parser said
        super().__init__(message)
        self.source = source
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str) -> str:
        """``file:line:col: message`` in ``lang``."""
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {' '.join(render(self.message, lang).split())}"
