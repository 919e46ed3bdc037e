"""The ``budgetcheck extract`` command: a document in, report YAML out."""

from __future__ import annotations

import sys

import click


@click.command("extract")
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report YAML here (default: standard output).")
@click.option("--strict", is_flag=True, help="Fail (exit 2) when any text with figures could not be extracted.")
@click.option("--no-comments", is_flag=True, help="Leave out the source comments.")
def extract_command(input_file: str, output: str | None, strict: bool, no_comments: bool) -> None:
    """Extract a report (YAML for `validate`) from a .txt dump, .docx, .pdf or .html disclosure.

    Text holding figures that no template sentence or table matched is listed on
    standard error (as warnings, or as errors with --strict); nothing is dropped silently.
    """
    from ..loader import InputError
    from .reader import extract_file
    from .emit import to_yaml

    try:
        extraction = extract_file(input_file)
    except InputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    level = "error" if strict else "warning"
    for problem in extraction.problems:
        click.echo(f"{input_file}: {level}: not extracted / 未能提取: {problem}", err=True)
    text = to_yaml(extraction, comments=not no_comments)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            click.echo(f"{output}: cannot write: {exc.strerror or exc} / 无法写入", err=True)
            sys.exit(2)
    else:
        click.echo(text, nl=False)
    if strict and extraction.problems:
        sys.exit(2)
