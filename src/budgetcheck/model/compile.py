"""Compile the model classes into one pydantic-core validator, without pydantic's BaseModel.

Each class becomes a ``model`` core schema over its fields; field annotations are read from
a small grammar (``T``, ``T | None``, ``list[T]``; ``T`` a model class, a cell type of
``model/types.py``, ``str``, ``int`` or ``bool``), resolved by :func:`types.parse_annotation`
against the classes declared with the model and the named cell types: nothing is
evaluated. The schemas are the ones pydantic itself would generate for these classes, so inputs, error types, messages and locations are the same.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import SchemaValidator, core_schema

from .types import Base, CellType, FieldSpec, ModelDeclarationError, parse_annotation

__all__ = ["ModelDeclarationError", "core_schema_of", "parse_annotation", "validator"]

_SCALARS: dict[str, Any] = {"str": core_schema.str_schema, "int": core_schema.int_schema, "bool": core_schema.bool_schema}


def ref_of(cls: type[Base]) -> str:
    """The definition reference of a model class."""
    return f"{cls.__module__}.{cls.__qualname__}"


class _Compiler:
    """Builds core schemas for a model class and every class it reaches."""

    def __init__(self) -> None:
        self.definitions: dict[str, core_schema.CoreSchema] = {}

    def element(self, element: Any, spec: FieldSpec) -> core_schema.CoreSchema:
        if isinstance(element, CellType):
            return core_schema.no_info_plain_validator_function(element.validate)
        if isinstance(element, str):
            bounds = {key: value for key, value in (("ge", spec.field.ge), ("le", spec.field.le)) if value is not None}
            schema: core_schema.CoreSchema = _SCALARS[element](**bounds)
            return schema
        return self.model(element)

    def field(self, owner: type[Base], spec: FieldSpec) -> core_schema.ModelField:
        shape, element, optional = parse_annotation(owner, spec.annotation)
        schema = self.element(element, spec)
        if shape == "list":
            schema = core_schema.list_schema(schema)
        if optional:
            schema = core_schema.nullable_schema(schema)
        declared = spec.field
        if declared.default_factory is not None:
            schema = core_schema.with_default_schema(schema, default_factory=declared.default_factory)
        elif not declared.required:
            schema = core_schema.with_default_schema(schema, default=declared.default)
        return core_schema.model_field(schema)

    def model(self, cls: type[Base]) -> core_schema.CoreSchema:
        ref = ref_of(cls)
        if ref not in self.definitions:
            self.definitions[ref] = core_schema.none_schema()  # placeholder: breaks cycles
            fields = {name: self.field(cls, spec) for name, spec in cls.__pydantic_fields__.items()}
            config = core_schema.CoreConfig(title=cls.__name__, extra_fields_behavior="forbid")
            self.definitions[ref] = core_schema.model_schema(
                cls,
                core_schema.model_fields_schema(fields, model_name=cls.__name__, extra_behavior="forbid"),
                custom_init=False,
                root_model=False,
                config=config,
                ref=ref,
            )
        return core_schema.definition_reference_schema(ref)


def core_schema_of(cls: type[Base]) -> core_schema.CoreSchema:
    """The complete core schema of a model class (with the definitions of every class it uses)."""
    compiler = _Compiler()
    root = compiler.model(cls)
    return core_schema.definitions_schema(root, list(compiler.definitions.values()))


_VALIDATORS: dict[type[Base], SchemaValidator] = {}


def validator(cls: type[Base]) -> SchemaValidator:
    """The validator of a model class, built once per process."""
    found = _VALIDATORS.get(cls)
    if found is None:
        found = _VALIDATORS[cls] = SchemaValidator(core_schema_of(cls))
    return found
