"""Parse YAML into plain data whose scalars keep their raw text, plus each node's position.

Scalars are never resolved by YAML 1.1 rules (``no`` → False, ``1.10`` → 1.1, ``0755`` →
octal): the model reads every figure from the text as written. The tree is built from the
parser's event stream with an explicit stack, so no input can exhaust the recursion limit.
Anchors, aliases, merge keys and application tags are rejected (a report has no use for
them, and alias expansion can explode). A duplicate key names both positions: by default
the first one stops the parse; when the caller passes a list, every duplicate is collected
there (the first value is kept, later ones dropped) so that all of them are reported at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..paths import DataPath
from .errors import InputError

try:  # the C-accelerated parser; the pure-Python one behaves the same, slower
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 64
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Explicit core tags that change nothing here (the raw text is kept either way).
_HARMLESS_TAGS = frozenset({"!"} | {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq")})
Positions = dict[DataPath, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    """A key written twice in one mapping: its data path and both positions (1-based)."""

    path: DataPath
    key: str
    at: tuple[int, int]
    first: tuple[int, int]

    @property
    def message(self) -> str:
        """The bilingual description naming the first occurrence."""
        line, col = self.first
        return f"duplicate key {self.key!r} (first at line {line}, column {col}) / 键重复（首次出现于第 {line} 行）"


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

    path: DataPath
    value: Any
    key: str | None = None
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    dropped: bool = False  # this container is the value of a duplicate key: built, then dropped
    discard: bool = False  # the value awaited for ``key`` belongs to a duplicate key

    def child_path(self) -> DataPath:
        if isinstance(self.value, list):
            return self.path + (len(self.value),)
        assert self.key is not None
        return self.path + (self.key,)

    def wants_key(self) -> bool:
        return isinstance(self.value, dict) and self.key is None


class _Builder:
    """Turns the event stream into nested dicts, lists and raw strings (iteratively)."""

    def __init__(self, source: str, duplicates: list[DuplicateKey] | None = None):
        self.source = source
        self.duplicates = duplicates
        self.positions: Positions = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.dropping = 0  # dropped containers open on the stack: their positions are not kept

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
            self.close()

    def scalar(self, event: Any) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.wants_key():
            self.key(frame, event)
            return
        if frame is not None and frame.discard:  # a duplicate key's scalar value: the first one stays
            frame.key, frame.discard = None, False
            return
        value = None if not event.style and event.value in _NULLS else event.value
        if not self.dropping:
            self.positions[frame.child_path() if frame else ()] = _where(event)
        self.attach(value)

    def key(self, frame: _Frame, event: Any) -> None:
        key = event.value
        if key == "<<" and not event.style:
            raise self.fail(event, "YAML merge keys (<<) are not allowed in a report / 不允许使用合并键")
        if key in frame.seen:
            duplicate = DuplicateKey(frame.path + (key,), key, _where(event), frame.seen[key])
            if self.duplicates is None:
                raise self.fail(event, duplicate.message)
            self.duplicates.append(duplicate)
            frame.discard = True
        else:
            frame.seen[key] = _where(event)
        frame.key = key

    def open(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.wants_key():
            raise self.fail(event, "mapping keys must be plain names / 键必须是名称")
        path = parent.child_path() if parent else ()
        if len(path) >= MAX_DEPTH:
            raise self.fail(event, f"nesting deeper than {MAX_DEPTH} levels / 嵌套过深")
        dropped = parent is not None and parent.discard
        if dropped:
            assert parent is not None
            parent.discard = False
            self.dropping += 1
        elif not self.dropping:
            self.positions[path] = _where(event)
        self.stack.append(_Frame(path, container, dropped=dropped))

    def close(self) -> None:
        """End the innermost mapping or sequence: attach it, or drop a duplicate key's value."""
        frame = self.stack.pop()
        if not frame.dropped:
            self.attach(frame.value)
            return
        self.dropping -= 1
        self.stack[-1].key = None

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


def parse_yaml(text: str, source: str, duplicates: list[DuplicateKey] | None = None) -> tuple[Any, Positions]:
    """Parse YAML text into raw data and a map from data path to (line, column), 1-based.

    A duplicate key raises :class:`InputError`, unless ``duplicates`` is given: then every
    duplicate key is appended to it and the first value of each key is kept.
    """
    builder = _Builder(source, duplicates)
    for event in _events(text, source):
        builder.feed(event)
    if builder.root is None:
        raise InputError(source, "empty document: no report / 文档为空", 1)
    return builder.root, builder.positions
