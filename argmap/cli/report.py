"""``argmap report CASE [--scenarios FILE|DIR ...] -o OUT``: the main job.

Writes the briefing overview (``map.svg/png/pdf``: claims by issue), the whole map
(``map-full.svg/pdf``), one page per issue (``issue-ID.svg/png``), the timeline, the
evaluation table and the scenario comparison (CSV and Markdown), a one-page brief and
the interactive brief (``brief.html``, :mod:`argmap.html`) into OUT.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.cli._args import add_as_of, samples_arg, seed_arg
from argmap.cli._terminal import say
from argmap.scale.executor import add_executor_args

if TYPE_CHECKING:  # pragma: no cover
    from argmap.scenario.model import Scenario

__all__ = ["load_scenarios", "register", "run", "scenario_files"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="the main job: map, evaluation, scenario comparison and brief into a folder",
        description=(
            "Evaluate CASE; render its briefing overview (SVG, PNG, PDF), the whole map, "
            "one page per issue and the timeline; run the scenarios against the baseline; "
            "write tables (CSV, Markdown) and a one-page brief into the output folder."
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
    parser.add_argument("-o", "--output", default="out", metavar="OUT", help="folder (default out)")
    parser.add_argument("--semantics", default="grounded", metavar="NAME", help="Dung semantics")
    parser.add_argument("--gradual", default="dfquad", metavar="NAME", help="gradual semantics")
    parser.add_argument(
        "--samples", type=samples_arg, metavar="N", help="Monte Carlo samples per run"
    )
    parser.add_argument("--seed", type=seed_arg, metavar="S", help="random seed for Monte Carlo")
    parser.add_argument("--theme", default="briefing", choices=("briefing", "print"))
    parser.add_argument(
        "--sources",
        metavar="DIR",
        help="folder of the source files: brief.html shows each quote in its passage",
    )
    add_as_of(parser)
    parser.add_argument(
        "--paper", default="letter", choices=("letter", "a4"), help="paper of brief.pdf/.docx"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="draw maps larger than the layout limits too (may take many minutes)",
    )
    add_executor_args(parser)
    parser.set_defaults(handler=run)


def scenario_files(items: list[str]) -> list[Path]:
    """Expand folders to their ``*.yaml``/``*.yml`` files, sorted; keep files as given."""
    from argmap.errors import ArgmapError

    out: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"})
        elif path.is_file():
            out.append(path)
        else:
            raise ArgmapError(f"{item}: no such scenario file or folder")
    return out


def load_scenarios(case_path: Path, items: list[str]) -> tuple[list[Path], list[Scenario]]:
    """The scenario files ``items`` name, read, each checked to be about ``case_path``.

    Raises
    ------
    ArgmapError
        A file is missing, unreadable, or about another case.
    """
    from argmap.errors import ArgmapError
    from argmap.scenario.files import base_case_path, load_scenario

    paths = scenario_files(items) if items else []
    scenarios = []
    for path in paths:
        scenario = load_scenario(path)
        if base_case_path(scenario).resolve() != case_path.resolve():
            raise ArgmapError(
                f"{path}: scenario is about {base_case_path(scenario)}, not {case_path}"
            )
        scenarios.append(scenario)
    return paths, scenarios


def run(args: argparse.Namespace) -> int:
    from argmap.io.casefile import load
    from argmap.io.outputs import check_output_folder
    from argmap.report import build_report, check_report_folder, write_report
    from argmap.scale.executor import open_pool, where_from_args

    start = time.perf_counter()
    case_path = Path(args.case)
    paths = scenario_files(args.scenarios) if args.scenarios else []
    # before any work: the folder must be replaceable and hold none of the inputs
    check_output_folder(args.output, [case_path, *paths])
    check_report_folder(args.output)
    case = load(case_path)
    _, scenarios = load_scenarios(case_path, args.scenarios)
    with open_pool(where_from_args(args), announce=lambda line: say(line, err=True)) as pool:
        report = build_report(
            case,
            scenarios,
            semantics=args.semantics,
            gradual=args.gradual,
            samples=args.samples,
            seed=args.seed,
            theme=args.theme,
            force=args.force,
            as_of=args.as_of,
            executor=pool.executor,
            sources_dir=args.sources,
            paper=args.paper,
        )
    for stem, size in report.undrawn.items():
        print(
            f"argmap: warning: {stem} not drawn: {size} is too large to lay out "
            "(--force to draw it anyway)",
            file=sys.stderr,
        )
    written = write_report(report, args.output)
    for path in written:
        say(path)
    say(
        f"argmap: {len(written)} files in {args.output}/ "
        f"({len(scenarios)} scenario{'' if len(scenarios) == 1 else 's'}, "
        f"{time.perf_counter() - start:.1f} s)"
    )
    return 0
