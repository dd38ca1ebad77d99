"""Throughput of the scale-out paths: variants per second and samples per second.

Run from the repository root::

    python bench/bench_scale.py            # 64 variants x 1,000 samples; 200,000 samples
    python bench/bench_scale.py --quick    # 16 variants x 200 samples; 40,000 samples

Two workloads on the worked case (``seeds/musk_v_microsoft.yaml``):

1. **variants**: a full-factorial grid over the first 6 (``--quick``: 4) scenario
   files of ``scenarios/`` as on/off factors, each variant applied, evaluated and run
   through Monte Carlo (``argmap.scale.grid.run_variant``, what ``argmap scenario grid``
   runs), results streamed to a Parquet store;
2. **samples**: one Monte Carlo run of the base case (``monte_carlo``), cut into chunks
   of 4,096 samples.

each timed (wall clock, one run) on: the serial path (this process), a dask
LocalCluster of 1 worker, and one of 2 workers (one thread each). Every executor's
table is checked equal to the serial one (``seconds`` aside) before a figure is kept.
Cluster start-up is timed apart from the work. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from argmap.io.casefile import load  # noqa: E402
from argmap.scale.executor import Pool  # noqa: E402
from argmap.scale.grid import plan_grid, run_variant  # noqa: E402
from argmap.scale.store import ResultStore  # noqa: E402
from argmap.scale.tasks import run_tasks  # noqa: E402
from argmap.scenario.uncertainty import monte_carlo  # noqa: E402


def grid_file(folder: Path, toggles: int, samples: int) -> Path:
    scenarios = sorted((REPO / "scenarios").glob("[0-9]*.yaml"))[:toggles]
    lines = ["name: bench", "factors:"]
    lines += [f"  - {{name: f{i}, scenario: {p}}}" for i, p in enumerate(scenarios)]
    lines += [f"samples: {samples}", "seed: 1"]
    path = folder / "grid.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def time_variants(pool: Pool, grid: Path, folder: Path, name: str) -> tuple[float, pd.DataFrame]:
    plan = plan_grid(grid)
    out = folder / f"{name}.parquet"
    store = ResultStore(out, plan.columns, plan.fingerprint())
    store.open(resume=False)
    start = time.perf_counter()
    run_tasks(pool, run_variant, plan.shared, plan.items, store, progress=False)
    store.finish()
    seconds = time.perf_counter() - start
    return seconds, pd.read_parquet(out).drop(columns="seconds")


def time_samples(executor: object, samples: int) -> tuple[float, object]:
    case = load(REPO / "seeds" / "musk_v_microsoft.yaml")
    start = time.perf_counter()
    result = monte_carlo(case, samples, 7, executor=executor, progress=False, keep_samples=False)
    seconds = time.perf_counter() - start
    return seconds, [result.summary(c) for c in result.claims]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    toggles, per_variant, samples = (4, 200, 40_000) if args.quick else (6, 1000, 200_000)
    from distributed import Client, LocalCluster

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        grid = grid_file(folder, toggles, per_variant)
        variants = len(plan_grid(grid).items)
        serial_v, serial_table = time_variants(Pool(None), grid, folder, "serial")
        serial_s, serial_summary = time_samples(None, samples)
        rows.append(("serial (this process)", "-", serial_v, serial_s))
        for workers in (1, 2):
            start = time.perf_counter()
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
            startup = time.perf_counter() - start
            try:
                v, table = time_variants(Pool(client, client), grid, folder, f"w{workers}")
                s, summary = time_samples(client, samples)
            finally:
                client.close()
                cluster.close()
            pd.testing.assert_frame_equal(table, serial_table, check_exact=True)
            assert summary == serial_summary, "Monte Carlo differs from the serial run"
            rows.append((f"dask LocalCluster, {workers} worker(s)", f"{startup:.1f}", v, s))
    print(f"{variants} variants x {per_variant} samples; Monte Carlo of {samples:,} samples\n")
    print("| executor | start-up (s) | variants (s) | variants/s | samples (s) | samples/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, startup, v, s in rows:
        rate_v, rate_s = variants / v, samples / s
        print(f"| {name} | {startup} | {v:.1f} | {rate_v:.1f} | {s:.1f} | {rate_s:,.0f} |")


if __name__ == "__main__":
    main()
