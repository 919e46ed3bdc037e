"""Scoring profiles (``rules/profiles/*.yaml``): loaded, resolved through ``extends`` and
validated strictly, so that a misspelt key or value is an error naming its file and line.

The settings a profile may hold, and the values each accepts, are the data in
:data:`SETTINGS`; ``docs/scoring.md`` explains what each one means.
"""

from __future__ import annotations

import re
import os
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .rules import CatalogueError, rules_dir, yaml_files
from ..model.figures import FigureError, parse_figure
from ..model.records import Frozen, set_field

if TYPE_CHECKING:
    from .rules import FilePath

TOP_KEYS = ("name", "description", "extends", "sources", "params")


class ProfileError(CatalogueError):
    """A profile file that does not fit the profile format (message: ``file:line: what``)."""


class Profile(Frozen):
    """A named scoring convention with its parameters (``extends`` already applied)."""

    __slots__ = ("name", "description", "params", "extends", "sources")
    name: str
    description: str
    params: dict[str, Any]
    extends: str | None
    sources: tuple[str, ...]

    def __init__(
        self, name: str, description: str, params: dict[str, Any], extends: str | None = None,
        sources: tuple[str, ...] = (),
    ) -> None:
        set_field(self, "name", name)
        set_field(self, "description", description)
        set_field(self, "params", params)
        set_field(self, "extends", extends)
        set_field(self, "sources", sources)


# -- value checkers: each takes a YAML node and the file name, returns a plain value -------
Checker = Callable[[Any, str], Any]


def _where(node: Any, file: str) -> str:
    return f"{file}:{node.start_mark.line + 1}"


def _scalar(node: Any, file: str) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise ProfileError(f"{_where(node, file)}: expected a single value")
    return str(node.value)


def _number(percent: bool) -> Checker:
    def check(node: Any, file: str) -> str:
        text = _scalar(node, file)
        try:
            figure = parse_figure(text, percent=True if percent else None)
        except FigureError:
            figure = None
        if figure is None or (percent and not text.strip().endswith("%")):
            kind = "a percentage such as 90%" if percent else "a number"
            raise ProfileError(f"{_where(node, file)}: {text!r} is not {kind}")
        return text

    return check


def _one_of(*choices: str) -> Checker:
    def check(node: Any, file: str) -> str:
        text = _scalar(node, file)
        if text not in choices:
            raise ProfileError(f"{_where(node, file)}: {text!r} is not one of {', '.join(choices)}")
        return text

    return check


def _list_of(item: Checker, min_items: int = 1, max_items: int | None = None) -> Checker:
    def check(node: Any, file: str) -> list[Any]:
        import yaml

        if isinstance(node, yaml.ScalarNode):
            values = [item(node, file)]
        elif isinstance(node, yaml.SequenceNode):
            values = [item(child, file) for child in node.value]
        else:
            raise ProfileError(f"{_where(node, file)}: expected a list")
        if len(values) < min_items or (max_items is not None and len(values) > max_items):
            count = min_items if max_items == min_items else f"at least {min_items}"
            raise ProfileError(f"{_where(node, file)}: expected {count} value(s)")
        return values

    return check


def _mapping(value: Checker, keys: dict[str, Checker] | None = None, optional: bool = False) -> Checker:
    """A mapping: free keys with ``value`` checks, or the declared ``keys`` (all of them
    unless ``optional``)."""

    def check(node: Any, file: str) -> dict[str, Any]:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            raise ProfileError(f"{_where(node, file)}: expected a mapping")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, file)
            if key in out:
                raise ProfileError(f"{_where(key_node, file)}: duplicate key {key!r}")
            checker = value if keys is None else keys.get(key)
            if checker is None:
                raise ProfileError(f"{_where(key_node, file)}: unknown key {key!r} (expected {', '.join(keys or {})})")
            out[key] = checker(value_node, file)
        missing = [] if optional else [k for k in keys or {} if k not in out]
        if missing:
            raise ProfileError(f"{_where(node, file)}: missing {', '.join(missing)}")
        return out

    return check


def _pattern(groups: tuple[str, ...] = ()) -> Checker:
    """A regular expression (over a 赋分规则 with spaces removed) with the named ``groups``."""

    def check(node: Any, file: str) -> str:
        text = _scalar(node, file)
        try:
            compiled = re.compile(text)
        except re.error as error:
            raise ProfileError(f"{_where(node, file)}: not a regular expression: {text!r} ({error})") from None
        missing = [name for name in groups if name not in compiled.groupindex]
        if missing:
            raise ProfileError(f"{_where(node, file)}: {text!r} needs the groups {', '.join(f'(?P<{g}>…)' for g in missing)}")
        return text

    return check


