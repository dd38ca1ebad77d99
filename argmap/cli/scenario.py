"""``argmap scenario``: run what-if scenarios, sweeps, thresholds and tornado rankings.

- ``argmap scenario run FILE... [--samples N --seed S] [--semantics S] [--gradual G]
  [--format table|json|csv|markdown] [-o OUT]``: compare the scenarios (all of one base
  case) with the baseline; with ``--samples``, Monte Carlo over the parameters'
  distributions adds the probability that each claim meets its standard.
- ``argmap scenario sweep FILE --param P --values 0:1:11 [--claim C]``: the claims
  along a grid of one parameter (``FILE`` is a case, or a scenario applied to its case).
- ``argmap scenario threshold FILE CLAIM --param P``: the values of ``P`` at which the
  claim meets its proof standard, solved exactly on the closed form.
- ``argmap scenario tornado FILE CLAIM``: parameters ranked by the swing of the claim's
  strength across their 5 %-95 % range.
- ``argmap scenario grid GRID -o results.parquet``: every variant of a grid of factors
  and parameters (:mod:`argmap.scale.grid`), with main effects, interactions and flips.

``run``, ``sweep`` and ``grid`` take ``--local [K]`` / ``--cluster ADDR``
(:mod:`argmap.scale.executor`): where the work runs, never what it computes.

Outputs go to standard output, or atomically to ``-o OUT``. An interrupted Monte Carlo
run (Ctrl-C) still writes its partial, flagged result and exits 130.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from argmap.cli._args import add_as_of, samples_arg, seed_arg
from argmap.cli._terminal import say, show
from argmap.scale.executor import add_executor_args
from argmap.tables import format_for_output, make_frame, write_csv
from argmap.vocabulary import DUNG_SEMANTICS as DUNG_NAMES
from argmap.vocabulary import GRADUAL_SEMANTICS as GRADUAL_NAMES
from argmap.vocabulary import TORNADO_COLUMNS, check_dung, check_gradual

__all__ = ["parse_values", "register", "run"]


def parse_values(text: str) -> list[float]:
    """``0:1:11`` (start:stop:count, both ends included) or ``0.1,0.2,0.5``.

    >>> parse_values("0:1:5")
    [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    try:
        if ":" in text:
            start, stop, count = text.split(":")
            n = int(count)
            if not 1 <= n <= 1_000_000:
                raise ValueError
            if n == 1:
                return [float(start)]
            a, b = float(start), float(stop)
            return [a + (b - a) * i / (n - 1) for i in range(n)]
        values = [float(v) for v in text.split(",") if v.strip()]
        if not values:
            raise ValueError
        return values
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not START:STOP:COUNT (COUNT 1..1000000) or a comma-separated list"
        ) from None


