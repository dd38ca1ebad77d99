"""Benchmark argmap's Monte Carlo against a per-sample loop and a pure-Python peer.

Run from the repository root::

    python bench/bench_montecarlo.py            # 10^4 samples, prints a Markdown table
    python bench/bench_montecarlo.py --quick    # 10^3 samples, smaller loop subsets

The workload is the whole Monte Carlo pipeline on a synthetic case: 200 claims, 600
random relations between them (half support, half rebut/undermine, from a higher to a
lower index, so the graph is acyclic), 20 parameters with beta or uniform
distributions, every other base score an expression over one or two parameters, and
20 claims under a preponderance standard, read over strength as argmap does by default
(strength above 0.5). One sample = draw the parameters, evaluate the 100 score
expressions, compute DF-QuAD strengths of all 200 nodes, decide the 20 standards.
argmap's pipeline also decides each sample's defeats and Dung labels (preference-based
defeat), which the loops leave out: under the strength reading the labels do not
change whether a standard is met, so the comparison of results stays exact.

Compared:

1. ``argmap.scenario.monte_carlo`` (numpy, one vectorized pass per chunk of 4,096);
2. a per-sample Python loop doing the same work (argmap's own float evaluator for the
   expressions, DF-QuAD over adjacency lists in topological order, strength > 0.5);
3. formal-argumentation's ``dfquad_strengths`` (the one PyPI package with DF-QuAD; PyArg
   and pygarg have Dung semantics only) for the strengths, with the same sampling,
   expressions and standards in Python around it.

The loops are timed on a subset of samples and scaled to the full count; results are
checked against argmap's on that subset. Compute is measured as process CPU time with
numpy's thread pools limited to one thread, i.e. on one core.
"""

from __future__ import annotations

import os

# one core: set before numpy is imported
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

from argmap.model import Case, parse_expression  # noqa: E402
from argmap.scenario.distributed import plan_chunks  # noqa: E402
from argmap.scenario.sampling import draw_parameters  # noqa: E402
from argmap.scenario.uncertainty import monte_carlo  # noqa: E402
from argmap.semantics.compile import compile_case  # noqa: E402

NODES, EDGES, PARAMS, JUDGED = 200, 600, 20, 20


def synthetic_case(seed: int = 0) -> Case:
    """The benchmark case described in the module docstring."""
    rng = np.random.default_rng(seed)
    params = []
    for k in range(PARAMS):
        dist = (
            {"kind": "beta", "a": float(rng.uniform(1, 5)), "b": float(rng.uniform(1, 5))}
            if k % 2
            else {"kind": "uniform", "low": 0.1, "high": 0.9}
        )
        params.append({"id": f"p{k}", "value": 0.5, "distribution": dist})
    claims: list[dict[str, Any]] = []
    for i in range(NODES):
        if i % 2:
            a, b = rng.integers(0, PARAMS, 2)
            score: float | str = f"p{a}" if i % 3 else f"0.5 * p{a} + 0.4 * p{b}"
        else:
            score = round(float(rng.uniform(0.1, 0.9)), 3)
        claim = {"id": f"C{i}", "text": f"claim {i}", "base_score": score}
        if i < JUDGED:
            claim["issue"] = "I"
        claims.append(claim)
    keys: set[tuple[int, int]] = set()
    while len(keys) < EDGES:
        a, b = (int(x) for x in rng.integers(0, NODES, 2))
        if a != b:
            keys.add((max(a, b), min(a, b)))
    relations = []
    for k, (src, dst) in enumerate(sorted(keys)):
        kind = "support" if k % 2 else ("rebut" if k % 4 == 0 else "undermine")
        relations.append({"kind": kind, "from": f"C{src}", "to": f"C{dst}"})
    return Case.model_validate(
        {
            "title": "benchmark",
            "parameters": params,
            "issues": [{"id": "I", "question": "q?", "proof_standard": "preponderance"}],
            "claims": claims,
            "relations": relations,
        }
    )


def draws_of(case: Case, samples: int, seed: int) -> list[dict[str, float]]:
    """The parameter settings monte_carlo draws for this seed, as plain dicts."""
    plan = plan_chunks(samples, seed)
    rows: list[dict[str, float]] = []
    for size, child in zip(plan.sizes, plan.seeds, strict=True):
        chunk = draw_parameters(case.parameters, size, np.random.default_rng(child))
        rows += [{k: float(v[i]) for k, v in chunk.items()} for i in range(size)]
    return rows


