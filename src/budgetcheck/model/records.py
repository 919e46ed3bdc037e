"""Base classes for value records that cost nothing to define.

``@dataclass`` writes and compiles each class's methods when the class is created (about a
millisecond a class), which every ``budgetcheck`` start paid for ~30 classes (a document run
for ~50). A record here
declares ``__slots__`` (its fields, in order) and a hand-written ``__init__``; equality,
hashing, ``repr`` and :func:`replace` read the fields from ``__slots__``, so defining a
record runs no code at all.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")

set_field = object.__setattr__
"""How a frozen record's ``__init__`` sets its fields."""


class Record:
    """A mutable record: equal when of the same class with equal compared fields; unhashable."""

    __slots__ = ()
    __fields__: ClassVar[tuple[str, ...] | None] = None
    """The fields ``__init__`` takes, when not all of ``__slots__`` (the rest is state)."""
    __compared__: ClassVar[tuple[str, ...] | None] = None
    """The fields equality (and hashing) compares, when not all of the fields."""

    def _compared(self) -> tuple[Any, ...]:
        cls = type(self)
        return tuple(getattr(self, name) for name in cls.__compared__ or field_names(cls))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._compared() == other._compared()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in field_names(self))
        return f"{type(self).__name__}({shown})"


class Frozen(Record):
    """An immutable, hashable record: ``__init__`` sets its fields with :data:`set_field`."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError  # what code written for frozen dataclasses catches

        raise FrozenInstanceError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        return Record.__eq__(self, other)

    def __hash__(self) -> int:
        return hash(self._compared())

    def __reduce__(self) -> tuple[type[Frozen], tuple[Any, ...]]:
        # pickle (the process pool) sets slots with setattr, which a frozen record refuses
        return type(self), tuple(getattr(self, name) for name in field_names(self))


def replace(record: R, **changes: Any) -> R:
    """A copy of ``record`` with some fields changed."""
    values = {name: getattr(record, name) for name in field_names(record)}
    values.update(changes)
    return type(record)(**values)


def field_names(record: Record | type[Record]) -> tuple[str, ...]:
    """The fields of a record (class) that ``__init__`` takes, in order."""
    cls = record if isinstance(record, type) else type(record)
    names: tuple[str, ...] = cls.__fields__ or cls.__slots__
    return names
