"""The error raised when an input cannot be read as a report at all."""

from __future__ import annotations


class InputError(Exception):
    """An unreadable input: one line with file:line:col, reported with exit code 2."""

    def __init__(self, source: str, message: str, line: int | None = None, column: int | None = None):
        message = " ".join(str(message).split())  # always one line, whatever the parser said
        super().__init__(message)
        self.source = source
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
