"""Every user-facing text in English and Chinese, through one catalogue.

Texts are looked up by key in :mod:`budgetcheck.i18n.messages` (data, not code) and filled
with named values. A :class:`Text` is a message that has not chosen its language yet: it
reads as English wherever a plain string is expected (logs, ``str(exc)``) and renders in
either language at the edge, where the language of the run is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .messages import FRAGMENTS, MESSAGES

if TYPE_CHECKING:
    from ..result import Totals

LANGS = ("en", "zh")
_LANG: list[str] = ["en"]
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(!r)?\}")


def locale_lang(env: Mapping[str, str]) -> str:
    """``zh`` when the locale (LC_ALL, LC_MESSAGES, LANG, in POSIX order) is Chinese, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def use(lang: str) -> None:
    """Make ``lang`` the language of texts rendered without naming one (the CLI's choice)."""
    _LANG[0] = lang if lang in LANGS else "en"


def current() -> str:
    """The language chosen with :func:`use` (English until then)."""
    return _LANG[0]


def _fill(template: str, values: Mapping[str, Any], lang: str) -> str:
    def value(match: re.Match[str]) -> str:
        name, as_repr = match.group(1), match.group(2)
        if name not in values:
            return match.group(0)
        text = render(values[name], lang)
        return repr(text) if as_repr and lang != "zh" else text

    return _PLACEHOLDER.sub(value, template)


def t(key: str, lang: str | None = None, /, **values: Any) -> str:
    """The text of ``key`` in ``lang`` (default: the current language), filled with ``values``."""
    en, zh = MESSAGES[key]
    chosen = lang or current()
    return _fill(zh if chosen == "zh" else en, values, chosen)


def _make(key: str, values: dict[str, Any]) -> Text:
    return Text(key, **values)


class Text(str):
    """A catalogue message with its values; as a ``str`` it is the English text."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Text:
        self = super().__new__(cls, t(key, "en", **values))
        self.key, self.values = key, values
        return self

    def render(self, lang: str) -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **self.values)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_make, (self.key, self.values))


def render(value: Any, lang: str | None = None) -> str:
    """A value for display in ``lang``: a :class:`Text` translated, anything else as text."""
    if isinstance(value, Text):
        return value.render(lang or current())
    return str(value)


def did_you_mean(word: str, choices: Iterable[str]) -> Text | str:
    """`` (did you mean X?)`` for the closest choice to a mistyped ``word``, else ``""``."""
    import difflib

    options = list(choices)
    lowered = {choice.lower(): choice for choice in options}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=5, cutoff=0.6)
    if not close:
        return ""
    # equal similarity (BC1O1: BC101 and BC611 alike): prefer the most characters in place
    best = difflib.SequenceMatcher(None, word.lower(), close[0]).ratio()
    tied = [c for c in close if difflib.SequenceMatcher(None, word.lower(), c).ratio() == best]
    match = max(tied, key=lambda c: sum(a == b for a, b in zip(word.lower(), c)))
    return Text("cli.did_you_mean", match=lowered[match])


def os_reason(exc: BaseException) -> Text | str:
    """Why a file could not be read or written: the OS error's words in either language."""
    import errno

    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    if f"os.{name}" in MESSAGES:
        return Text(f"os.{name}")
    return getattr(exc, "strerror", None) or str(exc)


def syntax_reason(exc: BaseException, kind: str) -> Text:
    """A TOML or JSON syntax error: the parser's words, and its line and column in Chinese."""
    found = re.search(r"line (\d+),? column (\d+)", str(exc))
    line, column = found.groups() if found else ("?", "?")
    return Text("syntax.error", kind=kind, detail=str(exc), line=line, column=column)


def fragment(text: str, lang: str) -> str:
    """A non-figure word in a finding's expected value (``undefined (prior 0.00)``) in ``lang``."""
    if lang != "zh":
        return text
    for pattern, zh in FRAGMENTS:
        match = re.fullmatch(pattern, text)
        if match:
            return zh.format(*match.groups())
    return text


def yaml_problem_zh(problem: str) -> str:
    """The Chinese of a YAML parser's problem description, or ``""`` when it is not known."""
    from .messages import YAML_PROBLEMS_ZH

    return _translated(problem, YAML_PROBLEMS_ZH)


def schema_problem_zh(problem: str) -> str:
    """The Chinese of a validation message (the model's or pydantic's), or a general one."""
    from .messages import SCHEMA_PROBLEMS_ZH

    return _translated(problem, SCHEMA_PROBLEMS_ZH) or MESSAGES["schema.general"][1]


def _translated(problem: str, table: tuple[tuple[str, str], ...]) -> str:
    for pattern, zh in table:
        match = re.fullmatch(pattern, problem)
        if match:
            return zh.format(*(group.replace(" or ", " 或 ") for group in match.groups()))
    return ""


def place(text: str, lang: str) -> str:
    """A place in a source document (``table 3 row 5 cell 7``) in ``lang``."""
    if lang != "zh":
        return text
    from .messages import PLACES_ZH

    return "；".join(_translated(part, PLACES_ZH) or part for part in re.split(r";\s*", text))


def summary_line(totals: Totals, lang: str) -> str:
    """``3 files: 2 error(s), 1 warning(s), 0 info; 1 could not be checked`` in ``lang``."""
    from ..result import Severity

    counts = totals.unexplained
    key = "summary.file" if totals.files == 1 else "summary.files"
    text = t(key, lang, files=totals.files, error=counts[Severity.ERROR],
             warning=counts[Severity.WARNING], info=counts[Severity.INFO])
    if totals.explained:
        text += t("summary.explained", lang, n=totals.explained)
    if totals.baselined:
        text += t("summary.baselined", lang, n=totals.baselined)
    if totals.invalid:
        text += t("summary.invalid", lang, n=totals.invalid)
    return text
