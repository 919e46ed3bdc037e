"""What a run produces: severities, findings, file results, run results and their totals.

Reporters read only these types (and rule metadata), so importing a reporter never imports
the checks. A run result is built once from a stream of file results; its totals fill in as
the stream is read, so a batch of any size is reported without keeping its results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING

from .model.records import Frozen, Record, set_field

if TYPE_CHECKING:
    from .model.docinfo import DocumentInfo

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Severity(str, Enum):
    """How serious a finding is, in the MoF audit's terms."""

    ERROR = "error"  # 强制性: the arithmetic is wrong
    WARNING = "warning"  # 提示性: suspicious, acceptable with an explanation
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label_zh(self) -> str:
        """The Chinese name used by the MoF software."""
        return {"error": "强制性", "warning": "提示性", "info": "提示"}[self.value]

    def label(self, lang: str) -> str:
        """The severity's name in ``lang``."""
        return self.label_zh if lang == "zh" else self.value


class Finding(Frozen):
    """One reported inconsistency at one place of one report (``source`` is not compared)."""

    __slots__ = ("rule", "name", "severity", "message_en", "message_zh", "path", "file", "line", "column",
                 "expected", "found", "interval", "related", "explained", "source")
    __compared__ = __slots__[:-1]
    rule: str
    name: str
    severity: Severity
    message_en: str
    message_zh: str
    path: str
    file: str
    line: int | None
    column: int | None
    expected: str | None
    found: str | None
    interval: str | None
    related: tuple[str, ...]
    explained: str | None
    source: str | None

    def __init__(  # noqa: PLR0913 - a finding's fields, as the reporters read them
        self, rule: str, name: str, severity: Severity, message_en: str, message_zh: str, path: str, file: str,
        line: int | None = None, column: int | None = None, expected: str | None = None, found: str | None = None,
        interval: str | None = None, related: tuple[str, ...] = (), explained: str | None = None,
        source: str | None = None,
    ) -> None:
        set_field(self, "rule", rule)
        set_field(self, "name", name)
        set_field(self, "severity", severity)
        set_field(self, "message_en", message_en)
        set_field(self, "message_zh", message_zh)
        set_field(self, "path", path)
        set_field(self, "file", file)
        set_field(self, "line", line)
        set_field(self, "column", column)
        set_field(self, "expected", expected)
        set_field(self, "found", found)
        set_field(self, "interval", interval)
        set_field(self, "related", related)
        set_field(self, "explained", explained)
        set_field(self, "source", source)

    def message(self, lang: str = "en") -> str:
        """The message in English (``en``) or Chinese (``zh``)."""
        return self.message_zh if lang == "zh" else self.message_en

    def expected_text(self, lang: str = "en") -> str | None:
        """``expected`` for display: a figure as is, a word such as "undefined" translated."""
        if self.expected is None:
            return None
        from .i18n import fragment

        return fragment(self.expected, lang)

    def source_text(self, lang: str = "en") -> str | None:
        """Where in the source document the figure was printed (.txt/.docx/.pdf), in ``lang``."""
        if self.source is None:
            return None
        from .i18n import place

        return place(self.source, lang)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, position, rule and path so output is deterministic."""
        return (self.file, self.line or 0, self.column or 0, self.rule, self.path)


class FileResult(Record):
    """The findings of one input file, and whether it could be checked at all.

    ``baselined`` counts the findings a baseline hid from ``findings``.
    """

    __slots__ = ("source", "findings", "invalid", "error", "baselined", "document")
    source: str
    findings: list[Finding]
    invalid: bool
    error: str | None
    baselined: int
    document: DocumentInfo | None  # unit, year, table names: for the human formats

    def __init__(
        self, source: str, findings: list[Finding] | None = None, invalid: bool = False, error: str | None = None,
        baselined: int = 0, document: DocumentInfo | None = None,
    ) -> None:
        self.source = source
        self.findings = [] if findings is None else findings
        self.invalid = invalid
        self.error = error
        self.baselined = baselined
        self.document = document

    def counts(self) -> Counter[Severity]:
        """How many findings of each severity."""
        return Counter(f.severity for f in self.findings)


class Totals(Record):
    """What the summary line and the exit code need, counted file by file as results pass."""

    __slots__ = ("files", "unexplained", "explained", "invalid", "baselined", "by_rule")
    files: int
    unexplained: Counter[Severity]
    explained: int
    invalid: int
    baselined: int
    by_rule: Counter[str]

    def __init__(self) -> None:
        self.files = self.explained = self.invalid = self.baselined = 0
        self.unexplained = Counter()
        self.by_rule = Counter()

    def add(self, file: FileResult) -> None:
        """Count one file's findings."""
        self.files += 1
        self.invalid += file.invalid
        self.baselined += file.baselined
        for finding in file.findings:
            if finding.explained:
                self.explained += 1
            else:
                self.unexplained[finding.severity] += 1
                self.by_rule[finding.rule] += 1

    @classmethod
    def of(cls, files: Iterable[FileResult]) -> Totals:
        """The totals of a list of results."""
        totals = cls()
        for file in files:
            totals.add(file)
        return totals

    def exit_code(self, fail_on: Severity, exit_zero: bool) -> int:
        """2 if any file was unreadable or invalid, else 1 if a finding reaches ``fail_on``."""
        if self.invalid:
            return EXIT_ERROR
        if exit_zero:
            return EXIT_CLEAN
        if any(n and severity.rank >= fail_on.rank for severity, n in self.unexplained.items()):
            return EXIT_FINDINGS
        return EXIT_CLEAN

    def summary_line(self, lang: str = "en") -> str:
        """``3 files: 2 error(s), 1 warning(s), 0 info; 1 could not be checked`` (or in Chinese)."""
        from .i18n import summary_line

        return summary_line(self, lang)


