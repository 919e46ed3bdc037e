"""The report model as pydantic ``BaseModel`` classes: what ``from budgetcheck.model import Report`` gives.

One class per declaration of ``model/report.py`` (same name, docstring, fields, defaults
and cell types), made when this module is first imported, so a field added or made
optional there is added or optional here too. They are ordinary pydantic models: keyword
construction, ``model_validate``/``model_validate_json``, ``model_dump(mode=...)`` (JSON mode writes each
printed cell as its text; Python mode, as pydantic does for a dataclass, as a mapping of the
:class:`~budgetcheck.model.figures.Figure`'s fields, and ``model_validate`` reads either back),
``model_dump_json``, ``model_json_schema``, ``model_copy``, nesting in other models,
``TypeAdapter``, ``copy.deepcopy`` and pickle (the classes live in this module under their
own names).

The command line does not import this module: it validates with the records of
``model/report.py`` compiled into one pydantic-core validator (``model/compile.py``), which
``tests/test_model_compile.py`` proves accepts, rejects and dumps exactly as these classes do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Annotated, Any, ForwardRef, Optional

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema

from .figures import Figure
from .measures import Measure
from .records import Record, field_names
from . import report
from .types import Base, CellType, FieldSpec, Placeholder, parse_annotation

_SCALARS = {"str": str, "int": int, "bool": bool}
_CONFIG = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True)


def _text_of(value: object) -> str:
    if isinstance(value, (Figure, Placeholder, Measure)):
        return value.text
    return str(value)


def _field_names(kind: type) -> frozenset[str]:
    """The fields of a cell class, a dataclass or a record."""
    if issubclass(kind, Record):
        return frozenset(field_names(kind))
    return frozenset(spec.name for spec in dataclasses.fields(kind))  # type: ignore[arg-type]


_DUMPED = [_field_names(kind) for kind in (Figure, Placeholder, Measure)]


def _reading_dumps(validate: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``validate``, also reading back a cell as ``model_dump()`` writes it (its fields, by its text)."""

    def read(raw: Any) -> Any:
        if isinstance(raw, dict) and frozenset(raw) in _DUMPED:
            raw = raw["text"]
        return validate(raw)

    return read


def _cell(cell: CellType) -> Any:
    """A cell type as an annotated pydantic type: read from its text, written back as text in JSON."""
    inner: Any = Measure if cell.name == "MeasureCell" else (Figure | Placeholder if cell.cells else Figure)
    return Annotated[
        inner,
        PlainValidator(_reading_dumps(cell.validate)),
        PlainSerializer(_text_of, return_type=str, when_used="json"),
        WithJsonSchema(cell.json_schema),
    ]


def _annotation(owner: type[Base], spec: FieldSpec) -> Any:
    shape, element, optional = parse_annotation(owner, spec.annotation)
    if isinstance(element, CellType):
        kind: Any = _cell(element)
    elif isinstance(element, str):
        kind = _SCALARS[element]
    else:
        kind = ForwardRef(element.__name__)  # resolved against the classes made here, below
    if shape == "list":
        kind = list[kind]
    return Optional[kind] if optional else kind  # noqa: UP007 - kind may be a ForwardRef


def _field(spec: FieldSpec) -> Any:
    declared = spec.field
    if declared.default_factory is not None:
        return Field(default_factory=declared.default_factory, ge=declared.ge, le=declared.le)
    if not declared.required:
        return Field(default=declared.default, ge=declared.ge, le=declared.le)
    return Field(ge=declared.ge, le=declared.le)


def _public_class(cls: type[Base]) -> type[BaseModel]:
    """The pydantic class of one declaration (its nested classes still forward references)."""
    namespace: dict[str, Any] = {"__doc__": cls.__doc__, "__module__": __name__, "__qualname__": cls.__qualname__}
    namespace["model_config"] = _CONFIG
    namespace["__annotations__"] = {name: _annotation(cls, spec) for name, spec in cls.__pydantic_fields__.items()}
    namespace.update({name: _field(spec) for name, spec in cls.__pydantic_fields__.items()})
    metaclass: Any = type(BaseModel)
    made: type[BaseModel] = metaclass(cls.__name__, (BaseModel,), namespace)
    return made


def _make_all() -> dict[str, type[BaseModel]]:
    made = {name: _public_class(cls) for name, cls in report.Report.__declared__.items()}
    for model in made.values():
        model.model_rebuild(_types_namespace=dict(made))
    return made


CLASSES: dict[str, type[BaseModel]] = _make_all()
"""Every public model class by name (``Report``, ``Unit``, ``Item`` …)."""
globals().update(CLASSES)  # importable by name, as pickle looks them up


def public_class(cls: type[Base]) -> type[BaseModel]:
    """The public pydantic class of a declared model class."""
    return CLASSES[cls.__name__]


def to_public(record: Base) -> BaseModel:
    """The public model instance holding the same values as a validated record."""
    return public_class(type(record)).model_validate(record.model_dump())


def __getattr__(name: str) -> Any:  # for the type checker: the classes above are set dynamically
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
