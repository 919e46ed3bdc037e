"""Check a list of inputs and summarise: the one place that knows load → check → result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain

from .baseline import Key, split
from .engine import FileResult, check_report, resolve_profile
from .findings import Severity
from .inputs import STDIN, STDIN_NAME
from .loader import InputError, LoadedReport, load_report, load_text
from .loader.decode import DEFAULT_MAX_BYTES, decode_report
from .selection import Selection

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class Totals:
    """What the summary line and the exit code need, counted file by file as results pass."""

    files: int = 0
    unexplained: Counter[Severity] = field(default_factory=Counter)
    explained: int = 0
    invalid: int = 0

    def add(self, file: FileResult) -> None:
        """Count one file's findings."""
        self.files += 1
        self.invalid += file.invalid
        for finding in file.findings:
            if finding.explained:
                self.explained += 1
            else:
                self.unexplained[finding.severity] += 1

    @classmethod
    def of(cls, files: Iterable[FileResult]) -> Totals:
        """The totals of a list of results."""
        totals = cls()
        for file in files:
            totals.add(file)
        return totals


@dataclass
class RunResult:
    """The results of all files of one run, and the settings that decide its exit code.

    ``files`` is a list, or (from :func:`run`) an iterator that yields each file's result as
    soon as it is checked, so that a batch never holds every result: read it once through
    :meth:`each`; the counts are complete when it is exhausted.
    """

    files: Iterable[FileResult] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    exit_zero: bool = False
    rules: tuple[str, ...] = ()
    baselined: int = 0
    _streamed: Totals = field(default_factory=Totals, init=False, repr=False, compare=False)
    _exhausted: bool = field(default=False, init=False, repr=False, compare=False)

    def each(self) -> Iterator[FileResult]:
        """Every file result in input order (a streamed run can be read only once)."""
        if isinstance(self.files, list):
            yield from self.files
            return
        for file in self.files:
            self._streamed.add(file)
            yield file
        self._exhausted = True

    def drain(self) -> None:
        """Check (and count) whatever a streamed run has not yielded yet, discarding it."""
        for _ in self.each():
            pass

    def totals(self) -> Totals:
        """The counts over all files; for a streamed run, only once it has been read."""
        if isinstance(self.files, list):
            return Totals.of(self.files)
        if not self._exhausted:
            raise RuntimeError("a streamed run is counted once it has been read through each()")
        return self._streamed

    def counts(self) -> Counter[Severity]:
        """Findings of each severity over all files (explained ones excluded)."""
        return Counter(self.totals().unexplained)

    def summary_line(self, lang: str = "en") -> str:
        """``3 files: 2 error(s), 1 warning(s), 0 info; 1 could not be checked``."""
        totals = self.totals()
        counts, bad, explained, n = totals.unexplained, totals.invalid, totals.explained, totals.files
        if lang == "zh":
            text = (
                f"{n} 个文件：强制性 {counts[Severity.ERROR]}，提示性 {counts[Severity.WARNING]}，"
                f"提示 {counts[Severity.INFO]}"
            )
            text += f"，已说明 {explained}" if explained else ""
            text += f"，基线已知 {self.baselined}" if self.baselined else ""
            return text + (f"；无法检查 {bad}" if bad else "")
        text = (
            f"{n} file{'s' if n != 1 else ''}: {counts[Severity.ERROR]} error(s), "
            f"{counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info"
        )
        text += f", {explained} explained" if explained else ""
        text += f", {self.baselined} in baseline" if self.baselined else ""
        return text + (f"; {bad} could not be checked" if bad else "")

    def exit_code(self, fail_on: Severity | None = None, exit_zero: bool | None = None) -> int:
        """2 if any file was unreadable or invalid, else 1 if a finding reaches ``fail_on``."""
        fail_on = self.fail_on if fail_on is None else fail_on
        exit_zero = self.exit_zero if exit_zero is None else exit_zero
        totals = self.totals()
        if totals.invalid:
            return EXIT_ERROR
        if exit_zero:
            return EXIT_CLEAN
        if any(n and severity.rank >= fail_on.rank for severity, n in totals.unexplained.items()):
            return EXIT_FINDINGS
        return EXIT_CLEAN


