"""Benchmark building and laying out argument maps of 100, 500 and 2,000 nodes.

Run from the repository root::

    python bench/bench_render.py            # full run, prints a Markdown table
    python bench/bench_render.py --quick    # 100 nodes only, for a smoke test

For each size a synthetic case (``tests/render/synthetic.py``: issues, rival claims,
evidence from five sources, arguments with premises, undercuts, dated events) is
evaluated once, then timed:

- **build**: ``argmap.maps.render(case, evaluation)``, i.e. Case + Evaluation -> DOT
  (labels, escaping, legend, clusters); the median of several runs;
- **layout + SVG** and **layout + PNG** with each renderer available: the system
  Graphviz ``dot`` (if on PATH) and the ``graphviz-pure`` program installed from PyPI;
  one run each (layout dominates and is deterministic). PNG of a big map includes the
  extra SVG layout argmap does to size the image (``argmap.maps.engine.png_dpi``).

A renderer that is not installed is reported as such, not skipped silently.

A second table times the worked case (``seeds/musk_v_microsoft.yaml``): its overview,
an issue page and the full map, each laid out to SVG, rasterised to PNG by the
renderer, converted SVG -> PNG by cairosvg at the same resolution (with the font swap
argmap uses for PDF), and converted to PDF; best of three runs each.
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
from argmap.maps import render
from argmap.maps.engine import find_renderer, pipe
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


def _best(fn: object, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def worked_case_formats(engines: dict[str, str]) -> None:
    """Time SVG, PNG (renderer vs cairosvg) and PDF for the worked case's views."""
    import cairosvg

    from argmap.io.casefile import load
    from argmap.maps.engine import _FONT_FAMILY, _pdf_font, png_dpi, svg_to_pdf

    case = load(Path(__file__).resolve().parents[1] / "seeds" / "musk_v_microsoft.yaml")
    evaluation = evaluate(case)
    views = {
        "overview": render(case, evaluation, view="overview"),
        "issue I_motive": render(case, evaluation, view="issue", focus="I_motive"),
        "full map": render(case, evaluation),
    }
    font = _pdf_font()
    print(
        "\n| worked case view | renderer | SVG (s) | PNG by renderer (s) | PNG by cairosvg (s) "
        "| PDF (s) | PNG pixels |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, m in views.items():
        for engine, version in engines.items():
            if not version:
                continue
            svg = pipe(m.dot, "svg", engine)
            swapped = svg
            if font:
                swapped = _FONT_FAMILY.sub(lambda _: f'font-family="{font}"'.encode(), svg)
            scale = png_dpi(svg) / 96  # cairosvg reads pt at 96 px per inch
            t_svg = _best(lambda m=m, e=engine: pipe(m.dot, "svg", e))
            t_png = _best(lambda m=m, e=engine: pipe(m.dot, "png", e))
            t_cairo = t_svg + _best(
                lambda s=swapped, k=scale: cairosvg.svg2png(bytestring=s, scale=k)
            )
            t_pdf = t_svg + _best(lambda s=svg: svg_to_pdf(s))
            png = pipe(m.dot, "png", engine)
            w, h = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
            print(
                f"| {name} | {engine} | {t_svg:.2f} | {t_png:.2f} | {t_cairo:.2f} | "
                f"{t_pdf:.2f} | {w} x {h} |"
            )


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
    worked_case_formats(engines)


if __name__ == "__main__":
    main()
