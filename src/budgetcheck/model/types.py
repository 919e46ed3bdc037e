"""Field types and the base class of the report model.

The model is declared like a pydantic model (annotated class attributes, ``Field`` for
defaults and bounds) but its classes are plain frozen records: importing pydantic's
``BaseModel`` machinery and generating a schema from 30 classes cost more than the rest of
a ``budgetcheck validate`` run (bench/README.md). Validation is still pydantic's: the
classes are compiled, on first use, into one pydantic-core validator (``model/compile.py``),
so the accepted input and the error types, messages and locations are pydantic's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar

from .figures import Figure, FigureError, is_placeholder, parse_figure
from .measures import Measure, parse_measure
from .records import Frozen, set_field

M = TypeVar("M", bound="Base")


class Placeholder(Frozen):
    """A "not applicable" cell (``/``, ``—``, ``-``, blank) kept distinct from a number."""

    __slots__ = ("text",)
    text: str

    def __init__(self, text: str) -> None:
        set_field(self, "text", text)

    def __str__(self) -> str:
        return self.text


_NO_DEFAULT: Any = object()
_DECLARED: dict[str, dict[str, type[Base]]] = {}  # module → its model classes by name


class FieldInfo(Frozen):
    """A field's default (value or factory) and integer bounds, as in ``pydantic.Field``."""

    __slots__ = ("default", "default_factory", "ge", "le")
    default: Any
    default_factory: Callable[[], Any] | None
    ge: int | None
    le: int | None

    def __init__(
        self, default: Any = _NO_DEFAULT, default_factory: Callable[[], Any] | None = None,
        ge: int | None = None, le: int | None = None,
    ) -> None:
        set_field(self, "default", default)
        set_field(self, "default_factory", default_factory)
        set_field(self, "ge", ge)
        set_field(self, "le", le)

    @property
    def required(self) -> bool:
        """Whether the input must give the field."""
        return self.default is _NO_DEFAULT and self.default_factory is None


def Field(  # noqa: N802 - named like pydantic's, which the declarations read as
    default: Any = _NO_DEFAULT,
    *,
    default_factory: Callable[[], Any] | None = None,
    ge: int | None = None,
    le: int | None = None,
) -> Any:
    """Declare a field's default or bounds (typed ``Any`` so it fits any annotation)."""
    return FieldInfo(default, default_factory, ge, le)


class FieldSpec(Frozen):
    """One declared field of a model class: its annotation (as written) and default."""

    __slots__ = ("name", "annotation", "field")
    name: str
    annotation: str
    field: FieldInfo

    def __init__(self, name: str, annotation: str, field: FieldInfo) -> None:
        set_field(self, "name", name)
        set_field(self, "annotation", annotation)
        set_field(self, "field", field)


class Base:
    """Base of every report section: unknown keys are errors, values are immutable.

    ``__pydantic_fields__`` (the declared fields, in order) keeps pydantic's name so that
    code walking a model's fields works on these classes too.
    """

    __slots__ = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
    __pydantic_fields__: ClassVar[dict[str, FieldSpec]] = {}
    __declared__: ClassVar[dict[str, type[Base]]] = {}
    """The model classes declared in the same module, by name: what annotations may name."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Collect the annotated fields of a model class (types are resolved on first use)."""
        super().__init_subclass__(**kwargs)
        fields: dict[str, FieldSpec] = {}
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if str(annotation).startswith("ClassVar"):
                continue
            declared = cls.__dict__.get(name, _NO_DEFAULT)
            spec = declared if isinstance(declared, FieldInfo) else FieldInfo(default=declared)
            if name in cls.__dict__:
                delattr(cls, name)  # the instance's value, never a class default, is read
            fields[name] = FieldSpec(name, str(annotation), spec)
        cls.__pydantic_fields__ = fields
        declared_here = _DECLARED.setdefault(cls.__module__, {})
        declared_here[cls.__name__] = cls
        cls.__declared__ = declared_here

    @classmethod
    def model_validate(cls: type[M], data: Any) -> M:
        """Validate raw data (raises ``pydantic.ValidationError`` listing every misfit)."""
        from .compile import validator

        result: M = validator(cls).validate_python(data)
        return result

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        """The JSON Schema of this model (for editors and schema validators)."""
        from .jsonschema import json_schema

        return json_schema(cls)

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """Every field as plain data; printed cells as their printed text."""
        return {name: _dump(getattr(self, name)) for name in type(self).__pydantic_fields__}

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({shown})"


def _dump(value: Any) -> Any:
    if isinstance(value, Base):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if isinstance(value, (Figure, Placeholder, Measure)):
        return value.text
    return value


