"""The packages follow the stages of a run, and each imports only the stages before it.

A module moved into the wrong package, or a shortcut import from a later stage (a reporter
importing a check, the model importing a reader), turns this red with the offending import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "budgetcheck"

# stage → the stages it may import ("" is the package's own __init__: the version)
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "i18n": {"result"},
    "result": {"i18n", "model"},
    "sources": {"i18n", "model"},
    # the catalogue checks each rule's kind against the kinds this installation can run
    "catalogue": {"", "checks", "i18n", "model", "result", "sources"},
    "checks": {"catalogue", "i18n", "model", "result", "sources"},
    "run": {"catalogue", "checks", "i18n", "model", "result", "sources"},
    "reporters": {"", "catalogue", "i18n", "model", "result", "sources"},
    "api": {"catalogue", "checks", "model", "result", "run", "sources"},
    "cli": {"", "api", "catalogue", "checks", "i18n", "model", "reporters", "result", "run", "sources"},
    "__main__": {"cli"},
}


def _stage(module: list[str]) -> str:
    return module[0] if module else ""


def _imports(path: Path) -> list[tuple[int, list[str]]]:
    """(line, imported module as parts below ``budgetcheck``) for each import in ``path``."""
    return _imports_of(list(path.relative_to(PACKAGE).with_suffix("").parts), path.read_text(encoding="utf-8"))


def _imports_of(parts: list[str], source: str) -> list[tuple[int, list[str]]]:
    package = parts[:-1]
    found: list[tuple[int, list[str]]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            found.append((node.lineno, base + (node.module.split(".") if node.module else [])))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("budgetcheck"):
            found.append((node.lineno, (node.module or "").split(".")[1:]))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.split(".")[1:]) for a in node.names if a.name.startswith("budgetcheck")]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_stage_is_declared() -> None:
    stages = {p.relative_to(PACKAGE).with_suffix("").parts[0] for p in MODULES} - {"__init__"}
    assert stages == set(ALLOWED)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_only_earlier_stages(path: Path) -> None:
    own = path.relative_to(PACKAGE).with_suffix("").parts[0]
    if own == "__init__":
        return
    wrong = [
        f"{path.relative_to(PACKAGE)}:{line} imports budgetcheck.{'.'.join(target)}"
        for line, target in _imports(path)
        if _stage(target) != own and _stage(target) not in ALLOWED[own]
    ]
    assert not wrong


def test_the_walk_resolves_relative_imports() -> None:
    """A reporter reaching into the checks, however it is spelt, is seen as the checks."""
    source = "from ..checks.context import Context\nfrom .common import where\nimport budgetcheck.run.runner\n"
    assert _imports_of(["reporters", "concise"], source) == [
        (1, ["checks", "context"]), (2, ["reporters", "common"]), (3, ["run", "runner"]),
    ]
    assert _imports_of(["checks", "scoring", "missed"], "from ...result import Finding\n") == [(1, ["result"])]
