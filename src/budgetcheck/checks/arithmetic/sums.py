"""Sum checks: a printed total equals the sum of its printed parts, within rounding.

Each part stands for its rounding interval (narrowed by its copies elsewhere), so the parts
add up to a half-open interval: ``[Σ lo, Σ hi)`` for positive parts. Counts are exact. When
the total is consistent only if every figure had been truncated (a system that cuts 元 data
to 万元 truncates the parts as well as the total), the finding is BC009 (info) instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from ...model.exact import Fraction
from typing import Any

from ...catalogue.rules import Rule
from ...catalogue.targets import GroupSumTarget, Part, SameIndicatorTarget, Scoped, SumTarget
from ...model.figures import Figure
from ...result import Finding
from ..intervals import total
from ...model.paths import DataPath, WILDCARD, get, parse_path, resolve
from ..context import Context, label_of

_LABEL_NOISE = re.compile(r"\s|[(（](?:类|款|项)[)）]")


def what(target: Scoped | SameIndicatorTarget, item: Any = None) -> dict[str, str]:
    """Message values naming what a target compares (``what`` in en/zh, ``item`` label)."""
    described = target.what
    english = described.en if described is not None else ""
    chinese = described.zh if described is not None and described.zh is not None else english
    values = {"what": english, "what_zh": chinese}
    values["item"] = label_of(item) if item is not None else ""
    return values


def collect_parts(ctx: Context, scope: DataPath, specs: Sequence[Part]) -> list[tuple[DataPath, Figure]] | None:
    """The figures of all parts, or None when a required part is missing (cannot check)."""
    found: list[tuple[DataPath, Figure]] = []
    for spec in specs:
        path_text, optional = spec.path, spec.optional
        figures = ctx.figures(scope, path_text)
        if not optional and WILDCARD in path_text:
            expected = _count_elements(ctx, scope, path_text)
            if len(figures) != expected:
                return None
        elif not optional and not figures:
            return None
        found.extend(figures)
    return found


def _count_elements(ctx: Context, scope: DataPath, path_text: str) -> int:
    """How many elements the wildcard prefix of a path spans (every one must have the part)."""
    pattern = parse_path(path_text.lstrip("."))
    last = max(i for i, seg in enumerate(pattern) if seg == WILDCARD)
    base = get(ctx.report, scope) if path_text.startswith(".") else ctx.report
    return sum(1 for _ in resolve(base, pattern[: last + 1]))


def check_sum(ctx: Context, rule: Rule, target: SumTarget) -> Iterator[Finding]:
    """``total`` = Σ ``parts`` for each scope of the target."""
    for scope, item in ctx.scopes(target):
        printed = ctx.figure(scope, target.total)
        if printed is None:
            continue
        parts = collect_parts(ctx, scope, target.parts)
        if not parts:
            continue
        paths = [printed[0]] + [p for p, _ in parts]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        if target.exact:
            counted = sum((fig.exact for _, fig in parts), Fraction(0))
            if printed[1].exact != counted:
                yield ctx.finding(
                    rule, printed[0], what(target, item), expected=str(counted), found=printed[1].text, related=paths
                )
            continue
        computed = total([ctx.interval(path, fig) for path, fig in parts])
        yield from ctx.compare(
            rule, printed[0], printed[1], computed, what(target, item), related=paths,
            truncated=lambda: total([ctx.interval(path, fig, truncated=True) for path, fig in parts]),
        )


def normalise_label(label: str) -> str:
    """A label with brackets, spaces and the 类/款/项 markers removed, for matching."""
    return _LABEL_NOISE.sub("", label)


def check_group_sum(ctx: Context, rule: Rule, target: GroupSumTarget) -> Iterator[Finding]:
    """Each group's printed amount = Σ the members that name it (类 = Σ its 款/项 lines)."""
    members: dict[str, list[tuple[DataPath, Figure]]] = {}
    for path, member in ctx.values((), target.members):
        key = getattr(member, target.member_key, None)
        value = getattr(member, target.member_value, None)
        if isinstance(key, str) and isinstance(value, Figure):
            members.setdefault(normalise_label(key), []).append((path + (target.member_value,), value))
    for path, group in ctx.values((), target.groups):
        key = getattr(group, target.group_key, None)
        value = getattr(group, target.group_value, None)
        if not isinstance(key, str) or not isinstance(value, Figure):
            continue
        parts = members.get(normalise_label(key))
        if not parts:
            continue
        printed_path = path + (target.group_value,)
        paths = [printed_path] + [p for p, _ in parts]
        if ctx.is_blocked(paths):
            continue
        ctx.touch(paths)
        computed = total([ctx.interval(p, fig) for p, fig in parts])
        yield from ctx.compare(
            rule, printed_path, value, computed, what(target, group), related=paths,
            truncated=lambda: total([ctx.interval(p, fig, truncated=True) for p, fig in parts]),
        )
