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

from typing import Any

import yaml

from ..i18n import Text, yaml_problem_zh
from ..model.paths import DataPath
from ..model.records import Frozen, set_field
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


class DuplicateKey(Frozen):
    """A key written twice in one mapping: its data path and both positions (1-based)."""

    __slots__ = ("path", "key", "at", "first")
    path: DataPath
    key: str
    at: tuple[int, int]
    first: tuple[int, int]

    def __init__(self, path: DataPath, key: str, at: tuple[int, int], first: tuple[int, int]) -> None:
        set_field(self, "path", path)
        set_field(self, "key", key)
        set_field(self, "at", at)
        set_field(self, "first", first)

    @property
    def message(self) -> Text:
        """The description naming the first occurrence (renders in either language)."""
        line, col = self.first
        return Text("schema.duplicate", key=self.key, line=line, column=col)


def _where(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _feed_events(text: str, source: str, builder: _Builder) -> None:
    """Feed the parser's events to ``builder``; YAML syntax errors become one-line :class:`InputError`."""
    loader = _Loader(text)
    next_event = loader.get_event  # None after the last event; check_event() first would cost a call per event
    dispatch = builder.dispatch
    try:
        event = next_event()
        while event is not None:
            handler = dispatch.get(type(event))
            if handler is not None:
                handler(event)
            event = next_event()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc).split())
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError(source, Text("yaml.invalid", problem=problem, problem_zh=yaml_problem_zh(problem)),
                         line, col) from None
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise InputError(source, Text("yaml.invalid", problem=problem, problem_zh=yaml_problem_zh(problem))) from None
    finally:
        loader.dispose()


# A container being filled is a list, not an object: attribute access and method calls on
# frame objects were a third of the parse. Slots of a frame:
_PATH, _VALUE, _KEY, _SEEN, _DROPPED, _DISCARD = range(6)
# _KEY: the mapping key waiting for its value (None for sequences and between entries);
# _SEEN: key → position, for duplicates (None for sequences); _DROPPED: this container is
# the value of a duplicate key, built then dropped; _DISCARD: the value awaited for _KEY
# belongs to a duplicate key.


class _Builder:
    """Turns the event stream into nested dicts, lists and raw strings (iteratively)."""

    def __init__(self, source: str, duplicates: list[DuplicateKey] | None = None):
        self.source = source
        self.duplicates = duplicates
        self.positions: Positions = {}
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.documents = 0
        self.dropping = 0  # dropped containers open on the stack: their positions are not kept
        self.dispatch: dict[type, Any] = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.open_mapping,
            yaml.SequenceStartEvent: self.open_sequence,
            yaml.MappingEndEvent: self.close,
            yaml.SequenceEndEvent: self.close,
            yaml.DocumentStartEvent: self.document,
            yaml.AliasEvent: self.alias,
        }

    def fail(self, event: Any, message: Text) -> InputError:
        return InputError(self.source, message, *_where(event))

    def screen(self, event: Any) -> None:
        """Reject the YAML features a report has no use for."""
        if event.anchor:
            raise self.fail(event, Text("yaml.anchor", name=event.anchor))
        tag = event.tag
        if tag and tag not in _HARMLESS_TAGS:
            raise self.fail(event, Text("yaml.tag", tag=tag))

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.fail(event, Text("yaml.documents"))

    def alias(self, event: Any) -> None:
        raise self.fail(event, Text("yaml.alias", name=event.anchor))

    def scalar(self, event: Any) -> None:
        if event.anchor or event.tag:
            self.screen(event)
        stack = self.stack
        frame = stack[-1] if stack else None
        if frame is not None:
            if frame[_SEEN] is not None and frame[_KEY] is None:
                self.key(frame, event)
                return
            if frame[_DISCARD]:  # a duplicate key's scalar value: the first one stays
                frame[_KEY] = None
                frame[_DISCARD] = False
                return
        value = event.value
        if not event.style and value in _NULLS:
            value = None
        if not self.dropping:
            mark = event.start_mark
            self.positions[_child_path(frame) if frame else ()] = (mark.line + 1, mark.column + 1)
        self.attach(value)

    def key(self, frame: list[Any], event: Any) -> None:
        key = event.value
        if key == "<<" and not event.style:
            raise self.fail(event, Text("yaml.merge"))
        seen = frame[_SEEN]
        if key in seen:
            duplicate = DuplicateKey(frame[_PATH] + (key,), key, _where(event), seen[key])
            if self.duplicates is None:
                raise self.fail(event, duplicate.message)
            self.duplicates.append(duplicate)
            frame[_DISCARD] = True
        else:
            seen[key] = _where(event)
        frame[_KEY] = key

    def open_mapping(self, event: Any) -> None:
        self.open(event, {}, {})

    def open_sequence(self, event: Any) -> None:
        self.open(event, [], None)

    def open(self, event: Any, container: dict[str, Any] | list[Any], seen: dict[str, tuple[int, int]] | None) -> None:
        if event.anchor or event.tag:
            self.screen(event)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent[_SEEN] is not None and parent[_KEY] is None:
            raise self.fail(event, Text("yaml.key"))
        path = _child_path(parent) if parent else ()
        if len(path) >= MAX_DEPTH:
            raise self.fail(event, Text("yaml.depth", depth=MAX_DEPTH))
        dropped = parent is not None and parent[_DISCARD]
        if dropped:
            assert parent is not None
            parent[_DISCARD] = False
            self.dropping += 1
        elif not self.dropping:
            self.positions[path] = _where(event)
        self.stack.append([path, container, None, seen, dropped, False])

    def close(self, event: Any) -> None:
        """End the innermost mapping or sequence: attach it, or drop a duplicate key's value."""
        frame = self.stack.pop()
        if not frame[_DROPPED]:
            self.attach(frame[_VALUE])
            return
        self.dropping -= 1
        self.stack[-1][_KEY] = None

    def attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if frame[_SEEN] is None:
            frame[_VALUE].append(value)
        else:
            frame[_VALUE][frame[_KEY]] = value
            frame[_KEY] = None


def _child_path(frame: list[Any]) -> DataPath:
    """The data path of the next value placed in ``frame``."""
    path: DataPath = frame[_PATH]
    if frame[_SEEN] is None:
        return path + (len(frame[_VALUE]),)
    return path + (frame[_KEY],)


def parse_yaml(text: str, source: str, duplicates: list[DuplicateKey] | None = None) -> tuple[Any, Positions]:
    """Parse YAML text into raw data and a map from data path to (line, column), 1-based.

    A duplicate key raises :class:`InputError`, unless ``duplicates`` is given: then every
    duplicate key is appended to it and the first value of each key is kept.
    """
    builder = _Builder(source, duplicates)
    _feed_events(text, source, builder)
    if builder.root is None:
        raise InputError(source, Text("yaml.empty"), 1)
    return builder.root, builder.positions