def _common(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument(
        "--semantics",
        metavar="NAME",
        help="Dung semantics: " + ", ".join(DUNG_NAMES) + " (default grounded)",
    )
    parser.add_argument(
        "--gradual",
        metavar="NAME",
        help="gradual semantics: " + ", ".join(GRADUAL_NAMES) + " (default dfquad)",
    )
    parser.add_argument(
        "--format",
        choices=formats,
        default=None,
        help="output format (default: from the suffix of -o OUT, .csv .md .json, else table)",
    )
    parser.set_defaults(formats=formats)
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically)")
    add_as_of(parser)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scenario",
        help="what-if scenarios: compare, sweep, threshold, tornado",
        description="Run what-if scenarios against a case and analyse their uncertainty.",
    )
    commands = parser.add_subparsers(dest="scenario_command", metavar="ACTION")
    commands.required = True

    p = commands.add_parser("run", help="compare scenarios with the baseline")
    p.add_argument("files", nargs="+", metavar="FILE", help="scenario files (one base case)")
    p.add_argument(
        "--samples", type=samples_arg, metavar="N", help="Monte Carlo samples per scenario"
    )
    p.add_argument("--seed", type=seed_arg, metavar="S", help="Monte Carlo seed")
    p.add_argument("--workers", type=int, metavar="K", help="same as --local K (kept for scripts)")
    add_executor_args(p)
    _common(p, ("table", "json", "csv", "markdown"))
    p.set_defaults(handler=run)

    p = commands.add_parser("sweep", help="claims along a grid of one parameter")
    p.add_argument("file", metavar="FILE", help="case file, or scenario file")
    p.add_argument("--param", required=True, metavar="P", help="parameter to vary")
    p.add_argument(
        "--values", required=True, type=parse_values, metavar="GRID", help="0:1:11 or 0.1,0.5"
    )
    p.add_argument("--claim", action="append", metavar="C", help="claim to show (repeatable)")
    add_executor_args(p)
    _common(p, ("table", "json", "csv", "markdown"))
    p.set_defaults(handler=run)

    from argmap.cli._grid import register_grid

    register_grid(commands)

    p = commands.add_parser("threshold", help="where a claim meets its standard")
    p.add_argument("file", metavar="FILE", help="case file, or scenario file")
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("--param", required=True, metavar="P", help="parameter to solve for")
    p.add_argument("--low", type=float, help="lower end of the range searched")
    p.add_argument("--high", type=float, help="upper end of the range searched")
    p.add_argument("--level", type=float, help="solve strength > LEVEL instead of the standard")
    _common(p, ("table", "json"))
    p.set_defaults(handler=run)

    p = commands.add_parser("tornado", help="rank parameters by the swing they cause")
    p.add_argument("file", metavar="FILE", help="case file, or scenario file")
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("--param", action="append", metavar="P", help="parameter (repeatable)")
    _common(p, ("table", "json", "csv"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.semantics is not None:
        args.semantics = check_dung(args.semantics)
    if args.gradual is not None:
        args.gradual = check_gradual(args.gradual)
    action = {
        "run": _run,
        "sweep": _sweep,
        "threshold": _threshold,
        "tornado": _tornado,
    }[args.scenario_command]
    args.format = args.format or format_for_output(args.output, args.formats)
    inputs = _inputs(args) if args.output else []
    if args.output:
        from argmap.io.outputs import check_output

        # before any work, so a long Monte Carlo run never ends in a refusal
        check_output(args.output, inputs)
    text, code = action(args)
    if args.output:
        from argmap.io.outputs import write_output

        write_output(args.output, text, inputs)
    else:
        show(text)
    return code


def _inputs(args: argparse.Namespace) -> list[str]:
    """The files the action reads: those named, and the base case of each scenario
    among them (an unreadable one is left for the action to report)."""
    from argmap.errors import ArgmapError
    from argmap.scenario.files import base_case_path, load_scenario

    named = list(args.files) if args.scenario_command == "run" else [args.file]
    inputs = list(named)
    for path in named:
        try:
            inputs.append(str(base_case_path(load_scenario(path))))
        except ArgmapError:
            continue  # a case file, or a broken scenario the action will report
    return inputs


def _run(args: argparse.Namespace) -> tuple[str, int]:
    from argmap.errors import ArgmapError
    from argmap.scenario.files import load_scenarios
    from argmap.scenario.runner import compare

    if args.workers is not None and args.workers < 1:
        raise ArgmapError("--workers must be at least 1")
    from argmap.scale.executor import open_pool, where_from_args

    case, scenarios = load_scenarios(args.files)
    if args.workers is not None and args.local is None and args.cluster is None:
        args.local = args.workers
    with open_pool(where_from_args(args), announce=lambda line: say(line, err=True)) as pool:
        comparison = compare(
            case,
            scenarios,
            args.semantics,
            args.gradual,
            samples=args.samples,
            seed=args.seed,
            executor=pool.executor,
            keep_samples=False,  # the tables show summaries: memory bounded at any N
            as_of=args.as_of,
        )
    text = {
        "table": comparison.table,
        "json": comparison.to_json,
        "csv": comparison.to_csv,
        "markdown": comparison.to_markdown,
    }[args.format]()
    # an interrupted run evaluated fewer draws than asked: count against those
    drawn = {r.name: r.uncertainty.samples for r in comparison.runs if r.uncertainty is not None}
    for row in comparison.rows:
        # consistent with `validate`: draws where an expression has no value are a
        # warning, counted and left out; a value undefined where evaluated is an error
        undefined = row.draws.undefined if row.draws is not None else 0
        if undefined:
            say(
                f"argmap: warning: {row.scenario}: {row.claim}: {undefined} of "
                f"{drawn.get(row.scenario, comparison.samples)} draws undefined "
                "(left out of p and quantiles)",
                err=True,
            )
    if comparison.interrupted:
        say("argmap: interrupted; the Monte Carlo results are partial", err=True)
        return text, 130
    return text, 0


def _load(path: str, as_of: Any = None) -> Any:
    """A case file, or a scenario file applied to its base case, read as of ``as_of``
    (else the scenario's, else the case's own ``as_of``)."""
    from argmap.io.casefile import format_for, load, read_bytes
    from argmap.io.locations import load_with_lines
    from argmap.model.as_of import at_date

    data, _ = load_with_lines(read_bytes(path), path, format_for(path))
    if (
        isinstance(data, dict)
        and "title" not in data
        and ("interventions" in data or "question" in data)
    ):
        from argmap.scenario.apply import apply_scenario
        from argmap.scenario.files import load_scenarios

        case, (scenario,) = load_scenarios([path])
        return at_date(apply_scenario(case, scenario), as_of or scenario.as_of)
    return at_date(load(path), as_of)


def _sweep(args: argparse.Namespace) -> tuple[str, int]:
    from argmap.scale.executor import open_pool, where_from_args
    from argmap.scenario.uncertainty import sweep

    case = _load(args.file, args.as_of)
    with open_pool(where_from_args(args), announce=lambda line: say(line, err=True)) as pool:
        result = sweep(
            case,
            args.param,
            args.values,
            claims=args.claim,
            semantics=args.semantics or "grounded",
            gradual=args.gradual or "dfquad",
            executor=pool.executor,
        )
    if args.format == "json":
        text = (
            json.dumps(
                {
                    "parameter": result.parameter,
                    "gradual": result.gradual,
                    "semantics": result.semantics,
                    "interrupted": result.interrupted,
                    "rows": result.records(),
                },
                indent=2,
            )
            + "\n"
        )
    elif args.format == "csv":
        text = write_csv(result.to_frame())
    elif args.format == "markdown":
        text = result.to_markdown()
    else:
        text = result.table()
    return text, 130 if result.interrupted else 0


def _threshold(args: argparse.Namespace) -> tuple[str, int]:
    from argmap.scenario.analysis import threshold

    case = _load(args.file, args.as_of)
    t = threshold(
        case,
        args.claim,
        args.param,
        low=args.low,
        high=args.high,
        level=args.level,
        gradual=args.gradual or "dfquad",
        semantics=args.semantics or "grounded",
    )
    if args.format == "json":
        payload = {
            "claim": t.claim,
            "parameter": t.parameter,
            "test": t.test,
            "range": [t.low, t.high],
            "boundaries": list(t.boundaries),
            "met_on": [list(i) for i in t.intervals],
            "value": t.value,
            "met_now": t.met_now,
            "statement": str(t),
        }
        return json.dumps(payload, indent=2) + "\n", 0
    now = "met" if t.met_now else "not met"
    return f"{t}\nnow: {t.parameter} = {t.value:g}, {now}\n", 0


def _tornado(args: argparse.Namespace) -> tuple[str, int]:
    from argmap.scenario.analysis import tornado, tornado_table

    case = _load(args.file, args.as_of)
    bars = tornado(
        case,
        args.claim,
        args.param,
        gradual=args.gradual or "dfquad",
        semantics=args.semantics or "grounded",
    )
    # the bar's fields carry the columns' names
    rows = [{c: getattr(b, c) for c in TORNADO_COLUMNS} for b in bars]
    if args.format == "json":
        return json.dumps({"claim": args.claim, "bars": rows}, indent=2) + "\n", 0
    if args.format == "csv":
        return write_csv(make_frame(rows, TORNADO_COLUMNS)), 0
    return tornado_table(bars), 0
