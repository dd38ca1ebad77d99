"""Benchmark building and laying out argument maps of 100, 500 and 2,000 nodes.

Run from the repository root::

    python bench/bench_render.py            # full run, prints a Markdown table
    python bench/bench_render.py --quick    # 100 nodes only, for a smoke test

For each size a synthetic case (``tests/render/synthetic.py``: issues, rival claims,
evidence from five sources, arguments with premises, undercuts, dated events) is
evaluated once, then timed:

- **build**: ``argmap.render.render(case, evaluation)``, i.e. Case + Evaluation -> DOT
  (labels, escaping, legend, clusters); the median of several runs;
- **layout + SVG** and **layout + PNG** with each renderer available: the system
  Graphviz ``dot`` (if on PATH) and the ``graphviz-pure`` program installed from PyPI;
  one run each (layout dominates and is deterministic). PNG of a big map includes the
  extra SVG layout argmap does to size the image (``argmap.render.engine.png_dpi``).

A renderer that is not installed is reported as such, not skipped silently.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.errors import RenderError
from argmap.render import render
from argmap.render.engine import find_renderer, pipe
from argmap.semantics.evaluate import evaluate
from tests.render.synthetic import synthetic_case


def _time(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _timed(dot: str, fmt: str, engine: str) -> float | str:
    start = time.perf_counter()
    try:
        pipe(dot, fmt, engine)
    except RenderError as exc:
        return "timeout" if "longer than" in str(exc) else "failed"
    return time.perf_counter() - start


def _fmt(value: float | str) -> str:
    return f"{value:.2f}" if isinstance(value, float) else value


def _version(path: str) -> str:
    done = subprocess.run([path, "-V"], capture_output=True, check=False)
    return (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 nodes only")
    parser.add_argument(
        "--budget", type=float, default=600.0, help="skip a layout predicted to exceed this (s)"
    )
    args = parser.parse_args()
    sizes = [100] if args.quick else [100, 500, 2000]

    engines: dict[str, str] = {}
    for name in ("dot", "graphviz-pure"):
        try:
            engines[name] = _version(find_renderer(name).path)
        except RenderError:
            engines[name] = ""
    print(
        f"# Rendering benchmark ({dt.date.today()}, Python {platform.python_version()}, "
        f"{platform.machine()})\n"
    )
    for name, version in engines.items():
        print(f"- {name}: {version or 'not installed on this machine (not measured)'}")
    print()
    print(
        "| nodes | edges | DOT chars | build DOT (s) | renderer | layout+SVG (s) | layout+PNG (s) |"
    )
    print("|---:|---:|---:|---:|---|---:|---:|")
    last: dict[str, float] = {}
    prev = sizes[0]
    for n in sizes:
        case = synthetic_case(n, seed=1)
        evaluation = evaluate(case)
        build = _time(lambda case=case, ev=evaluation: render(case, ev), 5)
        dot = render(case, evaluation).dot
        edges = dot.count(" -> ")
        for name, version in engines.items():
            if not version:
                continue
            if name in last and last[name] * (n / prev) ** 2 > args.budget:
                print(f"| {n} | {edges} | {len(dot)} | {build:.3f} | {name} | skipped | skipped |")
                continue
            svg, png = _timed(dot, "svg", name), _timed(dot, "png", name)
            last[name] = svg if isinstance(svg, float) else args.budget
            print(
                f"| {n} | {edges} | {len(dot)} | {build:.3f} | {name} | {_fmt(svg)} | {_fmt(png)} |"
            )
        prev = n


if __name__ == "__main__":
    main()