class CellType(Frozen):
    """A field type read from printed text: a figure (or placeholder) or an indicator measure.

    ``validate`` turns the raw scalar into the value; ``json_schema`` describes the input.
    """

    __slots__ = ("name", "validate", "json_schema", "cells")
    name: str
    validate: Callable[[Any], Any]
    json_schema: dict[str, Any]
    cells: bool

    def __init__(
        self, name: str, validate: Callable[[Any], Any], json_schema: dict[str, Any], cells: bool = False,
    ) -> None:
        set_field(self, "name", name)
        set_field(self, "validate", validate)
        set_field(self, "json_schema", json_schema)
        set_field(self, "cells", cells)


def _figure_validator(
    percent: bool | None, suffixes: tuple[str, ...], cells: bool, counted: bool = False
) -> Callable[[Any], Any]:
    def validate(raw: Any) -> Any:
        if isinstance(raw, (Figure, Placeholder)):
            return raw
        if cells and isinstance(raw, str) and is_placeholder(raw):
            return Placeholder(raw.strip())
        try:
            return parse_figure(raw, percent=percent, suffixes=suffixes, counted=counted)
        except FigureError as exc:
            raise ValueError(str(exc)) from None

    return validate


def _figure_type(
    name: str, percent: bool | None, suffixes: tuple[str, ...], cells: bool, example: str, counted: bool = False
) -> CellType:
    schema = {"type": ["string", "number"], "examples": [example]}
    return CellType(name, _figure_validator(percent, suffixes, cells, counted), schema, cells)


def _measure(raw: Any) -> Measure:
    if isinstance(raw, Measure):
        return raw
    try:
        return parse_measure(raw)
    except FigureError as exc:
        raise ValueError(str(exc)) from None


if TYPE_CHECKING:  # what a field holds, for the type checker; at run time, how to read it
    Amount: TypeAlias = Figure
    Percent: TypeAlias = Figure
    Count: TypeAlias = Figure
    Score: TypeAlias = Figure
    AmountCell: TypeAlias = Figure | Placeholder
    PercentCell: TypeAlias = Figure | Placeholder
    ScoreCell: TypeAlias = Figure | Placeholder
    MeasureCell: TypeAlias = Measure
else:
    Amount = _figure_type("Amount", False, ("万元", "元"), False, "2,310.50")
    """An amount of money (万元 unless stated), signed where it is a change."""
    Percent = _figure_type("Percent", True, (), False, "93.61%")
    """A percentage; a bare number is read as percentage points."""
    Count = _figure_type("Count", False, ("人", "辆", "个", "台", "台（套）", "次", "批次", "人次", "份"), False, "5", counted=True)
    """A whole count (people, vehicles, projects)."""
    Score = _figure_type("Score", False, ("分",), False, "9.36")
    """A weight or score in points."""
    AmountCell = _figure_type("AmountCell", False, ("万元", "元"), True, "14.10")
    """An amount table cell that may be a placeholder."""
    PercentCell = _figure_type("PercentCell", True, (), True, "100.00%")
    """A percentage table cell that may be a placeholder."""
    ScoreCell = _figure_type("ScoreCell", False, ("分",), True, "10")
    """A weight or score table cell that may be a placeholder."""
    MeasureCell = CellType(
        "MeasureCell",
        _measure,
        {"type": ["string", "number"], "examples": [">=90%", "=1套", "2024年12月15日前", "提升"]},
    )
    """An indicator target or actual: operator + number + unit, a date, a word or a placeholder."""


_CELLS: Any = (Amount, Percent, Count, Score, AmountCell, PercentCell, ScoreCell, MeasureCell)
CELL_TYPES: dict[str, CellType] = {cell.name: cell for cell in _CELLS}
"""The cell types an annotation may name (the names above, never looked up elsewhere)."""
SCALARS = ("str", "int", "bool")


class ModelDeclarationError(TypeError):
    """A model field whose annotation is outside the grammar the model is read with."""


def resolve_name(owner: type[Base], name: str) -> Any:
    """What a bare type name in ``owner``'s annotations stands for.

    A scalar (``str``, ``int``, ``bool``, returned as its name), a cell type of this module,
    or a model class declared in ``owner``'s module: a closed set known when the classes are
    declared, so nothing is evaluated and no module global can change what a name means.
    """
    if name in SCALARS:
        return name
    found = CELL_TYPES.get(name) or owner.__declared__.get(name)
    if found is None:
        raise ModelDeclarationError(f"{owner.__name__}: unknown type {name!r} in an annotation")
    return found


def parse_annotation(owner: type[Base], text: str) -> tuple[str, Any, bool]:
    """``(shape, element, optional)``: shape ``one`` or ``list``; element as :func:`resolve_name`."""
    parts = [part.strip() for part in text.split("|")]
    optional = "None" in parts
    parts = [part for part in parts if part != "None"]
    if len(parts) != 1:
        raise ModelDeclarationError(f"{owner.__name__}: unsupported annotation {text!r}")
    part = parts[0]
    if part.startswith("list[") and part.endswith("]"):
        return "list", resolve_name(owner, part[5:-1].strip()), optional
    return "one", resolve_name(owner, part), optional
