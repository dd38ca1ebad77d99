"""``argmap timeline CASE``: how each claim's strength and verdict move across the
dates of the case (:func:`argmap.scenario.timeline.strength_timeline`).

Output: an aligned table (one line per date, one column per claim) on standard
output; with ``-o x.csv`` or ``-o x.md`` (or ``--format csv|markdown``) the rows
``date, claim, strength, verdict``, written atomically.
"""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._args import as_of_arg

__all__ = ["register", "run"]

_SUFFIX_FORMAT = {".csv": "csv", ".md": "markdown", ".markdown": "markdown", ".txt": "table"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "timeline",
        help="each claim's strength and verdict at every date of a case",
        description=(
            "Read the case as of every date in it (sources, evidence, events, decisions "
            "and later rulings) and show how each claim's strength and verdict move."
        ),
    )
    parser.add_argument("case", metavar="CASE", help="case file (YAML or JSON)")
    parser.add_argument("--claim", action="append", metavar="C", help="claim (repeatable)")
    parser.add_argument(
        "--date",
        action="append",
        type=as_of_arg,
        metavar="DATE",
        help="read the case at DATE only (repeatable; default: every date in the case)",
    )
    parser.add_argument("--semantics", default="grounded", metavar="NAME", help="Dung semantics")
    parser.add_argument("--gradual", default="dfquad", metavar="NAME", help="gradual semantics")
    parser.add_argument("--format", choices=("table", "csv", "markdown"), help="output format")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (.csv or .md)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.cli._terminal import show
    from argmap.errors import ArgmapError
    from argmap.io.casefile import load
    from argmap.io.outputs import check_output, write_output
    from argmap.scenario.timeline import strength_timeline
    from argmap.semantics.evaluate import check_dung
    from argmap.semantics.gradual.models import canonical_name

    check_dung(args.semantics)
    canonical_name(args.gradual)
    fmt = args.format
    if args.output:
        suffix = Path(args.output).suffix.lower()
        if fmt is None and suffix not in _SUFFIX_FORMAT:
            raise ArgmapError(
                f"{args.output}: cannot tell the format from the suffix (use .csv or .md, "
                "or --format)"
            )
        fmt = fmt or _SUFFIX_FORMAT[suffix]
        check_output(args.output, [args.case])
    timeline = strength_timeline(
        load(args.case),
        dates=args.date,
        claims=args.claim,
        semantics=args.semantics,
        gradual=args.gradual,
    )
    text = {"csv": timeline.to_csv, "markdown": timeline.to_markdown}.get(
        fmt or "table", timeline.table
    )()
    if args.output:
        write_output(args.output, text, [args.case])
    else:
        show(text)
    return 0
