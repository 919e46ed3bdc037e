"""The ``budgetcheck`` command line. The only module that talks to the terminal.

Heavy libraries (pydantic, rich, the reporters) are imported inside the commands, so that
``budgetcheck --version`` stays cheap. Every text comes from :mod:`budgetcheck.i18n`.
"""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click

from .. import __version__
from ..i18n import did_you_mean, render, t
from .clickhelp import Group, install
from .live import utf8_stdout

if TYPE_CHECKING:
    from ..result import RunResult
    from .settings import Settings

EXIT_ERROR = 2
LANG_CHOICE = click.Choice(["en", "zh"])

EXAMPLES = """
\b
{examples}
  budgetcheck validate fixtures/changji-2024.yaml
  budgetcheck validate reports/
  budgetcheck validate --format concise --fail-on warning reports/*.yaml
  cat report.yaml | budgetcheck validate -
  budgetcheck validate --format sarif -o budgetcheck.sarif reports/
  budgetcheck validate --statistics reports/
  budgetcheck validate --select BC1 --ignore BC009 report.yaml
  budgetcheck validate --write-baseline .budgetcheck-baseline.json reports/
  budgetcheck validate --baseline .budgetcheck-baseline.json reports/
  budgetcheck rules --format json
  budgetcheck rule BC101
  budgetcheck schema > report.schema.json
"""


def _fail(message: str) -> NoReturn:
    """Print a one-line error to stderr and exit 2 (usage, configuration or input error)."""
    click.echo(t("cli.error", message=render(message)), err=True)
    sys.exit(EXIT_ERROR)


def _catalogue() -> dict[str, Any]:
    """The rule catalogue; a faulty rule file exits 2 with its file and line."""
    from ..catalogue.rules import CatalogueError, load_rules

    try:
        return load_rules()
    except CatalogueError as exc:
        _fail(str(exc))


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


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"budgetcheck {__version__}")
        ctx.exit()


@click.group(cls=Group, help="help.main", epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version, help="help.version")
@click.option("--lang", type=LANG_CHOICE, expose_value=False, is_eager=True, help="help.lang",
              callback=lambda _ctx, _param, value: install(value) if value else None)
def main() -> None:
    """The command group (its help text is the catalogue's ``help.main``)."""


@main.command(help="help.validate", epilog=EXAMPLES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", default=None, metavar="FORMAT", help="help.format")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), default=None, help="help.output_file")
@click.option("-q", "--quiet", count=True, help="help.quiet")
@click.option("--statistics", is_flag=True, default=None, help="help.statistics")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default=None, help="help.color")
@click.option("--select", multiple=True, help="help.select")
@click.option("--ignore", multiple=True, help="help.ignore")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="help.fail_on")
@click.option("--exit-zero", is_flag=True, default=None, help="help.exit_zero")
@click.option("--profile", default=None, help="help.profile")
@click.option("--lang", type=LANG_CHOICE, default=None, help="help.lang")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="help.jobs")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, envvar="BUDGETCHECK_MAX_BYTES", help="help.max_bytes")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="help.config")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, help="help.baseline")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None, help="help.write_baseline")
@click.option("--allow-explained-errors", is_flag=True, default=None, help="help.allow_explained_errors")
@click.option("--include-ext", multiple=True, metavar="EXT", help="help.include_ext")
def validate(inputs: tuple[str, ...], config_file: str | None, write_baseline: str | None, **cli: Any) -> None:
    """Check report files, directories (recursively) or - for stdin."""
    _skip_final_collection()
    from .validate import run_validate

    try:
        run_validate(list(inputs), config_file, write_baseline, cli)
    except KeyboardInterrupt:  # before any file was checked (reading stdin, the configuration)
        sys.exit(130)


@main.command("rules", help="help.rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="help.rules_format")
@click.option("--lang", type=LANG_CHOICE, default=None, help="help.lang")
def list_rules(fmt: str, lang: str | None) -> None:
    """List the rule catalogue (code, name, severity, summary)."""
    import json

    lang = _lang(lang)
    rules = _catalogue().values()
    utf8_stdout()
    if fmt == "json":
        entries = [{"code": r.code, "name": r.name, "severity": r.severity.value, "kind": r.kind,
                    "summary": {"en": r.summary, "zh": r.summary_zh},
                    "docs": r.docs, "docs_zh": r.docs_in("zh")} for r in rules]
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    for rule in rules:
        summary = rule.summary_zh if lang == "zh" and rule.summary_zh else rule.summary
        click.echo(f"{rule.code}  {rule.name:<28} {_pad(rule.severity.label(lang), 8)} {summary}")


def load_checked_profiles() -> dict[str, Any]:
    """The scoring profiles; a profile file that does not validate exits 2 naming its line."""
    from ..catalogue.profiles import ProfileError, load_profiles

    try:
        return load_profiles()
    except ProfileError as exc:
        _fail(str(exc))


@main.command("profiles", help="help.profiles")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="help.rules_format")
def list_profiles(fmt: str) -> None:
    """List the scoring profiles (name, what it extends, description)."""
    import json

    profiles = load_checked_profiles().values()
    utf8_stdout()
    if fmt == "json":
        entries = [{"name": p.name, "extends": p.extends, "description": p.description, "sources": list(p.sources),
                    "params": p.params} for p in profiles]
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    for profile in profiles:
        first = profile.description.splitlines()[0] if profile.description else ""
        extends = f"extends {profile.extends}" if profile.extends else ""
        click.echo(f"{profile.name:<20} {extends:<18} {first}")


@main.command("rule", help="help.rule")
@click.argument("code")
@click.option("--lang", type=LANG_CHOICE, default=None, help="help.lang")
def show_rule(code: str, lang: str | None) -> None:
    """Print one rule's documentation (by code or name)."""
    from ..catalogue.rules import find_rule
    from .ruledoc import describe

    lang = _lang(lang)
    rules = _catalogue()
    rule = find_rule(code, rules)
    if rule is None:
        hint = did_you_mean(code, [*rules, *(r.name for r in rules.values())])
        raise click.UsageError(t("cli.no_rule", code=code, hint=hint))
    utf8_stdout()
    click.echo(describe(rule, lang))


@main.command("schema", help="help.schema")
def schema() -> None:
    """Print the JSON Schema of the report format (for editor completion)."""
    import json

    from ..model import Report

    utf8_stdout()
    click.echo(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


def _lang(given: str | None) -> str:
    """The language of a discovery command: ``--lang``, else the locale."""
    from ..i18n import current, locale_lang

    lang = given or (current() if current() != "en" else locale_lang(os.environ))
    install(lang)
    return lang


def write_report(run: RunResult, settings: Settings, out: IO[str]) -> None:
    """Write the run in the chosen format (or its statistics); ``-qq`` writes nothing."""
    if settings.quiet >= 2:
        run.drain()
        return
    if settings.statistics:
        from ..reporters.statistics import report as statistics

        statistics(run, out, settings.lang)
        return
    from ..reporters import get_reporter

    get_reporter(settings.fmt)(run, out, settings.lang)


def fail(message: str) -> NoReturn:
    """Exit 2 with a one-line message (for the validate module)."""
    _fail(message)


def _register_extract() -> None:
    """Add ``budgetcheck extract`` (python-docx/pdfplumber load only when it runs)."""
    try:
        from .extract import extract_command
    except ModuleNotFoundError as exc:  # a checkout without the extract package
        if not (exc.name or "").startswith("budgetcheck.sources.documents"):
            raise
        return
    main.add_command(extract_command)


_register_extract()
