"""JUnit XML: one test suite per file, one test case per rule, so CI dashboards show it.

A rule fails its test case when it has an unexplained finding at or above ``--fail-on``;
findings below it are listed in ``system-out``. An unreadable file is one test case with
an ``error``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import IO, TYPE_CHECKING

from ..catalogue.rules import load_rules
from ..result import Finding
from .common import explained_note, severity_tag, where

if TYPE_CHECKING:
    from ..result import FileResult
    from ..result import RunResult


def _line(f: Finding, lang: str) -> str:
    return f"{where(f, lang)}: {f.rule} [{severity_tag(f, lang)}] {f.message(lang)}{explained_note(f, lang, reason=True)}"


def suite(run: RunResult, file: FileResult, codes: list[str], lang: str) -> ET.Element:
    """The test suite of one file."""
    element = ET.Element("testsuite", name=file.source)
    failures = errors = 0
    if file.error:
        case = ET.SubElement(element, "testcase", classname=file.source, name="readable")
        ET.SubElement(case, "error", message=file.error, type="unreadable").text = file.error
        errors += 1
        codes = []
    names = load_rules()
    for code in codes:
        found = [f for f in file.findings if f.rule == code]
        case = ET.SubElement(element, "testcase", classname=file.source, name=f"{code} {names[code].name}")
        failing = [f for f in found if not f.explained and f.severity.rank >= run.fail_on.rank]
        if failing:
            failures += 1
            text = "\n".join(_line(f, lang) for f in failing)
            ET.SubElement(case, "failure", message=failing[0].message(lang), type=failing[0].severity.value).text = text
        rest = [f for f in found if all(f is not g for g in failing)]
        if rest:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f, lang) for f in rest)
    element.set("tests", str(len(element)))
    element.set("failures", str(failures))
    element.set("errors", str(errors))
    return element


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write the run as a JUnit XML document."""
    codes = list(run.rules) or list(load_rules())
    root = ET.Element("testsuites", name="budgetcheck")
    for file in run.each():
        root.append(suite(run, file, codes, lang))
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")
