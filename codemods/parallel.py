"""Run one function over many files, in order, in worker processes when asked (`--jobs N`).

Results come back in the order of the input (the sorted file order of a run), as they are ready: the
caller streams them, and no more than a few chunks per worker are in flight, so memory does not grow
with the number of files. With one job (the default) nothing is started and the work runs here.
"""
from __future__ import annotations

import os
from collections import deque
from itertools import islice
from typing import Callable, Iterator, List, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def jobs_wanted(jobs: int) -> int:
    """`--jobs 0` means one per CPU this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _chunk(fn: Callable[[T], R], items: List[T]) -> List[R]:
    return [fn(item) for item in items]


def ordered_map(fn: Callable[[T], R], items: Sequence[T], jobs: int = 1) -> Iterator[R]:
    """fn(item) for each item, in order; `fn` must be picklable (a module-level function or a partial)."""
    jobs = min(jobs_wanted(jobs), len(items))
    if jobs <= 1:
        yield from map(fn, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(32, len(items) // (jobs * 4)))
    chunks = iter([list(items[i:i + size]) for i in range(0, len(items), size)])
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque(pool.submit(_chunk, fn, c) for c in islice(chunks, jobs * 3))
        while pending:
            done = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_chunk, fn, following))
            yield from done
