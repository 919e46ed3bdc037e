"""The ``budgetcheck`` command line. The only module that talks to the terminal.

Heavy libraries (pydantic, rich, the reporters) are imported inside the commands, so that
``budgetcheck --version`` stays cheap.
"""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

import click

from . import __version__

FORMATS = ("table", "concise", "json", "sarif", "github", "junit")  # = reporters.FORMATS
EXIT_ERROR = 2

EXAMPLES = """
\b
Examples:
  budgetcheck validate fixtures/changji-2024.yaml
  budgetcheck validate reports/                      # every *.yaml/*.yml below
  budgetcheck validate --format concise --fail-on warning reports/*.yaml
  cat report.yaml | budgetcheck validate -
  budgetcheck validate --format sarif reports/ > budgetcheck.sarif
  budgetcheck validate --select BC1 --ignore BC009 report.yaml
  budgetcheck validate --write-baseline .budgetcheck-baseline.json reports/
  budgetcheck validate --baseline .budgetcheck-baseline.json reports/
  budgetcheck rules --format json
  budgetcheck rule BC101
  budgetcheck schema > report.schema.json
"""


def _fail(message: str) -> NoReturn:
    """Print a one-line error to stderr and exit 2 (usage, configuration or input error)."""
    click.echo(f"budgetcheck: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _catalogue() -> dict[str, Any]:
    """The rule catalogue; a faulty rule file exits 2 with its file and line."""
    from .catalogue import CatalogueError, load_rules

    try:
        return load_rules()
    except CatalogueError as exc:
        _fail(str(exc))


def _utf8_stdout() -> None:
    """Reports hold Chinese text: write UTF-8 whatever the locale says."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8")


_FREEZE_AT_EXIT: list[bool] = []


def _skip_final_collection() -> None:
    """Let the interpreter exit without a last garbage collection over everything still alive.

    At exit Python collects cyclic garbage over every object: the modules, the catalogue,
    the report model (~10 % of a one-file run). ``gc.freeze`` at exit moves them all out of
    the collector's reach; objects are still released, files still flushed and closed.
    """
    if not _FREEZE_AT_EXIT:
        import atexit
        import gc

        atexit.register(gc.freeze)
        _FREEZE_AT_EXIT.append(True)


@click.group(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="budgetcheck")
def main() -> None:
    """Check the arithmetic of 部门决算公开说明 (final-accounts disclosures).

    Exit codes of `validate`: 0 clean, 1 findings at or above --fail-on, 2 usage,
    configuration or input error.
    """


@main.command(epilog=EXAMPLES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: github under GitHub Actions, table on a terminal, else concise].")
@click.option("--select", multiple=True, help="Report only these rules: code, code prefix (BC1) or name; repeat or comma-separate.")
@click.option("--ignore", multiple=True, help="Do not report these rules (code, prefix or name).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that fails the run [default: error].")
@click.option("--exit-zero", is_flag=True, default=None, help="Exit 0 even with findings (unreadable input still exits 2).")
@click.option("--profile", default=None, help="Scoring profile (national, deviation).")
@click.option("--lang", type=click.Choice(["en", "zh"]), default=None, help="Message language [default: from the locale].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Files checked in parallel [default: all cores].")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, envvar="BUDGETCHECK_MAX_BYTES",
              help="Refuse input files larger than this [default: 5 MiB].")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Read settings from this file instead of discovering pyproject.toml/.budgetcheck.toml.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, help="Hide findings listed in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Write every current finding to this baseline file (then the run passes).")
@click.option("--allow-explained-errors", is_flag=True, default=None,
              help="Let a report's explanations (说明) cover error-level findings too.")
def validate(inputs: tuple[str, ...], config_file: str | None, write_baseline: str | None, **cli: Any) -> None:
    """Check report files, directories (recursively) or - for stdin."""
    _skip_final_collection()
    from pathlib import Path

    from . import baseline as baselines
    from . import config as configs
    from .catalogue import load_profiles
    from .inputs import STDIN, expand, start_directory
    from .reporters import get_reporter
    from .runner import apply_baseline, run, select, unreadable, with_files
    from .selection import Selection, SelectionError
    from .settings import resolve

    expanded = expand(list(inputs))
    try:
        config = configs.load(Path(config_file)) if config_file else configs.discover(start_directory(expanded.paths))
    except configs.ConfigError as exc:
        _fail(str(exc))
    settings = resolve(cli, config, os.environ, sys.stdout.isatty())
    if settings.fmt not in FORMATS:
        _fail(f"unknown format {settings.fmt!r} (choose from {', '.join(FORMATS)})")
    try:
        selection = Selection.build(settings.select, settings.ignore, _catalogue())
    except SelectionError as exc:
        _fail(str(exc))
    if settings.profile is not None and settings.profile not in load_profiles():
        _fail(f"unknown profile {settings.profile!r} (choose from {', '.join(load_profiles())})")
    stdin = sys.stdin.buffer.read() if STDIN in expanded.paths else None
    result = run(expanded.paths, settings.profile, settings.max_bytes, jobs=settings.jobs, stdin=stdin,
                 allow_explained_errors=settings.allow_explained_errors)
    result = with_files(result, (unreadable(source, message) for source, message in expanded.problems))
    result = select(result, selection)
    result.fail_on, result.exit_zero = settings.fail_on, settings.exit_zero
    try:
        if write_baseline:  # needs every finding before anything is reported
            result.files = list(result.files)
            count = baselines.write(Path(write_baseline), [f for file in result.files for f in file.findings if not f.explained])
            click.echo(f"budgetcheck: wrote {count} finding(s) to {write_baseline}", err=True)
        chosen = write_baseline or settings.baseline
        if chosen:
            result = apply_baseline(result, baselines.read(Path(chosen)))
    except (baselines.BaselineError, OSError) as exc:
        _fail(str(exc))
    _utf8_stdout()
    try:  # the reporter pulls the results: files are checked as it writes, none kept beyond need
        get_reporter(settings.fmt)(result, sys.stdout, settings.lang)
        sys.stdout.flush()
    except BrokenPipeError:  # `budgetcheck validate … | head`: the reader left, not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        result.drain()  # the exit code still covers every file
    sys.exit(result.exit_code())


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
def list_rules(fmt: str) -> None:
    """List the rule catalogue (code, name, severity, summary)."""
    import json

    rules = _catalogue().values()
    _utf8_stdout()
    if fmt == "json":
        entries = [{"code": r.code, "name": r.name, "severity": r.severity.value, "kind": r.kind,
                    "summary": {"en": r.summary, "zh": r.summary_zh}, "docs": r.docs} for r in rules]
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    for rule in rules:
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity.value:<8} {rule.summary}")


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Print one rule's documentation (by code or name)."""
    from .catalogue import find_rule

    rule = find_rule(code, _catalogue())
    if rule is None:
        raise click.UsageError(f"no rule {code!r}; see `budgetcheck rules`")
    _utf8_stdout()
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value})\n\n{rule.summary}\n{rule.summary_zh}\n")
    click.echo(rule.docs + "\n")
    click.echo("Failing example:\n" + rule.example_fail + "\n\nPassing example:\n" + rule.example_pass)


@main.command("schema")
def schema() -> None:
    """Print the JSON Schema of the report format (for editor completion)."""
    import json

    from .model import Report

    _utf8_stdout()
    click.echo(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))


def _register_extract() -> None:
    """Add ``budgetcheck extract`` (python-docx/pdfplumber load only when it runs)."""
    try:
        from .extract.command import extract_command
    except ModuleNotFoundError as exc:  # a checkout without the extract package
        if not (exc.name or "").startswith("budgetcheck.extract"):
            raise
        return
    main.add_command(extract_command)


_register_extract()
