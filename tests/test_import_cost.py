"""What a ``validate`` of a YAML report imports: nothing the stack floor does not need.

The stack floor is ``import yaml, pydantic, click`` plus one C-loader parse (bench/README.md);
every module a YAML run imports beyond it is start-up time paid on each run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from budgetcheck.cli.config import discover

from .conftest import FIXTURE, ROOT, SEED

# Libraries and stdlib modules a YAML validate has no use for (documents, HTML templates,
# terminal tables, pydantic's model layer, configuration parsing when no file configures
# budgetcheck, pathlib and what it pulls in, checksums the cache does not need).
NOT_IMPORTED = (
    "rich", "pydantic.main", "lxml", "jinja2", "openpyxl", "pypdfium2", "docx", "budgetcheck.sources.documents.reader",
    "tomllib", "pathlib", "urllib.parse", "ipaddress", "fnmatch", "zlib", "hashlib",
)
# The arithmetic modules are another change's (scaled integers); every other module on the
# YAML path declares plain record classes, which cost nothing to define.
MAY_HOLD_DATACLASSES = {"budgetcheck.model.figures", "budgetcheck.model.measures", "budgetcheck.checks.intervals"}

_PROBE = """
import dataclasses, json, sys
from budgetcheck.cli.app import main
try:
    main(["validate", "--format", "concise", {fixture!r}])
except SystemExit:
    pass
loaded = [name for name in {names!r} if name in sys.modules]
with_dataclasses = sorted(
    name for name, module in list(sys.modules.items())
    if name.startswith("budgetcheck") and any(
        dataclasses.is_dataclass(value) and getattr(value, "__module__", None) == name
        for value in vars(module).values() if isinstance(value, type)
    )
)
print(json.dumps({{"loaded": loaded, "dataclasses": with_dataclasses}}))
"""


def _probe(cwd: Path, report: Path = FIXTURE) -> dict[str, list[str]]:
    code = _PROBE.format(fixture=str(report), names=NOT_IMPORTED)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd)
    result: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_yaml_validate_imports_nothing_the_stack_floor_does_not_need() -> None:
    # From the repository root, whose pyproject.toml names budgetcheck but configures it not.
    found = _probe(ROOT)
    assert found["loaded"] == []
    assert set(found["dataclasses"]) <= MAY_HOLD_DATACLASSES, found["dataclasses"]


def test_reading_a_text_document_defines_no_dataclasses_either() -> None:
    found = _probe(ROOT, SEED)
    assert set(found["dataclasses"]) <= MAY_HOLD_DATACLASSES, found["dataclasses"]


TABLES = {
    "header": '[project]\nname = "x"\n\n[tool.budgetcheck]\nfail-on = "warning"\n',
    "quoted header": "[tool.'budgetcheck']\nfail-on = \"warning\"\n",
    "tool table": '[tool]\nbudgetcheck = { fail-on = "warning" }\n',
    "dotted key": 'tool.budgetcheck.fail-on = "warning"\n',
    "spaced dotted key": 'tool . "budgetcheck" . fail-on = "warning"\n',
    "inline table": 'tool = { budgetcheck = { fail-on = "warning" } }\n',
    "escaped key": '[tool."\\u0062udgetcheck"]\nfail-on = "warning"\n',
}


@pytest.mark.parametrize("text", TABLES.values(), ids=TABLES.keys())
def test_every_spelling_of_the_pyproject_table_is_found(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    config = discover(str(tmp_path / "sub"))  # found walking up
    assert config.get("fail-on") == "warning" and config.source == str(tmp_path / "pyproject.toml")


OTHER_TOOLS = {
    "package named budgetcheck": (
        '[project]\nname = "budgetcheck"\n\n[project.scripts]\nbudgetcheck = "budgetcheck.cli.app:main"\n\n'
        '[tool.mypy]\npackages = ["budgetcheck"]\n'
    ),
    "other tool tables": '[tool.ruff]\nline-length = 110\n\n[tool.pytest.ini_options]\naddopts = "-q"\n',
}


@pytest.mark.parametrize("text", OTHER_TOOLS.values(), ids=OTHER_TOOLS.keys())
def test_a_pyproject_without_the_table_is_not_parsed(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    code = ("import sys\nfrom budgetcheck.cli.config import discover\n"
            f"config = discover({str(tmp_path)!r})\nprint(config.source, 'tomllib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stdout.split()[-2:] == ["None", "False"]


def test_a_broken_pyproject_that_configures_budgetcheck_is_still_an_error(tmp_path: Path) -> None:
    from budgetcheck.cli.config import ConfigError

    (tmp_path / "pyproject.toml").write_text('[tool.budgetcheck]\nfail-on = \n', encoding="utf-8")
    with pytest.raises(ConfigError):
        discover(tmp_path)
