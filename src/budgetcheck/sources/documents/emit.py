"""Write extracted data as report YAML: figures quoted as printed, sources as comments."""

from __future__ import annotations

import json
from typing import Any

from ...model.paths import DataPath
from .document import Extraction

INDENT = "  "


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


class _Writer:
    def __init__(self, extraction: Extraction, comments: bool):
        self.origins = extraction.origins if comments else {}
        self.headings = extraction.headings if comments else {}
        self.lines: list[str] = []

    def comment(self, path: DataPath) -> str:
        where = self.origins.get(path)
        return f"  # {where.label}" if where is not None else ""

    def mapping(self, data: dict[str, Any], path: DataPath, depth: int, first_prefix: str | None = None) -> None:
        for index, (key, value) in enumerate(data.items()):
            lead = first_prefix if (index == 0 and first_prefix is not None) else INDENT * depth
            if depth == 0 and key in self.headings:
                self.lines.append(f"\n# {self.headings[key]}")
            self.entry(lead, key, value, path + (key,), depth)

    def entry(self, lead: str, key: str, value: Any, path: DataPath, depth: int) -> None:
        if isinstance(value, dict):
            self.lines.append(f"{lead}{key}:{self.comment(path)}")
            self.mapping(value, path, depth + 1)
        elif isinstance(value, list):
            self.lines.append(f"{lead}{key}:" + (" []" if not value else ""))
            self.sequence(value, path, depth + 1)
        else:
            self.lines.append(f"{lead}{key}: {_scalar(value)}{self.comment(path)}")

    def sequence(self, items: list[Any], path: DataPath, depth: int) -> None:
        for index, item in enumerate(items):
            here = path + (index,)
            if isinstance(item, dict) and item:
                self.mapping(item, here, depth + 1, first_prefix=INDENT * depth + "- ")
            else:
                self.lines.append(f"{INDENT * depth}- {_scalar(item)}{self.comment(here)}")


def to_yaml(extraction: Extraction, comments: bool = True) -> str:
    """The report YAML of an extraction (what ``validate`` reads), with source comments."""
    writer = _Writer(extraction, comments)
    header = [f"# Extracted by budgetcheck from {extraction.source}."]
    if comments:
        header.append("# Each figure is quoted as printed; the comment after it says where it was printed.")
        for problem in extraction.problems:
            header.append(f"# NOT EXTRACTED {problem}")
    writer.mapping(extraction.data, (), 0)
    return "\n".join(header + writer.lines) + "\n"
