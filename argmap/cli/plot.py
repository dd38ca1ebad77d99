"""``argmap plot KIND CASE -o FILE``: a chart of an analysis, as PNG, SVG or PDF.

KIND is ``tornado`` (which parameter moves a claim most), ``distribution`` (Monte
Carlo strengths and verdict probabilities; with ``--scenarios DIR`` the baseline and
every scenario in DIR, on the same seeded draws), ``sweep`` (strength across
``--param``'s range) or ``timeline`` (strength across the dates of the case). CASE is
a case file, or a scenario file applied to its case. The chart is drawn in full
before anything is written, then written atomically: a failure leaves no file.
"""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._args import samples_arg, seed_arg
from argmap.vocabulary import AUDIENCES

__all__ = ["KINDS", "register", "run"]

KINDS = ("tornado", "distribution", "sweep", "timeline")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "plot",
        help="a chart: tornado, distribution, sweep or timeline (PNG, SVG, PDF)",
        description="Draw a chart of a case's analysis and write it as PNG, SVG or PDF.",
    )
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    parser.add_argument("case", metavar="CASE", help="case file, or scenario file")
    parser.add_argument(
        "--scenarios", metavar="DIR", help="distribution: compare the scenarios in DIR"
    )
    parser.add_argument("--claim", action="append", metavar="ID", help="claim (repeatable)")
    parser.add_argument("--param", metavar="NAME", help="sweep: the parameter to vary")
    parser.add_argument("--samples", type=samples_arg, default=2000, metavar="N")
    parser.add_argument("--seed", type=seed_arg, default=0, metavar="S")
    parser.add_argument("--audience", choices=AUDIENCES, default="reader")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=".png, .svg, .pdf")
    parser.set_defaults(handler=run)


def _claims(case: Any, given: list[str] | None) -> list[str]:
    """The claims asked for (each checked), else the case's main ones, else all."""
    from argmap.errors import ArgmapError

    known = [c.id for c in case.claims]
    if given:
        unknown = [c for c in given if c not in known]
        if unknown:
            raise ArgmapError(f"--claim: no such claim: {', '.join(unknown)}")
        return list(given)
    main = [c.id for c in case.claims if "main" in c.tags]
    return main or known


def _same_base(case_file: str, scenario_file: Any, scenario: Any) -> None:
    """The scenarios compared must be scenarios of CASE, not of another case."""
    from argmap.errors import ArgmapError
    from argmap.io.outputs import same_file
    from argmap.scenario.files import base_case_path

    base = base_case_path(scenario)
    if not same_file(base, case_file):
        raise ArgmapError(
            f"{scenario_file}: its base case is {base}, not {case_file}; give that case"
        )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap import plot
    from argmap.cli.scenario import _load
    from argmap.errors import ArgmapError
    from argmap.io.outputs import check_output
    from argmap.plot.style import format_of

    inputs = [args.case]
    format_of(args.output)  # an unknown suffix is refused before any work
    check_output(args.output, inputs)
    if args.scenarios is not None and args.kind != "distribution":
        raise ArgmapError("--scenarios: only the distribution chart compares scenarios")
    if args.param is not None and args.kind != "sweep":
        raise ArgmapError("--param: only the sweep chart varies a parameter")
    case = _load(args.case)
    claims = _claims(case, args.claim)
    if args.kind == "tornado":
        figure = plot.tornado(case, claims, audience=args.audience)
    elif args.kind == "sweep":
        if args.param is None:
            raise ArgmapError("sweep: give the parameter to vary (--param NAME)")
        if args.param not in {p.id for p in case.parameters}:
            raise ArgmapError(f"--param: no such parameter: {args.param}")
        figure = plot.sweep(case, args.param, claims, audience=args.audience)
    elif args.kind == "timeline":
        figure = plot.timeline_strength(case, claims, audience=args.audience)
    elif args.scenarios is None:
        figure = plot.distribution(
            case, claims, samples=args.samples, seed=args.seed, audience=args.audience
        )
    else:
        from argmap.scenario.files import load_scenarios
        from argmap.scenario.runner import compare

        folder = Path(args.scenarios)
        if not folder.is_dir():
            raise ArgmapError(f"{folder}: --scenarios needs a folder of scenario files")
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        if not files:
            raise ArgmapError(f"{folder}: no scenario files (*.yaml) in it")
        inputs += [str(f) for f in files]
        base, scenarios = load_scenarios(files)
        _same_base(args.case, files[0], scenarios[0])
        comparison = compare(base, scenarios, samples=args.samples, seed=args.seed, progress=False)
        runs = {r.name: r.uncertainty for r in comparison.runs if r.uncertainty is not None}
        figure = plot.distribution(base, claims, runs=runs, audience=args.audience)
    plot.save(figure, args.output, tuple(inputs))
    return 0
