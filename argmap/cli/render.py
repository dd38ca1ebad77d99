"""``argmap render CASE -o OUT.(svg|png|pdf|dot)``: draw a case as an argument map.

The case is evaluated (``--semantics``, ``--gradual``) unless ``--plain`` is given, so the
map shows each node's status and strength. ``--view overview`` draws the one-page
briefing figure (claims by issue); ``--issue ID`` draws one issue in full.
``--scenario FILE`` draws the scenario's case instead; with ``--view diff`` it draws
the scenario's evaluation against the baseline's. The output is written atomically: a
failed run leaves no file.
"""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._args import add_as_of

__all__ = ["register", "run"]

_VIEWS = ("map", "overview", "issue", "diff", "timeline")
_THEMES = ("briefing", "print")
_DIRECTIONS = ("LR", "TB", "RL", "BT")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "render",
        help="draw a case as an argument map (SVG, PNG, PDF or DOT)",
        description=(
            "Draw a case as an argument map with a legend and its sources. The format "
            "comes from the output's suffix. Uses the system Graphviz 'dot' if present, "
            "else the graphviz-pure renderer installed with argmap."
        ),
    )
    parser.add_argument("case", metavar="CASE", help="case file (YAML or JSON)")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output file: .svg .png .pdf .dot"
    )
    parser.add_argument(
        "--semantics",
        metavar="S",
        help="Dung semantics (default: the scenario's, else grounded)",
    )
    parser.add_argument(
        "--gradual", metavar="G", help="gradual semantics (default: the scenario's, else dfquad)"
    )
    parser.add_argument("--plain", action="store_true", help="draw the case without evaluating it")
    parser.add_argument("--scenario", metavar="FILE", help="apply this scenario file first")
    parser.add_argument(
        "--view",
        choices=_VIEWS,
        default="map",
        help=(
            "map (default: everything), overview (claims only, by issue: a one-page "
            "briefing figure), issue (one issue in full: needs --issue), diff against "
            "the baseline (needs --scenario), or timeline"
        ),
    )
    parser.add_argument(
        "--issue", metavar="ID", help="the issue to draw with --view issue (implies it)"
    )
    parser.add_argument("--focus", metavar="ID", help="draw only the nodes around ID")
    parser.add_argument(
        "--depth", type=int, default=2, metavar="K", help="steps around --focus (default 2)"
    )
    parser.add_argument(
        "--theme",
        choices=_THEMES,
        default="briefing",
        help="briefing (colour, default) or print (black and white)",
    )
    parser.add_argument(
        "--direction",
        choices=_DIRECTIONS,
        default=None,
        help="layout direction (default: TB for the overview, else LR: left to right)",
    )
    parser.add_argument(
        "--cluster",
        choices=("issue", "party", "none"),
        default="issue",
        help="group nodes by issue (default), by party, or not at all",
    )
    add_as_of(parser)
    parser.add_argument("--title", metavar="TEXT", help="title over the map")
    parser.add_argument(
        "--paper",
        choices=("letter", "a4"),
        help=(
            "a PDF on pages of this paper: one page when the text prints at 8 pt or more, "
            "else overlapping tiles with a locator (PDF output only)"
        ),
    )
    parser.add_argument(
        "--fit",
        action="store_true",
        help="with --paper: shrink the map onto one page, however small its text prints",
    )
    parser.add_argument(
        "--audience",
        choices=("reader", "analyst"),
        default="analyst",
        help="analyst (default): ids and semantics words; reader: no ids, plain words",
    )
    parser.add_argument(
        "--engine",
        choices=("auto", "dot", "graphviz-pure"),
        default=None,
        help="renderer (default: $ARGMAP_RENDERER or auto)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=(
            "lay out a map beyond the layout limits (3,000 nodes, 4,000 edges, 4 edges "
            "per node) anyway; it may take many minutes"
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.brief.figures import audience_theme
    from argmap.errors import RenderError
    from argmap.io.casefile import load
    from argmap.io.outputs import check_output, write_output
    from argmap.maps import render
    from argmap.maps.engine import FORMATS
    from argmap.model.as_of import at_date

    out = Path(args.output)
    fmt = out.suffix.lower().lstrip(".")
    # check what needs no work first, so a typo never costs a layout
    if fmt not in FORMATS:
        wanted = ", ".join(f".{f}" for f in FORMATS)
        raise RenderError(f"{out}: cannot tell the format from the suffix (use {wanted})")
    if args.paper is not None and fmt != "pdf":
        raise RenderError(f"{out}: --paper lays the map out on PDF pages; give a .pdf output")
    if args.fit and args.paper is None:
        raise RenderError("--fit shrinks the map onto one page of --paper; give --paper too")
    inputs = [args.case] + ([args.scenario] if args.scenario is not None else [])
    check_output(out, inputs)
    if args.view == "diff" and args.scenario is None:
        raise RenderError("--view diff needs --scenario FILE (the scenario to compare)")
    if args.view == "diff" and args.plain:
        raise RenderError("--view diff compares evaluations; it cannot be --plain")
    if args.depth < 0:
        raise RenderError(f"--depth must be 0 or more, got {args.depth}")
    view, focus = args.view, args.focus
    if args.issue is not None:
        if view not in ("map", "issue") or focus is not None:
            raise RenderError(
                f"--issue draws the issue view; it cannot be combined with --view {view} or --focus"
            )
        view, focus = "issue", args.issue
    elif view == "issue":
        raise RenderError("--view issue needs --issue ID (the issue to draw)")

    case = load(args.case)
    if view in ("map", "overview") and focus is None and fmt != "dot" and not args.force:
        # both draw every claim: too many claims is refused before evaluating
        from argmap.maps.engine import check_layout_size

        check_layout_size(len(case.claims), None)
    baseline = None
    shown = case
    semantics, gradual = args.semantics, args.gradual
    if args.scenario is not None:
        from argmap.scenario.apply import apply_scenario
        from argmap.scenario.files import load_scenario

        scenario = load_scenario(args.scenario)
        shown = apply_scenario(case, scenario)
        semantics = semantics or scenario.semantics
        gradual = gradual or scenario.gradual
    semantics, gradual = semantics or "grounded", gradual or "dfquad"
    # only what was known on the date is drawn (a scenario's nodes included)
    shown, case = at_date(shown, args.as_of), at_date(case, args.as_of)
    evaluation = None
    if not args.plain:
        from argmap.semantics.evaluate import evaluate

        evaluation = evaluate(shown, semantics=semantics, gradual=gradual)
        if args.view == "diff":
            baseline = evaluate(case, semantics=semantics, gradual=gradual)
    m = render(
        shown,
        evaluation,
        baseline=baseline,
        view=view,
        focus=focus,
        depth=args.depth,
        theme=audience_theme(args.theme, args.audience),
        direction=args.direction,
        title=args.title,
        cluster=args.cluster,
        engine=args.engine,
        force=args.force or fmt == "dot",  # DOT needs no layout
    )
    if args.paper is not None:
        from argmap.brief.compose import fitted_figures
        from argmap.brief.pdf import figure_pages

        caption = args.title or shown.title
        figures = fitted_figures(m.pipe("svg"), args.paper, caption, shrink=args.fit)
        write_output(out, figure_pages(figures, args.paper), inputs)
        return 0
    write_output(out, m.pipe(fmt), inputs)
    return 0