_text = _scalar
_percent = _number(True)
_band = _list_of(_percent, 2, 2)
SETTINGS: dict[str, Checker] = {
    "execution_score": _list_of(_one_of("capped", "uncapped", "thresholds", "full")),
    "execution_thresholds": _list_of(_mapping(_text, {"min": _percent, "share": _percent})),
    "execution_note_below": _percent,
    "unspent_rate": _percent,
    "above_target": _list_of(_one_of("full", "deviation", "cutoff")),
    "cutoff_rate": _percent,
    "cutoff_levels": _list_of(_text),
    "forward_rate": _list_of(_one_of("ratio", "capped")),
    "reverse_over_target": _list_of(_one_of("linear", "inverse")),
    "reverse_met_rate": _list_of(_one_of("full", "inverse")),
    "far_above_rate": _percent,
    "score_rounding": _one_of("none", "whole", "half"),
    "qualitative_bands": _mapping(_band),
    "qualitative_words": _mapping(_text),
    "grade_bands": _list_of(_mapping(_text, {"grade": _text, "min": _number(False)})),
    "reverse_names": _list_of(_pattern()),
    "execution_rows": _list_of(_pattern()),
    "stated_rules": _mapping(_text, {
        "all_or_nothing": _list_of(_pattern()),
        "per_point": _list_of(_pattern(("step", "points"))),
        "capped": _list_of(_pattern()),
        "judged": _list_of(_pattern()),
    }, optional=True),
}
_TOP: dict[str, Checker] = {
    "name": _text, "description": _text, "extends": _text, "sources": _list_of(_text), "params": _mapping(_text, SETTINGS, optional=True),
}


def _read(path: str) -> tuple[dict[str, Any], Any]:
    """The checked top-level mapping of one profile file, and its YAML node."""
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ProfileError(f"{path}: cannot read the profile ({str(exc).splitlines()[0]})") from None
    if node is None:
        raise ProfileError(f"{path}:1: an empty profile (expected name, description, params)")
    return _top(node, path), node


def _top(node: Any, path: str) -> dict[str, Any]:
    import yaml

    file = str(path)
    if not isinstance(node, yaml.MappingNode):
        raise ProfileError(f"{_where(node, file)}: a profile is a mapping")
    data: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node, file)
        checker = _TOP.get(key)
        if checker is None:
            raise ProfileError(f"{_where(key_node, file)}: unknown key {key!r} (expected {', '.join(TOP_KEYS)})")
        data[key] = checker(value_node, file)
    for required in ("name", "params"):
        if required not in data:
            raise ProfileError(f"{_where(node, file)}: missing {required}")
    _check_words(data["params"], node, file)
    return data


def _check_words(params: dict[str, Any], node: Any, file: str) -> None:
    """Every qualitative word names a band the profile (or the national default) knows."""
    bands = set(params.get("qualitative_bands") or ()) | {"达成", "部分达成", "未达成"}
    for word, band in (params.get("qualitative_words") or {}).items():
        if band not in bands:
            raise ProfileError(f"{_where(node, file)}: qualitative word {word!r} names no band ({band!r})")


def _resolve(name: str, raw: dict[str, tuple[dict[str, Any], str]], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """A profile's params with those of the profiles it extends underneath."""
    data, path = raw[name]
    parent = data.get("extends")
    if parent is None:
        return dict(data["params"])
    if parent not in raw:
        raise ProfileError(f"{path}: extends {parent!r}, which is no profile (known: {', '.join(sorted(raw))})")
    if parent in seen:
        raise ProfileError(f"{path}: extends {parent!r} in a cycle ({' → '.join((*seen, name, parent))})")
    return {**_resolve(parent, raw, (*seen, name)), **data["params"]}


@lru_cache(maxsize=None)
def load_profiles(directory: FilePath | None = None) -> dict[str, Profile]:
    """All scoring profiles by name, validated and with ``extends`` applied."""
    folder = os.path.join(directory or rules_dir(), "profiles")
    raw: dict[str, tuple[dict[str, Any], str]] = {}
    for path in yaml_files(folder):
        data, _ = _read(path)
        if data["name"] in raw:
            raise ProfileError(f"{path}: duplicate profile name {data['name']!r}")
        raw[data["name"]] = (data, path)
    profiles = {}
    for name, (data, _) in sorted(raw.items()):
        profiles[name] = Profile(
            name, str(data.get("description", "")).strip(), _resolve(name, raw),
            data.get("extends"), tuple(data.get("sources") or ()),
        )
    return profiles
