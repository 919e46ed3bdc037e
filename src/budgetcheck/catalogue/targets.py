"""What each check kind reads from a rule: its target type (and parameter type), declared.

Every kind of ``rules/*.yaml`` names one frozen target class here: its fields, their
defaults and allowed values. The catalogue parses each target into that class when it
loads (:func:`parse_target`), so a misspelt key, a missing key, a value of the wrong type
or a model path that names no field is an error at load with the rule file and line,
never a rule that silently checks nothing. Paths are resolved against the declared model
classes (``model/report.py``) by :mod:`budgetcheck.model.fields`.

This module does not use ``from __future__ import annotations``: the field types are read
at run time as the objects they are, not looked up by name.
"""

import types
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal, Union, get_args, get_origin

from ..model.records import Frozen, set_field

Where = tuple[str | int, ...]


class TargetError(ValueError):
    """A target or parameter that does not fit its declared type; ``where`` is its key path."""

    def __init__(self, where: Where, message: str):
        super().__init__(message)
        self.where = where
        self.message = message


class PathRole(Frozen):
    """How a path field is resolved: from the report (``scope``), or within the scope."""

    __slots__ = ("role", "element")
    role: str  # "scope": absolute; "figure": ".x" relative to the scope, else absolute
    element: str | None  # the model class the path must end at, when it matters

    def __init__(self, role: str, element: str | None = None) -> None:
        set_field(self, "role", role)
        set_field(self, "element", element)


ScopePath = Annotated[str, PathRole("scope")]
"""An absolute path to the items a target applies to (``performance.projects[*]``)."""
TablePath = Annotated[str, PathRole("scope", "EvaluationTable")]
"""An absolute path to performance self-evaluation tables."""
FigurePath = Annotated[str, PathRole("figure")]
"""A path to a value: relative to the scope when it starts with ``.``, else absolute."""


class FieldOf(Frozen):
    """A field name of the elements another path field (``of``) matches."""

    __slots__ = ("of",)
    of: str

    def __init__(self, of: str) -> None:
        set_field(self, "of", of)


class AnyField(Frozen):
    """A field name some model class declares (``change``, ``variance_rate``)."""

    __slots__ = ()


ModelFieldName = Annotated[str, AnyField()]
_MISSING: Any = object()


class FieldSpec:
    """One declared field of a target type: name, type (as an object) and default."""

    __slots__ = ("name", "type", "default")

    def __init__(self, name: str, kind: Any, default: Any):
        self.name, self.type, self.default = name, kind, default

    @property
    def required(self) -> bool:
        """Whether a rule must give the key."""
        return self.default is _MISSING


class Declared:
    """Base of every target and parameter type: frozen, typed, readable like its raw mapping.

    Fields are the annotated class attributes (a class attribute's value is its default),
    collected when the class is declared; instances are immutable and read by attribute.
    ``raw`` keeps the mapping as written in the rule file: it is what the catalogue cache
    stores. (Plain classes, not dataclasses: a run builds them at every start.)
    """

    SCALAR: ClassVar[str | None] = None  # the field a bare scalar fills (``parts: [a.b]``)
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()
    NAMES: ClassVar[frozenset[str]] = frozenset()
    raw: Mapping[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        inherited = {spec.name: spec for spec in cls.FIELDS}
        for name, kind in cls.__dict__.get("__annotations__", {}).items():
            if get_origin(kind) is not ClassVar:
                inherited[name] = FieldSpec(name, kind, cls.__dict__.get(name, _MISSING))
        cls.FIELDS = tuple(inherited.values())
        cls.NAMES = frozenset(inherited)

    def __init__(self, *, raw: Mapping[str, Any] | None = None, **values: Any):
        for spec in self.FIELDS:
            value = values.pop(spec.name, spec.default)
            if value is _MISSING:
                raise TypeError(f"{type(self).__name__}: missing {spec.name!r}")
            object.__setattr__(self, spec.name, value)
        if values:
            raise TypeError(f"{type(self).__name__}: unknown {', '.join(values)}")
        object.__setattr__(self, "raw", dict(raw or {}))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]  # holds the raw mapping

    def __repr__(self) -> str:
        shown = ", ".join(f"{spec.name}={getattr(self, spec.name)!r}" for spec in self.FIELDS)
        return f"{type(self).__name__}({shown})"


