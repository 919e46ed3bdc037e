"""The differential test: the CLI's compiled validator (records of ``model/report.py``) accepts,
rejects and dumps exactly what the public pydantic models of ``budgetcheck.model`` do."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from hypothesis import given, settings

from budgetcheck import model as public
from budgetcheck.model.figures import Figure
from budgetcheck.model.compile import ModelDeclarationError, parse_annotation
from budgetcheck.model.jsonschema import twin_of
from budgetcheck.model.report import Change, Item, Report
from budgetcheck.model.types import Base

from .conftest import FIXTURE
from .strategies import consistent_reports

UNIT = {"name": "测试单位", "year": "2024"}
BAD_INPUTS: list[dict[str, Any]] = [
    {"unit": UNIT, "schema_version": "2"},
    {"unit": {"name": ["a"], "year": "abc", "bogus": "1"}},
    {"unit": UNIT, "income": {"total": "12%", "items": [{"label": "x", "amount": "1.00", "parts": "oops"}, {"amount": "2"}]}},
    {"unit": UNIT, "procurement": "5", "government_fund": {"empty": "maybe"}},
    {"unit": UNIT, "explanations": {}},
    {"unit": "3"},
    {"title": "x", "statements": [{"amount": "1", "vs_prior": {"change": "1"}, "parts": [{"label": 3}]}]},
    {"unit": UNIT, "performance": {"unit_table": {"funds": {"total": {"label": "t", "weight": "/"}},
                                                   "indicators": [{"name": "a", "weight": "5", "target": ">=90%",
                                                                   "actual": "95%", "score": "x"}]}}},
    {"unit": {**UNIT, "headcount_total": "5人", "divisions": ["a", 3]}, "income": {"total": None}},
    {"unit": UNIT, "income": {"total": "1.00", "items": [{"label": "a", "amount": "1", "parts": [{"label": 7, "amount": "b"}]}]}},
]


def _errors(model: Any, data: dict[str, Any]) -> list[tuple[str, tuple[Any, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(e["type"], e["loc"], e["msg"]) for e in caught.value.errors(include_url=False)]


@pytest.mark.parametrize("data", BAD_INPUTS, ids=range(len(BAD_INPUTS)))
def test_errors_are_the_ones_pydantic_gives(data: dict[str, Any]) -> None:
    assert _errors(Report, data) == _errors(public.Report, data)


def test_every_declared_class_has_its_public_twin() -> None:
    for name, cls in Report.__declared__.items():
        twin = getattr(public, name)
        assert twin is twin_of(cls) and list(twin.model_fields) == list(cls.__pydantic_fields__)
        assert twin.__doc__ == cls.__doc__ and twin.__module__ == "budgetcheck.model.public"
        required = {n for n, spec in cls.__pydantic_fields__.items() if spec.field.required}
        assert required == {n for n, info in twin.model_fields.items() if info.is_required()}, name


@settings(max_examples=30, deadline=None)
@given(consistent_reports())
def test_generated_reports_validate_and_dump_the_same_way(data: dict[str, Any]) -> None:
    mine, theirs = Report.model_validate(data), public.Report.model_validate(data)
    assert mine.model_dump() == theirs.model_dump(mode="json")
    assert public.Report.model_validate(mine.model_dump()) == theirs


def test_fixture_validates_the_same_way() -> None:
    from budgetcheck.sources.load import load_report

    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    mine = Report.model_validate(data)
    assert mine.model_dump() == public.Report.model_validate(data).model_dump(mode="json")
    loaded = load_report(FIXTURE)
    assert isinstance(loaded.report, Report) and isinstance(loaded.report.income.total, Figure)


def test_instances_are_frozen_values() -> None:
    data = {"label": "a", "amount": "1.50", "parts": [{"label": "b", "amount": "1.50"}]}
    item, again = Item.model_validate(data), Item.model_validate(data)
    assert item == again and item != Item.model_validate({**data, "label": "z"})
    change = Change.model_validate({"amount": "-1.00", "reason": "r"})
    assert hash(change) == hash(Change.model_validate({"amount": "-1.00", "reason": "r"}))
    with pytest.raises(TypeError):
        hash(item)  # holds lists, as a pydantic frozen model does
    assert item.parts[0].amount.text == "1.50" and item.share is None and item.parts[0].parts == []
    with pytest.raises(TypeError, match="frozen"):
        item.label = "c"  # type: ignore[misc]
    assert "label" in type(item).__pydantic_fields__ and "label='a'" in repr(item)


def test_annotation_grammar_is_closed() -> None:
    class Odd(Base):
        when: dict[str, int]

    with pytest.raises(ModelDeclarationError):
        parse_annotation(Odd, Odd.__pydantic_fields__["when"].annotation)
    assert parse_annotation(Item, "list[Item] | None") == ("list", Item, True)


def test_validation_path_does_not_import_pydantic_models() -> None:
    code = (
        "import sys\nfrom budgetcheck.sources.load import load_report\n"
        f"load_report({str(FIXTURE)!r})\n"
        "print(sorted(m for m in ('pydantic.main', 'pydantic.fields', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_annotations_do_not_read_module_globals(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a name in an annotation means is fixed when the classes are declared: shadowing
    or deleting a module global (an import alias, a helper named like a cell type) changes nothing."""
    import budgetcheck.model.report as declarations
    from budgetcheck.model.types import CELL_TYPES

    monkeypatch.setattr(declarations, "Item", None)
    monkeypatch.delattr(declarations, "Amount")
    assert parse_annotation(Item, "list[Item] | None") == ("list", Item, True)
    assert parse_annotation(Item, "Amount") == ("one", CELL_TYPES["Amount"], False)
    with pytest.raises(ModelDeclarationError):
        parse_annotation(Item, "Path")  # a name the module never declared
