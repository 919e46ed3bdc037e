"""Run one function over many inputs on several cores, yielding results in input order.

Batch validation of a province's disclosures is embarrassingly parallel: each file is
loaded and checked on its own. Inputs are sent to worker processes in chunks (one pickle
round trip per chunk, not per file); at most a few chunks per worker are in flight, so
neither the inputs nor the results of a long run are ever held all at once. Workers live
for the whole run, so whatever they import or build (the report model, the rule
catalogue) is paid once per worker, never once per item.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_CHUNK = 16
"""Largest chunk: big enough to amortise pickling, small enough to balance the cores."""
IN_FLIGHT_PER_WORKER = 4
"""Chunks queued per worker: keeps every core busy while bounding memory."""


def default_jobs() -> int:
    """The number of cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunk_size(count: int | None, jobs: int) -> int:
    """Items per chunk: about eight chunks per worker when the count is known, capped."""
    if count is None:
        return MAX_CHUNK
    return max(1, min(MAX_CHUNK, -(-count // (jobs * 8))))


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Apply ``func`` to each item of one chunk (runs inside a worker)."""
    return [func(item) for item in chunk]


def map_ordered(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int | None = None,
    *,
    chunksize: int | None = None,
    initializer: Callable[[], object] | None = None,
) -> Iterator[R]:
    """Yield ``func(item)`` for every item, in input order, using up to ``jobs`` processes.

    ``jobs`` None means every available core; ``jobs <= 1`` (or a single item) runs in this
    process. ``func`` (and ``initializer``, run once in each worker) must be picklable, i.e.
    module-level functions. An exception raised by ``func`` is raised here, at its item.
    """
    jobs = default_jobs() if jobs is None else jobs
    count = len(items) if isinstance(items, Sequence) else None
    if count is not None:
        jobs = min(jobs, count)
    if jobs <= 1:
        if initializer is not None:
            initializer()
        return (func(item) for item in items)
    return _pooled(func, iter(items), jobs, chunksize or chunk_size(count, jobs), initializer)


def _pooled(
    func: Callable[[T], R],
    items: Iterator[T],
    jobs: int,
    size: int,
    initializer: Callable[[], object] | None,
) -> Iterator[R]:
    """The process-pool branch of :func:`map_ordered`: a bounded window of ordered chunks."""
    pending: deque[Future[list[R]]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=initializer)
    finished = False
    try:
        while True:
            while len(pending) < jobs * IN_FLIGHT_PER_WORKER:
                chunk = list(islice(items, size))
                if not chunk:
                    break
                pending.append(pool.submit(_run_chunk, func, chunk))
            if not pending:
                finished = True
                return
            yield from pending.popleft().result()
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # interrupted, or the reader left: stop the workers now, not after their queue
            _terminate(pool)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's workers and release it without waiting for queued work."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=1)
