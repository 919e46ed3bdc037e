"""The rule catalogue, read from the YAML files in ``rules/`` (profiles: ``profiles.py``)."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..result import Severity
from ..model.records import Frozen, field_names, replace, set_field
from .targets import KINDS, NO_TARGET, Declared, NoTarget, TargetError, Where, parse_target

if TYPE_CHECKING:
    from os import PathLike

    FilePath = str | PathLike[str]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
RULES_DIR_VARIABLE = "BUDGETCHECK_RULES_DIR"


class CatalogueError(ValueError):
    """A rule file that does not fit the catalogue format: one line with its file and line."""


class Rule(Frozen):
    """One rule: identity, documentation, message templates and what it checks."""

    __slots__ = ("code", "name", "severity", "kind", "summary", "summary_zh", "message_en", "message_zh",
                 "docs", "example_fail", "example_pass", "targets", "params", "targets_from", "docs_zh")
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
    targets: tuple[Any, ...]
    """The kind's target objects (see :mod:`budgetcheck.catalogue.targets`), parsed at load."""
    params: Declared
    targets_from: str | None
    docs_zh: str

    def __init__(
        self, code: str, name: str, severity: Severity, kind: str, summary: str, summary_zh: str,
        message_en: str, message_zh: str, docs: str, example_fail: str, example_pass: str,
        targets: tuple[Any, ...] = (), params: Declared | None = None, targets_from: str | None = None,
        docs_zh: str = "",
    ) -> None:
        set_field(self, "code", code)
        set_field(self, "name", name)
        set_field(self, "severity", severity)
        set_field(self, "kind", kind)
        set_field(self, "summary", summary)
        set_field(self, "summary_zh", summary_zh)
        set_field(self, "message_en", message_en)
        set_field(self, "message_zh", message_zh)
        set_field(self, "docs", docs)
        set_field(self, "example_fail", example_fail)
        set_field(self, "example_pass", example_pass)
        set_field(self, "targets", targets)
        set_field(self, "params", NoTarget() if params is None else params)
        set_field(self, "targets_from", targets_from)
        set_field(self, "docs_zh", docs_zh)

    def docs_in(self, lang: str) -> str:
        """The documentation in ``lang``; English where a rule has no Chinese text yet."""
        return self.docs_zh if lang == "zh" and self.docs_zh else self.docs

    def render(self, lang: str, values: dict[str, str]) -> str:
        """Fill the message template for ``lang`` with ``values`` (names only, no expressions)."""
        template = self.message_zh if lang == "zh" else self.message_en
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def rules_dir() -> str:
    """Where the catalogue lives: ``$BUDGETCHECK_RULES_DIR``, packaged with the wheel, or ``rules/``."""
    explicit = os.environ.get(RULES_DIR_VARIABLE)
    if explicit:
        return explicit
    here = os.path.dirname(os.path.realpath(__file__))  # budgetcheck/catalogue
    packaged = os.path.join(os.path.dirname(here), "_rules")
    if os.path.isdir(packaged):
        return packaged
    source = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    return os.path.join(source, "rules")


def yaml_files(folder: FilePath, prefix: str = "") -> list[str]:
    """The ``PREFIX*.yaml`` files of a folder, sorted (none if it does not exist)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(os.path.join(os.fspath(folder), name) for name in names
                  if name.startswith(prefix) and name.endswith(".yaml"))


def _read_yaml(path: FilePath) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


_REQUIRED = ("code", "name", "severity", "kind", "summary", "message", "docs", "examples")
_OPTIONAL = ("targets", "params", "targets_from", "docs_zh")


def _rule_from(data: Any, path: FilePath, check_paths: bool = True) -> Rule:
    """Read one rule file's data; a misfit raises :class:`CatalogueError` at its line."""
    try:
        return _parse_rule(data, check_paths)
    except TargetError as exc:
        raise CatalogueError(_located(path, exc.where, exc.message)) from None


def _parse_rule(data: Any, check_paths: bool) -> Rule:
    if not isinstance(data, dict):
        raise TargetError((), "a rule file is a mapping")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise TargetError((), f"missing {', '.join(missing)}")
    unknown = [key for key in data if key not in _REQUIRED + _OPTIONAL]
    if unknown:
        raise TargetError((unknown[0],), f"unknown key {unknown[0]!r} (known: {', '.join(_REQUIRED + _OPTIONAL)})")
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise TargetError(("severity",), f"severity {data['severity']!r} is not one of error, warning, info") from None
    summary = data["summary"]
    return Rule(
        code=str(data["code"]),
        name=str(data["name"]),
        severity=severity,
        kind=str(data["kind"]),
        summary=str(summary["en"] if isinstance(summary, dict) else summary),
        summary_zh=str(summary.get("zh", "")) if isinstance(summary, dict) else "",
        message_en=str(data["message"]["en"]),
        message_zh=str(data["message"]["zh"]),
        docs=str(data["docs"]).strip(),
        example_fail=str(data["examples"].get("fail", "")).strip(),
        example_pass=str(data["examples"].get("pass", "")).strip(),
        targets=_targets(data, check_paths),
        params=_params(data, check_paths),
        targets_from=str(data["targets_from"]) if data.get("targets_from") else None,
        docs_zh=str(data.get("docs_zh") or "").strip(),
    )


