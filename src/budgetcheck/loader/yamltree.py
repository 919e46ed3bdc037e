"""Parse YAML into plain data whose scalars keep their raw text, plus each node's position.

Scalars are never resolved by YAML 1.1 rules (``no`` → False, ``1.10`` → 1.1, ``0755`` →
octal): the model reads every figure from the text as written. Anchors and aliases are
rejected, duplicate keys are an error naming both positions.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..paths import Path
from .errors import InputError

try:  # the C-accelerated parser; the pure-Python one behaves the same, slower
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 64
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
Positions = dict[Path, tuple[int, int]]


def _compose(text: str, source: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        if not loader.check_node():
            return None
        node = loader.get_node()
        if loader.check_node():
            extra = loader.get_node()
            mark = extra.start_mark
            raise InputError(source, "more than one YAML document / 文件含多个 YAML 文档", mark.line + 1, mark.column + 1)
        return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError(source, f"invalid YAML: {problem} / YAML 语法错误", line, col) from None
    except yaml.YAMLError as exc:
        raise InputError(source, f"invalid YAML: {exc} / YAML 语法错误") from None
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, source: str):
        self.source = source
        self.positions: Positions = {}
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> InputError:
        return InputError(self.source, message, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path) -> Any:
        if len(path) > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels / 嵌套过深")
        if id(node) in self.seen:
            raise self.fail(node, "YAML aliases (*ref) are not allowed in a report / 报告中不允许使用 YAML 别名")
        self.seen.add(id(node))
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in _NULLS:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (index,)) for index, child in enumerate(node.value)]
        return self.build_mapping(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "mapping keys must be plain names / 键必须是名称")
            if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                raise self.fail(key_node, "YAML merge keys (<<) are not allowed in a report / 不允许使用合并键")
            key = key_node.value
            if key in first_seen:
                first = first_seen[key].start_mark
                raise self.fail(
                    key_node,
                    f"duplicate key {key!r} (first at line {first.line + 1}, column {first.column + 1}) / 键重复",
                )
            first_seen[key] = key_node
            result[key] = self.build(value_node, path + (key,))
        return result


def parse_yaml(text: str, source: str) -> tuple[Any, Positions]:
    """Parse YAML text into raw data and a map from data path to (line, column), 1-based."""
    node = _compose(text, source)
    if node is None:
        raise InputError(source, "empty document: no report / 文档为空", 1)
    builder = _Builder(source)
    return builder.build(node, ()), builder.positions