class Label(Declared):
    """What a target compares, in English and Chinese (``what: {en: …, zh: …}``)."""

    en: str
    zh: str | None = None


class Part(Declared):
    """One part of a sum: a path, optional when some reports do not print it."""

    SCALAR: ClassVar[str | None] = "path"
    path: FigurePath
    optional: bool = False


class NoTarget(Declared):
    """The target of a kind that takes none (it runs once over the whole report)."""


class Scoped(Declared):
    """A target that may apply to each item ``for_each`` matches, described by ``what``."""

    what: Label | None = None
    for_each: ScopePath | None = None


class SumTarget(Scoped):
    """``total`` = Σ ``parts`` (``exact``: counts, compared without rounding)."""

    total: FigurePath
    parts: tuple[Part, ...]
    exact: bool = False


class GroupSumTarget(Scoped):
    """Each group's ``group_value`` = Σ ``member_value`` of the members whose key names it."""

    groups: ScopePath
    group_key: Annotated[str, FieldOf("groups")]
    group_value: Annotated[str, FieldOf("groups")]
    members: ScopePath
    member_key: Annotated[str, FieldOf("members")]
    member_value: Annotated[str, FieldOf("members")]


class CountTarget(Scoped):
    """The number ``printed`` = how many values ``count`` matches."""

    printed: FigurePath
    count: FigurePath


class QuotientTarget(Scoped):
    """``printed`` = ``numerator`` / ``denominator``."""

    printed: FigurePath
    numerator: FigurePath
    denominator: FigurePath


class RatioTarget(QuotientTarget):
    """``printed`` = ``numerator`` / ``denominator`` (− 1 with ``minus_one``)."""

    minus_one: bool = False


class DifferenceTarget(Scoped):
    """``change`` = ``current`` − ``base``."""

    current: FigurePath
    base: FigurePath
    change: FigurePath


class ClaimTarget(Scoped):
    """A ``claim`` (持平, unchanged) that ``current`` and ``base`` must bear out."""

    current: FigurePath
    base: FigurePath
    claim: FigurePath


class BalanceTarget(Scoped):
    """``result`` = Σ ``added`` − Σ ``subtracted``."""

    result: FigurePath
    added: FigurePath
    subtracted: FigurePath


class BoundTarget(Scoped):
    """``lower`` ≤ ``upper`` (an amount cannot exceed its bound)."""

    lower: FigurePath
    upper: FigurePath


class ListTarget(Declared):
    """The items of ``list``, each checked on its own."""

    list: ScopePath


class FieldTarget(Declared):
    """The values ``field`` matches."""

    field: FigurePath


class GrowthTarget(Scoped):
    """``rate`` = ``change`` / (``current`` − ``change``), the prior year recomputed."""

    current: FigurePath
    change: FigurePath
    rate: FigurePath


class TableTarget(Declared):
    """The performance tables a scoring check reads (``for_each``)."""

    for_each: TablePath


class TablesTarget(Declared):
    """Several groups of performance tables read together (``tables``)."""

    tables: tuple[TablePath, ...]


class TextCondition(Declared):
    """The text at ``path`` contains ``contains`` (a label naming what a figure is)."""

    path: FigurePath
    contains: str


class SameFigureTarget(Scoped):
    """``first`` and ``second`` are one figure printed twice (unless ``unless_nonzero``;
    only where ``when_text`` holds)."""

    first: FigurePath
    second: FigurePath
    unless_nonzero: tuple[FigurePath, ...] = ()
    when_text: TextCondition | None = None
    exact: bool = False
    block: bool = True


