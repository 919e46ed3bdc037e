"""Long runs: a progress bar on a terminal only, Ctrl-C stops with a partial summary and exit
130 (with a process pool too), a reader that leaves (``| head``) stops the run at once.

Each test runs the real command on a 2,000-file batch of small reports in a subprocess and
synchronises on its output (bounded polls), never on sleeps.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPORT = """unit: {name: 测试单位, year: 2024}
basic_expenditure: {total: "31.00", personnel: "20.00", public: "10.00"}
"""
BATCH = 2000
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and pseudo-terminals")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 one-finding reports in one folder."""
    folder = tmp_path_factory.mktemp("batch")
    for index in range(BATCH):
        (folder / f"r{index:04d}.yaml").write_text(REPORT, encoding="utf-8")
    return folder


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    return {**env, "LANG": "en_US.UTF-8", "LC_ALL": "", "COLUMNS": "120", **extra}


def _start(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # SIGINT as a terminal delivers it, whatever the test runner ignores
        [sys.executable, "-m", "budgetcheck", "validate", "--format", "concise", *args],
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kwargs,  # type: ignore[arg-type]
    )


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    """Read ``fd`` until ``needle`` appears or ``timeout`` seconds pass."""
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the pty closed
                break
            if not chunk:
                break
            seen += chunk
    return seen


def _wait(process: subprocess.Popen[bytes], timeout: float) -> float:
    """Seconds until the process exits (polled, bounded by ``timeout``)."""
    start = time.monotonic()
    process.wait(timeout=timeout)
    return time.monotonic() - start


def test_progress_is_drawn_on_a_terminal_and_ctrl_c_exits_130(batch: Path) -> None:
    master, slave = os.openpty()
    process = _start(["--jobs", "1", str(batch)], stdout=subprocess.DEVNULL, stderr=slave, env=_env())
    os.close(slave)
    try:
        seen = _read_until(master, b"findings", timeout=60)
        assert f"/{BATCH}".encode() in seen and b"files/s" in seen, seen[-500:]
        process.send_signal(signal.SIGINT)
        seen += _read_until(master, b"interrupted", timeout=10)
        assert _wait(process, timeout=10) < 1.0
    finally:
        process.kill()
        os.close(master)
    assert process.returncode == 130
    text = seen.decode("utf-8", "replace")
    assert f"of {BATCH} file(s):" in text and "error(s)" in text


@pytest.mark.parametrize("extra_env", [{}, {"CI": "true"}], ids=["pipe", "ci-terminal"])
def test_no_progress_in_pipes_or_ci_logs(batch: Path, tmp_path: Path, extra_env: dict[str, str]) -> None:
    few = tmp_path / "few"
    few.mkdir()
    for name in ("a", "b", "c"):
        (few / f"{name}.yaml").write_text(REPORT, encoding="utf-8")
    if extra_env:  # a terminal, but a CI system records it
        master, slave = os.openpty()
        process = _start([str(few)], stdout=subprocess.DEVNULL, stderr=slave, env=_env(**extra_env))
        os.close(slave)
        seen = _read_until(master, b"\x00never", timeout=30)
        os.close(master)
        process.wait(timeout=30)
    else:
        process = _start([str(few)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
        seen = process.communicate(timeout=60)[1]
    assert process.returncode == 1
    assert b"files/s" not in seen and b"\x1b[" not in seen


def test_ctrl_c_stops_a_process_pool_with_a_partial_summary(batch: Path) -> None:
    process = _start(["--jobs", "2", str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()  # the pool is running
    assert b"BC101" in first
    process.send_signal(signal.SIGINT)
    elapsed = _wait(process, timeout=10)
    err = process.stderr.read().decode("utf-8")
    assert process.returncode == 130, err
    assert elapsed < 1.0, elapsed
    assert "Traceback" not in err
    line = err.strip().splitlines()[-1]
    assert line.startswith("interrupted after ") and f"of {BATCH} file(s): " in line
    checked = int(line.split()[2])
    assert 1 <= checked < BATCH
    assert f"{checked} file" in line.split(": ", 1)[1]  # the summary counts what was checked


def test_a_closed_pipe_stops_the_run_at_once(batch: Path) -> None:
    """``budgetcheck validate … | head -2``: the reader leaves, the run ends without a traceback."""
    process = _start(["--jobs", "2", str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert process.stdout is not None and process.stderr is not None
    lines = [process.stdout.readline(), process.stdout.readline()]
    assert all(b"BC101" in line for line in lines)
    process.stdout.close()  # what head does after two lines
    elapsed = _wait(process, timeout=30)
    err = process.stderr.read().decode("utf-8")
    assert process.returncode == 141, err
    assert err == ""
    assert elapsed < 2.0, elapsed  # the other ~1,998 files are not checked
