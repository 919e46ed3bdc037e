"""Long runs at a terminal: a progress bar on stderr, output flushed file by file.

The progress bar (rich.progress, transient) shows files done, findings so far, the rate
and the time left; it is drawn only when stderr is a terminal and no CI system is
recording the log. Output is flushed after each file, so a reader that left (``| head``)
is noticed before the next file is checked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from types import TracebackType
from typing import IO, Any

from ..i18n import t
from ..result import FileResult, Totals

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report a writer whose reader left
_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD")


def wants_progress(env: Mapping[str, str], stderr_is_terminal: bool) -> bool:
    """A progress bar only on a terminal that no CI system records."""
    return stderr_is_terminal and not any(env.get(name) for name in _CI_VARIABLES)


class Watch:
    """Follows a run's file results as the reporter reads them."""

    def __init__(self, total: int, out: IO[str] | None = None, *, progress: bool = False, lang: str = "en") -> None:
        self.total, self._out, self.lang = total, out, lang
        self.totals = Totals()
        self._progress: Any = self._bar() if progress else None
        self._task: Any = None

    def _bar(self) -> Any:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        files, findings, left = (t(key, self.lang) for key in ("progress.files", "progress.findings", "progress.left"))
        return Progress(
            BarColumn(), MofNCompleteColumn(), TextColumn(files),
            TextColumn(f"{{task.fields[findings]}} {findings}"),
            TextColumn(f"{{task.fields[rate]}} {files}/s"),
            TimeRemainingColumn(), TextColumn(left),
            console=Console(stderr=True), transient=True,
            redirect_stdout=self._out is None and _stdout().isatty(), redirect_stderr=False,
        )

    def __enter__(self) -> Watch:
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("", total=self.total, findings=0, rate="0.0")
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()

    @property
    def out(self) -> IO[str]:
        """Where the report goes: the output file, or standard output (below the bar)."""
        return self._out if self._out is not None else _stdout()

    def stream(self, files: Iterable[FileResult]) -> Iterator[FileResult]:
        """The same results, counted on the way; output is flushed between files."""
        for file in files:
            self.totals.add(file)
            self._advance()
            yield file
            self.out.flush()

    def _advance(self) -> None:
        if self._progress is None:
            return
        task = self._progress.tasks[0]
        rate = f"{task.speed:.1f}" if task.speed else "…"
        findings = sum(self.totals.unexplained.values())
        self._progress.update(self._task, completed=self.totals.files, findings=findings, rate=rate)


def _stdout() -> IO[str]:
    return sys.stdout


def utf8_stdout() -> None:
    """Reports hold Chinese text: write UTF-8 whatever the locale says."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8")


def silence_stdout() -> None:
    """Point standard output at the null device, so exiting flushes nothing into a closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests): nothing will be flushed anyway
        pass
    finally:
        os.close(devnull)
