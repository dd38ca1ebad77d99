"""``argmap evaluate CASE``: per claim its label, strength, proof standard and verdict
(:class:`~argmap.semantics.evaluation.Verdict`: the label and the standard read together).

Output formats (``--format``):

- ``table`` (default): one aligned row per claim;
- ``csv``: header ``id,issue,label,strength,standard,standard_met,verdict`` then one
  row per claim (``standard`` and ``standard_met`` empty for a claim without an issue);
- ``json``: an object ``{"title", "semantics", "gradual", "converged", "iterations",
  "as_of": "YYYY-MM-DD" or null, "notes": [str], "claims": [{"id", "text", "issue",
  "label", "strength", "standard", "standard_met", "verdict"}]}``; with ``--all``, also
  ``"nodes": [{"id", "kind", "label", "strength"}]`` for every node. The shape is
  documented in ``docs/semantics.md``.

With ``-o OUT`` the output is written atomically to OUT instead of standard output.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from typing import Any

from argmap.cli._args import add_as_of

# the names come from the light vocabulary module: the engine is not imported for --help
from argmap.vocabulary import DUNG_SEMANTICS as DUNG_NAMES
from argmap.vocabulary import GRADUAL_SEMANTICS as GRADUAL_NAMES
from argmap.vocabulary import check_dung, check_gradual

__all__ = ["register", "render_output", "run"]


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
        "--format", choices=("table", "json", "csv"), default="table", help="output format"
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
    text = render_output(case, evaluation, args.format, include_all=args.all)
    if args.output:
        write_output(args.output, text, [args.case])
    else:
        show(text)
    return 0


def _rows(case: Any, evaluation: Any) -> list[dict[str, Any]]:
    rows = []
    for claim in case.claims:
        result = evaluation[claim.id]
        rows.append(
            {
                "id": claim.id,
                "text": claim.text,
                "issue": claim.issue,
                "label": result.label.value,
                "strength": round(result.strength, 6),
                "standard": result.standard,
                "standard_met": result.standard_met,
                "verdict": result.verdict.value,
                "burden": result.burden,
            }
        )
    return rows


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def render_output(case: Any, evaluation: Any, fmt: str, *, include_all: bool = False) -> str:
    """The evaluation of ``case`` as ``table``, ``json`` or ``csv`` text."""
    rows = _rows(case, evaluation)
    if fmt == "json":
        data: dict[str, Any] = {
            "title": evaluation.title,
            "semantics": evaluation.semantics,
            "gradual": evaluation.gradual,
            "defeat": evaluation.defeat,
            "converged": evaluation.converged,
            "iterations": evaluation.iterations,
            "as_of": evaluation.as_of.isoformat() if evaluation.as_of else None,
            "notes": list(evaluation.notes),
            "claims": rows,
        }
        if include_all:
            data["nodes"] = [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "label": r.label.value,
                    "strength": round(r.strength, 6),
                    # a column of argument rows: each its open critical questions
                    **({"open_questions": list(r.open_questions)} if r.kind == "argument" else {}),
                }
                for r in evaluation
            ]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        fields = [
            "id",
            "issue",
            "label",
            "strength",
            "standard",
            "standard_met",
            "verdict",
            "burden",
        ]
        writer = csv.DictWriter(
            buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row[k]) for k in fields})
        return buffer.getvalue()
    header: tuple[str, ...] = ("claim", "issue", "label", "strength", "standard", "met", "verdict")
    body: list[tuple[str, ...]] = [
        (
            r["id"],
            r["issue"] or "-",
            r["label"],
            f"{r['strength']:.3f}",
            r["standard"] or "-",
            "-" if r["standard_met"] is None else ("yes" if r["standard_met"] else "no"),
            r["verdict"],
        )
        for r in rows
    ]
    if any(r["burden"] for r in rows):  # who must prove what, when the case says
        header = (*header, "burden")
        body = [(*line, r["burden"] or "-") for line, r in zip(body, rows, strict=True)]
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
