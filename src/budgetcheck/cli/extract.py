"""The ``budgetcheck extract`` command: a document in, report YAML out."""

from __future__ import annotations

import sys

import click

from ..i18n import current, os_reason, place, t
from .clickhelp import Command


@click.command("extract", cls=Command, help="help.extract")
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="help.extract_output")
@click.option("--strict", is_flag=True, help="help.extract_strict")
@click.option("--no-comments", is_flag=True, help="help.extract_no_comments")
def extract_command(input_file: str, output: str | None, strict: bool, no_comments: bool) -> None:
    """Extract a report (YAML for `validate`) from a .txt dump, .docx, .pdf or .html disclosure.

    Text holding figures that no template sentence or table matched is listed on
    standard error (as warnings, or as errors with --strict); nothing is dropped silently.
    """
    from ..sources.load import InputError
    from ..sources.documents.reader import extract_file
    from ..sources.documents.emit import to_yaml

    try:
        extraction = extract_file(input_file)
    except InputError as exc:
        click.echo(exc.render(current()), err=True)
        sys.exit(2)
    level = t("extract.error") if strict else t("extract.warning")
    for problem in extraction.problems:
        shown = f"{place(problem.where.label, current())}: [{problem.section}] {problem.snippet}"
        click.echo(t("extract.not_extracted", file=input_file, level=level, problem=shown), err=True)
    text = to_yaml(extraction, comments=not no_comments)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            click.echo(t("cli.cannot_write", path=output, reason=os_reason(exc)), err=True)
            sys.exit(2)
    else:
        click.echo(text, nl=False)
    if strict and extraction.problems:
        sys.exit(2)
