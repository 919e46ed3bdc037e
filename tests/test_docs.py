"""Every reference to the domain contract points to docs/domain.md, at a section it has."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CITATION = re.compile(r"(\S*)domain\.md(?: §(\d+(?:\.\d+)?))?")


def _sections() -> set[str]:
    text = (ROOT / "docs" / "domain.md").read_text(encoding="utf-8")
    return set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?)[. ]", text, flags=re.MULTILINE))


def test_domain_citations_point_into_the_repository() -> None:
    sections = _sections()
    assert {"2.1", "2.7", "3", "4", "5"} <= sections
    cited = 0
    for folder in ("src", "rules", "tests"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in (".py", ".yaml") or not path.is_file() or path == Path(__file__):
                continue
            for prefix, section in CITATION.findall(path.read_text(encoding="utf-8")):
                assert prefix.endswith("docs/"), f"{path}: cites domain.md outside docs/"
                assert not section or section in sections, f"{path}: no §{section} in docs/domain.md"
                cited += 1
    assert cited >= 10
