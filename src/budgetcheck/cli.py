"""The ``budgetcheck`` command line. The only module that talks to the terminal."""

from __future__ import annotations

import sys

import click

from . import __version__

EXAMPLES = """
\b
Examples:
  budgetcheck validate fixtures/changji-2024.yaml
  budgetcheck validate --format concise reports/*.yaml
  budgetcheck rules
  budgetcheck rule BC101
"""


@click.group(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="budgetcheck")
def main() -> None:
    """Check the arithmetic of 部门决算公开说明 (final-accounts disclosures)."""


@main.command(epilog=EXAMPLES)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "concise"]), default=None,
              help="Output format (default: table on a terminal, concise otherwise).")
@click.option("--profile", default=None, help="Scoring profile (national, deviation).")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", help="Message language.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5 * 1024 * 1024, show_default=True,
              envvar="BUDGETCHECK_MAX_BYTES", help="Refuse input files larger than this.")
def validate(files: tuple[str, ...], fmt: str | None, profile: str | None, lang: str, max_bytes: int) -> None:
    """Check one or more report files; exit 0 clean, 1 findings, 2 unreadable input."""
    from .reporters import get_reporter
    from .runner import run

    result = run(list(files), profile, max_bytes)
    fmt = fmt or ("table" if sys.stdout.isatty() else "concise")
    get_reporter(fmt)(result, sys.stdout, lang)
    sys.exit(result.exit_code())


@main.command("rules")
def list_rules() -> None:
    """List the rule catalogue."""
    from .catalogue import load_rules

    for rule in load_rules().values():
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity.value:<8} {rule.summary}")


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Print one rule's documentation (by code or name)."""
    from .catalogue import find_rule

    rule = find_rule(code)
    if rule is None:
        raise click.UsageError(f"no rule {code!r}; see `budgetcheck rules`")
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value})\n\n{rule.summary}\n{rule.summary_zh}\n")
    click.echo(rule.docs + "\n")
    click.echo("Failing example:\n" + rule.example_fail + "\n\nPassing example:\n" + rule.example_pass)
