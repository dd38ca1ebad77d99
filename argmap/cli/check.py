"""``argmap check CASE [--scenarios FILE|DIR ...]``: check the case's ``expect:`` block.

Exit 0 when every expectation holds, 1 with a diff when one does not, 2 on bad input
(one located line per problem).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from argmap.cli._terminal import say

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check the expected outcomes written in a case (its expect: block)",
        description=(
            "Evaluate the baseline and each scenario the case's expect: block names, and "
            "compare every expected verdict, label and strength range. Exit 0 when all "
            "hold; exit 1 and print a diff (expected -, actual +) when some do not."
        ),
    )
    parser.add_argument("case", metavar="CASE", help="case file (YAML or JSON)")
    parser.add_argument(
        "--scenarios",
        nargs="*",
        default=[],
        metavar="FILE|DIR",
        help="scenario files, or folders of them, that the expect: block names",
    )
    parser.add_argument("--semantics", default="grounded", metavar="NAME", help="Dung semantics")
    parser.add_argument("--gradual", default="dfquad", metavar="NAME", help="gradual semantics")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from argmap.cli.report import load_scenarios
    from argmap.errors import ArgmapError
    from argmap.io.casefile import load
    from argmap.scenario.expectations import check_expectations, diff_text

    case_path = Path(args.case)
    case = load(case_path)
    _, scenarios = load_scenarios(case_path, args.scenarios)
    if not case.expect:
        raise ArgmapError(f"{case_path}: the case has no expect: block to check")
    result = check_expectations(case, scenarios, semantics=args.semantics, gradual=args.gradual)
    if not result.ok:
        say(diff_text(result))
        return 1
    runs = ", ".join(result.runs)
    say(f"{case_path}: all {result.checked} expectations hold ({runs})")
    return 0
