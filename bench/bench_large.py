"""Time whole ``argmap`` commands on large frameworks: convert, validate, evaluate, render.

Run from the repository root::

    python bench/bench_large.py                    # 10^4, 5x10^4, 10^5 relations + dense
    python bench/bench_large.py --quick            # 10^4 relations only
    python bench/bench_large.py --argmap /other/checkout/.venv/bin/argmap   # another build

For each size an ICCMA ``af`` file is generated (``tests/semantics/large_frameworks.py``:
the admbuster family of ``../shared/examples/iccma/admbuster_1000.af`` scaled to about
1.5 attacks per argument, and one dense random framework of 890 arguments and 37,125
attacks like the ICCMA ``st_890`` instance), then these commands are run as separate
processes, as a user would run them:

- ``argmap convert X.af X.yaml`` (ICCMA framework to a case file),
- ``argmap validate X.yaml``,
- ``argmap evaluate X.yaml`` (grounded + DF-QuAD, the table on stdout),
- ``argmap render X.yaml -o X.svg`` (which must refuse the map, exit 2, at once).

Each command runs ``--runs`` times (default 3); the table gives the median wall time and
the median CPU time of the child (user + system, from ``getrusage``), which is the
figure to compare on a shared machine, and the exit code. A run past ``--timeout``
seconds is killed and reported as such.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.semantics.large_frameworks import admbuster, dense_random, write_af_text  # noqa: E402

SIZES = {  # label -> (arguments, attacks) generator call
    "admbuster 1e4": lambda: admbuster(6_668),
    "admbuster 5e4": lambda: admbuster(33_336),
    "admbuster 1e5": lambda: admbuster(66_668),
    "dense 890": lambda: dense_random(890, 37_125),
}


def _timed(command: list[str], timeout: float) -> tuple[float, float, int | str]:
    """Wall and CPU seconds of one run of ``command`` (its output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        code: int | str = done.returncode
    except subprocess.TimeoutExpired:
        code = "timeout"
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, code


def _median_of(command: list[str], runs: int, timeout: float) -> str:
    results = []
    for _ in range(runs):
        results.append(_timed(command, timeout))
        if results[-1][2] == "timeout":
            return f"> {timeout:.0f} | - | killed"
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    codes = sorted({str(r[2]) for r in results})
    return f"{wall:.2f} | {cpu:.2f} | {','.join(codes)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the 10^4 size only")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (median)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a kill")
    parser.add_argument(
        "--argmap",
        default=shutil.which("argmap") or str(Path(sys.executable).parent / "argmap"),
        help=(
            "the argmap command to time, split as a shell would (default: the one on "
            "PATH); e.g. 'env PYTHONPATH=/old/checkout .venv/bin/python -m argmap'"
        ),
    )
    args = parser.parse_args()
    sizes = ["admbuster 1e4"] if args.quick else list(SIZES)
    argmap = shlex.split(args.argmap)
    print(
        f"# Large frameworks ({time.strftime('%Y-%m-%d')}, Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs)\n"
    )
    print(f"argmap: `{args.argmap}`; median of {args.runs} runs\n")
    print("| framework | arguments | attacks | command | wall (s) | CPU (s) | exit |")
    print("|---|---:|---:|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for label in sizes:
            names, attacks = SIZES[label]()
            stem = Path(tmp) / label.replace(" ", "_")
            af, case, svg = (stem.with_suffix(s) for s in (".af", ".yaml", ".svg"))
            af.write_text(write_af_text(names, attacks))
            commands = {
                "convert": [*argmap, "convert", str(af), str(case)],
                "validate": [*argmap, "validate", str(case)],
                "evaluate": [*argmap, "evaluate", str(case)],
                "render (refused)": [*argmap, "render", str(case), "-o", str(svg)],
            }
            for name, command in commands.items():
                if name != "convert" and not case.exists():
                    row = "- | - | no case file"
                else:
                    row = _median_of(command, args.runs, args.timeout)
                print(f"| {label} | {len(names):,} | {len(attacks):,} | {name} | {row} |")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
