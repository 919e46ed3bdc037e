"""What a human report says about a checked document besides its findings: the unit, the
year, the title, and the printed names of the tables its findings are in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .paths import DataPath, format_path, get, parse_path
from .records import Frozen, set_field

# Data paths whose items are tables of their own (grouped under their printed name).
TABLE_PATTERNS: tuple[DataPath, ...] = (("performance", "unit_table"), ("performance", "projects", "*"))


class DocumentInfo(Frozen):
    """Unit, year and title of a report; ``tables`` maps a table's data path to its name."""

    __slots__ = ("unit", "year", "title", "tables")
    unit: str | None
    year: int | None
    title: str | None
    tables: tuple[tuple[str, str], ...]

    def __init__(
        self, unit: str | None = None, year: int | None = None, title: str | None = None,
        tables: tuple[tuple[str, str], ...] = (),
    ) -> None:
        set_field(self, "unit", unit)
        set_field(self, "year", year)
        set_field(self, "title", title)
        set_field(self, "tables", tables)

    def table_name(self, table_path: str) -> str | None:
        """The printed name of the table at ``table_path``, if the report names it."""
        return dict(self.tables).get(table_path)


def table_of(path: DataPath) -> DataPath | None:
    """The prefix of ``path`` that is a table (``performance.projects[2]``), if any."""
    for pattern in TABLE_PATTERNS:
        if len(path) >= len(pattern) and all(p in ("*", s) for p, s in zip(pattern, path)):
            return path[: len(pattern)]
    return None


def _name(item: Any) -> str | None:
    for attr in ("name", "title", "label"):
        value = getattr(item, attr, None)
        if isinstance(value, str) and value:
            return value
    return None


def describe(report: Any, paths: Iterable[str]) -> DocumentInfo:
    """The document's unit, year and title, and the names of the tables the ``paths`` are in."""
    unit = getattr(report, "unit", None)
    tables: dict[str, str] = {}
    for text in paths:
        try:
            table = table_of(parse_path(text))
        except ValueError:
            continue
        if table is not None and format_path(table) not in tables:
            name = _name(get(report, table))
            if name:
                tables[format_path(table)] = name
    year = getattr(unit, "year", None)
    return DocumentInfo(
        unit=getattr(unit, "name", None),
        year=year if isinstance(year, int) else None,
        title=getattr(report, "title", None),
        tables=tuple(tables.items()),
    )
