"""The rule catalogue, read from the YAML files in ``rules/`` (profiles: ``profiles.py``)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .findings import Severity

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class CatalogueError(Exception):
    """A rule or profile file that does not fit the catalogue format."""


@dataclass(frozen=True)
class Rule:
    """One rule: identity, documentation, message templates and what it checks."""

    code: str
    name: str
    severity: Severity
    kind: str
    summary: str
    summary_zh: str
    message_en: str
    message_zh: str
    docs: str
    example_fail: str
    example_pass: str
    targets: tuple[dict[str, Any], ...] = ()
    params: dict[str, Any] = field(default_factory=dict)
    targets_from: str | None = None
    docs_zh: str = ""

    def docs_in(self, lang: str) -> str:
        """The documentation in ``lang``; English where a rule has no Chinese text yet."""
        return self.docs_zh if lang == "zh" and self.docs_zh else self.docs

    def render(self, lang: str, values: dict[str, str]) -> str:
        """Fill the message template for ``lang`` with ``values`` (names only, no expressions)."""
        template = self.message_zh if lang == "zh" else self.message_en
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def rules_dir() -> Path:
    """Where the catalogue lives: packaged with the wheel, or ``rules/`` in a checkout."""
    packaged = Path(__file__).with_name("_rules")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def _read_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


_REQUIRED = ("code", "name", "severity", "kind", "summary", "message", "docs", "examples")


def _rule_from(data: Any, path: Path) -> Rule:
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: a rule file is a mapping")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise CatalogueError(f"{path}: missing {', '.join(missing)}")
    summary = data["summary"]
    return Rule(
        code=str(data["code"]),
        name=str(data["name"]),
        severity=Severity(data["severity"]),
        kind=str(data["kind"]),
        summary=str(summary["en"] if isinstance(summary, dict) else summary),
        summary_zh=str(summary.get("zh", "")) if isinstance(summary, dict) else "",
        message_en=str(data["message"]["en"]),
        message_zh=str(data["message"]["zh"]),
        docs=str(data["docs"]).strip(),
        example_fail=str(data["examples"].get("fail", "")).strip(),
        example_pass=str(data["examples"].get("pass", "")).strip(),
        targets=tuple(data.get("targets") or ()),
        params=dict(data.get("params") or {}),
        targets_from=str(data["targets_from"]) if data.get("targets_from") else None,
        docs_zh=str(data.get("docs_zh") or "").strip(),
    )


def _share_targets(rules: dict[str, Rule]) -> dict[str, Rule]:
    """Give rules declared with ``targets_from: CODE`` the targets of that rule."""
    for code, rule in rules.items():
        if rule.targets_from is None:
            continue
        source = rules.get(rule.targets_from)
        if source is None or source.targets_from is not None:
            raise CatalogueError(f"{code}: targets_from {rule.targets_from!r} names no rule with its own targets")
        rules[code] = replace(rule, targets=source.targets)
    return rules


@lru_cache(maxsize=None)
def load_rules(directory: Path | None = None) -> dict[str, Rule]:
    """All rules by code, in code order (from the JSON cache when the files are unchanged)."""
    directory = directory or rules_dir()
    paths = sorted(directory.glob("BC*.yaml"))
    from .catalogue_cache import cached

    return cached(paths, lambda: _read_rules(paths), _rule_to_json, _rule_from_json)


def _read_rules(paths: list[Path]) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for path in paths:
        rule = _rule_from(_read_yaml(path), path)
        if rule.code in rules:
            raise CatalogueError(f"{path}: duplicate rule code {rule.code}")
        rules[rule.code] = rule
    return _share_targets(dict(sorted(rules.items())))


def _rule_to_json(rule: Rule) -> dict[str, Any]:
    data = asdict(rule)
    data["severity"] = rule.severity.value
    return data


def _rule_from_json(data: dict[str, Any]) -> Rule:
    return Rule(**{**data, "severity": Severity(data["severity"]), "targets": tuple(data["targets"])})


def find_rule(key: str, rules: dict[str, Rule] | None = None) -> Rule | None:
    """Look a rule up by code (``BC101``) or name (``sum-mismatch``)."""
    rules = rules if rules is not None else load_rules()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((rule for rule in rules.values() if rule.name == key), None)
