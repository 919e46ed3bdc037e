"""Check a list of input files and summarise: the one place that knows load → check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .engine import FileResult, check_report
from .findings import Severity
from .loader import InputError, load_report
from .loader.decode import DEFAULT_MAX_BYTES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class RunResult:
    """The results of all files of one run."""

    files: list[FileResult] = field(default_factory=list)

    def counts(self) -> Counter[Severity]:
        """Findings of each severity over all files (explained ones excluded)."""
        total: Counter[Severity] = Counter()
        for file in self.files:
            total.update(f.severity for f in file.findings if not f.explained)
        return total

    def summary_line(self, lang: str = "en") -> str:
        """``3 files: 2 errors, 1 warning, 0 info; 1 unreadable``."""
        counts = self.counts()
        bad = sum(1 for f in self.files if f.invalid)
        explained = sum(1 for file in self.files for f in file.findings if f.explained)
        n = len(self.files)
        if lang == "zh":
            text = (
                f"{n} 个文件：强制性 {counts[Severity.ERROR]}，提示性 {counts[Severity.WARNING]}，"
                f"提示 {counts[Severity.INFO]}"
            )
            if explained:
                text += f"，已说明 {explained}"
            return text + (f"；无法检查 {bad}" if bad else "")
        text = (
            f"{n} file{'s' if n != 1 else ''}: {counts[Severity.ERROR]} error(s), "
            f"{counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info"
        )
        if explained:
            text += f", {explained} explained"
        return text + (f"; {bad} could not be checked" if bad else "")

    def exit_code(self, fail_on: Severity = Severity.ERROR, exit_zero: bool = False) -> int:
        """2 if any file was unreadable or invalid, else 1 if a finding reaches ``fail_on``."""
        if any(f.invalid for f in self.files):
            return EXIT_ERROR
        if exit_zero:
            return EXIT_CLEAN
        for file in self.files:
            if any(f.severity.rank >= fail_on.rank and not f.explained for f in file.findings):
                return EXIT_FINDINGS
        return EXIT_CLEAN


def check_file(path: str, profile: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    """Load and check one file; an unreadable file becomes a result with an error line."""
    try:
        loaded = load_report(path, max_bytes)
    except InputError as exc:
        return FileResult(path, invalid=True, error=str(exc))
    try:
        from .engine import resolve_profile

        chosen = resolve_profile(loaded, profile) if loaded.report is not None else None
    except KeyError as exc:
        return FileResult(path, invalid=True, error=f"{path}: unknown profile {exc.args[0]!r} / 未知评分方案")
    return check_report(loaded, profile=chosen)


def run(paths: list[str], profile: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> RunResult:
    """Check every file, in the given order."""
    return RunResult([check_file(path, profile, max_bytes) for path in paths])
