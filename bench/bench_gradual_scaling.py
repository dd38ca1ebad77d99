"""How the gradual semantics scale with the number of edges: build and evaluate apart.

Run from the repository root::

    python bench/bench_gradual_scaling.py                 # 10^5, 10^6, 10^7 edges
    python bench/bench_gradual_scaling.py --sizes 5 6     # 10^5 and 10^6 only

Each (graph, size) runs in a fresh child process, so peak memory is the child's own.
Two graphs per size, from ``bench_gradual.layered_dag`` (8 layers, a node per 4 edges,
half attacks, half supports):

- ``dag``: the layered DAG as generated (exact, levelled by peeling);
- ``cyclic``: the same DAG with every 1,000th edge replaced by the reverse of the
  edge before it (a two-node cycle per 1,000 edges); the schedule then levels
  forwards and leaves the nodes on or below a cycle to one block, solved by
  iteration.

Phases, timed by CPU time of the child (``time.process_time``, the figure to compare
on a shared machine) and by wall time:

- **build**: ``QBAF.from_arrays`` on the generated arrays plus ``schedule`` (the
  topological levels, cached on the QBAF afterwards);
- **evaluate**: ``gradual_strengths(q, "dfquad")`` and ``"quadratic_energy"`` with the
  schedule already cached, one call each.

Peak memory per phase is the child's peak resident set during the phase (Linux
``VmHWM``, reset before the phase through ``/proc/self/clear_refs``) minus its resident
set when the phase began: what the phase added on top of the input arrays (and, for
evaluate, of the QBAF and its schedule).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

SEMANTICS = ("dfquad", "quadratic_energy")


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith(field + ":"))
    return int(line.split()[1]) / 1024.0


def _start_phase() -> float:
    """Reset the peak resident set (Linux: ``clear_refs`` 5) and return the current
    one, so the next :func:`_phase_peak` is the phase's own peak above it.

    Memory that earlier phases freed is first handed back to the system
    (``malloc_trim``); otherwise the allocator reuses it without the resident set
    growing and the phase would seem to cost nothing.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    return _status_mb("VmRSS")


def _phase_peak(start: float) -> float:
    return _status_mb("VmHWM") - start


def cyclic_variant(g: Any) -> Any:
    """Make every 1,000th attack and support the reverse of the edge before it: one
    two-node cycle per 1,000 edges, the edge count unchanged."""
    n, base, a_s, a_d, s_s, s_d = g
    out = [n, base]
    for src, dst in ((a_s, a_d), (s_s, s_d)):
        src, dst = src.copy(), dst.copy()
        at = np.arange(1000, src.size, 1000)
        src[at], dst[at] = dst[at - 1], src[at - 1]
        out += [src, dst]
    return tuple(out)


def child(kind: str, edges: int) -> dict[str, Any]:
    """One measurement, in this process: generate, build, evaluate."""
    sys.path.insert(0, str(Path(__file__).parent))
    import scipy.sparse  # noqa: F401  - imported before any clock starts
    from bench_gradual import layered_dag

    from argmap.semantics.gradual import QBAF, gradual_strengths
    from argmap.semantics.gradual.qbaf import schedule

    g = layered_dag(edges)
    if kind == "cyclic":
        g = cyclic_variant(g)
    n, base, a_s, a_d, s_s, s_d = g
    ids = [f"a{i}" for i in range(n)]
    out: dict[str, Any] = {"kind": kind, "edges": edges, "nodes": n}
    out["input_mb"] = _start_phase()
    c0, w0 = time.process_time(), time.perf_counter()
    q = QBAF.from_arrays(ids, base, (a_s, a_d), (s_s, s_d))
    plan = schedule(q)
    out["build_cpu"] = time.process_time() - c0
    out["build_wall"] = time.perf_counter() - w0
    out["build_mb"] = _phase_peak(out["input_mb"])
    out["levels"] = len(plan.levels) + len(getattr(plan, "after", ()))
    out["cyclic_nodes"] = 0 if plan.cyclic is None else int(plan.cyclic.nodes.size)
    start = _start_phase()
    for name in SEMANTICS:
        c0, w0 = time.process_time(), time.perf_counter()
        res = gradual_strengths(q, name)
        out[f"{name}_cpu"] = time.process_time() - c0
        out[f"{name}_wall"] = time.perf_counter() - w0
        out[f"{name}_iterations"] = res.iterations
        out[f"{name}_checksum"] = float(np.sum(res.strengths))
    out["eval_mb"] = _phase_peak(start)
    return out


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1e3:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 6, 7], help="log10 edges")
    parser.add_argument("--kinds", nargs="+", default=["dag", "cyclic"])
    parser.add_argument("--child", nargs=2, metavar=("KIND", "EDGES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]))))
        return
    print(
        "| graph | edges | levels | cyclic nodes | build CPU | build peak | "
        "dfquad CPU | quadratic energy CPU | evaluate peak |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for kind in args.kinds:
        for exp in args.sizes:
            cmd = [sys.executable, __file__, "--child", kind, str(10**exp)]
            done = subprocess.run(cmd, capture_output=True, text=True, env=os.environ.copy())
            if done.returncode:
                print(f"| {kind} | 10^{exp} | failed: {done.stderr.strip()[-200:]} |")
                continue
            r = json.loads(done.stdout)
            print(
                f"| {kind} | 10^{exp} | {r['levels']:,} | {r['cyclic_nodes']:,} | "
                f"{fmt_s(r['build_cpu'])} | {r['build_mb']:.0f} MB | "
                f"{fmt_s(r['dfquad_cpu'])} | {fmt_s(r['quadratic_energy_cpu'])} "
                f"({r['quadratic_energy_iterations']} rounds) | {r['eval_mb']:.0f} MB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
