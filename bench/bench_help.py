"""Time ``argmap --help``: the command line's start-up, which lazy imports keep short.

Runs ``python -m argmap.cli --help`` ``--runs`` times (10 by default) and prints the
median and best wall-clock and CPU (user + system) times, and the median and best of
the summed import times that ``python -X importtime`` reports for building the parser.
On a shared, busy machine the CPU time is the steadier figure. Give source folders to
compare trees in one run, interleaved (each is put first on ``PYTHONPATH``)::

    python bench/bench_help.py                    # the installed argmap
    python bench/bench_help.py ../main .          # before and after, same machine
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

_PARSER = "from argmap.cli import build_parser; build_parser()"


def _import_ms(env: dict[str, str]) -> float:
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _PARSER],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    own = [line.split("|")[0] for line in err.splitlines() if line.startswith("import time:")]
    return sum(int(cell.split(":")[1]) for cell in own if "self" not in cell) / 1000


def _wall_and_cpu_s(env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "argmap.cli", "--help"], env=env, capture_output=True, check=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", help="source folders to compare (default: installed)")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    trees = args.trees or [""]
    walls: dict[str, list[float]] = {t: [] for t in trees}
    cpus: dict[str, list[float]] = {t: [] for t in trees}
    imports: dict[str, list[float]] = {t: [] for t in trees}
    for _ in range(args.runs):
        for tree in trees:  # interleaved, so a busy moment hurts every tree alike
            env = dict(os.environ)
            if tree:
                env["PYTHONPATH"] = os.path.abspath(tree)
            wall, cpu = _wall_and_cpu_s(env)
            walls[tree].append(wall * 1000)
            cpus[tree].append(cpu * 1000)
            imports[tree].append(_import_ms(env))
    for tree in trees:
        w, c, i = walls[tree], cpus[tree], imports[tree]
        print(
            f"{tree or 'installed'}: argmap --help wall {statistics.median(w):.0f} ms median "
            f"(best {min(w):.0f}), CPU {statistics.median(c):.0f} ms median (best {min(c):.0f}); "
            f"imports {statistics.median(i):.0f} ms median (best {min(i):.0f}); {args.runs} runs"
        )


if __name__ == "__main__":
    main()
