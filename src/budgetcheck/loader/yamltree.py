"""Parse YAML into plain data whose scalars keep their raw text, plus each node's position.

Scalars are never resolved by YAML 1.1 rules (``no`` → False, ``1.10`` → 1.1, ``0755`` →
octal): the model reads every figure from the text as written. The tree is built from the
parser's event stream with an explicit stack, so no input can exhaust the recursion limit.
Anchors, aliases, merge keys and application tags are rejected (a report has no use for
them, and alias expansion can explode); a duplicate key is an error naming both positions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..paths import Path
from .errors import InputError

try:  # the C-accelerated parser; the pure-Python one behaves the same, slower
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 64
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Explicit core tags that change nothing here (the raw text is kept either way).
_HARMLESS_TAGS = frozenset({"!"} | {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")})
Positions = dict[Path, tuple[int, int]]


def _where(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _events(text: str, source: str) -> Iterator[Any]:
    """The parser's events; YAML syntax errors become one-line :class:`InputError`."""
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc).split())
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError(source, f"invalid YAML: {problem} / YAML 语法错误", line, col) from None
    except yaml.YAMLError as exc:
        raise InputError(source, f"invalid YAML: {' '.join(str(exc).split())} / YAML 语法错误") from None
    finally:
        loader.dispose()


@dataclass
class _Frame:
    """A mapping or sequence being filled, with the key waiting for its value."""

    path: Path
    value: Any
    key: str | None = None
    key_at: tuple[int, int] = (0, 0)
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)

    def child_path(self) -> Path:
        if isinstance(self.value, list):
            return self.path + (len(self.value),)
        assert self.key is not None
        return self.path + (self.key,)

    def wants_key(self) -> bool:
        return isinstance(self.value, dict) and self.key is None


class _Builder:
    """Turns the event stream into nested dicts, lists and raw strings (iteratively)."""

    def __init__(self, source: str):
        self.source = source
        self.positions: Positions = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def fail(self, event: Any, message: str) -> InputError:
        return InputError(self.source, message, *_where(event))

    def screen(self, event: Any) -> None:
        """Reject the YAML features a report has no use for."""
        if getattr(event, "anchor", None):
            raise self.fail(event, f"YAML anchors (&{event.anchor}) are not allowed in a report / 报告中不允许使用 YAML 锚点")
        tag = getattr(event, "tag", None)
        if tag and tag not in _HARMLESS_TAGS:
            raise self.fail(event, f"YAML tag {tag!r} is not allowed in a report / 报告中不允许使用 YAML 标签")

    def feed(self, event: Any) -> None:
        """Consume one parser event."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "more than one YAML document / 文件含多个 YAML 文档")
        elif isinstance(event, yaml.AliasEvent):
            raise self.fail(event, f"YAML aliases (*{event.anchor}) are not allowed in a report / 报告中不允许使用 YAML 别名")
        elif isinstance(event, yaml.ScalarEvent):
            self.screen(event)
            self.scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.screen(event)
            self.open(event, {} if isinstance(event, yaml.MappingStartEvent) else [])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            self.attach(frame.value)

    def scalar(self, event: Any) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.wants_key():
            self.key(frame, event)
            return
        value = None if not event.style and event.value in _NULLS else event.value
        self.positions[frame.child_path() if frame else ()] = _where(event)
        self.attach(value)

    def key(self, frame: _Frame, event: Any) -> None:
        key = event.value
        if key == "<<" and not event.style:
            raise self.fail(event, "YAML merge keys (<<) are not allowed in a report / 不允许使用合并键")
        if key in frame.seen:
            line, col = frame.seen[key]
            raise self.fail(
                event, f"duplicate key {key!r} (first at line {line}, column {col}) / 键重复（首次出现于第 {line} 行）"
            )
        frame.seen[key] = _where(event)
        frame.key = key

    def open(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.wants_key():
            raise self.fail(event, "mapping keys must be plain names / 键必须是名称")
        path = parent.child_path() if parent else ()
        if len(path) >= MAX_DEPTH:
            raise self.fail(event, f"nesting deeper than {MAX_DEPTH} levels / 嵌套过深")
        self.positions[path] = _where(event)
        self.stack.append(_Frame(path, container))

    def attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        else:
            assert frame.key is not None
            frame.value[frame.key] = value
            frame.key = None


def parse_yaml(text: str, source: str) -> tuple[Any, Positions]:
    """Parse YAML text into raw data and a map from data path to (line, column), 1-based."""
    builder = _Builder(source)
    for event in _events(text, source):
        builder.feed(event)
    if builder.root is None:
        raise InputError(source, "empty document: no report / 文档为空", 1)
    return builder.root, builder.positions
