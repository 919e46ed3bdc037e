"""The settings of one ``validate`` run: command line over configuration file over defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .config import Config
from .findings import Severity
from .kinds import normalise_extensions
from .loader.decode import DEFAULT_MAX_BYTES


def locale_lang(env: Mapping[str, str]) -> str:
    """``zh`` when the locale (LC_ALL, LC_MESSAGES, LANG, in POSIX order) is Chinese, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def default_format(env: Mapping[str, str], is_terminal: bool) -> str:
    """``github`` inside GitHub Actions, ``table`` on a terminal, ``concise`` otherwise."""
    if env.get("GITHUB_ACTIONS", "").lower() == "true":
        return "github"
    return "table" if is_terminal else "concise"


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
    return Settings(
        fmt=_pick(cli, config, "fmt", None) or config.get("format") or default_format(env, is_terminal),
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
        extensions=normalise_extensions(tuple(_pick(cli, config, "include_ext", ()) or config.get("extensions", ()))),
    )