class SameIndicatorTarget(Declared):
    """Indicators of ``rows`` named like one of ``reference`` agree on ``fields``."""

    what: Label | None = None
    reference: ScopePath
    rows: ScopePath
    fields: tuple[Literal["target", "actual"], ...] = ("target", "actual")


class NegativeParams(Declared):
    """``signed``: field names whose figures may be below zero (changes, variance rates)."""

    signed: tuple[ModelFieldName, ...] = ()


class FractionParams(Declared):
    """``min_places``: a bare number ≤ 1 with at least this many decimals looks like a fraction."""

    min_places: int = 3


class KindSpec(Frozen):
    """A check kind: its target type (None: no targets) and parameter type (None: no params).

    ``engine``: the kind is reported by the loader or engine itself, not by a check function.
    """

    __slots__ = ("target", "params", "engine")
    target: type[Declared] | None
    params: type[Declared] | None
    engine: bool

    def __init__(
        self, target: type[Declared] | None, params: type[Declared] | None = None, engine: bool = False,
    ) -> None:
        set_field(self, "target", target)
        set_field(self, "params", params)
        set_field(self, "engine", engine)


KINDS: dict[str, KindSpec] = {
    "schema": KindSpec(None, engine=True),
    "explanation": KindSpec(None, engine=True),
    "extraction": KindSpec(None, engine=True),
    "truncation": KindSpec(None, engine=True),
    "negative": KindSpec(None, NegativeParams),
    "percent_as_fraction": KindSpec(None, FractionParams),
    "sum": KindSpec(SumTarget),
    "group_sum": KindSpec(GroupSumTarget),
    "table_count": KindSpec(CountTarget),
    "ratio": KindSpec(RatioTarget),
    "growth": KindSpec(GrowthTarget),
    "growth_zero_base": KindSpec(GrowthTarget),
    "negative_prior": KindSpec(GrowthTarget),
    "same_figure": KindSpec(SameFigureTarget),
    "same_indicator": KindSpec(SameIndicatorTarget),
    "convention": KindSpec(TablesTarget),
    "monotone": KindSpec(TablesTarget),
    "whole_base": KindSpec(QuotientTarget),
    "difference": KindSpec(DifferenceTarget),
    "claim_unchanged": KindSpec(ClaimTarget),
    "balance": KindSpec(BalanceTarget),
    "not_above": KindSpec(BoundTarget),
    "statement_sum": KindSpec(ListTarget),
    "damaged": KindSpec(FieldTarget),
    "repaired": KindSpec(FieldTarget),
    **{
        kind: KindSpec(TableTarget)
        for kind in (
            "execution_rate", "execution_score", "weights_total", "score_range", "total_score", "completion_rate",
            "indicator_score", "deadline", "qualitative_band", "satisfaction", "grade", "cost_cover", "far_above",
            "execution_note", "missed_target", "heading_weights", "not_printed", "unmeasured_actual",
            "unspent_outputs_met", "ocr_alternative",
        )
    },
}
"""Every kind a rule may name. Kinds declared for rules on other branches (not_above, balance …)
are loaded only where their check function exists: a rule naming a kind without one is an
error at load, like an unknown kind."""
NO_TARGET = NoTarget()


def parse_target(cls: type[Declared], raw: Any, where: Where = ()) -> Declared:
    """Read a rule's mapping (or bare scalar, for a class with ``SCALAR``) into ``cls``."""
    if cls.SCALAR is not None and isinstance(raw, str):
        raw = {cls.SCALAR: raw}
    if not isinstance(raw, dict):
        raise TargetError(where, f"expected a mapping with keys {', '.join(_names(cls))}, got {_shown(raw)}")
    for key in raw:
        if key not in cls.NAMES:
            raise TargetError(where + (key,), f"unknown key {key!r} (known: {', '.join(_names(cls))})")
    values: dict[str, Any] = {}
    for spec in _fields(cls):
        if spec.name in raw:
            values[spec.name] = _value(spec.type, raw[spec.name], where + (spec.name,))
        elif spec.required:
            raise TargetError(where, f"missing key {spec.name!r}")
    return cls(raw=dict(raw), **values)


