"""Check, when the catalogue loads, that every path a rule target names reaches a model field."""

from __future__ import annotations

from typing import Any

from ..model.fields import FieldPathError, resolve_type
from ..model.report import Report
from ..model.types import Base
from ..model.paths import PathError, parse_path
from .targets import AnyField, Declared, FieldOf, PathRole, TargetError, Where, path_fields


def _where(text: str) -> Where:
    """``parts[1].path`` as the key path ``("parts", 1, "path")``."""
    return tuple(parse_path(text))


def _resolve(root: type[Base], text: str, where: Where) -> Any:
    try:
        return resolve_type(root, parse_path(text))
    except (PathError, FieldPathError) as exc:
        raise TargetError(where, f"{text!r}: {exc}") from None


def check_target_paths(target: Declared, where: Where = ()) -> None:
    """Raise :class:`TargetError` (at the key) for a path of ``target`` that names no field."""
    found = path_fields(target)
    resolved: dict[str, Any] = {}
    scope: Any = Report
    for key, role, text in found:  # scopes first: figure paths and field names read them
        if isinstance(role, PathRole) and role.role == "scope":
            resolved[key] = _resolve(Report, text, where + _where(key))
            _check_element(resolved[key], role, text, where + _where(key))
            if key == "for_each":
                scope = resolved[key]
    for key, role, text in found:
        at = where + _where(key)
        if isinstance(role, AnyField):
            if not any(text in cls.__pydantic_fields__ for cls in Report.__declared__.values()):
                raise TargetError(at, f"{text!r} is a field of no model class")
        elif isinstance(role, FieldOf):
            _check_field_name(resolved.get(role.of), text, role.of, at)
        elif role.role == "figure" and text.startswith("."):
            if scope is Report:
                raise TargetError(at, f"{text!r} is relative (starts with '.') but the target has no for_each")
            _resolve(scope, text[1:], at)
        elif role.role == "figure":
            _resolve(Report, text, at)


def _check_element(found: Any, role: PathRole, text: str, where: Where) -> None:
    if role.element is not None and getattr(found, "__name__", None) != role.element:
        raise TargetError(where, f"{text!r} reaches {getattr(found, '__name__', found)}, not {role.element}")


def _check_field_name(owner: Any, name: str, of: str, where: Where) -> None:
    fields = getattr(owner, "__pydantic_fields__", None)
    if fields is None or name not in fields:
        known = ", ".join(fields or ())
        raise TargetError(where, f"{name!r} is not a field of what {of} matches (fields: {known})")