class Loop:
    """The same pipeline, one sample at a time, in plain Python."""

    def __init__(self, case: Case) -> None:
        fw = compile_case(case)
        self.n = fw.n
        self.exprs = [
            parse_expression(e) if isinstance(e, str) else float(e) for e in fw.base_expressions
        ]
        self.att: list[list[int]] = [[] for _ in range(self.n)]
        self.sup: list[list[int]] = [[] for _ in range(self.n)]
        for s, d in zip(fw.att_src.tolist(), fw.att_dst.tolist(), strict=True):
            self.att[d].append(s)
        for s, d in zip(fw.sup_src.tolist(), fw.sup_dst.tolist(), strict=True):
            self.sup[d].append(s)
        # sources have higher indices than targets: evaluate from the top index down
        self.order = list(range(self.n - 1, -1, -1))
        self.judged = [fw.index[c.id] for c in case.claims if c.issue is not None]
        self.ids = fw.ids

    def base(self, values: dict[str, float]) -> list[float]:
        out = []
        for e in self.exprs:
            v = e if isinstance(e, float) else e.evaluate(values)
            out.append(min(max(v, 0.0), 1.0))
        return out

    def dfquad(self, base: list[float]) -> list[float]:
        s = list(base)
        for j in self.order:
            keep_att = 1.0
            for i in self.att[j]:
                keep_att *= 1.0 - s[i]
            keep_sup = 1.0
            for i in self.sup[j]:
                keep_sup *= 1.0 - s[i]
            d = keep_att - keep_sup
            b = base[j]
            s[j] = b + (1.0 - b) * d if d >= 0 else b + b * d
        return s

    def standards(self, s: list[float]) -> list[bool]:
        # preponderance read over strength (argmap's default): more likely than not
        return [s[j] > 0.5 for j in self.judged]


def formal_dfquad(case: Case) -> Any:
    try:
        from argumentation.gradual.dfquad import dfquad_strengths
        from argumentation.gradual.gradual import WeightedBipolarGraph
    except ImportError:  # the bench extra is not installed
        return None
    fw = compile_case(case)
    names = list(fw.ids)
    attacks = frozenset(
        (names[s], names[d]) for s, d in zip(fw.att_src.tolist(), fw.att_dst.tolist(), strict=True)
    )
    supports = frozenset(
        (names[s], names[d]) for s, d in zip(fw.sup_src.tolist(), fw.sup_dst.tolist(), strict=True)
    )

    def run(base: list[float]) -> list[float]:
        graph = WeightedBipolarGraph(
            arguments=frozenset(names),
            initial_weights=dict(zip(names, base, strict=True)),
            attacks=attacks,
            supports=supports,
        )
        res = dfquad_strengths(graph).strengths
        return [res[x] for x in names]

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--samples", type=int, default=10_000)
    args = parser.parse_args()
    samples = 1_000 if args.quick else args.samples
    loop_n = 200 if args.quick else 1_000
    peer_n = 50 if args.quick else 200
    seed = 2026

    case = synthetic_case()
    fw = compile_case(case)
    judged = [c.id for c in case.claims if c.issue is not None]
    monte_carlo(case, 64, seed=1, claims=judged, progress=False)  # warm caches and imports

    runs = []
    for _ in range(3):
        c0, w0 = time.process_time(), time.perf_counter()
        result = monte_carlo(case, samples, seed=seed, claims=list(fw.ids), progress=False)
        runs.append((time.process_time() - c0, time.perf_counter() - w0))
    cpu, wall = min(runs)

    draws = draws_of(case, samples, seed)
    loop = Loop(case)
    c0 = time.process_time()
    loop_strengths = []
    loop_met = []
    for values in draws[:loop_n]:
        s = loop.dfquad(loop.base(values))
        loop_strengths.append(s)
        loop_met.append(loop.standards(s))
    t_loop = (time.process_time() - c0) * samples / loop_n
    diff_loop = float(np.max(np.abs(np.asarray(loop_strengths) - result.strengths[:loop_n])))
    judged_cols = [fw.index[c] for c in judged]
    agree = np.array_equal(np.asarray(loop_met), result.met[:loop_n][:, judged_cols])

    peer = formal_dfquad(case)
    t_peer = None
    diff_peer = float("nan")
    if peer is not None:
        c0 = time.process_time()
        peer_strengths = []
        for values in draws[:peer_n]:
            s = peer(loop.base(values))
            peer_strengths.append(s)
            loop.standards(s)
        t_peer = (time.process_time() - c0) * samples / peer_n
        diff_peer = float(np.max(np.abs(np.asarray(peer_strengths) - result.strengths[:peer_n])))

    print(
        f"# Monte Carlo benchmark, {dt.date.today()}, {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"numpy {np.__version__}, {os.cpu_count()} CPUs visible, numpy on 1 thread"
    )
    print(
        f"case: {fw.n} nodes, {fw.att_src.size + fw.sup_src.size} edges, "
        f"{len(case.parameters)} parameters, {len(judged)} judged claims; "
        f"{samples:,} samples"
    )
    print()
    print("| pipeline | CPU time (s) | vs argmap | max abs diff |")
    print("|---|---:|---:|---:|")
    print(f"| argmap `monte_carlo` (wall {wall:.3f} s) | {cpu:.3f} | 1x | – |")
    print(
        f"| per-sample Python loop (timed on {loop_n:,}) | {t_loop:.2f} | "
        f"{t_loop / cpu:.0f}x | {diff_loop:.1e} |"
    )
    if t_peer is not None:
        print(
            f"| formal-argumentation `dfquad_strengths` (timed on {peer_n:,}) | "
            f"{t_peer:.2f} | {t_peer / cpu:.0f}x | {diff_peer:.1e} |"
        )
    else:
        print("| formal-argumentation | not installed (pip install -e '.[bench]') | | |")
    print()
    print(f"standards agree with the loop on every sample checked: {agree}")
    if not agree or diff_loop > 1e-9 or (t_peer is not None and diff_peer > 1e-9):
        sys.exit("results differ: see the table")


if __name__ == "__main__":
    main()
