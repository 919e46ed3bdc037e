"""Check a list of inputs and summarise: the one place that knows load → check → result.

A run is a pipeline over a stream of file results — check, add the inputs that named
nothing, keep the selected rules, hide the baseline — assembled first and wrapped in one
:class:`~budgetcheck.result.RunResult`; nothing is changed after it is built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import partial

from .baseline import Key, split
from ..checks.engine import check_report, resolve_profile
from ..i18n import Text, render
from ..sources.inputs import STDIN, STDIN_NAME
from ..sources.load import InputError, LoadedReport, load_report, load_text
from ..sources.decode import DEFAULT_MAX_BYTES, decode_report
from ..result import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, FileResult, RunResult, Totals
from ..model.records import Frozen, replace, set_field
from .selection import Selection

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "FileResult", "RunResult", "Totals", "Plan",
           "check_file", "check_bytes", "run", "unreadable", "select", "apply_baseline"]


def _check_loaded(loaded: LoadedReport, profile: str | None, allow_explained_errors: bool, lang: str) -> FileResult:
    try:
        chosen = resolve_profile(loaded, profile) if loaded.report is not None else None
    except KeyError as exc:
        message = f"{loaded.source}: {render(Text('input.unknown_profile', name=exc.args[0]), lang)}"
        return FileResult(loaded.source, invalid=True, error=message)
    return check_report(loaded, profile=chosen, allow_explained_errors=allow_explained_errors)


def check_file(
    path: str,
    profile: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_explained_errors: bool = False,
    lang: str = "en",
) -> FileResult:
    """Load and check one file; an unreadable file becomes a result with an error line in ``lang``."""
    try:
        loaded = load_report(path, max_bytes)
    except InputError as exc:
        return FileResult(path, invalid=True, error=exc.render(lang))
    return _check_loaded(loaded, profile, allow_explained_errors, lang)


def check_bytes(
    data: bytes,
    source: str = STDIN_NAME,
    profile: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_explained_errors: bool = False,
    lang: str = "en",
) -> FileResult:
    """Check a report given as bytes (standard input), named ``source`` in the findings."""
    try:
        loaded = load_text(decode_report(data, source, max_bytes), source)
    except InputError as exc:
        return FileResult(source, invalid=True, error=exc.render(lang))
    return _check_loaded(loaded, profile, allow_explained_errors, lang)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process, which stops them."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _map(paths: list[str], jobs: int, check: partial[FileResult]) -> Iterator[FileResult]:
    """Check files on ``jobs`` processes when the parallel helper is there, else in turn."""
    if jobs > 1 and len(paths) > 1:
        try:
            from .parallel import map_ordered
        except ImportError:  # pragma: no cover - the batch module is optional
            pass
        else:
            return map_ordered(check, paths, jobs, initializer=_worker_init)
    return (check(path) for path in paths)


class Plan(Frozen):
    """How to check: the options every file is checked with."""

    __slots__ = ("profile", "max_bytes", "jobs", "allow_explained_errors", "lang")
    profile: str | None
    max_bytes: int
    jobs: int
    allow_explained_errors: bool
    lang: str

    def __init__(
        self, profile: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1,
        allow_explained_errors: bool = False, lang: str = "en",
    ) -> None:
        set_field(self, "profile", profile)
        set_field(self, "max_bytes", max_bytes)
        set_field(self, "jobs", jobs)
        set_field(self, "allow_explained_errors", allow_explained_errors)
        set_field(self, "lang", lang)


def check_all(paths: list[str], plan: Plan = Plan(), stdin: bytes | None = None) -> Iterator[FileResult]:
    """Every input's result in the given order, each as soon as it is checked."""
    check = partial(check_file, profile=plan.profile, max_bytes=plan.max_bytes,
                    allow_explained_errors=plan.allow_explained_errors, lang=plan.lang)
    checked = _map([p for p in paths if p != STDIN], plan.jobs, check)
    try:
        for path in paths:
            if path == STDIN:
                yield check_bytes(stdin or b"", STDIN_NAME, plan.profile, plan.max_bytes,
                                  plan.allow_explained_errors, plan.lang)
            else:
                yield next(checked)
    finally:
        close = getattr(checked, "close", None)
        if close is not None:
            close()  # stops a process pool at once when the reader leaves early


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
    plan = Plan(profile, max_bytes, jobs, allow_explained_errors)
    return RunResult(check_all(paths, plan, stdin))


def unreadable(source: str, message: str, lang: str = "en") -> FileResult:
    """A result for an input that names nothing checkable (an empty directory)."""
    return FileResult(source, invalid=True, error=f"{source}: {render(message, lang)}")


def select(files: Iterable[FileResult], selection: Selection) -> Iterator[FileResult]:
    """Keep only the findings of selected rules (the engine ran every rule)."""
    return (replace(file, findings=selection.filter(file.findings)) for file in files)


def apply_baseline(files: Iterable[FileResult], known: Counter[Key]) -> Iterator[FileResult]:
    """Hide findings listed in a baseline; each file counts them in ``baselined``."""
    for file in files:
        findings, dropped = split(file.findings, known)
        yield replace(file, findings=findings, baselined=file.baselined + dropped)

