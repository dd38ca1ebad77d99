"""Run numbered tasks on any executor, stream their rows, survive an interrupt.

Every kind of task (a file of a corpus, a variant of a grid) is a module-level
function ``fn(shared, item) -> rows`` where ``item`` carries the task's number and,
for random work, its own seed from :func:`task_seed`: the seed is a child of the
run's seed picked by the task number (numpy's ``SeedSequence`` spawn key), the same
rule :func:`~argmap.scenario.distributed.plan_chunks` uses for Monte Carlo chunks.
So a task's rows depend on the run's seed and its number only, never on which
worker ran it, in what order, or whether it ran before an interrupt: the table is the
same bit for bit on every executor.

>>> task_seed(1, 0) == task_seed(1, 0), task_seed(1, 0) == task_seed(1, 1)
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from argmap.scale.executor import Pool
from argmap.scale.store import ResultStore

__all__ = ["run_tasks", "task_seed"]


def task_seed(seed: int, number: int) -> int:
    """The seed of task ``number`` in a run seeded ``seed`` (63 bits, non-negative)."""
    state = np.random.SeedSequence(seed, spawn_key=(number,)).generate_state(2, np.uint32)
    return (int(state[0]) << 31) ^ int(state[1])


def run_tasks(
    pool: Pool,
    fn: Callable[[Any, Any], list[dict[str, Any]]],
    shared: Any,
    items: Sequence[tuple[int, Any]],
    store: ResultStore,
    *,
    progress: bool | None = None,
    description: str = "tasks",
) -> bool:
    """Run the items ``store`` does not hold yet; hand each one's rows to ``store``.

    Returns whether the run was interrupted (Ctrl-C): the rows finished so far are
    flushed to the store's parts either way, so ``--resume`` picks up from there.
    """
    todo = [(n, item) for n, item in items if n not in store.done]
    bar = _bar(len(items), len(items) - len(todo), progress, description)
    results = pool.results(fn, shared, todo)
    try:
        for _, rows in results:
            store.add(rows)
            bar.update(1)
    except KeyboardInterrupt:
        return True
    finally:
        results.close()  # cancels what has not run
        store.flush()
        bar.close()
    return False


def _bar(total: int, done: int, progress: bool | None, description: str) -> Any:
    from tqdm.auto import tqdm

    # disable=None hides the bar when standard error is not a terminal
    return tqdm(
        total=total,
        initial=done,
        unit=" " + description,
        disable=None if progress is None else not progress,
    )
