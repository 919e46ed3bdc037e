"""Blocks of a document → report data: sections by heading, tables by title."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from ...model.paths import DataPath
from ...model.records import Record
from . import others, statements, threepublic, totals
from .blocks import Block, Paragraph, Where
from .passage import Passage
from .sections import Section, split_sections
from .sink import Problem, Sink
from .tables import TableReader, table_kind

Parser = Callable[[Passage, Sink], None]
PARSERS: dict[str, Parser] = {
    "unit": others.unit,
    "income_expenditure": totals.income_expenditure,
    "income": partial(totals.breakdown, key="income", total_label="本年收入合计|本年收入|收入合计"),
    "expenditure": partial(totals.breakdown, key="expenditure", total_label="本年支出合计|本年支出|支出合计"),
    "fiscal": totals.fiscal,
    "general_budget": totals.general_budget,
    "general_budget.structure": totals.general_budget_classes,
    "general_budget.detail": totals.general_budget_lines,
    "basic_expenditure": totals.basic_expenditure,
    "government_fund": partial(others.fund_section, key="government_fund"),
    "state_capital": partial(others.fund_section, key="state_capital"),
    "three_public": threepublic.three_public,
    "operating_costs": others.operating_costs,
    "procurement": others.procurement,
    "assets": others.assets,
    "performance": others.performance_summary,
}
PROSE = ("prose", "prose.part")
ORDER = ("schema_version", "title", "unit", "income_expenditure", "income", "expenditure", "fiscal",
         "general_budget", "basic_expenditure", "government_fund", "state_capital", "three_public",
         "operating_costs", "procurement", "assets", "performance", "statements", "balances")
_TITLE = re.compile(r"^(?P<pre>.*?)(?P<year>\d{4})\s*年度?(?P<post>.*)$")


class Extraction(Record):
    """What was read from one document: report data, origins, headings and problems."""

    __slots__ = ("source", "data", "origins", "headings", "problems")
    source: str
    data: dict[str, Any]
    origins: dict[DataPath, Where]
    headings: dict[str, str]
    problems: list[Problem]

    def __init__(
        self, source: str, data: dict[str, Any], origins: dict[DataPath, Where] | None = None,
        headings: dict[str, str] | None = None, problems: list[Problem] | None = None,
    ) -> None:
        self.source = source
        self.data = data
        self.origins = {} if origins is None else origins
        self.headings = {} if headings is None else headings
        self.problems = [] if problems is None else problems


def _title(preamble: list[Paragraph], root: Sink) -> None:
    preamble = [p for p in preamble if not statements.METADATA.match(p.text)]
    title = next((p for p in preamble if "决算" in p.text), preamble[0] if preamble else None)
    if title is None:
        return
    root.set("title", title.text, title.where)
    unit = root.child("unit")
    found = _TITLE.match(title.text)
    if found:
        name = found["pre"].strip() or re.sub(r"(?:部门|单位)?决算.*$", "", found["post"]).strip()
        if name:
            unit.set("name", name, title.where)
        unit.set("year", int(found["year"]), title.where)


def _narrative(paragraphs: list[Paragraph], root: Sink, out: Extraction) -> None:
    """Template sections go to their parsers; any other text to the statement grammar.

    A section its template parser reads completely stays in the template's slots; a section
    with figures the parser could not place (another unit's wording) is read instead, whole,
    by the statement grammar, as is the text before the first heading.
    """
    preamble, sections = split_sections(paragraphs)
    _title(preamble, root)
    reader = statements.StatementReader()
    reader.feed("preamble", preamble)
    merged: dict[str, list[Section]] = {}
    for section in sections:
        merged.setdefault(section.key, []).append(section)
    for key, group in merged.items():
        passage = Passage(group[0].title, [p for s in group for p in s.paragraphs])
        parser = PARSERS.get(key)
        if key in PROSE:
            passage.use(0, len(passage.norm))
        elif parser is None or not _parsed(parser, passage, root):
            for section in group:
                reader.feed(section.title, ([section.heading] if section.heading else []) + section.paragraphs)
            continue
        top = key.split(".")[0]
        if top in ORDER:
            out.headings.setdefault(top, group[0].title)
        reader.feed(passage.title, passage.take_unread())
        out.problems.extend(Problem(passage.title, text, where) for text, where in passage.leftovers())
    reader.finish(root)
    out.problems.extend(reader.problems)


_SCALARS = (str, int, float, type(None))  # bool is an int


def _snapshot(value: Any, memo: dict[int, Any]) -> Any:
    """A deep copy of report data, to undo a parse: ``copy.deepcopy`` for dicts and lists of
    scalars, without its generic dispatch (it was a fifth of a document run)."""
    if isinstance(value, _SCALARS):
        return value
    if id(value) in memo:  # shared as deepcopy shares it
        return memo[id(value)]
    if isinstance(value, dict):
        mapping: dict[Any, Any] = {}
        memo[id(value)] = mapping
        mapping.update((key, _snapshot(item, memo)) for key, item in value.items())
        return mapping
    if isinstance(value, list):
        items: list[Any] = []
        memo[id(value)] = items
        items.extend(_snapshot(item, memo) for item in value)
        return items
    memo[id(value)] = copied = copy.deepcopy(value)
    return copied


def _parsed(parser: Parser, passage: Passage, root: Sink) -> bool:
    """Run a template parser; undo it and say False when it read little of the text.

    Kept: a parse that read nine figures in ten (a restatement that disagrees stays unread,
    BC003), or half of them with every paragraph read wholly or not at all (the unread
    paragraphs go to the statement grammar). Otherwise the wording is another unit's.."""
    data, origins = _snapshot(root.data, {}), dict(root.origins)
    parser(passage, root)
    used, figures = passage.read_share()
    if used * 10 >= figures * 9 or (used * 2 >= figures and not passage.partly_read()):
        return True
    root.data.clear()
    root.data.update(data)
    root.origins.clear()
    root.origins.update(origins)
    return False


def _tables(blocks: list[Block], root: Sink, out: Extraction) -> list[Paragraph]:
    """Feed table rows to readers (a title opens a table); return the running-text paragraphs."""
    paragraphs: list[Paragraph] = []
    reader: TableReader | None = None
    loose = TableReader(Sink({}), "table", out.problems)
    for block in blocks:
        text = block.text if isinstance(block, Paragraph) else "".join(block.texts)
        kind = table_kind(text)
        if kind is not None:
            performance = root.child("performance")
            sink = performance.child("unit_table") if kind == "unit" else performance.append("projects")
            reader = TableReader(sink, text, out.problems)
        elif isinstance(block, Paragraph):
            paragraphs.append(block)
        else:
            (reader or loose).feed(block)
    return paragraphs


def _text_tables(blocks: list[Block], paragraphs: list[Paragraph], root: Sink, out: Extraction) -> list[Paragraph]:
    """Self-evaluation tables printed as running text (no table rows): read by ``selfeval``."""
    performance = out.data.get("performance", {})
    if any(performance.get("unit_table", {})) or any(performance.get("projects", [])):
        return paragraphs
    from .selfeval import holds_table, read_tables

    texts = [block for block in blocks if isinstance(block, Paragraph)]
    if not holds_table(texts):
        return paragraphs
    out.data.pop("performance", None)
    return read_tables(texts, root, out.problems)


def extract_blocks(blocks: list[Block], source: str) -> Extraction:
    """Read the report data out of a document's blocks."""
    out = Extraction(source, {"schema_version": 1})
    root = Sink(out.data, out.origins)
    paragraphs = _tables(blocks, root, out)
    paragraphs = _text_tables(blocks, paragraphs, root, out)
    _narrative(paragraphs, root, out)
    _tidy(out.data)
    out.data = {key: out.data[key] for key in ORDER if key in out.data} | {
        key: value for key, value in out.data.items() if key not in ORDER
    }
    return out


def _tidy(data: dict[str, Any]) -> None:
    """Drop sections that ended up empty and put the unit table before the projects."""
    for key in [k for k, v in data.items() if v == {}]:
        del data[key]
    performance = data.get("performance")
    if isinstance(performance, dict):
        data["performance"] = {k: performance[k] for k in ("summary", "unit_table", "projects") if k in performance}
