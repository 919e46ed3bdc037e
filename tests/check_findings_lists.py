"""Check the exact ``findings:`` lists of the rule cases (until the stricter runner lands)."""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from tests.conftest import check_data, check_document

bad = 0
for path in sorted(Path("tests/rule_cases").glob(sys.argv[1] if len(sys.argv) > 1 else "BC*.yaml")):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for case in data["cases"]:
        if "findings" not in case:
            continue
        result = check_document(case["document"]) if "document" in case else check_data(case["report"] or {})
        got = sorted((f.path, f.expected, f.found) for f in result.findings if f.rule == data["rule"])
        want = sorted((w["path"], w.get("expected"), w.get("found")) for w in case["findings"])
        if got != want:
            bad += 1
            print(path.name, case["name"], "\n  got ", got, "\n  want", want)
print("mismatches:", bad)