def path_fields(target: Declared) -> list[tuple[str, PathRole | FieldOf | AnyField, str]]:
    """Every path or field-name value of a target: (key path text, role, value)."""
    found: list[tuple[str, PathRole | FieldOf | AnyField, str]] = []
    for spec in _fields(type(target)):
        _collect(spec.type, getattr(target, spec.name), spec.name, found)
    return found


def _collect(kind: Any, value: Any, where: str, found: list[tuple[str, PathRole | FieldOf | AnyField, str]]) -> None:
    role = _role(kind)
    if role is not None and isinstance(value, str):
        found.append((where, role, value))
    elif isinstance(value, Declared):
        for spec in _fields(type(value)):
            _collect(spec.type, getattr(value, spec.name), f"{where}.{spec.name}", found)
    elif isinstance(value, tuple):
        inner = get_args(_strip(kind))[0]
        for index, item in enumerate(value):
            _collect(inner, item, f"{where}[{index}]", found)


def _fields(cls: type[Declared]) -> tuple[FieldSpec, ...]:
    return cls.FIELDS


def _names(cls: type[Declared]) -> list[str]:
    return [spec.name for spec in _fields(cls)]


def _shown(raw: Any) -> str:
    return f"{type(raw).__name__} {raw!r}" if not isinstance(raw, (dict, list)) else type(raw).__name__


def _role(kind: Any) -> PathRole | FieldOf | AnyField | None:
    for option in get_args(kind) if _is_optional(kind) else (kind,):
        if get_origin(option) is Annotated:
            return next((m for m in option.__metadata__ if isinstance(m, (PathRole, FieldOf, AnyField))), None)
    return None


def _is_optional(kind: Any) -> bool:
    return get_origin(kind) in (Union, types.UnionType) and type(None) in get_args(kind)


def _strip(kind: Any) -> Any:
    """The type without its ``Annotated`` metadata and without ``| None``."""
    if _is_optional(kind):
        kind = next(arg for arg in get_args(kind) if arg is not type(None))
    return get_args(kind)[0] if get_origin(kind) is Annotated else kind


_PLANS: dict[Any, tuple[bool, Any, Any, tuple[Any, ...]]] = {}


def _plan(kind: Any) -> tuple[bool, Any, Any, tuple[Any, ...]]:
    """``(optional, base type, its origin, its arguments)``, worked out once per declared type."""
    found = _PLANS.get(kind)
    if found is None:
        base = _strip(kind)
        found = _PLANS[kind] = (_is_optional(kind), base, get_origin(base), get_args(base))
    return found


def _value(kind: Any, raw: Any, where: Where) -> Any:
    """``raw`` read as ``kind`` (bool, int, str, Literal, tuple[T, ...], a Declared class)."""
    optional, base, origin, args = _plan(kind)
    if raw is None and optional:
        return None
    if origin is None and issubclass(base, Declared):
        return parse_target(base, raw, where)
    if origin is tuple:
        if not isinstance(raw, list):
            raise TargetError(where, f"expected a list, got {_shown(raw)}")
        return tuple(_value(args[0], item, where + (index,)) for index, item in enumerate(raw))
    if origin is Literal:
        if raw not in args:
            raise TargetError(where, f"{raw!r} is not one of {', '.join(map(repr, args))}")
        return raw
    if base is int and isinstance(raw, bool) or not isinstance(raw, base):
        raise TargetError(where, f"expected {base.__name__}, got {_shown(raw)}")
    return raw
