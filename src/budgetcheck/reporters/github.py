"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from ..result import Finding, Severity
from .common import explained_note, figures_note, wants_summary

if TYPE_CHECKING:
    from ..result import RunResult

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a message: ``%``, CR and LF (as the Actions runner expects)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: str) -> str:
    """One workflow command for one finding (explained findings become notices)."""
    command = "notice" if finding.explained else COMMAND[finding.severity]
    props = [f"file={escape_property(finding.file)}"]
    if finding.line:
        props.append(f"line={finding.line}")
    if finding.column:
        props.append(f"col={finding.column}")
    props.append(f"title={escape_property(f'{finding.rule} {finding.name}')}")
    message = finding.message(lang) + figures_note(finding, lang) + explained_note(finding, lang, reason=True)
    return f"::{command} {','.join(props)}::{escape_data(message)}"


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write one annotation per finding and per unreadable file, then the summary line."""
    for file in run.each():
        if file.error:
            title = "无法检查" if lang == "zh" else "unreadable"
            out.write(f"::error file={escape_property(file.source)},title={title}::{escape_data(file.error)}\n")
        for finding in file.findings:
            out.write(annotation(finding, lang) + "\n")
    if wants_summary(run):
        out.write(run.summary_line(lang) + "\n")
