"""Where extracted values go: nested report data plus the source place of every value."""

from __future__ import annotations

from typing import Any

from ...model.paths import DataPath
from ...model.records import Frozen, Record, set_field
from .blocks import Where


class Problem(Frozen):
    """Text that holds numbers the extractor did not understand."""

    __slots__ = ("section", "snippet", "where")
    section: str
    snippet: str
    where: Where

    def __init__(self, section: str, snippet: str, where: Where) -> None:
        set_field(self, "section", section)
        set_field(self, "snippet", snippet)
        set_field(self, "where", where)

    def __str__(self) -> str:
        return f"{self.where.label}: [{self.section}] {self.snippet}"


class Sink(Record):
    """A writer into one mapping of the report data, recording origins by data path."""

    __slots__ = ("data", "origins", "path")
    data: dict[str, Any]
    origins: dict[DataPath, Where]
    path: DataPath

    def __init__(
        self, data: dict[str, Any], origins: dict[DataPath, Where] | None = None, path: DataPath = (),
    ) -> None:
        self.data = data
        self.origins = {} if origins is None else origins
        self.path = path

    def set(self, key: str, value: Any, where: Where | None = None) -> None:
        """Store one value (and where it was printed)."""
        self.data[key] = value
        if where is not None:
            self.origins[self.path + (key,)] = where

    def put(self, key: str, found: tuple[str, Where] | None) -> None:
        """Store a figure returned by :meth:`Passage.figure`, if there is one."""
        if found is not None:
            self.set(key, found[0], found[1])

    def child(self, key: str) -> Sink:
        """The writer of a nested mapping (created when missing)."""
        node = self.data.setdefault(key, {})
        return Sink(node, self.origins, self.path + (key,))

    def append(self, key: str) -> Sink:
        """Append a new mapping to a list and return its writer."""
        items = self.data.setdefault(key, [])
        items.append({})
        return Sink(items[-1], self.origins, self.path + (key, len(items) - 1))

    def add(self, key: str, value: Any, where: Where | None = None) -> None:
        """Append a scalar to a list."""
        items = self.data.setdefault(key, [])
        items.append(value)
        if where is not None:
            self.origins[self.path + (key, len(items) - 1)] = where
