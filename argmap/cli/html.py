"""``argmap html CASE [--scenarios FILE|DIR ...] [--sources DIR] -o OUT.html``: the
interactive brief, one self-contained offline page (:mod:`argmap.html`).

The maps with pan and zoom, a side panel per node (its explanation, the evidence quote
in its source passage, the precedent's weight, open critical questions), a scenario
selector with a diff mode, search, the timeline and links to a node or scenario
(``OUT.html#node=C_lawful&scenario=NAME``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from argmap.cli._args import add_as_of
from argmap.cli._terminal import say

__all__ = ["add_page_options", "load_inputs", "register", "run"]


def add_page_options(parser: argparse.ArgumentParser) -> None:
    """The options ``argmap html`` and ``argmap watch`` share."""
    parser.add_argument("case", metavar="CASE", help="case file (YAML or JSON)")
    parser.add_argument(
        "--scenarios",
        nargs="*",
        default=[],
        metavar="FILE|DIR",
        help="scenario files, or folders of them (*.yaml); they must use CASE",
    )
    parser.add_argument(
        "--sources",
        metavar="DIR",
        help="folder of the source files, to show each quote in its passage",
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUT.html", help="page to write")
    parser.add_argument("--semantics", default="grounded", metavar="NAME", help="Dung semantics")
    parser.add_argument("--gradual", default="dfquad", metavar="NAME", help="gradual semantics")
    parser.add_argument("--theme", default="briefing", choices=("briefing", "print"))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "html",
        help="the interactive brief: one self-contained offline HTML page",
        description=(
            "Write CASE as one self-contained HTML page that works offline: the maps "
            "(pan, zoom, fit, keyboard), a side panel per node, a scenario selector "
            "with a diff mode, search, the timeline, and links to a node or scenario."
        ),
    )
    add_page_options(parser)
    add_as_of(parser)
    parser.set_defaults(handler=run)


def load_inputs(args: argparse.Namespace) -> tuple[Any, list[Any]]:
    """The case and its scenarios named by ``args`` (each scenario must be about it)."""
    from argmap.cli.report import load_scenarios
    from argmap.errors import ArgmapError
    from argmap.io.casefile import load

    case_path = Path(args.case)
    if args.sources is not None and not Path(args.sources).is_dir():
        raise ArgmapError(f"--sources: {args.sources} is not a folder")
    case = load(case_path)
    _, scenarios = load_scenarios(case_path, args.scenarios)
    return case, scenarios


def run(args: argparse.Namespace) -> int:
    from argmap.html import write_html_brief
    from argmap.io.outputs import check_output

    start = time.perf_counter()
    check_output(args.output, [args.case])
    case, scenarios = load_inputs(args)
    path = write_html_brief(
        case,
        args.output,
        scenarios,
        sources_dir=args.sources,
        semantics=args.semantics,
        gradual=args.gradual,
        theme=args.theme,
        as_of=args.as_of,
    )
    say(
        f"argmap: wrote {path} ({path.stat().st_size:,} bytes, {time.perf_counter() - start:.1f} s)"
    )
    return 0