def _check_loaded(loaded: LoadedReport, profile: str | None, allow_explained_errors: bool) -> FileResult:
    try:
        chosen = resolve_profile(loaded, profile) if loaded.report is not None else None
    except KeyError as exc:
        message = f"{loaded.source}: unknown profile {exc.args[0]!r} / 未知评分方案"
        return FileResult(loaded.source, invalid=True, error=message)
    return check_report(loaded, profile=chosen, allow_explained_errors=allow_explained_errors, record_touched=False)


def check_file(
    path: str,
    profile: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_explained_errors: bool = False,
) -> FileResult:
    """Load and check one file; an unreadable file becomes a result with an error line."""
    try:
        loaded = load_report(path, max_bytes)
    except InputError as exc:
        return FileResult(path, invalid=True, error=str(exc))
    return _check_loaded(loaded, profile, allow_explained_errors)


def check_bytes(
    data: bytes,
    source: str = STDIN_NAME,
    profile: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_explained_errors: bool = False,
) -> FileResult:
    """Check a report given as bytes (standard input), named ``source`` in the findings."""
    try:
        loaded = load_text(decode_report(data, source, max_bytes), source)
    except InputError as exc:
        return FileResult(source, invalid=True, error=str(exc))
    return _check_loaded(loaded, profile, allow_explained_errors)


def _map(paths: list[str], jobs: int, check: partial[FileResult]) -> Iterator[FileResult]:
    """Check files on ``jobs`` processes when the parallel helper is there, else in turn."""
    if jobs > 1 and len(paths) > 1:
        try:
            from .parallel import map_ordered
        except ImportError:  # pragma: no cover - the batch module is optional
            pass
        else:
            return map_ordered(check, paths, jobs)
    return (check(path) for path in paths)


def run(
    paths: list[str],
    profile: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    jobs: int = 1,
    stdin: bytes | None = None,
    allow_explained_errors: bool = False,
) -> RunResult:
    """Check every input in the given order; ``-`` reads the report from ``stdin`` bytes.

    The result is streamed: each file is checked when :meth:`RunResult.each` reaches it.
    """
    check = partial(check_file, profile=profile, max_bytes=max_bytes,
                    allow_explained_errors=allow_explained_errors)
    files = [p for p in paths if p != STDIN]

    def results() -> Iterator[FileResult]:
        checked = _map(files, jobs, check)
        for path in paths:
            if path == STDIN:
                yield check_bytes(stdin or b"", STDIN_NAME, profile, max_bytes, allow_explained_errors)
            else:
                yield next(checked)

    return RunResult(results())


def unreadable(source: str, message: str) -> FileResult:
    """A result for an input that names nothing checkable (an empty directory)."""
    return FileResult(source, invalid=True, error=f"{source}: {message}")


def _like(source: Iterable[FileResult], results: Iterator[FileResult]) -> Iterable[FileResult]:
    """``results`` as a list when ``source`` was one, else still streamed."""
    return list(results) if isinstance(source, list) else results


def with_files(result: RunResult, extra: Iterable[FileResult]) -> RunResult:
    """The run with more file results after its own (inputs that name nothing checkable)."""
    return replace(result, files=_like(result.files, chain(result.files, extra)))


def select(result: RunResult, selection: Selection) -> RunResult:
    """Keep only the findings of selected rules (the engine ran every rule)."""
    files = (replace(file, findings=selection.filter(file.findings)) for file in result.files)
    return replace(result, files=_like(result.files, files), rules=tuple(sorted(selection.codes)))


def apply_baseline(result: RunResult, known: Counter[Key]) -> RunResult:
    """Hide findings listed in a baseline; the new run counts them in ``baselined``."""
    out = replace(result, files=[])

    def split_all() -> Iterator[FileResult]:
        for file in result.files:
            findings, dropped = split(file.findings, known)
            out.baselined += dropped
            yield replace(file, findings=findings)

    out.files = _like(result.files, split_all())
    return out
