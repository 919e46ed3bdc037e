"""Settings from ``[tool.budgetcheck]`` in ``pyproject.toml`` or from ``.budgetcheck.toml``.

Discovery walks up from the first checked file: in each folder ``.budgetcheck.toml`` (its
top-level keys, or its own ``[tool.budgetcheck]`` table) wins over a ``pyproject.toml``
that has a ``[tool.budgetcheck]`` table; the first folder with either ends the walk.
Command-line options override every key. Unknown keys and wrong types are errors.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import Text, did_you_mean, os_reason, syntax_reason

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


@dataclass(frozen=True)
class Config:
    """Validated settings and the file they came from (None: no file found)."""

    values: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None

    def get(self, key: str, default: Any = None) -> Any:
        """A setting, or ``default`` when the file does not set it."""
        return self.values.get(key, default)

    def path_setting(self, key: str) -> str | None:
        """A file-name setting resolved against the configuration file's folder."""
        value = self.values.get(key)
        if value is None or self.source is None:
            return value
        return str((self.source.parent / value))


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(Text("config.unreadable", path=path, reason=os_reason(exc))) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Text("config.unreadable", path=path, reason=syntax_reason(exc, "TOML"))) from None


def _table(path: Path, data: dict[str, Any], whole_file: bool) -> dict[str, Any] | None:
    tool = data.get("tool")
    table = tool.get("budgetcheck") if isinstance(tool, dict) else None
    if table is None and whole_file:
        table = data
    if table is not None and not isinstance(table, dict):
        raise ConfigError(Text("config.not_table", path=path))
    return table


def validate(path: Path, table: dict[str, Any]) -> dict[str, Any]:
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


def load(path: Path) -> Config:
    """Read one configuration file given explicitly (``--config``)."""
    data = _read(path)
    table = _table(path, data, whole_file=path.name != "pyproject.toml")
    if table is None:
        raise ConfigError(Text("config.no_table", path=path))
    return Config(validate(path, table), path)


def discover(start: Path) -> Config:
    """Walk up from ``start`` to the first folder with a budgetcheck configuration."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return load(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _table(project, _read(project), whole_file=False)
            if table is not None:
                return Config(validate(project, table), project)
    return Config()