class RunResult(Frozen):
    """The results of all files of one run, and the settings that decide its exit code.

    ``files`` is a stream (any iterable: an iterator that checks each file when it is asked
    for, or a list) read once through :meth:`each`, in input order; the totals are counted
    as it passes and are complete when it is exhausted. Text reporters write the summary
    line only when ``show_summary`` (not under ``-q``) and colour only when ``color``.
    """

    __slots__ = ("files", "fail_on", "exit_zero", "rules", "show_summary", "color", "_streamed", "_state")
    __fields__ = __slots__[:6]
    files: Iterable[FileResult]
    fail_on: Severity
    exit_zero: bool
    rules: tuple[str, ...]
    show_summary: bool
    color: bool
    _streamed: Totals
    _state: dict[str, bool]

    def __init__(
        self, files: Iterable[FileResult] | None = None, fail_on: Severity = Severity.ERROR, exit_zero: bool = False,
        rules: tuple[str, ...] = (), show_summary: bool = True, color: bool = False,
    ) -> None:
        set_field(self, "files", [] if files is None else files)
        set_field(self, "fail_on", fail_on)
        set_field(self, "exit_zero", exit_zero)
        set_field(self, "rules", rules)
        set_field(self, "show_summary", show_summary)
        set_field(self, "color", color)
        set_field(self, "_streamed", Totals())
        set_field(self, "_state", {})

    def each(self) -> Iterator[FileResult]:
        """Every file result in input order; a run is read once."""
        if self._state.get("started"):
            raise RuntimeError("a run's results are read once")
        self._state["started"] = True
        for file in self.files:
            self._streamed.add(file)
            yield file
        self._state["exhausted"] = True

    def drain(self) -> None:
        """Read (check and count) the whole run without reporting it."""
        if not self._state.get("started"):
            for _ in self.each():
                pass

    def totals(self) -> Totals:
        """The counts over all files, once the run has been read."""
        if not self._state.get("exhausted"):
            raise RuntimeError("a run is counted once it has been read through each()")
        return self._streamed

    def partial_totals(self) -> Totals:
        """The counts over the files read so far (for an interrupted run)."""
        return self._streamed

    @property
    def baselined(self) -> int:
        """Findings hidden by the baseline over all files."""
        return self.totals().baselined

    def counts(self) -> Counter[Severity]:
        """Findings of each severity over all files (explained ones excluded)."""
        return Counter(self.totals().unexplained)

    def summary_line(self, lang: str = "en") -> str:
        """The one-line summary of the run in ``lang``."""
        return self.totals().summary_line(lang)

    def exit_code(self, fail_on: Severity | None = None, exit_zero: bool | None = None) -> int:
        """2 if any file was unreadable or invalid, else 1 if a finding reaches ``fail_on``."""
        return self.totals().exit_code(self.fail_on if fail_on is None else fail_on,
                                       self.exit_zero if exit_zero is None else exit_zero)
