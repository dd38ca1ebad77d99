"""``argmap validate FILE...``: check case files and summarise them."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._terminal import say
from argmap.errors import CaseError

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check case files; print a summary or every error",
        description=(
            "Check each case file (YAML or JSON). On success print a short summary; "
            "otherwise print every error as file:line: path: message and exit 2. "
            "Expressions that may be undefined for some draws of the parameters' "
            "distributions are reported as file:line: path: warning: ... (exit 0)."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="case files to check")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from argmap.io.casefile import load
    from argmap.model.contraries import one_way_rebuts
    from argmap.model.definedness import may_be_undefined
    from argmap.model.origins import locate
    from argmap.model.scheme_checks import unfilled_roles
    from argmap.semantics.precedent import conflict_warnings, theory_warnings

    failed = False
    for file in args.files:
        try:
            case = load(file)
        except CaseError as exc:
            failed = True
            for problem in exc.problems:
                say(problem, err=True)
            continue
        if not args.quiet:
            say(summary(file, case))
        # warnings, located like errors (file:line: path): a one-way rebut inside an
        # issue makes a verdict hang on an arrow's direction; an expression that may
        # fail for some draws is worth knowing, not an error; so is a precedent the
        # case base forbids a fortiori (Horty), and a scheme role that no premise fills
        warnings = [
            *one_way_rebuts(case),
            *may_be_undefined(case),
            *conflict_warnings(case),
            *theory_warnings(case),
            *unfilled_roles(case),
        ]
        for problem in locate(case, warnings):
            say(problem, err=True)
    return 2 if failed else 0


def summary(file: str, case: Any) -> str:
    """A few lines: the title, counts per kind, the issues and the parameters."""
    counts = {k: v for k, v in case.counts().items() if v}
    lines = [f"{file}: ok — {case.title}"]
    lines.append("  " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    for issue in case.issues:
        lines.append(f"  issue {issue.id} [{issue.proof_standard.name.value}]: {issue.question}")
    if case.parameters:
        lines.append("  parameters: " + ", ".join(f"{p.id}={p.value:g}" for p in case.parameters))
    return "\n".join(lines)
