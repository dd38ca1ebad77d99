"""``argmap convert IN OUT``: between case files, AIF, xAIF, Carneades, Argdown and ICCMA."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register", "run"]

_FORMATS = "case, aif, xaif, carneades, argdown, apx, tgf, af"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert between case files, AIF, xAIF, Carneades, Argdown and ICCMA",
        description=(
            "Convert IN to OUT, the formats told by extension (.yaml/.yml/.json case, "
            ".aif.json AIF, .xaif.json xAIF, .carneades.yml Carneades 4, .argdown/.ad "
            "Argdown, .apx, .tgf, .af/.i23 ICCMA; a .json or .yaml input holding an AIF "
            "map, an xAIF map or a Carneades graph is recognised by its content) or by "
            "--from/--to. A conversion that loses information prints what it dropped "
            "on stderr. OUT is written atomically."
        ),
    )
    parser.add_argument("input", metavar="IN", help="file to read")
    parser.add_argument("output", metavar="OUT", help="file to write")
    parser.add_argument("--from", dest="from_", metavar="FMT", help=f"input format ({_FORMATS})")
    parser.add_argument("--to", metavar="FMT", help=f"output format ({_FORMATS})")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from argmap.cli._terminal import say
    from argmap.io.convert import convert
    from argmap.io.outputs import check_output

    check_output(args.output, [args.input])
    warnings = convert(args.input, args.output, from_=args.from_, to=args.to)
    if not args.quiet:
        for line in warnings:
            say(f"argmap: warning: {line}", err=True)
    return 0
