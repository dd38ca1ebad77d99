"""``argmap brief CASE [--scenarios FILE|DIR ...] -o brief.pdf|brief.docx|brief.md``.

The brief a partner reads, in the format the output's suffix names
(:data:`argmap.brief.FORMATS`): title block, a summary per issue, each issue's
figure fitted to the paper and its claims, the scenario changes, the table of
authorities and the sources.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from argmap.cli._args import add_as_of, samples_arg, seed_arg
from argmap.cli._terminal import say

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "brief",
        help="the brief as PDF, Word, Markdown or HTML (by the output's suffix)",
        description=(
            "Evaluate CASE, run the scenarios against it and write the brief a partner "
            "reads: PDF (Letter or A4), Word or Markdown, chosen by the output's suffix; "
            ".html writes the interactive brief (one offline page, as `argmap html`)."
        ),
    )
    parser.add_argument("case", metavar="CASE", help="case file (YAML or JSON)")
    parser.add_argument(
        "--scenarios",
        nargs="*",
        default=[],
        metavar="FILE|DIR",
        help="scenario files, or folders of them (*.yaml); they must use CASE",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="brief.pdf, brief.docx, brief.md or brief.html",
    )
    parser.add_argument("--paper", default="letter", choices=("letter", "a4"))
    parser.add_argument(
        "--audience",
        default="reader",
        choices=("reader", "analyst"),
        help="reader: plain words, no ids (default); analyst: ids and semantics names",
    )
    parser.add_argument("--semantics", default="grounded", metavar="NAME", help="Dung semantics")
    parser.add_argument("--gradual", default="dfquad", metavar="NAME", help="gradual semantics")
    parser.add_argument(
        "--samples", type=samples_arg, metavar="N", help="Monte Carlo samples per run"
    )
    parser.add_argument("--seed", type=seed_arg, metavar="S", help="random seed for Monte Carlo")
    parser.add_argument(
        "--sources",
        metavar="DIR",
        help="folder of the source files: brief.html shows each quote in its passage",
    )
    add_as_of(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from argmap.brief import renderer_for
    from argmap.brief.build import build_brief
    from argmap.cli.report import load_scenarios
    from argmap.io.casefile import load
    from argmap.io.outputs import check_output, write_output

    start = time.perf_counter()
    case_path = Path(args.case)
    if args.output.lower().endswith(".html"):
        return _html(args, case_path, start)
    render = renderer_for(args.output)  # an unknown suffix is refused before any work
    paths, scenarios = load_scenarios(case_path, args.scenarios)
    check_output(args.output, [case_path, *paths])
    case = load(case_path)
    document = build_brief(
        case,
        scenarios,
        audience=args.audience,
        paper=args.paper,
        as_of=args.as_of,
        semantics=args.semantics,
        gradual=args.gradual,
        samples=args.samples,
        seed=args.seed,
    )
    written = write_output(args.output, render(document), [case_path, *paths])
    say(f"argmap: wrote {written} ({time.perf_counter() - start:.1f} s)")
    return 0


def _html(args: argparse.Namespace, case_path: Path, start: float) -> int:
    """``-o x.html``: the interactive brief (:func:`argmap.html.build_html`)."""
    from argmap.cli.report import load_scenarios
    from argmap.html import build_html
    from argmap.io.casefile import load
    from argmap.io.outputs import check_output, write_output

    paths, scenarios = load_scenarios(case_path, args.scenarios)
    check_output(args.output, [case_path, *paths])
    page = build_html(
        load(case_path),
        scenarios,
        sources_dir=args.sources,
        semantics=args.semantics,
        gradual=args.gradual,
        as_of=args.as_of,
    )
    written = write_output(args.output, page, [case_path, *paths])
    say(f"argmap: wrote {written} ({time.perf_counter() - start:.1f} s)")
    return 0
