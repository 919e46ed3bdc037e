"""A JSON cache of the parsed rule catalogue, so a run does not re-parse 30-odd YAML files.

The cache lives in the user's cache directory (``$BUDGETCHECK_CACHE_DIR``, else
``$XDG_CACHE_HOME/budgetcheck``, else ``~/.cache/budgetcheck``); its key is the package
version and each rule file's path, size and modification time, so an edited rule file is
read again. It holds plain JSON (never pickle, nothing executable) and is written only when
reading it back gives exactly what the YAML gave.
``BUDGETCHECK_NO_CACHE=1`` turns it off; any problem with it falls back to the YAML.
"""

from __future__ import annotations

import binascii
import json
import os
from collections.abc import Callable
from typing import Any, TypeVar

from .. import __version__

T = TypeVar("T")
FORMAT = 1


def cache_dir() -> str:
    """Where cache files go."""
    explicit = os.environ.get("BUDGETCHECK_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "budgetcheck")


def cache_key(paths: list[str]) -> str:
    """The version and each file's path, size and modification time, as one string."""
    parts = [f"{FORMAT} {__version__}"]
    for path in paths:
        stat = os.stat(path)
        parts.append(f"{os.path.realpath(path)} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(parts)


def cached(
    paths: list[str],
    build: Callable[[], dict[str, T]],
    to_json: Callable[[T], dict[str, Any]],
    from_json: Callable[[dict[str, Any]], T],
) -> dict[str, T]:
    """``build()`` (a mapping of values read from ``paths``), through the JSON cache."""
    if os.environ.get("BUDGETCHECK_NO_CACHE") or not paths:
        return build()
    try:
        key = cache_key(paths)
    except OSError:
        return build()
    # The file name is a checksum of the key (binascii's CRC-32, which the YAML loader has
    # imported already; hashlib's import alone costs 3 ms); the file repeats the whole key,
    # so a checksum collision is a miss, never a wrong catalogue.
    file = os.path.join(cache_dir(), f"catalogue-{binascii.crc32(key.encode()):08x}.json")
    try:
        with open(file, encoding="utf-8") as handle:
            stored = json.load(handle)
        if stored["key"] == key:
            return {name: from_json(value) for name, value in stored["values"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # absent or unreadable: rebuild
    built = build()
    _write(file, key, built, to_json, from_json)
    return built


def _write(
    file: str,
    key: str,
    built: dict[str, T],
    to_json: Callable[[T], dict[str, Any]],
    from_json: Callable[[dict[str, Any]], T],
) -> None:
    """Store ``built`` when it survives a JSON round trip unchanged (else leave no cache)."""
    try:
        values = {name: to_json(value) for name, value in built.items()}
        text = json.dumps({"key": key, "values": values}, ensure_ascii=False)
        if {name: from_json(value) for name, value in json.loads(text)["values"].items()} != built:
            return
        os.makedirs(os.path.dirname(file), exist_ok=True)
        partial = f"{file}.{os.getpid()}.tmp"
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(partial, file)
    except (OSError, TypeError, ValueError):
        return
