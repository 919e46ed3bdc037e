"""The record base classes behave like the dataclasses they replaced."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from budgetcheck.model.records import Frozen, Record, field_names, replace, set_field
from budgetcheck.result import Finding, Severity


class Point(Frozen):
    __slots__ = ("x", "y")
    x: int
    y: int

    def __init__(self, x: int, y: int = 0) -> None:
        set_field(self, "x", x)
        set_field(self, "y", y)


class Box(Record):
    __slots__ = ("items",)
    items: list[int]

    def __init__(self, items: list[int] | None = None) -> None:
        self.items = [] if items is None else items


def test_a_frozen_record_is_immutable_hashable_and_compared_by_its_fields() -> None:
    point = Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 3  # type: ignore[misc]
    assert point == Point(1, 2) and point != Point(2, 1) and point != (1, 2)
    assert len({point, Point(1, 2)}) == 1 and repr(point) == "Point(x=1, y=2)"


def test_replace_and_pickle_go_through_init() -> None:
    point = Point(1, 2)
    assert replace(point, y=5) == Point(1, 5) and point == Point(1, 2)
    assert pickle.loads(pickle.dumps(point)) == point and field_names(Point) == ("x", "y")


def test_a_mutable_record_is_unhashable_and_compared_by_value() -> None:
    box = Box()
    box.items.append(1)
    assert box == Box([1]) and Box().items == [] and Box().items is not Box().items
    with pytest.raises(TypeError):
        hash(box)


def test_a_finding_compares_without_its_source_place() -> None:
    args = ("BC101", "sum", Severity.ERROR, "m", "m", "a.b", "f.yaml")
    assert Finding(*args, source="table 1 row 2 cell 3") == Finding(*args)
    assert hash(Finding(*args, source="x")) == hash(Finding(*args))
    assert pickle.loads(pickle.dumps(Finding(*args, line=3))).line == 3
