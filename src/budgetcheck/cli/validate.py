"""``budgetcheck validate``: settings → the stream of file results → the report → the exit code.

Ctrl-C stops the run (a process pool too), prints the summary of what was checked and exits
130; a reader that leaves (``| head``) stops it at once, silently, with exit 141.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import IO, Any

import click

from ..run import baseline as baselines
from . import config as configs
from ..catalogue.rules import CatalogueError, load_rules
from .app import fail, load_checked_profiles, write_report
from ..i18n import did_you_mean, os_reason, t
from .clickhelp import install
from ..sources.inputs import STDIN, Expanded, expand, start_directory
from .live import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, Watch, silence_stdout, utf8_stdout, wants_progress
from ..result import FileResult, RunResult
from ..run.runner import Plan, apply_baseline, check_all, select, unreadable
from ..run.selection import Selection, SelectionError
from ..model.records import replace
from .settings import FALLBACK_TERMINAL_FORMAT, TERMINAL_FORMAT, Settings, resolve, wants_colour


def run_validate(inputs: list[str], config_file: str | None, write_baseline: str | None, cli: dict[str, Any]) -> None:
    """Run ``validate`` and exit with its code."""
    expanded = expand(inputs)
    settings = _settings(expanded, config_file, cli)
    if settings.extensions:  # the endings a directory is searched for are a setting too
        expanded = expand(inputs, settings.extensions)
    selection = _selection(settings)
    stdin = sys.stdin.buffer.read() if STDIN in expanded.paths else None
    plan = Plan(settings.profile, settings.max_bytes, settings.jobs, settings.allow_explained_errors, settings.lang)
    files = select(chain(
        check_all(expanded.paths, plan, stdin),
        (unreadable(source, message, settings.lang) for source, message in expanded.problems),
    ), selection)
    out = _open_output(settings.output_file)
    total = len(expanded.paths) + len(expanded.problems)
    progress = settings.quiet < 2 and wants_progress(os.environ, sys.stderr.isatty())
    watch = Watch(total, out, progress=progress, lang=settings.lang)
    try:
        with watch:
            run = RunResult(_watched(files, watch, settings, write_baseline),
                            settings.fail_on, settings.exit_zero, tuple(sorted(selection.codes)),
                            show_summary=settings.quiet == 0,
                            color=wants_colour(settings.color, os.environ, watch.out.isatty()))
            write_report(run, settings, watch.out)
            watch.out.flush()
    except KeyboardInterrupt:
        _interrupted(watch, total, settings)
    except BrokenPipeError:  # `budgetcheck validate … | head`: the reader left, not an error of ours
        silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    finally:
        if out is not None:
            out.close()
    sys.exit(run.exit_code())


def _settings(expanded: Expanded, config_file: str | None, cli: dict[str, Any]) -> Settings:
    try:
        config = configs.load(config_file) if config_file else configs.discover(start_directory(expanded.paths))
    except configs.ConfigError as exc:
        fail(exc.args[0])
    try:
        settings = resolve(cli, config, os.environ, sys.stdout.isatty())
    except ValueError as exc:  # an extension no kind reads
        fail(exc.args[0])
    install(settings.lang)
    from ..reporters import FORMATS

    if settings.fmt == TERMINAL_FORMAT and TERMINAL_FORMAT not in FORMATS:
        return _replace_format(settings, FALLBACK_TERMINAL_FORMAT)
    if settings.fmt not in FORMATS:
        fail(t("cli.unknown_format", name=settings.fmt, hint=did_you_mean(settings.fmt, FORMATS), choices=", ".join(FORMATS)))
    return settings


def _replace_format(settings: Settings, fmt: str) -> Settings:
    return replace(settings, fmt=fmt)


def _selection(settings: Settings) -> Selection:
    try:
        rules = load_rules()
    except CatalogueError as exc:  # a faulty rule file: its file and line
        fail(str(exc))
    try:
        selection = Selection.build(settings.select, settings.ignore, rules)
    except SelectionError as exc:
        fail(exc.args[0])
    profiles = load_checked_profiles()
    if settings.profile is not None and settings.profile not in profiles:
        fail(t("cli.unknown_profile", name=settings.profile, hint=did_you_mean(settings.profile, profiles),
               choices=", ".join(profiles)))
    return selection


def _watched(files: Iterator[FileResult], watch: Watch, settings: Settings,
             write_baseline: str | None) -> Iterable[FileResult]:
    """The results with the baseline applied, counted by the watch as they pass."""
    try:
        if write_baseline:  # needs every finding before anything is reported
            listed = list(watch.stream(files))
            count = baselines.write(write_baseline, [f for file in listed for f in file.findings if not f.explained])
            click.echo(t("cli.error", message=t("cli.wrote_baseline", n=count, path=write_baseline)), err=True)
            return list(apply_baseline(listed, baselines.read(write_baseline)))
        if settings.baseline:
            return watch.stream(apply_baseline(files, baselines.read(settings.baseline)))
    except baselines.BaselineError as exc:
        fail(exc.args[0])
    except OSError as exc:
        fail(t("cli.cannot_write", path=exc.filename, reason=os_reason(exc)))
    return watch.stream(files)


def _open_output(name: str | None) -> IO[str] | None:
    """The ``--output-file``, or None for standard output (made UTF-8)."""
    if name is None:
        utf8_stdout()
        return None
    try:
        return open(name, "w", encoding="utf-8")  # noqa: SIM115 - closed by run_validate
    except OSError as exc:
        fail(t("cli.cannot_write", path=name, reason=os_reason(exc)))


def _interrupted(watch: Watch, total: int, settings: Settings) -> None:
    """Ctrl-C: the summary of what was checked (on stderr; none under ``-qq``), then exit 130."""
    try:
        watch.out.flush()
    except (BrokenPipeError, ValueError):
        pass
    if settings.quiet < 2:
        summary = watch.totals.summary_line(settings.lang)
        click.echo(t("summary.interrupted", settings.lang, files=watch.totals.files, total=total, summary=summary),
                   err=True)
    sys.exit(EXIT_INTERRUPTED)
