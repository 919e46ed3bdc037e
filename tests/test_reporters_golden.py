"""Golden outputs of every format, in English and Chinese, on three hand-written reports
(clean, findings, broken).

Regenerate after an intended change with ``BUDGETCHECK_UPDATE_GOLDEN=1 pytest tests/test_reporters_golden.py``
and review the diff of ``tests/golden/``. The reporters are called the way the CLI calls
them (the runner's streamed result, the same rule selection); a second test checks that
the CLI writes the same bytes for every format it offers.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from budgetcheck import __version__
from budgetcheck.catalogue.rules import load_rules
from budgetcheck.cli.app import main
from budgetcheck.reporters import BINARY, FORMATS, TERMINAL, get_reporter
from budgetcheck.run.runner import Plan, RunResult, check_all, select
from budgetcheck.run.selection import Selection

from .conftest import ROOT

GOLDEN = Path(__file__).with_name("golden")
INPUTS = [f"tests/data/reports/{name}.yaml" for name in ("clean", "findings", "broken")]
# Only rules that existed when the goldens were written, so new rules do not change them.
RULES = "BC001,BC002,BC009,BC101,BC102,BC103"
SELECT = ["--select", RULES]
ENV = {"GITHUB_ACTIONS": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_US.UTF-8", "COLUMNS": "110"}
UPDATE = os.environ.get("BUDGETCHECK_UPDATE_GOLDEN") == "1"
WIDTH = 110


class TextWithBuffer(io.StringIO):
    """A text stream with a byte stream under it, as ``sys.stdout`` has."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = io.BytesIO()


def run_cli(args: list[str], env: dict[str, str | None] | None = None, stdin: bytes | None = None) -> tuple[int, str]:
    """Run the CLI in the repository root; return exit code and standard output."""
    result = CliRunner().invoke(main, args, env={**ENV, **(env or {})}, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def options(fmt: str) -> dict[str, Any]:
    """What the CLI passes a terminal reporter besides run, stream and language."""
    return {"width": WIDTH, "color": False} if fmt in TERMINAL else {}


def checked(inputs: list[str] | None = None, rules: str = RULES, lang: str = "en") -> RunResult:
    """The streamed run of the golden inputs with the golden rule selection, as the CLI builds it."""
    selection = Selection.build([rules], [], load_rules())
    files = select(check_all(list(inputs or INPUTS), Plan(jobs=1, lang=lang)), selection)
    return RunResult(files, rules=tuple(sorted(selection.codes)))


def render(fmt: str, lang: str, result: RunResult | None = None, **extra: Any) -> str:
    """A reporter's output as text (an xlsx workbook as the JSON of its cells)."""
    out = TextWithBuffer()
    get_reporter(fmt)(result or checked(lang=lang), out, lang, **{**options(fmt), **extra})
    if fmt in BINARY:
        return workbook_text(out.buffer.getvalue())
    return out.getvalue()


def workbook_text(data: bytes) -> str:
    """Every sheet's rows, one JSON array per row (the workbook's zip bytes vary with time)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    lines = []
    for sheet in book.worksheets:
        lines.append(f"# {sheet.title}")
        lines.extend(json.dumps(list(row), ensure_ascii=False) for row in sheet.iter_rows(values_only=True))
    return "\n".join(lines) + "\n"


def normalise(text: str) -> str:
    """Only the version string varies between releases."""
    return (text.replace(f'"version": "{__version__}"', '"version": "<version>"')
            .replace(f"budgetcheck {__version__}", "budgetcheck <version>"))


def golden_name(fmt: str, lang: str) -> Path:
    suffix = {"html": "html", "csv": "csv"}.get(fmt, "txt")
    return GOLDEN / f"{fmt}-{lang}.{suffix}"


CASES = [(fmt, lang) for fmt in FORMATS for lang in ("en", "zh")]


@pytest.mark.parametrize(("fmt", "lang"), CASES, ids=[f"{f}-{lang}" for f, lang in CASES])
def test_format_matches_golden(fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    monkeypatch.chdir(ROOT)
    text = normalise(render(fmt, lang))
    golden = golden_name(fmt, lang)
    if UPDATE:
        golden.write_bytes(text.encode("utf-8"))
    assert golden.exists(), f"missing {golden.name}: run with BUDGETCHECK_UPDATE_GOLDEN=1"
    assert text == golden.read_bytes().decode("utf-8")


def _cli_formats() -> list[str]:
    from budgetcheck.cli import app as cli

    offered = getattr(cli, "FORMATS", FORMATS)  # a CLI without its own list offers every reporter
    return [fmt for fmt in FORMATS if fmt in offered and fmt not in BINARY]


@pytest.mark.parametrize("fmt", _cli_formats())
def test_cli_writes_what_the_reporter_writes(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out = run_cli(["validate", "--jobs", "1", *SELECT, "--format", fmt, "--lang", "en", *INPUTS])
    assert code == 2  # broken.yaml cannot be checked
    golden = golden_name(fmt, "en").read_bytes().decode("utf-8")
    assert normalise(out) == golden.replace("\r\n", "\n")  # click's test runner reads CRLF as LF


def test_goldens_show_every_severity_and_the_explained_mark() -> None:
    concise = (GOLDEN / "concise-en.txt").read_text(encoding="utf-8")
    for needle in ("[error]", "[warning]", "[info]", "[explained]", "BC002", "broken.yaml:5:1"):
        assert needle in concise, needle
    full = (GOLDEN / "full-zh.txt").read_text(encoding="utf-8")
    for needle in ("[强制性]", "[提示性]", "[提示，已说明]", "^^^^^^", "应为 210.40，填报 210.50"):
        assert needle in full, needle
