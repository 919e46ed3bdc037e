"""Settings from ``[tool.budgetcheck]`` in ``pyproject.toml`` or from ``.budgetcheck.toml``.

Discovery walks up from the first checked file: in each folder ``.budgetcheck.toml`` (its
top-level keys, or its own ``[tool.budgetcheck]`` table) wins over a ``pyproject.toml``
that has a ``[tool.budgetcheck]`` table; the first folder with either ends the walk.
Command-line options override every key. Unknown keys and wrong types are errors.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from ..i18n import Text, did_you_mean, os_reason, syntax_reason
from ..model.records import Frozen, set_field

if TYPE_CHECKING:
    from ..catalogue.rules import FilePath

CONFIG_NAME = ".budgetcheck.toml"


class ConfigError(ValueError):
    """A configuration file that cannot be read or has unknown keys or bad values."""


# key → (type, allowed values or None)
_KEYS: dict[str, tuple[type, tuple[str, ...] | None]] = {
    "select": (list, None),
    "ignore": (list, None),
    "fail-on": (str, ("error", "warning", "info")),
    "exit-zero": (bool, None),
    "profile": (str, None),
    "lang": (str, ("en", "zh")),
    "format": (str, None),
    "jobs": (int, None),
    "baseline": (str, None),
    "allow-explained-errors": (bool, None),
    "max-bytes": (int, None),
    "statistics": (bool, None),
    "color": (str, ("auto", "always", "never")),
    "extensions": (list, None),  # what `validate DIR` looks for: "yaml", ".txt", ... (budgetcheck.sources.kinds)
}


class Config(Frozen):
    """Validated settings and the file they came from (None: no file found)."""

    __slots__ = ("values", "source")
    values: dict[str, Any]
    source: FilePath | None

    def __init__(self, values: dict[str, Any] | None = None, source: FilePath | None = None) -> None:
        set_field(self, "values", {} if values is None else values)
        set_field(self, "source", source)

    def get(self, key: str, default: Any = None) -> Any:
        """A setting, or ``default`` when the file does not set it."""
        return self.values.get(key, default)

    def path_setting(self, key: str) -> str | None:
        """A file-name setting resolved against the configuration file's folder."""
        value = self.values.get(key)
        if value is None or self.source is None:
            return value
        return os.path.join(os.path.dirname(self.source), value)


def _read(path: FilePath) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise ConfigError(Text("config.unreadable", path=path, reason=os_reason(exc))) from None
    return _parse(path, raw)


def _parse(path: FilePath, raw: bytes) -> dict[str, Any]:
    import tomllib  # only once a configuration file is found

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(Text("config.unreadable", path=path, reason=syntax_reason(exc, "TOML"))) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Text("config.unreadable", path=path, reason=syntax_reason(exc, "TOML"))) from None


# Every way TOML can spell the key path tool.budgetcheck puts one of these in the file; a
# pyproject.toml with none of them holds no budgetcheck table and is not parsed at all.
_MAY_HOLD_TABLE = (
    rb"^[ \t]*\[[^\n]*budgetcheck",  # a table header naming it: [tool.budgetcheck], [[tool."budgetcheck".x]]
    rb"^[ \t]*\[[ \t]*[\"']?tool[\"']?[ \t]*\]",  # a [tool] table, whose keys may name it
    rb"tool[\"']?[ \t]*\.[ \t]*[\"']?budgetcheck",  # a dotted key: tool.budgetcheck.fail-on = ...
    rb"tool[\"']?[ \t]*=[ \t]*\{",  # an inline table: tool = {budgetcheck = {...}}
    rb"\\[uU]",  # a key spelt with escapes
)


def _project_table(path: FilePath) -> dict[str, Any] | None:
    """The ``[tool.budgetcheck]`` table of a ``pyproject.toml``, or None."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise ConfigError(Text("config.unreadable", path=path, reason=os_reason(exc))) from None
    if not re.search(b"|".join(_MAY_HOLD_TABLE), raw, re.MULTILINE):
        return None  # most projects' pyproject.toml configures other tools only
    return _table(path, _parse(path, raw), whole_file=False)


def _table(path: FilePath, data: dict[str, Any], whole_file: bool) -> dict[str, Any] | None:
    tool = data.get("tool")
    table = tool.get("budgetcheck") if isinstance(tool, dict) else None
    if table is None and whole_file:
        table = data
    if table is not None and not isinstance(table, dict):
        raise ConfigError(Text("config.not_table", path=path))
    return table


def validate(path: FilePath, table: dict[str, Any]) -> dict[str, Any]:
    """Check keys and types; ``snake_case`` keys are accepted as ``kebab-case``."""
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(Text("config.unknown_key", path=path, key=raw_key, known=known,
                                   hint=did_you_mean(key, _KEYS)))
        kind, allowed = _KEYS[key]
        if kind is list and isinstance(value, str):
            value = [value]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(Text("config.wrong_type", path=path, key=raw_key, kind=kind.__name__))
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            raise ConfigError(Text("config.not_strings", path=path, key=raw_key))
        if allowed is not None and value not in allowed:
            raise ConfigError(Text("config.not_allowed", path=path, key=raw_key, allowed=", ".join(allowed),
                                   hint=did_you_mean(str(value), allowed)))
        values[key] = value
    return values


def load(path: FilePath) -> Config:
    """Read one configuration file given explicitly (``--config``)."""
    data = _read(path)
    table = _table(path, data, whole_file=os.path.basename(path) != "pyproject.toml")
    if table is None:
        raise ConfigError(Text("config.no_table", path=path))
    return Config(validate(path, table), path)


def discover(start: FilePath) -> Config:
    """Walk up from ``start`` (an absolute folder) to the first folder with a budgetcheck configuration."""
    folder = os.fspath(start)
    while True:
        own = os.path.join(folder, CONFIG_NAME)
        if os.path.isfile(own):
            return load(own)
        project = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(project):
            table = _project_table(project)
            if table is not None:
                return Config(validate(project, table), project)
        parent = os.path.dirname(folder)
        if parent == folder:
            return Config()
        folder = parent
