"""Data paths into a report: ``general_budget.lines[3].amount``, with ``[*]`` wildcards."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

Segment = str | int
DataPath = tuple[Segment, ...]
_TOKEN = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+|\*)\]")
WILDCARD = "*"


class PathError(ValueError):
    """Raised for a path that does not parse."""


@lru_cache(maxsize=4096)  # rules resolve the same few patterns for every report
def parse_path(text: str) -> tuple[Segment, ...]:
    """Split ``a.b[2].c[*]`` into ``("a", "b", 2, "c", "*")``."""
    segments: list[Segment] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise PathError(f"bad data path {text!r} at {pos}")
        name, index = match.groups()
        if name is not None:
            segments.append(name)
        elif index == WILDCARD:
            segments.append(WILDCARD)
        else:
            segments.append(int(index))
        pos = match.end()
    if not segments:
        raise PathError(f"empty data path {text!r}")
    return tuple(segments)


def format_path(path: DataPath) -> str:
    """Join path segments back into ``a.b[2].c``."""
    out = []
    for seg in path:
        if isinstance(seg, int):
            out.append(f"[{seg}]")
        elif seg == WILDCARD:
            out.append("[*]")
        else:
            out.append(("." if out else "") + seg)
    return "".join(out)


def _child(value: Any, seg: Segment) -> Any:
    if isinstance(seg, int):
        if isinstance(value, (list, tuple)) and 0 <= seg < len(value):
            return value[seg]
        return None
    if isinstance(value, dict):
        return value.get(seg)
    return getattr(value, seg, None)


def resolve(root: Any, pattern: tuple[Segment, ...], prefix: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """Yield ``(concrete path, value)`` for every non-missing value the pattern matches."""
    value = root
    for position, head in enumerate(pattern):
        if value is None:
            return
        if head == WILDCARD:
            # only a wildcard branches: the concrete steps before it are walked in this loop
            if isinstance(value, (list, tuple)):
                rest, base = pattern[position + 1:], prefix + pattern[:position]
                for index, item in enumerate(value):
                    yield from resolve(item, rest, base + (index,))
            return
        value = _child(value, head)
    if value is not None:
        yield prefix + pattern, value


def get(root: Any, path: DataPath) -> Any:
    """Return the value at a concrete path, or None when any step is missing."""
    value = root
    for seg in path:
        value = _child(value, seg)
        if value is None:
            return None
    return value
