"""``--statistics``: how many findings each rule has, most frequent first (as ruff prints it)."""

from __future__ import annotations

from typing import IO

from ..catalogue.rules import load_rules
from ..result import RunResult


def report(run: RunResult, out: IO[str], lang: str) -> None:
    """One line per rule with findings: count, code, name, summary; then the summary line."""
    run.drain()
    totals = run.totals()
    rules = load_rules()
    rows = sorted(totals.by_rule.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    for code, count in rows:
        rule = rules.get(code)
        name = rule.name if rule else ""
        summary = (rule.summary_zh if lang == "zh" and rule.summary_zh else rule.summary) if rule else ""
        out.write(f"{count:>{width}}  {code}  {name:<28} {summary}\n")
    if run.show_summary:
        out.write(totals.summary_line(lang) + "\n")

