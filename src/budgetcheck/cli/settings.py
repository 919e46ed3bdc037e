"""The settings of one ``validate`` run: command line over configuration file over defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from .config import Config
from ..i18n import locale_lang
from ..sources.kinds import normalise_extensions
from ..sources.decode import DEFAULT_MAX_BYTES
from ..result import Severity
from ..model.records import Frozen, set_field

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


class Settings(Frozen):
    """Everything ``validate`` needs besides the inputs."""

    __slots__ = ("fmt", "lang", "select", "ignore", "fail_on", "exit_zero", "profile", "jobs", "max_bytes",
                 "baseline", "allow_explained_errors", "quiet", "statistics", "color", "output_file",
                 "extensions")
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
    quiet: int
    statistics: bool
    color: str
    output_file: str | None
    extensions: tuple[str, ...]  # file endings a directory is searched for (empty: every kind)

    def __init__(
        self, fmt: str, lang: str, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: Severity,
        exit_zero: bool, profile: str | None, jobs: int, max_bytes: int, baseline: str | None,
        allow_explained_errors: bool, quiet: int = 0, statistics: bool = False, color: str = "auto",
        output_file: str | None = None, extensions: tuple[str, ...] = (),
    ) -> None:
        set_field(self, "fmt", fmt)
        set_field(self, "lang", lang)
        set_field(self, "select", select)
        set_field(self, "ignore", ignore)
        set_field(self, "fail_on", fail_on)
        set_field(self, "exit_zero", exit_zero)
        set_field(self, "profile", profile)
        set_field(self, "jobs", jobs)
        set_field(self, "max_bytes", max_bytes)
        set_field(self, "baseline", baseline)
        set_field(self, "allow_explained_errors", allow_explained_errors)
        set_field(self, "quiet", quiet)
        set_field(self, "statistics", statistics)
        set_field(self, "color", color)
        set_field(self, "output_file", output_file)
        set_field(self, "extensions", extensions)


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
