"""Under ``--lang zh`` no format writes an English word of its own: the human text of every
format is scanned for Latin words other than rule codes and names, data and file paths,
and the format's own keywords (GitHub commands, XML element names, JSON keys)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from budgetcheck.catalogue.rules import load_rules
from budgetcheck.checks.engine import FileResult
from budgetcheck.result import Finding, Severity
from budgetcheck.reporters import FORMATS
from budgetcheck.reporters.rows import COLUMNS
from budgetcheck.run.runner import RunResult, run

from .conftest import ROOT
from .test_reporters_golden import RULES, checked, render

ALLOWED = re.compile(
    r"BC\d{3}"                                           # rule codes
    r"|[\w./<>-]+\.(?:yaml|yml|txt|docx|pdf|html)\b"      # file names
    r"|<stdin>"
    r"|[a-z_]+(?:\[\d+\])*(?:\.[a-z_]+(?:\[\d+\])*)+"     # data paths with a dot
    r"|[a-z_]+\[\d+\](?:\[\d+\])*|[a-z]+_[a-z_]+"         # ... with an index or an underscore
    r"|budgetcheck \d+\.\d+\.\d+|budgetcheck"
)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
KEYWORDS = {"YAML", "max", "min", "XBRL", "Calculations"}  # format and standard names; formula functions


def english_words(text: str) -> list[str]:
    """Latin words left once codes, names, paths and file names are taken out."""
    names = sorted((rule.name for rule in load_rules().values()), key=len, reverse=True)
    text = ALLOWED.sub(" ", text)
    for name in names:
        text = text.replace(name, " ")
    return [word for word in LATIN_WORD.findall(text) if word not in KEYWORDS]


def _html_text(text: str) -> str:
    import html5lib

    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
    for parent in tree.iter():
        for child in list(parent):
            printed = child.tag == "blockquote" or "row" in (child.get("class") or "").split()
            if child.tag in ("code", "style", "script") or printed:  # code, styles, the document's own text
                child.text, child.tail = "", child.tail  # code and styles are not prose
                for grandchild in list(child):
                    child.remove(grandchild)
    body = tree.find("body")
    attributes = " ".join(v for e in tree.iter() for k, v in e.attrib.items() if k in ("title", "alt", "data-label"))
    return "".join(body.itertext()) + " " + attributes + " " + "".join(tree.find("head/title").itertext())


def _csv_text(text: str) -> str:
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    english = COLUMNS.index("message_en")
    return "\n".join(" ".join(cell for i, cell in enumerate(row) if i != english) for row in rows)


def _xlsx_text(text: str) -> str:
    lines = []
    english = COLUMNS.index("message_en")
    for line in text.splitlines():
        if line.startswith("# "):
            lines.append(line[2:])
            continue
        row = json.loads(line)
        lines.append(" ".join(str(c) for i, c in enumerate(row) if c is not None and (len(row) == 1 or i != english)))
    return "\n".join(lines)


def _github_text(text: str) -> str:
    parts = []
    for line in text.splitlines():
        if line.startswith("::"):
            props, message = line[2:].split("::", 1)
            parts += [message, *(p.split("=", 1)[1] for p in props.split(" ", 1)[1].split(",") if p.startswith("title="))]
        else:
            parts.append(line)
    return "\n".join(parts)


def _junit_text(text: str) -> str:
    root = ET.fromstring(text)
    parts = [e.text or "" for e in root.iter() if e.tag in ("failure", "error", "system-out")]
    return "\n".join(parts + [e.get("message", "") for e in root.iter() if e.tag in ("failure", "error")])


def _sarif_text(text: str) -> str:
    log = json.loads(text)
    return "\n".join(r["message"]["text"] for r in log["runs"][0]["results"])


def _gitlab_text(text: str) -> str:
    return "\n".join(i["description"] for i in json.loads(text))  # check_name is an identifier


def _full_text(text: str) -> str:
    """The blocks without the quoted lines of the document (``12 │ …``)."""
    return "\n".join(line for line in text.splitlines() if not re.match(r"\s+\d+ │ ", line))


HUMAN: dict[str, Callable[[str], str] | None] = {
    "full": _full_text, "table": str, "concise": str, "html": _html_text, "csv": _csv_text, "xlsx": _xlsx_text,
    "github": _github_text, "junit": _junit_text, "sarif": _sarif_text, "gitlab": _gitlab_text,
    "json": None, "json-lines": None,  # both languages by design, under fixed English keys
}


def test_every_format_is_scanned() -> None:
    assert set(HUMAN) == set(FORMATS)


def _lineless() -> RunResult:
    finding = Finding(rule="BC101", name="sum-mismatch", severity=Severity.WARNING, message_en="sum",
                      message_zh="合计：填报 20.00，各分项合计为 19.00", path="performance.projects[1].funds.total.score",
                      file="reports/a.docx", expected="19.00", found="20.00", source="table 3 row 5 cell 7 (printed 200元)",
                      explained="已在说明中解释")
    return RunResult([FileResult("reports/a.docx", findings=[finding])])


@pytest.mark.parametrize("fmt", [f for f, extract in HUMAN.items() if extract])
def test_chinese_output_has_no_english_word(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    extract = HUMAN[fmt]
    assert extract is not None
    monkeypatch.chdir(ROOT)
    inputs = ["tests/data/reports/clean.yaml", "tests/data/reports/findings.yaml"]
    for result in (checked(inputs), _lineless()):
        text = extract(render(fmt, "zh", result))
        assert "合计" in text or "实有人数" in text
        assert english_words(text) == [], text


@pytest.mark.parametrize("fmt", [f for f, extract in HUMAN.items() if extract])
def test_reference_document_in_chinese_has_no_english_word(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    extract = HUMAN[fmt]
    assert extract is not None
    result = checked(["fixtures/changji-2024.txt", "tests/data/reports/broken.yaml"], rules="BC", lang="zh")
    assert english_words(extract(render(fmt, "zh", result))) == []


def test_the_scan_finds_english() -> None:
    assert english_words("BC101 sum-mismatch 第 3 行 income.total expected 14") == ["expected"]
    assert english_words(_html_text(render("html", "en", _lineless()))) != []
    assert RULES  # the golden selection is the one scanned
