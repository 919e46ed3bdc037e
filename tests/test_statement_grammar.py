"""The statement grammar on generated "三公" text: consistent text passes, a changed figure is found."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetcheck.checks.engine import check_report, resolve_profile
from budgetcheck.sources.documents.load import load_document

from .statement_text import documents, render

SEVERE = ("error", "warning")


def _findings(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load_document(path)
    result = check_report(loaded, profile=resolve_profile(loaded))
    return [(f.rule, f.path, f.message_en) for f in result.findings if f.severity in SEVERE]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=documents())
def test_consistent_generated_text_gives_no_finding(tmp_path: Path, case: tuple) -> None:
    figures, style = case
    assert _findings(tmp_path, render(figures, style)) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=documents(), which=st.sampled_from(["abroad", "reception", "running"]))
def test_a_changed_final_figure_is_found(tmp_path: Path, case: tuple, which: str) -> None:
    figures, style = case
    text = render(figures, style)
    changed = {k: dict(v) for k, v in figures.items()}
    changed[which]["final"] += max(figures[which]["final"] // 5, 300)
    changed["vehicles"]["final"] = changed["purchase"]["final"] + changed["running"]["final"]
    changed["total"]["final"] = sum(changed[k]["final"] for k in ("abroad", "reception", "vehicles"))
    moved = render(changed, style)
    # Keep every other figure as in the consistent text: swap only the list of items.
    assert _findings(tmp_path, text) == []
    assert _findings(tmp_path, _mixed(text, moved)) != []


def _mixed(original: str, moved: str) -> str:
    """The original text with its last line (an item sentence) taken from the moved text."""
    first, second = original.rstrip("\n").split("\n"), moved.rstrip("\n").split("\n")
    listed = next(i for i, line in enumerate(first) if "支出决算中" in line or "支出決算中" in line)
    return "\n".join(first[:listed] + [second[listed]] + first[listed + 1 :]) + "\n"