def _kind(data: dict[str, Any]) -> Any:
    from ..checks import KINDS as CHECKS  # the kinds this installation can run

    spec = KINDS.get(str(data["kind"]))
    if spec is None or not (spec.engine or data["kind"] in CHECKS):
        known = sorted(kind for kind, declared in KINDS.items() if declared.engine or kind in CHECKS)
        raise TargetError(("kind",), f"unknown kind {data['kind']!r} (known: {', '.join(known)})")
    return spec


def _targets(data: dict[str, Any], check_paths: bool) -> tuple[Declared, ...]:
    """The rule's targets, each read as its kind's target type (paths checked against the model)."""
    spec, raw = _kind(data), data.get("targets")
    if spec.target is None or data.get("targets_from"):
        if raw is not None:
            raise TargetError(("targets",), f"kind {data['kind']!r} takes no targets" + (
                " (they come from targets_from)" if data.get("targets_from") else ""))
        return ()
    if not isinstance(raw, list) or not raw:
        raise TargetError(("targets",) if raw is not None else (), f"kind {data['kind']!r} needs a list of targets")
    targets = tuple(parse_target(spec.target, item, ("targets", index)) for index, item in enumerate(raw))
    if check_paths:
        from .model_paths import check_target_paths

        for index, target in enumerate(targets):
            check_target_paths(target, ("targets", index))
    return targets


def _params(data: dict[str, Any], check_paths: bool) -> Declared:
    spec, raw = _kind(data), data.get("params")
    if spec.params is None:
        if raw is not None:
            raise TargetError(("params",), f"kind {data['kind']!r} takes no params")
        return NO_TARGET
    params = parse_target(spec.params, raw if raw is not None else {}, ("params",))
    if check_paths:
        from .model_paths import check_target_paths

        check_target_paths(params, ("params",))
    return params


def _located(path: FilePath, where: Where, message: str) -> str:
    """``file:line: key.path: message`` (the line of the nearest key that exists)."""
    from ..sources.errors import InputError
    from ..sources.yamltree import parse_yaml
    from ..model.paths import format_path

    line = None
    try:
        with open(path, encoding="utf-8") as handle:
            _, positions = parse_yaml(handle.read(), str(path))
        for depth in range(len(where), -1, -1):
            if where[:depth] in positions:
                line = positions[where[:depth]][0]
                break
    except (OSError, InputError):
        pass
    at = f"{path}:{line}" if line is not None else str(path)
    text = f"{at}: {format_path(where) + ': ' if where else ''}{message} / 规则文件有误"
    return " ".join(text.split())


def _share_targets(rules: dict[str, Rule]) -> dict[str, Rule]:
    """Give rules declared with ``targets_from: CODE`` the targets of that rule."""
    for code, rule in rules.items():
        if rule.targets_from is None:
            continue
        source = rules.get(rule.targets_from)
        if source is None or source.targets_from is not None:
            raise CatalogueError(f"{code}: targets_from {rule.targets_from!r} names no rule with its own targets")
        if KINDS[source.kind].target is not KINDS[rule.kind].target:
            raise CatalogueError(f"{code}: targets_from {source.code}, whose kind {source.kind!r} has other targets")
        rules[code] = replace(rule, targets=source.targets)
    return rules


def load_rules(directory: FilePath | None = None) -> dict[str, Rule]:
    """All rules by code, in code order (from the JSON cache when the files are unchanged)."""
    return _load_rules(os.fspath(directory) if directory else rules_dir())


@lru_cache(maxsize=None)
def _load_rules(directory: str) -> dict[str, Rule]:
    paths = yaml_files(directory, "BC")
    from .cache import cached

    return cached(paths + _declarations(), lambda: _read_rules(paths), _rule_to_json, _rule_from_json)


def _declarations() -> list[str]:
    """The source files a rule is checked against: a cached catalogue is stale when they change."""
    package = os.path.dirname(os.path.dirname(__file__))
    return [os.path.join(package, *part) for part in
            (("catalogue", "targets.py"), ("model", "report.py"), ("model", "types.py"), ("checks", "__init__.py"))]


def _read_rules(paths: list[str]) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for path in paths:
        rule = _rule_from(_read_yaml(path), path)
        if rule.code in rules:
            raise CatalogueError(f"{path}: duplicate rule code {rule.code}")
        rules[rule.code] = rule
    return _share_targets(dict(sorted(rules.items())))


def _rule_to_json(rule: Rule) -> dict[str, Any]:
    data = {name: getattr(rule, name) for name in field_names(rule) if name not in ("targets", "params")}
    data["severity"] = rule.severity.value
    data["targets"] = [dict(target.raw) for target in rule.targets]
    data["params"] = dict(rule.params.raw)
    return data


def _rule_from_json(data: dict[str, Any]) -> Rule:
    """A cached rule, its targets parsed again (paths were checked when the cache was written)."""
    spec = KINDS[data["kind"]]
    targets = tuple(parse_target(spec.target, raw) for raw in data["targets"]) if spec.target else ()
    params = parse_target(spec.params, data["params"]) if spec.params else NO_TARGET
    return Rule(**{**data, "severity": Severity(data["severity"]), "targets": targets, "params": params})


def clear_cache() -> None:
    """Forget the catalogue read in this process (tests that edit rule files need it)."""
    _load_rules.cache_clear()


def find_rule(key: str, rules: dict[str, Rule] | None = None) -> Rule | None:
    """Look a rule up by code (``BC101``) or name (``sum-mismatch``)."""
    rules = rules if rules is not None else load_rules()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((rule for rule in rules.values() if rule.name == key), None)
