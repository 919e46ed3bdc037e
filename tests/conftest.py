"""Shared helpers: build reports from YAML text or data, and run the engine on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetcheck.checks.engine import FileResult, check_report, resolve_profile
from budgetcheck.sources.load import LoadedReport, build_report, load_text
from budgetcheck.sources.yamltree import Positions

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "changji-2024.yaml"
SEED = ROOT / "fixtures" / "changji-2024.txt"
DEFAULT_UNIT = {"name": "测试单位", "year": "2024"}


def check_touching(loaded: LoadedReport, rules: dict | None = None, profile: object = None) -> tuple[FileResult, frozenset]:
    """Check a report and also return every figure path a check used (coverage measurement)."""
    touched: set = set()
    result = check_report(loaded, rules, profile, touched=touched)  # type: ignore[arg-type]
    return result, frozenset(touched)


def with_unit(data: dict, positions: Positions | None = None) -> tuple[dict, Positions]:
    """Give a partial report the required ``unit`` section if it lacks one."""
    data = dict(data)
    data.setdefault("unit", dict(DEFAULT_UNIT))
    return data, positions or {}


def check_data(data: dict, positions: Positions | None = None, profile: str | None = None,
               source: str = "case.yaml") -> FileResult:
    """Validate raw report data (strings as printed) and run every rule on it."""
    data, positions = with_unit(data, positions)
    loaded = build_report(data, positions, source)
    chosen = resolve_profile(loaded, profile) if loaded.report is not None else None
    return check_report(loaded, profile=chosen)


def check_text(text: str, profile: str | None = None) -> FileResult:
    """Parse report YAML text and run every rule on it."""
    loaded: LoadedReport = load_text(text, "case.yaml")
    chosen = resolve_profile(loaded, profile) if loaded.report is not None else None
    return check_report(loaded, profile=chosen)


def check_document(text: str, profile: str | None = None) -> FileResult:
    """Extract template text (the .txt dump layout) in memory and run every rule on it."""
    import tempfile

    from budgetcheck.sources.load import load_report

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.txt"
        path.write_text(text, encoding="utf-8")
        loaded = load_report(path, display="case.txt")
    chosen = resolve_profile(loaded, profile) if loaded.report is not None else None
    return check_report(loaded, profile=chosen)


@pytest.fixture(scope="session")
def fixture_result() -> FileResult:
    """The findings on the reference fixture (computed once)."""
    from budgetcheck.sources.load import load_report

    loaded = load_report(FIXTURE)
    return check_report(loaded, profile=resolve_profile(loaded))


# -- hypothesis profiles --------------------------------------------------------------------
# ``default``: the CI run, bounded so tests/test_properties.py stays within about a minute on
# two cores. ``thorough``: ten times the examples, opt-in with
# ``pytest --hypothesis-profile=thorough``. Property tests scale their own example counts
# from the loaded profile's ``max_examples`` (tests/test_properties.py).
from hypothesis import HealthCheck, settings  # noqa: E402

# The default run is derandomized so that CI and a developer see the same examples (a red
# main found by chance is no use to a reviewer); ``thorough`` keeps exploring at random.
settings.register_profile(
    "default", max_examples=100, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough", max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
if settings.get_current_profile_name() == "default":
    settings.load_profile("default")
