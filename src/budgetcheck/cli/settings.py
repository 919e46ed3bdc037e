"""The settings of one ``validate`` run: command line over configuration file over defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .config import Config
from ..i18n import locale_lang
from ..sources.kinds import normalise_extensions
from ..sources.decode import DEFAULT_MAX_BYTES
from ..result import Severity

__all__ = ["Settings", "default_format", "locale_lang", "resolve", "wants_colour"]

TERMINAL_FORMAT, FALLBACK_TERMINAL_FORMAT = "full", "table"


def default_format(env: Mapping[str, str], is_terminal: bool) -> str:
    """``github`` inside GitHub Actions, ``full`` on a terminal, ``concise`` otherwise."""
    if env.get("GITHUB_ACTIONS", "").lower() == "true":
        return "github"
    return TERMINAL_FORMAT if is_terminal else "concise"


def wants_colour(choice: str, env: Mapping[str, str], is_terminal: bool) -> bool:
    """``--color``: always/never as said; auto colours a terminal unless NO_COLOR is set
    (FORCE_COLOR colours a pipe too)."""
    if choice in ("always", "never"):
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    return bool(env.get("FORCE_COLOR")) or is_terminal


@dataclass(frozen=True)
class Settings:
    """Everything ``validate`` needs besides the inputs."""

    fmt: str
    lang: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: Severity
    exit_zero: bool
    profile: str | None
    jobs: int
    max_bytes: int
    baseline: str | None
    allow_explained_errors: bool
    quiet: int = 0
    statistics: bool = False
    color: str = "auto"
    output_file: str | None = None
    extensions: tuple[str, ...] = ()  # file endings a directory is searched for (empty: every kind)


def _pick(cli: Mapping[str, Any], config: Config, key: str, default: Any) -> Any:
    value = cli.get(key)
    if value is not None and value != ():
        return value
    return config.get(key.replace("_", "-"), default)


def resolve(cli: Mapping[str, Any], config: Config, env: Mapping[str, str] | None = None,
            is_terminal: bool = False) -> Settings:
    """Merge command-line values (None: not given) with the configuration and defaults."""
    env = os.environ if env is None else env
    baseline = cli.get("baseline") or config.path_setting("baseline")
    output_file = cli.get("output_file")
    return Settings(
        fmt=_pick(cli, config, "fmt", None) or config.get("format")
        or default_format(env, is_terminal and output_file is None),
        lang=_pick(cli, config, "lang", None) or locale_lang(env),
        select=tuple(_pick(cli, config, "select", ())),
        ignore=tuple(_pick(cli, config, "ignore", ())),
        fail_on=Severity(_pick(cli, config, "fail_on", "error")),
        exit_zero=bool(_pick(cli, config, "exit_zero", False)),
        profile=_pick(cli, config, "profile", None),
        jobs=max(1, int(_pick(cli, config, "jobs", os.cpu_count() or 1))),
        max_bytes=int(_pick(cli, config, "max_bytes", DEFAULT_MAX_BYTES)),
        baseline=baseline,
        allow_explained_errors=bool(_pick(cli, config, "allow_explained_errors", False)),
        quiet=int(cli.get("quiet") or 0),
        statistics=bool(_pick(cli, config, "statistics", False)),
        color=str(_pick(cli, config, "color", "auto")),
        output_file=output_file,
        extensions=normalise_extensions(tuple(_pick(cli, config, "include_ext", ()) or config.get("extensions", ()))),
    )
