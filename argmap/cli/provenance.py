"""``argmap provenance CASE --sources DIR``: check every quote against its source file.

Exit 0 when every quote is found and every named source file exists; exit 2 otherwise,
with one line per problem on stderr in the usual ``file:line: path: message`` form, so
an editor can jump to the quote that needs fixing.
"""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._terminal import say, show
from argmap.errors import Problem

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "provenance",
        help="check that every evidence quote appears in its source file",
        description=(
            "Check that each evidence quote of CASE appears verbatim in the file its "
            "source names (looked up in --sources DIR). Whitespace, typographic quotes, "
            "apostrophes and dashes are normalised; everything else must match. Misses "
            "are listed as file:line: evidence[i].quote: ... with the closest passage."
        ),
    )
    parser.add_argument("case", metavar="CASE", help="the case file (YAML or JSON)")
    parser.add_argument(
        "--sources", required=True, metavar="DIR", help="folder holding the source files"
    )
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="report format on stdout (default: table)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.errors import ArgmapError
    from argmap.io.casefile import format_for, load_model, read_bytes
    from argmap.io.locations import line_for, load_with_lines
    from argmap.io.provenance import check_provenance
    from argmap.model import Case

    if not Path(args.sources).is_dir():
        raise ArgmapError(f"--sources: {args.sources} is not a folder")
    file = str(args.case)
    data, lines = load_with_lines(read_bytes(file), file, format_for(file))
    case = load_model(Case, data, file, lines)
    report = check_provenance(case, args.sources)

    show(report.to_json() if args.format == "json" else report.table())
    for missing in report.missing_sources:
        say(Problem(missing.path, missing.reason, file, line_for(lines, missing.path)), err=True)
    for miss in report.misses:
        say(Problem(miss.path, miss.message(), file, line_for(lines, miss.path)), err=True)
    return 0 if report.ok else 2
