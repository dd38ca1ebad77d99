"""``argmap audit CASE [--scenarios FILE|DIR ...] [-o audit.md|audit.json]``: what
decides each verdict (:mod:`argmap.scenario.audit`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.cli._args import add_as_of, samples_arg, seed_arg
from argmap.cli._terminal import say, show
from argmap.scale.executor import add_executor_args

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="what decides each verdict: deciding items, weight thresholds, stability",
        description=(
            "For each claim of CASE (and of each scenario): the smallest sets of "
            "evidence, precedents and relations whose removal (or, for a rebut between "
            "claims, reversal) flips its verdict, the parameter values that flip it, "
            "whether it is fixed by structure alone, and the share of Monte Carlo draws "
            "keeping it. Markdown on standard output, or -o FILE.md / FILE.json."
        ),
    )
    parser.add_argument("case", metavar="CASE", help="case file (YAML or JSON)")
    parser.add_argument(
        "--scenarios",
        nargs="*",
        default=[],
        metavar="FILE|DIR",
        help="scenario files, or folders of them (*.yaml); each is audited too",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write .md or .json here")
    parser.add_argument("--claims", nargs="+", metavar="ID", help="claims to audit (default all)")
    parser.add_argument(
        "--headline", action="store_true", help="audit only each issue's headline claims"
    )
    parser.add_argument("--semantics", default="grounded", metavar="NAME", help="Dung semantics")
    parser.add_argument("--gradual", default="dfquad", metavar="NAME", help="gradual semantics")
    parser.add_argument(
        "--max-size", type=_positive, default=4, metavar="K", help="largest item set (default 4)"
    )
    parser.add_argument(
        "--max-sets",
        type=_positive,
        default=20_000,
        metavar="N",
        help="candidate sets per claim before stopping (default 20000)",
    )
    parser.add_argument(
        "--samples",
        type=_samples,
        default=1000,
        metavar="N",
        help="Monte Carlo draws for the stability (default 1000; 0: none)",
    )
    parser.add_argument("--seed", type=seed_arg, default=0, metavar="S", help="random seed")
    parser.add_argument(
        "--no-weights",
        action="store_true",
        help="skip the weight thresholds (and the fixed-by-structure test)",
    )
    add_as_of(parser)
    add_executor_args(parser)
    parser.set_defaults(handler=run)


def _samples(text: str) -> int:
    return 0 if text.strip() == "0" else samples_arg(text)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    from argmap.cli.report import load_scenarios, scenario_files
    from argmap.errors import ArgmapError
    from argmap.io.casefile import load
    from argmap.io.outputs import check_output, write_output
    from argmap.model.as_of import at_date
    from argmap.scale.executor import open_pool, where_from_args
    from argmap.scenario.apply import apply_scenario
    from argmap.scenario.audit_text import audit_json, audit_markdown

    case_path = Path(args.case)
    paths = scenario_files(args.scenarios) if args.scenarios else []
    if args.output is not None:
        if Path(args.output).suffix.lower() not in {".md", ".json"}:
            raise ArgmapError(f"{args.output}: give a .md or .json file name")
        check_output(args.output, [case_path, *paths])
    case = load(case_path)
    states: list[tuple[str | None, Any]] = [(None, case)]
    for scenario in load_scenarios(case_path, args.scenarios)[1]:
        dated = at_date(apply_scenario(case, scenario), args.as_of or scenario.as_of)
        states.append((scenario.name, dated))
    results = []
    with open_pool(where_from_args(args), announce=lambda line: say(line, err=True)) as pool:
        for name, state in states:
            results.append(_audit_state(args, name, state, pool.executor))
    if args.output is not None and Path(args.output).suffix.lower() == ".json":
        text = audit_json(results)
    else:
        text = "\n".join(audit_markdown(r) for r in results)
    if args.output is None:
        show(text)
    else:
        say(write_output(args.output, text, [case_path, *paths]))
    return 0


def _audit_state(args: argparse.Namespace, name: str | None, state: Any, executor: Any) -> Any:
    """The audit of one case state: the baseline (``name`` None) or a scenario's."""
    from argmap.scenario.audit import audit, headline_claims

    return audit(
        state,
        headline_claims(state) if args.headline else args.claims,
        semantics=args.semantics,
        gradual=args.gradual,
        max_size=args.max_size,
        max_sets=args.max_sets,
        samples=args.samples,
        seed=args.seed,
        weights=not args.no_weights,
        scenario=name,
        as_of=args.as_of if name is None else None,  # scenarios: dated above
        executor=executor,  # the Monte Carlo draws of the stability
    )
