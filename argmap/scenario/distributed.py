"""Splitting sample-based work into chunks that any executor can run.

Monte Carlo runs and sweeps are cut into chunks of at most ``chunk_size`` samples.
Chunk ``k`` draws its random numbers from the ``k``-th child of one
:class:`numpy.random.SeedSequence` built from the user's seed, so the numbers depend
only on ``(seed, samples, chunk_size)``: the serial run, a
:class:`concurrent.futures.ProcessPoolExecutor` and a ``dask.distributed`` client give
identical results. An executor is anything with ``submit(fn, arg)`` returning a future
with ``result()`` (both of those qualify), or failing that an ordered ``map(fn, args)``.

The chunk function must be a module-level function and its argument picklable, since
a process pool or a cluster sends both to other processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import numpy as np

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ChunkPlan",
    "ExecutorLike",
    "plan_chunks",
    "run_chunks",
]

DEFAULT_CHUNK_SIZE = 4096
"""Samples per chunk unless told otherwise: large enough for numpy to be efficient,
small enough that a progress bar moves and an interrupt loses little."""

P = TypeVar("P")
R = TypeVar("R")


class ExecutorLike(Protocol):
    """What argmap needs of an executor: ``submit`` (or at least ``map``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any: ...


@dataclass(frozen=True)
class ChunkPlan:
    """Where each chunk starts, how many samples it has, and its seed."""

    starts: tuple[int, ...]
    sizes: tuple[int, ...]
    seeds: tuple[np.random.SeedSequence, ...]

    def __len__(self) -> int:
        return len(self.sizes)

    @property
    def total(self) -> int:
        return sum(self.sizes)


def plan_chunks(samples: int, seed: int | None, chunk_size: int | None = None) -> ChunkPlan:
    """Cut ``samples`` into chunks with independent seeds derived from ``seed``.

    >>> plan = plan_chunks(10, seed=1, chunk_size=4)
    >>> plan.sizes, plan.starts
    ((4, 4, 2), (0, 4, 8))
    """
    if samples < 1:
        raise ValueError("samples must be at least 1")
    size = chunk_size or DEFAULT_CHUNK_SIZE
    if size < 1:
        raise ValueError("chunk_size must be at least 1")
    starts = tuple(range(0, samples, size))
    sizes = tuple(min(size, samples - start) for start in starts)
    children = np.random.SeedSequence(seed).spawn(len(starts))
    return ChunkPlan(starts, sizes, tuple(children))


def run_chunks(
    fn: Callable[[P], R],
    payloads: Sequence[P],
    executor: Any = None,
    *,
    progress: bool | None = None,
    weights: Sequence[int] | None = None,
    description: str = "samples",
    fold: Callable[[R], None] | None = None,
) -> tuple[list[R], bool]:
    """Run ``fn`` on each payload, serially or on ``executor``, in order.

    Returns the results of the chunks that finished, in order, and whether the run
    was interrupted (Ctrl-C): an interrupted run keeps what it has and cancels the
    rest, so the caller can report partial results, flagged as such.

    ``progress`` shows a bar (``None``: only on a terminal or in a notebook);
    ``weights`` are the units each chunk advances it by (its sample count). With
    ``fold``, each result is handed to it as it arrives and not kept (the returned
    list is empty), so a long run holds one chunk's results at a time.
    """
    steps = list(weights) if weights is not None else [1] * len(payloads)
    results: list[R] = []
    bar = _bar(sum(steps), progress, description)
    interrupted = False
    futures: list[Any] = []
    try:
        for result, step in zip(_results(fn, payloads, executor, futures), steps, strict=False):
            if fold is None:
                results.append(result)
            else:
                fold(result)
            bar.update(step)
    except KeyboardInterrupt:
        interrupted = True
        for future in futures:
            cancel = getattr(future, "cancel", None)
            if cancel is not None:
                cancel()
    finally:
        bar.close()
    return results, interrupted


def _results(
    fn: Callable[[P], R], payloads: Sequence[P], executor: Any, futures: list[Any]
) -> Iterator[R]:
    if executor is None:
        for payload in payloads:
            yield fn(payload)
        return
    submit = getattr(executor, "submit", None)
    if submit is not None:
        futures.extend(submit(fn, payload) for payload in payloads)
        for i, future in enumerate(futures):
            result = future.result()
            futures[i] = None  # a finished future holds its result: let it go
            yield result
        return
    mapper = getattr(executor, "map", None)
    if mapper is None:
        raise TypeError("an executor needs a submit() or map() method")
    yield from mapper(fn, payloads)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int, progress: bool | None, description: str) -> Any:
    if progress is False:
        return _NoBar()
    from tqdm.auto import tqdm

    # disable=None lets tqdm hide itself when stderr is not a terminal
    return tqdm(total=total, unit=" " + description, disable=None if progress is None else False)
