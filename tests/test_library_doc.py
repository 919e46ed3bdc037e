"""The examples of docs/library.md run as written, and the public model classes behave as
pydantic models do (construction, validation, dumps, schema, nesting, adapters, copies, pickle)."""

from __future__ import annotations

import copy
import doctest
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from budgetcheck import api
from budgetcheck.model.figures import Figure
from budgetcheck.model import BasicExpenditure, Explanation, Item, Report, Unit
from budgetcheck.model.types import Placeholder

from .conftest import FIXTURE

ROOT = Path(__file__).resolve().parents[1]


def test_the_library_page_runs_as_written() -> None:
    failures, tried = doctest.testfile(str(ROOT / "docs" / "library.md"), module_relative=False, report=True)
    assert tried >= 10 and failures == 0


@pytest.fixture(scope="module")
def report() -> Any:
    return Report.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))


def test_classes_are_pydantic_models(report: Any) -> None:
    assert issubclass(Report, BaseModel) and isinstance(report, Report)
    assert "unit" in Report.model_fields and Report.model_fields["title"].default is None
    assert Report.__doc__ and "部门决算公开说明" in Report.__doc__


def test_construction_with_keywords() -> None:
    unit = Unit(name="示例单位", year=2024)
    assert unit.year == 2024 and unit.divisions == []
    basic = BasicExpenditure(total="30.00", personnel="20.00", public="10.00")
    assert isinstance(basic.total, Figure) and basic.total.text == "30.00" and basic.total.places == 2
    with pytest.raises(ValidationError):
        Explanation(rule="BC101")  # path and reason are required
    with pytest.raises(ValidationError):
        Unit(name="示例单位", year=2024, nickname="x")  # unknown keys are errors


def test_dump_modes(report: Any) -> None:
    python = report.model_dump()
    json_mode = report.model_dump(mode="json")
    assert python["income"]["total"]["value"] == report.income.total.value  # a Decimal
    assert json_mode["income"]["total"] == report.income.total.text == "1,085.33"
    assert Report.model_validate(python) == report
    assert Report.model_validate(json_mode) == report
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_placeholders_survive_both_dumps() -> None:
    row = {"label": "其他资金", "weight": "—", "executed": "1.00"}
    table = {"funds": {"total": {"label": "年度资金总额"}, "parts": [row]}}
    data = {"unit": {"name": "示例单位", "year": 2024}, "performance": {"unit_table": table}}
    model = Report.model_validate(data)
    cell = model.performance.unit_table.funds.parts[0].weight
    assert isinstance(cell, Placeholder) and cell.text == "—"
    assert Report.model_validate(model.model_dump()) == model == Report.model_validate(model.model_dump(mode="json"))


def test_json_schema_is_the_cli_schema() -> None:
    schema = Report.model_json_schema()
    assert schema["title"] == "Report" and "unit" in schema["properties"]
    assert schema["$defs"]["Explanation"]["required"] == ["rule", "path", "reason"]
    assert '"string", "number"' in json.dumps(schema["$defs"]["Item"]["properties"]["amount"])


def test_nesting_in_a_user_model_and_type_adapter(report: Any) -> None:
    class Submission(BaseModel):
        report: Report
        reviewer: str

    mine = Submission(report=report, reviewer="张三")
    assert Submission.model_validate_json(mine.model_dump_json()) == mine
    assert TypeAdapter(Report).validate_python(report.model_dump(mode="json")) == report
    items = TypeAdapter(list[Item]).validate_python([{"label": "a", "amount": "1.50"}])
    assert items[0].amount.places == 2
    assert "Report" in str(Submission.model_json_schema())


def test_copy_deepcopy_and_pickle(report: Any) -> None:
    assert copy.copy(report) == report
    assert copy.deepcopy(report) == report
    assert pickle.loads(pickle.dumps(report)) == report
    changed = report.model_copy(update={"title": "另一份"})
    assert changed.title == "另一份" and changed.unit == report.unit
    with pytest.raises(ValidationError):
        report.title = "frozen"  # type: ignore[misc]


def test_checks_run_on_a_model_built_in_code(report: Any) -> None:
    from_file = api.check(FIXTURE).findings
    from_model = api.check(report).findings
    assert sorted((f.rule, f.path, f.expected, f.found) for f in from_model) == sorted(
        (f.rule, f.path, f.expected, f.found) for f in from_file
    )
    assert all(f.line is None for f in from_model) and all(f.line for f in from_file)
