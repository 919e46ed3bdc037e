"""One self-contained HTML page per run, for the people who review disclosures.

A summary per document (unit, year, counts, verdict), then each document's findings by
section and table in document order: the printed sentence or row with the figure marked,
expected against printed, the rule's explanation and the fix. No script, no network, no
external asset; styles are inline, with print and narrow-screen rules. Jinja2 renders the
packaged templates with autoescaping on.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any

from .. import __version__
from ..catalogue.rules import Rule, load_rules
from ..model.records import Frozen, set_field
from .common import expected_text
from .labels import FIX, pick, severity_name, word
from .place import location, place_label, translate_place
from .snippet import Snippet, SnippetReader
from .view import DocumentView, view

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..result import Finding
    from ..result import RunResult

TEMPLATE = "report.html"
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")  # CJK and full-width


class Entry(Frozen):
    """One finding with everything its block on the page shows."""

    __slots__ = ("finding", "severity", "location", "place", "printed", "focus", "line_label", "is_row",
                 "why", "fix", "expected")
    finding: Finding
    severity: str
    location: str
    place: str | None
    printed: tuple[tuple[tuple[str, bool], ...], ...] | None  # per part: (text, marked) segments
    focus: int
    line_label: str | None
    is_row: bool
    why: tuple[tuple[tuple[str, bool], ...], ...]  # paragraphs of (text, is code) pieces
    fix: str
    expected: str | None

    def __init__(
        self, finding: Finding, severity: str, location: str, place: str | None,
        printed: tuple[tuple[tuple[str, bool], ...], ...] | None, focus: int, line_label: str | None,
        is_row: bool, why: tuple[tuple[tuple[str, bool], ...], ...], fix: str, expected: str | None,
    ) -> None:
        set_field(self, "finding", finding)
        set_field(self, "severity", severity)
        set_field(self, "location", location)
        set_field(self, "place", place)
        set_field(self, "printed", printed)
        set_field(self, "focus", focus)
        set_field(self, "line_label", line_label)
        set_field(self, "is_row", is_row)
        set_field(self, "why", why)
        set_field(self, "fix", fix)
        set_field(self, "expected", expected)


def segments(snip: Snippet) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """Each part of a snippet as (text, marked) pieces; the figure is the marked piece."""
    out = []
    for index, part in enumerate(snip.parts):
        if index == snip.focus and snip.mark:
            start, end = snip.mark
            pieces = ((part[:start], False), (part[start:end], True), (part[end:], False))
            out.append(tuple(piece for piece in pieces if piece[0]))
        else:
            out.append(((part, index == snip.focus and not snip.mark),))
    return tuple(out)


def explanation(rule: Rule | None, lang: str) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """The rule's documentation as paragraphs: Chinese docs (or summary) under zh.

    Each paragraph is split into (text, is code) pieces at its ``backquotes``.
    """
    if rule is None:
        return ()
    summary, docs = (rule.summary_zh, str(getattr(rule, "docs_zh", "") or "")) if lang == "zh" else (rule.summary, rule.docs)
    paragraphs = [unwrap(p) for p in (summary, *docs.split("\n\n")) if p.strip()]
    return tuple(code_pieces(p) for p in paragraphs)


def unwrap(text: str) -> str:
    """A wrapped paragraph on one line: no space where a line break fell between Chinese characters."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        joint = "" if _WIDE.match(out[-1]) and _WIDE.match(line[0]) else " "
        out += joint + line
    return out


def code_pieces(text: str) -> tuple[tuple[str, bool], ...]:
    """``a `b` c`` as ((a, False), (b, True), (c, False)), empty pieces left out."""
    return tuple((piece, index % 2 == 1) for index, piece in enumerate(text.split("`")) if piece)


def fix(finding: Finding, rule: Rule | None, lang: str) -> str:
    """What to change: the rule's own fix text when it has one, else from the figures."""
    own = getattr(rule, "fix_zh" if lang == "zh" else "fix", None)
    if isinstance(own, str) and own:
        return own
    if finding.expected is not None and finding.found is not None:
        return pick(FIX["figure"], lang).format(expected=expected_text(finding, lang), found=finding.found)
    return pick(FIX["general"], lang)


def entry(finding: Finding, reader: SnippetReader, rules: dict[str, Rule], lang: str) -> Entry:
    """The page block of one finding."""
    snip = reader.snippet(finding)
    rule = rules.get(finding.rule)
    return Entry(
        finding=finding,
        severity=severity_name(finding.severity.value, lang),
        location=location(finding, lang),
        place=place_label(finding, lang),
        printed=segments(snip) if snip else None,
        focus=snip.focus if snip else 0,
        line_label=(translate_place(f"line {snip.line}", lang) if snip.line else place_label(finding, lang))
        if snip else None,
        is_row=bool(snip and snip.is_row),
        why=explanation(rule, lang),
        fix=fix(finding, rule, lang),
        expected=expected_text(finding, lang),
    )


def environment() -> Environment:
    """The Jinja2 environment over the packaged templates (HTML autoescaped, CSS not)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("budgetcheck.reporters", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def context(run: RunResult, lang: str) -> dict[str, Any]:
    """Everything the template shows; reads (and so checks) every file of the run."""
    rules = load_rules()
    reader = SnippetReader(documents=(".docx", ".pdf"))
    documents: list[tuple[DocumentView, list[tuple[Any, list[Entry]]]]] = []
    for file in run.each():
        doc = view(file)
        groups = [(group, [entry(f, reader, rules, lang) for f in group.findings]) for group in doc.groups(lang)]
        documents.append((doc, groups))
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "version": __version__,
        "summary_line": run.summary_line(lang),
        "documents": documents,
        "t": lambda key: word(key, lang),
    }


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """Write the run as one HTML page."""
    out.write(environment().get_template(TEMPLATE).render(context(run, lang)))
