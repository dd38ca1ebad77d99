"""Benchmark argmap's gradual semantics against pure-Python peers, in one run.

Run from the repository root (the ``bench`` extra installs the peers)::

    python bench/bench_gradual.py            # full run, prints a Markdown table
    python bench/bench_gradual.py --quick    # small sizes only, for a smoke test

Two experiments:

1. **Edges**: one evaluation of a random layered acyclic QBAF (8 layers, a node for
   every 4 edges, half attacks and half supports, random base scores) at 10^3 .. 10^6
   edges; and an attack-only graph with all base scores 1 for the h-categorizer.
2. **Samples**: 10^4 base-score samples on a 200-node, 600-edge graph, which argmap
   evaluates in one vectorized call.

Peers. Of the peers in the ``bench`` extra, only formal-argumentation implements
gradual semantics (its source, ``argumentation.gradual``: ``dfquad_strengths``,
``quadratic_energy_strengths_discrete`` (Jacobi iteration) and, in
``argumentation.ranking``, the unweighted Besnard-Hunter ``categoriser_scores``);
python-argumentation (PyArg) and pygarg implement Dung semantics only. Euler-based has
no PyPI peer. Every semantics is therefore also compared with a *plain loop*: a plain
per-node Python implementation of the same published formula over adjacency lists in
topological order (written here, the fastest pure-Python form we know). Results are
checked against argmap's (max absolute difference in the table). A peer is skipped at
a size when its time at the previous size predicts more than ``--budget`` seconds.

Timing. argmap's clock covers building the QBAF from the arrays and its topological
schedule, as the plain loop's covers building its adjacency lists and order. Below
10^6 edges argmap and every peer take the best of 3 runs, at 10^6 one run each; in
the samples experiment argmap and the plain loop take the best of 3,
formal-argumentation (tens of seconds per run) one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import math
import os
import platform
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from argmap.semantics.gradual import QBAF, gradual_strengths

Graph = tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def layered_dag(edges: int, seed: int = 0, attack_only: bool = False) -> Graph:
    """``(n, base, att_src, att_dst, sup_src, sup_dst)`` of a random layered DAG."""
    rng = np.random.default_rng(seed)
    n = max(8, edges // 4)
    layer = rng.integers(0, 8, n)
    need = edges
    src = np.empty(0, dtype=np.int64)
    dst = np.empty(0, dtype=np.int64)
    while src.size < need:
        a = rng.integers(0, n, 2 * need)
        b = rng.integers(0, n, 2 * need)
        keep = layer[a] > layer[b]  # deeper layer -> shallower: acyclic
        key = np.unique(np.r_[src * n + dst, a[keep] * n + b[keep]])
        src, dst = key // n, key % n
    pick = rng.permutation(src.size)[:need]
    src, dst = src[pick], dst[pick]
    base = np.ones(n) if attack_only else rng.random(n)
    if attack_only:
        return n, base, src, dst, src[:0], dst[:0]
    half = need // 2
    return n, base, src[:half], dst[:half], src[half:], dst[half:]


def to_qbaf(g: Graph) -> QBAF:
    n, base, a_s, a_d, s_s, s_d = g
    return QBAF.from_arrays([f"a{i}" for i in range(n)], base, (a_s, a_d), (s_s, s_d))


# -- the plain-loop reference peer ------------------------------------------------------


def plain_loop(g: Graph, name: str, bases: list[list[float]] | None = None) -> list[list[float]]:
    """Per-node Python over adjacency lists in topological order, one pass per sample."""
    n, base, a_s, a_d, s_s, s_d = g
    att: list[list[int]] = [[] for _ in range(n)]
    sup: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    out: list[list[int]] = [[] for _ in range(n)]
    for s, d in zip(a_s.tolist(), a_d.tolist(), strict=True):
        att[d].append(s)
        out[s].append(d)
        indeg[d] += 1
    for s, d in zip(s_s.tolist(), s_d.tolist(), strict=True):
        sup[d].append(s)
        out[s].append(d)
        indeg[d] += 1
    order = [i for i in range(n) if indeg[i] == 0]
    k = 0
    while k < len(order):
        for d in out[order[k]]:
            indeg[d] -= 1
            if indeg[d] == 0:
                order.append(d)
        k += 1
    results = []
    for b in bases if bases is not None else [base.tolist()]:
        s = list(b)
        for j in order:
            bj = b[j]
            if name == "dfquad":
                pa = 1.0
                for i in att[j]:
                    pa *= 1.0 - s[i]
                ps = 1.0
                for i in sup[j]:
                    ps *= 1.0 - s[i]
                d = pa - ps
                s[j] = bj + (1.0 - bj) * d if d >= 0 else bj + bj * d
                continue
            e = 0.0
            for i in sup[j]:
                e += s[i]
            for i in att[j]:
                e -= s[i]
            if name == "quadratic_energy":
                p = e * e / (1.0 + e * e)
                s[j] = bj + (1.0 - bj) * p if e > 0 else bj - bj * p
            elif name == "euler_based":
                s[j] = 1.0 - (1.0 - bj * bj) / (1.0 + bj * math.exp(e))
            else:
                s[j] = bj / (1.0 - e) if e <= 0 else 1.0 - (1.0 - bj) / (1.0 + e)
        results.append(s)
    return results


# -- formal-argumentation ----------------------------------------------------------------


def formal_peer(name: str) -> Callable[[Graph], list[float]] | None:
    try:
        from argumentation.core.dung import ArgumentationFramework
        from argumentation.gradual.dfquad import dfquad_strengths
        from argumentation.gradual.gradual import (
            WeightedBipolarGraph,
            quadratic_energy_strengths_discrete,
        )
        from argumentation.ranking.ranking import categoriser_scores
    except ImportError:  # pragma: no cover - the bench extra is not installed
        return None

    def bipolar(g: Graph) -> tuple[Any, list[str]]:
        n, base, a_s, a_d, s_s, s_d = g
        names = [f"a{i}" for i in range(n)]
        graph = WeightedBipolarGraph(
            arguments=frozenset(names),
            initial_weights=dict(zip(names, base.tolist(), strict=True)),
            attacks=frozenset(zip([names[i] for i in a_s], [names[i] for i in a_d], strict=True)),
            supports=frozenset(zip([names[i] for i in s_s], [names[i] for i in s_d], strict=True)),
        )
        return graph, names

    if name == "dfquad":

        def run(g: Graph) -> list[float]:
            graph, names = bipolar(g)
            res = dfquad_strengths(graph).strengths
            return [res[x] for x in names]

        return run
    if name == "quadratic_energy":

        def run(g: Graph) -> list[float]:
            graph, names = bipolar(g)
            res = quadratic_energy_strengths_discrete(graph, tolerance=1e-12).strengths
            return [res[x] for x in names]

        return run
    if name == "h_categorizer":

        def run(g: Graph) -> list[float]:
            n, _, a_s, a_d, _, _ = g
            names = [f"a{i}" for i in range(n)]
            af = ArgumentationFramework(
                arguments=frozenset(names),
                defeats=frozenset(
                    zip([names[i] for i in a_s], [names[i] for i in a_d], strict=True)
                ),
            )
            res = categoriser_scores(af, tolerance=1e-12).scores
            return [res[x] for x in names]

        return run
    return None


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best = math.inf
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _ratio(r: float) -> str:
    return f"{r:.0f}x" if r >= 10 else f"{r:.1f}x"


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "skipped"
    return f"{seconds * 1e3:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def edges_experiment(sizes: list[int], budget: float) -> list[str]:
    rows = [
        "| semantics | edges | argmap | plain loop | formal-argumentation | "
        "best peer / argmap | max diff |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("dfquad", "quadratic_energy", "euler_based", "h_categorizer"):
        last: dict[str, float] = {}
        formal = formal_peer(name)
        for edges in sizes:
            g = layered_dag(edges, attack_only=name == "h_categorizer")
            names = [f"a{i}" for i in range(g[0])]

            def ours(g: Graph = g, names: list[str] = names, name: str = name) -> Any:
                # a fresh QBAF each time, so the topological schedule is timed too
                q = QBAF.from_arrays(names, g[1], (g[2], g[3]), (g[4], g[5]))
                return gradual_strengths(q, name).strengths

            # the same best-of rule for argmap and its peers, so neither side gets the
            # luckier of more draws
            repeat = 3 if edges <= 10**5 else 1
            t_argmap, res = timed(ours, repeat=repeat)
            peers: dict[str, Callable[[], Any] | None] = {
                "plain": lambda g=g, name=name: plain_loop(g, name)[0],
                "formal": (lambda g=g, formal=formal: formal(g)) if formal else None,
            }
            times: dict[str, float | None] = {}
            diff = 0.0
            for peer, fn in peers.items():
                if fn is None or (peer in last and last[peer] * 10 > budget):
                    times[peer] = None
                    continue
                t, out = timed(fn, repeat=repeat)
                times[peer] = last[peer] = t
                diff = max(diff, float(np.max(np.abs(np.asarray(out) - res))))
            measured = [t for t in times.values() if t is not None]
            ratio = f"{_ratio(min(measured) / t_argmap)}" if measured else "-"
            formal_cell = fmt(times["formal"]) if formal else "n/a"
            rows.append(
                f"| {name} | {edges:,} | {fmt(t_argmap)} | {fmt(times['plain'])} | "
                f"{formal_cell} | {ratio} | {diff:.1e} |"
            )
            print(rows[-1], file=sys.stderr, flush=True)
    return rows


def samples_experiment(samples: int, peer_samples: int) -> list[str]:
    rows = [
        "| semantics | samples | argmap (one call) | plain loop | formal-argumentation | "
        "best peer / argmap | max diff |",
        "|---|---|---|---|---|---|---|",
    ]
    g = random_dag(200, 600, seed=1)
    q = to_qbaf(g)
    rng = np.random.default_rng(2)
    base = rng.random((samples, 200))
    scale = samples / peer_samples
    sub = base[:peer_samples].tolist()
    for name in ("dfquad", "quadratic_energy", "euler_based", "h_categorizer"):
        t_argmap, res = timed(
            lambda name=name: gradual_strengths(q, name, base).strengths, repeat=3
        )
        t_plain, out = timed(lambda name=name: plain_loop(g, name, sub), repeat=3)
        diff = float(np.max(np.abs(np.asarray(out) - res[:peer_samples])))
        formal = formal_peer(name) if name != "h_categorizer" else None
        t_formal = None
        if formal is not None:
            t0 = time.perf_counter()
            for k in range(peer_samples):
                one = formal((200, base[k], *g[2:]))
            t_formal = time.perf_counter() - t0
            diff = max(diff, float(np.max(np.abs(np.asarray(one) - res[peer_samples - 1]))))
        measured = [t * scale for t in (t_plain, t_formal) if t is not None]
        rows.append(
            f"| {name} | {samples:,} | {fmt(t_argmap)} | {fmt(t_plain * scale)} | "
            f"{fmt(t_formal * scale) if t_formal is not None else 'n/a'} | "
            f"{_ratio(min(measured) / t_argmap)} | {diff:.1e} |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def random_dag(n: int, edges: int, seed: int) -> Graph:
    """``edges`` distinct random edges from a higher to a lower index, half attacks."""
    rng = np.random.default_rng(seed)
    key = np.empty(0, dtype=np.int64)
    while key.size < edges:
        a, b = rng.integers(0, n, 2 * edges), rng.integers(0, n, 2 * edges)
        keep = a != b
        hi, lo = np.maximum(a, b)[keep], np.minimum(a, b)[keep]
        key = np.unique(np.r_[key, hi * n + lo])
    key = rng.permutation(key)[:edges]
    half = edges // 2
    src, dst = key // n, key % n
    return n, rng.random(n), src[:half], dst[:half], src[half:], dst[half:]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument(
        "--budget",
        type=float,
        default=120.0,
        help="skip a peer whose next size would take longer (seconds)",
    )
    args = parser.parse_args()
    sizes = [10**3, 10**4] if args.quick else [10**3, 10**4, 10**5, 10**6]
    samples = 1_000 if args.quick else 10_000
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as info:
        cpu = next((x.split(":", 1)[1].strip() for x in info if x.startswith("model name")), cpu)
    import scipy.sparse  # noqa: F401  - import once here, not inside the first timing

    print(
        f"Gradual semantics, {dt.date.today()}, {cpu} ({os.cpu_count()} CPUs), "
        f"Python {platform.python_version()}, numpy {np.__version__}\n"
    )
    print("One evaluation, random layered DAG (times: best of 3 below 10^6 edges):\n")
    print("\n".join(edges_experiment(sizes, args.budget)))
    print(
        f"\n{samples:,} samples on a 200-node graph (peers timed on "
        f"{min(1000, samples):,} samples and scaled):\n"
    )
    print("\n".join(samples_experiment(samples, min(1000, samples))))


if __name__ == "__main__":
    main()
