"""The HTML report: valid under html5lib's strict parser, self-contained, escaped, one block
per finding in document order, with the printed text and the figure marked."""

from __future__ import annotations

import re
from typing import Any

import pytest

from budgetcheck.checks.engine import FileResult
from budgetcheck.result import Finding, Severity
from budgetcheck.reporters.common import expected_text
from budgetcheck.run.runner import RunResult, run

from .conftest import ROOT
from .test_reporters_golden import render

html5lib = pytest.importorskip("html5lib")
NS = "{http://www.w3.org/1999/xhtml}"


def parse(text: str) -> Any:
    """The document tree; html5lib's strict parser raises on any parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)


def findings_of(tree: Any) -> list[Any]:
    return [e for e in tree.iter(f"{NS}article") if "finding" in e.get("class", "").split()]


def text_of(element: Any) -> str:
    return "".join(element.itertext())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reference_report_parses_strictly_and_holds_every_finding(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for source in ("fixtures/changji-2024.txt", "fixtures/changji-2024.yaml"):
        findings = list(run([source], jobs=1).each())[0].findings
        tree = parse(render("html", lang, run([source], jobs=1)))
        blocks = findings_of(tree)
        assert len(blocks) == len(findings) >= 20
        assert sorted((b.get("data-rule"), b.get("data-path")) for b in blocks) == sorted(
            (f.rule, f.path) for f in findings)
        for block, f in zip(blocks, sorted(findings, key=lambda f: f.line or 0)):
            marks = [text_of(m) for m in block.iter(f"{NS}mark")]
            assert marks == [f.found], (f.rule, marks)
            assert expected_text(f, lang) in text_of(block) and f.message(lang) in text_of(block)
    assert tree.get("lang") == ("zh-CN" if lang == "zh" else "en")


def test_findings_are_grouped_by_section_and_named_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    tree = parse(render("html", "zh", run(["fixtures/changji-2024.txt"], jobs=1)))
    headings = [" ".join(text_of(h).split()) for h in tree.iter(f"{NS}h3")]
    assert headings[0] == "一般公共预算财政拨款支出决算情况"
    assert "预算绩效情况 昌吉州大气指挥中心运维项目" in headings
    assert len(headings) == len(set(headings))  # document order keeps a table's findings together
    summary = [text_of(td).strip() for td in tree.iter(f"{NS}td")]
    assert summary[:4] == ["fixtures/changji-2024.txt", "昌吉回族自治州环境污染监控中心", "2024", "13"]


def test_page_is_self_contained_and_has_print_and_narrow_screen_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = render("html", "en")
    tree = parse(text)
    assert not re.search(r"https?://|//[a-z]", text.replace("http://www.w3.org", ""))
    assert not any(tree.iter(f"{NS}script")) and not any(tree.iter(f"{NS}link")) and not any(tree.iter(f"{NS}img"))
    style = text_of(next(tree.iter(f"{NS}style")))
    assert "@media print" in style and "@media (max-width" in style
    assert 'name="viewport"' in text


def test_text_from_the_document_is_escaped() -> None:
    hostile = Finding(rule="BC101", name="sum-mismatch", severity=Severity.ERROR,
                      message_en='<script>alert("x")</script> & co', message_zh="<b>合计</b>",
                      path="income.total", file="<stdin>", line=None, expected="1&2", found="<3>",
                      explained="<i>说明</i>")
    text = render("html", "en", RunResult([FileResult("<stdin>", findings=[hostile])]))
    parse(text)
    assert "<script>" not in text and "&lt;script&gt;" in text and "&lt;3&gt;" in text and "<i>" not in text


def test_unreadable_and_clean_documents_have_their_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    tree = parse(render("html", "en"))
    sections = {s.get("id"): s for s in tree.iter(f"{NS}section") if (s.get("id") or "").startswith("doc-")}
    classes = [s.get("class") for s in sections.values()]
    assert classes == ["document verdict-pass", "document verdict-fail", "document verdict-unreadable"]
    assert "invalid YAML" in text_of(sections["doc-3"])
    assert "No findings." in text_of(sections["doc-1"])
