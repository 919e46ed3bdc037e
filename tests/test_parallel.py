"""map_ordered: results in input order, streamed, in worker processes when jobs > 1."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from budgetcheck.run.parallel import IN_FLIGHT_PER_WORKER, chunk_size, default_jobs, map_ordered

_STATE: dict[str, str] = {}


def _square_and_pid(n: int) -> tuple[int, int]:
    # Uneven work so that chunks finish out of order in the pool.
    sum(range((n % 7) * 2000))
    return n * n, os.getpid()


def _fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n


def _mark_worker() -> None:
    _STATE["init"] = f"ready in {os.getpid()}"


def _read_mark(_: int) -> str:
    return _STATE.get("init", "missing")


def test_in_process_when_one_job() -> None:
    seen: list[int] = []
    results = list(map_ordered(lambda n: seen.append(n) or os.getpid(), [1, 2, 3], jobs=1))
    assert results == [os.getpid()] * 3
    assert seen == [1, 2, 3]


def test_pool_keeps_input_order() -> None:
    results = list(map_ordered(_square_and_pid, list(range(200)), jobs=2))
    assert [value for value, _ in results] == [n * n for n in range(200)]
    assert os.getpid() not in {pid for _, pid in results}


def test_generator_input_is_streamed() -> None:
    pulled = 0

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for n in range(10_000):
            pulled += 1
            yield n

    results = map_ordered(_square_and_pid, numbers(), jobs=2, chunksize=4)
    assert next(results)[0] == 0
    assert pulled <= 2 * IN_FLIGHT_PER_WORKER * 4 + 4
    results.close()


def test_worker_exception_reaches_the_caller() -> None:
    results = map_ordered(_fail_on_three, list(range(10)), jobs=2, chunksize=1)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="three"):
        next(results)


def test_initializer_runs_in_every_worker() -> None:
    marks = list(map_ordered(_read_mark, list(range(40)), jobs=2, chunksize=2, initializer=_mark_worker))
    assert all(mark.startswith("ready in ") for mark in marks)
    assert f"ready in {os.getpid()}" not in marks


def test_empty_input() -> None:
    assert list(map_ordered(_square_and_pid, [], jobs=4)) == []


def test_chunk_size_balances_cores() -> None:
    assert chunk_size(2000, 2) == 16
    assert chunk_size(40, 2) == 3
    assert chunk_size(1, 8) == 1
    assert chunk_size(None, 2) == 16
    assert default_jobs() >= 1


def test_check_file_in_parallel_matches_sequential(tmp_path: Path) -> None:
    from budgetcheck.run.runner import check_file

    good = Path(__file__).resolve().parents[1] / "fixtures" / "changji-2024.yaml"
    bad = tmp_path / "bad.yaml"
    bad.write_text("unit: [unclosed\n", encoding="utf-8")
    paths = [str(good), str(bad), str(good)]
    sequential = [check_file(p) for p in paths]
    pooled = list(map_ordered(check_file, paths, jobs=2, chunksize=1))
    assert [(r.source, r.invalid, r.findings) for r in pooled] == [
        (r.source, r.invalid, r.findings) for r in sequential
    ]
    assert pooled[1].invalid and not pooled[0].invalid
