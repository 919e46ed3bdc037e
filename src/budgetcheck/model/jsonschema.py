"""The JSON Schema of the report model, as pydantic writes it for the public model classes.

Only ``budgetcheck schema`` (and the benchmark) needs this, so pydantic's model machinery is
imported here and nowhere on the validation path.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .types import Base


def twin_of(cls: type[Base]) -> type[BaseModel]:
    """The public pydantic class of a declared model class (see :mod:`budgetcheck.model.public`)."""
    from .public import public_class

    return public_class(cls)


def json_schema(cls: type[Base]) -> dict[str, Any]:
    """The JSON Schema of a model class."""
    schema: dict[str, Any] = twin_of(cls).model_json_schema()
    return schema
