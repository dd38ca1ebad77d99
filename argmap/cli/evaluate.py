"""``argmap evaluate CASE``: per claim its label, strength, proof standard and verdict
(:class:`~argmap.semantics.evaluation.Verdict`: the label and the standard read together).

Output formats (``--format``; by default the suffix of ``-o OUT`` decides: ``.csv``,
``.md``, ``.json``, anything else a table):

- ``table``: one aligned row per claim;
- ``csv``: the columns of :data:`argmap.vocabulary.CLAIM_COLUMNS` (``claim,issue,text,
  label,strength,standard,standard_met,verdict,burden``), one row per claim, in the
  dialect of :mod:`argmap.tables` (the user guide's "Result tables");
- ``markdown``: the report's ``evaluation.md``;
- ``json``: an object ``{"title", "semantics", "gradual", "defeat", "converged",
  "iterations", "as_of": "YYYY-MM-DD" or null, "notes": [str], "claims": [row]}``,
  each row with the CSV's columns; with ``--all``, also ``"nodes": [{"id", "kind",
  "label", "strength"}]`` for every node (arguments with their ``open_questions``).
  The shape is documented in ``docs/semantics.md``.

With ``-o OUT`` the output is written atomically to OUT instead of standard output.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from argmap.cli._args import add_as_of
from argmap.tables import DECIMALS, format_for_output, is_missing, write_csv, write_json

# the names come from the light vocabulary module: the engine is not imported for --help
from argmap.vocabulary import DUNG_SEMANTICS as DUNG_NAMES
from argmap.vocabulary import GRADUAL_SEMANTICS as GRADUAL_NAMES
from argmap.vocabulary import check_dung, check_gradual

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from argmap.model import Case
    from argmap.semantics.evaluation import Evaluation

__all__ = ["FORMATS", "register", "render_output", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="label and weigh every claim of a case",
        description=(
            "Evaluate a case: each claim's Dung label (in/out/undec), gradual strength "
            "and whether its issue's proof standard is met."
        ),
    )
    parser.add_argument("case", metavar="CASE", help="case file (YAML or JSON)")
    parser.add_argument(
        "--semantics",
        default="grounded",
        metavar="NAME",
        help="Dung semantics: " + ", ".join(DUNG_NAMES) + " (default grounded)",
    )
    parser.add_argument(
        "--gradual",
        default="dfquad",
        metavar="NAME",
        help="gradual semantics: " + ", ".join(GRADUAL_NAMES) + " (default dfquad)",
    )
    parser.add_argument(
        "--defeat",
        choices=("preference", "attack"),
        default=None,
        help="preference: an attack on a strictly stronger target fails, undercuts always "
        "succeed; attack: every attack of positive weight defeats (default: the case's "
        "own defeat settings, else preference)",
    )
    parser.add_argument(
        "--ordering",
        choices=("weakest-link", "last-link"),
        default=None,
        help="ASPIC+ argument ordering for preference-based defeat (default: the case's, "
        "else weakest-link)",
    )
    parser.add_argument(
        "--comparison",
        choices=("elitist", "democratic"),
        default=None,
        help="ASPIC+ set comparison for preference-based defeat (default: the case's, "
        "else elitist)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the suffix of -o OUT, .csv .md .json, else table)",
    )
    add_as_of(parser)
    parser.add_argument("--all", action="store_true", help="JSON: include every node")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from argmap.cli._terminal import show
    from argmap.io.casefile import load
    from argmap.io.outputs import check_output, write_output
    from argmap.semantics.evaluate import evaluate

    # check names before loading, so a typo is reported even for a large case
    check_dung(args.semantics)
    check_gradual(args.gradual)
    if args.output:
        check_output(args.output, [args.case])
    case = load(args.case)
    evaluation = evaluate(
        case,
        semantics=args.semantics,
        gradual=args.gradual,
        defeat=args.defeat,
        ordering=args.ordering,
        comparison=args.comparison,
        as_of=args.as_of,
    )
    fmt = args.format or format_for_output(args.output, FORMATS)
    text = render_output(case, evaluation, fmt, include_all=args.all)
    if args.output:
        write_output(args.output, text, [args.case])
    else:
        show(text)
    return 0


FORMATS = ("table", "json", "csv", "markdown")


def render_output(
    case: Case, evaluation: Evaluation, fmt: str, *, include_all: bool = False
) -> str:
    """The evaluation of ``case`` as ``table``, ``json``, ``csv`` or ``markdown`` text.

    Every format is read from :meth:`Evaluation.to_frame
    <argmap.semantics.evaluation.Evaluation.to_frame>` and all but the terminal table
    are written by :mod:`argmap.tables`, so the columns and the CSV dialect are those
    of the report's ``evaluation.csv``.
    """
    from argmap.report import evaluation_markdown

    frame = evaluation.to_frame(case)
    if fmt == "csv":
        return write_csv(frame)
    if fmt == "markdown":
        return evaluation_markdown(case, evaluation)
    if fmt == "json":
        about: dict[str, Any] = {
            "title": evaluation.title,
            "semantics": evaluation.semantics,
            "gradual": evaluation.gradual,
            "defeat": evaluation.defeat,
            "converged": evaluation.converged,
            "iterations": evaluation.iterations,
            "as_of": evaluation.as_of.isoformat() if evaluation.as_of else None,
            "notes": list(evaluation.notes),
        }
        after: dict[str, Any] = {}
        if include_all:
            # every compiled node, not claims only: node rows, not claim rows
            after["nodes"] = [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "label": r.label.value,
                    "strength": round(r.strength, DECIMALS),
                    # a column of argument rows: each its open critical questions
                    **({"open_questions": list(r.open_questions)} if r.kind == "argument" else {}),
                }
                for r in evaluation
            ]
        return write_json(frame, about, rows="claims", after=after)
    return _terminal_table(evaluation, frame)


def _terminal_table(evaluation: Evaluation, frame: pd.DataFrame) -> str:
    """One aligned line per claim, a dash for none; the burden column only when the
    case says who must prove what."""
    rows = frame.to_dict(orient="records")
    header: tuple[str, ...] = ("claim", "issue", "label", "strength", "standard", "met", "verdict")
    body: list[tuple[str, ...]] = [
        (
            r["claim"],
            _dash(r["issue"]),
            r["label"],
            f"{r['strength']:.3f}",
            _dash(r["standard"]),
            "-" if is_missing(r["standard_met"]) else ("yes" if r["standard_met"] else "no"),
            r["verdict"],
        )
        for r in rows
    ]
    if not all(is_missing(r["burden"]) for r in rows):  # who must prove what, when the case says
        header = (*header, "burden")
        body = [(*line, _dash(r["burden"])) for line, r in zip(body, rows, strict=True)]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body, strict=False)]
    lines = [
        "  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)).rstrip()
        for line in (header, *body)
    ]
    title = (
        f"{evaluation.title} — {evaluation.semantics} / {evaluation.gradual}"
        f" / defeat: {evaluation.defeat}"
        + (f" / as of {evaluation.as_of.isoformat()}" if evaluation.as_of else "")
    )
    notes = [f"note: {n}" for n in evaluation.notes]
    return "\n".join([title, *lines, *notes]) + "\n"


def _dash(value: Any) -> str:
    """A text cell of the terminal table: none (a missing value in the frame) as ``-``."""
    return "-" if is_missing(value) else str(value)
