"""Check a list of inputs and summarise: the one place that knows load → check → result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial

from .engine import FileResult, check_report, resolve_profile
from .findings import Severity
from .inputs import STDIN, STDIN_NAME
from .loader import InputError, LoadedReport, load_report, load_text
from .loader.decode import DEFAULT_MAX_BYTES, decode_report
from .selection import Selection

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class RunResult:
    """The results of all files of one run, and the settings that decide its exit code."""

    files: list[FileResult] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    exit_zero: bool = False
    rules: tuple[str, ...] = ()
    baselined: int = 0

    def counts(self) -> Counter[Severity]:
        """Findings of each severity over all files (explained ones excluded)."""
        total: Counter[Severity] = Counter()
        for file in self.files:
            total.update(f.severity for f in file.findings if not f.explained)
        return total

    def summary_line(self, lang: str = "en") -> str:
        """``3 files: 2 error(s), 1 warning(s), 0 info; 1 could not be checked``."""
        counts = self.counts()
        bad = sum(1 for f in self.files if f.invalid)
        explained = sum(1 for file in self.files for f in file.findings if f.explained)
        n = len(self.files)
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
        if any(f.invalid for f in self.files):
            return EXIT_ERROR
        if exit_zero:
            return EXIT_CLEAN
        for file in self.files:
            if any(f.severity.rank >= fail_on.rank and not f.explained for f in file.findings):
                return EXIT_FINDINGS
        return EXIT_CLEAN


def _check_loaded(loaded: LoadedReport, profile: str | None, allow_explained_errors: bool) -> FileResult:
    try:
        chosen = resolve_profile(loaded, profile) if loaded.report is not None else None
    except KeyError as exc:
        message = f"{loaded.source}: unknown profile {exc.args[0]!r} / 未知评分方案"
        return FileResult(loaded.source, invalid=True, error=message)
    return check_report(loaded, profile=chosen, allow_explained_errors=allow_explained_errors)


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


def _map(paths: list[str], jobs: int, check: partial[FileResult]) -> list[FileResult]:
    """Check files on ``jobs`` processes when the parallel helper is there, else in turn."""
    if jobs > 1 and len(paths) > 1:
        try:
            from .parallel import map_ordered
        except ImportError:  # pragma: no cover - the batch module is optional
            pass
        else:
            return list(map_ordered(check, paths, jobs))
    return [check(path) for path in paths]


def run(
    paths: list[str],
    profile: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    jobs: int = 1,
    stdin: bytes | None = None,
    allow_explained_errors: bool = False,
) -> RunResult:
    """Check every input in the given order; ``-`` reads the report from ``stdin`` bytes."""
    check = partial(check_file, profile=profile, max_bytes=max_bytes,
                    allow_explained_errors=allow_explained_errors)
    files = [p for p in paths if p != STDIN]
    checked = iter(_map(files, jobs, check))
    results = []
    for path in paths:
        if path == STDIN:
            results.append(check_bytes(stdin or b"", STDIN_NAME, profile, max_bytes, allow_explained_errors))
        else:
            results.append(next(checked))
    return RunResult(results)


def unreadable(source: str, message: str) -> FileResult:
    """A result for an input that names nothing checkable (an empty directory)."""
    return FileResult(source, invalid=True, error=f"{source}: {message}")


def select(result: RunResult, selection: Selection) -> RunResult:
    """Keep only the findings of selected rules (the engine ran every rule)."""
    files = [replace(file, findings=selection.filter(file.findings)) for file in result.files]
    return replace(result, files=files, rules=tuple(sorted(selection.codes)))
