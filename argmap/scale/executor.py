"""Where work runs: one switch for every sample- or variant-based command.

``--local [K]`` (the default) runs on K processes of this machine (K defaults to its
core count; ``--local 1`` runs in this process, serially); ``--cluster
tcp://HOST:PORT`` sends the work to a running ``dask scheduler``; ``--cluster local:N``
starts a dask LocalCluster of N worker processes for the run. Results do not depend
on the choice: every task carries its own seed (:mod:`argmap.scale.tasks`), so the
serial run, a process pool and a cluster give the same numbers, bit for bit.

A command adopts the switch in two lines::

    add_executor_args(parser)                 # when building its parser
    with open_pool(where_from_args(args)) as pool:
        ...  # pool.executor goes to monte_carlo(); pool.results(...) runs tasks

>>> parse_cluster("local:2")
Where(kind='cluster', workers=2, address=None)
>>> parse_cluster("tcp://127.0.0.1:8786")
Where(kind='cluster', workers=None, address='tcp://127.0.0.1:8786')
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from argmap.errors import ArgmapError

__all__ = [
    "Pool",
    "Where",
    "add_executor_args",
    "open_pool",
    "parse_cluster",
    "where_from_args",
]

_ADDRESS = re.compile(r"^(tcp|tls|inproc|ucx|ws|wss)://[^\s/]+$")
MISSING_DASK = "--cluster needs dask.distributed: install argmap's scale extra (argmap[scale])"


@dataclass(frozen=True)
class Where:
    """Where to run: ``local`` processes (``workers``: how many, None = every core) or
    a dask ``cluster`` (an ``address``, or a LocalCluster of ``workers``)."""

    kind: Literal["local", "cluster"]
    workers: int | None = None
    address: str | None = None

    @property
    def serial(self) -> bool:
        """Whether the work runs in this process, one task after another."""
        return self.kind == "local" and self.workers == 1


def parse_cluster(text: str) -> Where:
    """``--cluster`` value: ``tcp://HOST:PORT`` or ``local:N`` (N from 1 to 1024)."""
    if text.startswith("local:"):
        count = text.removeprefix("local:")
        if count.isdigit() and 1 <= int(count) <= 1024:
            return Where("cluster", workers=int(count))
    elif _ADDRESS.match(text):
        return Where("cluster", address=text)
    raise argparse.ArgumentTypeError(
        f"{text!r} is not a scheduler address (tcp://HOST:PORT) or local:N (N 1..1024)"
    )


def _workers(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 1024:
        return int(text)
    raise argparse.ArgumentTypeError(f"{text!r} is not a process count from 1 to 1024")


def add_executor_args(parser: argparse.ArgumentParser) -> argparse._MutuallyExclusiveGroup:
    """Add ``--local [K]`` and ``--cluster ADDR`` (mutually exclusive) to ``parser``.

    >>> p = argparse.ArgumentParser()
    >>> _ = add_executor_args(p)
    >>> where_from_args(p.parse_args(["--local", "1"])).serial
    True
    """
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--local",
        nargs="?",
        const=0,
        type=_workers,
        metavar="K",
        help="run on K processes of this machine (default: every core; 1: serially)",
    )
    group.add_argument(
        "--cluster",
        type=parse_cluster,
        metavar="ADDR",
        help="run on a dask scheduler (tcp://HOST:PORT) or a new LocalCluster (local:N)",
    )
    return group


def where_from_args(args: argparse.Namespace) -> Where:
    """The :class:`Where` that ``--local``/``--cluster`` asked for (default: local)."""
    cluster: Where | None = getattr(args, "cluster", None)
    if cluster is not None:
        return cluster
    local = getattr(args, "local", None)
    return Where("local", workers=local or None)


class Pool:
    """An open executor: ``executor`` (None when serial; else anything with
    ``submit``, for :func:`~argmap.scenario.uncertainty.monte_carlo`), the dask
    ``dashboard`` link when there is one, and :meth:`results` for numbered tasks."""

    def __init__(self, executor: Any, client: Any = None, dashboard: str | None = None) -> None:
        self.executor = executor
        self.client = client
        self.dashboard = dashboard

    def results(
        self, fn: Callable[[Any, Any], Any], shared: Any, items: Sequence[tuple[int, Any]]
    ) -> Generator[tuple[int, Any], None, None]:
        """Run ``fn(shared, item)`` for each numbered item; yield ``(number, result)``
        as each finishes (in any order). ``shared`` is sent once per worker on a
        cluster. Closing the generator early (Ctrl-C) cancels what has not run."""
        if self.executor is None:
            for number, item in items:
                yield number, fn(shared, item)
            return
        if self.client is not None:
            yield from self._dask_results(fn, shared, items)
            return
        from concurrent.futures import as_completed

        futures = {self.executor.submit(fn, shared, item): n for n, item in items}
        try:
            for future in as_completed(futures):
                yield futures.pop(future), future.result()
        finally:
            for future in futures:
                future.cancel()

    def _dask_results(
        self, fn: Callable[[Any, Any], Any], shared: Any, items: Sequence[tuple[int, Any]]
    ) -> Iterator[tuple[int, Any]]:
        as_completed: Any = importlib.import_module("distributed").as_completed
        client = self.client
        blob = client.scatter(shared, broadcast=True, hash=False)
        futures = {client.submit(fn, blob, item, pure=False): n for n, item in items}
        try:
            for future in as_completed(list(futures)):
                number = futures.pop(future)
                yield number, future.result()
        finally:
            if futures:
                client.cancel(list(futures))


@contextmanager
def open_pool(where: Where, *, announce: Callable[[str], None] | None = None) -> Iterator[Pool]:
    """Open the executor ``where`` names for the duration of a command.

    ``announce`` receives one line naming the dask dashboard when one is running.

    >>> with open_pool(Where("local", workers=1)) as pool:
    ...     sorted(pool.results(lambda s, x: s + x, 10, [(0, 1), (1, 2)]))
    [(0, 11), (1, 12)]
    """
    if where.kind == "local":
        if where.serial:
            yield Pool(None)
            return
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(max_workers=where.workers or os.cpu_count() or 1)
        try:
            yield Pool(executor)
        finally:
            executor.shutdown(cancel_futures=True)
        return
    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise ArgmapError(MISSING_DASK) from None
    cluster = None
    try:
        if where.address is not None:
            client = distributed.Client(where.address, timeout="10s")
        else:
            import logging

            cluster = distributed.LocalCluster(
                n_workers=where.workers,
                threads_per_worker=1,  # the engine is numpy-bound: one task per process
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
            client = distributed.Client(cluster)
    except OSError as exc:
        raise ArgmapError(f"cannot reach the dask scheduler: {exc}") from None
    try:
        dashboard = _dashboard(client)
        if dashboard and announce is not None:
            announce(f"dask dashboard: {dashboard}")
        yield Pool(client, client, dashboard)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dashboard(client: Any) -> str | None:
    """The dashboard link, if the scheduler serves one (it needs bokeh installed)."""
    try:
        services = client.scheduler_info().get("services", {})
    except Exception:  # an old or unusual scheduler: no link is not worth failing over
        return None
    return str(client.dashboard_link) if "dashboard" in services else None
